/**
 * `npm run bench` — location quotients, Shannon/HHI diversity and Dunn
 * shift-share on a seeded SYNTHETIC national-scale panel at 0.1×, 1× and 10×
 * (1× = 428 × 88 × 25 ≈ 0.94 M rows), by three implementations side by side:
 * this library (nodejs-polars, input checks included), the typed-array floor
 * (bench/typed.ts: same columns, same sorted rows, same refusals) and
 * danfojs-node (its natural output). At every scale, each implementation runs
 * once and the full outputs are checked to agree; the library and the floor
 * then run WARMUP more times untimed (danfojs: the agreement run is its warm-up);
 * then timed rounds are interleaved — library, floor, danfojs in each round —
 * recording wall and CPU time (process.cpuUsage: all threads, so V8's
 * background GC and polars' worker threads count too). No garbage collection
 * is forced between runs: a forced full collection was found to slow the run
 * after it (the heap is rebuilt while it runs). The panel is
 * generated in key order, in which the library's LQ finds its rows already
 * sorted and skips the sort; a shuffled copy measures the sorting path too. danfojs runs
 * fewer rounds (see DANFO_RUNS) and at 10× only where its predicted cost fits
 * DANFO_BUDGET_10X_S and the heap. Writes build/bench.json (with the load
 * average at start and end) and build/bench.md (bench/table.ts).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { getHeapStatistics } from "node:v8";
import { toDanfo } from "./danfo";
import { INDICATORS, TOL, check } from "./indicators";
import { shuffledPanel, syntheticPanel, toPolars } from "./synthetic";
import { benchTable, type BenchReport, type Cell, type Impl, type Run } from "./table";

/** BENCH_SCALES=0.1 for a quick trial run (it overwrites build/bench.json too). */
const SCALES = process.env["BENCH_SCALES"] ? process.env["BENCH_SCALES"].split(",").map(Number) : [0.1, 1, 10];
/** Timed rounds of the library and the floor at every scale. */
const RUNS = 5;
/** Untimed calls of the library and the floor after the agreement run, so V8 has compiled the floor's loops (its first calls run unoptimised). */
const WARMUP = 3;
/** Timed rounds of danfojs (it takes seconds per run at 1×). */
const DANFO_RUNS: Record<number, number> = { 0.1: 5, 1: 3, 10: 1 };
/** At 10×, danfojs runs for an indicator only if 10 × (its 1× frame build + (1 + DANFO_RUNS[10]) runs) fits this (linear prediction). */
const DANFO_BUDGET_10X_S = 150;
/** …and if 10 × the heap its frame and result took at 1× fits this share of the heap limit. */
const HEAP_SHARE = 0.6;

function timed<T>(fn: () => T): { run: Run; result: T } {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const result = fn();
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  return { run: { wall, cpu: (c.user + c.system) / 1e6 }, result };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function main(): void {
  const started = new Date();
  const loadStart = loadavg();
  const heapLimit = getHeapStatistics().heap_size_limit;
  const cells: Cell[] = [];
  const danfo1x = new Map<string, { run: number; build: number; heap: number }>();
  for (const scale of SCALES) {
    const p = syntheticPanel(scale);
    const rows = p.value.length;
    const df = toPolars(p);
    const shuffled = shuffledPanel(p);
    const dfShuffled = toPolars(shuffled);
    console.log(`\n[${scale}×] ${rows.toLocaleString("en")} rows (${p.nRegions} regions × ${p.nSectors} industries × ${p.nYears} years, synthetic)`);
    const plan = INDICATORS.map((ind) => {
      if (!ind.danfo) return { ind, runs: 0, note: `not run: ${ind.why}` };
      if (scale < 10) return { ind, runs: DANFO_RUNS[scale]!, note: undefined as string | undefined };
      const m = danfo1x.get(ind.name);
      if (!m) return { ind, runs: 0, note: "not run: no 1× measurement to predict from" };
      const predicted = 10 * (m.build + (1 + DANFO_RUNS[10]!) * m.run);
      if (predicted > DANFO_BUDGET_10X_S)
        return {
          ind,
          runs: 0,
          note: `not run: predicted ${predicted.toFixed(0)} s (10 × the 1× frame build and runs) exceeds the ${DANFO_BUDGET_10X_S} s budget`,
        };
      if (10 * m.heap > HEAP_SHARE * heapLimit)
        return {
          ind,
          runs: 0,
          note: `not run: predicted heap ${((10 * m.heap) / 1e9).toFixed(1)} GB exceeds ${HEAP_SHARE} × the ${(heapLimit / 1e9).toFixed(1)} GB limit`,
        };
      return { ind, runs: DANFO_RUNS[10]!, note: `predicted ${predicted.toFixed(0)} s within the ${DANFO_BUDGET_10X_S} s budget` };
    });
    let frame: unknown = null;
    let build = 0;
    const heap0 = process.memoryUsage().heapUsed;
    if (plan.some((x) => x.runs > 0)) {
      const b = timed(() => toDanfo(p));
      frame = b.result;
      build = b.run.wall;
      console.log(`  danfojs frame built in ${build.toFixed(1)} s (not timed below)`);
    }
    for (const { ind, runs: danfoRuns, note } of plan) {
      // agreement of the full outputs first (also the warm-up)
      const [q, qdf] = ind.shuffled ? [shuffled, dfShuffled] : [p, df];
      const lib = timed(() => ind.library(qdf, q));
      const floor = timed(() => ind.floor(q));
      const dan = danfoRuns > 0 ? timed(() => ind.danfo!(frame, p)) : undefined;
      const compared = check(ind, lib.result, floor.result, dan?.result);
      let heap = process.memoryUsage().heapUsed - heap0;
      for (let w = 0; w < WARMUP; w += 1) (ind.library(qdf, q), ind.floor(q));
      const runs: Record<Impl, Run[]> = { library: [], floor: [], danfojs: [] };
      for (let r = 0; r < Math.max(RUNS, danfoRuns); r += 1) {
        if (r < RUNS) runs.library.push(timed(() => ind.library(qdf, q)).run);
        if (r < RUNS) runs.floor.push(timed(() => ind.floor(q)).run);
        if (r < danfoRuns) {
          const d = timed(() => ind.danfo!(frame, p));
          runs.danfojs.push(d.run);
          heap = Math.max(heap, process.memoryUsage().heapUsed - heap0);
        }
      }
      for (const impl of ["library", "floor", "danfojs"] as Impl[]) {
        const rs = runs[impl];
        cells.push({
          indicator: ind.name,
          scale,
          rows,
          implementation: impl,
          runs: rs,
          wall: rs.length ? median(rs.map((x) => x.wall)) : null,
          cpu: rs.length ? median(rs.map((x) => x.cpu)) : null,
          agreementRunWall: impl === "library" ? lib.run.wall : impl === "floor" ? floor.run.wall : (dan?.run.wall ?? null),
          valuesCompared: impl === "danfojs" && !dan ? 0 : compared,
          note: impl === "danfojs" ? note : undefined,
        });
      }
      if (scale === 1 && runs.danfojs.length) danfo1x.set(ind.name, { run: median(runs.danfojs.map((x) => x.wall)), build, heap });
      const w = (impl: Impl): string => {
        const c = cells[cells.length - 3 + ["library", "floor", "danfojs"].indexOf(impl)]!;
        return c.wall === null ? "—" : `${c.wall.toFixed(4)} s (cpu ${c.cpu!.toFixed(4)})`;
      };
      console.log(
        `  ${ind.name.padEnd(22)} library ${w("library")} · floor ${w("floor")} · danfojs ${w("danfojs")} · ${compared.toLocaleString("en")} values agree`,
      );
    }
    frame = null;
  }
  const report: BenchReport = {
    generated_by: "npm run bench (bench/run.ts)",
    data: "SYNTHETIC panel (seeded generator in bench/synthetic.ts), not real data",
    started: started.toISOString(),
    finished: new Date().toISOString(),
    loadavg: { start: loadStart, end: loadavg() },
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? "?", node: process.version, heapLimitGB: heapLimit / 1e9 },
    runs: RUNS,
    warmup: WARMUP,
    danfojsRuns: DANFO_RUNS,
    danfojsBudget10xSeconds: DANFO_BUDGET_10X_S,
    scales: SCALES,
    gcBeforeEachRun: false,
    agreement: `before timing, at every scale, the full outputs of all implementations run agree within ${TOL} (relative above 1), every column and row in the library's order`,
    cells,
  };
  mkdirSync(join(__dirname, "..", "build"), { recursive: true });
  writeFileSync(join(__dirname, "..", "build", "bench.json"), JSON.stringify(report, null, 2) + "\n");
  const table = benchTable(report);
  writeFileSync(join(__dirname, "..", "build", "bench.md"), table);
  console.log(`\n${table}\nwrote build/bench.json and build/bench.md`);
}

main();
