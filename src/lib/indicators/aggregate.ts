/**
 * Summing a long frame up to coarser keys (e.g. sectors to sector groups,
 * municipalities to regions).
 */
import * as pl from "nodejs-polars";
import { IndicatorInputError } from "../data/errors";
import { sumBySmall } from "./aggregateSmall";
import { checkLongFrame } from "./validate";

export interface SumByOptions {
  /** Columns to keep as keys of the result. */
  by: string[];
  /** Column to sum (cast to Float64; negative values allowed, e.g. changes). */
  value: string;
  /** Columns that identify an input row (checked for duplicates); defaults to all non-value columns. */
  keys?: string[];
}

const LIMIT = Number.MAX_SAFE_INTEGER;

function describe(rec: Record<string, unknown>, cols: string[]): string {
  return cols.map((k) => `${k}=${String(rec[k])}`).join(", ");
}

/**
 * Σ value by the `by` columns, sorted by them.
 * Values and sums must stay within ±Number.MAX_SAFE_INTEGER (2^53 − 1), where
 * a 64-bit float still holds every integer exactly; beyond it counts would be
 * rounded (or, past 1.8e308, become infinite), so that is an error.
 * @throws IndicatorInputError on a missing column, a null, NaN or infinite value, duplicate keys,
 *   or a value or sum beyond ±Number.MAX_SAFE_INTEGER (naming the row or group)
 * @example
 * sumBy(df, { by: ["region", "group"], value: "value" });
 */
export function sumBy(df: pl.DataFrame, opts: SumByOptions): pl.DataFrame {
  const fn = "sumBy";
  if (!Array.isArray(opts.by) || opts.by.length === 0) throw new IndicatorInputError(fn, "'by' must name at least one column");
  for (const c of opts.by)
    if (!df.columns.includes(c)) throw new IndicatorInputError(fn, `column '${c}' of 'by' not found (columns: ${df.columns.join(", ")})`);
  const keys = opts.keys ?? df.columns.filter((c) => c !== opts.value);
  // exact integer sums of a small frame in plain TypeScript (aggregateSmall.ts); the rest here
  const small = sumBySmall(df, opts.by, keys, opts.value);
  if (small) return small;
  const clean = checkLongFrame(fn, df, keys, opts.value, { allowNegative: true });
  const v = pl.col(opts.value);
  const big = clean.filter(v.abs().gt(LIMIT));
  if (big.height > 0) {
    const rec = big.head(1).toRecords()[0] ?? {};
    throw new IndicatorInputError(
      fn,
      `column '${opts.value}' has ${String(rec[opts.value])} at ${describe(rec, keys)}, beyond ±Number.MAX_SAFE_INTEGER (${LIMIT}): a 64-bit float no longer holds it exactly`,
    );
  }
  const out = clean.groupBy(opts.by).agg(v.sum().alias(opts.value)).sort(opts.by);
  const over = out.filter(v.abs().gt(LIMIT).or(v.isInfinite()).or(v.isNan()));
  if (over.height > 0) {
    const rec = over.head(1).toRecords()[0] ?? {};
    throw new IndicatorInputError(
      fn,
      `the sum of '${opts.value}' for ${describe(rec, opts.by)} is ${String(rec[opts.value])}, beyond ±Number.MAX_SAFE_INTEGER (${LIMIT}): it would not be exact`,
    );
  }
  return out;
}
