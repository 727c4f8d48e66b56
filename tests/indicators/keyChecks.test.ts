import { describe, expect, it } from "vitest";
import * as pl from "nodejs-polars";
import { diversity, hoover, IndicatorInputError, locationQuotient, shiftShare, shiftShareEM, specialization, variety } from "../../src/lib/index";

// Frames a researcher plausibly passes (an adversarial pass found each gave a raw polars error or a wrong number)
const kv = { region: "region", sector: "sector", value: "value" };

describe("key columns the query cannot take: one typed line, never a raw polars error", () => {
  const intRegions = pl.DataFrame({ region: [0, 0, 3, 3], sector: ["x", "y", "x", "y"], value: [50, 50, 30, 10] });
  it("numeric region codes with a named (text) reference", () => {
    for (const f of [() => locationQuotient(intRegions, { ...kv, reference: "0" }), () => specialization(intRegions, { ...kv, reference: "0" })]) {
      expect(f).toThrow(IndicatorInputError);
      expect(f).toThrow(/column 'region' holds numbers \(Float64\) but the reference '0' is text: cast the column to text first/);
    }
    const panel = pl.DataFrame({ region: [0, 0, 3, 3], sector: ["x", "x", "x", "x"], year: [2000, 2001, 2000, 2001], value: [5, 6, 7, 8] });
    const ss = { region: "region", sector: "sector", time: "year", value: "value", from: 2000, to: 2001, reference: "0" };
    expect(() => shiftShare(panel, ss)).toThrow(/shiftShare: column 'region' holds numbers/);
    expect(() => shiftShareEM(panel, ss)).toThrow(/shiftShareEM: column 'region' holds numbers/);
    // without a reference, numeric codes are fine
    expect(locationQuotient(intRegions, kv).height).toBe(4);
  });

  it("shift-share with the years as text", () => {
    const panel = pl.DataFrame({ region: ["a", "a"], sector: ["x", "x"], year: ["2000", "2001"], value: [5, 6] });
    expect(() => shiftShare(panel, { region: "region", sector: "sector", time: "year", value: "value", from: 2000, to: 2001 })).toThrow(
      /column 'year' \(the time\) must be numeric, found String/,
    );
  });

  it("a 'by' column named like an internal column (municipalities within regions)", () => {
    const df = pl.DataFrame({ region: ["R", "R", "R", "R"], kommune: ["k1", "k1", "k2", "k2"], naering: ["x", "y", "x", "y"], jobs: [1, 2, 3, 4] });
    const o = { region: "kommune", sector: "naering", value: "jobs", by: ["region"] };
    for (const f of [() => locationQuotient(df, o), () => diversity(df, o), () => specialization(df, o), () => hoover(df, o)])
      expect(f).toThrow(/a 'by' column may not be named 'region' .*rename it first, e\.g\. df\.rename\(\{ region: "region_group" \}\)/);
    const groups = pl.DataFrame({ sector: ["x", "y"], group: ["A", "A"] });
    const g = df.rename({ region: "group" });
    expect(() => variety(g, { region: "kommune", sector: "naering", value: "jobs", by: ["group"], groups })).toThrow(/may not be named 'group'/);
    // renamed as the message says, it runs
    expect(diversity(df.rename({ region: "region_group" }), { ...o, by: ["region_group"] }).height).toBe(2);
  });
});

describe("specialization: the reference in every group", () => {
  it("refuses a group without its reference (it read as shares of 0: K = 1 for any region)", () => {
    const df = pl.DataFrame({
      year: [2000, 2000, 2000, 2000, 2001, 2001],
      region: ["NO", "NO", "A", "A", "A", "A"],
      sector: ["x", "y", "x", "y", "x", "y"],
      value: [50, 50, 30, 10, 30, 10],
    });
    expect(() => specialization(df, { ...kv, by: ["year"], reference: "NO" })).toThrow(/reference region 'NO' is missing for year 2001/);
    // with the reference in both years: A is 75 % / 25 % against 50 % / 50 % → |0.75 − 0.5| + |0.25 − 0.5| = 0.5 each year
    const both = pl.concat([df, pl.DataFrame({ year: [2001, 2001], region: ["NO", "NO"], sector: ["x", "y"], value: [50, 50] })]);
    const k = specialization(both, { ...kv, by: ["year"], reference: "NO" }).filter(pl.col("region").eq(pl.lit("A")));
    expect(k.getColumn("krugman").toArray()).toEqual([0.5, 0.5]);
  });
});
