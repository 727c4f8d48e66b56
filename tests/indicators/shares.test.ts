import { describe, expect, it } from "vitest";
import * as pl from "nodejs-polars";
import { shares, IndicatorInputError } from "../../src/lib/index";
import { cell, intFrame } from "../support/frames";

describe("shares", () => {
  it("computes percent shares within each group from integer counts", () => {
    // region a: 8001 of 85204 total → 100 · 8001 / 85204 (the integer-division trap of polars)
    const df = intFrame([
      ["a", "x", 8001],
      ["a", "y", 77203],
      ["b", "x", 1],
      ["b", "y", 3],
    ]);
    const out = shares(df, { group: "region", part: "sector", value: "value" });
    expect(cell(out, { region: "a", sector: "x" }, "share")).toBeCloseTo((100 * 8001) / 85204, 10);
    expect(cell(out, { region: "b", sector: "x" }, "share")).toBeCloseTo(25, 12);
    expect(cell(out, { region: "b", sector: "y" }, "share")).toBeCloseTo(75, 12);
    expect(out.columns).toEqual(["region", "sector", "value", "share"]);
    expect(out.getColumn("region").toArray()).toEqual(["a", "a", "b", "b"]);
  });

  it("works with other column names", () => {
    const df = pl.DataFrame({ kommune: ["k1", "k1"], naering: ["n1", "n2"], ansatte: [2, 6] });
    const out = shares(df, { group: "kommune", part: "naering", value: "ansatte" });
    expect(out.getColumn("share").toArray()).toEqual([25, 75]);
  });

  it.each([
    [
      "negative value",
      intFrame([
        ["a", "x", -1],
        ["a", "y", 3],
      ]),
      /≥ 0/,
    ],
    [
      "duplicate key",
      intFrame([
        ["a", "x", 1],
        ["a", "x", 3],
      ]),
      /duplicate rows for region=a, sector=x/,
    ],
    [
      "zero total",
      intFrame([
        ["a", "x", 0],
        ["b", "x", 3],
      ]),
      /total of 'value' is 0 for region=a/,
    ],
  ])("rejects %s", (_name, df, msg) => {
    expect(() => shares(df, { group: "region", part: "sector", value: "value" })).toThrow(msg);
    expect(() => shares(df, { group: "region", part: "sector", value: "value" })).toThrow(IndicatorInputError);
  });

  it("rejects NaN, nulls, text values and missing columns", () => {
    const nan = pl.DataFrame({ region: ["a", "a"], sector: ["x", "y"], value: [NaN, 1] });
    expect(() => shares(nan, { group: "region", part: "sector", value: "value" })).toThrow(/finite/);
    const nul = pl.DataFrame({ region: ["a", "a"], sector: ["x", "y"], value: pl.Series("value", [null, 1], pl.Float64) });
    expect(() => shares(nul, { group: "region", part: "sector", value: "value" })).toThrow(/finite/);
    const txt = pl.DataFrame({ region: ["a"], sector: ["x"], value: ["12"] });
    expect(() => shares(txt, { group: "region", part: "sector", value: "value" })).toThrow(/must be numeric/);
    expect(() => shares(nan, { group: "kommune", part: "sector", value: "value" })).toThrow(/column 'kommune' not found/);
  });
});

describe("shares near the float limits", () => {
  const frame = (values: number[]): pl.DataFrame =>
    pl.DataFrame({ region: values.map(() => "a"), sector: values.map((_, i) => `s${i}`), value: values });
  const opts = { group: "region", part: "sector", value: "value" };

  it("refuses a group total that overflows (was share 0 for every part)", () => {
    expect(() => shares(frame([1e308, 1e308]), opts)).toThrow(IndicatorInputError);
    expect(() => shares(frame([1e308, 1e308]), opts)).toThrow(/shares: the total of 'value' for region=a is not finite/);
  });

  it("computes shares of very large and of subnormal values", () => {
    expect(
      shares(frame([1e200, 3e200]), opts)
        .getColumn("share")
        .toArray(),
    ).toEqual([25, 75]);
    const tiny = shares(frame([5e-324, 1e-323]), opts)
      .getColumn("share")
      .toArray() as number[];
    expect(tiny[0]).toBeCloseTo(100 / 3, 12);
    expect(tiny[1]).toBeCloseTo(200 / 3, 12);
  });
});

describe("output column names follow the input's", () => {
  it("for location quotients, diversity, specialisation, Hoover and shift-share", async () => {
    const { locationQuotient, diversity, specialization, hoover, shiftShare } = await import("../../src/lib/index");
    const df = pl.DataFrame({ kommune: ["a", "a", "b", "b"], naering: ["x", "y", "x", "y"], ansatte: [1, 3, 2, 2] });
    const o = { region: "kommune", sector: "naering", value: "ansatte" };
    expect(locationQuotient(df, o).columns.slice(0, 2)).toEqual(["kommune", "naering"]);
    expect(diversity(df, o).columns[0]).toBe("kommune");
    expect(specialization(df, o).columns[0]).toBe("kommune");
    expect(hoover(df, o).columns[0]).toBe("naering");
    const panel = pl.concat([df.withColumns(pl.lit(2000).alias("aar")), df.withColumns(pl.lit(2001).alias("aar"))]);
    expect(shiftShare(panel, { ...o, time: "aar", from: 2000, to: 2001 }).columns.slice(0, 2)).toEqual(["kommune", "naering"]);
  });
});
