/**
 * A national typology of TØI's BA-2020 regions in the report's kinds (issue 24): big-city regions, city regions (the
 * report's "byregioner", small and medium city regions) and small-town regions ("småstedsregioner"), and the
 * national series with the REST municipalities apportioned (an alternative reading only, never the main one).
 *
 * The report's national types are Juvkam's (2002) as KRD tabulates them (St.meld. nr. 25, Tabell 1.1): storbyregionar,
 * små og mellomstore byregionar (inside and outside the DPV area), småsenterregionar and områder med spreidd
 * busetjing. Their region lists are not in the open data; the typology here rebuilds the three kinds from BA-2020:
 * - `centrality` (the main one): the six big-city regions by name (KRD's storbyregionar, one per part of the country);
 *   every other region by SSB's centrality class (0–3, the 2008 standard, 2013–2016 codes) of its centre municipality:
 *   class 0 → small-town region, 1–3 → city region. The centre is the municipality TØI marks `Senterkommune` (the
 *   most central of two when TØI names two), else, for single-municipality regions and regions without a marked
 *   centre, the region's most populous municipality on 1 January 2020.
 * - `size`: the same six big-city regions; every other region by its population on 1 January of `sizeYear`: below
 *   {@link SMALL_TOWN_REGION_MAX_POPULATION} a small-town region, else a city region.
 */
import * as pl from "nodejs-polars";
import { loadTable, tableToFrame } from "../data/load";
import { dataDir } from "../data/manifest";
import { CENTRALITY_CLASSES, loadBa2020All, loadCodeHistory, loadNationalPopulation, REST_MUNICIPALITIES } from "../data/national";
import { IndicatorInputError } from "../data/errors";

/** KRD's six storbyregionar as BA-2020 regions (St.meld. nr. 25 (2008–2009), Tabell 1.1: one per part of the country with one). */
export const BIG_CITY_REGIONS = ["Oslo/Bærum", "Bergen", "Stavanger/Sandnes", "Trondheim", "Kristiansand", "Tromsø"] as const;
/**
 * The `size` typology's limit: a region of fewer residents is a small-town region. 20 000 separates the report's own
 * Innlandet types under BA-2020 (largest small-town region Nord-Aurdal/Valdres ≈ 18 000, smallest city region Elverum ≈ 30 000).
 */
export const SMALL_TOWN_REGION_MAX_POPULATION = 20_000;
/** The three kinds, in the order the tables show them. */
export const NATIONAL_TYPES = ["big_city", "city", "small_town"] as const;
export type NationalTypologyName = "centrality" | "size";

/**
 * The 2013–2016 municipalities the five REST municipalities were formed from in 2020 (SSB's code history sends these
 * old codes to "Rest", since Tysfjord, Halsa and Snillfjord were split): Narvik = Narvik, Ballangen and part of
 * Tysfjord; Hamarøy = Hamarøy and part of Tysfjord; Heim = Hemne and parts of Halsa and Snillfjord; Hitra = Hitra and
 * part of Snillfjord; Orkland = Orkdal, Meldal, Agdenes and part of Snillfjord.
 */
export const REST_FORMED_FROM: Record<string, readonly string[]> = {
  "1806": ["1805", "1854", "1850"],
  "1875": ["1849", "1850"],
  "5055": ["1612", "1571", "1613"],
  "5056": ["1617", "1613"],
  "5059": ["1638", "1636", "1622", "1613"],
};

/**
 * SSB's centrality class (0–3) of each 2024 municipality: the highest class among the 2013–2016 municipalities it
 * consists of (a merged municipality keeps its most central part; the REST municipalities by {@link REST_FORMED_FROM}):
 * `municipality_code_2024, centrality_class`.
 * @example
 * one(centralityClasses2024(), { municipality_code_2024: "3405" }, "centrality_class"); // 2 (Lillehammer)
 */
export function centralityClasses2024(dir: string = dataDir()): pl.DataFrame {
  const classes = tableToFrame(loadTable(CENTRALITY_CLASSES, dir)).select(pl.col("municipality_code").alias("from"), "centrality_class");
  const rest = Object.entries(REST_FORMED_FROM).flatMap(([to, froms]) => froms.map((from) => ({ from, to })));
  const to2024 = pl.concat([loadCodeHistory(dir).select("from", "to").unique(), pl.DataFrame(rest)]);
  return classes
    .join(to2024, { on: "from", how: "inner" })
    .filter(pl.col("to").str.contains("^\\d{4}$"))
    .rename({ to: "municipality_code_2024" })
    .groupBy("municipality_code_2024")
    .agg(pl.col("centrality_class").max())
    .sort("municipality_code_2024");
}

/**
 * Each BA-2020 region with its centre, the centre's centrality class, its population in `sizeYear` and its type under
 * the typology: `region, ba2020_code, centre, centre_code, centre_class, population_size_year, size_year, region_type` (size_year: 2020
 * where a REST municipality has no value in `sizeYear`).
 * @throws IndicatorInputError when a region's centre has no centrality class, or a region has no size
 * @example
 * one(nationalTypology("centrality"), { region: "Nord-Aurdal" }, "region_type"); // "small_town"
 */
export function nationalTypology(
  by: NationalTypologyName,
  opts: { sizeYear?: number; population?: pl.DataFrame } = {},
  dir: string = dataDir(),
): pl.DataFrame {
  const sizeYear = opts.sizeYear ?? 2008;
  const ba = loadBa2020All("2024", dir);
  const pop = opts.population ?? loadNationalPopulation(dir).municipalities; // `municipality_code_2024, year, value`
  const at = (year: number) => new Map((pop.filter(pl.col("year").eq(pl.lit(year))).select("municipality_code_2024", "value").toRecords() as { municipality_code_2024: string; value: number }[]).map((r) => [r.municipality_code_2024, r.value]));
  const pop2020 = at(2020);
  const popSize = at(sizeYear);
  const classOf = new Map((centralityClasses2024(dir).toRecords() as { municipality_code_2024: string; centrality_class: number }[]).map((r) => [r.municipality_code_2024, r.centrality_class]));
  const members = new Map<string, { code: string; name: string; basis: string; ba: string }[]>();
  for (const r of ba.select("municipality_code", "municipality_name", "inclusion_basis", "ba2020_code", "ba2020_name").toRecords() as Record<string, string>[]) {
    const list = members.get(r["ba2020_name"]!) ?? [];
    list.push({ code: r["municipality_code"]!, name: r["municipality_name"]!, basis: r["inclusion_basis"]!, ba: String(r["ba2020_code"]) });
    members.set(r["ba2020_name"]!, list);
  }
  const rows = [...members].map(([region, ms]) => {
    const marked = ms.filter((m) => m.basis.startsWith("Senterkommune"));
    const candidates = marked.length > 0 ? marked : [ms.reduce((a, b) => ((pop2020.get(b.code) ?? 0) > (pop2020.get(a.code) ?? 0) ? b : a))];
    const centre = candidates.reduce((a, b) => ((classOf.get(b.code) ?? -1) > (classOf.get(a.code) ?? -1) ? b : a));
    const centreClass = classOf.get(centre.code);
    if (centreClass === undefined) throw new IndicatorInputError("nationalTypology", `region ${region}: centre ${centre.name} (${centre.code}) has no centrality class`);
    // a region with a REST municipality has no value before 2020: its size is read on 1 January 2020 (column size_year)
    const sizeOf = (m: Map<string, number>) => (ms.every((x) => m.has(x.code)) ? ms.reduce((a, x) => a + m.get(x.code)!, 0) : null);
    const size = sizeOf(popSize) ?? sizeOf(pop2020);
    if (size === null) throw new IndicatorInputError("nationalTypology", `region ${region}: no population on 1 January ${sizeYear} or 2020 for every municipality`);
    const type = (BIG_CITY_REGIONS as readonly string[]).includes(region)
      ? "big_city"
      : by === "centrality"
        ? centreClass === 0 ? "small_town" : "city"
        : size < SMALL_TOWN_REGION_MAX_POPULATION ? "small_town" : "city";
    return { region, ba2020_code: centre.ba, centre: centre.name, centre_code: centre.code, centre_class: centreClass, population_size_year: size, size_year: sizeOf(popSize) === null ? 2020 : sizeYear, region_type: type };
  });
  return pl.DataFrame(rows).sort("region");
}

/**
 * The national BA-2020 mapping with a typology's types: `municipality_code_2024, municipality_name, region, region_type`.
 * @example
 * typedBa2020Mapping(nationalTypology("centrality")).height; // 357
 */
export function typedBa2020Mapping(typology: pl.DataFrame, dir: string = dataDir()): pl.DataFrame {
  return loadBa2020All("2024", dir)
    .select(pl.col("municipality_code").alias("municipality_code_2024"), "municipality_name", pl.col("ba2020_name").alias("region"))
    .join(typology.select("region", "region_type"), { on: "region", how: "left" })
    .sort("municipality_code_2024");
}

/**
 * The municipal series with the five REST municipalities filled in before 2020 by apportioning SSB's REST group by their
 * shares of 1 January 2020 (an imputation, for robustness readings only): `municipality_code_2024, municipality_name,
 * year, value, imputed`. Haram (inside Ålesund 2020–2023) is not filled: its residents are in Ålesund's value.
 * @example
 * apportionedRest().filter(pl.col("imputed")).height; // 170 (5 municipalities × 34 years, 1986–2019)
 */
export function apportionedRest(dir: string = dataDir()): pl.DataFrame {
  const nat = loadNationalPopulation(dir);
  const five = nat.municipalities.filter(pl.col("municipality_code_2024").isIn([...REST_MUNICIPALITIES]).and(pl.col("year").eq(pl.lit(2020))));
  const total = five.getColumn("value").toArray().reduce((a: number, b) => a + Number(b), 0);
  const shares = five.select("municipality_code_2024", "municipality_name", pl.col("value").cast(pl.Float64).div(pl.lit(total)).alias("share"));
  const filled = shares
    .join(nat.rest.select("year", pl.col("value").alias("rest")), { how: "cross" })
    .select("municipality_code_2024", "municipality_name", "year", pl.col("share").mul(pl.col("rest")).alias("value"), pl.lit(true).alias("imputed"));
  const published = nat.municipalities.select("municipality_code_2024", "municipality_name", "year", pl.col("value").cast(pl.Float64), pl.lit(false).alias("imputed"));
  return pl.concat([published, filled]).sort(["municipality_code_2024", "year"]);
}
