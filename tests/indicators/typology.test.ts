import { describe, expect, it } from "vitest";
import * as pl from "nodejs-polars";
import { classifyGrowth } from "../../src/lib/index";

const df = pl.DataFrame({
  region: ["up-up", "up-down", "down-up", "down-down", "zero-pop", "no-jobs"],
  pop: pl.Series("pop", [2.5, 1, -3.7, -1, 0, -2], pl.Float64),
  jobs: pl.Series("jobs", [14, -2, 18, -5, 10, null], pl.Float64),
});

describe("classifyGrowth", () => {
  it("gives the report's four types by the signs of the two changes, keeping row order and columns", () => {
    const out = classifyGrowth(df, { populationChange: "pop", jobChange: "jobs" });
    expect(out.getColumn("region").toArray()).toEqual(df.getColumn("region").toArray());
    expect(out.getColumn("growth_type").toArray()).toEqual([1, 2, 3, 4, null, null]);
    expect(out.getColumn("growth_type_label").get(2)).toMatch(/thinning: population down, jobs up/);
    expect(out.columns).toEqual(["region", "pop", "jobs", "growth_type", "growth_type_label"]);
  });

  it("places a change of exactly 0 as asked", () => {
    expect(classifyGrowth(df, { populationChange: "pop", jobChange: "jobs", zeroAs: "growth" }).getColumn("growth_type").get(4)).toBe(1);
    expect(classifyGrowth(df, { populationChange: "pop", jobChange: "jobs", zeroAs: "decline" }).getColumn("growth_type").get(4)).toBe(3);
  });

  it("a NaN change is missing, like a null (NaN > 0 is true in polars)", () => {
    const nan = pl.DataFrame({ pop_pct: [NaN, 1.2, NaN, -0.5, 2], jobs_pct: [-3, NaN, NaN, NaN, 1] });
    const out = classifyGrowth(nan, { populationChange: "pop_pct", jobChange: "jobs_pct" });
    expect(out.getColumn("growth_type").toArray()).toEqual([null, null, null, null, 1]);
    // integer changes work too (the NaN test casts them)
    const ints = pl.DataFrame({ p: pl.Series("p", [1, -1], pl.Int64), j: pl.Series("j", [-2, -3], pl.Int64) });
    expect(classifyGrowth(ints, { populationChange: "p", jobChange: "j" }).getColumn("growth_type").toArray()).toEqual([2, 4]);
  });

  it("refuses a text column in one line", () => {
    const text = pl.DataFrame({ p: ["1.5"], j: [2] });
    expect(() => classifyGrowth(text, { populationChange: "p", jobChange: "j" })).toThrow(/column 'p' must be numeric, found String/);
  });

  it("refuses a missing column", () => {
    expect(() => classifyGrowth(df, { populationChange: "population", jobChange: "jobs" })).toThrow(/column 'population' not found/);
  });
});
