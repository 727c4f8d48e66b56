import { describe, expect, it } from "vitest";
import * as pl from "nodejs-polars";
import { firmDynamics, IndicatorInputError, syntheticFirmPanel, weightedRate } from "../../src/lib/index";

describe("weightedRate", () => {
  const df = pl.DataFrame({
    type: ["city", "city", "small", "small"],
    firms: pl.Series("firms", [100, 300, 50, 50], pl.Int64),
    pct: pl.Series("pct", [20, 10, null, 8], pl.Float64),
  });

  it("weights by the base and leaves unpublished rates out, reporting coverage", () => {
    const out = weightedRate(df, { rate: "pct", weight: "firms", by: ["type"] }).toRecords();
    // city: (100·20 + 300·10) / 400 = 12.5; small: only 50 firms at 8 % published → 8, coverage 0.5
    expect(out[0]).toMatchObject({ type: "city", rate: 12.5, weight_total: 400, weight_covered: 400, coverage: 1, units: 2, units_missing: 0 });
    expect(out[1]).toMatchObject({ type: "small", rate: 8, weight_total: 100, weight_covered: 50, coverage: 0.5, units: 2, units_missing: 1 });
  });

  it("without groups: one overall rate", () => {
    expect(weightedRate(df, { rate: "pct", weight: "firms" }).getColumn("rate").get(0)).toBeCloseTo((2000 + 3000 + 400) / 450, 12);
  });

  it("refuses unknown weights, empty frames and groups with no published rate", () => {
    const badW = df.withColumns(pl.Series("firms", [100, null, 50, 50], pl.Int64));
    expect(() => weightedRate(badW, { rate: "pct", weight: "firms" })).toThrow(/known weight/);
    expect(() => weightedRate(df.filter(pl.col("type").eq(pl.lit("none"))), { rate: "pct", weight: "firms" })).toThrow(IndicatorInputError);
    const none = pl.DataFrame({ g: ["a"], w: [5], r: pl.Series("r", [null], pl.Float64) });
    expect(() => weightedRate(none, { rate: "r", weight: "w", by: ["g"] })).toThrow(/no published/);
  });
});

describe("weightedRate refusals", () => {
  const base = { g: ["a", "a", "b"], w: [10, 30, 5] };
  const run = (r: pl.Series, w: pl.Series = pl.Series("w", base.w, pl.Float64), range?: [number, number]) =>
    weightedRate(pl.DataFrame({ g: base.g, w, r }), { rate: "r", weight: "w", by: ["g"], range });

  it("a text rate is refused, naming the value and row (it used to be dropped as unpublished)", () => {
    expect(() => run(pl.Series("r", ["10", "abc", "5"]))).toThrow(/column 'r' must be numeric \(found String, e.g. 'abc' at row 2 \(g=a\)\)/);
  });

  it("rates outside 0–100 and NaN/Infinity are refused; null stays 'not published'", () => {
    expect(() => run(pl.Series("r", [500, 6, 7], pl.Float64))).toThrow(/rate from 0 to 100 or null.*found 500 at row 1 \(g=a\)/);
    expect(() => run(pl.Series("r", [5, -0.5, 7], pl.Float64))).toThrow(/found -0.5 at row 2/);
    expect(() => run(pl.Series("r", [5, NaN, 7], pl.Float64))).toThrow(/found NaN/);
    expect(() => run(pl.Series("r", [5, 6, Infinity], pl.Float64))).toThrow(/found Infinity at row 3 \(g=b\)/);
    // fractions with their own range: a: (10·0.2 + 30·0.1)/40 = 5/40 = 0.125
    expect(
      run(pl.Series("r", [0.2, 0.1, 0.5], pl.Float64), undefined, [0, 1])
        .getColumn("rate")
        .get(0),
    ).toBeCloseTo(0.125, 12);
    expect(() => run(pl.Series("r", [20, 10, 50], pl.Float64), undefined, [0, 1])).toThrow(/rate from 0 to 1/);
    expect(() => run(pl.Series("r", [1, 1, 1], pl.Float64), undefined, [1, 0])).toThrow(/range must be/);
  });

  it("infinite, NaN and negative weights are refused (an infinite weight gave a NaN rate)", () => {
    const r = pl.Series("r", [5, 6, 7], pl.Float64);
    expect(() => run(r, pl.Series("w", [Infinity, 1, 1], pl.Float64))).toThrow(/known weight ≥ 0.*found Infinity at row 1 \(g=a\)/);
    expect(() => run(r, pl.Series("w", [1, NaN, 1], pl.Float64))).toThrow(/found NaN at row 2/);
    expect(() => run(r, pl.Series("w", [1, 1, -3], pl.Float64))).toThrow(/found -3 at row 3/);
    expect(() => run(r, pl.Series("w", ["1", "x", "1"]))).toThrow(/column 'w' must be numeric/);
    // finite weights whose total overflows: 1.5e308 + 1.5e308 = Infinity
    expect(() => run(r, pl.Series("w", [1.5e308, 1.5e308, 1], pl.Float64))).toThrow(/overflows/);
  });

  it("an empty frame after leaving units out is refused by name, not deep inside polars", () => {
    const df = pl.DataFrame({ g: base.g, w: base.w, r: [5, 6, 7] });
    const left = df.filter(pl.col("g").eq(pl.lit("none")));
    expect(() => weightedRate(left, { rate: "r", weight: "w", by: ["g"] })).toThrow(/the frame has no rows, so there is no 'r' to weight/);
    const unpublished = pl.DataFrame({ g: base.g, w: base.w, r: pl.Series("r", [5, 6, null], pl.Float64) });
    expect(() => weightedRate(unpublished, { rate: "r", weight: "w", by: ["g"] })).toThrow(/a group \(g=b\) has no published 'r'/);
  });
});

describe("firmDynamics", () => {
  it("gives entry, exit, net growth and gross turnover rates, and the residual", () => {
    const df = pl.DataFrame({ region: ["x", "y"], firms: [200, 40], new: [30, 2], closed: [20, 6], end: [212, 36] });
    const out = firmDynamics(df, { keys: ["region"], firmsStart: "firms", entries: "new", exits: "closed", firmsEnd: "end" }).toRecords();
    expect(out[0]).toEqual({ region: "x", entry_rate: 15, exit_rate: 10, net_growth_rate: 5, gross_turnover: 25, residual: 2 });
    expect(out[1]).toEqual({ region: "y", entry_rate: 5, exit_rate: 15, net_growth_rate: -10, gross_turnover: 20, residual: 0 });
  });

  it("refuses negative counts and a zero start stock", () => {
    const neg = pl.DataFrame({ region: ["x"], firms: [10], new: [-1], closed: [0] });
    expect(() => firmDynamics(neg, { keys: ["region"], firmsStart: "firms", entries: "new", exits: "closed" })).toThrow(/counts ≥ 0/);
    const zero = pl.DataFrame({ region: ["x"], firms: [0], new: [1], closed: [0] });
    expect(() => firmDynamics(zero, { keys: ["region"], firmsStart: "firms", entries: "new", exits: "closed" })).toThrow(/is 0/);
  });

  it("refuses NaN and infinite counts (NaN < 0 is false, so the sign test let NaN through) and text counts", () => {
    const o = { keys: ["region"], firmsStart: "firms", entries: "new", exits: "closed" };
    expect(() => firmDynamics(pl.DataFrame({ region: ["x"], firms: [10], new: [NaN], closed: [0] }), o)).toThrow(/column 'new' must hold known finite counts ≥ 0/);
    expect(() => firmDynamics(pl.DataFrame({ region: ["x"], firms: [Infinity], new: [1], closed: [0] }), o)).toThrow(/column 'firms' must hold known finite/);
    expect(() => firmDynamics(pl.DataFrame({ region: ["x"], firms: ["10"], new: [1], closed: [0] }), o)).toThrow(/column 'firms' must be numeric, found String/);
  });

  it("the synthetic panel balances (end = start + entries − exits) and is reproducible", () => {
    const a = syntheticFirmPanel({ seed: 1 });
    expect(a.frameEqual(syntheticFirmPanel({ seed: 1 }))).toBe(true);
    const d = firmDynamics(a, { keys: ["region"], firmsStart: "firms_start", entries: "entries", exits: "exits", firmsEnd: "firms_end" });
    expect(
      d
        .getColumn("residual")
        .toArray()
        .every((r) => r === 0),
    ).toBe(true);
    expect((a.getColumn("region").toArray() as string[]).every((r) => r.startsWith("Synthetic"))).toBe(true);
  });
});
