/**
 * Weighted rates: aggregate published rates (e.g. the % of firms that
 * innovate, by region) to larger areas, weighting each by its base
 * (e.g. the number of firms).
 *
 *   rate_G = Σ_{j∈G} w_j · r_j / Σ_{j∈G} w_j     over units j with a published rate
 *   coverage_G = Σ_{j∈G, r_j known} w_j / Σ_{j∈G} w_j
 *
 * Units whose rate is not published (null) are left out of the rate and
 * counted in `coverage` and `units_missing`, never treated as 0. Anything
 * else that is not a rate in range is refused: a text or NaN rate, a rate
 * outside `range` (default 0–100 %), a weight that is null, NaN, infinite or
 * negative, an empty frame, and totals that overflow.
 */
import * as pl from "nodejs-polars";
import { IndicatorInputError } from "../data/errors";
import { cachedExprs, keyOf } from "./exprCache";

export interface WeightedRateOptions {
  /** Column with the rate (e.g. percent); null = not published. */
  rate: string;
  /** Column with the weight (e.g. firms); must be known, finite and ≥ 0. */
  weight: string;
  /** Grouping columns (default: one group of all rows). */
  by?: string[];
  /** Inclusive range a published rate must lie in (default [0, 100]: percent; [0, 1] for fractions). */
  range?: readonly [number, number];
}

const ROW = "__row";

/** "row 3 (type=city)": the first row of `bad`, 1-based, with its group keys. */
function where(bad: pl.DataFrame, by: string[]): string {
  const rec = bad.head(1).toRecords()[0] ?? {};
  const keys = by.map((k) => `${k}=${String(rec[k])}`).join(", ");
  return `row ${Number(rec[ROW]) + 1}${keys ? ` (${keys})` : ""}`;
}

function checkNumeric(fn: string, df: pl.DataFrame, col: string, by: string[]): void {
  const s = df.getColumn(col);
  if (s.isNumeric() || s.dtype.variant === "Null") return;
  const text = pl.col(col).cast(pl.Utf8);
  const bad = df.filter(text.isNotNull().and(text.cast(pl.Float64, false).isNull()));
  const rec = bad.head(1).toRecords()[0];
  const example = rec ? `, e.g. '${String(rec[col])}' at ${where(bad, by)}` : "";
  throw new IndicatorInputError(fn, `column '${col}' must be numeric (found ${s.dtype.variant}${example})`);
}

/** The expressions of one (rate, weight, range), built once (exprCache.ts). */
function exprs(rate: string, weight: string, lo: number, hi: number) {
  const w = pl.col(weight).cast(pl.Float64);
  const r = pl.col(rate).cast(pl.Float64);
  const known = r.isNotNull();
  return {
    badWeight: w.isNull().or(w.isNan()).or(w.isInfinite()).or(w.lt(0)),
    badRate: r.isNotNull().and(r.isNan().or(r.isInfinite()).or(r.lt(lo)).or(r.gt(hi))),
    all: pl.lit("all").alias("__all"),
    sums: [
      w.filter(known).dot(r.filter(known)).alias("__num"),
      w.filter(known).sum().alias("weight_covered"),
      w.sum().alias("weight_total"),
      pl.col(weight).count().cast(pl.Int64).alias("units"),
      r.isNull().sum().cast(pl.Int64).alias("units_missing"),
    ],
    ratios: [pl.col("__num").div(pl.col("weight_covered")).alias("rate"), pl.col("weight_covered").div(pl.col("weight_total")).alias("coverage")],
    empty: pl.col("weight_covered").eq(0).or(pl.col("weight_covered").isNull()),
    overflow: pl.col("__num").isInfinite().or(pl.col("weight_total").isInfinite()),
  };
}

/**
 * Published rates aggregated to groups, each weighted by its base, with the coverage of unpublished ones.
 * @remarks
 * A published rate $r_j$ (e.g. the % of firms that innovate) of units j pooled into a group G, each weighted by its
 * base $w_j$ (e.g. the number of firms), over the units whose rate is published:
 *
 * $$r_G = \frac{\sum_{j \in G} w_j r_j}{\sum_{j \in G} w_j}, \qquad \mathrm{coverage}_G = \frac{\sum_{j \in G,\ r_j \text{ published}} w_j}{\sum_{j \in G} w_j}$$
 *
 * Unpublished rates are left out of the rate and show in the coverage, never as 0.
 *
 * References: Cochran, W. G. (1977). *Sampling Techniques* (3rd ed.). New York: Wiley. Lohr, S. L. (2010). *Sampling:
 * Design and Analysis* (2nd ed.). Boston: Brooks/Cole.
 * @returns `...by, rate, weight_total, weight_covered, coverage, units, units_missing`, sorted by `by`.
 * @throws IndicatorInputError naming the column, the row and the value when a rate is not numeric,
 *   NaN/infinite or outside `range`, a weight is null/NaN/infinite/negative, the frame has no rows,
 *   a group has no published rate with positive weight, or a total overflows.
 * @example
 * weightedRate(df, { rate: "pct_innovative", weight: "firms", by: ["region_type"] });
 * // firms 100 at 20 % and 300 at 10 % → 12.5 %
 */
export function weightedRate(df: pl.DataFrame, opts: WeightedRateOptions): pl.DataFrame {
  const fn = "weightedRate";
  const by = opts.by ?? [];
  const [lo, hi] = opts.range ?? [0, 100];
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo <= hi))
    throw new IndicatorInputError(fn, `range must be [low, high] with finite low ≤ high, got [${lo}, ${hi}]`);
  for (const c of [opts.rate, opts.weight, ...by])
    if (!df.columns.includes(c)) throw new IndicatorInputError(fn, `column '${c}' not found (columns: ${df.columns.join(", ")})`);
  if (df.height === 0)
    throw new IndicatorInputError(fn, `the frame has no rows, so there is no '${opts.rate}' to weight (were all units left out or filtered away?)`);
  const indexed = df.withRowIndex(ROW);
  checkNumeric(fn, indexed, opts.rate, by);
  checkNumeric(fn, indexed, opts.weight, by);
  const e = cachedExprs("weightedRate", keyOf(opts.rate, opts.weight, lo, hi), () => exprs(opts.rate, opts.weight, lo, hi));
  const badW = indexed.filter(e.badWeight);
  if (badW.height > 0) {
    const v = badW.getColumn(opts.weight).get(0) as unknown;
    throw new IndicatorInputError(
      fn,
      `column '${opts.weight}' must be a known weight ≥ 0 (finite, not NaN); found ${String(v)} at ${where(badW, by)}`,
    );
  }
  const badR = indexed.filter(e.badRate);
  if (badR.height > 0) {
    const v = badR.getColumn(opts.rate).get(0) as unknown;
    throw new IndicatorInputError(
      fn,
      `column '${opts.rate}' must be a rate from ${lo} to ${hi} or null (not published); found ${String(v)} at ${where(badR, by)}`,
    );
  }
  const data = df.withColumns(e.all);
  const keys = by.length ? by : ["__all"];
  const out = data
    .groupBy(keys)
    .agg(...e.sums)
    .withColumns(...e.ratios)
    .sort(keys);
  const empty = out.filter(e.empty);
  if (empty.height > 0) {
    const rec = empty.head(1).toRecords()[0] ?? {};
    const group = by.length ? ` (${by.map((k) => `${k}=${String(rec[k])}`).join(", ")})` : "";
    throw new IndicatorInputError(fn, `a group${group} has no published '${opts.rate}' with positive weight`);
  }
  const overflow = out.filter(e.overflow);
  if (overflow.height > 0)
    throw new IndicatorInputError(fn, `the total of '${opts.weight}' (or of weight × rate) overflows a 64-bit float in a group`);
  return out.select(...by, "rate", "weight_total", "weight_covered", "coverage", "units", "units_missing");
}
