/**
 * Demographic components pooled over the years a unit is covered: a claim about a period is
 * tested on the period's sum, not on its single years.
 *
 *   Σ births, Σ deaths, natural change = Σ births − Σ deaths,
 *   net migration = Σ in − Σ out (null when any year's migration is missing),
 *   implied net migration = Σ (end − start) − natural change,
 *   person-years = Σ mean population,
 *   rate of X = 1000 · X / person-years   (per 1,000 inhabitants per year)
 */
import * as pl from "nodejs-polars";
import { IndicatorInputError } from "../data/errors";
import { cachedExprs, keyOf } from "./exprCache";

export interface PoolOptions {
  /** Unit columns to pool within (default `["region"]`). */
  by?: string[];
  /** Time column, listed in `years` (default `year`). */
  time?: string;
}

const NEEDED = ["births", "deaths", "in_migration", "out_migration", "population_start", "population_end", "mean_population"];

/** The pooling expressions for a time column (built once per column and type: exprCache.ts). */
function exprs(time: string, floatTime: boolean) {
  const f = (c: string): pl.Expr => pl.col(c).cast(pl.Float64);
  const per1000 = (c: string): pl.Expr => pl.col(c).div(pl.col("person_years")).mul(1000);
  // years listed as written: whole years stored as floats print without ".0"
  const t = floatTime ? pl.col(time).cast(pl.Int64) : pl.col(time);
  const migration = pl
    .when(f("in_migration").isNull().any().or(f("out_migration").isNull().any()))
    .then(pl.lit(null))
    .otherwise(f("in_migration").sum().sub(f("out_migration").sum()));
  return {
    sums: [
      t.cast(pl.Utf8).str.concat(", ").alias("years"),
      pl.col(time).count().cast(pl.Int64).alias("n_years"),
      f("births").sum().alias("births"),
      f("deaths").sum().alias("deaths"),
      migration.alias("net_migration"),
      f("population_end").sub(f("population_start")).sum().alias("change"),
      f("mean_population").sum().alias("person_years"),
    ],
    natural: pl.col("births").sub(pl.col("deaths")).alias("natural_change"),
    implied: pl.col("change").sub(pl.col("natural_change")).alias("implied_net_migration"),
    rates: [
      per1000("natural_change").alias("natural_rate"),
      per1000("net_migration").alias("net_migration_rate"),
      per1000("implied_net_migration").alias("implied_net_migration_rate"),
    ],
  };
}

/**
 * Pool the per-year output of `demographicComponents` within each unit.
 * @returns `...by, years (e.g. "2005, 2006"), n_years, births, deaths, natural_change, net_migration,
 *   implied_net_migration, person_years, natural_rate, net_migration_rate, implied_net_migration_rate`, sorted by `by`.
 * @throws IndicatorInputError on a missing column or an empty frame
 * @example
 * // a region with 2005: 1000 → 1010, 12 births, 10 deaths; 2006: 1010 → 1004, 9 births, 11 deaths
 * poolComponents(demographicComponents(df)); // natural_change 0, person_years 2012, implied net migration 4
 */
export function poolComponents(df: pl.DataFrame, opts: PoolOptions = {}): pl.DataFrame {
  const by = opts.by ?? ["region"];
  const time = opts.time ?? "year";
  for (const c of [...by, time, ...NEEDED]) if (!df.columns.includes(c)) throw new IndicatorInputError("poolComponents", `column '${c}' not found`);
  if (df.height === 0) throw new IndicatorInputError("poolComponents", "the frame has no rows");
  const floatTime = df.getColumn(time).dtype.equals(pl.Float64);
  // pooling sums calendar years: a fractional year would be listed cut to its whole part ("2005.5" as "2005")
  if (floatTime) {
    const odd = df.filter(pl.col(time).neq(pl.col(time).floor())).getColumn(time);
    if (odd.length > 0) throw new IndicatorInputError("poolComponents", `column '${time}' must hold whole years, found ${String(odd.get(0))}`);
  }
  const e = cachedExprs("poolComponents", keyOf(time, floatTime), () => exprs(time, floatTime));
  return df
    .sort([...by, time])
    .groupBy(by)
    .agg(...e.sums)
    .withColumns(e.natural)
    .withColumns(e.implied)
    .withColumns(...e.rates)
    .select(
      ...by,
      "years",
      "n_years",
      "births",
      "deaths",
      "natural_change",
      "net_migration",
      "implied_net_migration",
      "person_years",
      "natural_rate",
      "net_migration_rate",
      "implied_net_migration_rate",
    )
    .sort(by);
}
