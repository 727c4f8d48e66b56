/**
 * Chapter 3.1–3.2 and 5.1: population by region and region type, tested
 * against SSB's municipal series summed under the selected region mapping,
 * and against KRD's 2009 table.
 */
import * as pl from "nodejs-polars";
import { KRD_REGION_TYPES, POPULATION_COUNTY, POPULATION_MUNICIPAL } from "../../data/open";
import { growthRate } from "../../indicators/index";
import { MAPPINGS_FILE } from "../../regions/mapping";
import { toRegions } from "../../regions/aggregate";
import type { FindingContext } from "../context";
import { finding, pct, untestable, type Spec } from "../spec";

const POP = [POPULATION_MUNICIPAL, MAPPINGS_FILE];

/** The two readings of the report's "2001–07". */
export const PERIOD_2001_07 = [
  { key: "jan2001_jan2007", from: 2001, to: 2007, label: "1 Jan 2001 → 1 Jan 2007" },
  { key: "jan2001_jan2008", from: 2001, to: 2008, label: "1 Jan 2001 → 1 Jan 2008 (i.e. through 31 Dec 2007)" },
] as const;

/** Year of the report's population figures for §3.1 (Figur 3.1–3.2: "SSB 2007"), read as 1 January 2007. */
export const YEAR_3_1 = 2007;

/** Population by region type (city, small_town, outside) and the Innlandet total of regions not centred outside ("innlandet"). */
export function typePopulation(ctx: FindingContext): pl.DataFrame {
  return ctx.derive("typePopulation", () => {
    const byType = toRegions(ctx.municipalPopulation, ctx.regions, { to: "region_type" });
    const inn = byType
      .filter(pl.col("region_type").neq(pl.lit("outside")))
      .groupBy("year")
      .agg(pl.col("value").sum())
      .withColumns(pl.lit("innlandet").alias("region_type"))
      .select("region_type", "year", "value");
    return pl.concat([byType, inn]).sort(["region_type", "year"]);
  });
}

function valueAt(df: pl.DataFrame, key: string, keyValue: string, year: number): number {
  const v = df
    .filter(pl.col(key).eq(pl.lit(keyValue)).and(pl.col("year").eq(year)))
    .getColumn("value")
    .sum() as number;
  if (!(v > 0)) throw new Error(`no population for ${keyValue} in ${year}`);
  return v;
}

function changeOf(ctx: FindingContext, type: string, from: number, to: number): number {
  const g = growthRate(typePopulation(ctx).filter(pl.col("region_type").eq(pl.lit(type))), {
    region: "region_type",
    time: "year",
    value: "value",
    from,
    to,
  });
  return g.getColumn("change_pct").get(0) as number;
}

function changeFindings(base: string, claimKey: string, type: string, label: string): Spec[] {
  return PERIOD_2001_07.map((r) =>
    finding(`${base}.${r.key}`, claimKey, "open_data", POP, (ctx) => {
      const v = changeOf(ctx, type, r.from, r.to);
      const other = PERIOD_2001_07.find((o) => o.key !== r.key)!;
      return {
        value: v,
        note: `${label}, ${r.label}, mapping '${ctx.mapping}': ${pct(v)} (the other reading, ${other.label}: ${pct(changeOf(ctx, type, other.from, other.to))})`,
        tables: { population_by_type: typePopulation(ctx).filter(pl.col("year").isIn([2001, 2007, 2008])) },
      };
    }),
  );
}

/** Population of the regions standing for the report's named regions, in a year. */
function regionsSum(ctx: FindingContext, regions: string[], year: number): number {
  return regions.reduce((acc, r) => acc + valueAt(ctx.regionPopulation, "report_region", r, year), 0);
}

const MJOS = ["Lillehammer", "Gjøvik", "Hamar", "Elverum"];
const READINGS_MJOS = [
  { key: "five_city_regions", regions: [...MJOS, "Kongsvinger"], label: "the five city regions (Mjøsa towns + Kongsvinger)" },
  { key: "four_mjos_city_regions", regions: MJOS, label: "the four Mjøsa city regions (Lillehammer, Gjøvik, Hamar, Elverum)" },
];

function krdValue(ctx: FindingContext, landsdel: string, type: string): number {
  const v = ctx.krd
    .filter(
      pl
        .col("landsdel")
        .eq(pl.lit(landsdel))
        .and(pl.col("region_type").eq(pl.lit(type))),
    )
    .getColumn("population_2009")
    .get(0);
  if (typeof v !== "number") throw new Error(`KRD table: no ${landsdel} / ${type}`);
  return v;
}

const SMB = ["smaa_og_mellomstore_byregionar_utanfor_DPV", "smaa_og_mellomstore_byregionar_innanfor_DPV"];
const KRD_NOTE =
  "KRD's 2009 typology and BA regions of its time (St.meld. 25, Tabell 1.1); the report's Figur 3.1 uses SSB 2007 and Juvkam's regions";

export const populationFindings: Spec[] = [
  ...READINGS_MJOS.map((r) =>
    finding(`ch3.mjos_region_population_share.${r.key}`, "mjos_region_population_share", "open_data", POP, (ctx) => {
      const share = (100 * regionsSum(ctx, r.regions, YEAR_3_1)) / valueAt(typePopulation(ctx), "region_type", "innlandet", YEAR_3_1);
      return {
        value: share,
        note: `Reading 'Mjøsa region' as ${r.label}: share of Innlandet's population (all regions not centred outside Hedmark/Oppland) on 1 Jan ${YEAR_3_1}, mapping '${ctx.mapping}'`,
        tables: { regions: ctx.regionPopulation.filter(pl.col("year").eq(YEAR_3_1)) },
      };
    }),
  ),
  ...READINGS_MJOS.map((r) =>
    finding(`ch3.mjos_towns_and_kongsvinger_population.${r.key}`, "mjos_towns_and_kongsvinger_population", "open_data", POP, (ctx) => ({
      value: regionsSum(ctx, r.regions, YEAR_3_1),
      note:
        `Population of ${r.label} on 1 Jan ${YEAR_3_1}, mapping '${ctx.mapping}'; the printed '220.000' is read as rounded to ten thousands. ` +
        `KRD's count for the four Mjøsa city regions in 2009 is 220,064 (St.meld. 25 Tabell 1.1)`,
    })),
  ),
  finding("ch3.small_town_population_share", "small_town_population_share", "open_data", POP, (ctx) => {
    const tp = typePopulation(ctx);
    const share = (100 * valueAt(tp, "region_type", "small_town", YEAR_3_1)) / valueAt(tp, "region_type", "innlandet", YEAR_3_1);
    return {
      value: share,
      note: `Small-town regions' share of Innlandet (regions not centred outside) on 1 Jan ${YEAR_3_1}, mapping '${ctx.mapping}'`,
    };
  }),
  finding("ch3.small_town_share_oppland_above_hedmark", "small_town_share_oppland_above_hedmark", "open_data", POP, (ctx) => {
    const byCounty = toRegions(ctx.municipalPopulation, ctx.regions, { to: "region_type", keep: ["county", "year"] }).filter(
      pl
        .col("year")
        .eq(YEAR_3_1)
        .and(pl.col("region_type").neq(pl.lit("outside"))),
    );
    const share = (county: string): number => {
      const c = byCounty.filter(pl.col("county").eq(pl.lit(county)));
      const small = c
        .filter(pl.col("region_type").eq(pl.lit("small_town")))
        .getColumn("value")
        .sum() as number;
      return (100 * small) / (c.getColumn("value").sum() as number);
    };
    const o = share("Oppland");
    const h = share("Hedmark");
    return {
      value: o > h,
      note: `Small-town regions' share of each county's population within Innlandet's regions, 1 Jan ${YEAR_3_1}, mapping '${ctx.mapping}': Oppland ${o.toFixed(1)} %, Hedmark ${h.toFixed(1)} %`,
      tables: { by_county: byCounty },
    };
  }),
  finding("ch3.city_share_below_norway", "city_share_below_norway", "open_data", [KRD_REGION_TYPES], (ctx) => {
    const inn = (100 * SMB.reduce((a, t) => a + krdValue(ctx, "Innlandet", t), 0)) / krdValue(ctx, "Innlandet", "totalt");
    const no = (100 * ["storbyregionar", ...SMB].reduce((a, t) => a + krdValue(ctx, "Noreg", t), 0)) / krdValue(ctx, "Noreg", "totalt");
    return {
      value: inn < no,
      note: `City-region share of population 2009: Innlandet ${inn.toFixed(1)} %, Norway (big cities included) ${no.toFixed(1)} %. ${KRD_NOTE}`,
    };
  }),
  finding("ch3.smb_share_as_norway_excl_big_cities", "smb_share_as_norway_excl_big_cities", "open_data", [KRD_REGION_TYPES], (ctx) => {
    const inn = (100 * SMB.reduce((a, t) => a + krdValue(ctx, "Innlandet", t), 0)) / krdValue(ctx, "Innlandet", "totalt");
    const noRest = krdValue(ctx, "Noreg", "totalt") - krdValue(ctx, "Noreg", "storbyregionar");
    const no = (100 * SMB.reduce((a, t) => a + krdValue(ctx, "Noreg", t), 0)) / noRest;
    return {
      value: inn - no,
      note: `Share in small and medium city regions, 2009: Innlandet ${inn.toFixed(1)} %, Norway without its big-city regions ${no.toFixed(1)} % ('the same' read as a difference within rounding to whole percent). ${KRD_NOTE}`,
    };
  }),
  ...PERIOD_2001_07.map((r) =>
    finding(
      `ch3.innlandet_growth_2001_07_below_norway.${r.key}`,
      "innlandet_growth_2001_07_below_norway",
      "open_data",
      [POPULATION_COUNTY],
      (ctx) => {
        const cp = ctx.countyPopulation;
        const at = (codes: string[], y: number): number | null => {
          const sel = cp.filter(pl.col("area_code").isIn(codes).and(pl.col("year").eq(y)));
          return sel.height === codes.length ? (sel.getColumn("value").sum() as number) : null;
        };
        const [i0, i1, n0, n1] = [at(["04", "05"], r.from), at(["04", "05"], r.to), at(["0"], r.from), at(["0"], r.to)];
        if (i0 === null || i1 === null || n0 === null || n1 === null) {
          return {
            value: null,
            note: `untestable: for ${r.label}, SSB's population of Norway or the counties on 1 Jan ${r.to} is not in data/${POPULATION_COUNTY}`,
          };
        }
        const gi = 100 * (i1 / i0 - 1);
        const gn = 100 * (n1 / n0 - 1);
        return { value: gi < gn, note: `Hedmark + Oppland ${pct(gi)} vs Norway ${pct(gn)}, ${r.label}` };
      },
    ),
  ),
  ...changeFindings("ch3.city_regions_population_change_2001_07", "city_regions_population_change_2001_07", "city", "City regions"),
  ...changeFindings(
    "ch3.small_town_regions_population_change_2001_07",
    "small_town_regions_population_change_2001_07",
    "small_town",
    "Small-town regions",
  ),
  ...changeFindings(
    "ch5.innlandet_population_change_2001_07",
    "innlandet_population_change_2001_07",
    "innlandet",
    "Innlandet's regions (those not centred outside)",
  ),
  untestable(
    "ch3.norway_city_regions_population_change_2001_07",
    "norway_city_regions_population_change_2001_07",
    "population 2001–07 by the report's national region types (Juvkam 2002's 161 regions) is not in the open data found; KRD's table gives 2009 only",
  ),
  untestable(
    "ch3.norway_small_town_regions_population_change_2001_07",
    "norway_small_town_regions_population_change_2001_07",
    "population 2001–07 by the report's national region types (Juvkam 2002's 161 regions) is not in the open data found; KRD's table gives 2009 only",
  ),
];

/** Population per region in one year (1 January), for Figur 3.2-style charts: `region, region_type, report_region, year, value`. */
export function regionPopulationIn(ctx: FindingContext, year: number): pl.DataFrame {
  return ctx.regionPopulation.filter(pl.col("year").eq(year));
}
