/**
 * Theil's inequality index of a quantity over units (e.g. population or jobs
 * over regions), with its exact decomposition by a grouping of the units
 * (as PySAL's inequality.theil.Theil / TheilD).
 *
 *   s_i = y_i / Σy,  N units;  T = Σ_i s_i ln(N s_i)              (0 · ln 0 = 0; 0 … ln N)
 *   between = Σ_g s_g ln(N s_g / n_g)        s_g = Σ_{i∈g} s_i,  n_g units in g
 *   within  = Σ_g s_g T_g,  T_g = Σ_{i∈g} (s_i/s_g) ln(n_g s_i / s_g)
 *   T = between + within
 */
import * as pl from "nodejs-polars";
import { IndicatorInputError } from "../data/errors";
import { checkLongFrame, sumOver } from "./validate";

export interface TheilOptions {
  /** Column identifying the unit (e.g. region). */
  unit: string;
  /** Non-negative quantity. */
  value: string;
  /** Column grouping the units (e.g. region type) for the decomposition. */
  group?: string;
  /** Computed separately per value of these columns (e.g. year). */
  by?: string[];
}

const xlnx = (share: pl.Expr, scale: pl.Expr): pl.Expr =>
  pl
    .when(share.gt(0))
    .then(share.mul(share.mul(scale).log()))
    .otherwise(pl.lit(0));

/**
 * Theil's T of a quantity over units, split into between and within groups when `group` is given.
 * @returns `...by, theil, n_units` and, with `group`, `between, within`, sorted by `by`.
 * @throws IndicatorInputError on missing columns, invalid values, duplicate units or a zero total.
 * @example
 * theil(df, { unit: "region", value: "population" }); // two units holding 100 and 0 → theil 0.693… (ln 2)
 * theil(df, { unit: "region", value: "population", group: "region_type" }); // adds between, within
 */
export function theil(df: pl.DataFrame, opts: TheilOptions): pl.DataFrame {
  const fn = "theil";
  const by = opts.by ?? [];
  const clean = checkLongFrame(fn, df, [...by, opts.unit], opts.value);
  if (opts.group !== undefined && !df.columns.includes(opts.group)) throw new IndicatorInputError(fn, `column '${opts.group}' not found`);
  const g = opts.group ? [opts.group] : [];
  const base = clean
    .lazy()
    .select(...by, ...g, pl.col(opts.value).alias("y"))
    .withColumns(
      pl
        .col("y")
        .div(sumOver(pl.col("y"), by))
        .alias("s"),
      (by.length ? pl.len().over(...(by as [string, ...string[]])) : pl.len()).cast(pl.Float64).alias("n"),
    );
  const zero = base.filter(pl.col("s").isNan()).select(pl.len()).collectSync().getColumn("len").get(0) as number;
  if (zero > 0)
    throw new IndicatorInputError(fn, `the total of '${opts.value}' is 0 for some ${by.length ? by.join("/") : "frame"}: Theil undefined`);
  const total = base
    .groupBy(by.length ? by : [pl.lit(1).alias("__all")])
    .agg(xlnx(pl.col("s"), pl.col("n")).sum().alias("theil"), pl.len().cast(pl.Int64).alias("n_units"));
  if (!opts.group)
    return total
      .select(...by, "theil", "n_units")
      .sort(by.length ? by : "theil")
      .collectSync();
  const groups = base
    .groupBy([...by, opts.group])
    .agg(pl.col("s").sum().alias("s_g"), pl.len().cast(pl.Float64).alias("n_g"), pl.col("n").first().alias("n"), pl.col("s").alias("members"))
    .explode("members")
    .withColumns(pl.col("members").div(pl.col("s_g")).alias("w"))
    .groupBy([...by, opts.group])
    .agg(pl.col("s_g").first(), pl.col("n_g").first(), pl.col("n").first(), xlnx(pl.col("w"), pl.col("n_g")).sum().alias("t_g"))
    .groupBy(by.length ? by : [pl.lit(1).alias("__all")])
    .agg(
      pl
        .when(pl.col("s_g").gt(0))
        .then(pl.col("s_g").mul(pl.col("s_g").mul(pl.col("n")).div(pl.col("n_g")).log()))
        .otherwise(pl.lit(0))
        .sum()
        .alias("between"),
      // a group holding nothing (s_g = 0) adds 0: its members' shares of it are 0/0 (NaN), and 0 · NaN is NaN
      pl.when(pl.col("s_g").gt(0)).then(pl.col("s_g").mul(pl.col("t_g"))).otherwise(pl.lit(0)).sum().alias("within"),
    );
  const keys = by.length ? by : ["__all"];
  return total
    .join(groups, { on: keys, how: "inner" })
    .select(...by, "theil", "between", "within", "n_units")
    .sort(by.length ? by : "theil")
    .collectSync();
}
