/**
 * Chapter 3.3.3 (and 5.1): job growth 1998–2008. The rates are the report's
 * own (its register extract is not public); what can be tested is whether
 * its comparative claims follow from its published rates, and the inverse
 * size–growth relation against open population data.
 */
import * as pl from "nodejs-polars";
import { JOB_GROWTH, POPULATION_MUNICIPAL } from "../../data/open";
import { MAPPINGS_FILE } from "../../regions/mapping";
import { atLeastKExceedM, spearmanOverRanges, type Interval } from "../../stats/index";
import type { FindingContext } from "../context";
import { finding, untestable, type Spec } from "../spec";

/** Year of the region sizes (Figur 3.2: "befolkningsstørrelse 2007"), read as 1 January. */
export const SIZE_YEAR = 2007;

/** The published rate of an area as [low, high], or null when not printed. */
export function jobRate(ctx: FindingContext, area: string): Interval {
  const row = ctx.jobGrowth.filter(pl.col("area").eq(pl.lit(area))).toRecords()[0];
  return row ? [row["low"] as number, row["high"] as number] : null;
}

function point(ctx: FindingContext, area: string): number {
  const r = jobRate(ctx, area);
  if (r === null || r[0] !== r[1]) throw new Error(`job growth of ${area} is not a single published value`);
  return r[0];
}

/**
 * Regions of the selected mapping with their type, population in SIZE_YEAR
 * and the published job-growth range of the report's region they stand for
 * (null where the report prints none or has no counterpart).
 */
export function regionSizeAndJobs(ctx: FindingContext): pl.DataFrame {
  return ctx.derive("regionSizeAndJobs", () => {
    const sizes = ctx.regionPopulation.filter(
      pl
        .col("year")
        .eq(SIZE_YEAR)
        .and(pl.col("region_type").neq(pl.lit("outside"))),
    );
    const rates = ctx.jobGrowth
      .filter(pl.col("area_kind").isIn(["city", "small_town"]))
      .select(pl.col("area").alias("region"), pl.col("low").alias("jobs_low"), pl.col("high").alias("jobs_high"));
    return sizes
      .select("region", "report_region", "region_type", pl.col("value").alias("population"))
      .join(rates.rename({ region: "report_region" }), { on: "report_region", how: "left" })
      .sort("population", true);
  });
}

const REPORT = [JOB_GROWTH];
const OPEN = [JOB_GROWTH, POPULATION_MUNICIPAL, MAPPINGS_FILE];

function intervals(df: pl.DataFrame, type: string): Interval[] {
  return df
    .filter(pl.col("region_type").eq(pl.lit(type)))
    .toRecords()
    .map((r) => (r["jobs_low"] === null || r["jobs_low"] === undefined ? null : ([r["jobs_low"], r["jobs_high"]] as [number, number])));
}

export const jobFindings: Spec[] = [
  finding("ch3.innlandet_job_growth_below_norway", "innlandet_job_growth_below_norway", "report", REPORT, (ctx) => {
    const [i, n] = [point(ctx, "Innlandet"), point(ctx, "Norway")];
    return {
      value: i < n,
      note: `The report's own rates: Innlandet +${i} %, Norway +${n} %. Its employment data (BoF extract) are not public, so the rates themselves cannot be recomputed`,
    };
  }),
  finding("ch3.job_growth_more_even_than_norway", "job_growth_more_even_than_norway", "report", REPORT, (ctx) => {
    const gi = Math.abs(point(ctx, "Innlandet small-town regions") - point(ctx, "Innlandet city regions"));
    const gn = Math.abs(point(ctx, "Norway small-town regions") - point(ctx, "Norway city regions (equivalent to Innlandet's)"));
    return {
      value: gi < gn,
      note: `Gap between small-town and city job growth: Innlandet ${gi} pp (18 vs 14), Norway ${gn} pp (12 vs 22), from the report's rates`,
    };
  }),
  finding("ch3.small_town_job_growth_above_city", "small_town_job_growth_above_city", "report", REPORT, (ctx) => {
    const [s, c] = [point(ctx, "Innlandet small-town regions"), point(ctx, "Innlandet city regions")];
    return { value: s > c, note: `The report's rates: small-town regions +${s} %, city regions +${c} %` };
  }),
  finding("ch3.small_town_job_growth_above_norway_small_town", "small_town_job_growth_above_norway_small_town", "report", REPORT, (ctx) => {
    const [i, n] = [point(ctx, "Innlandet small-town regions"), point(ctx, "Norway small-town regions")];
    return { value: i > n, note: `The report's rates: Innlandet's small-town regions +${i} %, the country's +${n} %` };
  }),
  finding("ch3.six_of_eight_small_towns_above_four_of_five_cities", "six_of_eight_small_towns_above_four_of_five_cities", "report", OPEN, (ctx) => {
    const df = regionSizeAndJobs(ctx);
    const r = atLeastKExceedM(intervals(df, "small_town"), intervals(df, "city"), 6, 4);
    const missing = df.filter(pl.col("jobs_low").isNull()).getColumn("region").toArray().join(", ");
    const verdictText = r.holds === null ? "the published numbers do not decide the claim" : r.holds ? "the claim follows" : "the claim fails";
    return {
      value: r.holds,
      note:
        `${r.sure} small-town regions surely, ${r.possible} possibly, beat at least 4 city regions given the printed rates and ranges ` +
        `(regions without a printed rate: ${missing || "none"}; mapping '${ctx.mapping}'): ${verdictText}` +
        (r.holds === null ? ". untestable: undecidable from the published figures" : ""),
      tables: { regions: df },
    };
  }),
  finding("ch3.inverse_size_job_growth.groups", "inverse_size_job_growth", "open_data", OPEN, (ctx) => {
    const df = regionSizeAndJobs(ctx);
    const mean = (type: string): number =>
      df
        .filter(pl.col("region_type").eq(pl.lit(type)))
        .getColumn("population")
        .mean() as number;
    const [city, small] = [point(ctx, "Innlandet city regions"), point(ctx, "Innlandet small-town regions")];
    const [sizeCity, sizeSmall] = [mean("city"), mean("small_town")];
    return {
      value: sizeCity > sizeSmall && city < small,
      note:
        `Group reading: the city regions are larger (mean ${Math.round(sizeCity)} residents on 1 Jan ${SIZE_YEAR}, SSB, mapping '${ctx.mapping}') than the small-town regions (mean ${Math.round(sizeSmall)}) ` +
        `and grew less in jobs (+${city} % against +${small} %, the report's rates)`,
    };
  }),
  finding("ch3.inverse_size_job_growth.regions", "inverse_size_job_growth", "open_data", OPEN, (ctx) => {
    const df = regionSizeAndJobs(ctx).filter(pl.col("jobs_low").isNotNull());
    const x = df.getColumn("population").toArray() as number[];
    const y = df.toRecords().map((r) => [r["jobs_low"], r["jobs_high"]] as [number, number]);
    const rr = spearmanOverRanges(x, y, { alternative: "less" });
    const p = (v: number): string => v.toFixed(4);
    return {
      value: rr.max < 0,
      note:
        `Spearman ρ of population (1 Jan ${SIZE_YEAR}, SSB, mapping '${ctx.mapping}') against the report's job growth over the n = ${x.length} regions with a printed rate, ` +
        `across all ${rr.orderings} orderings the printed ranges allow: ρ from ${rr.min.toFixed(3)} to ${rr.max.toFixed(3)}; ` +
        `one-sided permutation p (${rr.atMin.method}, ${rr.atMin.n} draws, seeded) ${p(rr.atMin.pValue)} at the most negative ordering, ${p(rr.atMax.pValue)} at the least. ` +
        `Region reading: the claim is tested as ρ < 0 in every ordering; with n = ${x.length} and ranges for 7 of the rates, the size of the association is uncertain`,
      tables: { regions: df },
    };
  }),
  finding("ch3.lillehammer_only_city_at_national_rate", "lillehammer_only_city_at_national_rate", "report", REPORT, (ctx) => {
    const national = point(ctx, "Norway");
    const equivalent = point(ctx, "Norway city regions (equivalent to Innlandet's)");
    const lil = point(ctx, "Lillehammer");
    const others = ["Hamar", "Gjøvik", "Kongsvinger", "Elverum"].map((a) => jobRate(ctx, a)!);
    const holds = Math.abs(lil - national) <= 1 && others.every((r) => r[1] < equivalent);
    return {
      value: holds,
      note: `Lillehammer +${lil} % vs Norway +${national} % ('at the national level' read as within 1 pp); the other four city regions at most +${Math.max(...others.map((r) => r[1]))} %, below equivalent cities nationally (+${equivalent} %)`,
    };
  }),
  untestable(
    "ch3.food_processing_small_town_growth",
    "food_processing_small_town_growth",
    "employment by industry for the small-town regions 1998–2008 (the report's SSB/BoF extract, Tabell 3.3) is not public",
  ),
];
