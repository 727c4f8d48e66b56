/**
 * Chapter 3.3.1–3.3.2: sector structure, diversity and specialisation in
 * 2008, tested on Figur 3.6 (the one table whose numbers survived).
 */
import * as pl from "nodejs-polars";
import { FIGUR_3_6, FIGUR_3_6_COLUMNS } from "../../data/load";
import { diversity, locationQuotient, shares, sumBy } from "../../indicators/index";
import type { FindingContext } from "../context";
import type { Computation, FindingSpec } from "../types";
import { finding, untestable, type Spec } from "../spec";

const INPUTS = [FIGUR_3_6, FIGUR_3_6_COLUMNS];

/** A finding computed from the report's own Figur 3.6. */
function fromFigur36(id: string, claimKey: string, compute: (ctx: FindingContext) => Computation): Spec {
  return finding(id, claimKey, "report", INPUTS, compute);
}

/** Share (%) of each sector group (goods / private / public) per Figur 3.6 row. */
export function groupShares(ctx: FindingContext): pl.DataFrame {
  return ctx.derive("groupShares", () => {
    const byGroup = sumBy(ctx.figur36, { by: ["region", "group"], value: "value", keys: ["region", "sector"] });
    return shares(byGroup, { group: "region", part: "group", value: "value" });
  });
}

function share(df: pl.DataFrame, region: string, groups: string[]): number {
  const sel = df.filter(pl.col("region").eq(pl.lit(region)).and(pl.col("group").isIn(groups)));
  if (sel.height !== groups.length) throw new Error(`Figur 3.6: expected groups ${groups.join(", ")} for ${region}`);
  return sel.getColumn("share").sum() as number;
}

function groupShareFinding(id: string, claimKey: string, groups: string[], label: string): FindingSpec<FindingContext> {
  return fromFigur36(id, claimKey, (ctx) => {
    const df = groupShares(ctx);
    return {
      value: share(df, "innlandet", groups),
      note: `${label} summed from Figur 3.6's sector columns for Innlandet, as a share of the row's sum of all 13 sectors`,
      tables: { group_shares: df },
    };
  });
}

function aboveNorway(id: string, claimKey: string, group: string): FindingSpec<FindingContext> {
  return fromFigur36(id, claimKey, (ctx) => {
    const df = groupShares(ctx);
    const inn = share(df, "innlandet", [group]);
    const no = share(df, "norway", [group]);
    return {
      value: inn > no,
      note: `Innlandet ${inn.toFixed(2)} % vs the whole country ${no.toFixed(2)} % (${group} sectors of Figur 3.6)`,
      tables: { group_shares: df },
    };
  });
}

/** Diversity of every Figur 3.6 row over its 13 sectors. */
export function figur36Diversity(ctx: FindingContext): pl.DataFrame {
  return ctx.derive("figur36Diversity", () => {
    return diversity(ctx.figur36, { region: "region", sector: "sector", value: "value" });
  });
}

function metric(df: pl.DataFrame, region: string, col: string): number {
  const v = df
    .filter(pl.col("region").eq(pl.lit(region)))
    .getColumn(col)
    .get(0);
  if (typeof v !== "number") throw new Error(`no ${col} for ${region}`);
  return v;
}

type DiversityMetric = "shannon_normalized" | "hhi";
const METRIC_LABEL: Record<DiversityMetric, string> = {
  shannon_normalized: "normalised Shannon entropy H* (higher = more varied)",
  hhi: "Herfindahl–Hirschman index (lower = more varied)",
};
/** +1 when a higher value of the metric means more variety, −1 when it means less. */
const METRIC_SIGN: Record<DiversityMetric, number> = { shannon_normalized: 1, hhi: -1 };
const MEASURE_NOTE =
  "The report does not say how it measures variety; it shows Figur 3.7, whose numbers were not extracted, over the same 13 sectors as Figur 3.6. " +
  "The claim is tested with two common measures, and its verdict may differ between them";

function moreDiverse(m: DiversityMetric): FindingSpec<FindingContext> {
  return fromFigur36(`ch3.city_regions_more_diverse_than_small_town.${m}`, "city_regions_more_diverse_than_small_town", (ctx) => {
    const d = figur36Diversity(ctx);
    const city = metric(d, "innlandet_city_regions", m);
    const small = metric(d, "innlandet_small_town_regions", m);
    return {
      value: METRIC_SIGN[m] * (city - small) > 0,
      note: `${METRIC_LABEL[m]}: Innlandet's city regions ${city.toFixed(4)}, small-town regions ${small.toFixed(4)}. ${MEASURE_NOTE}`,
      tables: { diversity: d },
    };
  });
}

function farFromBigCities(m: DiversityMetric): FindingSpec<FindingContext> {
  return fromFigur36(`ch3.city_regions_far_from_big_cities.${m}`, "city_regions_far_from_big_cities", (ctx) => {
    const d = figur36Diversity(ctx);
    const city = metric(d, "innlandet_city_regions", m);
    const gapSmall = Math.abs(city - metric(d, "innlandet_small_town_regions", m));
    const gapBig = Math.abs(city - metric(d, "norway_big_city_regions", m));
    return {
      value: gapBig > gapSmall,
      note:
        `${METRIC_LABEL[m]}: |Δ| Innlandet's city regions vs the country's big-city regions = ${gapBig.toFixed(4)}, ` +
        `vs Innlandet's small-town regions = ${gapSmall.toFixed(4)} (ratio ${(gapBig / gapSmall).toFixed(2)}; ` +
        `'much larger' is not quantified in the report, so only the direction is tested). ${MEASURE_NOTE}`,
      tables: { diversity: d },
    };
  });
}

/** Location quotients of Figur 3.6's sectors against the whole country. */
export function figur36LocationQuotients(ctx: FindingContext): pl.DataFrame {
  return ctx.derive("figur36LocationQuotients", () => {
    return locationQuotient(ctx.figur36, { region: "region", sector: "sector", value: "value", reference: "norway" });
  });
}

function agricultureLq(id: string, claimKey: string, region: string): FindingSpec<FindingContext> {
  return fromFigur36(id, claimKey, (ctx) => {
    const lq = figur36LocationQuotients(ctx);
    const row = lq.filter(
      pl
        .col("region")
        .eq(pl.lit(region))
        .and(pl.col("sector").eq(pl.lit("goods_1"))),
    );
    const value = row.getColumn("lq").get(0) as number;
    return {
      value: value > 1,
      note:
        `LQ of column goods_1 for ${region} = ${value.toFixed(3)}. ASSUMPTION: goods_1 is taken to be primary industries incl. agriculture ` +
        `(low confidence; the figure's headings were not extracted — see data/${FIGUR_3_6_COLUMNS}); the verdict holds only under it`,
      tables: { location_quotients: lq.filter(pl.col("region").eq(pl.lit(region))) },
    };
  });
}

const NO_SECTOR_TABLE =
  "Tabell 3.1 (location quotients by region) and the sector headings of Figur 3.6 were images and are not in the text; " +
  "employment by sector for single regions in 2008 (SSB/BoF extract) is not public";

export const sectorFindings: FindingSpec<FindingContext>[] = [
  groupShareFinding("ch3.services_share_innlandet_2008", "services_share_innlandet_2008", ["private", "public"], "Private + public services"),
  groupShareFinding("ch3.private_services_share_innlandet_2008", "private_services_share_innlandet_2008", ["private"], "Private services"),
  groupShareFinding("ch3.goods_share_innlandet_2008", "goods_share_innlandet_2008", ["goods"], "Goods production"),
  groupShareFinding("ch3.public_share_innlandet_2008", "public_share_innlandet_2008", ["public"], "Public services"),
  aboveNorway("ch3.goods_share_innlandet_above_norway", "goods_share_innlandet_above_norway", "goods"),
  aboveNorway("ch3.public_share_innlandet_above_norway", "public_share_innlandet_above_norway", "public"),
  moreDiverse("shannon_normalized"),
  moreDiverse("hhi"),
  farFromBigCities("shannon_normalized"),
  farFromBigCities("hhi"),
  agricultureLq("ch3.innlandet_specialised_agriculture", "innlandet_specialised_agriculture", "innlandet"),
  agricultureLq("ch3.city_regions_specialised_agriculture", "city_regions_specialised_agriculture", "innlandet_city_regions"),
  agricultureLq("ch3.small_town_regions_specialised_agriculture", "small_town_regions_specialised_agriculture", "innlandet_small_town_regions"),
  untestable("ch3.industrial_cities_manufacturing_above_norway", "industrial_cities_manufacturing_above_norway", NO_SECTOR_TABLE),
  untestable("ch3.service_cities_knowledge_services_above_peers", "service_cities_knowledge_services_above_peers", NO_SECTOR_TABLE),
];
