/**
 * Region mappings as data (data/regions/mappings.csv): municipality → region
 * and region type, under a named mapping. Checked on load by the file's data
 * contracts (data/manifest.json): every municipality exactly once per mapping,
 * each of the report's 13 regions with at least one municipality in every
 * mapping, one type (and KRD type, and report region) per region, and every
 * municipality's name equal to its code's name in SSB's population table
 * (data/ssb/population_municipality_2000_2009.csv — the reference; it equals
 * SSB's code history in shared/data/national/ but for the county qualifiers).
 * Here, in addition: every municipality of the population series mapped, and
 * the 'ba2020' mapping identical to TØI's published division.
 */
import * as pl from "nodejs-polars";
import { loadTable, tableToFrame } from "../data/load";
import { dataDir } from "../data/manifest";
import { ValueError } from "../data/errors";
import { BA2020, POPULATION_MUNICIPAL } from "../data/open";

export const MAPPINGS_FILE = "regions/mappings.csv";

/** The mappings the project ships: TØI's BA-2020 as published, and the reconstruction of the report's 13 regions. */
export const MAPPING_NAMES = ["report13", "ba2020"] as const;
export type MappingName = (typeof MAPPING_NAMES)[number];

/**
 * One mapping: `municipality_code_2008, municipality_name, region, report_region, region_type,
 * krd_type, note`, sorted by municipality.
 * @throws ValueError when the mapping is unknown, misses a municipality of the population series,
 *   or ('ba2020') departs from TØI's division; the file's ContractErrors (IncompleteKeysError,
 *   InconsistentGroupError, DisagreementError) and DuplicateKeyError on load.
 * @example
 * one(loadMapping("report13"), { municipality_code_2008: "0412" }, "region"); // "Hamar" (Ringsaker)
 */
export function loadMapping(name: MappingName, dir: string = dataDir()): pl.DataFrame {
  const table = loadTable(MAPPINGS_FILE, dir);
  const rows = table.rows.filter((r) => r["mapping"] === name);
  if (rows.length === 0) throw new ValueError({ file: table.file, column: "mapping" }, `rows for mapping '${name}'`, "none");
  const municipalities = new Set(loadTable(POPULATION_MUNICIPAL, dir).rows.map((r) => String(r["municipality_code_2008"])));
  const mapped = new Set(rows.map((r) => String(r["municipality_code_2008"])));
  const missing = [...municipalities].filter((m) => !mapped.has(m)).sort();
  if (missing.length > 0) {
    throw new ValueError(
      { file: table.file, column: "municipality_code_2008" },
      `every municipality mapped once under '${name}'`,
      `unmapped: ${missing.join(", ")}`,
    );
  }
  if (name === "ba2020") {
    const ba = new Map(loadTable(BA2020, dir).rows.map((r) => [String(r["municipality_code_2008"]), String(r["ba2020_name"])]));
    table.rows.forEach((r, k) => {
      if (r["mapping"] !== "ba2020") return;
      const expected = ba.get(String(r["municipality_code_2008"]));
      if (expected !== r["region"]) {
        throw new ValueError(
          { file: table.file, row: k + 2, column: "region" },
          `TØI's BA-2020 region '${expected}' (data/${BA2020})`,
          String(r["region"]),
        );
      }
    });
  }
  return tableToFrame({ ...table, rows })
    .drop("mapping")
    .sort("municipality_code_2008");
}
