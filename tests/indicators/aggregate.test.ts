import { describe, expect, it } from "vitest";
import * as pl from "nodejs-polars";
import { IndicatorInputError, sumBy } from "../../src/lib/index";

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

  it("refuses values and sums beyond Number.MAX_SAFE_INTEGER, missing 'by' columns and an empty 'by'", () => {
    // 2^53 − 1 = 9 007 199 254 740 991; two halves of it (rounded up) sum past it: 2 · 4 503 599 627 370 496 = 2^53
    const half = 2 ** 52;
    const df = pl.DataFrame({ region: ["a", "a", "b"], sector: ["s", "t", "s"], value: [half, half, 1] });
    expect(() => sumBy(df, { by: ["region"], value: "value" })).toThrow(/sum of 'value' for region=a is 9007199254740992, beyond/);
    // a 20-digit count saturated to the Int64 maximum (9 223 372 036 854 775 807) is refused as a value
    const huge = pl.DataFrame({ region: ["a"], sector: ["s"], value: pl.Series("value", [9e18], pl.Float64) });
    expect(() => sumBy(huge, { by: ["region"], value: "value" })).toThrow(/has 9000000000000000000 at region=a, sector=s, beyond/);
    // finite values whose sum is infinite: 1e308 + 1e308 = Infinity
    const inf = pl.DataFrame({ region: ["a"], sector: ["s"], value: [1e308] });
    expect(() => sumBy(inf, { by: ["region"], value: "value" })).toThrow(IndicatorInputError);
    expect(() => sumBy(df, { by: ["group"], value: "value" })).toThrow(/column 'group' of 'by' not found/);
    expect(() => sumBy(df, { by: [], value: "value" })).toThrow(/at least one column/);
    // just inside the limit is kept exactly: (2^53 − 2) + 1 = 2^53 − 1
    const edge = pl.DataFrame({ region: ["a", "a"], sector: ["s", "t"], value: [2 ** 53 - 2, 1] });
    expect(
      sumBy(edge, { by: ["region"], value: "value" })
        .getColumn("value")
        .get(0),
    ).toBe(Number.MAX_SAFE_INTEGER);
  });
});
