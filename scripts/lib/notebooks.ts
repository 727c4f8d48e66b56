/**
 * The chapter notebooks and the order they run in: the chapters that compute findings first,
 * then the chapters that weigh them (2 and 5 read the findings of 3, 4 and 6).
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { RunParameters } from "../../src/lib/params";
import type { Finding } from "../../src/lib/findings/types";
import { runAsModule, type ModuleRun } from "./nbmodule";
import { ensureLibBuilt } from "./buildLib";

export const ROOT = resolve(__dirname, "..", "..");

/** The build folder: `$INNLANDET_BUILD_DIR` or `<project>/build`. */
export function buildDir(): string {
  return process.env["INNLANDET_BUILD_DIR"] ?? join(ROOT, "build");
}
export const NOTEBOOK_ORDER = ["03-structures", "04-innovation", "06-fifteen-years-on", "07-norway", "02-perspectives", "05-synthesis"];
/** The chapters that weigh the others' findings (they compute none of their own and run last). */
export const WEIGHING_NOTEBOOKS = ["02-perspectives", "05-synthesis"];
/**
 * Notebooks that teach rather than test: the methods primer. A full run executes them on a kernel beside the
 * computing chapters (their page comes first on the site); they take no parameters and must emit no finding.
 */
export const PRIMER_NOTEBOOKS = ["01-methods"];

/** Chapter notebooks of NOTEBOOK_ORDER are missing from the notebooks folder. */
export class MissingNotebooksError extends Error {
  override name = "MissingNotebooksError";
  constructor(
    readonly missing: string[],
    dir: string,
  ) {
    super(
      `chapter notebook${missing.length > 1 ? "s" : ""} missing from ${dir}: ${missing.map((n) => `${n}.ipynb`).join(", ")} ` +
        `(a run needs every chapter: ${NOTEBOOK_ORDER.join(", ")}); restore ${missing.length > 1 ? "them" : "it"}, e.g. git checkout -- notebooks/`,
    );
  }
}

/**
 * The chapter notebooks in run order (optionally only those whose name contains `only`).
 * @throws MissingNotebooksError naming every chapter of NOTEBOOK_ORDER missing from `dir` (with `only` too): a
 *   deleted chapter is an error, not a smaller build
 * @example
 * chapterNotebooks("04"); // ["04-innovation"]
 */
export function chapterNotebooks(only?: string, dir = join(ROOT, "notebooks")): string[] {
  const missing = NOTEBOOK_ORDER.filter((n) => !existsSync(join(dir, `${n}.ipynb`)));
  if (missing.length > 0) throw new MissingNotebooksError(missing, dir);
  return NOTEBOOK_ORDER.filter((n) => !only || n.includes(only));
}

export interface ModuleRunAll {
  runs: Record<string, ModuleRun>;
  findings: Finding[];
}

/**
 * Run every chapter notebook as a module, in order; each notebook's findings are written to
 * `findingsDir/<notebook>.json` before the next starts (chapters 2 and 5 read them).
 * Stops at the first notebook that fails.
 */
export async function runAllAsModules(findingsDir: string, params?: Partial<RunParameters>, notebooks = chapterNotebooks()): Promise<ModuleRunAll> {
  await ensureLibBuilt();
  mkdirSync(findingsDir, { recursive: true });
  const runs: Record<string, ModuleRun> = {};
  const findings: Finding[] = [];
  for (const n of notebooks) {
    const r = await runAsModule(join(ROOT, "notebooks", `${n}.ipynb`), { params, env: { INNLANDET_FINDINGS_DIR: findingsDir } });
    runs[n] = r;
    writeFileSync(join(findingsDir, `${n}.json`), JSON.stringify(r.findings, null, 1));
    findings.push(...r.findings);
    if (!r.ok) break;
  }
  return { runs, findings };
}
