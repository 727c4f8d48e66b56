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

  it("refuses a missing column", () => {
    expect(() => classifyGrowth(df, { populationChange: "population", jobChange: "jobs" })).toThrow(/column 'population' not found/);
  });
});
