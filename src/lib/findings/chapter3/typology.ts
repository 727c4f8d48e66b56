/**
 * Chapter 3.4: growth and thinning regions. Population change from SSB's
 * municipal series (1 Jan 2000 → 1 Jan 2009, the nearest open period to the
 * report's 1998–2008), job change from the report's printed rates.
 */
import * as pl from "nodejs-polars";
import { JOB_GROWTH, POPULATION_MUNICIPAL } from "../../data/open";
import { classifyGrowth, growthRate } from "../../indicators/index";
import { MAPPINGS_FILE } from "../../regions/mapping";
import type { FindingContext } from "../context";
import { finding, untestable, type Spec } from "../spec";
import { regionSizeAndJobs } from "./jobs";

export const TYPOLOGY_PERIOD = { from: 2000, to: 2009, label: "1 Jan 2000 → 1 Jan 2009" } as const;

/**
 * Per region: population change (%, open data), the report's job-growth range,
 * a job change usable for the sign (the range's end nearest zero, null when the
 * range spans zero or no rate is printed), and the growth type 1–4.
 */
export function regionTypology(ctx: FindingContext): pl.DataFrame {
  return ctx.derive("regionTypology", () => {
    const pop = growthRate(ctx.regionPopulation.filter(pl.col("region_type").neq(pl.lit("outside"))), {
      region: "region",
      time: "year",
      value: "value",
      ...TYPOLOGY_PERIOD,
    }).select("region", pl.col("change_pct").alias("population_change_pct"));
    const jobs = regionSizeAndJobs(ctx)
      .select("region", "region_type", "jobs_low", "jobs_high")
      .withColumns(
        pl
          .when(pl.col("jobs_low").gt(0))
          .then(pl.col("jobs_low"))
          .when(pl.col("jobs_high").lt(0))
          .then(pl.col("jobs_high"))
          .otherwise(pl.lit(null))
          .alias("job_change_for_sign"),
      );
    const df = jobs.join(pop, { on: "region", how: "left" }).sort(["region_type", "region"]);
    return classifyGrowth(df, { populationChange: "population_change_pct", jobChange: "job_change_for_sign" });
  });
}

const INPUTS = [POPULATION_MUNICIPAL, MAPPINGS_FILE, JOB_GROWTH];
const PERIOD_NOTE = `Population change ${TYPOLOGY_PERIOD.label} (SSB's series starts in 2000; the report's period is 1998–2008); job change: the report's printed rates`;

function allOfType(id: string, claimKey: string, regionType: string, wanted: (t: number) => boolean, describe: string): Spec {
  return finding(id, claimKey, "open_data", INPUTS, (ctx) => {
    const df = regionTypology(ctx).filter(regionType === "any" ? pl.lit(true) : pl.col("region_type").eq(pl.lit(regionType)));
    const rows = df.toRecords();
    const covered = rows.filter((r) => r["growth_type"] !== null);
    const uncovered = rows.filter((r) => r["growth_type"] === null).map((r) => String(r["region"]));
    const failing = covered
      .filter((r) => !wanted(r["growth_type"] as number))
      .map((r) => `${String(r["region"])} (type ${String(r["growth_type"])})`);
    return {
      value: covered.length === 0 ? null : failing.length === 0,
      note:
        `${describe}: ${covered.length} of ${rows.length} regions classified (mapping '${ctx.mapping}')` +
        (failing.length ? `; not as claimed: ${failing.join(", ")}` : "") +
        (uncovered.length ? `; not classifiable (no printed job rate): ${uncovered.join(", ")}` : "") +
        `. ${PERIOD_NOTE}`,
      tables: { typology: df },
    };
  });
}

export const typologyFindings: Spec[] = [
  allOfType("ch3.all_city_regions_type_1", "all_city_regions_type_1", "city", (t) => t === 1, "City regions in type 1"),
  allOfType("ch3.all_small_town_regions_type_3", "all_small_town_regions_type_3", "small_town", (t) => t === 3, "Small-town regions in type 3"),
  allOfType("ch3.no_innlandet_region_type_4", "no_innlandet_region_type_4", "any", (t) => t !== 4, "Innlandet's regions outside type 4"),
  untestable(
    "ch3.no_norway_region_type_2",
    "no_norway_region_type_2",
    "job change 1998–2008 for all of the country's regions (Figur 3.10, from SSB/BoF) is not public; population alone cannot place a region in the typology",
  ),
];
