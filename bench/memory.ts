/**
 * `npm run bench:memory [-- --scale 10]` — the library's own peak resident memory on the SYNTHETIC panel
 * (bench/synthetic.ts; string keys, shuffled rows, as the targets are set), one kernel per fresh process: the
 * panel is built and handed to polars, the JavaScript arrays dropped and collected, the kernel's starting resident
 * set read, the kernel's peak counter reset (`/proc/self/clear_refs` = 5, Linux) and the kernel run twice; the peak
 * (VmHWM) is then the most the process held while the kernel ran, its input frame included. `npm run bench` reports
 * its own process's peak, which also holds the panel four ways and every implementation's output.
 * Writes bench/results/memory.json and prints a Markdown table with the target (issue 23: ≤ 4 GB at 10×). Measured,
 * never asserted.
 */
import { spawnSync } from "node:child_process";
import type * as pl from "nodejs-polars";
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { diversity, locationQuotient, shiftShare, toRegions } from "../src/lib/index";
import { mappingFrame, mappingOf, rowsOf, shuffledPanel, syntheticPanel, toPolars } from "./synthetic";
import { RESULTS_DIR } from "./output";

const KERNELS = ["location quotient", "Shannon/HHI diversity", "Dunn shift-share", "region aggregation"] as const;
type Kernel = (typeof KERNELS)[number];
const TARGET_MB = 4096;

const status = (field: string): number => Number(/(\d+)/.exec(readFileSync("/proc/self/status", "utf8").split("\n").find((l) => l.startsWith(field)) ?? "")?.[1] ?? NaN) / 1024;

/** In the child: build the input, reset the peak, run the kernel; print {rows, startMB, peakMB}. */
function child(kernel: Kernel, scale: number): void {
  const build = (): { df: pl.DataFrame; mapping: pl.DataFrame; first: number; last: number } => {
    const p = syntheticPanel(scale);
    const df = toPolars(rowsOf(shuffledPanel(p), "string"));
    return { df, mapping: mappingFrame(mappingOf(p, "string")), first: p.firstYear, last: p.firstYear + p.nYears - 1 };
  };
  // the JavaScript panel goes out of scope here; the polars frames stay (the kernel's input)
  const { df, mapping, first, last } = build();
  const municipal = df.rename({ region: "municipality" });
  const n = df.height;
  (globalThis as { gc?: () => void }).gc?.();
  const startMB = status("VmRSS:");
  writeFileSync("/proc/self/clear_refs", "5"); // VmHWM := VmRSS
  const rsv = { region: "region", sector: "sector", value: "value", by: ["year"] };
  const run: Record<Kernel, () => unknown> = {
    "location quotient": () => locationQuotient(df, rsv),
    "Shannon/HHI diversity": () => diversity(df, rsv),
    "Dunn shift-share": () => shiftShare(df, { region: "region", sector: "sector", time: "year", value: "value", from: first, to: last }),
    "region aggregation": () => toRegions(municipal, mapping, { municipality: "municipality", keep: ["year", "sector"] }),
  };
  for (let i = 0; i < 2; i += 1) run[kernel]();
  console.log(JSON.stringify({ rows: n, startMB, peakMB: status("VmHWM:") }));
}

function main(): void {
  const at = process.argv.indexOf("--scale");
  const scale = at >= 0 ? Number(process.argv[at + 1]) : 10;
  if (!(scale > 0)) throw new Error(`--scale must be a positive number (got ${process.argv[at + 1]})`);
  const loadBefore = loadavg()[0]!;
  const out: { kernel: Kernel; rows: number; startMB: number; peakMB: number }[] = [];
  for (const kernel of KERNELS) {
    const r = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", __filename, "--child", kernel, String(scale)], { encoding: "utf8", maxBuffer: 1 << 20 });
    if (r.status !== 0) throw new Error(`${kernel}: ${(r.stderr || r.stdout).trim().split("\n").slice(-1)[0]}`);
    out.push({ kernel, ...(JSON.parse(r.stdout.trim().split("\n").slice(-1)[0]!) as { rows: number; startMB: number; peakMB: number }) });
  }
  const report = { date: new Date().toISOString(), cores: cpus().length, node: process.version, scale, keys: "string", order: "shuffled", load: { before: loadBefore, after: loadavg()[0]! }, targetMB: TARGET_MB, kernels: out };
  writeFileSync(join(RESULTS_DIR, "memory.json"), JSON.stringify(report, null, 1) + "\n");
  console.log(`SYNTHETIC panel at ${scale}× (string keys, shuffled rows), one kernel per process; load ${loadBefore.toFixed(2)} → ${report.load.after.toFixed(2)}\n`);
  console.log("| kernel | rows | resident at start, MB | peak while running, MB | target ≤ 4 GB |\n|---|---|---|---|---|");
  for (const k of out) console.log(`| ${k.kernel} | ${k.rows.toLocaleString("en")} | ${k.startMB.toFixed(0)} | ${k.peakMB.toFixed(0)} | ${k.peakMB <= TARGET_MB ? "met" : "**missed**"} |`);
}

const c = process.argv.indexOf("--child");
if (c >= 0) child(process.argv[c + 1] as Kernel, Number(process.argv[c + 2]));
else main();
