/**
 * Chapter 3.2: the demographic components behind population change. SSB's
 * published components cover only some municipality-years (Oppland 2005–06,
 * Hedmark 2003, counties 2008), against the report's 2001–07; every finding
 * here says which regions and years it rests on.
 */
import * as pl from "nodejs-polars";
import { POPULATION_COMPONENTS, POPULATION_MUNICIPAL } from "../../data/open";
import { demographicComponents, growthRate } from "../../indicators/index";
import { MAPPINGS_FILE } from "../../regions/mapping";
import { componentsByRegion } from "../../regions/components";
import type { FindingContext } from "../context";
import { finding, pct, type Spec } from "../spec";
import { PERIOD_2001_07 } from "./population";

/** Components and rates per region-year for the region-years SSB's partial data cover completely. */
export function regionComponents(ctx: FindingContext): pl.DataFrame {
  return ctx.derive("regionComponents", () => {
    const byRegion = componentsByRegion(ctx.components, ctx.regions);
    const complete = byRegion.filter(pl.col("complete"));
    const rates = demographicComponents(complete);
    return rates.join(complete.select("region", "region_type", "year"), { on: ["region", "year"] }).sort(["region_type", "region", "year"]);
  });
}

/** Region-years SSB's partial data do not cover completely, with the municipalities missing. */
export function incompleteRegionYears(ctx: FindingContext): pl.DataFrame {
  return ctx.derive("incompleteRegionYears", () => {
    return componentsByRegion(ctx.components, ctx.regions)
      .filter(pl.col("complete").not())
      .select("region", "year", "municipalities_present", "municipalities_total", "missing");
  });
}

/** County (04, 05) and national (0) components. */
export function countyComponents(ctx: FindingContext): pl.DataFrame {
  return ctx.derive("countyComponents", () => {
    return demographicComponents(ctx.components.filter(pl.col("municipality_code_2008").str.lengths().lt(4)), { region: "municipality_code_2008" });
  });
}

const COMP = [POPULATION_COMPONENTS, MAPPINGS_FILE];
const PARTIAL =
  "SSB's components are published here only for Oppland 2005–06, Hedmark 2003 (provisional) and the counties 2008; the report's period is 2001–07";

function describe(rows: Record<string, unknown>[], col: string): string {
  return rows.map((r) => `${String(r["region"])} ${String(r["year"])}: ${(r[col] as number) > 0 ? "+" : ""}${r[col] as number}`).join("; ");
}

function uncovered(ctx: FindingContext, type: string): string {
  const covered = new Set(
    regionComponents(ctx)
      .filter(pl.col("region_type").eq(pl.lit(type)))
      .getColumn("region")
      .toArray() as string[],
  );
  const all = [
    ...new Set(
      ctx.regions
        .filter(pl.col("region_type").eq(pl.lit(type)))
        .getColumn("region")
        .toArray() as string[],
    ),
  ];
  const none = all.filter((r) => !covered.has(r));
  return none.length ? `; not covered in any year: ${none.join(", ")}` : "";
}

/** Population change per region of a type, largest first, with the report's name of each region. */
function popChange(ctx: FindingContext, from: number, to: number, type: string): pl.DataFrame {
  const names = ctx.regionPopulation.select("region", "report_region").unique().sort("region");
  return growthRate(ctx.regionPopulation.filter(pl.col("region_type").eq(pl.lit(type))), { region: "region", time: "year", value: "value", from, to })
    .join(names, { on: "region", how: "left" })
    .sort("change_pct", true);
}

export const componentFindings: Spec[] = [
  finding("ch3.innlandet_birth_deficit", "innlandet_birth_deficit", "open_data", [POPULATION_COMPONENTS], (ctx) => {
    const rows = countyComponents(ctx)
      .filter(pl.col("region").isIn(["04", "05"]))
      .toRecords();
    return {
      value: rows.every((r) => (r["natural_change"] as number) < 0),
      note: `Births − deaths per county-year published here (04 Hedmark, 05 Oppland): ${describe(rows, "natural_change")}. ${PARTIAL}`,
      tables: { counties: countyComponents(ctx) },
    };
  }),
  finding("ch3.innlandet_net_migration_below_norway", "innlandet_net_migration_below_norway", "open_data", [POPULATION_COMPONENTS], (ctx) => {
    const y = 2008;
    const c = countyComponents(ctx).filter(pl.col("year").eq(y));
    const sum = (codes: string[], col: string): number => c.filter(pl.col("region").isIn(codes)).getColumn(col).sum() as number;
    const inn = (1000 * sum(["04", "05"], "implied_net_migration")) / sum(["04", "05"], "mean_population");
    const no = (1000 * sum(["0"], "implied_net_migration")) / sum(["0"], "mean_population");
    return {
      value: inn < no,
      note:
        `Net migration per 1,000 mean population, ${y}: Hedmark + Oppland ${inn.toFixed(2)}, Norway ${no.toFixed(2)}. Norway's in/out-migration is not in the data, ` +
        `so both sides use the implied net migration (end − start − natural change, which includes SSB's registration residual). ${PARTIAL}`,
    };
  }),
  finding("ch3.cities_net_in_migration", "cities_net_in_migration", "open_data", COMP, (ctx) => {
    const rows = regionComponents(ctx)
      .filter(pl.col("region_type").eq(pl.lit("city")))
      .toRecords();
    return {
      value: rows.length ? rows.every((r) => (r["net_migration"] as number) > 0) : null,
      note: `Net migration of completely covered city region-years (mapping '${ctx.mapping}'): ${describe(rows, "net_migration")}${uncovered(ctx, "city")}. ${PARTIAL}`,
      tables: { city_components: regionComponents(ctx).filter(pl.col("region_type").eq(pl.lit("city"))) },
    };
  }),
  finding("ch3.two_of_five_cities_birth_surplus", "two_of_five_cities_birth_surplus", "open_data", COMP, (ctx) => {
    const df = regionComponents(ctx).filter(pl.col("region_type").eq(pl.lit("city")));
    const byRegion = df
      .groupBy("region")
      .agg(pl.col("natural_change").gt(0).all().alias("surplus"), pl.col("natural_change").lt(0).all().alias("deficit"))
      .sort("region");
    const recs = byRegion.toRecords();
    const cities = new Set(
      ctx.regions
        .filter(pl.col("region_type").eq(pl.lit("city")))
        .getColumn("region")
        .toArray() as string[],
    );
    const surely = recs.filter((r) => r["surplus"]).length;
    const undecided = cities.size - recs.filter((r) => r["surplus"] || r["deficit"]).length;
    const value = undecided === 0 ? surely : null;
    return {
      value,
      note:
        `City regions with a birth surplus in every covered year: ${surely}; with no or mixed evidence: ${undecided} (so between ${surely} and ${surely + undecided}). ` +
        `${describe(df.toRecords(), "natural_change")}${uncovered(ctx, "city")}` +
        (value === null ? ". untestable: the partial data cannot fix the count" : "") +
        `. ${PARTIAL}`,
      tables: { city_components: df },
    };
  }),
  ...PERIOD_2001_07.map((r) =>
    finding(
      `ch3.kongsvinger_strongest_growth.${r.key}`,
      "kongsvinger_strongest_growth",
      "open_data",
      [POPULATION_MUNICIPAL, MAPPINGS_FILE],
      (ctx) => {
        const g = popChange(ctx, r.from, r.to, "city");
        const top = String(g.getColumn("report_region").get(0));
        const list = g
          .toRecords()
          .map((x) => `${String(x["region"])} ${pct(x["change_pct"] as number)}`)
          .join(", ");
        return {
          value: top === "Kongsvinger",
          note: `Population change of the city regions, ${r.label}, mapping '${ctx.mapping}': ${list}. Read as total population growth; a reading as net in-migration cannot be tested for 2001–07 with the partial components`,
          tables: { city_change: g },
        };
      },
    ),
  ),
  finding("ch3.small_towns_out_migration_and_birth_deficit", "small_towns_out_migration_and_birth_deficit", "open_data", COMP, (ctx) => {
    const df = regionComponents(ctx).filter(pl.col("region_type").eq(pl.lit("small_town")));
    const rows = df.toRecords();
    const ok = rows.every((x) => (x["net_migration"] as number) < 0 && (x["natural_change"] as number) < 0);
    const bad = rows
      .filter((x) => !((x["net_migration"] as number) < 0 && (x["natural_change"] as number) < 0))
      .map((x) => `${String(x["region"])} ${String(x["year"])}`);
    return {
      value: rows.length ? ok : null,
      note:
        `Completely covered small-town region-years (mapping '${ctx.mapping}'): ${rows.length}` +
        (bad.length ? `; not both negative: ${bad.join(", ")}` : "; all have net out-migration and a birth deficit") +
        `${uncovered(ctx, "small_town")}. Incomplete region-years are left out (see the coverage table). ${PARTIAL}`,
      tables: { small_town_components: df, incomplete: incompleteRegionYears(ctx) },
    };
  }),
  ...PERIOD_2001_07.map((r) =>
    finding(`ch3.small_town_decline_extremes.${r.key}`, "small_town_decline_extremes", "open_data", [POPULATION_MUNICIPAL, MAPPINGS_FILE], (ctx) => {
      const g = popChange(ctx, r.from, r.to, "small_town");
      const first = String(g.getColumn("report_region").get(0));
      const last = String(g.getColumn("report_region").get(g.height - 1));
      const list = g
        .toRecords()
        .map((x) => `${String(x["region"])} ${pct(x["change_pct"] as number)}`)
        .join(", ");
      return {
        value: first === "Valdres" && last === "Stor-Elvdal/Rendalen",
        note: `Population change of the small-town regions, ${r.label}, mapping '${ctx.mapping}', mildest first: ${list}`,
        tables: { small_town_change: g },
      };
    }),
  ),
];
