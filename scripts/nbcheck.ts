/**
 * `npm run nb -- <notebook> [--param k=v …] [--compare FILE] [--findings-dir DIR] [--cell-timeout S]` — run one
 * notebook without Jupyter, on tslab's own executor (scripts/lib/tslabRun.ts: the kernel's semantics), and
 * print each finding: id, cell (as numbered on the page), verdict, computed and key numbers. With --compare,
 * list what moved against a findings file (NEW, CHANGED with every changed field, REMOVED, or "no change").
 * Exit 0 when every cell ran, 1 when a cell failed (one line naming notebook, cell and line), 2 on bad arguments.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { Command, CommanderError, InvalidArgumentError } from "commander";
import { parseParams, type RunParameters } from "../src/lib/params";
import { formatValue, keyNumbersText } from "../src/lib/findings/render";
import { compareFindings, comparisonLines } from "../src/lib/findings/changes";
import type { Finding } from "../src/lib/findings/types";
import { failureLine, runInTslab, runnableCells } from "./lib/tslabRun";
import { ensureLibBuilt } from "./lib/buildLib";

interface Options {
  param?: string[];
  compare?: string;
  findingsDir?: string;
  quiet?: boolean;
  cellTimeout?: number;
}

class UsageError extends Error {}

/** The notebook as JSON, or a UsageError saying what is wrong with the path. */
function readNotebook(path: string): { cells: { cell_type: string; source: string | string[] }[] } {
  if (!existsSync(path)) throw new UsageError(`${path}: no such file`);
  if (statSync(path).isDirectory()) throw new UsageError(`${path} is a folder; give a notebook file (.ipynb)`);
  if (!path.endsWith(".ipynb")) throw new UsageError(`${path} is not a notebook: expected a .ipynb file`);
  let nb: unknown;
  try {
    nb = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new UsageError(`${path} is not valid notebook JSON (${(e as Error).message.split("\n")[0]})`);
  }
  if (!nb || typeof nb !== "object" || !Array.isArray((nb as { cells?: unknown }).cells)) throw new UsageError(`${path} is not a notebook: no "cells" list`);
  return nb as { cells: { cell_type: string; source: string | string[] }[] };
}

/** A findings file: build/findings.json (a list) or the golden file ({ default: [...], ba2020: [...] }). */
function readFindings(path: string, params: RunParameters): Finding[] {
  if (!existsSync(path) || !statSync(path).isFile()) throw new UsageError(`--compare ${path}: no such file`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new UsageError(`--compare ${path} is not valid JSON (${(e as Error).message.split("\n")[0]})`);
  }
  const list = Array.isArray(raw) ? raw : (raw as Record<string, unknown>)?.[params.regions === "report13" ? "default" : params.regions];
  if (!Array.isArray(list) || list.some((f) => !f || typeof (f as Finding).id !== "string" || typeof (f as Finding).verdict !== "string"))
    throw new UsageError(`--compare ${path} is not a findings file (a list of findings with id and verdict, or the golden file)`);
  return list as Finding[];
}

function checkFindingsDir(dir: string): void {
  let p = resolve(dir);
  while (!existsSync(p) && dirname(p) !== p) p = dirname(p);
  if (!statSync(p).isDirectory()) throw new UsageError(`--findings-dir ${dir}: ${p} is a file, not a folder`);
}

async function main(notebook: string, opts: Options): Promise<void> {
  let params: RunParameters;
  try {
    params = parseParams(opts.param ?? []);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const nb = readNotebook(notebook);
  if (opts.findingsDir) checkFindingsDir(opts.findingsDir);
  const old = opts.compare ? readFindings(opts.compare, params) : undefined;
  await ensureLibBuilt((s) => console.log(s));
  const env: Record<string, string> = {};
  if (opts.findingsDir) env["INNLANDET_FINDINGS_DIR"] = resolve(opts.findingsDir);
  const r = await runInTslab(notebook, { params: opts.param?.length ? params : undefined, env, cellTimeoutMs: (opts.cellTimeout ?? 600) * 1000 });
  const numberOf = new Map(runnableCells(nb).map((c) => [c.index, c.number]));
  if (!opts.quiet)
    for (const f of r.findings) {
      const nums = keyNumbersText(f.numbers);
      console.log(`${f.id}  cell [${numberOf.get(f.cell ?? -1) ?? "?"}]  ${f.verdict}  ${formatValue(f.computed)}${nums ? `  (${nums})` : ""}`);
    }
  console.log(`${r.findings.length} findings from ${basename(notebook)} in ${r.seconds.toFixed(1)} s`);
  if (opts.findingsDir && r.ok) {
    mkdirSync(opts.findingsDir, { recursive: true });
    writeFileSync(join(opts.findingsDir, `${basename(notebook, ".ipynb")}.json`), JSON.stringify(r.findings, null, 1));
  }
  if (old && r.ok) {
    const mine = new Set(r.findings.map((f) => f.notebook));
    // a findings file of a whole build holds other notebooks' findings: compare with this notebook's only
    const before = old.filter((f) => !f.notebook || mine.has(f.notebook) || f.notebook === basename(notebook));
    for (const line of comparisonLines(compareFindings(before, r.findings))) console.log(line);
  }
  if (r.failure) {
    console.error(failureLine(relative(process.cwd(), resolve(notebook)) || notebook, r.failure));
    process.exitCode = 1;
  }
}

const once =
  (flag: string) =>
  (value: string, previous: unknown): string => {
    if (previous !== undefined) throw new InvalidArgumentError(`${flag} given twice`);
    return value;
  };

const program = new Command("nb")
  .argument("<notebook>", "path to a .ipynb, e.g. notebooks/03-structures.ipynb")
  .option("--param <key=value...>", "run parameter, e.g. regions=ba2020")
  .option("--compare <file>", "a findings JSON file to compare with (build/findings.json, tests/golden/findings.json)", once("--compare"))
  .option("--findings-dir <dir>", "where other chapters' findings are read from and this notebook's are written", once("--findings-dir"))
  .option("--cell-timeout <seconds>", "stop the run when one cell takes longer (default 600)", (v: string, prev: unknown) => {
    if (prev !== undefined) throw new InvalidArgumentError("--cell-timeout given twice");
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`--cell-timeout must be a positive number of seconds, not '${v}'`);
    return n;
  })
  .option("--quiet", "print only the summary and the differences")
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s.split("\n")[0] + "\n") })
  .action((nb: string, opts: Options) => main(nb, opts));

program.parseAsync().catch((e: unknown) => {
  if (e instanceof CommanderError) process.exit(e.exitCode === 0 ? 0 : 2);
  if (e instanceof UsageError) {
    console.error(`nb: ${e.message}`);
    process.exit(2);
  }
  console.error(`nb: ${e instanceof Error ? `${e.name}: ${e.message.split("\n")[0]}` : String(e)}`);
  process.exit(1);
});
