/**
 * `npm run bench` — location quotients, Shannon/HHI diversity, Dunn shift-share and the region
 * aggregation on a seeded SYNTHETIC national-scale panel at 0.1×, 1× and 10× (1× = 428 × 88 × 25 ≈
 * 0.94 M rows), with string keys (as the notebooks have them) and Int32 keys, rows in key order and
 * shuffled, by three implementations: this library (nodejs-polars, input checks included), the floor
 * (bench/floor.ts: plain loops, the same checks and output) and pandas (bench/pandas_kernels.py; skipped,
 * with the reason stated, where /usr/bin/python3 has no pandas).
 *
 * For every scale, kernel, key type and row order (in random order): each implementation runs once and
 * the full outputs are checked to agree; WARMUP untimed calls follow; then ROUNDS rounds, each running
 * the three implementations back to back in a random order, recording CPU time (all threads), wall time
 * and the 1-minute load average before each run. Nothing is forced between runs (no GC).
 *
 * The notebook-sized frame (BENCH_SCALES item `notebook`, scale 0: 364 rows) is timed over 50 calls per run,
 * reported per call.
 *
 * Writes bench/results/bench.json and bench/results/bench.md (bench/table.ts). BENCH_SCALES=0.1,1
 * runs those scales only; BENCH_ROUNDS=n (≥ 3) sets the rounds. Bad settings: one line, exit 2.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { INDICATORS, TOL, check, inputOf, type Indicator, type Input } from "./indicators";
import { BENCH_JSON, BENCH_MD, BenchArgumentError, parseBenchRounds, parseBenchScales, RESULTS_DIR } from "./output";
import { startPandas, type Pandas } from "./pandas";
import { NOTEBOOK_SCALE, shuffledPanel, syntheticPanel } from "./synthetic";
import { benchTable, IMPLS, spread, type BenchReport, type Cell, type Impl, type Run, type TimedRun } from "./table";

/** Untimed calls of each implementation after the agreement run. */
const WARMUP = 2;
/** Calls per timed run on the notebook-sized frame (a call takes about a millisecond there); the time is per call. */
const NOTEBOOK_CALLS = 50;

/** CPU and wall time of `calls` calls of `fn`, per call. */
function timed(fn: () => unknown, calls = 1): Run {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < calls; i += 1) fn();
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  return { wall: wall / calls, cpu: (c.user + c.system) / 1e6 / calls };
}

function shuffle<T>(xs: T[]): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

async function measure(ind: Indicator, x: Input, scale: number, rounds: number, pandas: Pandas | null): Promise<Cell[]> {
  const base = { indicator: ind.name, scale, rows: x.rows.value.length, keys: x.keys, order: x.order };
  // the full outputs agree before anything is timed
  const compared = check(ind, ind.library(x), ind.floor(x), pandas ? await pandas.output(ind.kernel, x.keys, x.order) : undefined);
  const calls = scale === NOTEBOOK_SCALE ? NOTEBOOK_CALLS : 1;
  const run: Record<Impl, () => Promise<Run>> = {
    library: async () => timed(() => ind.library(x), calls),
    floor: async () => timed(() => ind.floor(x), calls),
    pandas: async () => pandas!.run(ind.kernel, x.keys, x.order, calls),
  };
  const impls = IMPLS.filter((i) => i !== "pandas" || pandas);
  for (let w = 0; w < WARMUP; w += 1) for (const i of impls) await run[i]();
  const runs: Record<Impl, TimedRun[]> = { library: [], floor: [], pandas: [] };
  for (let round = 0; round < rounds; round += 1) {
    const order = shuffle(impls);
    for (const [position, i] of order.entries()) {
      const load1 = loadavg()[0]!;
      runs[i].push({ ...(await run[i]()), round, position, load1 });
    }
  }
  return IMPLS.map((i) => ({ ...base, implementation: i, runs: runs[i], valuesCompared: i === "pandas" && !pandas ? 0 : compared }));
}

async function main(scales: number[], rounds: number): Promise<void> {
  const started = new Date();
  const loadStart = loadavg();
  const pandas = await startPandas();
  const pandasNote = typeof pandas === "string" ? pandas : `pandas: ${pandas.version}`;
  console.log(pandasNote);
  const cells: Cell[] = [];
  const peakRssMB: BenchReport["peakRssMB"] = {};
  for (const scale of scales) {
    const p = syntheticPanel(scale);
    const shuffled = shuffledPanel(p);
    const inputs = (["string", "int32"] as const).flatMap((k) => (["sorted", "shuffled"] as const).map((o) => inputOf(p, shuffled, k, o)));
    console.log(
      `\n[${scale === NOTEBOOK_SCALE ? "notebook" : `${scale}×`}] ${p.value.length.toLocaleString("en")} rows (${p.nRegions} regions × ${p.nSectors} industries × ${p.nYears} years, synthetic)`,
    );
    let pandasRss: number | null = null;
    if (typeof pandas !== "string") await pandas.load(p);
    for (const [ind, x] of shuffle(INDICATORS.flatMap((ind) => inputs.map((x) => [ind, x] as const)))) {
      const made = await measure(ind, x, scale, rounds, typeof pandas === "string" ? null : pandas);
      for (const c of made) if (c.implementation === "pandas" && typeof pandas === "string") c.note = pandas.replace(/^pandas not run: /, "");
      cells.push(...made);
      const show = (c: Cell): string => (c.runs.length ? `${spread(c.runs.map((r) => r.cpu)).median.toFixed(4)} s cpu` : "—");
      console.log(
        `  ${ind.name.padEnd(22)} ${x.keys.padEnd(6)} ${x.order.padEnd(8)} ${made.map((c) => `${c.implementation} ${show(c)}`).join(" · ")} · load ${loadavg()[0]!.toFixed(1)}`,
      );
    }
    if (typeof pandas !== "string") pandasRss = await pandas.peakRssMB();
    peakRssMB[String(scale)] = { node: process.resourceUsage().maxRSS / 1024, pandas: pandasRss };
  }
  if (typeof pandas !== "string") pandas.close();
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
      polarsThreads: process.env["POLARS_MAX_THREADS"]
        ? `POLARS_MAX_THREADS=${process.env["POLARS_MAX_THREADS"]}`
        : `polars' default, one per CPU (${cpus().length})`,
      pandas: pandasNote,
    },
    rounds,
    warmup: WARMUP,
    scales,
    peakRssMB,
    agreement: `before timing, for every scale, kernel, key type and row order, the full outputs of all implementations run agree within ${TOL} (relative above 1), every column and row in the library's order`,
    cells,
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(BENCH_JSON, JSON.stringify(report, null, 1) + "\n");
  const table = benchTable(report);
  writeFileSync(BENCH_MD, table);
  console.log(`\n${table}\nwrote bench/results/bench.json and bench/results/bench.md`);
}

let settings: [number[], number];
try {
  settings = [parseBenchScales(process.env["BENCH_SCALES"]), parseBenchRounds(process.env["BENCH_ROUNDS"])];
} catch (e) {
  if (!(e instanceof BenchArgumentError)) throw e;
  console.error(`bench: ${e.message}`);
  process.exit(2);
}
void main(...settings);
