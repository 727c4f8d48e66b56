import * as pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import { LookupError, num, one } from "../../src/lib/index";
import * as smallFrame from "../../src/lib/indicators/smallFrame";

const df = pl.DataFrame({ region: ["A", "A", "B"], year: [2007, 2008, 2007], value: [10, 12, null] });

describe("one / num", () => {
  it("finds the single matching row", () => {
    expect(num(df, { region: "A", year: 2008 })).toBe(12);
    expect(one(df, { region: "B", year: 2007 }, "region")).toBe("B");
  });
  it("throws LookupError for no row, several rows, a null value or an unknown column", () => {
    expect(() => num(df, { region: "C", year: 2007 })).toThrow(LookupError);
    expect(() => num(df, { region: "A" })).toThrow(/found 2/);
    expect(() => num(df, { region: "B", year: 2007 })).toThrow(LookupError);
    expect(() => num(df, { kommune: "A" })).toThrow(LookupError);
  });
  it("a key of the wrong kind, a column of neither numbers nor text, and NaN: one typed line on both paths", () => {
    const { setSmallFrameRows } = smallFrame;
    for (const rows of [10_000, 0]) {
      const before = setSmallFrameRows(rows); // 0: the polars path
      try {
        expect(() => one(df, { region: "A", year: "2007" }, "value")).toThrow(/column year: holds Float64, but year = "2007" is text/);
        expect(() => one(df, { region: 412 }, "value")).toThrow(/column region: holds String, but region = 412 is a number/);
        const flags = pl.DataFrame({ id: ["a"], changes: [true] });
        expect(() => one(flags, { id: "a" }, "changes")).toThrow(/column changes: holds Bool(ean)?: one\(\) reads numbers or text/);
        const nan = pl.DataFrame({ k: [1, 2], v: [NaN, 3] });
        expect(() => one(nan, { k: 1 }, "v")).toThrow(/k = 1 \(non-NaN v\)/);
        expect(() => num(nan, { k: 1 }, "v")).toThrow(LookupError);
        expect(num(nan, { k: 2 }, "v")).toBe(3);
      } finally {
        setSmallFrameRows(before);
      }
    }
  });
});
