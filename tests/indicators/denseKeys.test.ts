/**
 * denseKeys.ts: key columns as dense codes for the typed-array paths — hand values, polars' (bytewise) order of text,
 * the round trip back to the column, and the refusals (nulls, other types, ranges too sparse).
 */
import { describe, expect, it } from "vitest";
import * as pl from "nodejs-polars";
import { codedFrame, offsets } from "../../src/lib/indicators/denseKeys";

describe("offsets", () => {
  it("codes less the minimum, by hand", () => {
    const x = offsets(Int32Array.from([2003, 2001, 2003, 2002]), 10)!;
    expect(Array.from(x.codes)).toEqual([2, 0, 2, 1]);
    expect([x.lo, x.span]).toEqual([2001, 3]);
  });
  it("undefined when the range is wider than allowed, or there are no values", () => {
    expect(offsets(Int32Array.from([0, 1_000_000]), 1000)).toBeUndefined();
    expect(offsets(new Int32Array(0), 10)).toBeUndefined();
  });
});

describe("codedFrame", () => {
  // U+FF5E sorts before U+1F600 by UTF-8 bytes (polars' order) but after it by UTF-16 code units (JavaScript's)
  const df = pl.DataFrame({
    region: ["\u{1F600}", "b", "\uFF5E", "a", "b", "\u{1F600}"],
    year: pl.Series("year", [2005, 2001, 2003, 2001, 2005, 2003], pl.Int16),
    value: [1, 2, 3, 4, 5, 6],
  });

  it("text keys ranked in polars' sort order; integer keys offset; both decode to the column", () => {
    const f = codedFrame(df, ["region", "year"], "value", 100)!;
    const sorted = df.getColumn("region").unique().sort().toArray() as string[];
    expect(sorted).toEqual(["a", "b", "\uFF5E", "\u{1F600}"]);
    const region = f.dense("region")!;
    expect(region.span).toBe(4);
    expect(Array.from(region.codes)).toEqual([3, 1, 2, 0, 1, 3]); // each row's rank among the sorted texts
    expect(region.decode(region.codes).toArray()).toEqual(df.getColumn("region").toArray());
    const year = f.dense("year")!;
    expect([year.lo, year.span, Array.from(year.codes)]).toEqual([2001, 5, [4, 0, 2, 0, 4, 2]]);
    const back = year.decode(year.codes);
    expect(back.dtype.variant).toBe("Int16");
    expect(back.toArray()).toEqual(df.getColumn("year").toArray());
    expect(Array.from(f.value())).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("undefined for a null key or value, a key of another type, or a range too wide", () => {
    const nullKey = df.withColumns(pl.when(pl.col("value").eq(3)).then(pl.lit(null)).otherwise(pl.col("region")).alias("region"));
    expect(codedFrame(nullKey, ["region"], "value", 100)).toBeUndefined();
    const nullValue = df.withColumns(pl.when(pl.col("value").eq(3)).then(pl.lit(null)).otherwise(pl.col("value")).alias("value"));
    expect(codedFrame(nullValue, ["region"], "value", 100)).toBeUndefined();
    expect(codedFrame(df.withColumns(pl.col("year").cast(pl.Int64)), ["year"], "value", 100)).toBeUndefined();
    expect(codedFrame(df.withColumns(pl.col("year").cast(pl.Float64)), ["year"], "value", 100)).toBeUndefined();
    expect(codedFrame(df, ["year"], "value", 3)!.dense("year")).toBeUndefined(); // 2001 … 2005 spans 5
  });
});
