/**
 * Tables derived from a context's municipal series summed under its region mapping: population
 * by region type (with both bases of "Innlandet"), population by KRD region type, and SSB's
 * partial components per completely covered region-year. Computed once per context.
 */
import * as pl from "nodejs-polars";
import { demographicComponents } from "../indicators/demography";
import { toRegions } from "./aggregate";
import { componentsByRegion } from "./components";
import type { FindingContext } from "../findings/context";

/** KRD's region types in St.meld. 25 (2008–2009) Tabell 1.1, Innlandet's rows, and "totalt". */
export const KRD_TYPES = [
  "smaa_og_mellomstore_byregionar_utanfor_DPV",
  "smaa_og_mellomstore_byregionar_innanfor_DPV",
  "smaasenterregionar",
  "omraade_med_spreidd_busetjing",
  "totalt",
] as const;

/** English labels of KRD's region types. */
export const KRD_TYPE_LABELS: Record<string, string> = {
  storbyregionar: "big-city regions",
  smaa_og_mellomstore_byregionar_utanfor_DPV: "small/medium city regions outside the district-policy area (DPV)",
  smaa_og_mellomstore_byregionar_innanfor_DPV: "small/medium city regions inside the district-policy area (DPV)",
  smaasenterregionar: "small-centre regions",
  omraade_med_spreidd_busetjing: "sparsely settled areas",
  totalt: "all of Innlandet (its BA regions)",
};

/**
 * Population by region type (`city`, `small_town`, `outside`) and two totals: `innlandet` =
 * Hedmark + Oppland, every municipality (the report's definition, seed l.44) and
 * `innlandet_regions` = the regions centred in the two counties (without Hadeland and Os).
 * @returns `region_type, year, value`, sorted.
 * @example num(typePopulation(ctx), { region_type: "innlandet", year: 2007 }); // 371729
 */
export function typePopulation(ctx: FindingContext): pl.DataFrame {
  return ctx.derive("typePopulation", () => {
    const byType = toRegions(ctx.municipalPopulation, ctx.regions, { to: "region_type" });
    const total = (name: string, types: pl.Expr): pl.DataFrame =>
      byType
        .filter(types)
        .groupBy("year")
        .agg(pl.col("value").sum())
        .withColumns(pl.lit(name).alias("region_type"))
        .select("region_type", "year", "value");
    const all = total("innlandet", pl.lit(true));
    const inside = total("innlandet_regions", pl.col("region_type").neq(pl.lit("outside")));
    return pl.concat([byType, all, inside]).sort(["region_type", "year"]);
  });
}

/**
 * Population by KRD type (null type = outside or unknown) plus "totalt" = every municipality not outside.
 * @example
 * num(krdTypePopulation(ctx), { krd_type: "totalt", year: 2009 }); // 344293
 */
export function krdTypePopulation(ctx: FindingContext): pl.DataFrame {
  return ctx.derive("krdTypePopulation", () => {
    const byType = toRegions(ctx.municipalPopulation, ctx.regions, { to: "krd_type" }).filter(pl.col("krd_type").isNotNull());
    const inside = ctx.regions.filter(pl.col("region_type").neq(pl.lit("outside"))).select("municipality_code_2008");
    const total = ctx.municipalPopulation
      .join(inside, { on: "municipality_code_2008", how: "inner" })
      .groupBy("year")
      .agg(pl.col("value").cast(pl.Float64).sum())
      .withColumns(pl.lit("totalt").alias("krd_type"))
      .select("krd_type", "year", "value");
    return pl.concat([byType, total]).sort(["krd_type", "year"]);
  });
}

/**
 * Components and rates per region-year, for the region-years SSB's partial data cover completely.
 * @example
 * num(regionComponents(ctx), { region: "Hamar", year: 2003 }, "growth_rate"); // 1.56268… (per 1,000)
 */
export function regionComponents(ctx: FindingContext): pl.DataFrame {
  return ctx.derive("regionComponents", () => {
    const complete = componentsByRegion(ctx.components, ctx.regions).filter(pl.col("complete"));
    const rates = demographicComponents(complete);
    return rates.join(complete.select("region", "region_type", "year"), { on: ["region", "year"] }).sort(["region_type", "region", "year"]);
  });
}

/**
 * Region-years SSB's partial data do not cover completely, with the municipalities missing.
 * @example
 * one(incompleteRegionYears(ctx), { region: "Valdres", year: 2005 }, "missing"); // "0543, 0544, 0545"
 */
export function incompleteRegionYears(ctx: FindingContext): pl.DataFrame {
  return ctx.derive("incompleteRegionYears", () =>
    componentsByRegion(ctx.components, ctx.regions)
      .filter(pl.col("complete").not())
      .select("region", "year", "municipalities_present", "municipalities_total", "missing"),
  );
}

/**
 * County (04 Hedmark, 05 Oppland) and national (0) components, per year published.
 * @example
 * num(countyComponents(ctx), { region: "04", year: 2008 }, "birth_rate"); // 9.7216… (per 1,000)
 */
export function countyComponents(ctx: FindingContext): pl.DataFrame {
  return ctx.derive("countyComponents", () =>
    demographicComponents(ctx.components.filter(pl.col("municipality_code_2008").str.lengths().lt(4)), { region: "municipality_code_2008" }),
  );
}
