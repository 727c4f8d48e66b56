/**
 * toRegions on small frames, in plain TypeScript (see indicators/smallFrame.ts): the mapping looked
 * up per row and the values summed exactly (indicators/aggregateSmall.ts). `undefined` on any
 * refusal or frame left to polars (e.g. a mapping that repeats a municipality), and the polars path runs.
 * @internal
 */
import type * as pl from "nodejs-polars";
import { sumRows, type GroupColumn } from "../indicators/aggregateSmall";
import { kindOf, longRows, readRows } from "../indicators/smallFrame";

/** toRegions' result for the resolved options, or undefined. */
export function toRegionsSmall(
  df: pl.DataFrame,
  mapping: pl.DataFrame,
  o: { muni: string; code?: string; to: string; value: string; keep: string[]; extra: string[] },
): pl.DataFrame | undefined {
  const target = [o.to, ...o.extra];
  // the polars path renames the mapping's code to `muni` and joins: clashing names go to it
  if (new Set([o.muni, ...target, ...o.keep, o.value]).size !== 2 + target.length + o.keep.length) return undefined;
  const map = readRows(mapping, [o.code ?? "municipality_code_2008", ...target]);
  if (!map || target.some((_, i) => kindOf(map.dtypes[i + 1]!) === undefined)) return undefined;
  const byCode = new Map<unknown, unknown[]>();
  for (const row of map.rows) {
    if (row[0] === null || byCode.has(row[0])) return undefined;
    byCode.set(row[0], row.slice(1));
  }
  const read = longRows(df, [o.muni, ...o.keep], o.value, { allowNegative: true });
  if (!read || read.dtypes[0]!.variant !== map.dtypes[0]!.variant) return undefined;
  const k = o.keep.length;
  const rows: unknown[][] = [];
  for (const row of read.rows) {
    const to = byCode.get(row[0]);
    if (!to) return undefined; // a municipality not in the mapping: a refusal
    rows.push([...to, ...row.slice(1, k + 2)]);
  }
  const by: GroupColumn[] = [
    ...target.map((n, i): GroupColumn => [n, map.dtypes[i + 1]!, i]),
    ...o.keep.map((n, i): GroupColumn => [n, read.dtypes[i + 1]!, target.length + i]),
  ];
  return sumRows(rows, by, target.length + k, o.value);
}
