/**
 * The data manifest (`data/manifest.json`): every input file described once —
 * its columns (type, unit, allowed codes), key, subtotal checks, source,
 * licence and sha256. Loaders read files only through it.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { z } from "zod";
import { ChecksumError, ManifestError } from "./errors";

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
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  layer: z.enum(["published", "open", "assumption"]),
  title: z.string().min(1),
  source: sourceSchema,
  licence: z.string().min(1),
  notes: z.string().optional(),
  columns: z.array(columnSchema).min(1),
  key: z.array(z.string()).min(1),
  sums: z.array(sumCheckSchema).optional(),
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

/** Read and validate the manifest (checks that every key/sum column is declared). */
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
  for (const f of parsed.data.files) {
    const names = new Set(f.columns.map((c) => c.name));
    const referenced = [...f.key, ...(f.sums ?? []).flatMap((s) => [...s.parts, s.total])];
    for (const n of referenced) {
      if (!names.has(n)) throw new ManifestError({ file, column: n }, `column '${n}' of ${f.path} to be declared in its columns`);
    }
  }
  return parsed.data;
}

/** The manifest entry for a data file (path relative to the data folder). */
export function fileSpec(path: string, manifest: Manifest = readManifest()): FileSpec {
  const spec = manifest.files.find((f) => f.path === path);
  if (!spec) throw new ManifestError({ file: path }, "an entry for this file in data/manifest.json", "none");
  return spec;
}

/** sha256 (hex) of a byte buffer. */
export function sha256(bytes: Buffer | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Read a data file's bytes and verify them against the manifest's sha256.
 * @throws ChecksumError naming the file when they differ.
 */
export function readVerified(spec: FileSpec, dir: string = dataDir()): Buffer {
  const file = join(dir, spec.path);
  if (!existsSync(file)) throw new ManifestError({ file: `data/${spec.path}` }, "the file listed in data/manifest.json to exist", "no such file");
  const bytes = readFileSync(file);
  const actual = sha256(bytes);
  if (actual !== spec.sha256) throw new ChecksumError(`data/${spec.path}`, spec.sha256, actual);
  return bytes;
}
