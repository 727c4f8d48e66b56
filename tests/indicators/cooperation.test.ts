import * as pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import { cooperationAtPrinted, cooperationUnits, cooperatorsBasis, IndicatorInputError, partnerAreaShare } from "../../src/lib/index";

// Synthetic survey rows (not SSB's): A = 100 firms, 50 % innovating, 40 % of those cooperating;
// B = 200 firms, 25 %, 20 %; C has no published cooperation share and stays out.
const survey = pl.DataFrame({
  area_name: ["A", "B", "C"],
  region_type: ["city", "small_town", "city"],
  firms_in_population: [100, 200, 50],
  pct_product_or_process: [50, 25, 30],
  pct_innovators_cooperating: [40, 20, null],
  pct_cooperators_local_regional: [30, 60, 10],
  pct_cooperators_rest_of_norway: [50, null, 10],
  pct_cooperators_abroad: [20, 10, 10],
});

describe("cooperationUnits", () => {
  it("weights each row by its cooperating innovators, exact and over the rounding, and keeps shares as bounds", () => {
    const [a, b, ...rest] = cooperationUnits(survey);
    expect(rest).toEqual([]); // C: cooperation not published
    // A: 100 · 50 · 40 / 10 000 = 20; over the rounding 100 · 49.5 · 39.5 / 10 000 = 19.5525 … 100 · 50.5 · 40.5 / 10 000 = 20.4525
    expect(a!.cooperators).toBeCloseTo(20, 12);
    expect(a!.weight[0]).toBeCloseTo(19.5525, 12);
    expect(a!.weight[1]).toBeCloseTo(20.4525, 12);
    expect(a!.shares.local).toEqual([29.5, 30.5]);
    // B: 200 · 25 · 20 / 10 000 = 10; its rest-of-Norway share is unpublished
    expect(b!.cooperators).toBeCloseTo(10, 12);
    expect(b!.shares.rest).toBeNull();
    expect(b!.printed).toEqual({ local: 60, rest: null, abroad: 10 });
    expect([a!.type, b!.type]).toEqual(["city", "small_town"]);
  });

  it("names a missing column, and a kept row without its firm count", () => {
    expect(() => cooperationUnits(survey.drop("pct_cooperators_abroad"))).toThrow(/column 'pct_cooperators_abroad' not found/);
    const noFirms = survey.withColumns(pl.Series("firms_in_population", [100, null, 50], pl.Float64));
    expect(() => cooperationUnits(noFirms)).toThrow(/B: firm count or innovation rate not published/);
  });
});

describe("partnerAreaShare", () => {
  const units = cooperationUnits(survey);
  it("gives the weighted share's exact bounds over the rounding", () => {
    // lowest: A's high weight on its low share, B's low weight on its low share:
    // (20.4525 · 29.5 + 9.555 · 59.5) / (20.4525 + 9.555) = 39.0526…; highest (19.5525 · 30.5 + 10.455 · 60.5) / 30.0075 = 40.9524…
    const [lo, hi] = partnerAreaShare(units, "local");
    expect(lo).toBeCloseTo(39.05261184703824, 10);
    expect(hi).toBeCloseTo(40.952386903274174, 10);
    // at the printed values: (20 · 30 + 10 · 60) / 30 = 40
    const [p0, p1] = partnerAreaShare(cooperationAtPrinted(units), "local");
    expect(p0).toBeCloseTo(40, 12);
    expect(p1).toBeCloseTo(40, 12);
  });

  it("leaves a unit without that area's share out, filters by type, and refuses an empty group", () => {
    expect(partnerAreaShare(units, "rest")).toEqual([49.5, 50.5]); // only A published it
    expect(partnerAreaShare(units, "abroad", { type: "small_town" })).toEqual([9.5, 10.5]);
    expect(() => partnerAreaShare(units, "rest", { type: "small_town" })).toThrow(IndicatorInputError);
    expect(() => partnerAreaShare(units, "rest", { type: "small_town" })).toThrow(/no small_town unit left with a published 'rest' share/);
  });
});

describe("cooperatorsBasis", () => {
  it("sums cooperating innovators per type, or per unit where there is no type", () => {
    expect(cooperatorsBasis(cooperationUnits(survey))).toBe("city: ≈ 20.0 cooperating innovators; small_town: ≈ 10.0 cooperating innovators");
    expect(cooperatorsBasis(cooperationUnits(survey.drop("region_type")))).toBe("A: ≈ 20.0 cooperating innovators; B: ≈ 10.0 cooperating innovators");
  });
});
