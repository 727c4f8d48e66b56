/**
 * Growth between two points in time.
 *
 * change_pct = 100 · (x_to − x_from) / x_from
 */
import * as pl from "nodejs-polars";
import { IndicatorInputError } from "../data/errors";
import { growthIndexSmall, growthRateSmall } from "./growthSmall";
import { checkLongFrame } from "./validate";
import { checkNumericColumn } from "./keyChecks";

export interface GrowthOptions {
  /** Column identifying the unit (region, municipality …). */
  region: string;
  /** Column with the time (year …). */
  time: string;
  value: string;
  from: number;
  to: number;
}

function checkTimeArg(fn: string, name: string, t: unknown): void {
  if (typeof t !== "number" || !Number.isFinite(t))
    throw new IndicatorInputError(fn, `${name} must be a finite number (a value of the time column), got ${String(t)}`);
}

/**
 * Check that the time column is numeric and holds each of the points asked for
 * (`df` has passed checkLongFrame, so the column exists and has no null).
 */
function checkTimePoints(fn: string, df: pl.DataFrame, time: string, points: [string, number][]): void {
  checkNumericColumn(fn, df, time, { what: "the time" });
  const s = df.getColumn(time);
  for (const [name, t] of points) {
    if (df.filter(pl.col(time).eq(pl.lit(t))).height === 0) {
      throw new IndicatorInputError(fn, `${name} ${t} is not a value of column '${time}' (found ${String(s.min())}–${String(s.max())})`);
    }
  }
}

/**
 * Absolute and percent change of `value` from `from` to `to`, per region.
 * Frames of up to 10 000 rows are computed in plain TypeScript (building polars expressions costs far more than
 * the work on such frames; see indicators/smallFrame.ts), with the same result and the same errors.
 * @remarks
 * Percent change of a quantity x from time $t_0$ to time $t_1$:
 *
 * $$\Delta\% = 100 \cdot \frac{x_{t_1} - x_{t_0}}{x_{t_0}}$$
 *
 * and the index with base time b: $I_t = 100 \cdot x_t / x_b$ (the base year is 100).
 *
 * References: Isard, W. (1960). *Methods of Regional Analysis: An Introduction to Regional Science*. Cambridge, MA:
 * MIT Press. Preston, S. H., Heuveline, P. & Guillot, M. (2001). *Demography: Measuring and Modeling Population
 * Processes*. Oxford: Blackwell.
 * @returns `<region>, value_from, value_to, change, change_pct`, sorted by region.
 * @throws IndicatorInputError when `to` is not after `from`, the time column is not numeric, `from` or
 *   `to` is absent from the data, or a region lacks either time point or starts at 0.
 * @example
 * growthRate(pop, { region: "region", time: "year", value: "value", from: 2001, to: 2007 });
 */
export function growthRate(df: pl.DataFrame, opts: GrowthOptions): pl.DataFrame {
  const { region, time, value, from, to } = opts;
  const fn = "growthRate";
  checkTimeArg(fn, "from", from);
  checkTimeArg(fn, "to", to);
  if (!(to > from)) throw new IndicatorInputError(fn, `'to' (${to}) must be after 'from' (${from})`);
  // up to smallFrameRows() rows (smallFrame.ts) in plain TypeScript; refusals and other frames here
  const small = growthRateSmall(df, opts);
  if (small) return small;
  const clean = checkLongFrame(fn, df, [region, time], value);
  checkTimePoints(fn, clean, time, [
    ["from", from],
    ["to", to],
  ]);
  const at = (t: number, name: string): pl.DataFrame =>
    clean.filter(pl.col(time).eq(pl.lit(t))).select(pl.col(region).alias("region"), pl.col(value).alias(name));
  const joined = at(from, "value_from").join(at(to, "value_to"), { on: "region", how: "full", coalesce: true });
  const gap = joined.filter(pl.col("value_from").isNull().or(pl.col("value_to").isNull()));
  if (gap.height > 0) throw new IndicatorInputError(fn, `region '${String(gap.getColumn("region").get(0))}' lacks ${time} ${from} or ${to}`);
  // a region with neither time point is in no side of the join: it would vanish from the result
  const neither = clean.select(pl.col(region).alias("region")).unique().join(joined.select("region"), { on: "region", how: "anti" }).sort("region");
  if (neither.height > 0) throw new IndicatorInputError(fn, `region '${String(neither.getColumn("region").get(0))}' lacks ${time} ${from} and ${to}`);
  const zero = joined.filter(pl.col("value_from").eq(0));
  if (zero.height > 0) throw new IndicatorInputError(fn, `region '${String(zero.getColumn("region").get(0))}' has ${value} = 0 in ${from}`);
  return joined
    .withColumns(pl.col("value_to").sub(pl.col("value_from")).alias("change"))
    .withColumns(pl.col("change").div(pl.col("value_from")).mul(100).alias("change_pct"))
    .sort("region")
    .rename(region === "region" ? {} : { region });
}

export interface GrowthIndexOptions {
  region: string;
  time: string;
  value: string;
  /** Base period (index = 100 there). */
  base: number;
}

/**
 * Index of a series with a base period = 100 (Figur 3.8-style):
 * index_t = 100 · x_t / x_base, per region. Up to 10 000 rows in plain TypeScript, as growthRate.
 * @returns `<region>, <time>, value, index` (the input's key names), sorted by region and time.
 * @throws IndicatorInputError when the time column is not numeric, the base period is absent from
 *   the data, or a region lacks the base period or is 0 there.
 * @example
 * growthIndex(jobs, { region: "region", time: "year", value: "value", base: 1998 });
 */
export function growthIndex(df: pl.DataFrame, opts: GrowthIndexOptions): pl.DataFrame {
  const fn = "growthIndex";
  checkTimeArg(fn, "base", opts.base);
  const small = growthIndexSmall(df, opts);
  if (small) return small;
  const clean = checkLongFrame(fn, df, [opts.region, opts.time], opts.value);
  checkTimePoints(fn, clean, opts.time, [["base", opts.base]]);
  const base = clean
    .filter(pl.col(opts.time).eq(pl.lit(opts.base)))
    .select(pl.col(opts.region).alias("region"), pl.col(opts.value).alias("base_value"));
  const all = clean.select(pl.col(opts.region).alias("region"), pl.col(opts.time).alias("time"), pl.col(opts.value).alias("value"));
  const joined = all.join(base, { on: "region", how: "left" });
  const lacking = joined.filter(pl.col("base_value").isNull().or(pl.col("base_value").eq(0)));
  if (lacking.height > 0) {
    throw new IndicatorInputError(fn, `region '${String(lacking.getColumn("region").get(0))}' has no non-zero ${opts.time} ${opts.base} to index on`);
  }
  return joined
    .withColumns(pl.col("value").div(pl.col("base_value")).mul(100).alias("index"))
    .select("region", "time", "value", "index")
    .sort(["region", "time"])
    .rename({ ...(opts.region !== "region" ? { region: opts.region } : {}), ...(opts.time !== "time" ? { time: opts.time } : {}) });
}

/**
 * The mean yearly growth, compounded, that gives a total growth over a number of years:
 * 100 · ((1 + total / 100)^(1 / years) − 1). The reading rule `nullvekst` is read on this yearly rate.
 * @remarks
 * The mean yearly (compound) rate r that gives a total growth of G % over n years:
 *
 * $$r = 100 \cdot \left[ \left( 1 + \frac{G}{100} \right)^{1/n} - 1 \right]$$
 *
 * It is smaller than the simple average G / n, because each year's growth applies to a larger base. When the report
 * says *nullvekst* ("zero growth"), the project checks the claim on this yearly rate.
 *
 * References: Preston, S. H., Heuveline, P. & Guillot, M. (2001). *Demography: Measuring and Modeling Population
 * Processes*. Oxford: Blackwell.
 * @param totalPct growth over the whole period, in percent (above −100)
 * @param years the period's length in years (positive)
 * @example
 * yearlyRate(1, 4); // 0.2491 (+1 % over four years is about +0.25 % a year)
 */
export function yearlyRate(totalPct: number, years: number): number {
  if (!Number.isFinite(totalPct) || totalPct <= -100) throw new IndicatorInputError("yearlyRate", `the total growth must be a finite percentage above −100, got ${totalPct}`);
  if (!Number.isFinite(years) || years <= 0) throw new IndicatorInputError("yearlyRate", `the period must be a positive number of years, got ${years}`);
  return 100 * ((1 + totalPct / 100) ** (1 / years) - 1);
}
