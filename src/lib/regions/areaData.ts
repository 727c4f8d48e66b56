/**
 * The population series, mapping and boundaries of a run's area (parameters `area`, `regions`), for chapter 6 and
 * its maps. With the report's data (Innlandet with report13 or ba2020) these are exactly the inputs the chapter has
 * always read: the 48 municipalities on 2008 codes, 1992–2026, and the 2020 boundaries. Otherwise the national
 * series on 2024 codes, 1986–2026, and the 2024 boundaries cut to the area.
 *
 * Municipalities with no value on 2024 borders in some years (Narvik, Hamarøy, Heim, Hitra, Orkland before 2020:
 * inside SSB's REST; Haram 2020–2023: inside Ålesund) are surfaced in `notOn2024Borders` and handled explicitly:
 * `completeFor` leaves out, for the years asked, every region with such a municipality and names it.
 */
import * as pl from "nodejs-polars";
import type { AreaCollection } from "../data/geojson";
import { dataDir } from "../data/manifest";
import { loadMunicipalPopulation1992To2026 } from "../data/open";
import { loadMunicipalityBoundaries } from "../data/geo";
import { loadMunicipalityBoundaries2024, loadNationalPopulation, loadRestGroupSplit, NORWAY_POPULATION, REST_GROUP_SPLIT } from "../data/national";
import type { Area } from "./area";
import type { AreaMapping } from "./areaMapping";

/** The area's inputs. */
export interface AreaData {
  area: Area;
  mapping: AreaMapping;
  /** `<code>, municipality_name, year, value` (with the report's data also `county`): the published cells of the area's municipalities, sorted. */
  population: pl.DataFrame;
  /** `municipality_code_2024, municipality_name, year, status, counted_in`: the area's cells with no value (empty with the report's data). */
  notOn2024Borders: pl.DataFrame;
  /**
   * `year, value, basis`: the area's population. Before 2020 an area with REST municipalities adds its county's part of
   * REST (2001–2019, data/national/population_rest_group_split_2001_2019.csv); years it cannot be formed are left out.
   */
  total: pl.DataFrame;
  /** Boundaries of the area's municipalities; features carry `featureKey`. */
  boundaries: AreaCollection;
  featureKey: string;
  /** Data files read (relative to data/). */
  inputs: string[];
}

/**
 * Load the inputs of an area under a mapping.
 * @example
 * const d = loadAreaData(resolveArea("Nordland"), loadAreaMapping("ba2020", resolveArea("Nordland")));
 * d.notOn2024Borders.height; // 68 (Narvik and Hamarøy, 1986–2019)
 */
export function loadAreaData(area: Area, mapping: AreaMapping, dir: string = dataDir()): AreaData {
  if (mapping.reportData) {
    const population = loadMunicipalPopulation1992To2026(dir);
    const total = population.groupBy("year").agg(pl.col("value").sum().cast(pl.Float64)).sort("year").withColumns(pl.lit("municipalities").alias("basis"));
    const geo = loadMunicipalityBoundaries(dir);
    return {
      area,
      mapping,
      population,
      notOn2024Borders: pl.DataFrame({ municipality_code_2024: [] as string[], municipality_name: [] as string[], year: [] as number[] }),
      total,
      boundaries: geo as unknown as AreaCollection,
      featureKey: "municipality_code_2008",
      inputs: mapping.inputs,
    };
  }
  const nat = loadNationalPopulation(dir);
  const inArea = pl.col("municipality_code_2024").isIn(area.municipalities);
  const population = nat.municipalities.filter(inArea);
  const notOn2024Borders = nat.notOn2024Borders.filter(inArea);
  const geo = loadMunicipalityBoundaries2024(dir);
  const keep = new Set(area.municipalities);
  const boundaries = { type: "FeatureCollection", features: geo.features.filter((f) => keep.has(f.properties.kommunenummer)) } as AreaCollection;
  const { total, extraInputs } = areaTotal(area, population, notOn2024Borders, nat.norway, dir);
  return { area, mapping, population, notOn2024Borders, total, boundaries, featureKey: "kommunenummer", inputs: [...mapping.inputs, ...extraInputs] };
}

/** The area's total by year: Σ municipalities, plus the county's REST part where municipalities are in REST. */
function areaTotal(area: Area, population: pl.DataFrame, missing: pl.DataFrame, norway: pl.DataFrame, dir: string) {
  const sums = population.groupBy("year").agg(pl.col("value").sum().cast(pl.Float64)).sort("year");
  if (area.kind === "norway") return { total: norway.select("year", pl.col("value").cast(pl.Float64), pl.lit("Norway (SSB)").alias("basis")), extraInputs: [NORWAY_POPULATION] };
  const gapYears = new Set(missing.getColumn("year").toArray() as number[]);
  if (gapYears.size === 0) return { total: sums.withColumns(pl.lit("municipalities").alias("basis")), extraInputs: [] };
  const inRest = missing.filter(pl.col("counted_in").eq(pl.lit("REST")));
  const counties = new Set((inRest.getColumn("municipality_code_2024").toArray() as string[]).map((c) => c.slice(0, 2)));
  const split = loadRestGroupSplit(dir).filter(pl.col("county_code").isIn([...counties]));
  const partByYear = new Map<number, number>();
  for (const r of split.toRecords() as { year: number; value: number }[]) partByYear.set(r.year, (partByYear.get(r.year) ?? 0) + r.value);
  const rows = (sums.toRecords() as { year: number; value: number }[])
    .filter((r) => !gapYears.has(r.year) || partByYear.has(r.year))
    .map((r) =>
      gapYears.has(r.year)
        ? { year: r.year, value: r.value + partByYear.get(r.year)!, basis: "municipalities + the county's part of SSB's REST" }
        : { year: r.year, value: r.value, basis: "municipalities" },
    );
  return { total: pl.DataFrame(rows).sort("year"), extraInputs: [REST_GROUP_SPLIT] };
}

/**
 * The population of the regions that are complete in all the given years: a region with a municipality lacking a
 * value in one of them is left out whole (never summed without it), and named. `mapping` (default: the area's) may be
 * another mapping of the same area and code vintage.
 * @returns `population` (the area's series without the left-out regions' municipalities) and `leftOut` (region names, sorted)
 * @example
 * completeFor(nordland, [1998, 2008]).leftOut; // ["Hamarøy", "Narvik"] under BA-2020
 */
export function completeFor(
  data: AreaData,
  years: readonly number[],
  mapping: pl.DataFrame = data.mapping.mapping,
): { population: pl.DataFrame; leftOut: string[] } {
  const code = data.mapping.code;
  const lacking = new Set(
    (data.notOn2024Borders.filter(pl.col("year").isIn([...years])).getColumn("municipality_code_2024").toArray() as string[]) ?? [],
  );
  if (lacking.size === 0) return { population: data.population, leftOut: [] };
  const m = mapping;
  const leftOut = [...new Set(m.filter(pl.col(code).isIn([...lacking])).getColumn("region").toArray() as string[])].sort();
  const drop = m.filter(pl.col("region").isIn(leftOut)).getColumn(code).toArray() as string[];
  return { population: data.population.filter(pl.col(code).isIn(drop).not()), leftOut };
}
