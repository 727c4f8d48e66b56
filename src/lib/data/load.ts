/**
 * Loaders: manifest-checked tables as typed nodejs-polars frames.
 */
import * as pl from "nodejs-polars";
import { checkCrossFileContracts } from "./contracts";
import { parseTable, type Table } from "./csv";
import { EncodingError, ManifestError, UnlistedFileError, ValueError } from "./errors";
import { decodeUtf8 } from "./text";
import { parseGeoJsonTable } from "./geojson";
import { dataDir, fileSpec, readManifest, readVerified, unlistedFiles, type Manifest } from "./manifest";

/**
 * Parsed tables by folder and manifest entry (which holds the sha256): the checksum is verified on every load,
 * and bytes that match it were parsed and validated before are not parsed again (a chapter loads the same
 * population files a dozen times, directly and through cross-file contracts). Each load gets its own row objects and,
 * for GeoJSON, its own features (a caller that reverses a ring for another library's winding changes no other load).
 */
const parsed = new Map<string, Table>();
const PARSED_KEEP = 32;

/** Checksum, encoding, schema and single-file contracts; not the cross-file contracts. */
function loadShallow(path: string, dir: string, manifest: Manifest): Table {
  const spec = fileSpec(path, manifest);
  const bytes = readVerified(spec, dir);
  const key = `${dir}\u0000${JSON.stringify(spec)}`;
  const seen = parsed.get(key);
  if (seen) return { ...copyOf(seen), spec };
  const decoded = decodeUtf8(bytes, `data/${path}`);
  if (decoded.error !== undefined) throw new EncodingError({ file: `data/${path}` }, "UTF-8 text", decoded.error);
  const text = decoded.text;
  const table = spec.format === "geojson" ? parseGeoJsonTable(text, spec) : parseTable(text, spec);
  if (parsed.size >= PARSED_KEEP) parsed.delete(parsed.keys().next().value!);
  parsed.set(key, copyOf(table));
  return table;
}

/** A table whose rows (and, for GeoJSON, features: properties and coordinates) no other load shares. */
function copyOf(table: Table): Table {
  const copy: Table = { ...table, rows: table.rows.map((r) => ({ ...r })) };
  if ("collection" in table) (copy as Table & { collection: unknown }).collection = structuredClone((table as Table & { collection: unknown }).collection);
  return copy;
}

function loadChecked(path: string, dir: string, manifest: Manifest, stack: string[]): Table {
  if (stack.includes(path)) {
    throw new ManifestError({ file: `data/${path}` }, "cross-file contracts without a cycle", [...stack, path].join(" → "));
  }
  const table = loadShallow(path, dir, manifest);
  checkCrossFileContracts(
    table,
    (other) => loadChecked(other, dir, manifest, [...stack, path]),
    (other) => loadShallow(other, dir, manifest),
  );
  return table;
}

/**
 * Load a data file (path relative to `data/`): verify its sha256, parse and
 * validate it against its manifest entry (schema, key, sums), then check its
 * data contracts, including the cross-file ones (which load the other file,
 * fully checked, too). A GeoJSON entry gives its features' properties as rows.
 * @throws ChecksumError | DataError subclasses naming file, row, key and column
 * @example
 * const t = loadTable("report/claims.csv"); t.rows[0]["key"];
 */
export function loadTable(path: string, dir: string = dataDir()): Table {
  return loadChecked(path, dir, readManifest(dir), []);
}

/**
 * A validated table as a polars frame, with Int64 / Float64 / Utf8 columns as declared.
 * @example
 * tableToFrame(loadTable("report/claims.csv")).height; // 113
 */
export function tableToFrame(table: Table): pl.DataFrame {
  const series = table.spec.columns.map((col) => {
    const values = table.rows.map((r) => r[col.name] ?? null);
    const dtype = col.type === "integer" ? pl.Int64 : col.type === "number" ? pl.Float64 : pl.Utf8;
    return pl.Series(col.name, values as (number | string | null)[], dtype);
  });
  return pl.DataFrame(series);
}

/**
 * Verify every file of the manifest (sha256, schema, key, sums, contracts), then
 * that no file under data/ is missing from the manifest (data/cache/ excepted).
 * Returns the list checked; throws the first problem.
 * @throws DataError subclasses; UnlistedFileError naming every unlisted file
 * @example
 * verifyAll().map((f) => f.path); // every listed file, in manifest order
 */
export function verifyAll(dir: string = dataDir()): { path: string; rows: number; source: string; contracts: string[] }[] {
  const manifest = readManifest(dir);
  const checked = manifest.files.map((f) => {
    const t = loadChecked(f.path, dir, manifest, []);
    return {
      path: f.path,
      rows: t.rows.length,
      source: `${f.source.document} — ${f.source.location}`,
      contracts: (f.contracts ?? []).map((c) => c.kind),
    };
  });
  const unlisted = unlistedFiles(dir, manifest);
  if (unlisted.length > 0) throw new UnlistedFileError(unlisted);
  return checked;
}

/** Figur 3.6's file, relative to `data/`. */
export const FIGUR_3_6 = "report/figur_3_6_sector_shares_2008.csv";
/** The column-group assumption for Figur 3.6, relative to `data/`. */
export const FIGUR_3_6_COLUMNS = "assumptions/figur_3_6_columns.csv";

/**
 * Figur 3.6 (employment shares 2008, %) as a long frame of its 13 sectors:
 * `region, sector, group, year, value`, sorted by region and sector order.
 * `group` (goods / private / public) is the project's inference recorded in
 * `data/assumptions/figur_3_6_columns.csv`, not a label of the report.
 * @example
 * num(loadFigur36(), { region: "innlandet", sector: "goods_1" }); // 6.3
 */
export function loadFigur36(dir: string = dataDir()): pl.DataFrame {
  const fig = loadTable(FIGUR_3_6, dir);
  const cols = loadTable(FIGUR_3_6_COLUMNS, dir);
  const parts = cols.rows.filter((r) => r["role"] === "part");
  const declared = new Set(fig.spec.columns.map((c) => c.name));
  for (const p of parts) {
    if (!declared.has(String(p["column"]))) {
      throw new ValueError({ file: cols.file, column: "column" }, `a column of ${fig.file}`, String(p["column"]));
    }
  }
  const region: string[] = [];
  const sector: string[] = [];
  const group: string[] = [];
  const value: number[] = [];
  for (const row of fig.rows) {
    for (const p of parts) {
      region.push(String(row["area"]));
      sector.push(String(p["column"]));
      group.push(String(p["group"]));
      value.push(row[String(p["column"])] as number);
    }
  }
  return pl.DataFrame({
    region: pl.Series("region", region, pl.Utf8),
    sector: pl.Series("sector", sector, pl.Utf8),
    group: pl.Series("group", group, pl.Utf8),
    year: pl.Series(
      "year",
      region.map(() => 2008),
      pl.Int64,
    ),
    value: pl.Series("value", value, pl.Float64),
  });
}

/**
 * Figur 3.6 as printed (wide, with subtotals and total), one row per area.
 * @example
 * num(loadFigur36Wide(), { area: "innlandet" }, "goods_subtotal"); // 18.7
 */
export function loadFigur36Wide(dir: string = dataDir()): pl.DataFrame {
  return tableToFrame(loadTable(FIGUR_3_6, dir));
}
