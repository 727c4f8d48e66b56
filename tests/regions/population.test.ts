import { describe, expect, it } from "vitest";
import * as pl from "nodejs-polars";
import { changeThenAndSince, IndicatorInputError, regionPopulationAt, regionPopulationChange } from "../../src/lib/index";

// Synthetic: region R (city) = {0001, 0002}, region S (small_town) = {0003}; years 2000, 2001, 2002.
const mapping = pl.DataFrame({
  municipality_code_2008: ["0001", "0002", "0003"],
  region: ["R", "R", "S"],
  report_region: ["R", "R", "S"],
  region_type: ["city", "city", "small_town"],
});
const pop = pl.DataFrame({
  municipality_code_2008: ["0001", "0002", "0003", "0001", "0002", "0003", "0001", "0002", "0003"],
  year: pl.Series("year", [2000, 2000, 2000, 2001, 2001, 2001, 2002, 2002, 2002], pl.Int64),
  value: pl.Series("value", [100, 300, 100, 140, 300, 90, 184, 300, 81], pl.Int64),
});

describe("regionPopulationAt", () => {
  it("sums municipalities to regions in the years asked for only", () => {
    const out = regionPopulationAt(pop, mapping, { years: [2002, 2000] });
    // R 2000 = 100 + 300 = 400; R 2002 = 184 + 300 = 484; S 2000 = 100; S 2002 = 81
    expect(out.select("region", "year", "value").toRecords()).toEqual([
      { region: "R", year: 2000, value: 400 },
      { region: "R", year: 2002, value: 484 },
      { region: "S", year: 2000, value: 100 },
      { region: "S", year: 2002, value: 81 },
    ]);
    expect(out.columns).toEqual(["region", "region_type", "report_region", "year", "value"]);
  });

  it("sums to region types", () => {
    const out = regionPopulationAt(pop, mapping, { years: [2001], to: "region_type" });
    // city 2001 = 140 + 300 = 440; small_town 2001 = 90
    expect(out.toRecords()).toEqual([
      { region_type: "city", year: 2001, value: 440 },
      { region_type: "small_town", year: 2001, value: 90 },
    ]);
  });

  it("names a year outside the series, and a municipality lacking a year", () => {
    expect(() => regionPopulationAt(pop, mapping, { years: [1999] })).toThrow(/year 1999 is not in the series \(it covers 2000–2002\)/);
    const gap = pop.filter(pl.col("municipality_code_2008").neq(pl.lit("0002")).or(pl.col("year").neq(2001)));
    expect(() => regionPopulationAt(gap, mapping, { years: [2001] })).toThrow(/municipality 0002 has no value for 2001/);
    expect(() => regionPopulationAt(pop, mapping, { years: [] })).toThrow(IndicatorInputError);
  });
});

describe("regionPopulationChange", () => {
  it("gives change, percent change and the compounded yearly rate", () => {
    const out = regionPopulationChange(pop, mapping, { from: 2000, to: 2002 });
    const r = out.toRecords();
    // R: 400 → 484: change 84, 100 · 84 / 400 = 21 %; yearly: 1.21^(1/2) = 1.1 → 10 %
    expect(r[0]).toMatchObject({ region: "R", region_type: "city", value_from: 400, value_to: 484, change: 84 });
    expect(r[0]!["change_pct"]).toBeCloseTo(21, 12);
    expect(r[0]!["annual_pct"]).toBeCloseTo(10, 12);
    // S: 100 → 81: −19 %; yearly: 0.81^(1/2) = 0.9 → −10 %
    expect(r[1]).toMatchObject({ region: "S", value_from: 100, value_to: 81, change: -19 });
    expect(r[1]!["change_pct"]).toBeCloseTo(-19, 12);
    expect(r[1]!["annual_pct"]).toBeCloseTo(-10, 12);
  });

  it("by region type; one year is its own yearly rate", () => {
    const out = regionPopulationChange(pop, mapping, { from: 2000, to: 2001, by: "region_type" });
    // city 400 → 440: +10 %, over one year also +10 %/yr; small_town 100 → 90: −10 %
    expect(out.getColumn("region_type").toArray()).toEqual(["city", "small_town"]);
    expect(out.getColumn("change_pct").toArray()).toEqual([10, -10]);
    expect(
      out
        .getColumn("annual_pct")
        .toArray()
        .map((v) => Number((v as number).toFixed(9))),
    ).toEqual([10, -10]);
  });

  it("refuses an empty or reversed period", () => {
    expect(() => regionPopulationChange(pop, mapping, { from: 2002, to: 2000 })).toThrow(/'to' \(2000\) must be after 'from' \(2002\)/);
  });
});

describe("changeThenAndSince", () => {
  const then = { from: 2000, to: 2002, label: "then" };
  const since = { from: 2001, to: 2002, label: "since" };
  it("puts two periods' changes side by side, per region (sorted by type, then region) and per type", () => {
    const r = changeThenAndSince(pop, mapping, "region", then, since).toRecords();
    expect(Object.keys(r[0]!)).toEqual([
      "region",
      "region_type",
      "pop_2000",
      "change_then_pct",
      "yearly_then_pct",
      "pop_2002",
      "change_since_pct",
      "yearly_since_pct",
    ]);
    // R: 400 → 484 over two years: +21 %, yearly 10 %; 440 → 484 in 2001–02: +10 %, yearly 10 %
    expect(r[0]).toMatchObject({ region: "R", region_type: "city", pop_2000: 400, pop_2002: 484 });
    expect(r[0]!["change_then_pct"]).toBeCloseTo(21, 12);
    expect(r[0]!["yearly_then_pct"]).toBeCloseTo(10, 12);
    expect(r[0]!["change_since_pct"]).toBeCloseTo(10, 12);
    // S: 100 → 81: −19 %, yearly −10 %; 90 → 81: −10 %
    expect(r[1]).toMatchObject({ region: "S", region_type: "small_town", pop_2000: 100, pop_2002: 81 });
    expect(r[1]!["change_then_pct"]).toBeCloseTo(-19, 12);
    expect(r[1]!["yearly_then_pct"]).toBeCloseTo(-10, 12);
    expect(r[1]!["change_since_pct"]).toBeCloseTo(-10, 12);
    const t = changeThenAndSince(pop, mapping, "region_type", then, since);
    expect(t.columns[0]).toBe("region_type");
    expect(t.getColumn("region_type").toArray()).toEqual(["city", "small_town"]);
    expect(t.getColumn("change_since_pct").toArray()[1]).toBeCloseTo(-10, 12);
  });

  it("sorts regions by type first, then name", () => {
    const m = mapping.withColumns(pl.Series("region", ["B", "B", "A"]), pl.Series("region_type", ["city", "city", "small_town"]));
    expect(changeThenAndSince(pop, m, "region", then, since).getColumn("region").toArray()).toEqual(["B", "A"]);
  });

  it("refuses equal labels, a first start equal to the second end, and a period that runs backwards", () => {
    expect(() => changeThenAndSince(pop, mapping, "region", then, { ...since, label: "then" })).toThrow(/different labels, both are 'then'/);
    expect(() => changeThenAndSince(pop, mapping, "region", { from: 2001, to: 2002, label: "a" }, { from: 2000, to: 2001, label: "b" })).toThrow(
      /both 2001/,
    );
    expect(() => changeThenAndSince(pop, mapping, "region", { from: 2002, to: 2000, label: "a" }, since)).toThrow(IndicatorInputError);
  });
});
