/**
 * Chapter 4.3–4.4: innovation rates and cooperation, tested against SSB's
 * published 2006 survey by county and SSB economic region, aggregated with
 * firm weights. SSB's economic regions are not the report's 13 regions (the
 * report weighted by its own region types); each finding says how its verdict
 * holds up when any one economic region is left out.
 */
import * as pl from "nodejs-polars";
import { ECONOMIC_REGION_TYPES, INNOVATION_2006 } from "../../data/open";
import { weightedRate } from "../../indicators/index";
import type { FindingContext } from "../context";
import { finding, type Spec } from "../spec";

/** SSB's economic regions of Hedmark and Oppland with the project's city / small-town type (rows SSB published). */
export function economicRegionInnovation(ctx: FindingContext): pl.DataFrame {
  return ctx.derive("economicRegionInnovation", () =>
    ctx.innovation
      .filter(pl.col("area_level").eq(pl.lit("economic_region")))
      .join(ctx.economicRegionTypes.select(pl.col("economic_region_code").alias("area_code"), "county", "region_type", "report_regions"), {
        on: "area_code",
        how: "inner",
      })
      // estimated number of cooperating innovators: the base of the cooperation percentages
      .withColumns(
        pl
          .col("firms_in_population")
          .cast(pl.Float64)
          .mul(pl.col("pct_product_or_process").div(100))
          .mul(pl.col("pct_innovators_cooperating").div(100))
          .fillNull(0)
          .alias("cooperating_innovators"),
      )
      .sort("area_code"),
  );
}

/** Firm-weighted rate of `rate` per value of `by` over the rows given. */
export function rateBy(df: pl.DataFrame, rate: string, by: string[], weight = "firms_in_population"): pl.DataFrame {
  return weightedRate(df, { rate, weight, by });
}

function rateOf(df: pl.DataFrame, rate: string, col: string, value: string, weight = "firms_in_population"): number {
  const sel = df.filter(pl.col(col).eq(pl.lit(value)));
  return weightedRate(sel, { rate, weight }).getColumn("rate").get(0) as number;
}

/** Recompute a comparison leaving each row out in turn; say whether the verdict holds every time. */
function leaveOneOut(df: pl.DataFrame, compare: (d: pl.DataFrame) => boolean): string {
  const codes = df.getColumn("area_code").toArray() as string[];
  const flips = codes.filter((c) => {
    try {
      return compare(df.filter(pl.col("area_code").neq(pl.lit(c)))) !== compare(df);
    } catch {
      return true; // a group left without any published rate: the comparison cannot be made
    }
  });
  return flips.length === 0
    ? "robust: the verdict holds with any one economic region left out"
    : `fragile: leaving out ${flips.join(", ")} changes or voids it`;
}

const INPUTS = [INNOVATION_2006, ECONOMIC_REGION_TYPES];
const REGIONS_NOTE =
  "SSB's economic regions stand in for the report's regions by their centres (data/regions/ssb_economic_region_types.csv); their municipality lists are not in the project's data, " +
  "SSB's 2006 rows for Valdres and Hadeland were not found, and the report weighted by its own region types (Tabell 4.5)";

function typeComparison(id: string, claimKey: string, county: string | null, higher: string, lower: string): Spec {
  return finding(id, claimKey, "open_data", INPUTS, (ctx) => {
    const all = economicRegionInnovation(ctx).filter(pl.col("region_type").neq(pl.lit("outside")));
    const df = county ? all.filter(pl.col("county").eq(pl.lit(county))) : all;
    const compare = (d: pl.DataFrame): boolean =>
      rateOf(d, "pct_product_or_process", "region_type", higher) > rateOf(d, "pct_product_or_process", "region_type", lower);
    const rates = rateBy(df, "pct_product_or_process", ["region_type"]);
    const txt = rates
      .toRecords()
      .map((r) => `${String(r["region_type"])} ${(r["rate"] as number).toFixed(1)} % of ${r["weight_covered"]} firms`)
      .join("; ");
    return {
      value: compare(df),
      note: `Firm-weighted share of firms with product/process innovation 2004–06${county ? ` in ${county}` : ""}: ${txt}. ${leaveOneOut(df, compare)}. ${REGIONS_NOTE}`,
      tables: { rates, economic_regions: df.select("area_code", "area_name", "region_type", "firms_in_population", "pct_product_or_process") },
    };
  });
}

function coopShare(df: pl.DataFrame, col: string): number {
  return weightedRate(df, { rate: col, weight: "cooperating_innovators" }).getColumn("rate").get(0) as number;
}

export const innovationFindings: Spec[] = [
  finding("ch4.innovation_rate_above_norway", "innovation_rate_above_norway", "open_data", [INNOVATION_2006], (ctx) => {
    const counties = ctx.innovation.filter(pl.col("area_code").isIn(["04", "05"]));
    const inn = weightedRate(counties, { rate: "pct_product_or_process", weight: "firms_in_population" }).getColumn("rate").get(0) as number;
    const no = ctx.innovation
      .filter(pl.col("area_code").eq(pl.lit("0")))
      .getColumn("pct_product_or_process")
      .get(0) as number;
    return {
      value: inn > no,
      note: `Share of firms (5+ employed) with product/process innovation 2004–06: Hedmark + Oppland ${inn.toFixed(2)} % (firm-weighted: Hedmark 20 % of 967, Oppland 18 % of 926), Norway ${no} % (SSB, whole percent)`,
    };
  }),
  typeComparison("ch4.city_regions_innovation_above_small_town", "city_regions_innovation_above_small_town", null, "city", "small_town"),
  typeComparison("ch4.hedmark_small_towns_above_cities", "hedmark_small_towns_above_cities", "Hedmark", "small_town", "city"),
  typeComparison("ch4.oppland_cities_above_small_towns", "oppland_cities_above_small_towns", "Oppland", "city", "small_town"),
  finding("ch4.home_orientation_stronger_than_norway", "home_orientation_stronger_than_norway", "open_data", [INNOVATION_2006], (ctx) => {
    const withBase = ctx.innovation.withColumns(
      pl
        .col("firms_in_population")
        .cast(pl.Float64)
        .mul(pl.col("pct_product_or_process").div(100))
        .mul(pl.col("pct_innovators_cooperating").div(100))
        .alias("cooperating_innovators"),
    );
    const inn = withBase.filter(pl.col("area_code").isIn(["04", "05"]));
    const no = withBase.filter(pl.col("area_code").eq(pl.lit("0")));
    const cols = ["pct_cooperators_local_regional", "pct_cooperators_rest_of_norway", "pct_cooperators_abroad"];
    const [li, ri, ai] = cols.map((c) => coopShare(inn, c));
    const [ln, rn, an] = cols.map((c) => coopShare(no, c));
    return {
      value: li! > ln! && ri! > rn! && ai! < an!,
      note:
        `Share of cooperating innovators with partners local/regional, elsewhere in Norway, abroad: Hedmark + Oppland ${li!.toFixed(1)} / ${ri!.toFixed(1)} / ${ai!.toFixed(1)} %, ` +
        `Norway ${ln} / ${rn} / ${an} %. Counties combined with weights firms × innovators % × cooperating % (the base SSB's percentages refer to)`,
    };
  }),
  finding(
    "ch4.small_town_firms_rest_of_norway_cities_international",
    "small_town_firms_rest_of_norway_cities_international",
    "open_data",
    INPUTS,
    (ctx) => {
      const df = economicRegionInnovation(ctx).filter(pl.col("region_type").neq(pl.lit("outside")));
      const share = (d: pl.DataFrame, type: string, col: string): number => rateOf(d, col, "region_type", type, "cooperating_innovators");
      const compare = (d: pl.DataFrame): boolean =>
        share(d, "small_town", "pct_cooperators_rest_of_norway") > share(d, "city", "pct_cooperators_rest_of_norway") &&
        share(d, "city", "pct_cooperators_abroad") > share(d, "small_town", "pct_cooperators_abroad");
      const base = (type: string): number =>
        df
          .filter(pl.col("region_type").eq(pl.lit(type)))
          .getColumn("cooperating_innovators")
          .sum() as number;
      return {
        value: compare(df),
        note:
          `Cooperating innovators with partners elsewhere in Norway: small-town ${share(df, "small_town", "pct_cooperators_rest_of_norway").toFixed(1)} %, city ${share(df, "city", "pct_cooperators_rest_of_norway").toFixed(1)} %; ` +
          `abroad: city ${share(df, "city", "pct_cooperators_abroad").toFixed(1)} %, small-town ${share(df, "small_town", "pct_cooperators_abroad").toFixed(1)} %. ` +
          `The bases are small (about ${base("small_town").toFixed(0)} cooperating innovators in the small-town rows, ${base("city").toFixed(0)} in the city rows). ${leaveOneOut(df, compare)}. ${REGIONS_NOTE}`,
        tables: {
          economic_regions: df.select(
            "area_code",
            "area_name",
            "region_type",
            "cooperating_innovators",
            "pct_cooperators_rest_of_norway",
            "pct_cooperators_abroad",
          ),
        },
      };
    },
  ),
];

/** Norway's share of firms with product/process innovation 2004–06 (SSB, whole percent). */
export function nationalInnovationRate(ctx: FindingContext): number {
  return ctx.innovation
    .filter(pl.col("area_code").eq(pl.lit("0")))
    .getColumn("pct_product_or_process")
    .get(0) as number;
}

/** SSB's innovation rows for counties and economic regions (Norway's row left out), for charts. */
export function regionalInnovation(ctx: FindingContext): pl.DataFrame {
  return ctx.innovation.filter(pl.col("area_code").neq(pl.lit("0")));
}

/** Firm-weighted innovation rate by county and region type over SSB's economic regions (outside regions left out). */
export function innovationByCountyAndType(ctx: FindingContext): pl.DataFrame {
  return rateBy(economicRegionInnovation(ctx).filter(pl.col("region_type").neq(pl.lit("outside"))), "pct_product_or_process", [
    "county",
    "region_type",
  ]);
}
