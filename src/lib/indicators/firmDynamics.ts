/**
 * Firm dynamics ("bedriftsdynamikk") from counts of firms, per region and
 * period, relative to the stock of firms at the start (in percent):
 *
 *   entry rate       = 100 · entries / firms_start       ("nyetableringsrate")
 *   exit rate        = 100 · exits / firms_start
 *   net growth rate  = 100 · (entries − exits) / firms_start
 *   gross turnover   = 100 · (entries + exits) / firms_start  ("bruttodynamikk")
 *
 * When `firms_end` is given, `residual` = firms_end − (firms_start + entries − exits)
 * shows firms that moved or were reclassified, rather than hiding it.
 */
import * as pl from "nodejs-polars";
import { IndicatorInputError } from "../data/errors";
import { checkNumericColumn } from "./keyChecks";

export interface FirmDynamicsOptions {
  /** Columns kept as keys (e.g. region, period). */
  keys: string[];
  firmsStart: string;
  entries: string;
  exits: string;
  /** Optional stock at the end, for the residual. */
  firmsEnd?: string;
}

/**
 * Entry, exit, net growth and gross turnover rates (% of the start stock) of firm counts.
 * @returns `...keys, entry_rate, exit_rate, net_growth_rate, gross_turnover[, residual]`, sorted by keys.
 * @throws IndicatorInputError on missing columns, null or negative counts, or a start stock of 0.
 * @example
 * firmDynamics(df, { keys: ["region"], firmsStart: "firms", entries: "new", exits: "closed" });
 * // 200 firms, 30 new, 20 closed → entry 15, exit 10, net 5, turnover 25 (%)
 */
export function firmDynamics(df: pl.DataFrame, opts: FirmDynamicsOptions): pl.DataFrame {
  const fn = "firmDynamics";
  const counts = [opts.firmsStart, opts.entries, opts.exits, ...(opts.firmsEnd ? [opts.firmsEnd] : [])];
  for (const c of [...opts.keys, ...counts]) if (!df.columns.includes(c)) throw new IndicatorInputError(fn, `column '${c}' not found`);
  for (const c of counts) {
    checkNumericColumn(fn, df, c);
    // NaN and infinity are not counts (NaN < 0 is false in polars, so the sign test alone let NaN through)
    if (df.getColumn(c).nullCount() > 0 || df.filter(pl.col(c).lt(0).or(pl.col(c).cast(pl.Float64).isFinite().not())).height > 0)
      throw new IndicatorInputError(fn, `column '${c}' must hold known finite counts ≥ 0`);
  }
  if (df.filter(pl.col(opts.firmsStart).eq(0)).height > 0)
    throw new IndicatorInputError(fn, `'${opts.firmsStart}' is 0 for some row: rates undefined`);
  const f = (c: string): pl.Expr => pl.col(c).cast(pl.Float64);
  const rate = (e: pl.Expr): pl.Expr => e.div(f(opts.firmsStart)).mul(100);
  const out = df.select(
    ...opts.keys,
    rate(f(opts.entries)).alias("entry_rate"),
    rate(f(opts.exits)).alias("exit_rate"),
    rate(f(opts.entries).sub(f(opts.exits))).alias("net_growth_rate"),
    rate(f(opts.entries).add(f(opts.exits))).alias("gross_turnover"),
    ...(opts.firmsEnd ? [f(opts.firmsEnd).sub(f(opts.firmsStart)).sub(f(opts.entries)).add(f(opts.exits)).alias("residual")] : []),
  );
  return out.sort(opts.keys);
}
