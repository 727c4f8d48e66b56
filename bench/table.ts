/**
 * The README's performance table, generated from bench/results/bench.json:
 * `npx tsx bench/table.ts` writes bench/results/bench.md and prints it (bench/run.ts
 * does the same at the end of a run). Ratios are of median wall times;
 * targets (issue 11): library ÷ floor ≤ 5 (LQ, shift-share) and ≤ 2.5
 * (diversity) and ≤ 0.5 s per million rows at 1× and above; danfojs ÷
 * library ≥ 20 wherever danfojs ran.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { BENCH_JSON, BENCH_MD } from "./output";

export type Impl = "library" | "floor" | "danfojs";
export interface Run {
  wall: number;
  cpu: number;
}
export interface Cell {
  indicator: string;
  scale: number;
  rows: number;
  implementation: Impl;
  runs: Run[];
  /** Medians over `runs` (seconds); null when not run. */
  wall: number | null;
  cpu: number | null;
  agreementRunWall: number | null;
  valuesCompared: number;
  note?: string;
}
export interface BenchReport {
  generated_by: string;
  data: string;
  started: string;
  finished: string;
  loadavg: { start: number[]; end: number[] };
  machine: { cpus: number; cpuModel: string; node: string; heapLimitGB: number };
  runs: number;
  warmup: number;
  danfojsRuns: Record<number, number>;
  danfojsBudget10xSeconds: number;
  scales: number[];
  gcBeforeEachRun: boolean;
  agreement: string;
  cells: Cell[];
}

/** Largest library ÷ floor ratio allowed, by indicator. */
export const FLOOR_TARGET: Record<string, number> = {
  "location quotient": 5,
  "location quotient, rows shuffled": 5,
  "Shannon/HHI diversity": 2.5,
  "Dunn shift-share": 5,
};
export const SECONDS_PER_MILLION_TARGET = 0.5;
export const DANFO_TARGET = 20;
/**
 * Why a child process of the benchmark failed, in one phrase read off its stderr: V8's fatal
 * out-of-memory report, a stack overflow, or the first `SomethingError: message` line.
 * @example
 * childFailureReason("FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory") // "out of memory (JavaScript heap)"
 */
export function childFailureReason(stderr: string): string {
  if (/JavaScript heap out of memory/.test(stderr)) return "out of memory (JavaScript heap)";
  if (/Maximum call stack size exceeded/.test(stderr)) return "stack overflow (RangeError: Maximum call stack size exceeded)";
  const line = stderr.split("\n").find((l) => /^\s*[A-Za-z]*Error(\s\[[A-Z_]+\])?:/.test(l));
  return line ? line.trim().slice(0, 200) : "no error message";
}

/** The floor and per-row targets apply from this scale up (at 0.1× a query's fixed cost dominates). */
export const TARGET_MIN_SCALE = 1;

const secs = (x: number): string => (x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x >= 0.01 ? x.toFixed(3) : x.toFixed(4));
const verdict = (ok: boolean): string => (ok ? "met" : "**missed**");

/** Markdown: one row per scale and indicator, then the targets met and missed. */
export function benchTable(r: BenchReport): string {
  const get = (ind: string, scale: number, impl: Impl): Cell | undefined =>
    r.cells.find((c) => c.indicator === ind && c.scale === scale && c.implementation === impl);
  const load = (xs: number[]): string => xs.map((x) => x.toFixed(2)).join(" / ");
  const danfoRuns = Object.entries(r.danfojsRuns)
    .map(([s, n]) => `${n} at ${s}×`)
    .join(", ");
  const lines = [
    `Benchmark on ${r.data}; ${r.started.slice(0, 10)}, ${r.machine.cpus} × ${r.machine.cpuModel}, Node ${r.machine.node}.`,
    `Load average (1 / 5 / 15 min) at start ${load(r.loadavg.start)}, at end ${load(r.loadavg.end)}.`,
    `Median wall time of ${r.runs} interleaved rounds (danfojs: ${danfoRuns}), CPU time (all threads) in parentheses; ` +
      `the library and the floor had ${r.warmup} untimed warm-up calls${r.gcBeforeEachRun ? "; a full garbage collection before each run" : ""}.`,
    `${r.agreement[0]!.toUpperCase()}${r.agreement.slice(1)}.`,
    "",
    "| scale (rows) | indicator | library | floor | danfojs | library ÷ floor | danfojs ÷ library | library s per M rows |",
    "|---|---|---|---|---|---|---|---|",
  ];
  const missed: string[] = [];
  const notes: string[] = [];
  for (const scale of r.scales) {
    for (const ind of Object.keys(FLOOR_TARGET)) {
      const [lib, floor, dan] = [get(ind, scale, "library"), get(ind, scale, "floor"), get(ind, scale, "danfojs")];
      if (!lib?.wall || !floor?.wall) continue;
      const targeted = scale >= TARGET_MIN_SCALE;
      const ratio = lib.wall / floor.wall;
      const perM = (lib.wall / lib.rows) * 1e6;
      const cellText = (c: Cell): string => `${secs(c.wall!)} s (${secs(c.cpu!)})`;
      const floorOk = ratio <= FLOOR_TARGET[ind]!;
      const perMOk = perM <= SECONDS_PER_MILLION_TARGET;
      let danText = dan?.note && dan.wall === null ? `not run (${dan.note.replace(/^not run: /, "")})` : "—";
      let danRatio = "—";
      if (dan?.wall) {
        danText = cellText(dan);
        if (dan.note) notes.push(`danfojs, ${ind} at ${scale}×: ${dan.note}.`);
        const q = dan.wall / lib.wall;
        danRatio = `${q.toFixed(q >= 10 ? 0 : 1)}× (≥ ${DANFO_TARGET}: ${verdict(q >= DANFO_TARGET)})`;
        if (q < DANFO_TARGET) missed.push(`danfojs ÷ library for ${ind} at ${scale}×: ${q.toFixed(1)}× (target ≥ ${DANFO_TARGET}×)`);
      }
      if (targeted && !floorOk) missed.push(`library ÷ floor for ${ind} at ${scale}×: ${ratio.toFixed(1)}× (target ≤ ${FLOOR_TARGET[ind]}×)`);
      if (targeted && !perMOk) missed.push(`${ind} at ${scale}×: ${perM.toFixed(2)} s per million rows (target ≤ ${SECONDS_PER_MILLION_TARGET})`);
      lines.push(
        [
          `${scale}× (${lib.rows.toLocaleString("en")})`,
          ind,
          cellText(lib),
          cellText(floor),
          danText,
          `${ratio.toFixed(1)}×` + (targeted ? ` (≤ ${FLOOR_TARGET[ind]}: ${verdict(floorOk)})` : ""),
          danRatio,
          perM.toFixed(3) + (targeted ? ` (≤ ${SECONDS_PER_MILLION_TARGET}: ${verdict(perMOk)})` : ""),
        ]
          .join(" | ")
          .replace(/^/, "| ")
          .concat(" |"),
      );
    }
  }
  if (notes.length) lines.push("", ...notes);
  lines.push("", missed.length ? `Targets missed: ${missed.join("; ")}.` : "All targets met where measured.", "");
  return lines.join("\n");
}

if (require.main === module) {
  const table = benchTable(JSON.parse(readFileSync(BENCH_JSON, "utf8")) as BenchReport);
  writeFileSync(BENCH_MD, table);
  console.log(table);
}
