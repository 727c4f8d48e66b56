/**
 * `npm run reproduce` — verify the data, execute every chapter notebook
 * headless on the project's tslab kernel, and write build/:
 * (build/ is $INNLANDET_BUILD_DIR when set)
 *   build/notebooks/*.ipynb   executed notebooks
 *   build/findings.json       every finding (fields: id, chapter, section, claim,
 *                             published, computed, unit, tolerance, verdict, inputs, note)
 *   build/findings.md         the same as a readable table
 *   build/mapping-sensitivity.md  mapping-dependent findings under each region mapping
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { Command } from "commander";
import { verifyAll } from "../src/lib/data/load";
import { collectFindings } from "../src/lib/findings/collect";
import { evaluateAll } from "../src/lib/findings/registry";
import { buildDir } from "../src/lib/findings/notebook";
import { mappingSensitivity } from "../src/lib/findings/sensitivity";
import { frameMarkdown } from "../src/lib/findings/render";
import { findingsMarkdown, verdictCounts, VERDICT_ORDER } from "../src/lib/findings/render";
import type { Finding } from "../src/lib/findings/types";
import { checkKernel, findPython, runNotebook } from "./lib/jupyter";
import { injectParameters } from "./lib/inject";
import { buildSite } from "./lib/site";
import { exportTables } from "./lib/tables";
import { describeParams, parseParams, type RunParameters } from "../src/lib/params";
import { FindingContext } from "../src/lib/findings/context";

const root = resolve(__dirname, "..");
const log = (s: string): void => console.log(s);

function fail(message: string): never {
  console.error(`reproduce failed: ${message}`);
  process.exit(1);
}

function main(opts: { only?: string; param?: string[]; params?: string }): void {
  const started = Date.now();
  let params: RunParameters;
  try {
    params = parseParams(opts.param ?? [], opts.params ? (JSON.parse(readFileSync(opts.params, "utf8")) as Record<string, unknown>) : {});
  } catch (e) {
    fail((e as Error).message);
  }
  log(`[parameters] ${describeParams(params)}`);
  log("[data] verifying data/manifest.json (sha256, schema, keys, sums)");
  try {
    for (const f of verifyAll()) log(`  ok ${f.path}`);
  } catch (e) {
    fail((e as Error).message);
  }

  let python: string;
  let jupyterPath: string;
  try {
    python = findPython(log);
    ({ jupyterPath } = checkKernel(root));
  } catch (e) {
    fail((e as Error).message);
  }

  const build = buildDir();
  const recordDir = join(build, "notebook-findings");
  rmSync(recordDir, { recursive: true, force: true });
  mkdirSync(join(build, "notebooks"), { recursive: true });
  rmSync(join(build, "notebooks"), { recursive: true, force: true });
  mkdirSync(join(build, "notebooks"), { recursive: true });
  const injectedDir = join(build, "notebooks-input");
  mkdirSync(injectedDir, { recursive: true });
  const notebooks = readdirSync(join(root, "notebooks"))
    .filter((f) => f.endsWith(".ipynb") && (!opts.only || f.includes(opts.only)))
    .sort();
  if (notebooks.length === 0) fail("no notebooks to run");

  notebooks.forEach((nb, i) => {
    const t0 = Date.now();
    process.stdout.write(`[${i + 1}/${notebooks.length}] ${nb} … `);
    const input = join(injectedDir, nb);
    writeFileSync(input, JSON.stringify(injectParameters(JSON.parse(readFileSync(join(root, "notebooks", nb), "utf8")), params), null, 1));
    const r = runNotebook({
      python,
      root,
      input,
      output: join(build, "notebooks", nb),
      cwd: join(root, "notebooks"),
      env: { JUPYTER_PATH: jupyterPath, INNLANDET_BUILD_DIR: build },
    });
    if (!r.ok) {
      log("FAILED");
      fail(`${nb}\n${r.stderr.trim()}\n(the partly executed notebook is ${join(build, "notebooks", nb)})`);
    }
    log(`ok (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  });

  const recorded: Finding[] = existsSync(recordDir)
    ? readdirSync(recordDir)
        .sort()
        .flatMap((f) => JSON.parse(readFileSync(join(recordDir, f), "utf8")) as Finding[])
    : [];
  const registry = evaluateAll(new FindingContext({ params }));
  const c = collectFindings(registry, recorded);
  if (!opts.only && c.missing.length > 0) fail(`findings no notebook shows: ${c.missing.join(", ")}`);
  if (c.differing.length > 0) fail(`notebook and registry disagree on: ${c.differing.join(", ")}`);
  if (c.unknown.length > 0) fail(`notebooks show findings the registry lacks: ${c.unknown.join(", ")}`);

  writeFileSync(join(build, "findings.json"), JSON.stringify(c.findings, null, 2) + "\n");
  writeFileSync(
    join(build, "findings.md"),
    findingsMarkdown(c.findings, `Findings: NIBR-rapport 2009:14 reproduced (parameters: ${describeParams(params)})`),
  );
  const sens = mappingSensitivity();
  writeFileSync(join(build, "parameters.json"), JSON.stringify({ parameters: params, notebooks }, null, 2) + "\n");
  writeFileSync(
    join(build, "mapping-sensitivity.md"),
    `# Verdicts under each region mapping\n\nreport13 = the reconstruction of the report's 13 regions; ba2020 = TØI's BA-2020 as published.\n\n${frameMarkdown(sens)}`,
  );
  const changed = sens.getColumn("verdict_changes").toArray().filter(Boolean).length;
  log(`[sensitivity] ${changed} of ${sens.height} mapping-dependent findings change verdict between the mappings (build/mapping-sensitivity.md)`);
  const tables = exportTables(build, new FindingContext({ params }));
  log(`[tables] ${tables.length} derived tables as CSV, Parquet and Markdown in ${join(build, "tables")}`);
  const site = buildSite({ build, python, findings: c.findings, params, tables });
  log(`[site] ${site}/index.html and one page per notebook (plotly.js served from the site)`);
  const counts = verdictCounts(c.findings);
  log(`[findings] ${c.findings.length} findings — ${VERDICT_ORDER.map((v) => `${v} ${counts[v]}`).join(", ")}`);
  log(
    `[done] ${build}: findings.json, findings.md, notebooks/ (${notebooks.map((n) => basename(n)).join(", ")}) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

new Command("reproduce")
  .description("verify data, run every chapter notebook headless, write build/findings.{json,md}")
  .option("--only <name>", "run only notebooks whose file name contains <name> (skips the all-findings check)")
  .option("--param <key=value...>", "run parameter, e.g. regions=ba2020 or period=jan2001_jan2008 (repeatable)")
  .option("--params <file>", "run parameters from a JSON file")
  .action((opts: { only?: string; param?: string[]; params?: string }) => main(opts))
  .parse();
