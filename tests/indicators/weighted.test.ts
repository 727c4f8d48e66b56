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
