/**
 * `npm run nb -- <notebook> [--param k=v …] [--compare FILE] [--findings-dir DIR]` — run one notebook
 * without Jupyter (its code cells as one TypeScript module, scripts/lib/nbmodule.ts) and print the
 * findings it emits: id, cell, verdict, computed. With --compare, list what differs from a findings
 * file (e.g. build/findings.json or tests/golden/findings.json). Exit 1 when a cell fails.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { Command } from "commander";
import { parseParams } from "../src/lib/params";
import { formatValue } from "../src/lib/findings/render";
import type { Finding } from "../src/lib/findings/types";
import { runAsModule } from "./lib/nbmodule";
import { ensureLibBuilt } from "./lib/buildLib";

async function main(notebook: string, opts: { param?: string[]; compare?: string; findingsDir?: string; quiet?: boolean }): Promise<void> {
  const params = parseParams(opts.param ?? []);
  const env: Record<string, string> = {};
  if (opts.findingsDir) env["INNLANDET_FINDINGS_DIR"] = resolve(opts.findingsDir);
  await ensureLibBuilt((s) => console.log(s));
  const r = await runAsModule(notebook, { params, env });
  if (!opts.quiet) for (const f of r.findings) console.log(`${f.id}  cell ${f.cell}  ${f.verdict}  ${formatValue(f.computed)}`);
  console.log(`${r.findings.length} findings from ${basename(notebook)} in ${r.seconds.toFixed(1)} s`);
  if (opts.findingsDir) {
    mkdirSync(opts.findingsDir, { recursive: true });
    writeFileSync(join(opts.findingsDir, `${basename(notebook, ".ipynb")}.json`), JSON.stringify(r.findings, null, 1));
  }
  if (opts.compare) {
    // a findings list (build/findings.json) or the golden file ({ default: [...], ba2020: [...] })
    const raw = JSON.parse(readFileSync(opts.compare, "utf8")) as Finding[] | Record<string, Finding[]>;
    const list = Array.isArray(raw) ? raw : (raw[params.regions === "report13" ? "default" : params.regions] ?? []);
    const old = new Map(list.map((f) => [f.id, f]));
    for (const f of r.findings) {
      const o = old.get(f.id);
      if (!o) console.log(`NEW      ${f.id}: ${f.verdict} ${formatValue(f.computed)}`);
      else if (o.verdict !== f.verdict || JSON.stringify(o.computed) !== JSON.stringify(f.computed))
        console.log(`CHANGED  ${f.id}: ${o.verdict} ${formatValue(o.computed)} → ${f.verdict} ${formatValue(f.computed)}`);
    }
  }
  if (!r.ok) {
    const e = r.error;
    console.error(e ? `cell ${e.cell} failed: ${e.name}: ${e.message}\n${e.stack}` : r.stderr);
    process.exit(1);
  }
}

new Command("nb")
  .argument("<notebook>", "path to a .ipynb, e.g. notebooks/03-structures.ipynb")
  .option("--param <key=value...>", "run parameter, e.g. regions=ba2020")
  .option("--compare <file>", "a findings JSON file to compare with")
  .option("--findings-dir <dir>", "where other chapters' findings are read from and this notebook's are written")
  .option("--quiet", "print only the summary and the differences")
  .action((nb: string, opts: { param?: string[]; compare?: string; findingsDir?: string; quiet?: boolean }) => main(nb, opts))
  .parseAsync();
