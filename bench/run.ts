/**
 * `npm run bench` — location quotients, Shannon/HHI diversity and Dunn
 * shift-share on a seeded SYNTHETIC national-scale panel at 0.1×, 1× and 10×
 * (1× = 428 × 88 × 25 ≈ 0.94 M rows), by three implementations side by side:
 * this library (nodejs-polars), danfojs-node, and a typed-array single pass
 * (the floor). Results are checked to agree before anything is timed; each
 * timing is the median of 5 runs after a warm-up. danfojs runs only where
 * its predicted time fits the budget (said in the output). Writes build/bench.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { toDanfo } from "./danfo";
import { INDICATORS, TOL } from "./indicators";
import { syntheticPanel, toPolars } from "./synthetic";

const SCALES = [0.1, 1, 10];
const RUNS = 5;
const DANFO_BUDGET_S = 30; // per indicator and size: predicted median × (runs + warm-up)

type Impl = "polars" | "danfojs" | "typed";
interface Cell {
  indicator: string;
  scale: number;
  rows: number;
  implementation: Impl;
  medianSeconds: number | null;
  runs: number[];
  rowsPerSecond: number | null;
  note?: string;
}

function time(fn: () => unknown): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function measure(fn: () => unknown): number[] {
  fn(); // warm-up
  return Array.from({ length: RUNS }, () => time(fn));
}

function fitExponent(cells: Cell[]): number | null {
  const pts = cells.filter((c) => c.medianSeconds !== null).map((c) => [Math.log(c.rows), Math.log(c.medianSeconds!)] as const);
  if (pts.length < 2) return null;
  const mx = pts.reduce((a, p) => a + p[0], 0) / pts.length;
  const my = pts.reduce((a, p) => a + p[1], 0) / pts.length;
  const sxy = pts.reduce((a, p) => a + (p[0] - mx) * (p[1] - my), 0);
  const sxx = pts.reduce((a, p) => a + (p[0] - mx) ** 2, 0);
  return sxy / sxx;
}

function main(): void {
  const started = Date.now();
  const cells: Cell[] = [];
  const danfoPrev = new Map<string, { seconds: number; rows: number }>();
  for (const scale of SCALES) {
    const p = syntheticPanel(scale);
    const rows = p.value.length;
    const df = toPolars(p);
    let danfoFrame: unknown = null;
    console.log(`\n[${scale}×] ${rows.toLocaleString("en")} rows (${p.nRegions} regions × ${p.nSectors} industries × ${p.nYears} years, synthetic)`);
    for (const ind of INDICATORS) {
      const prev = danfoPrev.get(ind.name);
      const predicted = prev ? prev.seconds * (rows / prev.rows) : 0;
      const runDanfo = !prev || predicted * (RUNS + 1) <= DANFO_BUDGET_S;
      if (runDanfo && danfoFrame === null) danfoFrame = toDanfo(p);
      const typed = ind.typed(p);
      ind.check(ind.polars(df, p), typed, p, runDanfo ? ind.danfo(danfoFrame, p) : undefined);
      const add = (implementation: Impl, runs: number[] | null, note?: string): void => {
        const m = runs ? median(runs) : null;
        cells.push({
          indicator: ind.name,
          scale,
          rows,
          implementation,
          medianSeconds: m,
          runs: runs ?? [],
          rowsPerSecond: m ? rows / m : null,
          note,
        });
      };
      add(
        "polars",
        measure(() => ind.polars(df, p)),
      );
      add(
        "typed",
        measure(() => ind.typed(p)),
      );
      if (runDanfo) {
        const runs = measure(() => ind.danfo(danfoFrame, p));
        add("danfojs", runs);
        danfoPrev.set(ind.name, { seconds: median(runs), rows });
      } else {
        add(
          "danfojs",
          null,
          `not run: predicted ${predicted.toFixed(1)} s per run (from ${prev!.rows.toLocaleString("en")} rows) exceeds the ${DANFO_BUDGET_S} s budget for ${RUNS} runs + warm-up`,
        );
      }
      const get = (impl: Impl): Cell => cells.find((c) => c.indicator === ind.name && c.scale === scale && c.implementation === impl)!;
      const [pc, tc, dc] = [get("polars"), get("typed"), get("danfojs")];
      console.log(
        `  ${ind.name.padEnd(22)} polars ${pc.medianSeconds!.toFixed(3)} s · typed ${tc.medianSeconds!.toFixed(4)} s · danfojs ${dc.medianSeconds === null ? "—" : `${dc.medianSeconds.toFixed(3)} s`}` +
          ` | polars/typed ${(pc.medianSeconds! / tc.medianSeconds!).toFixed(1)}×` +
          (dc.medianSeconds ? ` | danfojs/polars ${(dc.medianSeconds / pc.medianSeconds!).toFixed(1)}×` : "") +
          ` | ${((pc.medianSeconds! / rows) * 1e6).toFixed(3)} s per M rows`,
      );
    }
  }
  const summary = INDICATORS.map((ind) => {
    const by = (impl: Impl): Cell[] => cells.filter((c) => c.indicator === ind.name && c.implementation === impl);
    const polars = by("polars");
    const ratios = (impl: Impl): { scale: number; ratio: number }[] =>
      by(impl)
        .filter((c) => c.medianSeconds !== null)
        .map((c) => ({ scale: c.scale, ratio: c.medianSeconds! / polars.find((q) => q.scale === c.scale)!.medianSeconds! }));
    return {
      indicator: ind.name,
      exponent: { polars: fitExponent(polars), typed: fitExponent(by("typed")), danfojs: fitExponent(by("danfojs")) },
      danfojsOverPolars: ratios("danfojs"),
      typedOverPolars: ratios("typed"),
      polarsSecondsPerMillionRows: polars.map((c) => ({ scale: c.scale, seconds: (c.medianSeconds! / c.rows) * 1e6 })),
    };
  });
  const report = {
    generated_by: "npm run bench",
    data: "SYNTHETIC panel (seeded), not real data",
    machine: { cpus: require("node:os").cpus().length, node: process.version },
    runs: RUNS,
    scales: SCALES,
    agreement: `all three implementations agree within ${TOL} (relative) before timing`,
    cells,
    summary,
    total_seconds: (Date.now() - started) / 1000,
  };
  mkdirSync(join(__dirname, "..", "build"), { recursive: true });
  writeFileSync(join(__dirname, "..", "build", "bench.json"), JSON.stringify(report, null, 2) + "\n");
  console.log("\nFitted growth exponents (time ∝ rows^k):");
  for (const s of summary)
    console.log(
      `  ${s.indicator.padEnd(22)} polars ${s.exponent.polars?.toFixed(2)} · typed ${s.exponent.typed?.toFixed(2)} · danfojs ${s.exponent.danfojs?.toFixed(2) ?? "—"}`,
    );
  console.log(`\nwrote build/bench.json in ${report.total_seconds.toFixed(0)} s`);
}

main();
