/**
 * A user's own region mapping (`--param regions=path.csv`): a CSV with the columns
 * `municipality_code,region,region_type` (2024 municipality codes; optional further columns `municipality_name`, `note`),
 * validated against the run's area. Each problem is refused with one line naming the file and the row:
 * a duplicated municipality, a code that does not exist in 2024, a code outside the area, an empty region (or type),
 * a region given two types, and (naming the file) a municipality of the area the file leaves out.
 *
 * @example
 * // regions.csv
 * // municipality_code,region,region_type
 * // 1804,Bodø,city
 * // 1806,Narvik,city
 * // …
 * loadUserMapping("regions.csv", resolveArea("Nordland")); // municipality_code_2024, municipality_name, region, region_type, note
 */
import { existsSync, readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import * as pl from "nodejs-polars";
import { DataError } from "../data/errors";
import { dataDir } from "../data/manifest";
import { municipalities2024 } from "../data/national";
import type { Area } from "./area";

/** What is wrong with a mapping file (for tests and callers that branch on it). */
export type MappingProblem = "unreadable" | "header" | "duplicate" | "unknown_code" | "outside_area" | "empty_region" | "two_types" | "missing";

/** A user's mapping file that cannot be used: one line naming the file and (where there is one) the row. */
export class MappingFileError extends DataError {
  readonly problem: MappingProblem;
  constructor(problem: MappingProblem, loc: { file: string; row?: number; column?: string; key?: string }, expected: string, found?: string) {
    super(loc, expected, found);
    this.problem = problem;
  }
}

const REQUIRED = ["municipality_code", "region", "region_type"] as const;

/**
 * Read and validate a user's mapping file for an area.
 * @param file path of the CSV (absolute, or relative to the working directory)
 * @param area the run's area (resolveArea)
 * @returns `municipality_code_2024, municipality_name, region, region_type, note` (one row per municipality of the area), sorted
 * @throws MappingFileError naming file and row (see the module comment for the checks)
 */
export function loadUserMapping(file: string, area: Area, dir: string = dataDir()): pl.DataFrame {
  if (!existsSync(file)) throw new MappingFileError("unreadable", { file }, "a readable CSV mapping file", "no such file");
  let records: string[][];
  // each record's line in the file (blank lines skipped still count, as in an editor)
  let lineOf: number[];
  try {
    const parsed = parse(readFileSync(file, "utf8"), { bom: true, skip_empty_lines: true, relax_column_count: false, info: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    records = parsed.map((p) => p.record);
    lineOf = parsed.map((p) => p.info.lines);
  } catch (e) {
    throw new MappingFileError("unreadable", { file }, "well-formed CSV with the same number of fields on every row", String((e as Error).message));
  }
  const header = (records[0] ?? []).map((h) => h.trim());
  const missingCols = REQUIRED.filter((c) => !header.includes(c));
  if (missingCols.length > 0) {
    throw new MappingFileError("header", { file, row: lineOf[0] ?? 1 }, `a header with the columns ${REQUIRED.join(", ")} (optional: municipality_name, note)`, header.join(","));
  }
  const at = (rec: string[], col: string): string => (header.includes(col) ? (rec[header.indexOf(col)] ?? "").trim() : "");
  const names = new Map(
    (municipalities2024(dir).select("municipality_code_2024", "municipality_name").toRecords() as Record<string, string>[]).map((r) => [
      r["municipality_code_2024"]!,
      r["municipality_name"]!,
    ]),
  );
  const inArea = new Set(area.municipalities);
  const firstRow = new Map<string, number>();
  const regionType = new Map<string, { type: string; row: number }>();
  const rows: Record<string, string>[] = [];
  records.slice(1).forEach((rec, k) => {
    const row = lineOf[k + 1]!;
    const [code, region, type] = [at(rec, "municipality_code"), at(rec, "region"), at(rec, "region_type")];
    const key = `municipality_code=${code}`;
    if (!names.has(code)) {
      throw new MappingFileError("unknown_code", { file, row, column: "municipality_code" }, "a municipality code of 2024 (4 digits, e.g. 1804)", JSON.stringify(code));
    }
    if (!inArea.has(code)) {
      throw new MappingFileError("outside_area", { file, row, key, column: "municipality_code" }, `a municipality of ${area.label}`, `${code} ${names.get(code)}`);
    }
    const before = firstRow.get(code);
    if (before !== undefined) {
      throw new MappingFileError("duplicate", { file, row, key, column: "municipality_code" }, "each municipality once", `${code} ${names.get(code)} already on row ${before}`);
    }
    if (region === "") throw new MappingFileError("empty_region", { file, row, key, column: "region" }, "a region name", "an empty cell");
    if (type === "") throw new MappingFileError("empty_region", { file, row, key, column: "region_type" }, `a type for region '${region}'`, "an empty cell");
    const t = regionType.get(region);
    if (t && t.type !== type) {
      throw new MappingFileError("two_types", { file, row, key, column: "region_type" }, `one type per region ('${region}' is '${t.type}' on row ${t.row})`, JSON.stringify(type));
    }
    if (!t) regionType.set(region, { type, row });
    firstRow.set(code, row);
    rows.push({ municipality_code_2024: code, municipality_name: names.get(code)!, region, region_type: type, note: at(rec, "note") });
  });
  const left = area.municipalities.filter((c) => !firstRow.has(c));
  if (left.length > 0) {
    const list = left.slice(0, 5).map((c) => `${c} ${names.get(c)}`).join(", ");
    throw new MappingFileError(
      "missing",
      { file, column: "municipality_code" },
      `every one of the ${area.municipalities.length} municipalities of ${area.label} exactly once`,
      `${left.length} left out: ${list}${left.length > 5 ? ", …" : ""}`,
    );
  }
  if (rows.length === 0) throw new MappingFileError("empty_region", { file, row: 2 }, "at least one region", "no rows");
  return pl.DataFrame(rows).select("municipality_code_2024", "municipality_name", "region", "region_type", "note").sort("municipality_code_2024");
}
