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
import { buildFingerprint } from "./lib/fingerprint";
import { checkOnlyBuild } from "./lib/onlyBuild";
import { reviewedChanges, reviewedMarkdown } from "./lib/reviewed";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { verifyAll } from "../src/lib/data/load";
import { dataDir } from "../src/lib/data/manifest";
import { mappingSensitivity } from "../src/lib/findings/sensitivity";
import { findingsMarkdown, frameMarkdown, verdictCounts, VERDICT_ORDER } from "../src/lib/findings/render";
import type { Finding } from "../src/lib/findings/types";
import { MAPPING_NAMES } from "../src/lib/regions/mapping";
import { describeParams, type RunParameters } from "../src/lib/params";
import { CliArgumentError } from "../src/lib/ssb/cli";
import { parseReproduceArgs, type ReproduceOptions } from "./lib/reproduceArgs";
import { checkKernel, findPython } from "./lib/jupyter";
import { acquireLock, BuildLockedError, stageBuild } from "./lib/atomic";
import { runGuarded } from "./lib/guard";
import { ensureLibBuilt } from "./lib/buildLib";
import { buildSite } from "./lib/site";
import { duplicateIds } from "./lib/collect";
import { KERNEL_JOBS, ReproduceError, runOnKernels, sensitivityRuns } from "./lib/pipeline";
import { buildDir, chapterNotebooks, MissingNotebooksError, ROOT, NOTEBOOK_ORDER, PRIMER_NOTEBOOKS, WEIGHING_NOTEBOOKS } from "./lib/notebooks";
import { checkBuildFolder, checkFreeSpace } from "./lib/buildFolder";
import { failureReport } from "./lib/failure";

const log = (s: string): void => console.log(s);
/** The resolved build folder of the run, once checked (named by a system error that has no path). */
let runBuild: string | undefined;
/** The data folder the run reads (undefined when there is none: verifyAll then says so). */
const dataDirOrNone = (): string | undefined => {
  try {
    return dataDir();
  } catch {
    return undefined;
  }
};

async function main(opts: ReproduceOptions): Promise<void> {
  const started = Date.now();
  const params = opts.params;
  log(`[parameters] ${describeParams(params)}`);
  // every check, the stage, the swap and the lock use the resolved path (a link to data/ is data/)
  const build = checkBuildFolder(opts.out ?? buildDir(), { dataDir: dataDirOrNone(), label: opts.out ? "--out" : "build folder" });
  runBuild = build;
  log("[data] verifying data/manifest.json (sha256, schema, keys, sums)");
  try {
    verifyAll();
  } catch (e) {
    throw new ReproduceError((e as Error).message, { cause: e });
  }
  let notebooks: string[];
  try {
    notebooks = chapterNotebooks(opts.only); // every chapter must be there, for --only too
  } catch (e) {
    if (e instanceof MissingNotebooksError) throw new ReproduceError(e.message);
    throw e;
  }
  if (notebooks.length === 0) throw new ReproduceError(`no chapter notebook matches --only ${opts.only} (chapters: ${NOTEBOOK_ORDER.join(", ")})`);
  if (opts.only) {
    // a full build of the same parameters and inputs, holding every chapter it keeps; 2 and 5 rerun with what they read
    notebooks = checkOnlyBuild(build, {
      only: opts.only,
      notebooks,
      all: chapterNotebooks(),
      weighing: WEIGHING_NOTEBOOKS,
      params,
      now: buildFingerprint(ROOT),
    });
  }

  checkFreeSpace(build); // a full disk fails before the run, not after minutes of it

  const cellTimeout = opts.cellTimeout;
  const python = findPython(log);
  const { jupyterPath } = checkKernel(ROOT);
  try {
    await ensureLibBuilt(log);
  } catch (e) {
    throw new ReproduceError((e as Error).message, { cause: e });
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
    await runInto(stage.dir, build, notebooks, params, { python, jupyterPath, cellTimeout }, !!opts.only);
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
  only: boolean,
): Promise<void> {
  const findingsDir = join(out, "findings");
  // the sensitivity runs (modules, other mapping) go on beside the kernels; awaited after them
  const others = MAPPING_NAMES.filter((m) => m !== params.regions).join(", ");
  log(`[notebooks] on tslab kernels, ${KERNEL_JOBS} at a time; the chapters again as modules under regions=${others} alongside`);
  const sensitivity = sensitivityRuns(out, params, only ? notebooks : undefined, log);
  sensitivity.catch(() => undefined); // a kernel failure ends the run first; this one is then not awaited
  // a full run executes the methods primer too (first on the site); a --only run keeps the previous build's
  const primers = only ? [] : PRIMER_NOTEBOOKS;
  await runOnKernels([...primers, ...notebooks], { out, build, ...k, params, log });

  // every chapter's findings (a partial run keeps the others from the existing build); a chapter without its
  // findings file is an error, never a smaller build
  const all: Finding[] = chapterNotebooks().flatMap((n) => {
    const f = join(findingsDir, `${n}.json`);
    if (!existsSync(f)) throw new ReproduceError(`${n}.ipynb left no findings file (${join("findings", `${n}.json`)}); the previous build is unchanged`);
    return JSON.parse(readFileSync(f, "utf8")) as Finding[];
  });
  const dups = duplicateIds(all);
  if (dups.length > 0) throw new ReproduceError(`finding ids emitted more than once: ${dups.join("; ")}`);
  writeFileSync(join(out, "findings.json"), JSON.stringify(all, null, 2) + "\n");
  writeFileSync(join(out, "findings.md"), findingsMarkdown(all, `Findings: NIBR-rapport 2009:14 reproduced (parameters: ${describeParams(params)})`));
  writeFileSync(join(out, "parameters.json"), JSON.stringify({ parameters: params, notebooks: chapterNotebooks(), fingerprint: buildFingerprint(ROOT) }, null, 2) + "\n");
  // every verdict against the reviewed record: a flip is printed and shown on the site, never silent
  const reviewed = reviewedChanges(ROOT, all, params);
  writeFileSync(join(out, "changes-since-reviewed.md"), reviewedMarkdown(reviewed));
  if (reviewed.skipped) log(`[reviewed] not compared with the reviewed record: ${reviewed.skipped}`);
  else for (const line of reviewed.lines) log(`[reviewed] ${line}`);

  const sens = mappingSensitivity({ [params.regions]: all, ...(await sensitivity) });
  writeFileSync(
    join(out, "mapping-sensitivity.md"),
    `# Verdicts under each region mapping\n\nreport13 = the reconstruction of the report's 13 regions; ba2020 = TØI's BA-2020 as published.\n\n${frameMarkdown(sens)}`,
  );
  const changed = sens.getColumn("verdict_changes").toArray().filter(Boolean).length;
  log(`[sensitivity] ${changed} of ${sens.height} mapping-dependent findings change verdict between the mappings (build/mapping-sensitivity.md)`);

  await buildSite({ build: out, python: k.python, findings: all, params, reviewed });
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
    // no stack trace (INNLANDET_DEBUG=1 shows it); a system error (disk full, permission denied) comes first, in one
    // line; a build folder it must not replace is refused like a bad argument (exit 2)
    const r = failureReport(e, { build: runBuild });
    console.error(r.lines.join("\n"));
    if (process.env["INNLANDET_DEBUG"] && e instanceof Error) console.error(e.stack);
    process.exit(r.exitCode);
  });
}

cli(process.argv.slice(2));
