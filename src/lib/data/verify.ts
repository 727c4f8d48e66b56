/**
 * The logic behind `npm run data:verify` and `npm run data:rehash`: a full
 * report over every listed file (each problem, not just the first) plus the
 * files under data/ the manifest does not list; and re-hashing that refuses,
 * with a clear error, when a listed file is missing.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DataError, ManifestError, MissingFileError } from "./errors";
import { loadTable } from "./load";
import { dataDir, readManifest, sha256, unlistedFiles } from "./manifest";

/** One file's outcome in a verification report. */
export interface FileReport {
  path: string;
  source: string;
  contracts: string[];
  rows?: number;
  error?: DataError;
}

/** Every listed file's outcome and the unlisted files; `ok` when there is no problem. */
export interface VerifyReport {
  files: FileReport[];
  unlisted: string[];
  ok: boolean;
}

/**
 * Check every file of the manifest (sha256, schema, key, sums, contracts) and
 * collect every problem, plus the files under data/ the manifest does not list
 * (data/cache/ and manifest.json excepted). Errors other than DataError (bugs) are rethrown.
 * @throws ManifestError when the manifest itself cannot be read
 * @example
 * const r = verifyReport(); if (!r.ok) console.error(r.files.filter((f) => f.error));
 */
export function verifyReport(dir: string = dataDir()): VerifyReport {
  const manifest = readManifest(dir);
  const files = manifest.files.map((f): FileReport => {
    const base = { path: f.path, source: `${f.source.document} — ${f.source.location}`, contracts: (f.contracts ?? []).map((c) => c.kind) };
    try {
      return { ...base, rows: loadTable(f.path, dir).rows.length };
    } catch (e) {
      if (e instanceof DataError) return { ...base, error: e };
      throw e;
    }
  });
  const unlisted = unlistedFiles(dir, manifest);
  return { files, unlisted, ok: unlisted.length === 0 && files.every((f) => f.error === undefined) };
}

/** The manifest as read for re-hashing, and the files whose recorded sha256 differs from their bytes. */
export interface ChecksumPlan {
  /** The manifest's JSON (entries updated in place by `writeChecksums`). */
  manifest: { files: { path: string; sha256?: string; key?: unknown; format?: unknown }[] };
  /** Each changed file: its path, the recorded sha256 (undefined for an entry without one) and the current one. */
  changes: { path: string; old?: string; now: string }[];
}

/**
 * Compare every listed file's bytes with its recorded sha256, writing nothing. Refuses when
 * a listed file is missing, naming every missing one.
 * @throws MissingFileError | ManifestError
 * @example
 * checksumPlan().changes; // [] for a clean checkout
 */
export function checksumPlan(dir: string = dataDir()): ChecksumPlan {
  const path = join(dir, "manifest.json");
  let manifest: { files?: unknown };
  try {
    manifest = JSON.parse(readFileSync(path, "utf8")) as { files?: unknown };
  } catch (e) {
    throw new ManifestError({ file: "data/manifest.json" }, "readable JSON", (e as Error).message);
  }
  const files = manifest.files;
  if (!Array.isArray(files) || files.some((f) => typeof (f as { path?: unknown })?.path !== "string")) {
    throw new ManifestError({ file: "data/manifest.json", column: "files" }, "a list of entries, each with a 'path'");
  }
  const entries = files as { path: string; sha256?: string }[];
  const missing = entries.filter((f) => !existsSync(join(dir, f.path))).map((f) => `data/${f.path}`);
  if (missing.length > 0) {
    throw new MissingFileError(
      { file: missing[0]! },
      "every file listed in data/manifest.json to exist (restore it, or remove its entry from the manifest); nothing was re-hashed",
      `missing: ${missing.join(", ")}`,
    );
  }
  const changes = entries.map((f) => ({ path: f.path, old: f.sha256, now: sha256(readFileSync(join(dir, f.path))) })).filter((c) => c.now !== c.old);
  return { manifest: manifest as ChecksumPlan["manifest"], changes };
}

/** Write a plan's new checksums into `manifest.json` (nothing when nothing changed). */
export function writeChecksums(plan: ChecksumPlan, dir: string = dataDir()): void {
  if (plan.changes.length === 0) return;
  const now = new Map(plan.changes.map((c) => [c.path, c.now]));
  for (const f of plan.manifest.files) if (now.has(f.path)) f.sha256 = now.get(f.path);
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(plan.manifest, null, 2) + "\n");
}

/**
 * Record the current sha256 of every listed file in `manifest.json`, without review: the
 * low-level step (tests use it to make edited copies load). `npm run data:rehash` goes through
 * `reviewedRehash` (review.ts), which asks for a reason and logs the change in data/CHANGES.md.
 * Refuses — writing nothing — when a listed file is missing, naming every missing one; writes
 * nothing when no checksum changed. Contracts are not relaxed by a rehash: loading (and
 * `verifyReport`) still checks them.
 * @returns the paths whose checksum changed
 * @throws MissingFileError | ManifestError
 * @example
 * rehashManifest(); // [] when nothing changed
 */
export function rehashManifest(dir: string = dataDir()): string[] {
  const plan = checksumPlan(dir);
  writeChecksums(plan, dir);
  return plan.changes.map((c) => c.path);
}
