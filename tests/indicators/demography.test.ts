import { describe, expect, it } from "vitest";
import * as pl from "nodejs-polars";
import { demographicComponents } from "../../src/lib/index";

function frame(
  rows: { region: string; start: number; births: number; deaths: number; inn: number | null; out: number | null; end: number }[],
): pl.DataFrame {
  const int = (name: string, v: (number | null)[]): pl.Series => pl.Series(name, v, pl.Int64);
  return pl.DataFrame([
    pl.Series(
      "region",
      rows.map((r) => r.region),
    ),
    int(
      "year",
      rows.map(() => 2006),
    ),
    int(
      "population_start",
      rows.map((r) => r.start),
    ),
    int(
      "births",
      rows.map((r) => r.births),
    ),
    int(
      "deaths",
      rows.map((r) => r.deaths),
    ),
    int(
      "in_migration",
      rows.map((r) => r.inn),
    ),
    int(
      "out_migration",
      rows.map((r) => r.out),
    ),
    int(
      "population_end",
      rows.map((r) => r.end),
    ),
  ]);
}

describe("demographicComponents", () => {
  // 1000 + 12 − 10 + 50 − 40 = 1012, published end 1013 → residual 1 (as SSB's registration corrections)
  const out = demographicComponents(frame([{ region: "k", start: 1000, births: 12, deaths: 10, inn: 50, out: 40, end: 1013 }]));
  const r = out.toRecords()[0]!;

  it("gives natural change, net migration and the residual of the balancing equation", () => {
    expect(r["natural_change"]).toBe(2);
    expect(r["net_migration"]).toBe(10);
    expect(r["residual"]).toBe(1);
    expect(r["implied_net_migration"]).toBe(11);
    expect(r["mean_population"]).toBe(1006.5);
  });

  it("gives rates per 1,000 mean population", () => {
    expect(r["birth_rate"]).toBeCloseTo((1000 * 12) / 1006.5, 12);
    expect(r["death_rate"]).toBeCloseTo((1000 * 10) / 1006.5, 12);
    expect(r["natural_rate"]).toBeCloseTo((1000 * 2) / 1006.5, 12);
    expect(r["net_migration_rate"]).toBeCloseTo((1000 * 10) / 1006.5, 12);
    expect(r["growth_rate"]).toBeCloseTo((1000 * 13) / 1006.5, 12);
  });

  it("keeps going when migration is not published: net migration and residual null, implied net migration given", () => {
    const o = demographicComponents(frame([{ region: "n", start: 100, births: 1, deaths: 3, inn: null, out: null, end: 104 }])).toRecords()[0]!;
    expect(o["net_migration"]).toBeNull();
    expect(o["residual"]).toBeNull();
    expect(o["implied_net_migration"]).toBe(6);
  });

  it("refuses negative counts and missing births", () => {
    expect(() => demographicComponents(frame([{ region: "x", start: 100, births: -1, deaths: 3, inn: 1, out: 1, end: 96 }]))).toThrow(/negative/);
    const noBirths = frame([{ region: "x", start: 100, births: 1, deaths: 3, inn: 1, out: 1, end: 98 }]).drop("births");
    expect(() => demographicComponents(noBirths)).toThrow(/column 'births' not found/);
  });

  it("refuses a repeated unit and year (pooling would count it twice), NaN or infinite counts, text counts and a missing unit", () => {
    const row = { region: "a", start: 1000, births: 12, deaths: 10, inn: 50, out: 40, end: 1010 };
    expect(() => demographicComponents(frame([row, row]))).toThrow(/region 'a' has 2 rows for year 2006: one row per unit and year/);
    const f = frame([row]);
    expect(() => demographicComponents(f.withColumns(pl.lit(NaN).alias("births")))).toThrow(/column 'births' has 1 NaN or infinite count/);
    expect(() => demographicComponents(f.withColumns(pl.lit(Infinity).alias("in_migration")))).toThrow(/'in_migration' has 1 NaN or infinite/);
    expect(() => demographicComponents(f.withColumns(pl.lit("12").alias("births")))).toThrow(/column 'births' must be numeric, found String/);
    expect(() => demographicComponents(f.withColumns(pl.lit(null).cast(pl.Utf8).alias("region")))).toThrow(/column 'region' has missing values/);
    expect(() => demographicComponents(f.withColumns(pl.lit("2006").alias("year")))).toThrow(/'year' \(the year\) must be numeric/);
    // two units in one year are two rows, not a repeat
    expect(demographicComponents(frame([row, { ...row, region: "b" }])).height).toBe(2);
  });
});
