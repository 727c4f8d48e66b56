import * as pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import { diversity } from "../../src/lib/indicators/index";
import { hhiOf, shannonOf } from "../../src/lib/stats/index";

describe("shannonOf / hhiOf", () => {
  it("hand values", () => {
    // [1, 1, 2]: p = 0.25, 0.25, 0.5; H = −(2 · 0.25 ln 0.25 + 0.5 ln 0.5) = 0.5 ln 4 + 0.5 ln 2 = 1.5 ln 2 ≈ 1.039721
    expect(shannonOf([1, 1, 2])).toBeCloseTo(1.5 * Math.log(2), 12);
    // normalised by ln 3: 1.5 ln 2 / ln 3 ≈ 0.946395
    expect(shannonOf([1, 1, 2], { normalized: true })).toBeCloseTo((1.5 * Math.log(2)) / Math.log(3), 12);
    // HHI = 0.0625 + 0.0625 + 0.25 = 0.375
    expect(hhiOf([1, 1, 2])).toBeCloseTo(0.375, 12);
    // a zero share counts as 0 · ln 0 = 0 but still counts in n: [0, 1] → H = 0
    expect(shannonOf([0, 1])).toBe(0);
  });

  it("agrees with the frame indicator on Figur 3.6's small-town row", () => {
    const row = [10.4, 5.8, 2.8, 0.5, 0.3, 6.3, 0.1, 5.7, 11.2, 13.4, 8.2, 2.1, 33.4];
    const df = pl.DataFrame({ region: row.map(() => "s"), sector: row.map((_, i) => `s${i}`), value: row });
    const d = diversity(df, { region: "region", sector: "sector", value: "value" }).toRecords()[0]!;
    expect(shannonOf(row, { normalized: true })).toBeCloseTo(d["shannon_normalized"] as number, 12);
    expect(hhiOf(row)).toBeCloseTo(d["hhi"] as number, 12);
  });

  it("refuses negative values, empty input and a zero sum", () => {
    expect(() => shannonOf([])).toThrow(/no values/);
    expect(() => hhiOf([1, -1])).toThrow(/≥ 0/);
    expect(() => hhiOf([0, 0])).toThrow(/sum to 0/);
    expect(() => shannonOf([3], { normalized: true })).toThrow(/two values/);
  });
});
