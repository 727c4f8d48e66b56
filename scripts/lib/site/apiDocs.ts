/**
 * The library's API reference: TypeDoc (options in typedoc.json at the repo
 * root) renders the JSDoc of everything src/lib/index.ts exports into
 * `<site>/api/`, offline (its theme's assets are copied beside the pages).
 * Every page gets a "← findings site" link (typedoc.json navigationLinks, made
 * relative here). Also reports which exported functions lack a JSDoc summary
 * or an @example.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { currentGuard } from "../guard";
import { spawnTracked } from "../spawnTracked";
import { apiDocsCacheDir, apiDocsKey, cachedDocs, storeDocs } from "./apiDocsCache";

const ROOT = resolve(__dirname, "..", "..", "..");

export interface ApiDocsReport {
  /** The folder written (`<site>/api`). */
  dir: string;
  /** Exported functions (TypeDoc kind Function), by name, sorted. */
  functions: string[];
  /** Functions none of whose signatures has a JSDoc summary. */
  missingDoc: string[];
  /** Functions none of whose signatures has an @example block. */
  missingExample: string[];
  /** TypeDoc's warnings (one per line, without colour codes). */
  warnings: string[];
  /** Whether the pages came from the cache (apiDocsCache.ts) instead of a TypeDoc run. */
  cached: boolean;
}

interface Reflection {
  name: string;
  kind: number;
  children?: Reflection[];
  signatures?: { comment?: { summary?: { text: string }[]; blockTags?: { tag: string }[] } }[];
}

/** Placeholder for the site's root in typedoc.json's navigationLinks; each page gets its relative path. */
export const SITE_ROOT = "SITE_ROOT/";

/** Replace SITE_ROOT/ in every page under `apiDir` by the page's path up to the site ("../", "../../"). */
export function linkSiteRoot(apiDir: string): void {
  const walk = (dir: string, up: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p, `${up}../`);
      else if (e.name.endsWith(".html")) {
        const html = readFileSync(p, "utf8");
        if (html.includes(SITE_ROOT)) writeFileSync(p, html.split(SITE_ROOT).join(up));
      }
    }
  };
  walk(apiDir, "../");
}

/** TypeDoc's ReflectionKind.Function. */
const KIND_FUNCTION = 64;

/** Which functions of a TypeDoc JSON project lack a summary or an @example (pure). */
export function docCoverage(project: Reflection): Pick<ApiDocsReport, "functions" | "missingDoc" | "missingExample"> {
  const fns = (project.children ?? []).filter((c) => c.kind === KIND_FUNCTION).sort((a, b) => a.name.localeCompare(b.name));
  const sigs = (f: Reflection) => f.signatures ?? [];
  return {
    functions: fns.map((f) => f.name),
    missingDoc: fns.filter((f) => !sigs(f).some((s) => (s.comment?.summary ?? []).some((p) => p.text.trim().length > 0))).map((f) => f.name),
    missingExample: fns.filter((f) => !sigs(f).some((s) => (s.comment?.blockTags ?? []).some((t) => t.tag === "@example"))).map((f) => f.name),
  };
}

/**
 * Render the API reference into `<siteDir>/api/` with the project's typedoc.json — or copy it from the
 * cache when no input has changed since a run that rendered it (apiDocsCache.ts).
 * @param opts root: the project (default this one); cacheDir: the cache (default apiDocsCacheDir(); null: none)
 * @throws Error with TypeDoc's output when it fails or is not installed.
 * @example
 * const r = await buildApiDocs("build/site"); // r.dir === "build/site/api"
 */
export async function buildApiDocs(siteDir: string, opts: { root?: string; cacheDir?: string | null } = {}): Promise<ApiDocsReport> {
  const root = opts.root ?? ROOT;
  const bin = join(root, "node_modules", "typedoc", "bin", "typedoc");
  if (!existsSync(bin)) throw new Error(`typedoc is not installed (${bin} missing): run npm ci`);
  const dir = join(resolve(siteDir), "api");
  const cacheDir = opts.cacheDir === undefined ? apiDocsCacheDir() : opts.cacheDir;
  const key = cacheDir === null ? "" : apiDocsKey(root);
  const hit = cacheDir === null ? null : cachedDocs(cacheDir, key);
  rmSync(dir, { recursive: true, force: true });
  if (hit) {
    cpSync(hit.pages, dir, { recursive: true });
    return report(dir, hit.json, hit.output, true);
  }
  const tmp = mkdtempSync(join(tmpdir(), "innlandet-typedoc-"));
  currentGuard()?.onCleanup(() => rmSync(tmp, { recursive: true, force: true }));
  try {
    const json = join(tmp, "api.json");
    // spawned, not run synchronously (the site's other pages are written meanwhile), and tracked by the run's guard
    const r = await spawnTracked(process.execPath, [bin, "--options", join(root, "typedoc.json"), "--out", dir, "--json", json], {
      cwd: root,
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
    });
    const output = `${r.stdout}\n${r.stderr}${r.error ? `\n${r.error.message}` : ""}`.replace(/\x1b\[[0-9;]*m/g, "");
    if (r.status !== 0 || !existsSync(join(dir, "index.html")) || !existsSync(json))
      throw new Error(`typedoc failed (exit ${r.status}):\n${output.trim()}`);
    if (cacheDir !== null) storeDocs(cacheDir, key, dir, json, output);
    return report(dir, json, output, false);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Make the pages' site links relative and read the coverage and warnings of a rendering. */
function report(dir: string, json: string, output: string, cached: boolean): ApiDocsReport {
  linkSiteRoot(dir);
  const warnings = output
    .split("\n")
    .filter((l) => l.startsWith("[warning]") && !/Found \d+ errors/.test(l))
    .map((l) => l.replace(/^\[warning\]\s*/, ""));
  return { dir, ...docCoverage(JSON.parse(readFileSync(json, "utf8")) as Reflection), warnings, cached };
}

/** `npm run docs` (tsx scripts/lib/site/apiDocs.ts [SITE_DIR]): the API reference alone, and its coverage. */
if (require.main === module) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildDir } = require("../notebooks") as typeof import("../notebooks");
  const site = process.argv[2] ?? join(buildDir(), "site");
  buildApiDocs(site).then(
    (r) => {
      const list = (xs: string[]): string => (xs.length ? `: ${xs.join(", ")}` : "");
      console.log(
        `[api] ${join(r.dir, "index.html")}: ${r.functions.length} exported functions${r.cached ? " (from the cache: no input changed)" : ""}`,
      );
      console.log(`[api] ${r.missingDoc.length} without a JSDoc summary${list(r.missingDoc)}`);
      console.log(`[api] ${r.missingExample.length} without an @example${list(r.missingExample)}`);
      for (const w of r.warnings) console.log(`[api] typedoc warning: ${w}`);
    },
    (e: unknown) => {
      console.error(`docs failed: ${(e as Error).message}`);
      process.exit(1);
    },
  );
}
