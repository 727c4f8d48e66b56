/**
 * The public check of a region mapping: KRD's St.meld. 25 (2008–2009)
 * Tabell 1.1 gives Innlandet's population on 1 Jan 2009 and its growth
 * 2002–09 by KRD region type. Summing SSB's municipal series by the mapping's
 * `krd_type` must reproduce that row.
 */
import * as pl from "nodejs-polars";
import { KRD_REGION_TYPES, POPULATION_MUNICIPAL } from "../../data/open";
import { growthRate } from "../../indicators/index";
import { MAPPINGS_FILE } from "../../regions/mapping";
import { toRegions } from "../../regions/aggregate";
import type { Claim } from "../claims";
import type { FindingContext } from "../context";
import { roundingTolerance } from "../verdict";
import type { Spec } from "../spec";

export const KRD_TYPES = [
  "smaa_og_mellomstore_byregionar_utanfor_DPV",
  "smaa_og_mellomstore_byregionar_innanfor_DPV",
  "smaasenterregionar",
  "omraade_med_spreidd_busetjing",
  "totalt",
] as const;

const LABEL: Record<string, string> = {
  smaa_og_mellomstore_byregionar_utanfor_DPV: "small/medium city regions outside the district-policy area (DPV)",
  smaa_og_mellomstore_byregionar_innanfor_DPV: "small/medium city regions inside the district-policy area (DPV)",
  smaasenterregionar: "small-centre regions",
  omraade_med_spreidd_busetjing: "sparsely settled areas",
  totalt: "all of Innlandet (its BA regions)",
};

const LOCATION = "St.meld. nr. 25 (2008–2009) Lokal vekstkraft og framtidstru, Tabell 1.1, row Innlandet";

/** Population by KRD type (null type = outside or unknown) plus "totalt" = every municipality not outside. */
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

function krdRow(ctx: FindingContext, type: string): Record<string, unknown> {
  const row = ctx.krd
    .filter(
      pl
        .col("landsdel")
        .eq(pl.lit("Innlandet"))
        .and(pl.col("region_type").eq(pl.lit(type))),
    )
    .toRecords()[0];
  if (!row) throw new Error(`KRD table has no Innlandet / ${type}`);
  return row;
}

function reference(type: string, what: "population" | "growth"): (ctx: FindingContext) => Claim {
  return (ctx) => {
    const row = krdRow(ctx, type);
    const pop = what === "population";
    return {
      key: `krd_${what}_${type}`,
      chapter: 3,
      section: "3.1",
      statement: pop
        ? `KRD: Innlandet's ${LABEL[type]} had this many residents on 1 Jan 2009 (check of the region mapping)`
        : `KRD: population growth 2002–09 of Innlandet's ${LABEL[type]} (check of the region mapping)`,
      published: (pop ? row["population_2009"] : row["growth_2002_2009_pct"]) as number,
      tolerance: roundingTolerance(pop ? 0 : 1),
      unit: pop ? "persons" : "percent",
      parts: 1,
      rule: "printed",
      location: `${LOCATION} / ${type}`,
      source: `data/${KRD_REGION_TYPES}#Innlandet/${type}`,
    };
  };
}

function computeFor(type: string, what: "population" | "growth"): Spec["compute"] {
  return (ctx) => {
    const df = krdTypePopulation(ctx).filter(pl.col("krd_type").eq(pl.lit(type)));
    if (df.height === 0) return { value: null, note: `untestable: mapping '${ctx.mapping}' assigns no municipality to KRD type ${type}` };
    const growth = growthRate(df, { region: "krd_type", time: "year", value: "value", from: 2002, to: 2009 }).toRecords()[0]!;
    return {
      value: what === "population" ? (growth["value_to"] as number) : (growth["change_pct"] as number),
      note:
        `SSB municipal population summed by the krd_type column of mapping '${ctx.mapping}' (data/${MAPPINGS_FILE}); ` +
        `growth = 1 Jan 2002 → 1 Jan 2009 (${growth["value_from"]} → ${growth["value_to"]})`,
    };
  };
}

export const krdFindings: Spec[] = KRD_TYPES.flatMap((type) =>
  (["population", "growth"] as const).map((what): Spec => ({
    id: `ch3.krd_check.${what}_${what === "population" ? "2009" : "2002_2009"}.${type}`,
    reference: reference(type, what),
    basis: "open_data",
    inputs: [POPULATION_MUNICIPAL, MAPPINGS_FILE],
    compute: computeFor(type, what),
  })),
);
