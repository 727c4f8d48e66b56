/**
 * A cache of TypeDoc's output, so that `reproduce` renders the API reference (about 13 s of CPU) only
 * when something it is made from has changed. The key is a SHA-256 over every file under src/lib,
 * typedoc.json and the files it names (its readme), tsconfig.json and tsconfig.lib.json, package-lock.json
 * (the versions of TypeDoc, TypeScript and of the types the signatures show) and TypeDoc's own version.
 * An entry holds TypeDoc's pages as it wrote them (before the site links are made relative), its JSON
 * project and its console output (for the warnings). Entries live outside build/, in
 * $INNLANDET_TYPEDOC_CACHE or `<OS temp dir>/innlandet-typedoc-cache` (a worktree's node_modules may be
 * shared with another checkout, so not under node_modules/.cache), are written to a fresh folder
 * and renamed into place (two runs at once never see half an entry), and only the newest few are kept.
 */
import { createHash, randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";

/** Entries kept (the newest by last use). */
const KEEP = 4;

/** The cache folder: $INNLANDET_TYPEDOC_CACHE, else `<OS temp dir>/innlandet-typedoc-cache`. */
export function apiDocsCacheDir(): string {
  return process.env["INNLANDET_TYPEDOC_CACHE"] || join(tmpdir(), "innlandet-typedoc-cache");
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else if (e.isFile()) out.push(p);
  }
  return out.sort();
}

/**
 * The cache key of the API reference of the project at `root`: a hash of its inputs (paths and contents).
 * @example
 * apiDocsKey("/work/innlandet"); // "3f9a…" (64 hex digits)
 */
export function apiDocsKey(root: string): string {
  const h = createHash("sha256");
  const add = (file: string): void => {
    h.update(`${relative(root, file)}\0`);
    h.update(existsSync(file) ? readFileSync(file) : "(absent)");
    h.update("\0");
  };
  const typedocJson = join(root, "typedoc.json");
  const options = existsSync(typedocJson) ? (JSON.parse(readFileSync(typedocJson, "utf8")) as { readme?: unknown }) : {};
  for (const f of filesUnder(join(root, "src", "lib"))) add(f);
  for (const f of ["typedoc.json", "tsconfig.json", "tsconfig.lib.json", "package-lock.json"]) add(join(root, f));
  if (typeof options.readme === "string" && options.readme !== "none") add(resolve(root, options.readme));
  const pkg = join(root, "node_modules", "typedoc", "package.json");
  h.update(`typedoc ${existsSync(pkg) ? String((JSON.parse(readFileSync(pkg, "utf8")) as { version?: unknown }).version) : "absent"}`);
  return h.digest("hex");
}

/** A cached rendering: TypeDoc's pages, its JSON project and its console output. */
export interface CachedDocs {
  pages: string;
  json: string;
  output: string;
}

/** The entry for `key`, marked as just used, or null. */
export function cachedDocs(cacheDir: string, key: string): CachedDocs | null {
  const entry = join(cacheDir, key);
  const docs = { pages: join(entry, "api"), json: join(entry, "api.json"), output: readText(join(entry, "output.txt")) };
  if (docs.output === null || !existsSync(join(docs.pages, "index.html")) || !existsSync(docs.json)) return null;
  const now = new Date();
  utimesSync(entry, now, now);
  return { ...docs, output: docs.output };
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

/**
 * Store TypeDoc's pages (`pages`, before any change to them), its JSON project and its output under `key`,
 * then drop all but the newest entries. Best effort: a cache that cannot be written costs a rerun, not the build.
 */
export function storeDocs(cacheDir: string, key: string, pages: string, json: string, output: string): void {
  const entry = join(cacheDir, key);
  const fresh = join(cacheDir, `.${key}.${process.pid}.${randomBytes(4).toString("hex")}`);
  try {
    mkdirSync(fresh, { recursive: true });
    cpSync(pages, join(fresh, "api"), { recursive: true });
    cpSync(json, join(fresh, "api.json"));
    writeFileSync(join(fresh, "output.txt"), output);
    if (existsSync(entry)) rmSync(fresh, { recursive: true, force: true });
    else renameSync(fresh, entry);
    prune(cacheDir);
  } catch {
    rmSync(fresh, { recursive: true, force: true });
  }
}

function prune(cacheDir: string): void {
  const entries = readdirSync(cacheDir)
    .filter((n) => /^[0-9a-f]{64}$/.test(n))
    .map((n) => ({ n, t: statSync(join(cacheDir, n)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  for (const e of entries.slice(KEEP)) rmSync(join(cacheDir, e.n), { recursive: true, force: true });
}
