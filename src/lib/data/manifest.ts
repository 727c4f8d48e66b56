/**
 * The data manifest (`data/manifest.json`): every input file described once —
 * its columns (type, unit, allowed codes), key, subtotal checks, source,
 * licence and sha256. Loaders read files only through it.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { z } from "zod";
import { contractColumns, contractSchema, type Contract } from "./contractSchema";
import { ChecksumError, ManifestError, MissingFileError } from "./errors";

const columnSchema = z.object({
  name: z.string().min(1),
  type: z.enum(["string", "code", "integer", "number"]),
  description: z.string().min(1),
  unit: z.string().optional(),
  nullable: z.boolean().optional(),
  /** Allowed values for `code` columns. */
  codes: z.array(z.string()).optional(),
  /** Regular expression a `string`/`code` cell must match in full. */
  pattern: z.string().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  /** Decimals as published (used for the rounding allowance of sum checks). */
  decimals: z.number().int().optional(),
});

const sumCheckSchema = z.object({
  parts: z.array(z.string()).min(1),
  total: z.string(),
});

const sourceSchema = z.object({
  document: z.string().min(1),
  location: z.string().min(1),
  url: z.string().optional(),
});

const fileSchema = z.object({
  path: z.string().min(1),
  /** `csv` (default) or `geojson` (a FeatureCollection; `columns` describe each feature's properties). */
  format: z.enum(["csv", "geojson"]).optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  layer: z.enum(["published", "open", "assumption"]),
  title: z.string().min(1),
  source: sourceSchema,
  licence: z.string().min(1),
  notes: z.string().optional(),
  columns: z.array(columnSchema).min(1),
  key: z.array(z.string()).min(1),
  sums: z.array(sumCheckSchema).optional(),
  /** Data contracts beyond the schema (see contractSchema.ts). */
  contracts: z.array(contractSchema).optional(),
});

const manifestSchema = z.object({
  description: z.string(),
  files: z.array(fileSchema).min(1),
});

export type ColumnSpec = z.infer<typeof columnSchema>;
export type SumCheck = z.infer<typeof sumCheckSchema>;
export type FileSpec = z.infer<typeof fileSchema>;
export type Manifest = z.infer<typeof manifestSchema>;

/**
 * The project's data folder: `$INNLANDET_DATA_DIR` if set, else the first
 * `data/manifest.json` found walking up from this module (works from the
 * repository, from `notebooks/lib` and from tests alike).
 * @example
 * dataDir(); // "<repo>/data"
 */
export function dataDir(): string {
  const env = process.env["INNLANDET_DATA_DIR"];
  if (env) return resolve(env);
  let dir = __dirname;
  for (;;) {
    if (existsSync(join(dir, "data", "manifest.json"))) return join(dir, "data");
    const up = dirname(dir);
    if (up === dir) throw new ManifestError({ file: "data/manifest.json" }, "a data/manifest.json above " + __dirname, "none");
    dir = up;
  }
}

/**
 * Read and validate the manifest (checks that every key/sum column is declared).
 * @example
 * readManifest().files[0].path; // "report/figur_3_6_sector_shares_2008.csv"
 */
export function readManifest(dir: string = dataDir()): Manifest {
  const file = join(dir, "manifest.json");
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new ManifestError({ file }, "readable JSON", String(e));
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ManifestError({ file, column: issue?.path.join(".") }, issue?.message ?? "a valid manifest");
  }
  const listed = new Map(parsed.data.files.map((f) => [f.path, f]));
  for (const f of parsed.data.files) {
    const names = new Set(f.columns.map((c) => c.name));
    const contracts = f.contracts ?? [];
    const referenced = [...f.key, ...(f.sums ?? []).flatMap((s) => [...s.parts, s.total]), ...contracts.flatMap(contractColumns)];
    for (const n of referenced) {
      if (!names.has(n)) throw new ManifestError({ file, column: n }, `column '${n}' of ${f.path} to be declared in its columns`);
    }
    for (const c of contracts) {
      if (c.kind === "complete") {
        for (const d of c.dimensions) {
          const col = f.columns.find((x) => x.name === d.column);
          const ranged = d.from !== undefined && d.to !== undefined && d.from <= d.to;
          if (!ranged && !(col?.codes?.length && d.from === undefined && d.to === undefined)) {
            throw new ManifestError(
              { file, column: d.column },
              `a 'complete' dimension of ${f.path} with from ≤ to, or a code column with declared codes`,
            );
          }
        }
      }
      if (c.kind === "crossSum" || c.kind === "sameKeys") {
        const other = listed.get(c.against.file);
        if (!other || other.path === f.path) {
          throw new ManifestError(
            { file, column: c.kind },
            `'${c.against.file}' (named by a ${c.kind} contract of ${f.path}) to be another file of the manifest`,
          );
        }
        const otherCols = [c.against.column, ...(c.kind === "crossSum" ? c.against.match : [])];
        for (const n of otherCols) {
          if (!other.columns.some((x) => x.name === n)) throw new ManifestError({ file, column: n }, `column '${n}' declared in ${other.path}`);
        }
        if (c.kind === "crossSum" && c.against.match.length !== c.groupBy.length) {
          throw new ManifestError({ file, column: "crossSum" }, `as many 'against.match' columns as 'groupBy' columns in ${f.path}`);
        }
      }
      if (c.kind === "sameValues") checkSameValuesSpec(file, f, c, listed.get(c.against.file), listed);
      if (c.kind === "rollup" && c.between?.length && !c.complete) {
        throw new ManifestError({ file, column: "rollup" }, `'between' only on a complete rollup (every part present) in ${f.path}`);
      }
    }
  }
  return parsed.data;
}

function checkSameValuesSpec(
  file: string,
  f: FileSpec,
  c: Extract<Contract, { kind: "sameValues" }>,
  other: FileSpec | undefined,
  listed: Map<string, FileSpec>,
): void {
  if (!other || other.path === f.path) {
    throw new ManifestError(
      { file, column: c.kind },
      `'${c.against.file}' (named by a sameValues contract of ${f.path}) to be another file of the manifest`,
    );
  }
  const a = c.against;
  for (const n of [...a.key, ...a.columns, ...(a.where ? [a.where.column] : [])]) {
    if (!other.columns.some((x) => x.name === n)) throw new ManifestError({ file, column: n }, `column '${n}' declared in ${other.path}`);
  }
  if (a.through) {
    const th = a.through;
    const via = listed.get(th.file);
    if (!via || !a.key.includes(th.column)) {
      throw new ManifestError({ file, column: "through" }, `'through' naming a file of the manifest and a key column of ${other.path}`, `${th.file}, ${th.column}`);
    }
    for (const n of [th.from, th.to]) {
      if (!via.columns.some((x) => x.name === n)) throw new ManifestError({ file, column: n }, `column '${n}' declared in ${via.path}`);
    }
  }
  if (a.key.length !== c.key.length || a.columns.length !== c.columns.length || (a.shift && !a.key.includes(a.shift.column))) {
    throw new ManifestError(
      { file, column: "sameValues" },
      `as many 'against.key' and 'against.columns' as 'key' and 'columns', and a shift of a key column, in ${f.path}`,
    );
  }
}

/**
 * The manifest entry for a data file (path relative to the data folder).
 * @example
 * fileSpec("report/claims.csv").key; // ["key"]
 */
export function fileSpec(path: string, manifest: Manifest = readManifest()): FileSpec {
  const spec = manifest.files.find((f) => f.path === path);
  if (!spec) throw new ManifestError({ file: path }, "an entry for this file in data/manifest.json", "none");
  return spec;
}

/**
 * sha256 (hex) of a byte buffer.
 * @example
 * sha256("abc"); // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
 */
export function sha256(bytes: Buffer | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Read a data file's bytes and verify them against the manifest's sha256.
 * @throws ChecksumError naming the file when they differ.
 */
export function readVerified(spec: FileSpec, dir: string = dataDir()): Buffer {
  const file = join(dir, spec.path);
  if (!existsSync(file)) throw new MissingFileError({ file: `data/${spec.path}` }, "the file listed in data/manifest.json to exist", "no such file");
  const bytes = readFileSync(file);
  const actual = sha256(bytes);
  if (actual !== spec.sha256) throw new ChecksumError(`data/${spec.path}`, spec.sha256, actual);
  return bytes;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}

/**
 * Files under the data folder that the manifest does not list, as `data/…`
 * paths (sorted). `manifest.json` itself, the log of reviewed changes
 * (`data/CHANGES.md`) and the SSB cache (`data/cache/`) are not data inputs and
 * are left out.
 * @example
 * unlistedFiles(); // [] for a clean checkout; ["data/ssb/extra.csv"] after adding a stray file
 */
export function unlistedFiles(dir: string = dataDir(), manifest: Manifest = readManifest(dir)): string[] {
  const listed = new Set(manifest.files.map((f) => f.path));
  return walk(dir)
    .map((p) => relative(dir, p).split(sep).join("/"))
    .filter((p) => p !== "manifest.json" && p !== "CHANGES.md" && !p.startsWith("cache/") && !listed.has(p))
    .map((p) => `data/${p}`)
    .sort();
}
