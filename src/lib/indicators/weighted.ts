/**
 * Weighted rates: aggregate published rates (e.g. the % of firms that
 * innovate, by region) to larger areas, weighting each by its base
 * (e.g. the number of firms).
 *
 *   rate_G = Σ_{j∈G} w_j · r_j / Σ_{j∈G} w_j     over units j with a published rate
 *   coverage_G = Σ_{j∈G, r_j known} w_j / Σ_{j∈G} w_j
 *
 * Units whose rate is not published (null) are left out of the rate and
 * counted in `coverage` and `units_missing`, never treated as 0.
 */
import * as pl from "nodejs-polars";
import { IndicatorInputError } from "../data/errors";

export interface WeightedRateOptions {
  /** Column with the rate (e.g. percent); null = not published. */
  rate: string;
  /** Column with the weight (e.g. firms); must be known and ≥ 0. */
  weight: string;
  /** Grouping columns (default: one group of all rows). */
  by?: string[];
}

/**
 * @returns `...by, rate, weight_total, weight_covered, coverage, units, units_missing`, sorted by `by`.
 * @throws IndicatorInputError when a weight is null/negative or a group has no published rate.
 * @example
 * weightedRate(df, { rate: "pct_innovative", weight: "firms", by: ["region_type"] });
 * // firms 100 at 20 % and 300 at 10 % → 12.5 %
 */
export function weightedRate(df: pl.DataFrame, opts: WeightedRateOptions): pl.DataFrame {
  const fn = "weightedRate";
  const by = opts.by ?? [];
  for (const c of [opts.rate, opts.weight, ...by]) if (!df.columns.includes(c)) throw new IndicatorInputError(fn, `column '${c}' not found`);
  if (df.height === 0) throw new IndicatorInputError(fn, "the frame has no rows");
  const w = pl.col(opts.weight).cast(pl.Float64);
  const r = pl.col(opts.rate).cast(pl.Float64);
  const bad = df.filter(w.isNull().or(w.lt(0)).or(w.isNan()));
  if (bad.height > 0) throw new IndicatorInputError(fn, `column '${opts.weight}' must be a known weight ≥ 0`);
  const known = r.isNotNull().and(r.isNan().not());
  const data = df.withColumns(pl.lit("all").alias("__all"));
  const keys = by.length ? by : ["__all"];
  const out = data
    .groupBy(keys)
    .agg(
      w.filter(known).dot(r.filter(known)).alias("__num"),
      w.filter(known).sum().alias("weight_covered"),
      w.sum().alias("weight_total"),
      pl.col(opts.weight).count().cast(pl.Int64).alias("units"),
      r.isNull().sum().cast(pl.Int64).alias("units_missing"),
    )
    .withColumns(pl.col("__num").div(pl.col("weight_covered")).alias("rate"), pl.col("weight_covered").div(pl.col("weight_total")).alias("coverage"))
    .sort(keys);
  const empty = out.filter(pl.col("weight_covered").eq(0).or(pl.col("weight_covered").isNull()));
  if (empty.height > 0) throw new IndicatorInputError(fn, `a group has no published '${opts.rate}' with positive weight`);
  return out.select(...by, "rate", "weight_total", "weight_covered", "coverage", "units", "units_missing");
}
