import { describe, expect, it } from "vitest";
import * as pl from "nodejs-polars";
import {
  FindingError,
  IndicatorInputError,
  boundsAbs,
  boundsAdd,
  boundsGrowth,
  boundsSub,
  bracketed,
  countBounds,
  holdsForEvery,
  holdsForShare,
  parsePrinted,
  printedBounds,
} from "../../src/lib/index";

describe("printed figures as bounds", () => {
  it("parses the report's number format", () => {
    expect(parsePrinted("2,5")).toBe(2.5);
    expect(parsePrinted("-3,7")).toBe(-3.7);
    expect(parsePrinted("−3,3")).toBe(-3.3); // typographic minus
    expect(parsePrinted("+3,8")).toBe(3.8);
    expect(parsePrinted("220.000")).toBe(220000);
    expect(() => parsePrinted("2.5.1")).toThrow(FindingError);
    expect(() => parsePrinted("")).toThrow(FindingError);
  });

  it("a printed figure stands for ± half a unit of its last significant digit", () => {
    const b = printedBounds("2,5"); // 2.5 ± 0.05
    expect(b[0]).toBeCloseTo(2.45, 12);
    expect(b[1]).toBeCloseTo(2.55, 12);
    expect(printedBounds("220.000")).toEqual([215000, 225000]); // a round figure: ± 5,000
    expect(printedBounds("82", 2)).toEqual([81, 83]); // 44 + 38: two rounded parts, ± 2 × 0.5
    // thousands groups set off by spaces (also no-break) read as those set off by "." (the space was dropped: ± 0.5)
    expect(printedBounds("220 000")).toEqual([215000, 225000]);
    expect(printedBounds("220\u00a0000")).toEqual([215000, 225000]);
    expect(printedBounds("4 503 436")).toEqual([4503435.5, 4503436.5]);
    expect(printedBounds("1 234,5")).toEqual([1234.45, 1234.55]);
    expect(() => printedBounds("82", 0)).toThrow(FindingError);
  });

  it("differences compound the rounding: 3,8 − 2,5 ∈ [1.2, 1.4]; the imbalances 7,1 − 6,2 ∈ [0.7, 1.1]", () => {
    const gap = boundsSub(printedBounds("3,8"), printedBounds("2,5")); // [3.75 − 2.55, 3.85 − 2.45]
    expect(gap[0]).toBeCloseTo(1.2, 12);
    expect(gap[1]).toBeCloseTo(1.4, 12);
    const inn = boundsSub(printedBounds("2,5"), printedBounds("-3,7")); // [2.45 + 3.65, 2.55 + 3.75] = [6.1, 6.3]
    const nor = boundsSub(printedBounds("3,8"), printedBounds("-3,3")); // [3.75 + 3.25, 3.85 + 3.35] = [7.0, 7.2]
    const d = boundsSub(nor, inn); // [7.0 − 6.3, 7.2 − 6.1]
    expect(d[0]).toBeCloseTo(0.7, 12);
    expect(d[1]).toBeCloseTo(1.1, 12);
    expect(boundsAdd([1, 2], [10, 20])).toEqual([11, 22]);
    expect(() => boundsSub([2, 1], [0, 0])).toThrow(FindingError);
  });

  it("absolute values: |[-0.5, -0.3]| = [0.3, 0.5]; straddling 0 starts at 0", () => {
    expect(boundsAbs([-0.5, -0.3])).toEqual([0.3, 0.5]);
    expect(boundsAbs([0.2, 0.4])).toEqual([0.2, 0.4]);
    expect(boundsAbs([-1, 2])).toEqual([0, 2]);
    expect(boundsAbs([-3, 1])).toEqual([0, 3]);
  });

  it("growth over bounds: Norway 2001 → 2007 within [4,640,219, 4,737,171] gives 3.04–5.19 %", () => {
    const g = boundsGrowth([4503436, 4503436], [4640219, 4737171]);
    expect(g[0]).toBeCloseTo(100 * (4640219 / 4503436 - 1), 9); // 3.0373 %
    expect(g[1]).toBeCloseTo(100 * (4737171 / 4503436 - 1), 9); // 5.1901 %
    const both = boundsGrowth([90, 110], [99, 121]); // lowest 99/110 − 1 = −10 %, highest 121/90 − 1 = 34.4 %
    expect(both[0]).toBeCloseTo(-10, 9);
    expect(both[1]).toBeCloseTo(100 * (121 / 90 - 1), 9);
    expect(() => boundsGrowth([0, 1], [1, 1])).toThrow(FindingError);
  });
});

describe("bracketed", () => {
  const norway = pl.DataFrame({ year: [2001, 2004, 2006, 2008], value: [4503436, 4577457, 4640219, 4737171] });
  it("is exact where the series has the year, bounded by its neighbours where it has not", () => {
    expect(bracketed(norway, { at: 2006 })).toEqual([4640219, 4640219]);
    expect(bracketed(norway, { at: 2007 })).toEqual([4640219, 4737171]);
    expect(bracketed(norway, { at: 2002 })).toEqual([4503436, 4577457]);
    // a falling series: the bounds are ordered low ≤ high
    expect(bracketed(pl.DataFrame({ t: [1, 3], v: [10, 8] }), { time: "t", value: "v", at: 2 })).toEqual([8, 10]);
  });
  it("refuses a year outside the series, a repeated year or a missing column", () => {
    expect(() => bracketed(norway, { at: 2009 })).toThrow(IndicatorInputError);
    expect(() => bracketed(norway, { at: 2000 })).toThrow(/not bracketed/);
    expect(() => bracketed(pl.DataFrame({ year: [1, 1], value: [1, 2] }), { at: 1 })).toThrow(/repeats/);
    expect(() => bracketed(norway, { value: "population", at: 2007 })).toThrow(/population/);
  });
  it("a null value is a missing year (never 0); NaN and infinite values are refused", () => {
    // 2006 null: 2007 is bracketed by 2005 and 2008 (Math.min(null, x) would have given 0)
    const gap = pl.DataFrame({ year: [2005, 2006, 2008], value: [4503436, null, 4737171] });
    expect(bracketed(gap, { at: 2007 })).toEqual([4503436, 4737171]);
    expect(bracketed(gap, { at: 2006 })).toEqual([4503436, 4737171]);
    expect(() => bracketed(pl.DataFrame({ year: [2005, 2008], value: [null, 4737171] }), { at: 2007 })).toThrow(/not bracketed/);
    expect(() => bracketed(pl.DataFrame({ year: [2005, 2008], value: [NaN, 4737171] }), { at: 2007 })).toThrow(/value NaN at year 2005/);
    expect(() => bracketed(pl.DataFrame({ year: [2005, 2008], value: [1, Infinity] }), { at: 2007 })).toThrow(/Infinity/);
  });
});

describe("members known and unknown", () => {
  it("holdsForEvery: one known failure decides; unknowns leave a holding group undecided", () => {
    expect(holdsForEvery([true, true])).toBe(true);
    expect(holdsForEvery([true, null, true])).toBe("undecided");
    expect(holdsForEvery([true, null, false])).toBe(false);
    expect(() => holdsForEvery([])).toThrow(FindingError);
  });
  it("holdsForShare: a share of the members, with unknowns bounding the count (hand-counted cases)", () => {
    expect(holdsForShare([true, true, false, null], 0.5)).toBe(true); // at least 2 of 4 = 0.5
    expect(holdsForShare([true, false, false, null], 0.75)).toBe(false); // at most 2 of 4 < 3
    expect(holdsForShare([true, false, null, null], 0.75)).toBe("undecided"); // 1 to 3 of 4: 3 reaches it
    expect(holdsForShare([true, true, true], 1)).toBe(true);
    expect(holdsForShare([true, true, false], 2 / 3)).toBe(true); // 2 of 3 exactly: float-safe
    // share 1 is holdsForEvery on every case
    for (const m of [[true, true], [true, null, true], [true, null, false], [null], [false]] as (boolean | null)[][])
      expect(holdsForShare(m, 1)).toBe(holdsForEvery(m));
    expect(() => holdsForShare([], 1)).toThrow(FindingError);
    expect(() => holdsForShare([true], 0)).toThrow(/share/);
    expect(() => holdsForShare([true], 1.5)).toThrow(/share/);
  });
  it("countBounds: [known true, known true + unknown]", () => {
    expect(countBounds([true, false, null, false, true])).toEqual([2, 3]);
    expect(countBounds([false, false])).toEqual([0, 0]);
    expect(countBounds([null, null])).toEqual([0, 2]);
  });
});
