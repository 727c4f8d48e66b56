/**
 * `npm run bench` — location quotients, Shannon/HHI diversity and Dunn
 * shift-share on a seeded SYNTHETIC national-scale panel at 0.1×, 1× and 10×
 * (1× = 428 × 88 × 25 ≈ 0.94 M rows), by three implementations side by side:
 * this library (nodejs-polars, input checks included), the typed-array floor
 * (bench/typed.ts: same columns, same sorted rows, same refusals) and
 * danfojs-node (its natural output).
 *
 * At every scale, each implementation runs once and the full outputs are
 * checked to agree; the library and the floor then run WARMUP more times
 * untimed (V8 compiles the floor's loops only after its first calls; for
 * danfojs the agreement run is the warm-up); then timed rounds are
 * interleaved — library, floor, danfojs in each round — recording wall and
 * CPU time (process.cpuUsage: all threads, so V8's background GC and polars'
 * worker threads count too). No garbage collection is forced between runs: a
 * forced full collection was found to slow the run after it.
 *
 * The panel is generated in key order, in which the library's LQ finds its
 * rows already sorted and skips the sort; a shuffled copy measures the
 * sorting path too. danfojs runs fewer rounds (DANFO_RUNS); at 10× only
 * where its predicted cost fits DANFO_BUDGET_10X_S, and then in a process of
 * its own with a larger heap (bench/danfoChild.ts: its 10× frame alone takes
 * about 2.4 GB), after the library's and the floor's rounds.
 *
 * Writes bench/results/bench.json (with the load average at start and end) and
 * bench/results/bench.md (bench/table.ts); build/ is reproduce's. BENCH_SCALES=0.1 runs one
 * scale only (a comma list of positive numbers; anything else: one line, exit 2, nothing run).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { getHeapStatistics } from "node:v8";
import { toDanfo } from "./danfo";
import { INDICATORS, TOL, check, type Indicator } from "./indicators";
import { shuffledPanel, syntheticPanel, toPolars } from "./synthetic";
import { benchTable, childFailureReason, type BenchReport, type Cell, type Impl, type Run } from "./table";
import { BENCH_JSON, BENCH_MD, BenchArgumentError, parseBenchScales, RESULTS_DIR } from "./output";

/** Timed rounds of the library and the floor at every scale. */
const RUNS = 5;
/** Untimed calls of the library and the floor after the agreement run. */
const WARMUP = 3;
/** Timed rounds of danfojs (it takes seconds per run at 1×). */
const DANFO_RUNS: Record<number, number> = { 0.1: 5, 1: 3, 10: 1 };
/**
 * At 10×, danfojs runs for an indicator only if 10 × (its 1× frame build + (1 + DANFO_RUNS[10]) runs) fits
 * this (a linear prediction), and its process is stopped when it takes longer (danfojs's merges grow faster
 * than linearly: shift-share took 277 s per run at 10× in one trial, against 1.35 s at 1×).
 */
const DANFO_BUDGET_10X_S = 120;
/** Heap limit of the 10× danfojs process. */
const CHILD_HEAP_MB = 8192;

function timed<T>(fn: () => T): { run: Run; result: T } {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const result = fn();
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  return { run: { wall, cpu: (c.user + c.system) / 1e6 }, result };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface DanfoPlan {
  /** Timed danfojs runs in this process (0: none here). */
  runs: number;
  /** Run in a child process with this many timed runs. */
  child?: number;
  note?: string;
}

/** How danfojs runs for an indicator at a scale (measured 1× times predict 10×). */
function danfoPlan(ind: Indicator, scale: number, at1x: Map<string, { run: number; build: number }>): DanfoPlan {
  if (!ind.danfo) return { runs: 0, note: `not run: ${ind.why}` };
  if (scale < 10) return { runs: DANFO_RUNS[scale] ?? 1 };
  const m = at1x.get(ind.name);
  if (!m) return { runs: 0, note: "not run: no 1× measurement to predict from" };
  const predicted = 10 * (m.build + (1 + DANFO_RUNS[10]!) * m.run);
  if (predicted > DANFO_BUDGET_10X_S) {
    return {
      runs: 0,
      note: `not run: predicted ${predicted.toFixed(0)} s (10 × the 1× frame build and runs) exceeds the ${DANFO_BUDGET_10X_S} s budget`,
    };
  }
  return {
    runs: 0,
    child: DANFO_RUNS[10]!,
    note: `predicted ${predicted.toFixed(0)} s, within the ${DANFO_BUDGET_10X_S} s budget; run in its own process (heap ${CHILD_HEAP_MB / 1024} GB) after the library's and the floor's rounds`,
  };
}

/** danfojs in its own process (bench/danfoChild.ts), or a note saying why it failed. */
function danfoInChild(ind: Indicator, scale: number, runs: number): { runs: Run[]; agreementRunWall: number; valuesCompared: number } | string {
  const r = spawnSync(
    process.execPath,
    [`--max-old-space-size=${CHILD_HEAP_MB}`, "--import", "tsx", join(__dirname, "danfoChild.ts"), String(scale), ind.name, String(runs)],
    { encoding: "utf8", timeout: DANFO_BUDGET_10X_S * 1000, maxBuffer: 1 << 20 },
  );
  if (r.status !== 0) {
    if (r.error && /ETIMEDOUT/.test(String(r.error))) return `not run to the end: its process was stopped at the ${DANFO_BUDGET_10X_S} s budget`;
    const how = r.signal ? `was stopped (${r.signal})` : `exited ${r.status}`;
    return `not run to the end: its process ${how}: ${childFailureReason(r.stderr ?? "")}`;
  }
  return JSON.parse(r.stdout.trim().split("\n").slice(-1)[0]!);
}

function main(SCALES: number[]): void {
  const started = new Date();
  const loadStart = loadavg();
  const cells: Cell[] = [];
  const at1x = new Map<string, { run: number; build: number }>();
  for (const scale of SCALES) {
    const p = syntheticPanel(scale);
    const rows = p.value.length;
    const df = toPolars(p);
    const shuffled = shuffledPanel(p);
    const dfShuffled = toPolars(shuffled);
    console.log(`\n[${scale}×] ${rows.toLocaleString("en")} rows (${p.nRegions} regions × ${p.nSectors} industries × ${p.nYears} years, synthetic)`);
    const plans = INDICATORS.map((ind) => ({ ind, plan: danfoPlan(ind, scale, at1x) }));
    let frame: unknown = null;
    let build = 0;
    if (plans.some((x) => x.plan.runs > 0)) {
      const b = timed(() => toDanfo(p));
      [frame, build] = [b.result, b.run.wall];
      console.log(`  danfojs frame built in ${build.toFixed(1)} s (not timed below)`);
    }
    for (const { ind, plan } of plans) {
      const [q, qdf] = ind.shuffled ? [shuffled, dfShuffled] : [p, df];
      // the full outputs agree before anything is timed
      const lib = timed(() => ind.library(qdf, q));
      const floor = timed(() => ind.floor(q));
      const dan = plan.runs > 0 ? timed(() => ind.danfo!(frame, p)) : undefined;
      const compared = check(ind, lib.result, floor.result, dan?.result);
      for (let w = 0; w < WARMUP; w += 1) (ind.library(qdf, q), ind.floor(q));
      const runs: Record<Impl, Run[]> = { library: [], floor: [], danfojs: [] };
      for (let r = 0; r < Math.max(RUNS, plan.runs); r += 1) {
        if (r < RUNS) runs.library.push(timed(() => ind.library(qdf, q)).run);
        if (r < RUNS) runs.floor.push(timed(() => ind.floor(q)).run);
        if (r < plan.runs) runs.danfojs.push(timed(() => ind.danfo!(frame, p)).run);
      }
      let danfoAgreement = dan?.run.wall ?? null;
      let danfoCompared = dan ? compared : 0;
      let note = plan.note;
      if (plan.child !== undefined) {
        const c = danfoInChild(ind, scale, plan.child);
        if (typeof c === "string") note = `${note}; ${c}`;
        else [runs.danfojs, danfoAgreement, danfoCompared] = [c.runs, c.agreementRunWall, c.valuesCompared];
      }
      const cell = (impl: Impl, agreementRunWall: number | null, valuesCompared: number, n?: string): Cell => ({
        indicator: ind.name,
        scale,
        rows,
        implementation: impl,
        runs: runs[impl],
        wall: runs[impl].length ? median(runs[impl].map((x) => x.wall)) : null,
        cpu: runs[impl].length ? median(runs[impl].map((x) => x.cpu)) : null,
        agreementRunWall,
        valuesCompared,
        note: n,
      });
      const made = [
        cell("library", lib.run.wall, compared),
        cell("floor", floor.run.wall, compared),
        cell("danfojs", danfoAgreement, danfoCompared, note),
      ];
      cells.push(...made);
      if (scale === 1 && runs.danfojs.length) at1x.set(ind.name, { run: made[2]!.wall!, build });
      const show = (c: Cell): string => (c.wall === null ? "—" : `${c.wall.toFixed(4)} s (cpu ${c.cpu!.toFixed(4)})`);
      console.log(
        `  ${ind.name.padEnd(32)} library ${show(made[0]!)} · floor ${show(made[1]!)} · danfojs ${show(made[2]!)} · ${compared.toLocaleString("en")} values agree`,
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
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? "?",
      node: process.version,
      heapLimitGB: getHeapStatistics().heap_size_limit / 1e9,
    },
    runs: RUNS,
    warmup: WARMUP,
    danfojsRuns: DANFO_RUNS,
    danfojsBudget10xSeconds: DANFO_BUDGET_10X_S,
    scales: SCALES,
    gcBeforeEachRun: false,
    agreement: `before timing, at every scale, the full outputs of all implementations run agree within ${TOL} (relative above 1), every column and row in the library's order`,
    cells,
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(BENCH_JSON, JSON.stringify(report, null, 2) + "\n");
  const table = benchTable(report);
  writeFileSync(BENCH_MD, table);
  console.log(`\n${table}\nwrote bench/results/bench.json and bench/results/bench.md`);
}

let scales: number[];
try {
  scales = parseBenchScales(process.env["BENCH_SCALES"]);
} catch (e) {
  if (!(e instanceof BenchArgumentError)) throw e;
  console.error(`bench: ${e.message}`);
  process.exit(2);
}
main(scales);
