/**
 * The two long steps of `npm run reproduce`, run side by side: the chapter notebooks on tslab
 * kernels (the computing chapters two at a time, then the weighing chapters, which read their
 * findings), and the same computing chapters as modules under the other region mapping(s) for the
 * sensitivity table. On a 2-core machine this takes the run from ~52 s to ~35 s.
 */
import { availableParallelism } from "node:os";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Finding } from "../../src/lib/findings/types";
import type { RunParameters } from "../../src/lib/params";
import { MAPPING_NAMES } from "../../src/lib/regions/mapping";
import { emittedFindings } from "./collect";
import { injectParameters } from "./inject";
import { formatFailure, runNotebook } from "./jupyter";
import { chapterNotebooks, PRIMER_NOTEBOOKS, ROOT, runAllAsModules, WEIGHING_NOTEBOOKS } from "./notebooks";
import type { ModuleRun } from "./nbmodule";
import { mapLimit } from "./pool";

/** A failure worded for the user (reproduce prints its message alone). */
export class ReproduceError extends Error {}

/** Notebooks on kernels at once: two where the machine has two cores or more. */
export const KERNEL_JOBS = Math.max(1, Math.min(2, availableParallelism()));

export interface KernelRunOptions {
  /** The stage folder the run writes into. */
  out: string;
  /** The build folder (a failed notebook is kept beside it, in `<build>.failed/`). */
  build: string;
  python: string;
  jupyterPath: string;
  cellTimeout: number;
  params: RunParameters;
  log: (line: string) => void;
}

/**
 * Execute `notebooks` on tslab kernels into `<out>/notebooks/` and write each one's emitted findings to
 * `<out>/findings/<name>.json` (the primer of PRIMER_NOTEBOOKS, if listed, runs as committed and must emit
 * none): the computing chapters (and the primer) first, `KERNEL_JOBS` at a time, then the weighing
 * chapters (2 and 5 read the others' findings). A line is logged as each notebook ends.
 */
export async function runOnKernels(notebooks: string[], o: KernelRunOptions): Promise<void> {
  const findingsDir = join(o.out, "findings");
  const inputDir = join(o.out, "notebooks-input");
  for (const d of [findingsDir, inputDir, join(o.out, "notebooks")]) mkdirSync(d, { recursive: true });
  let done = 0;
  // the first failure ends the run; notebooks stopped because of it report nothing (and leave .failed/ alone)
  let failed = false;
  const one = async (name: string): Promise<void> => {
    const t0 = Date.now();
    const line = (s: string) => o.log(`[${++done}/${notebooks.length}] ${name}.ipynb … ${s}`);
    let injected;
    try {
      const committed = JSON.parse(readFileSync(join(ROOT, "notebooks", `${name}.ipynb`), "utf8"));
      // the primer takes no parameters: it runs as committed
      injected = PRIMER_NOTEBOOKS.includes(name) ? committed : injectParameters(committed, o.params);
    } catch (e) {
      failed = true;
      line("FAILED");
      throw new ReproduceError(`${name}.ipynb: ${(e as Error).message}`, { cause: e });
    }
    const input = join(inputDir, `${name}.ipynb`);
    writeFileSync(input, JSON.stringify(injected, null, 1));
    const output = join(o.out, "notebooks", `${name}.ipynb`);
    const r = await runNotebook({
      python: o.python,
      root: ROOT,
      input,
      output,
      name: `${name}.ipynb`,
      cellTimeout: o.cellTimeout,
      cwd: join(ROOT, "notebooks"),
      env: {
        JUPYTER_PATH: o.jupyterPath,
        INNLANDET_BUILD_DIR: o.out,
        INNLANDET_FINDINGS_DIR: findingsDir,
        INNLANDET_TABLES_DIR: join(o.out, "tables"),
      },
    });
    if (failed) return;
    if (!r.ok) {
      failed = true;
      line("FAILED");
      // keep the partly executed notebook for reading; the stage itself is discarded
      const kept = `${o.build}.failed`;
      rmSync(kept, { recursive: true, force: true });
      mkdirSync(kept, { recursive: true });
      if (existsSync(output)) cpSync(output, join(kept, `${name}.ipynb`));
      const why = r.failure ? formatFailure(r.failure) : r.stderr.trim();
      throw new ReproduceError(`${why}\n(the partly executed notebook is ${join(kept, `${name}.ipynb`)}; the previous build is unchanged)`);
    }
    const emitted = emittedFindings(output);
    if (PRIMER_NOTEBOOKS.includes(name) && emitted.length > 0) {
      failed = true;
      line("FAILED");
      throw new ReproduceError(
        `${name}.ipynb emitted ${emitted.length} finding(s) (${emitted[0]!.id} …): the primer teaches methods and must emit none`,
      );
    }
    writeFileSync(join(findingsDir, `${name}.json`), JSON.stringify(emitted, null, 1));
    line(`ok, ${emitted.length} findings (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  };
  await mapLimit(
    notebooks.filter((n) => !WEIGHING_NOTEBOOKS.includes(n)),
    KERNEL_JOBS,
    one,
  );
  await mapLimit(
    notebooks.filter((n) => WEIGHING_NOTEBOOKS.includes(n)),
    KERNEL_JOBS,
    one,
  );
}

/**
 * The computing chapters' findings under every region mapping other than the run's, from module runs
 * written to `<out>/sensitivity/<mapping>/<notebook>.json`. With `rerun` (a `--only` run), only those
 * notebooks are run again; the others are read from the previous build copied into `out`.
 */
export async function sensitivityRuns(
  out: string,
  params: RunParameters,
  rerun?: string[],
  log: (line: string) => void = () => undefined,
): Promise<Record<string, Finding[]>> {
  const computing = chapterNotebooks().filter((n) => !WEIGHING_NOTEBOOKS.includes(n));
  const runs: Record<string, Finding[]> = {};
  for (const m of MAPPING_NAMES.filter((x) => x !== params.regions)) {
    const dir = join(out, "sensitivity", m);
    if (!rerun) rmSync(dir, { recursive: true, force: true });
    // a --only run reuses the previous build's results of the other chapters when they are readable
    const kept = new Map(computing.map((n) => [n, rerun && !rerun.includes(n) ? readSensitivity(join(dir, `${n}.json`), n) : undefined]));
    const toRun = computing.filter((n) => kept.get(n) === undefined);
    const missing = toRun.filter((n) => rerun && !rerun.includes(n));
    if (missing.length) log(`[sensitivity] ${missing.join(", ")}: no usable result under regions=${m} in the previous build, run again`);
    const r = await runAllAsModules(dir, { ...params, regions: m }, toRun);
    const failed = Object.entries(r.runs).find(([, x]) => !x.ok);
    if (failed) throw new ReproduceError(moduleFailure(failed[0], m, failed[1]));
    runs[m] = computing.flatMap((n) => kept.get(n) ?? r.runs[n]!.findings);
  }
  return runs;
}

/** A previous build's sensitivity result for one notebook: its findings, or undefined when missing or not a findings list of that notebook. */
function readSensitivity(file: string, notebook: string): Finding[] | undefined {
  try {
    const x = JSON.parse(readFileSync(file, "utf8")) as unknown;
    const ok =
      Array.isArray(x) &&
      x.length > 0 &&
      x.every((f) => typeof f === "object" && f !== null && typeof (f as Finding).id === "string" && (f as Finding).notebook === `${notebook}.ipynb`);
    return ok ? (x as Finding[]) : undefined;
  } catch {
    return undefined;
  }
}

/** A module run's failure under another mapping, worded like a kernel failure, with the command that reruns it. */
export function moduleFailure(notebook: string, mapping: string, r: ModuleRun): string {
  const what = r.error
    ? `cell ${r.error.cell} failed: ${r.error.name}${r.error.message ? `: ${r.error.message}` : " (empty message)"}`
    : r.stderr.trim() || "the module ended without a result";
  const stack = (r.error?.stack ?? "")
    .split("\n")
    .filter((l) => /^\s+at /.test(l))
    .slice(0, 4)
    .map((l) => `  | ${l.trim()}`);
  return [
    `${notebook}.ipynb, run as a module under regions=${mapping} (for the sensitivity table): ${what}`,
    ...stack,
    `  (cell: 0-based index in the committed notebook; rerun it alone: npm run nb -- notebooks/${notebook}.ipynb --param regions=${mapping})`,
  ].join("\n");
}
