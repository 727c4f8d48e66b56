/**
 * The README's performance table, generated from bench/results/bench.json: `npx tsx bench/table.ts`
 * writes bench/results/bench.md and prints it (bench/run.ts does the same at the end of a run).
 * Every figure is CPU time (process.cpuUsage / Python's process_time: all threads) with wall time beside
 * it, as the median of interleaved rounds with its min–max, and the 1-minute load average over the
 * rounds. Ratios are medians of per-round ratios (the implementations of a round ran back to back, in
 * random order), with their min–max. Targets (issue 23), for string keys and shuffled rows at 1× and
 * above: library ÷ floor ≤ 3 by CPU, pandas ÷ library > 1 by CPU, ≤ 0.5 CPU s per million rows.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { BENCH_JSON, BENCH_MD } from "./output";

export type Impl = "library" | "floor" | "pandas";
export const IMPLS: Impl[] = ["library", "floor", "pandas"];

export interface Run {
  wall: number;
  cpu: number;
}
export interface TimedRun extends Run {
  /** Round number and the place in its round (0 = first). */
  round: number;
  position: number;
  /** 1-minute load average just before the run. */
  load1: number;
}
export interface Cell {
  indicator: string;
  scale: number;
  rows: number;
  keys: string;
  order: string;
  implementation: Impl;
  runs: TimedRun[];
  valuesCompared: number;
  note?: string;
}
export interface BenchReport {
  generated_by: string;
  data: string;
  started: string;
  finished: string;
  loadavg: { start: number[]; end: number[] };
  machine: { cpus: number; cpuModel: string; node: string; polarsThreads: string; pandas: string };
  rounds: number;
  warmup: number;
  scales: number[];
  /** Peak resident memory (MB) after each scale: this process, and the pandas process. */
  peakRssMB: Record<string, { node: number; pandas: number | null }>;
  agreement: string;
  cells: Cell[];
}

export const FLOOR_TARGET = 3;
export const SECONDS_PER_MILLION_TARGET = 0.5;
export const TARGET_MIN_SCALE = 1;
/** On the notebook-sized frame (scale 0) the library is to be within this factor of pandas' CPU time (issue 23, item 1). */
export const NOTEBOOK_PANDAS_FACTOR = 2;
/** How a scale is written: `notebook` for scale 0, else `0.1×`. */
export const scaleLabel = (scale: number): string => (scale === 0 ? "notebook" : `${scale}×`);

export interface Spread {
  median: number;
  min: number;
  max: number;
}
export function spread(xs: number[]): Spread {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  return { median: m, min: s[0]!, max: s[s.length - 1]! };
}

const secs = (x: number): string => (x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x >= 0.01 ? x.toFixed(3) : x.toFixed(4));
const ratio = (x: number): string => (x >= 10 ? x.toFixed(0) : x.toFixed(1));
const verdict = (ok: boolean): string => (ok ? "met" : "**missed**");

/** Per-round ratios a ÷ b of one measure (rounds where both ran). */
export function roundRatios(a: TimedRun[], b: TimedRun[], m: keyof Run): number[] {
  return a.flatMap((x) => b.filter((y) => y.round === x.round).map((y) => x[m] / y[m]));
}

function timeText(c: Cell | undefined): string {
  if (!c?.runs.length) return c?.note ? `not run (${c.note})` : "—";
  const [cpu, wall] = [spread(c.runs.map((r) => r.cpu)), spread(c.runs.map((r) => r.wall))];
  return `${secs(cpu.median)} (${secs(cpu.min)}–${secs(cpu.max)}); wall ${secs(wall.median)}`;
}

function ratioText(a: Cell | undefined, b: Cell | undefined): { text: string; cpu: number | null } {
  if (!a?.runs.length || !b?.runs.length) return { text: "—", cpu: null };
  const [c, w] = [spread(roundRatios(a.runs, b.runs, "cpu")), spread(roundRatios(a.runs, b.runs, "wall"))];
  return { text: `${ratio(c.median)}× (${ratio(c.min)}–${ratio(c.max)}); wall ${ratio(w.median)}×`, cpu: c.median };
}

/** Markdown: one row per scale, kernel, key type and row order; then the targets met and missed. */
export function benchTable(r: BenchReport): string {
  const get = (ind: string, scale: number, keys: string, order: string, impl: Impl): Cell | undefined =>
    r.cells.find((c) => c.indicator === ind && c.scale === scale && c.keys === keys && c.order === order && c.implementation === impl);
  const load = (xs: number[]): string => xs.map((x) => x.toFixed(2)).join(" / ");
  const lines = [
    `Benchmark on ${r.data}; ${r.started.slice(0, 10)}, ${r.machine.cpus} × ${r.machine.cpuModel}, Node ${r.machine.node}; ` +
      `polars threads: ${r.machine.polarsThreads}; ${r.machine.pandas}.`,
    `Load average (1 / 5 / 15 min) at start ${load(r.loadavg.start)}, at end ${load(r.loadavg.end)}; each row gives the 1-minute load over its runs.`,
    `CPU seconds (all threads), median of ${r.rounds} rounds with min–max, wall median after it; the implementations of a round in random order; ` +
      `${r.warmup} untimed warm-up calls first. Ratios: median of per-round ratios by CPU (min–max), wall after it.`,
    `${r.agreement[0]!.toUpperCase()}${r.agreement.slice(1)}.`,
    `Peak resident memory (MB, node / pandas process) after each scale: ${Object.entries(r.peakRssMB)
      .map(([s, m]) => `${scaleLabel(Number(s))} ${m.node.toFixed(0)} / ${m.pandas === null ? "—" : m.pandas.toFixed(0)}`)
      .join(", ")}.`,
    "",
    "| scale (rows) | kernel | keys, rows | library CPU s | floor CPU s | pandas CPU s | library ÷ floor | pandas ÷ library | library CPU s per M rows | load (1 min) |",
    "|---|---|---|---|---|---|---|---|---|---|",
  ];
  const missed: string[] = [];
  const combos = ["string\tsorted", "string\tshuffled", "int32\tsorted", "int32\tshuffled"];
  for (const scale of r.scales)
    for (const ind of [...new Set(r.cells.map((c) => c.indicator))].sort())
      for (const combo of combos) {
        const [keys, order] = combo.split("\t") as [string, string];
        const [lib, floor, pd] = [
          get(ind, scale, keys, order, "library"),
          get(ind, scale, keys, order, "floor"),
          get(ind, scale, keys, order, "pandas"),
        ];
        if (!lib?.runs.length) continue;
        const targeted = scale >= TARGET_MIN_SCALE && keys === "string" && order === "shuffled";
        const lf = ratioText(lib, floor);
        const pl = ratioText(pd, lib);
        const perM = (spread(lib.runs.map((x) => x.cpu)).median / lib.rows) * 1e6;
        const loads = spread([lib, floor, pd].flatMap((c) => c?.runs.map((x) => x.load1) ?? []));
        const where = `${ind} (string keys, shuffled) at ${scaleLabel(scale)}`;
        // the notebook-sized frame: within NOTEBOOK_PANDAS_FACTOR of pandas, every key type and row order
        const small = scale === 0 && pl.cpu !== null;
        if (small && pl.cpu! < 1 / NOTEBOOK_PANDAS_FACTOR)
          missed.push(`${ind} (${keys} keys, ${order}) on the notebook-sized frame: pandas ÷ library ${ratio(pl.cpu!)}× by CPU (target ≥ ${ratio(1 / NOTEBOOK_PANDAS_FACTOR)}: within ${NOTEBOOK_PANDAS_FACTOR}× of pandas)`);
        if (targeted && lf.cpu !== null && lf.cpu > FLOOR_TARGET)
          missed.push(`${where}: library ÷ floor ${ratio(lf.cpu)}× by CPU (target ≤ ${FLOOR_TARGET})`);
        if (targeted && pl.cpu !== null && pl.cpu <= 1) missed.push(`${where}: pandas ÷ library ${ratio(pl.cpu)}× by CPU (target > 1)`);
        if (targeted && perM > SECONDS_PER_MILLION_TARGET)
          missed.push(`${where}: ${perM.toFixed(2)} CPU s per million rows (target ≤ ${SECONDS_PER_MILLION_TARGET})`);
        const mark = (ok: boolean, text: string, on = targeted): string => (on ? `${text} (${verdict(ok)})` : text);
        lines.push(
          `| ${scaleLabel(scale)} (${lib.rows.toLocaleString("en")}) | ${ind} | ${keys}, ${order} | ${timeText(lib)} | ${timeText(floor)} | ${timeText(pd)} | ` +
            `${lf.cpu === null ? lf.text : mark(lf.cpu <= FLOOR_TARGET, lf.text)} | ${pl.cpu === null ? pl.text : small ? mark(pl.cpu >= 1 / NOTEBOOK_PANDAS_FACTOR, pl.text, true) : mark(pl.cpu > 1, pl.text)} | ` +
            `${mark(perM <= SECONDS_PER_MILLION_TARGET, perM.toFixed(3))} | ${loads.min.toFixed(1)}–${loads.max.toFixed(1)} |`,
        );
      }
  lines.push("", missed.length ? `Targets missed: ${missed.join("; ")}.` : "All targets met where measured.", "");
  return lines.join("\n");
}

if (require.main === module) {
  const table = benchTable(JSON.parse(readFileSync(BENCH_JSON, "utf8")) as BenchReport);
  writeFileSync(BENCH_MD, table);
  console.log(table);
}
