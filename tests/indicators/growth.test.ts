import { describe, expect, it } from "vitest";
import * as pl from "nodejs-polars";
import { growthIndex, growthRate, IndicatorInputError } from "../../src/lib/index";

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
});
