import * as pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import { LookupError, num, one } from "../../src/lib/index";

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
});
