/**
 * Region mappings for any area (run parameters `area` and `regions`): a mapping is data, not an enum.
 *
 * - `report13`, `ba2020` with the report's Innlandet: the project's two mappings of data/regions/mappings.csv on 2008
 *   codes and the 1992–2026 series, exactly as the report's chapters use them ("the report's data").
 * - `ba2020` for any other area: TØI's BA-2020 regions (159 for Norway), the area's municipalities only; a region that
 *   reaches beyond the area keeps its name and says in `note` how many of its municipalities lie outside.
 * - `economic`: SSB's economic regions of 2024 (85 for Norway; within counties).
 * - a path to a CSV: the user's own mapping (loadUserMapping), validated against the area.
 * `report13` is the report's 13 regions of Innlandet: for another area it is read as `ba2020` (said in `notes`).
 * Built-in mappings of other areas are not typed (region_type "untyped"): the report's city / small-town typology
 * exists for Innlandet only.
 */
import * as pl from "nodejs-polars";
import { dataDir } from "../data/manifest";
import { BA2020_2024, ECONOMIC_REGIONS_BY_YEAR, NATIONAL_POPULATION, municipalities2024 } from "../data/national";
import { POPULATION_MUNICIPAL_1992_2026 } from "../data/open";
import { BUILT_IN_REGIONS, ParameterError } from "../params";
import type { Area } from "./area";
import { loadMapping, MAPPING_NAMES, MAPPINGS_FILE, type MappingName } from "./mapping";
import { loadUserMapping } from "./userMapping";

/** A resolved mapping for an area, with what it rests on. */
export interface AreaMapping {
  /** `report13`, `ba2020`, `economic`, or `file <path>`. */
  name: string;
  /** True for the report's data: Innlandet with report13 or ba2020 on 2008 codes (chapters 2–5 use the same). */
  reportData: boolean;
  /** The code column of `mapping` (and of the population series to sum): municipality_code_2008 or municipality_code_2024. */
  code: "municipality_code_2008" | "municipality_code_2024";
  /** `<code>, municipality_name, region, region_type, …, note`, one row per municipality of the area. */
  mapping: pl.DataFrame;
  /** Data files the mapping and its population series come from (relative to data/). */
  inputs: string[];
  /** Sentences for the reader: substitutions, regions cut by the area's border. */
  notes: string[];
}

/** Is `regions` one of the report's Innlandet mappings (report13, ba2020)? */
export const isInnlandetMapping = (regions: string | undefined): regions is MappingName =>
  (MAPPING_NAMES as readonly string[]).includes(regions ?? "report13");

/**
 * The region mapping of a run for its area.
 * @param regions `report13` | `ba2020` | `economic` | a path ending in `.csv`
 * @throws ParameterError for another value; MappingFileError for a bad mapping file
 * @example
 * loadAreaMapping("ba2020", resolveArea("Nordland")).mapping.height; // 41
 */
export function loadAreaMapping(regions: string, area: Area, dir: string = dataDir()): AreaMapping {
  if (area.kind === "report" && isInnlandetMapping(regions)) {
    return { name: regions, reportData: true, code: "municipality_code_2008", mapping: loadMapping(regions, dir), inputs: [POPULATION_MUNICIPAL_1992_2026, MAPPINGS_FILE], notes: [] };
  }
  const inputs = [NATIONAL_POPULATION];
  if (/\.csv$/i.test(regions)) {
    return { name: `file ${regions}`, reportData: false, code: "municipality_code_2024", mapping: loadUserMapping(regions, area, dir), inputs, notes: [] };
  }
  if (!(BUILT_IN_REGIONS as readonly string[]).includes(regions)) {
    throw new ParameterError(`parameter regions: '${regions}' is not ${BUILT_IN_REGIONS.join(", ")} or a path to a .csv mapping file`);
  }
  const notes =
    regions === "report13" ? [`The report's 13 regions exist for Innlandet only: for ${area.label} this run uses TØI's BA-2020 regions.`] : [];
  const all = municipalities2024(dir);
  const kind = regions === "economic" ? "economic" : "ba2020";
  const region = kind === "economic" ? "economic_region_name" : "ba2020_name";
  const inArea = all.filter(pl.col("municipality_code_2024").isIn(area.municipalities));
  const outside = all.filter(pl.col("municipality_code_2024").isIn(area.municipalities).not());
  const outsideBy = new Map<string, string[]>();
  for (const r of outside.select(region, "municipality_name").toRecords() as Record<string, string>[]) {
    outsideBy.set(r[region]!, [...(outsideBy.get(r[region]!) ?? []), r["municipality_name"]!]);
  }
  const source = kind === "economic" ? "SSB economic region 2024 (KLASS 108)" : "BA-2020 region as published (TØI 1713/2019)";
  const rows = (inArea.select("municipality_code_2024", "municipality_name", region).toRecords() as Record<string, string>[]).map((r) => {
    const out = outsideBy.get(r[region]!) ?? [];
    return {
      municipality_code_2024: r["municipality_code_2024"]!,
      municipality_name: r["municipality_name"]!,
      region: r[region]!,
      region_type: "untyped",
      note: out.length ? `${source}; ${out.length} of the region's municipalities lie outside ${area.label} (${out.join(", ")})` : source,
    };
  });
  const cut = [...new Set(rows.filter((r) => r.note !== source).map((r) => r.region))].sort();
  if (cut.length > 0) notes.push(`${cut.length} region(s) reach beyond ${area.label} and are summed over its municipalities only: ${cut.join(", ")}.`);
  return {
    name: kind,
    reportData: false,
    code: "municipality_code_2024",
    mapping: pl.DataFrame(rows).sort("municipality_code_2024"),
    inputs: [...inputs, kind === "economic" ? ECONOMIC_REGIONS_BY_YEAR : BA2020_2024],
    notes,
  };
}
