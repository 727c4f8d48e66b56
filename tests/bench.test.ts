/**
 * The benchmark's implementations (library, floor, pandas where installed) give the same full output on a
 * small SYNTHETIC panel, with string and Int32 keys, sorted and shuffled — so the timings compare like
 * with like; the floor refuses what the library refuses and does not depend on row order; the table's
 * ratios and verdicts are computed right (hand-made fixture).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diversityFloor, FloorInputError, lqFloor } from "../bench/floor";
import { aggregateFloor, shiftShareFloor } from "../bench/floorShiftAggregate";
import { INDICATORS, agree, check, inputOf, numeric } from "../bench/indicators";
import { startPandas, startPandasWith, type Pandas } from "../bench/pandas";
import { mappingOf, rowsOf, shuffledPanel, syntheticPanel, type Rows } from "../bench/synthetic";
import { benchTable, type BenchReport, type Cell } from "../bench/table";
import { limit } from "./support/limits";

const p = syntheticPanel(0.01, 3); // 4 regions × 88 sectors × 25 years
const shuffled = shuffledPanel(p);
const inputs = (["string", "int32"] as const).flatMap((k) => (["sorted", "shuffled"] as const).map((o) => inputOf(p, shuffled, k, o)));
const cases = INDICATORS.flatMap((ind) => inputs.map((x) => [`${ind.name}, ${x.keys} keys, ${x.order}`, ind, x] as const));

describe("benchmark implementations", () => {
  it.each(cases)("%s: library and floor agree on every column and row", (_n, ind, x) => {
    const values = check(ind, ind.library(x), ind.floor(x));
    const rows = ind.library(x).height;
    expect(values).toBe(rows * (ind.keys.length + ind.values.length));
  });

  it("shuffled inputs really are shuffled, and string keys are strings", () => {
    expect(Array.from(shuffled.value)).not.toEqual(Array.from(p.value));
    expect(rowsOf(p, "string").region[0]).toBe("M00000");
    expect(rowsOf(p, "string").sector[87]).toBe("S087");
  });

  it("the check catches a corrupted floor value, a wrong key and a missing column", () => {
    const [ind, x] = [INDICATORS[0]!, inputs[1]!];
    const floor = ind.floor(x);
    (floor["lq"] as Float64Array)[5] = (floor["lq"] as Float64Array)[5]! * 1.01;
    expect(() => check(ind, ind.library(x), floor)).toThrow(/floor lq: value 5 differs/);
    const keyed = ind.floor(x);
    (keyed["sector"] as string[])[0] = "S001"; // library row 0 is S000
    expect(() => check(ind, ind.library(x), keyed)).toThrow(/floor sector: value 0 differs/);
    const { share: _share, ...fewer } = ind.floor(x);
    expect(() => check(ind, ind.library(x), fewer)).toThrow(/floor columns/);
  });

  it("the floor gives the same sorted output whatever the row order (to 1e-9)", () => {
    for (const kind of ["string", "int32"] as const) {
      const [a, b] = [rowsOf(p, kind), rowsOf(shuffled, kind)];
      const m = mappingOf(p, kind);
      for (const [x, y] of [
        [lqFloor(a), lqFloor(b)],
        [diversityFloor(a), diversityFloor(b)],
        [shiftShareFloor(a, 1984, 2008), shiftShareFloor(b, 1984, 2008)],
        [aggregateFloor(a, m), aggregateFloor(b, m)],
      ]) {
        expect(Object.keys(y!)).toEqual(Object.keys(x!));
        for (const k of Object.keys(x!)) expect(() => agree(k, numeric(x![k]!), numeric(y![k]!))).not.toThrow();
      }
    }
  });

  it("the floor's aggregation sums by hand: two municipalities of one region, one of another", () => {
    const x: Rows = {
      kind: "string",
      region: ["B", "A", "C", "A"],
      sector: ["s", "s", "s", "t"],
      year: Int32Array.of(1, 1, 1, 1),
      value: Float64Array.of(2, 3, 7, -1),
    };
    const out = aggregateFloor(x, { municipality: ["A", "B", "C"], region: ["R2", "R1", "R1"], regionType: ["T", "T", "T"] });
    // R1 = B + C in sector s (2 + 7 = 9); R2 = A: s 3, t −1
    expect(out["region"]).toEqual(["R1", "R2", "R2"]);
    expect(out["sector"]).toEqual(["s", "s", "t"]);
    expect(Array.from(out["value"] as Float64Array)).toEqual([9, 3, -1]);
  });

  it("the floor refuses a NaN or negative amount, a duplicate key, a zero total, a missing year, an unmapped municipality", () => {
    const bad = (f: (q: Rows) => void, kind: "string" | "int32" = "string"): Rows => {
      const r = rowsOf(p, kind);
      const q = { ...r, region: r.region.slice(), sector: r.sector.slice(), year: r.year.slice(), value: r.value.slice() } as Rows;
      f(q);
      return q;
    };
    const m = mappingOf(p, "string");
    for (const kind of ["string", "int32"] as const)
      for (const q of [bad((q) => (q.value[3] = NaN), kind), bad((q) => (q.value[3] = -1), kind)]) {
        expect(() => lqFloor(q)).toThrow(FloorInputError);
        expect(() => diversityFloor(q)).toThrow(FloorInputError);
        expect(() => shiftShareFloor(q, 1984, 2008)).toThrow(FloorInputError);
      }
    expect(() =>
      aggregateFloor(
        bad((q) => (q.value[3] = Infinity)),
        m,
      ),
    ).toThrow(FloorInputError);
    expect(() =>
      aggregateFloor(
        bad((q) => (q.value[3] = 2 ** 53)),
        m,
      ),
    ).toThrow(/beyond/);
    const dup = bad((q) => (q.sector[1] = q.sector[0]!));
    expect(() => lqFloor(dup)).toThrow(/duplicate/);
    expect(() => diversityFloor(dup)).toThrow(/duplicate/);
    expect(() => shiftShareFloor(dup, 1984, 2008)).toThrow(/duplicate/);
    expect(() => aggregateFloor(dup, m)).toThrow(/duplicate/);
    // rows 0 … 87 are year 1984, region 0: all zero
    const zero = bad((q) => q.value.fill(0, 0, p.nSectors));
    expect(() => lqFloor(zero)).toThrow(/zero total/);
    expect(() => diversityFloor(zero)).toThrow(/zero total/);
    const gap = bad((q) => (q.year[0] = 1985 + p.nYears)); // region 0, sector 0 loses 1984
    expect(() => shiftShareFloor(gap, 1984, 2008)).toThrow(/lacks a year/);
    expect(() =>
      aggregateFloor(
        bad((q) => ((q.region as string[])[5] = "M99999")),
        m,
      ),
    ).toThrow(/not in the mapping/);
  });
});

describe("pandas agrees with the library (skipped, with the reason, where the Python has no pandas)", () => {
  let pandas: Pandas | undefined;
  afterAll(() => pandas?.close());
  it("on every column and row of every kernel, key type and row order", { timeout: limit(20_000) }, async (ctx) => {
    const started = await startPandas();
    if (typeof started === "string") return ctx.skip(started);
    pandas = started;
    await pandas.load(p);
    for (const [name, ind, x] of cases) {
      const out = await pandas.output(ind.kernel, x.keys, x.order);
      const rows = ind.library(x).height;
      expect(check(ind, ind.library(x), ind.floor(x), out), name).toBe(2 * rows * (ind.keys.length + ind.values.length));
    }
    // a corrupted pandas value is caught
    const [, ind, x] = cases[0]!;
    const out = await pandas.output(ind.kernel, x.keys, x.order);
    out["lq"]![2] = out["lq"]![2]! + 1;
    expect(() => check(ind, ind.library(x), ind.floor(x), out)).toThrow(/pandas lq: value 2 differs/);
  });

  it("a missing Python, or a Python whose pandas fails to import, is reported in one line, not failed", { timeout: limit(10_000) }, async () => {
    expect(await startPandasWith("/nonexistent/python3")).toMatch(/^pandas not run: \/nonexistent\/python3 did not start/);
    // a pandas package that cannot be imported, put first on the path
    const dir = mkdtempSync(join(tmpdir(), "no-pandas-"));
    mkdirSync(join(dir, "pandas"));
    writeFileSync(join(dir, "pandas", "__init__.py"), "raise ImportError('no pandas here')\n");
    const prev = process.env["PYTHONPATH"];
    process.env["PYTHONPATH"] = dir;
    try {
      const r = await startPandasWith("/usr/bin/python3");
      if (typeof r !== "string") r.close();
      expect(r).toBe("pandas not run: /usr/bin/python3 has no pandas (ImportError: no pandas here); on Debian: apt-get install python3-pandas");
    } finally {
      if (prev === undefined) delete process.env["PYTHONPATH"];
      else process.env["PYTHONPATH"] = prev;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("benchmark table", () => {
  const runs = (cpu: number[], wall = cpu) => cpu.map((c, round) => ({ cpu: c, wall: wall[round]!, round, position: 0, load1: 2 + round }));
  const cell = (implementation: Cell["implementation"], cpu: number[], keys = "string", order = "shuffled"): Cell => ({
    indicator: "location quotient",
    scale: 1,
    rows: 1_000_000,
    keys,
    order,
    implementation,
    runs: runs(cpu),
    valuesCompared: 1,
  });
  const report: BenchReport = {
    generated_by: "test",
    data: "a hand-made fixture",
    started: "2025-01-01T00:00:00Z",
    finished: "2025-01-01T00:01:00Z",
    loadavg: { start: [0.5, 0.25, 0.125], end: [1, 2, 3] },
    machine: { cpus: 2, cpuModel: "test cpu", node: "v20", polarsThreads: "2", pandas: "pandas 1.5.3" },
    rounds: 3,
    warmup: 2,
    scales: [1],
    peakRssMB: { "1": { node: 900, pandas: 1200 } },
    agreement: "agreed",
    cells: [
      cell("library", [0.4, 0.6, 0.8]),
      cell("floor", [0.1, 0.1, 0.2]),
      cell("pandas", [0.8, 0.6, 1.6]),
      cell("library", [0.1, 0.1, 0.1], "int32", "sorted"),
      cell("floor", [0.1, 0.1, 0.1], "int32", "sorted"),
      { ...cell("pandas", [], "int32", "sorted"), note: "no pandas" },
    ],
  };
  const table = benchTable(report);

  it("computes medians, spreads, per-round ratios and verdicts", () => {
    // library 0.4, 0.6, 0.8 → median 0.6; floor median 0.1; per-round library ÷ floor 4, 6, 4 → median 4.0 (4.0–6.0) > 3: missed
    // pandas ÷ library per round 2, 1, 2 → 2.0 (1.0–2.0) > 1: met; 0.6 CPU s per 1 M rows > 0.5: missed; load 2–4
    expect(table).toContain(
      "| 1× (1,000,000) | location quotient | string, shuffled | 0.600 (0.400–0.800); wall 0.600 | 0.100 (0.100–0.200); wall 0.100 | 0.800 (0.600–1.60); wall 0.800 | 4.0× (4.0–6.0); wall 4.0× (**missed**) | 2.0× (1.0–2.0); wall 2.0× (met) | 0.600 (**missed**) | 2.0–4.0 |",
    );
    // int32 sorted: no verdicts (targets are for string keys, shuffled rows); pandas not run, with the reason
    expect(table).toContain(
      "| int32, sorted | 0.100 (0.100–0.100); wall 0.100 | 0.100 (0.100–0.100); wall 0.100 | not run (no pandas) | 1.0× (1.0–1.0); wall 1.0× | — | 0.100 | 2.0–4.0 |",
    );
    expect(table).toContain("at start 0.50 / 0.25 / 0.13, at end 1.00 / 2.00 / 3.00");
    expect(table).toContain("1× 900 / 1200");
    expect(table).toMatch(
      /Targets missed: location quotient \(string keys, shuffled\) at 1×: library ÷ floor 4\.0× by CPU .*0\.60 CPU s per million rows/,
    );
  });
});
