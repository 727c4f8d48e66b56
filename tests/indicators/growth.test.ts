import { describe, expect, it } from "vitest";
import * as pl from "nodejs-polars";
import { growthIndex, growthRate, IndicatorInputError } from "../../src/lib/index";
import { bothPaths } from "../support/bothPaths";

const df = pl.DataFrame({
  region: ["a", "a", "a", "b", "b"],
  year: pl.Series("year", [2001, 2004, 2007, 2001, 2007], pl.Int64),
  value: pl.Series("value", [200, 210, 250, 3, 2], pl.Int64),
});

describe("growthRate", () => {
  it("computes change and percent change from integer counts", () => {
    const out = growthRate(df, { region: "region", time: "year", value: "value", from: 2001, to: 2007 });
    expect(out.toRecords()).toEqual([
      { region: "a", value_from: 200, value_to: 250, change: 50, change_pct: 25 },
      { region: "b", value_from: 3, value_to: 2, change: -1, change_pct: expect.closeTo(-100 / 3, 12) },
    ]);
  });

  it("refuses a region without one of the two dates, or starting at 0", () => {
    expect(() => growthRate(df, { region: "region", time: "year", value: "value", from: 2004, to: 2007 })).toThrow(
      /region 'b' lacks year 2004 or 2007/,
    );
    const zero = pl.DataFrame({ region: ["z", "z"], year: [1, 2], value: [0, 5] });
    expect(() => growthRate(zero, { region: "region", time: "year", value: "value", from: 1, to: 2 })).toThrow(IndicatorInputError);
  });

  it("refuses a region with neither date (it vanished from the result), on both paths", () => {
    // a has 2001 and 2007; c only 2003 and 2005
    const partial = pl.DataFrame({ region: ["a", "a", "c", "c"], year: [2001, 2007, 2003, 2005], value: [10, 12, 5, 6] });
    const [small, polars] = bothPaths(() => growthRate(partial, { region: "region", time: "year", value: "value", from: 2001, to: 2007 }));
    expect(small).toEqual({ error: "IndicatorInputError: growthRate: region 'c' lacks year 2001 and 2007" });
    expect(polars).toEqual(small);
  });
});

describe("growthRate refuses what it cannot compute", () => {
  const opts = { region: "region", time: "year", value: "value" };

  it("a year absent from the data is named (was an empty frame)", () => {
    expect(() => growthRate(df, { ...opts, from: 1990, to: 1995 })).toThrow(IndicatorInputError);
    expect(() => growthRate(df, { ...opts, from: 1990, to: 1995 })).toThrow(/growthRate: from 1990 is not a value of column 'year'/);
    expect(() => growthRate(df, { ...opts, from: 2001, to: 2099 })).toThrow(/growthRate: to 2099 is not a value of column 'year'/);
    expect(() => growthRate(df, { ...opts, from: Number.NaN, to: 2007 })).toThrow(/growthRate: from must be a finite number/);
  });

  it("`to` must be after `from` (was a reversed or 0 % growth)", () => {
    expect(() => growthRate(df, { ...opts, from: 2007, to: 2001 })).toThrow(/growthRate: 'to' \(2001\) must be after 'from' \(2007\)/);
    expect(() => growthRate(df, { ...opts, from: 2001, to: 2001 })).toThrow(IndicatorInputError);
  });

  it("a string time column is a typed error (was a raw polars error)", () => {
    const s = df.withColumns(pl.col("year").cast(pl.Utf8));
    expect(() => growthRate(s, { ...opts, from: 2001, to: 2007 })).toThrow(IndicatorInputError);
    expect(() => growthRate(s, { ...opts, from: 2001, to: 2007 })).toThrow(/growthRate: column 'year' \(the time\) must be numeric, found String/);
  });
});

describe("growthIndex", () => {
  it("indexes each region on its base period (= 100)", () => {
    const out = growthIndex(df, { region: "region", time: "year", value: "value", base: 2001 });
    expect(out.toRecords()).toEqual([
      { region: "a", year: 2001, value: 200, index: 100 },
      { region: "a", year: 2004, value: 210, index: 105 },
      { region: "a", year: 2007, value: 250, index: 125 },
      { region: "b", year: 2001, value: 3, index: 100 },
      { region: "b", year: 2007, value: 2, index: expect.closeTo(200 / 3, 12) },
    ]);
  });
  it("refuses a region without the base period", () => {
    expect(() => growthIndex(df, { region: "region", time: "year", value: "value", base: 2004 })).toThrow(/region 'b' has no non-zero year 2004/);
  });
  it("refuses a base absent from the data, a non-finite base and a string time column", () => {
    const opts = { region: "region", time: "year", value: "value" };
    expect(() => growthIndex(df, { ...opts, base: 1990 })).toThrow(/growthIndex: base 1990 is not a value of column 'year'/);
    expect(() => growthIndex(df, { ...opts, base: Number.NaN })).toThrow(/growthIndex: base must be a finite number/);
    const s = df.withColumns(pl.col("year").cast(pl.Utf8));
    expect(() => growthIndex(s, { ...opts, base: 2001 })).toThrow(IndicatorInputError);
    expect(() => growthIndex(s, { ...opts, base: 2001 })).toThrow(/growthIndex: column 'year' \(the time\) must be numeric, found String/);
  });
});

describe("yearlyRate", () => {
  it("turns a total growth into the compounded yearly rate, by hand", async () => {
    const { yearlyRate } = await import("../../src/lib/indicators/growth");
    // 1.01^(1/4) = exp(ln 1.01 / 4) = exp(0.0024876) = 1.0024907
    expect(yearlyRate(1, 4)).toBeCloseTo(0.24907, 5);
    // 21 % over two years is 10 % a year: 1.1² = 1.21
    expect(yearlyRate(21, 2)).toBeCloseTo(10, 10);
    expect(yearlyRate(-19, 2)).toBeCloseTo(-10, 10); // 0.9² = 0.81
    expect(yearlyRate(5, 1)).toBeCloseTo(5, 12);
  });

  it("refuses a period that is not positive and a loss of 100 % or more", async () => {
    const { yearlyRate } = await import("../../src/lib/indicators/growth");
    expect(() => yearlyRate(1, 0)).toThrow(/positive number of years/);
    expect(() => yearlyRate(-100, 4)).toThrow(/above −100/);
    expect(() => yearlyRate(Number.NaN, 4)).toThrow(/finite/);
  });
});
