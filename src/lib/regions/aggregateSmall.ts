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

/**
 * `true` when every region the small frame touches is whole in each year (or over all rows when there is no
 * year): the check of `checkWholeRegions` in plain TypeScript. `false` when a region may be partial or the frame
 * is left to polars (too large, a column missing or of another type): the polars check then runs and names
 * what is missing.
 */
export function wholeRegionsSmall(
  df: pl.DataFrame,
  mapping: pl.DataFrame,
  o: { muni: string; code: string; to: string; per: string[] },
): boolean {
  const map = readRows(mapping, [o.code, o.to]);
  const data = readRows(df, [o.muni, ...o.per]);
  if (!map || !data || map.dtypes[0]!.variant !== data.dtypes[0]!.variant) return false;
  const regionOf = new Map<unknown, unknown>();
  const need = new Map<unknown, Set<unknown>>();
  for (const [code, to] of map.rows) {
    if (code === null || to === null) continue;
    if (regionOf.has(code) && regionOf.get(code) !== to) return false; // one municipality in two regions: polars decides
    regionOf.set(code, to);
    (need.get(to) ?? need.set(to, new Set()).get(to)!).add(code);
  }
  const have = new Map<string, Set<unknown>>(); // "<year>\u0000<region>" → municipalities present
  const regionAt = new Map<string, unknown>();
  for (const [code, year] of data.rows) {
    const to = regionOf.get(code);
    if (to === undefined) continue;
    const key = `${String(year)}\u0000${typeof to}:${String(to)}`;
    regionAt.set(key, to);
    (have.get(key) ?? have.set(key, new Set()).get(key)!).add(code);
  }
  for (const [key, present] of have) if (present.size < need.get(regionAt.get(key))!.size) return false;
  return true;
}
