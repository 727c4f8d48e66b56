import { describe, expect, it } from "vitest";
import * as pl from "nodejs-polars";
import { harmoniseCodes, IndicatorInputError, loadCodeChanges2008To2020, loadMunicipalPopulation } from "../../src/lib/index";

describe("harmoniseCodes", () => {
  it("moves the SSB series to 2020 codes 1:1, Jevnaker and Lunner to Viken's numbers", () => {
    const pop = loadMunicipalPopulation().select("municipality_code_2008", "year", "value");
    const out = harmoniseCodes(pop, { code: "municipality_code_2008", table: loadCodeChanges2008To2020() });
    expect(out.height).toBe(pop.height);
    const codes = new Set(out.getColumn("municipality_code_2008").toArray() as string[]);
    expect(codes.has("3053")).toBe(true); // Jevnaker
    expect(codes.has("3054")).toBe(true); // Lunner
    expect(codes.has("3401")).toBe(true); // Kongsvinger
    expect([...codes].some((c) => c.startsWith("04") || c.startsWith("05"))).toBe(false);
    expect(out.getColumn("value").sum()).toBe(pop.getColumn("value").sum());
  });

  const synthetic = pl.DataFrame({ code: ["a", "b", "c"], year: [2000, 2000, 2000], value: [1, 2, 4] });

  it("sums a merger when asked, and refuses it otherwise", () => {
    const merge = pl.DataFrame({ from: ["a", "b", "c"], to: ["x", "x", "y"] });
    expect(() => harmoniseCodes(synthetic, { code: "code", table: merge })).toThrow(/merger/);
    const out = harmoniseCodes(synthetic, { code: "code", table: merge, value: "value", merges: "sum" });
    expect(out.toRecords()).toEqual([
      { code: "x", year: 2000, value: 3 },
      { code: "y", year: 2000, value: 4 },
    ]);
  });

  it("refuses a merger whose old codes differ in another column: their rows would not add up (they were kept apart, unsummed)", () => {
    // Moss 0104 + Rygge 0136 → 3103 (2020): with the names kept, the two rows stayed apart (29 000 and 15 000)
    const table = pl.DataFrame({ from: ["0104", "0136"], to: ["3103", "3103"] });
    const named = pl.DataFrame({ municipality_code: ["0104", "0136"], municipality_name: ["Moss", "Rygge"], year: [2008, 2008], value: [29000, 15000] });
    const o = { code: "municipality_code", table, value: "value", merges: "sum" as const };
    expect(() => harmoniseCodes(named, o)).toThrow(/the old codes 0104, 0136 merged into 3103 differ in 'municipality_name'/);
    expect(harmoniseCodes(named.drop("municipality_name"), o).toRecords()).toEqual([{ municipality_code: "3103", year: 2008, value: 44000 }]);
    // a year one old code lacks: the new code's 2002 would be a part-sum
    const gap = pl.DataFrame({ code: ["a", "b", "a"], year: [2001, 2001, 2002], value: [1, 2, 3] });
    const ab = pl.DataFrame({ from: ["a", "b"], to: ["x", "x"] });
    expect(() => harmoniseCodes(gap, { code: "code", table: ab, value: "value", merges: "sum" })).toThrow(/merged into x differ in 'year'/);
    // missing columns: one line each (were polars' multi-line plan errors)
    expect(() => harmoniseCodes(gap, { code: "code", table: ab, value: "pop", merges: "sum" })).toThrow(/column 'pop' \(the value\) not found/);
    expect(() => harmoniseCodes(gap, { code: "code", table: ab.rename({ from: "code_2008" }) })).toThrow(/needs columns 'from' and 'to'/);
  });

  it("refuses a split and an unknown code", () => {
    const split = pl.DataFrame({ from: ["a", "a", "b", "c"], to: ["x", "z", "y", "w"] });
    expect(() => harmoniseCodes(synthetic, { code: "code", table: split })).toThrow(/code a was split/);
    const partial = pl.DataFrame({ from: ["a", "b"], to: ["x", "y"] });
    expect(() => harmoniseCodes(synthetic, { code: "code", table: partial })).toThrow(IndicatorInputError);
    expect(() => harmoniseCodes(synthetic, { code: "code", table: partial })).toThrow(/code c is not in the correspondence table/);
  });
});
