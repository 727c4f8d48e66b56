import { describe, expect, it } from "vitest";
import * as pl from "nodejs-polars";
import { sumBy } from "../../src/lib/index";

describe("sumBy", () => {
  it("sums integer counts to coarser keys, sorted", () => {
    const df = pl.DataFrame({
      region: ["b", "a", "a", "b"],
      sector: ["s1", "s1", "s2", "s2"],
      group: ["g", "g", "h", "g"],
      value: pl.Series("value", [1, 2, 3, 4], pl.Int64),
    });
    const out = sumBy(df, { by: ["region", "group"], value: "value", keys: ["region", "sector"] });
    expect(out.toRecords()).toEqual([
      { region: "a", group: "g", value: 2 },
      { region: "a", group: "h", value: 3 },
      { region: "b", group: "g", value: 5 },
    ]);
  });

  it("refuses duplicated input keys instead of double counting", () => {
    const df = pl.DataFrame({ region: ["a", "a"], sector: ["s", "s"], value: [1, 2] });
    expect(() => sumBy(df, { by: ["region"], value: "value" })).toThrow(/duplicate rows/);
  });
});
