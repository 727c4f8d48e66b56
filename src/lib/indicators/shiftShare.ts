/**
 * Shift-share decompositions of employment change in a region's sectors
 * against a reference (a named region such as the country, or the sum of all
 * regions given).
 *
 * Classic (Dunn 1960), for region r, sector i, from t0 to t1, e = employment:
 *   g    = E_R(t1) / E_R(t0) − 1           reference total growth (over the sectors given)
 *   g_i  = E_Ri(t1) / E_Ri(t0) − 1         reference growth of sector i
 *   national       = e_ri(t0) · g
 *   industry_mix   = e_ri(t0) · (g_i − g)   structural effect
 *   regional_share = actual − national − industry_mix = e_ri(t0) · (r_i − g_i)   competitive effect
 *   actual         = e_ri(t1) − e_ri(t0)
 *
 * Esteban-Marquillas (1972) splits the competitive effect with the
 * homothetic employment e*_ri = e_r(t0) · E_Ri(t0) / E_R(t0) (the region's
 * total spread like the reference):
 *   competitive_homothetic = e*_ri · (r_i − g_i)
 *   allocation             = (e_ri(t0) − e*_ri) · (r_i − g_i)
 * so national + industry_mix + competitive_homothetic + allocation = actual.
 */
import * as pl from "nodejs-polars";
import { IndicatorInputError } from "../data/errors";
import { checkLongFrame, sumOver } from "./validate";

export interface ShiftShareOptions {
  region: string;
  sector: string;
  time: string;
  value: string;
  from: number;
  to: number;
  /** Value of `region` whose growth is the benchmark; omit to use the sum of all regions. */
  reference?: string;
}

const FN = "shiftShare";

/** The caller's key column names for the output. */
function names(opts: ShiftShareOptions): Record<string, string> {
  const m: Record<string, string> = {};
  if (opts.region !== "region") m["region"] = opts.region;
  if (opts.sector !== "sector") m["sector"] = opts.sector;
  return m;
}

/** The Dunn components from the prepared frame's columns. */
const DUNN = [
  pl.col("value_from").mul(pl.col("g")).alias("national"),
  pl
    .col("value_from")
    .mul(pl.col("g_i").sub(pl.col("g")))
    .alias("industry_mix"),
  pl.col("value_to").sub(pl.col("value_from")).alias("actual"),
];
const REGIONAL_SHARE = pl.col("actual").sub(pl.col("national")).sub(pl.col("industry_mix")).alias("regional_share");

/** Both years side by side with the reference's sector and total growth. */
function prepared(df: pl.DataFrame, opts: ShiftShareOptions): pl.DataFrame {
  const { region, sector, time, value, from, to, reference } = opts;
  for (const c of [region, sector, time, value]) if (!df.columns.includes(c)) throw new IndicatorInputError(FN, `column '${c}' not found`);
  // only the two years enter the decomposition: check those rows
  const twoYears = df.filter(pl.col(time).isIn([from, to]));
  const clean = checkLongFrame(FN, twoYears.height ? twoYears : df, [region, sector, time], value)
    .lazy()
    .select(pl.col(region).alias("region"), pl.col(sector).alias("sector"), pl.col(time).alias("time"), pl.col(value).alias("value"))
    .filter(pl.col("time").isIn([from, to]));
  const at = (t: number, name: string): pl.LazyDataFrame =>
    clean.filter(pl.col("time").eq(pl.lit(t))).select("region", "sector", pl.col("value").alias(name));
  const wide = at(from, "value_from")
    .join(at(to, "value_to"), { on: ["region", "sector"], how: "full", coalesce: true })
    .collectSync();
  const gap = wide.filter(pl.col("value_from").isNull().or(pl.col("value_to").isNull()));
  if (gap.height > 0) {
    const r = gap.sort(["region", "sector"]).head(1).toRecords()[0]!;
    throw new IndicatorInputError(FN, `${String(r["region"])} / ${String(r["sector"])} lacks ${time} ${from} or ${to}`);
  }
  let ref: pl.DataFrame;
  if (reference === undefined) {
    ref = wide.lazy().groupBy("sector").agg(pl.col("value_from").sum(), pl.col("value_to").sum()).collectSync();
  } else {
    ref = wide.filter(pl.col("region").eq(pl.lit(reference)));
    if (ref.height === 0) throw new IndicatorInputError(FN, `reference region '${reference}' not found`);
  }
  const refFrom = ref.getColumn("value_from").sum() as number;
  if (refFrom === 0) throw new IndicatorInputError(FN, `the reference has 0 employment in ${from}`);
  const g = (ref.getColumn("value_to").sum() as number) / refFrom - 1;
  const refSector = ref.select(
    "sector",
    pl.col("value_to").div(pl.col("value_from")).sub(1).alias("g_i"),
    pl.col("value_from").div(refFrom).alias("ref_share"),
    pl.col("value_from").alias("ref_from"),
  );
  const regions = reference === undefined ? wide : wide.filter(pl.col("region").neq(pl.lit(reference)));
  const out = regions.join(refSector, { on: "sector", how: "left" });
  const bad = out.filter(pl.col("ref_from").isNull().or(pl.col("ref_from").eq(0)));
  if (bad.height > 0) {
    throw new IndicatorInputError(FN, `the reference has no employment in sector '${String(bad.getColumn("sector").get(0))}' in ${from}`);
  }
  return out.withColumns(pl.lit(g).alias("g"));
}

/**
 * Classic (Dunn) shift-share.
 * @returns `region, sector, value_from, value_to, national, industry_mix, regional_share, actual`
 *   for every region but a named reference, sorted by region and sector.
 * @throws IndicatorInputError when a (region, sector) lacks a year, or the
 *   reference is missing or has 0 employment in a sector at the start.
 * @example
 * shiftShare(df, { region: "region", sector: "sector", time: "year", value: "value", from: 1995, to: 2000, reference: "Norway" });
 */
export function shiftShare(df: pl.DataFrame, opts: ShiftShareOptions): pl.DataFrame {
  return prepared(df, opts)
    .lazy()
    .withColumns(...DUNN)
    .withColumns(REGIONAL_SHARE)
    .select("region", "sector", "value_from", "value_to", "national", "industry_mix", "regional_share", "actual")
    .sort(["region", "sector"])
    .collectSync()
    .rename(names(opts));
}

/**
 * Esteban-Marquillas shift-share: the Dunn columns plus `homothetic`,
 * `competitive_homothetic` and `allocation` (which add up to `regional_share`).
 * @throws IndicatorInputError also when a region has 0 employment in a sector at
 *   the start (its growth rate, and so the split, is undefined).
 */
export function shiftShareEM(df: pl.DataFrame, opts: ShiftShareOptions): pl.DataFrame {
  const base = prepared(df, opts);
  const zero = base.filter(pl.col("value_from").eq(0));
  if (zero.height > 0) {
    const r = zero.sort(["region", "sector"]).head(1).toRecords()[0]!;
    throw new IndicatorInputError(
      "shiftShareEM",
      `${String(r["region"])} / ${String(r["sector"])} has 0 employment in ${opts.from}: its growth rate is undefined`,
    );
  }
  return base
    .lazy()
    .withColumns(
      ...DUNN,
      sumOver(pl.col("value_from"), ["region"]).mul(pl.col("ref_share")).alias("homothetic"),
      pl.col("value_to").div(pl.col("value_from")).sub(1).sub(pl.col("g_i")).alias("__diff"),
    )
    .withColumns(
      REGIONAL_SHARE,
      pl.col("homothetic").mul(pl.col("__diff")).alias("competitive_homothetic"),
      pl.col("value_from").sub(pl.col("homothetic")).mul(pl.col("__diff")).alias("allocation"),
    )
    .select(
      "region",
      "sector",
      "value_from",
      "value_to",
      "national",
      "industry_mix",
      "regional_share",
      "homothetic",
      "competitive_homothetic",
      "allocation",
      "actual",
    )
    .sort(["region", "sector"])
    .collectSync()
    .rename(names(opts));
}

/**
 * A shift-share result summed over sectors: one row per region with the total
 * of every component column present (the identity still holds for the totals).
 * @param region the region column of the result (default "region")
 * @example
 * shiftShareTotals(shiftShare(df, opts)); // region, value_from, value_to, national, industry_mix, regional_share, actual
 */
export function shiftShareTotals(result: pl.DataFrame, region = "region"): pl.DataFrame {
  const components = [
    "value_from",
    "value_to",
    "national",
    "industry_mix",
    "regional_share",
    "homothetic",
    "competitive_homothetic",
    "allocation",
    "actual",
  ].filter((c) => result.columns.includes(c));
  if (!result.columns.includes(region) || !components.includes("actual")) {
    throw new IndicatorInputError("shiftShareTotals", `expected a shift-share result with columns '${region}' and 'actual'`);
  }
  return result
    .lazy()
    .groupBy(region)
    .agg(...components.map((c) => pl.col(c).sum()))
    .sort(region)
    .collectSync();
}
