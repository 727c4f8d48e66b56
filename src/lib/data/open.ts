/**
 * Loaders for the open (SSB, KRD, TØI) inputs and the report's job-growth
 * rates, as long frames.
 */
import * as pl from "nodejs-polars";
import { loadTable, tableToFrame } from "./load";
import { dataDir } from "./manifest";

export const POPULATION_MUNICIPAL = "ssb/population_municipality_2000_2009.csv";
export const POPULATION_MUNICIPAL_1992_2026 = "ssb/population_municipality_1992_2026.csv";
export const POPULATION_COUNTY = "ssb/population_county_national.csv";
export const POPULATION_COMPONENTS = "ssb/population_change_municipality_partial.csv";
export const EMPLOYEES_COUNTY = "ssb/employees_workplace_county_1995_2000.csv";
export const KRD_REGION_TYPES = "krd/stmeld25_2009_population_by_region_type.csv";
export const BA2020 = "regions/ba2020_innlandet.csv";
export const JOB_GROWTH = "report/job_growth_1998_2008.csv";

/**
 * Population on 1 January per municipality (SSB 07459), long:
 * `municipality_code_2008, municipality_name, county, year, value` (value: Int64 persons).
 * @example
 * num(loadMunicipalPopulation(), { municipality_code_2008: "0403", year: 2008 }); // 27976 (Hamar)
 */
export function loadMunicipalPopulation(dir: string = dataDir()): pl.DataFrame {
  return tableToFrame(loadTable(POPULATION_MUNICIPAL, dir))
    .select("municipality_code_2008", "municipality_name", "county", "year", pl.col("population_1jan").alias("value"))
    .sort(["municipality_code_2008", "year"]);
}

/**
 * Population on 1 January per municipality (SSB 07459), 1992–2026, long, with the
 * same columns as `loadMunicipalPopulation` so the same region aggregation works:
 * `municipality_code_2008, municipality_name, county, year, value` (value: Int64 persons;
 * county = the 2008 county throughout). The row provenance stays in the file's `source` column.
 * @example
 * const pop = loadMunicipalPopulation1992To2026();
 * toRegions(pop.filter(pl.col("year").eq(1998)), loadMapping("report13"));
 */
export function loadMunicipalPopulation1992To2026(dir: string = dataDir()): pl.DataFrame {
  return tableToFrame(loadTable(POPULATION_MUNICIPAL_1992_2026, dir))
    .select("municipality_code_2008", "municipality_name", "county", "year", pl.col("population_1jan").alias("value"))
    .sort(["municipality_code_2008", "year"]);
}

/**
 * Population on 1 January for Hedmark (04), Oppland (05) and Norway (0): `area_code, area_name, year, value`.
 * @example
 * num(loadCountyPopulation(), { area_code: "04", year: 2008 }); // 189289
 */
export function loadCountyPopulation(dir: string = dataDir()): pl.DataFrame {
  return tableToFrame(loadTable(POPULATION_COUNTY, dir))
    .select("area_code", "area_name", "year", pl.col("population_1jan").alias("value"))
    .sort(["area_code", "year"]);
}

/**
 * SSB's population change by component (partial coverage; see the manifest).
 * @example
 * num(loadPopulationComponents(), { municipality_code_2008: "04", year: 2008 }, "births"); // 1844
 */
export function loadPopulationComponents(dir: string = dataDir()): pl.DataFrame {
  return tableToFrame(loadTable(POPULATION_COMPONENTS, dir)).sort(["municipality_code_2008", "year"]);
}

/**
 * Employees by workplace county and SSB sector, Q4 1995–2000: `region, sector, year, value`.
 * @example
 * num(loadCountyEmployees(), { region: "Hedmark", sector: "Bygge- og anleggsvirksomhet", year: 1995 }); // 3881
 */
export function loadCountyEmployees(dir: string = dataDir()): pl.DataFrame {
  return tableToFrame(loadTable(EMPLOYEES_COUNTY, dir))
    .select(pl.col("area_name").alias("region"), pl.col("sector_ssb").alias("sector"), "year", pl.col("employees_q4").alias("value"))
    .sort(["region", "sector", "year"]);
}

/**
 * KRD's St.meld. 25 Tabell 1.1: `landsdel, region_type, population_2009, growth_2002_2009_pct`.
 * @example
 * num(loadKrdRegionTypes(), { landsdel: "Innlandet", region_type: "totalt" }, "population_2009"); // 344293
 */
export function loadKrdRegionTypes(dir: string = dataDir()): pl.DataFrame {
  return tableToFrame(loadTable(KRD_REGION_TYPES, dir));
}

/**
 * The report's job-growth rates 1998–2008: `area, area_kind, low, high, decimals, seed_from, seed_to`.
 * @example
 * num(loadJobGrowth(), { area: "Innlandet" }, "low"); // 15 (%)
 */
export function loadJobGrowth(dir: string = dataDir()): pl.DataFrame {
  return tableToFrame(loadTable(JOB_GROWTH, dir));
}

export const INNOVATION_2006 = "ssb/innovation_2006_county_economic_region.csv";
export const RD_NATIONAL = "ssb/rd_business_national.csv";
export const ECONOMIC_REGION_TYPES = "regions/ssb_economic_region_types.csv";

/**
 * SSB's innovation survey 2006 by county and economic region (empty cells = not published).
 * @example
 * num(loadInnovation2006(), { area_code: "0492" }, "firms_in_population"); // 463 (Hamar)
 */
export function loadInnovation2006(dir: string = dataDir()): pl.DataFrame {
  return tableToFrame(loadTable(INNOVATION_2006, dir));
}

/**
 * SSB's business R&D, Norway 2006–2009.
 * @example
 * num(loadRdNational(), { industry: "Services", year: 2006 }, "intramural_rd_mnok"); // 7063.6
 */
export function loadRdNational(dir: string = dataDir()): pl.DataFrame {
  return tableToFrame(loadTable(RD_NATIONAL, dir)).sort(["industry", "year"]);
}

/**
 * The project's city / small-town classification of SSB's economic regions.
 * @example
 * one(loadEconomicRegionTypes(), { economic_region_name: "Tynset" }, "region_type"); // "small_town"
 */
export function loadEconomicRegionTypes(dir: string = dataDir()): pl.DataFrame {
  return tableToFrame(loadTable(ECONOMIC_REGION_TYPES, dir));
}

export { loadMunicipalityBoundaries, MUNICIPALITY_BOUNDARIES, type MunicipalityBoundaries, type MunicipalityProperties } from "./geo";
// Re-exported here because the library index re-exports this module.
export { parseGeoJsonTable, type AreaCollection, type AreaFeature, type AreaGeometry, type GeoTable } from "./geojson";
export { verifyReport, rehashManifest, checksumPlan, type VerifyReport, type FileReport, type ChecksumPlan } from "./verify";
export { reviewedRehash, csvRowChanges, CHANGES_FILE, type ChecksumChange } from "./review";
export { unlistedFiles } from "./manifest";
export { checkContracts, checkCrossFileContracts } from "./contracts";
export type { Contract } from "./contractSchema";
