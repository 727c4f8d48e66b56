import { describe, expect, it } from "vitest";
import * as pl from "nodejs-polars";
import { IndicatorInputError, demographicComponents, poolComponents } from "../../src/lib/index";

describe("poolComponents", () => {
  // Region a: 2005: 1000 → 1010, 12 births, 10 deaths, 50 in, 40 out; 2006: 1010 → 1004, 9 births, 11 deaths, 30 in, 36 out.
  // Region b: 2003 only: 500 → 497, 4 births, 6 deaths, migration not published.
  const df = pl.DataFrame({
    region: ["a", "a", "b"],
    year: [2006, 2005, 2003],
    population_start: [1010, 1000, 500],
    births: [9, 12, 4],
    deaths: [11, 10, 6],
    in_migration: [30, 50, null],
    out_migration: [36, 40, null],
    population_end: [1004, 1010, 497],
  });
  const pooled = poolComponents(demographicComponents(df));
  const a = pooled.filter(pl.col("region").eq(pl.lit("a"))).toRecords()[0]!;
  const b = pooled.filter(pl.col("region").eq(pl.lit("b"))).toRecords()[0]!;

  it("sums the years: natural change (12 + 9) − (10 + 11) = 0, net migration (50 + 30) − (40 + 36) = 4", () => {
    expect(a).toMatchObject({ years: "2005, 2006", n_years: 2, births: 21, deaths: 21, natural_change: 0, net_migration: 4 });
    // implied: (1010 − 1000) + (1004 − 1010) − 0 = 4
    expect(a["implied_net_migration"]).toBe(4);
  });

  it("rates per 1,000 person-years: person-years (1000 + 1010)/2 + (1010 + 1004)/2 = 2012", () => {
    expect(a["person_years"]).toBe(2012);
    expect(a["net_migration_rate"] as number).toBeCloseTo((1000 * 4) / 2012, 12);
    expect(a["natural_rate"]).toBe(0);
  });

  it("a region whose migration is not published has a null net migration, never 0", () => {
    expect(b["net_migration"]).toBeNull();
    expect(b["natural_change"]).toBe(-2);
    expect(b["implied_net_migration"]).toBe(-1); // (497 − 500) − (−2)
    expect(b["implied_net_migration_rate"] as number).toBeCloseTo((1000 * -1) / 498.5, 12);
  });

  it("refuses fractional years (they were listed cut to whole years: 2005.5 as 2005)", () => {
    const half = demographicComponents(df.withColumns(pl.col("year").add(0.5)));
    expect(() => poolComponents(half)).toThrow(/poolComponents: column 'year' must hold whole years, found 2005.5/);
  });

  it("pools within further keys and refuses an empty frame or a missing column", () => {
    const typed = demographicComponents(df).withColumns(pl.lit("city").alias("region_type"));
    expect(poolComponents(typed, { by: ["region_type"] }).toRecords()[0]).toMatchObject({ births: 25, deaths: 27, n_years: 3, net_migration: null });
    expect(() => poolComponents(demographicComponents(df).head(0))).toThrow(IndicatorInputError);
    expect(() => poolComponents(df)).toThrow(/mean_population/);
  });
});
