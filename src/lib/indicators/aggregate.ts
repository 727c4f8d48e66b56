/**
 * Summing a long frame up to coarser keys (e.g. sectors to sector groups,
 * municipalities to regions).
 */
import * as pl from "nodejs-polars";
import { checkLongFrame } from "./validate";

export interface SumByOptions {
  /** Columns to keep as keys of the result. */
  by: string[];
  /** Column to sum (cast to Float64; negative values allowed, e.g. changes). */
  value: string;
  /** Columns that identify an input row (checked for duplicates); defaults to all non-value columns. */
  keys?: string[];
}

/**
 * Σ value by the `by` columns, sorted by them.
 * @example
 * sumBy(df, { by: ["region", "group"], value: "value" });
 */
export function sumBy(df: pl.DataFrame, opts: SumByOptions): pl.DataFrame {
  const keys = opts.keys ?? df.columns.filter((c) => c !== opts.value);
  const clean = checkLongFrame("sumBy", df, keys, opts.value, { allowNegative: true });
  return clean.groupBy(opts.by).agg(pl.col(opts.value).sum().alias(opts.value)).sort(opts.by);
}
