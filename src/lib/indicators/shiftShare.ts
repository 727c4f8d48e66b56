/**
 * Classic shift-share decomposition (Dunn 1960) of employment change in a
 * region's sectors, against a reference region (e.g. the country).
 *
 * For region r, sector i, from t0 to t1, with e = employment:
 *   g    = E_R(t1) / E_R(t0) − 1           reference total growth (over the sectors given)
 *   g_i  = E_Ri(t1) / E_Ri(t0) − 1         reference growth of sector i
 *   national       = e_ri(t0) · g
 *   industry_mix   = e_ri(t0) · (g_i − g)   structural effect
 *   regional_share = actual − national − industry_mix = e_ri(t0) · (r_i − g_i)   competitive effect
 *   actual         = e_ri(t1) − e_ri(t0)
 * so national + industry_mix + regional_share = actual.
 */
import * as pl from "nodejs-polars";
import { IndicatorInputError } from "../data/errors";
import { checkLongFrame } from "./validate";

export interface ShiftShareOptions {
  region: string;
  sector: string;
  time: string;
  value: string;
  from: number;
  to: number;
  /** Value of `region` whose growth is the benchmark. */
  reference: string;
}

/**
 * @returns `region, sector, value_from, value_to, national, industry_mix, regional_share, actual`
 *   for every region but the reference, sorted by region and sector.
 * @throws IndicatorInputError when a (region, sector) lacks a year, or the
 *   reference lacks a sector or has 0 employment in it at the start.
 * @example
 * shiftShare(df, { region: "region", sector: "sector", time: "year", value: "value", from: 1995, to: 2000, reference: "Norway" });
 */
export function shiftShare(df: pl.DataFrame, opts: ShiftShareOptions): pl.DataFrame {
  const { region, sector, time, value, from, to, reference } = opts;
  const fn = "shiftShare";
  const clean = checkLongFrame(fn, df, [region, sector, time], value)
    .select(pl.col(region).alias("region"), pl.col(sector).alias("sector"), pl.col(time).alias("time"), pl.col(value).alias("value"))
    .filter(pl.col("time").isIn([from, to]));
  const at = (t: number, name: string): pl.DataFrame =>
    clean.filter(pl.col("time").eq(pl.lit(t))).select("region", "sector", pl.col("value").alias(name));
  const wide = at(from, "value_from").join(at(to, "value_to"), { on: ["region", "sector"], how: "full", coalesce: true });
  const gap = wide.filter(pl.col("value_from").isNull().or(pl.col("value_to").isNull()));
  if (gap.height > 0) {
    const r = gap.head(1).toRecords()[0]!;
    throw new IndicatorInputError(fn, `${String(r["region"])} / ${String(r["sector"])} lacks ${time} ${from} or ${to}`);
  }
  const ref = wide.filter(pl.col("region").eq(pl.lit(reference)));
  if (ref.height === 0) throw new IndicatorInputError(fn, `reference region '${reference}' not found`);
  const refFrom = ref.getColumn("value_from").sum() as number;
  if (refFrom === 0) throw new IndicatorInputError(fn, `reference '${reference}' has 0 employment in ${from}`);
  const g = (ref.getColumn("value_to").sum() as number) / refFrom - 1;
  const refSector = ref.select("sector", pl.col("value_to").div(pl.col("value_from")).sub(1).alias("g_i"), pl.col("value_from").alias("ref_from"));
  const out = wide.filter(pl.col("region").neq(pl.lit(reference))).join(refSector, { on: "sector", how: "left" });
  const bad = out.filter(pl.col("ref_from").isNull().or(pl.col("ref_from").eq(0)));
  if (bad.height > 0) {
    throw new IndicatorInputError(fn, `reference '${reference}' has no employment in sector '${String(bad.getColumn("sector").get(0))}' in ${from}`);
  }
  return out
    .withColumns(
      pl.col("value_from").mul(g).alias("national"),
      pl.col("value_from").mul(pl.col("g_i").sub(g)).alias("industry_mix"),
      pl.col("value_to").sub(pl.col("value_from")).alias("actual"),
    )
    .withColumns(pl.col("actual").sub(pl.col("national")).sub(pl.col("industry_mix")).alias("regional_share"))
    .select("region", "sector", "value_from", "value_to", "national", "industry_mix", "regional_share", "actual")
    .sort(["region", "sector"]);
}
