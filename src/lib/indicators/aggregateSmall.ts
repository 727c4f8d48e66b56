/**
 * sumBy on small frames, in plain TypeScript (see smallFrame.ts), when every sum is exact: integer
 * values whose absolute values add up to at most Number.MAX_SAFE_INTEGER per group, so that no
 * order of addition can round (polars' may differ from a loop's). Otherwise, and on any refusal,
 * `undefined`: the polars path runs.
 * @internal
 */
import * as pl from "nodejs-polars";
import { compareRowsAt, frameOf, kindOf, longRows, plainNames } from "./smallFrame";

/** A grouping column: its name, dtype and the index of its cell in the rows. */
export type GroupColumn = [name: string, dtype: pl.DataType, at: number];

/**
 * Σ of the cell at `valueAt` by the cells of `by` (text or integer, nulls allowed), sorted by them
 * (nulls first), as the frame `by..., <valueName>` (Float64); undefined unless every sum is exact.
 */
export function sumRows(rows: unknown[][], by: GroupColumn[], valueAt: number, valueName: string): pl.DataFrame | undefined {
  if (by.some(([, t]) => kindOf(t) === undefined || kindOf(t) === "float")) return undefined;
  const groups = new Map<string, { cells: unknown[]; sum: number; abs: number }>();
  for (const row of rows) {
    const v = row[valueAt] as number;
    if (!Number.isInteger(v) || Object.is(v, -0)) return undefined;
    const cells = by.map(([, , at]) => row[at]);
    const id = JSON.stringify(cells);
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { cells, sum: 0, abs: 0 }));
    g.sum += v;
    g.abs += Math.abs(v);
    if (g.abs > Number.MAX_SAFE_INTEGER) return undefined;
  }
  const out = [...groups.values()].map((g) => [...g.cells, g.sum]);
  out.sort(compareRowsAt(by.map((_, i) => i)));
  return frameOf([...by.map(([n, t]): [string, pl.DataType] => [n, t]), [valueName, pl.Float64]], out);
}

/** sumBy's result (its `by` already checked to be columns of `df`), or undefined. */
export function sumBySmall(df: pl.DataFrame, by: string[], keys: string[], value: string): pl.DataFrame | undefined {
  if (by.includes(value) || !plainNames([...by, value])) return undefined;
  const read = longRows(df, keys, value, { allowNegative: true, extra: by });
  if (!read) return undefined;
  const columns = by.map((n): GroupColumn => {
    const at = read.names.indexOf(n);
    return [n, read.dtypes[at]!, at];
  });
  return sumRows(read.rows, columns, keys.length, value);
}
