/**
 * Loaders for the national inputs (issue 24): every municipality of Norway on 2024 codes and
 * borders, 1 January 1986–2026 (SSB 07459), SSB's REST group and its split by county, Norway's
 * total, the code history to 2024 codes, the economic regions by year, TØI's BA-2020 division for
 * every municipality and the 2024 boundaries. Tidy long frames; every file is checked on load by
 * its manifest entry (checksum, schema, contracts: complete keys, municipalities + REST = Norway
 * every year, Innlandet's 48 equal to ssb/population_municipality_1992_2026.csv in every cell).
 *
 * Five municipalities have no series on 2024 borders before 2020 (1806 Narvik, 1875 Hamarøy,
 * 5055 Heim, 5056 Hitra, 5059 Orkland: SSB counts them in REST), and 1580 Haram 2020–2023 is
 * inside 1508 Ålesund. Their empty cells are not in the `municipalities` frame: they are listed,
 * year by year, in `notOn2024Borders` — never dropped silently.
 */
import * as pl from "nodejs-polars";
import { ValueError, GeometryError } from "./errors";
import type { AreaCollection } from "./geojson";
import { loadTable, tableToFrame } from "./load";
import { dataDir } from "./manifest";

export const NATIONAL_POPULATION = "national/population_municipality_2024codes_1986_2026.csv";
export const NORWAY_POPULATION = "national/population_norway_1986_2026.csv";
export const REST_GROUP_SPLIT = "national/population_rest_group_split_2001_2019.csv";
export const CODE_HISTORY = "national/municipality_code_history_1994_2024.csv";
export const ECONOMIC_REGIONS_BY_YEAR = "national/economic_region_by_year_2002_2025.csv";
export const BA2020_2024 = "national/ba2020_2024codes.csv";
export const BA2020_2020 = "national/ba2020_2020codes.csv";
export const CENTRALITY_CLASSES = "national/centrality_classes_2013_2016codes.csv";
export const EDUCATION_LEVEL = "national/education_level_county_national.csv";
export const MUNICIPALITY_BOUNDARIES_2024 = "geo/municipalities_norway_2024.geojson";

/** The five municipalities SSB counts in REST before 2020 (SOURCES.md trap 1). */
export const REST_MUNICIPALITIES = ["1806", "1875", "5055", "5056", "5059"] as const;

/** The national population, split into what can be summed and what cannot. */
export interface NationalPopulation {
  /** `municipality_code_2024, municipality_name, year, value` (Int64 persons): the published cells only, sorted. */
  municipalities: pl.DataFrame;
  /** `year, value`: SSB's REST group ("Delte kommuner og uoppgitt"), 1986–2019. */
  rest: pl.DataFrame;
  /**
   * `municipality_code_2024, municipality_name, year, status, counted_in`: every municipality-year with no value on
   * 2024 borders (174 cells: the five REST municipalities 1986–2019, Haram 2020–2023) and where its residents are counted.
   */
  notOn2024Borders: pl.DataFrame;
  /** `year, value`: Norway, 1986–2026 (= Σ municipalities + REST, checked on load). */
  norway: pl.DataFrame;
}

/**
 * Population on 1 January 1986–2026 of every municipality of Norway on 2024 codes and borders (SSB 07459,
 * `agg:KommSummer`), with REST, the cells not on 2024 borders, and Norway's total.
 * @throws ChecksumError | DataError subclasses naming file, row and column (see the manifest's contracts)
 * @example
 * const { municipalities, notOn2024Borders } = loadNationalPopulation();
 * num(municipalities, { municipality_code_2024: "1804", year: 2008 }); // 46049 (Bodø)
 * notOn2024Borders.filter(pl.col("municipality_code_2024").eq(pl.lit("1806"))).height; // 34 (Narvik 1986–2019)
 */
export function loadNationalPopulation(dir: string = dataDir()): NationalPopulation {
  const all = tableToFrame(loadTable(NATIONAL_POPULATION, dir)).rename({ municipality_name_2024: "municipality_name", population_1jan: "value" });
  const isRest = pl.col("municipality_code_2024").eq(pl.lit("REST"));
  const municipalities = all
    .filter(isRest.not().and(pl.col("value").isNotNull()))
    .select("municipality_code_2024", "municipality_name", "year", "value")
    .sort(["municipality_code_2024", "year"]);
  const rest = all.filter(isRest).select("year", "value").sort("year");
  const notOn2024Borders = all
    .filter(isRest.not().and(pl.col("value").isNull()))
    .select(
      "municipality_code_2024",
      "municipality_name",
      "year",
      "status",
      pl
        .when(pl.col("status").eq(pl.lit("included_in_1508_Alesund")))
        .then(pl.lit("1508 Ålesund"))
        .otherwise(pl.lit("REST"))
        .alias("counted_in"),
    )
    .sort(["municipality_code_2024", "year"]);
  return { municipalities, rest, notOn2024Borders, norway: loadNorwayPopulation(dir) };
}

/**
 * Norway's population on 1 January 1986–2026: `year, value`.
 * @example
 * num(loadNorwayPopulation(), { year: 2008 }); // 4737171
 */
export function loadNorwayPopulation(dir: string = dataDir()): pl.DataFrame {
  return tableToFrame(loadTable(NORWAY_POPULATION, dir)).select("year", pl.col("population_1jan").alias("value")).sort("year");
}

/**
 * SSB's REST group 2001–2019 split by county: `county_code, part, year, value` (part: "Narvik + Hamarøy" for Nordland,
 * 18; "Heim + Hitra + Orkland" for Trøndelag, 50). The two parts add up to REST in every year (checked here).
 * @throws ValueError naming the year when the parts do not add up to REST
 * @example
 * num(loadRestGroupSplit(), { county_code: "18", year: 2001 }); // 25534
 */
export function loadRestGroupSplit(dir: string = dataDir()): pl.DataFrame {
  const t = loadTable(REST_GROUP_SPLIT, dir);
  const split = tableToFrame(t)
    .select(
      pl.col("county_2020").alias("county_code"),
      pl.when(pl.col("county_2020").eq(pl.lit("18"))).then(pl.lit("Narvik + Hamarøy")).otherwise(pl.lit("Heim + Hitra + Orkland")).alias("part"),
      "year",
      pl.col("population_1jan").alias("value"),
    )
    .sort(["county_code", "year"]);
  const rest = new Map(
    (loadNationalPopulation(dir).rest.toRecords() as { year: number; value: number }[]).map((r) => [r.year, r.value] as const),
  );
  const sums = new Map<number, number>();
  for (const r of split.toRecords() as { year: number; value: number }[]) sums.set(r.year, (sums.get(r.year) ?? 0) + r.value);
  for (const [year, sum] of sums) {
    if (sum !== rest.get(year)) {
      throw new ValueError(
        { file: t.file, key: `year=${year}`, column: "population_1jan" },
        `the two parts to add up to REST in ${NATIONAL_POPULATION} (${rest.get(year) ?? "no REST row"})`,
        String(sum),
      );
    }
  }
  return split;
}

/**
 * SSB's code history: `from, from_name, valid_from, valid_to, to, to_name, note` (every code valid 1994–2024 → its 2024
 * code; `to` = "Rest" for the units SSB cannot place on 2024 borders).
 * @example
 * one(loadCodeHistory(), { from: "0533" }, "to"); // "3234" (Lunner: 2008 code → 2024 code)
 */
export function loadCodeHistory(dir: string = dataDir()): pl.DataFrame {
  return tableToFrame(loadTable(CODE_HISTORY, dir)).select(
    pl.col("original_code").alias("from"),
    pl.col("original_name").alias("from_name"),
    "valid_from",
    "valid_to",
    pl.col("code_2024").alias("to"),
    pl.col("name_2024").alias("to_name"),
    "note",
  );
}

/**
 * SSB's economic regions by year: `year, municipality_code, municipality_name, county_code, county_name,
 * economic_region_code, economic_region_name`, optionally for one year (classification valid 1 January).
 * @example
 * loadEconomicRegions(2024).height; // 357
 */
export function loadEconomicRegions(year?: number, dir: string = dataDir()): pl.DataFrame {
  const df = tableToFrame(loadTable(ECONOMIC_REGIONS_BY_YEAR, dir)).drop("source");
  return (year === undefined ? df : df.filter(pl.col("year").eq(pl.lit(year)))).sort(["year", "municipality_code"]);
}

/**
 * TØI's BA-2020 division for every municipality: `municipality_code, municipality_name, ba2020_code, ba2020_name,
 * inclusion_basis, travel_time_min_to_centre, out_commuting_pct, in_commuting_pct` on 2024 (357) or 2020 (356) codes.
 * @example
 * one(loadBa2020All(), { municipality_code: "1806" }, "ba2020_name"); // "Narvik"
 */
export function loadBa2020All(codes: "2024" | "2020" = "2024", dir: string = dataDir()): pl.DataFrame {
  return tableToFrame(loadTable(codes === "2024" ? BA2020_2024 : BA2020_2020, dir))
    .drop("code_as_printed_in_source", "codes_of", "source", "code_note")
    .sort("municipality_code");
}

/**
 * The 357 municipalities of 2024 with their county (2024), economic region (2024) and BA-2020 region:
 * `municipality_code_2024, municipality_name, county_code, county_name, economic_region_code, economic_region_name,
 * ba2020_code, ba2020_name` (county_name without its Sami forms, e.g. "Nordland").
 * @throws ValueError when a municipality lacks its economic region or BA region
 * @example
 * one(municipalities2024(), { municipality_code_2024: "1804" }, "county_name"); // "Nordland"
 */
export function municipalities2024(dir: string = dataDir()): pl.DataFrame {
  const er = loadEconomicRegions(2024, dir).select(
    pl.col("municipality_code").alias("municipality_code_2024"),
    "municipality_name",
    "county_code",
    pl.col("county_name").str.split(" - ").lst.first().alias("county_name"),
    "economic_region_code",
    "economic_region_name",
  );
  const ba = loadBa2020All("2024", dir).select(pl.col("municipality_code").alias("municipality_code_2024"), "ba2020_code", "ba2020_name");
  const joined = er.join(ba, { on: "municipality_code_2024", how: "left" });
  const lacking = joined.filter(pl.col("ba2020_code").isNull());
  if (lacking.height > 0 || joined.height !== ba.height) {
    throw new ValueError(
      { file: `data/${ECONOMIC_REGIONS_BY_YEAR}`, column: "municipality_code" },
      `the same 2024 municipalities as data/${BA2020_2024}`,
      `${joined.height} municipalities in 2024, ${lacking.height} without a BA region`,
    );
  }
  return joined.sort("municipality_code_2024");
}

/** Properties of a 2024 municipality feature. */
export type Municipality2024Properties = { id: string; kommunenummer: string; name: string; kommunenavn: string };

/**
 * The 357 municipalities' boundaries of 2024 (Kartverket, CC BY 4.0), sorted by `kommunenummer`.
 * @example
 * loadMunicipalityBoundaries2024().features.length; // 357
 */
export function loadMunicipalityBoundaries2024(dir: string = dataDir()): AreaCollection<Municipality2024Properties> {
  const table = loadTable(MUNICIPALITY_BOUNDARIES_2024, dir);
  if (!("collection" in table)) throw new GeometryError({ file: table.file }, "a manifest entry with format 'geojson'", "csv");
  const collection = (table as { collection: AreaCollection }).collection;
  const features = collection.features
    .map((f) => ({ ...f, properties: f.properties as Municipality2024Properties }))
    .sort((a, b) => a.properties.kommunenummer.localeCompare(b.properties.kommunenummer));
  return { type: "FeatureCollection", features };
}
