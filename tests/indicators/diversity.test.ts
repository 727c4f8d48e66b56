import { describe, expect, it } from "vitest";
import * as pl from "nodejs-polars";
import { diversity, IndicatorInputError } from "../../src/lib/index";
import { cell, intFrame } from "../support/frames";

const opts = { region: "region", sector: "sector", value: "value" };

describe("diversity", () => {
  const df = intFrame([
    ["even", "x", 5],
    ["even", "y", 5],
    ["skew", "x", 2],
    ["skew", "y", 1],
    ["skew", "z", 1],
    ["zero", "x", 3],
    ["zero", "y", 0],
    ["one", "x", 9],
  ]);
  const out = diversity(df, opts);

  it("two equal sectors: H = ln 2, H* = 1, HHI = 1/2", () => {
    expect(cell(out, { region: "even" }, "shannon")).toBeCloseTo(0.6931471805599453, 12);
    expect(cell(out, { region: "even" }, "shannon_normalized")).toBeCloseTo(1, 12);
    expect(cell(out, { region: "even" }, "hhi")).toBeCloseTo(0.5, 12);
  });

  it("shares 1/2, 1/4, 1/4: H = 1.5 ln 2, H* = 1.5 ln 2 / ln 3, HHI = 0.375", () => {
    // −(½ ln ½ + 2 · ¼ ln ¼) = ½ ln 2 + ½ ln 4 = 1.5 ln 2 = 1.0397207708399179
    expect(cell(out, { region: "skew" }, "shannon")).toBeCloseTo(1.0397207708399179, 12);
    expect(cell(out, { region: "skew" }, "shannon_normalized")).toBeCloseTo(1.0397207708399179 / 1.0986122886681098, 12);
    expect(cell(out, { region: "skew" }, "hhi")).toBeCloseTo(0.375, 12);
    expect(cell(out, { region: "skew" }, "n_sectors")).toBe(3);
  });

  it("zero rows count in n but add nothing to H (0 ln 0 = 0)", () => {
    expect(cell(out, { region: "zero" }, "shannon")).toBe(0);
    expect(cell(out, { region: "zero" }, "shannon_normalized")).toBe(0);
    expect(cell(out, { region: "zero" }, "hhi")).toBeCloseTo(1, 12);
    expect(cell(out, { region: "zero" }, "n_sectors")).toBe(2);
  });

  it("a single sector has no normalised entropy", () => {
    expect(cell(out, { region: "one" }, "shannon_normalized")).toBeNull();
  });

  it("returns one row per region, sorted", () => {
    expect(out.getColumn("region").toArray()).toEqual(["even", "one", "skew", "zero"]);
    expect(out.columns).toEqual(["region", "shannon", "shannon_normalized", "hhi", "n_sectors"]);
  });
});

describe("diversity near the float limits", () => {
  const frame = (values: number[]): pl.DataFrame =>
    pl.DataFrame({ region: values.map(() => "a"), sector: values.map((_, i) => `s${i}`), value: values });
  const h = (p: number[]): number => -p.reduce((a, x) => a + x * Math.log(x), 0);

  it("refuses a region total that overflows (was NaN for every measure)", () => {
    expect(() => diversity(frame([1e308, 1e308]), opts)).toThrow(IndicatorInputError);
    expect(() => diversity(frame([1e308, 1e308]), opts)).toThrow(/diversity: the total of 'value' for region=a is not finite/);
  });

  it("computes the measures when the squares overflow (was hhi NaN)", () => {
    const out = diversity(frame([1e200, 3e200]), opts);
    expect(cell(out, { region: "a" }, "shannon")).toBeCloseTo(h([0.25, 0.75]), 12);
    expect(cell(out, { region: "a" }, "hhi")).toBeCloseTo(0.625, 12);
    const big = diversity(frame([1.7e308 / 4, 1.7e308 / 4, 1.7e308 / 2]), opts);
    expect(cell(big, { region: "a" }, "shannon")).toBeCloseTo(1.5 * Math.log(2), 12);
    expect(cell(big, { region: "a" }, "hhi")).toBeCloseTo(0.375, 12);
  });

  it("computes the measures of tiny and subnormal values (was a wrong Shannon and hhi NaN)", () => {
    const tiny = diversity(frame([1e-200, 3e-200]), opts);
    expect(cell(tiny, { region: "a" }, "shannon")).toBeCloseTo(h([0.25, 0.75]), 12);
    expect(cell(tiny, { region: "a" }, "hhi")).toBeCloseTo(0.625, 12);
    // 5e-324 and 1e-323 are 1 and 2 times the smallest subnormal: shares exactly 1/3 and 2/3
    const sub = diversity(frame([5e-324, 1e-323]), opts);
    expect(cell(sub, { region: "a" }, "shannon")).toBeCloseTo(h([1 / 3, 2 / 3]), 12);
    expect(cell(sub, { region: "a" }, "shannon_normalized")).toBeCloseTo(h([1 / 3, 2 / 3]) / Math.log(2), 12);
    expect(cell(sub, { region: "a" }, "hhi")).toBeCloseTo(5 / 9, 12);
  });
});
