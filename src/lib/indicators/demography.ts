/**
 * Demographic components of population change (the balancing equation).
 *
 *   natural change   = births − deaths
 *   net migration    = in-migration − out-migration
 *   residual         = end − (start + natural change + net migration)
 *   mean population  = (start + end) / 2
 *   rate of X        = 1000 · X / mean population   (per 1,000)
 *
 * SSB's published components do not close the equation exactly
 * (registration corrections): the residual is reported, never hidden.
 * Where migration is not published, `implied_net_migration` = (end − start) −
 * natural change still is (it then includes the residual).
 */
import * as pl from "nodejs-polars";
import { IndicatorInputError } from "../data/errors";
import { cachedExprs, keyOf } from "./exprCache";
import { checkNumericColumn } from "./keyChecks";

export interface ComponentsOptions {
  /** Unit column (municipality, region …); default `region`. */
  region?: string;
  /** Time column; default `year`. */
  time?: string;
  start?: string;
  births?: string;
  deaths?: string;
  inMigration?: string;
  outMigration?: string;
  end?: string;
}

const DEFAULTS = {
  region: "region",
  time: "year",
  start: "population_start",
  births: "births",
  deaths: "deaths",
  inMigration: "in_migration",
  outMigration: "out_migration",
  end: "population_end",
};

/** The expressions for one set of column names (built once: exprCache.ts). */
function exprs(o: typeof DEFAULTS) {
  const counts = [o.start, o.end, o.births, o.deaths, o.inMigration, o.outMigration];
  const f = (c: string): pl.Expr => pl.col(c).cast(pl.Float64);
  const per1000 = (e: pl.Expr): pl.Expr => e.div(pl.col("mean_population")).mul(1000);
  return {
    negative: counts.map((c) => [c, pl.col(c).lt(0)] as const),
    columns: [
      pl.col(o.region).alias("region"),
      pl.col(o.time).alias("year"),
      f(o.start).alias("population_start"),
      f(o.end).alias("population_end"),
      f(o.births).alias("births"),
      f(o.deaths).alias("deaths"),
      f(o.inMigration).alias("in_migration"),
      f(o.outMigration).alias("out_migration"),
    ],
    first: [
      pl.col("births").sub(pl.col("deaths")).alias("natural_change"),
      pl.col("in_migration").sub(pl.col("out_migration")).alias("net_migration"),
      pl.col("population_start").add(pl.col("population_end")).div(2).alias("mean_population"),
    ],
    second: [
      pl.col("population_end").sub(pl.col("population_start")).sub(pl.col("natural_change")).alias("implied_net_migration"),
      pl.col("population_end").sub(pl.col("population_start")).sub(pl.col("natural_change")).sub(pl.col("net_migration")).alias("residual"),
    ],
    rates: [
      per1000(pl.col("births")).alias("birth_rate"),
      per1000(pl.col("deaths")).alias("death_rate"),
      per1000(pl.col("natural_change")).alias("natural_rate"),
      per1000(pl.col("net_migration")).alias("net_migration_rate"),
      per1000(pl.col("population_end").sub(pl.col("population_start"))).alias("growth_rate"),
    ],
  };
}

/** Counts are finite numbers, the unit and the year are present and numeric (the year), one row per unit and year. */
function checkUnitsAndCounts(fn: string, df: pl.DataFrame, o: typeof DEFAULTS): void {
  for (const c of [o.start, o.end, o.births, o.deaths, o.inMigration, o.outMigration]) {
    checkNumericColumn(fn, df, c, { allowNull: true });
    const odd = df.filter(pl.col(c).cast(pl.Float64).isFinite().not()).height;
    if (odd > 0) throw new IndicatorInputError(fn, `column '${c}' has ${odd} NaN or infinite count(s)`);
  }
  checkNumericColumn(fn, df, o.time, { what: "the year" });
  for (const k of [o.region, o.time]) if (df.getColumn(k).nullCount() > 0) throw new IndicatorInputError(fn, `column '${k}' has missing values`);
  const dup = df.filter(pl.struct([pl.col(o.region), pl.col(o.time)]).isDuplicated());
  if (dup.height > 0)
    throw new IndicatorInputError(fn, `${o.region} '${String(dup.getColumn(o.region).get(0))}' has ${dup.height} rows for ${o.time} ${String(dup.getColumn(o.time).get(0))}: one row per unit and year`);
}

/**
 * Components and rates per 1,000 mean population, per unit and year.
 * Migration may be null (not published); start, end, births and deaths may not.
 *
 * @remarks
 * The balancing identity of a unit over one year:
 *
 * $$P_{\mathrm{end}} = P_{\mathrm{start}} + B - D + I - O + \varepsilon$$
 *
 * with births B, deaths D, in-migration I and out-migration O: natural change $N = B - D$, net migration
 * $M = I - O$, residual $\varepsilon = P_{\mathrm{end}} - (P_{\mathrm{start}} + N + M)$ (SSB's registration
 * corrections: reported, never hidden), mean population $\bar P = (P_{\mathrm{start}} + P_{\mathrm{end}}) / 2$ and the
 * rate of a component X per 1,000: $1000 \cdot X / \bar P$. Where migration is not published, the implied net migration
 * $(P_{\mathrm{end}} - P_{\mathrm{start}}) - N$ still is (it then includes the residual). Pooled over several
 * years, the components are summed and the rates divided by the person-years $\sum \bar P$ (each year's mean population, summed over
 * the years: one person living in the region a whole year is one person-year).
 *
 * References: Shryock, H. S. & Siegel, J. S. (1973). *The Methods and Materials of Demography*. Washington, DC: U.S.
 * Bureau of the Census. Preston, S. H., Heuveline, P. & Guillot, M. (2001). *Demography: Measuring and Modeling
 * Population Processes*. Oxford: Blackwell.
 * @returns `region, year, population_start, population_end, births, deaths, in_migration, out_migration,
 *   natural_change, net_migration, implied_net_migration, residual, mean_population,
 *   birth_rate, death_rate, natural_rate, net_migration_rate, growth_rate` (rates per 1,000), sorted.
 * @example
 * demographicComponents(df); // 1000 start, 12 births, 10 deaths, 50 in, 40 out, 1013 end → residual 1
 */
export function demographicComponents(df: pl.DataFrame, opts: ComponentsOptions = {}): pl.DataFrame {
  const o = { ...DEFAULTS, ...opts };
  const fn = "demographicComponents";
  for (const c of Object.values(o)) if (!df.columns.includes(c)) throw new IndicatorInputError(fn, `column '${c}' not found`);
  for (const c of [o.start, o.end, o.births, o.deaths]) {
    if (df.getColumn(c).nullCount() > 0) throw new IndicatorInputError(fn, `column '${c}' has missing values`);
  }
  checkUnitsAndCounts(fn, df, o);
  const e = cachedExprs("demographicComponents", keyOf(...Object.values(o)), () => exprs(o));
  for (const [c, negative] of e.negative) {
    if (df.filter(negative).height > 0) throw new IndicatorInputError(fn, `column '${c}' has negative counts`);
  }
  return df
    .select(...e.columns)
    .withColumns(...e.first)
    .withColumns(...e.second)
    .withColumns(...e.rates)
    .sort(["region", "year"]);
}
