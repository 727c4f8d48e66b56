/**
 * `npm run bench:latency` — how fast the researcher's loop answers (issue 20), measured, never asserted:
 * - in a live tslab kernel (scripts/kernel_loop.py through jupyter_client): kernel start, the setup cell (library
 *   import and session), re-executing chapter 3's size–growth cell after changing one constant;
 * - `npm run nb` (tslab's executor, headless) on each computing chapter, wall time of the whole command.
 * Writes bench/results/latency.json and prints a Markdown table with the load average before and after.
 * Needs Debian's Jupyter for the kernel rows (skipped, saying so, without it).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { existingPython } from "../scripts/lib/jupyter";

const ROOT = join(__dirname, "..");
const CHAPTERS = ["04-innovation", "06-fifteen-years-on", "03-structures"];

function nbSeconds(chapter: string): number {
  const t0 = Date.now();
  const r = spawnSync(join(ROOT, "node_modules", ".bin", "tsx"), [join(ROOT, "scripts", "nbcheck.ts"), join(ROOT, "notebooks", `${chapter}.ipynb`), "--quiet"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`npm run nb -- ${chapter} failed: ${r.stderr.trim().split("\n")[0]}`);
  return (Date.now() - t0) / 1000;
}

function main(): void {
  const loadBefore = loadavg()[0]!;
  const rows: { step: string; seconds: number | null; note: string }[] = [];
  const python = existingPython();
  if (python) {
    const report = join(mkdtempSync(join(tmpdir(), "latency-")), "kernel.json");
    const r = spawnSync(python, [join(ROOT, "scripts", "kernel_loop.py"), ROOT, "--notebooks", "03-structures", "--report", report], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`kernel_loop.py failed: ${(r.stderr || r.stdout).trim().split("\n").slice(-1)[0]}`);
    const ch3 = (JSON.parse(readFileSync(report, "utf8")) as { notebooks: Record<string, unknown>[] }).notebooks[0]!;
    rows.push({ step: "kernel start (tslab, chapter 3's folder)", seconds: ch3["kernel_ready_s"] as number, note: "jupyter_client start_new_kernel until ready" });
    rows.push({ step: "setup cell: library import and session", seconds: ch3["setup_cell_s"] as number, note: "chapter 3's second code cell" });
    rows.push({ step: "re-executing a finding cell after changing a constant", seconds: ch3["rerun_edited_cell_s"] as number, note: "chapter 3's size–growth cell (2,000 seeded power draws)" });
    rows.push({ step: "chapter 3, every cell on the kernel", seconds: ch3["pass1_s"] as number, note: "first run; a second run of every cell took " + String(ch3["pass2_s"]) + " s" });
  } else console.warn("bench:latency: Jupyter not found — kernel rows skipped");
  for (const c of CHAPTERS) rows.push({ step: `npm run nb -- notebooks/${c}.ipynb`, seconds: nbSeconds(c), note: "whole command, tslab's executor" });
  const loadAfter = loadavg()[0]!;
  const out = { date: new Date().toISOString(), cores: cpus().length, load: { before: loadBefore, after: loadAfter }, rows };
  mkdirSync(join(ROOT, "bench", "results"), { recursive: true });
  writeFileSync(join(ROOT, "bench", "results", "latency.json"), JSON.stringify(out, null, 1) + "\n");
  console.log(`| step | seconds | how |\n|---|---|---|`);
  for (const r of rows) console.log(`| ${r.step} | ${r.seconds === null ? "—" : r.seconds.toFixed(1)} | ${r.note} |`);
  console.log(`\n${out.cores} cores, load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after; written to bench/results/latency.json`);
}

main();
