/**
 * `npm run reproduce` — verify the data, execute every chapter notebook headless on the
 * project's tslab kernel, collect the findings the notebooks emitted, and write build/:
 * (build/ is --out DIR or $INNLANDET_BUILD_DIR when set)
 *   build/notebooks/*.ipynb   executed notebooks
 *   build/findings.json       every finding, collected from the notebooks' finding outputs
 *   build/findings.md         the same as a readable table
 *   build/mapping-sensitivity.md  mapping-dependent findings under each region mapping
 *   build/tables/             derived tables the cells saved (CSV, Markdown)
 *   build/site/               the static site
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { verifyAll } from "../src/lib/data/load";
import { mappingSensitivity } from "../src/lib/findings/sensitivity";
import { findingsMarkdown, frameMarkdown, verdictCounts, VERDICT_ORDER } from "../src/lib/findings/render";
import type { Finding } from "../src/lib/findings/types";
import { MAPPING_NAMES } from "../src/lib/regions/mapping";
import { describeParams, type RunParameters } from "../src/lib/params";
import { CliArgumentError } from "../src/lib/ssb/cli";
import { parseReproduceArgs, type ReproduceOptions } from "./lib/reproduceArgs";
import { checkKernel, findPython, formatFailure, runNotebook } from "./lib/jupyter";
import { acquireLock, BuildLockedError, stageBuild } from "./lib/atomic";
import { runGuarded } from "./lib/guard";
import { ensureLibBuilt } from "./lib/buildLib";
import { injectParameters } from "./lib/inject";
import { buildSite } from "./lib/site";
import { duplicateIds, emittedFindings } from "./lib/collect";
import { buildDir, chapterNotebooks, ROOT, runAllAsModules, NOTEBOOK_ORDER } from "./lib/notebooks";

const log = (s: string): void => console.log(s);

class ReproduceError extends Error {}

/**
 * The build folder is replaced as a whole when a run succeeds, so it must be a build folder: not the project, not a
 * folder that holds it, not one of its source folders, not a file, and not a non-empty folder that is not a build.
 */
function checkBuildFolder(build: string): void {
  const refuse = (why: string): never => {
    throw new ReproduceError(`--out ${build}: ${why}; the build folder is replaced as a whole when a run succeeds, so give a new folder or a previous build`);
  };
  if (build === ROOT || ROOT.startsWith(build + sep)) refuse("it is the project folder or holds it");
  if (build.startsWith(ROOT + sep)) {
    const top = relative(ROOT, build).split(sep)[0]!;
    if (top !== "build" && !top.startsWith("build.") && !top.startsWith("build-")) refuse(`it is inside the project's own '${top}/'`);
  }
  if (existsSync(build)) {
    if (!statSync(build).isDirectory()) refuse("it is a file");
    if (readdirSync(build).length > 0 && !existsSync(join(build, "parameters.json")) && !existsSync(join(build, "findings.json")))
      refuse("it is a folder with other content (no findings.json or parameters.json of a previous build)");
  }
}

async function main(opts: ReproduceOptions): Promise<void> {
  const started = Date.now();
  const params = opts.params;
  log(`[parameters] ${describeParams(params)}`);
  log("[data] verifying data/manifest.json (sha256, schema, keys, sums)");
  try {
    verifyAll();
  } catch (e) {
    throw new ReproduceError((e as Error).message);
  }
  const notebooks = chapterNotebooks(opts.only);
  if (notebooks.length === 0) throw new ReproduceError(`no chapter notebook matches --only ${opts.only} (chapters: ${NOTEBOOK_ORDER.join(", ")})`);
  const build = resolve(opts.out ?? buildDir());
  checkBuildFolder(build);
  if (opts.only) {
    if (!existsSync(join(build, "findings.json")) || !existsSync(join(build, "parameters.json")))
      throw new ReproduceError(`--only needs a full build in ${build} to update; run npm run reproduce without --only first`);
    const built = (JSON.parse(readFileSync(join(build, "parameters.json"), "utf8")) as { parameters: RunParameters }).parameters;
    if (describeParams(built) !== describeParams(params))
      throw new ReproduceError(
        `--only updates a build made with the same parameters; ${build} was made with ${describeParams(built)}, this run asks for ${describeParams(params)} (use --out DIR for another build)`,
      );
  }

  const cellTimeout = opts.cellTimeout;
  const python = findPython(log);
  const { jupyterPath } = checkKernel(ROOT);
  try {
    await ensureLibBuilt(log);
  } catch (e) {
    throw new ReproduceError((e as Error).message);
  }

  await runGuarded(async (guard) => {
    let lock: ReturnType<typeof acquireLock>;
    try {
      lock = acquireLock(build, { onNote: log });
    } catch (e) {
      if (e instanceof BuildLockedError) throw new ReproduceError(e.message);
      throw e;
    }
    guard.onCleanup(() => lock.release());
    // everything is written into a fresh stage beside the build, swapped in only when the whole run succeeded
    const stage = stageBuild(build, { fromPrevious: !!opts.only, onNote: log });
    guard.onCleanup(() => stage.abort());
    await runInto(stage.dir, build, notebooks, params, { python, jupyterPath, cellTimeout });
    stage.commit();
  });
  log(`[done] ${build} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function runInto(
  out: string,
  build: string,
  notebooks: string[],
  params: RunParameters,
  k: { python: string; jupyterPath: string; cellTimeout: number },
): Promise<void> {
  const { python, jupyterPath } = k;
  const findingsDir = join(out, "findings");
  mkdirSync(findingsDir, { recursive: true });
  mkdirSync(join(out, "notebooks"), { recursive: true });
  const inputDir = join(out, "notebooks-input");
  mkdirSync(inputDir, { recursive: true });

  for (const [i, name] of notebooks.entries()) {
    const t0 = Date.now();
    process.stdout.write(`[${i + 1}/${notebooks.length}] ${name}.ipynb … `);
    const committed = JSON.parse(readFileSync(join(ROOT, "notebooks", `${name}.ipynb`), "utf8"));
    let injected;
    try {
      injected = injectParameters(committed, params);
    } catch (e) {
      log("FAILED");
      throw new ReproduceError(`${name}.ipynb: ${(e as Error).message}`);
    }
    const input = join(inputDir, `${name}.ipynb`);
    writeFileSync(input, JSON.stringify(injected, null, 1));
    const output = join(out, "notebooks", `${name}.ipynb`);
    const r = await runNotebook({
      python,
      root: ROOT,
      input,
      output,
      name: `${name}.ipynb`,
      cellTimeout: k.cellTimeout,
      cwd: join(ROOT, "notebooks"),
      env: { JUPYTER_PATH: jupyterPath, INNLANDET_BUILD_DIR: out, INNLANDET_FINDINGS_DIR: findingsDir, INNLANDET_TABLES_DIR: join(out, "tables") },
    });
    if (!r.ok) {
      log("FAILED");
      // keep the partly executed notebook for reading; the stage itself is discarded
      const kept = `${build}.failed`;
      rmSync(kept, { recursive: true, force: true });
      mkdirSync(kept, { recursive: true });
      if (existsSync(output)) cpSync(output, join(kept, `${name}.ipynb`));
      throw new ReproduceError(`${r.failure ? formatFailure(r.failure) : r.stderr.trim()}\n(the partly executed notebook is ${join(kept, `${name}.ipynb`)}; the previous build is unchanged)`);
    }
    const emitted = emittedFindings(output);
    writeFileSync(join(findingsDir, `${name}.json`), JSON.stringify(emitted, null, 1));
    log(`ok, ${emitted.length} findings (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }

  // every chapter's findings (a partial run keeps the others from the existing build)
  const all: Finding[] = chapterNotebooks().flatMap((n) => {
    const f = join(findingsDir, `${n}.json`);
    return existsSync(f) ? (JSON.parse(readFileSync(f, "utf8")) as Finding[]) : [];
  });
  const dups = duplicateIds(all);
  if (dups.length > 0) throw new ReproduceError(`finding ids emitted more than once: ${dups.join("; ")}`);
  writeFileSync(join(out, "findings.json"), JSON.stringify(all, null, 2) + "\n");
  writeFileSync(join(out, "findings.md"), findingsMarkdown(all, `Findings: NIBR-rapport 2009:14 reproduced (parameters: ${describeParams(params)})`));
  writeFileSync(join(out, "parameters.json"), JSON.stringify({ parameters: params, notebooks: chapterNotebooks() }, null, 2) + "\n");

  // the same notebooks as modules under the other mapping, for the sensitivity table
  const runs: Record<string, Finding[]> = { [params.regions]: all };
  for (const m of MAPPING_NAMES.filter((m) => m !== params.regions)) {
    const dir = join(out, "sensitivity", m);
    rmSync(dir, { recursive: true, force: true });
    const r = await runAllAsModules(dir, { ...params, regions: m }, chapterNotebooks().filter((n) => !["02-perspectives", "05-synthesis"].includes(n)));
    const failed = Object.entries(r.runs).find(([, x]) => !x.ok);
    if (failed) throw new ReproduceError(`${failed[0]} under regions=${m}: ${failed[1].error?.message ?? failed[1].stderr}`);
    runs[m] = r.findings;
  }
  const sens = mappingSensitivity(runs);
  writeFileSync(
    join(out, "mapping-sensitivity.md"),
    `# Verdicts under each region mapping\n\nreport13 = the reconstruction of the report's 13 regions; ba2020 = TØI's BA-2020 as published.\n\n${frameMarkdown(sens)}`,
  );
  const changed = sens.getColumn("verdict_changes").toArray().filter(Boolean).length;
  log(`[sensitivity] ${changed} of ${sens.height} mapping-dependent findings change verdict between the mappings (build/mapping-sensitivity.md)`);

  buildSite({ build: out, python, findings: all, params, tables: [] });
  log(`[site] ${join(build, "site", "index.html")} (swapped in when the run completes) and one page per notebook`);
  const counts = verdictCounts(all);
  log(`[findings] ${all.length} findings — ${VERDICT_ORDER.map((v) => `${v} ${counts[v]}`).join(", ")}`);
}

function cli(argv: string[]): void {
  let cmd;
  try {
    cmd = parseReproduceArgs(argv);
  } catch (e) {
    if (e instanceof CliArgumentError) {
      console.error(`reproduce: ${e.message}`);
      process.exit(2);
    }
    throw e;
  }
  if (cmd.kind === "help") {
    process.stdout.write(cmd.text);
    return;
  }
  main(cmd.options).catch((e: unknown) => {
    // one message, no stack trace (INNLANDET_DEBUG=1 shows it): a ReproduceError is already worded for the user;
    // any other error (an unwritable folder, a missing Jupyter) is named by its class and message
    const text = e instanceof ReproduceError ? e.message : e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    console.error(`reproduce failed: ${text}`);
    if (process.env["INNLANDET_DEBUG"] && e instanceof Error) console.error(e.stack);
    process.exit(1);
  });
}

cli(process.argv.slice(2));
