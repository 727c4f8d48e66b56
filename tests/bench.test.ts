/**
 * The benchmark's three implementations (library, typed-array floor,
 * danfojs-node) give the same full output on a small SYNTHETIC panel — so the
 * timings compare like with like — the floor refuses what the library
 * refuses and does not depend on row order, and the table is computed right.
 */
import { describe, expect, it } from "vitest";
import { toDanfo } from "../bench/danfo";
import { INDICATORS, agree, check } from "../bench/indicators";
import { shuffledPanel, syntheticPanel, toPolars, type Panel } from "../bench/synthetic";
import { benchTable, childFailureReason, type BenchReport, type Cell } from "../bench/table";
import { FloorInputError, diversityFloor, lqFloor, shiftShareFloor } from "../bench/typed";
import { limit } from "./support/limits";
import { runProcess } from "./support/spawn";

const p = syntheticPanel(0.01, 3);

/** The panel's rows in another order (a fixed permutation: i·7919 mod n). */
function permuted(q: Panel): Panel {
  const n = q.value.length;
  const idx = Array.from({ length: n }, (_, i) => (i * 7919) % n);
  expect(new Set(idx).size).toBe(n);
  const take = <T extends Int32Array | Float64Array>(a: T): T => a.map((_, i) => a[idx[i]!]!) as T;
  return { ...q, region: take(q.region), sector: take(q.sector), year: take(q.year), value: take(q.value) };
}

describe("benchmark implementations", () => {
  const df = toPolars(p);
  const d = toDanfo(p);
  it.each(INDICATORS.map((i) => [i.name, i] as const))(
    "%s: library, floor and danfojs agree on every column and row",
    (_n, ind) => {
      const q = ind.shuffled ? shuffledPanel(p) : p;
      if (ind.shuffled) expect(Array.from(q.value)).not.toEqual(Array.from(p.value));
      const values = check(ind, ind.library(toPolars(q), q), ind.floor(q), ind.danfo?.(d, p));
      const rows = ind.floor(p)[ind.keys[0]!]!.length;
      expect(values).toBe((ind.danfo ? 2 : 1) * rows * (ind.keys.length + ind.values.length));
    },
    limit(10_000),
  );

  it("the check catches a corrupted floor value, a missing column and a corrupted danfojs value", () => {
    const ind = INDICATORS[0]!;
    const floor = ind.floor(p);
    floor["lq"]![5] = floor["lq"]![5]! * 1.01;
    expect(() => check(ind, ind.library(df, p), floor)).toThrow(/floor lq: value 5 differs/);
    const { share: _share, ...fewer } = ind.floor(p);
    expect(() => check(ind, ind.library(df, p), fewer)).toThrow(/floor columns/);
    const dan = ind.danfo!(d, p) as { addColumn: (c: string, v: number[], o: object) => void; lq: { values: number[] } };
    dan.addColumn(
      "lq",
      dan.lq.values.map((x, i) => (i === 0 ? x + 1 : x)),
      { inplace: true },
    );
    expect(() => check(ind, ind.library(df, p), ind.floor(p), dan)).toThrow(/danfojs lq/);
  }, limit(10_000));

  it("the floor gives the same sorted output whatever the row order (to 1e-9)", () => {
    const q = permuted(p);
    for (const [a, b] of [
      [lqFloor(p), lqFloor(q)],
      [diversityFloor(p), diversityFloor(q)],
      [shiftShareFloor(p, 1984, 2008), shiftShareFloor(q, 1984, 2008)],
    ]) {
      expect(Object.keys(b!)).toEqual(Object.keys(a!));
      // sums in another order may differ in the last bits
      for (const k of Object.keys(a!)) expect(() => agree(k, a![k]!, b![k]!)).not.toThrow();
    }
  });

  it("the floor refuses a NaN or negative amount, a duplicate key, a zero total and a missing year", () => {
    const bad = (f: (q: Panel) => void): Panel => {
      const q = { ...p, region: p.region.slice(), sector: p.sector.slice(), year: p.year.slice(), value: p.value.slice() };
      f(q);
      return q;
    };
    for (const q of [bad((q) => (q.value[3] = NaN)), bad((q) => (q.value[3] = -1))]) {
      expect(() => lqFloor(q)).toThrow(FloorInputError);
      expect(() => diversityFloor(q)).toThrow(FloorInputError);
      expect(() => shiftShareFloor(q, 1984, 2008)).toThrow(FloorInputError);
    }
    const dup = bad((q) => (q.sector[1] = q.sector[0]!));
    expect(() => lqFloor(dup)).toThrow(/duplicate/);
    expect(() => diversityFloor(dup)).toThrow(/duplicate/);
    expect(() => shiftShareFloor(dup, 1984, 2008)).toThrow(/duplicate/);
    // rows 0 … 87 are year 1984, region 0: all zero
    const zero = bad((q) => q.value.fill(0, 0, p.nSectors));
    expect(() => lqFloor(zero)).toThrow(/zero total/);
    expect(() => diversityFloor(zero)).toThrow(/zero total/);
    const gap = bad((q) => (q.year[0] = 1985 + p.nYears)); // region 0, sector 0 loses 1984
    expect(() => shiftShareFloor(gap, 1984, 2008)).toThrow(/lacks a year/);
  });
});

describe("danfojs in its own process (the 10× path)", () => {
  it("checks the full output against the library's and the floor's and reports timed runs", async () => {
    const r = await runProcess(process.execPath, ["--import", "tsx", "bench/danfoChild.ts", "0.01", "Dunn shift-share", "2"]);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout.trim()) as { runs: { wall: number; cpu: number }[]; valuesCompared: number };
    expect(out.runs).toHaveLength(2);
    // 4 regions × 88 sectors, 8 columns, danfojs and floor each compared with the library
    expect(out.valuesCompared).toBe(2 * 4 * 88 * 8);
  }, limit(10_000));
});

describe("benchmark table", () => {
  const cell = (indicator: string, implementation: Cell["implementation"], wall: number | null, note?: string): Cell => ({
    indicator,
    scale: 1,
    rows: 1_000_000,
    implementation,
    runs: wall === null ? [] : [{ wall, cpu: wall * 2 }],
    wall,
    cpu: wall === null ? null : wall * 2,
    agreementRunWall: wall,
    valuesCompared: 1,
    note,
  });
  const report: BenchReport = {
    generated_by: "test",
    data: "a hand-made fixture",
    started: "2025-01-01T00:00:00Z",
    finished: "2025-01-01T00:01:00Z",
    loadavg: { start: [0.5, 0.25, 0.125], end: [1, 2, 3] },
    machine: { cpus: 2, cpuModel: "test cpu", node: "v20", heapLimitGB: 4 },
    runs: 5,
    warmup: 3,
    danfojsRuns: { 1: 3 },
    danfojsBudget10xSeconds: 150,
    scales: [1],
    gcBeforeEachRun: true,
    agreement: "agreed",
    cells: [
      cell("location quotient", "library", 0.2),
      cell("location quotient", "floor", 0.1),
      { ...cell("location quotient", "danfojs", 3), note: "run in its own process" },
      cell("Shannon/HHI diversity", "library", 0.6),
      cell("Shannon/HHI diversity", "floor", 0.2),
      cell("Shannon/HHI diversity", "danfojs", null, "not run: too slow"),
    ],
  };
  const table = benchTable(report);

  it("computes the ratios and verdicts", () => {
    // LQ: 0.2 / 0.1 = 2.0× ≤ 5 met; danfojs 3 / 0.2 = 15× < 20 missed; 0.2 s / 1 M rows = 0.200 s per M rows ≤ 0.5 met
    expect(table).toContain(
      "| 1× (1,000,000) | location quotient | 0.200 s (0.400) | 0.100 s (0.200) | 3.00 s (6.00) | 2.0× (≤ 5: met) | 15× (≥ 20: **missed**) | 0.200 (≤ 0.5: met) |",
    );
    // diversity: 0.6 / 0.2 = 3.0× > 2.5 missed; 0.600 s per M rows > 0.5 missed; danfojs not run, with the reason
    expect(table).toContain(
      "| Shannon/HHI diversity | 0.600 s (1.20) | 0.200 s (0.400) | not run (too slow) | 3.0× (≤ 2.5: **missed**) | — | 0.600 (≤ 0.5: **missed**) |",
    );
    expect(table).toContain("at start 0.50 / 0.25 / 0.13, at end 1.00 / 2.00 / 3.00");
    expect(table).toContain("danfojs, location quotient at 1×: run in its own process.");
    expect(table).toMatch(
      /Targets missed: danfojs ÷ library for location quotient at 1×: 15\.0× .*library ÷ floor for Shannon\/HHI diversity at 1×: 3\.0×/,
    );
  });
});

describe("childFailureReason", () => {
  it("names out-of-memory, a stack overflow, the first error line, or says there is none", () => {
    const oom =
      "<--- Last few GCs --->\n\nFATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n 1: 0xb8d0a3 node::Abort() [/usr/bin/node]\n16: 0x195e476  [/usr/bin/node]";
    expect(childFailureReason(oom)).toBe("out of memory (JavaScript heap)");
    const so = "file:///x.js:1\n    at merge (x.js:3:9)\nRangeError: Maximum call stack size exceeded\n    at f (x.js:1:1)\n\nNode.js v20.20.2";
    expect(childFailureReason(so)).toBe("stack overflow (RangeError: Maximum call stack size exceeded)");
    expect(childFailureReason("at a\nTypeError: x is not a function\n    at b\nNode.js v20.20.2")).toBe("TypeError: x is not a function");
    expect(childFailureReason("Error [ERR_MODULE_NOT_FOUND]: Cannot find module 'y'")).toBe("Error [ERR_MODULE_NOT_FOUND]: Cannot find module 'y'");
    expect(childFailureReason("Node.js v20.20.2\n")).toBe("no error message");
  });
});
