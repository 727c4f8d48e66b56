import { describe, expect, it } from "vitest";
import * as pl from "nodejs-polars";
import { fromDanfo, toDanfo } from "../../src/lib/interop/danfo";

describe("danfojs interop", () => {
  it("round-trips strings, integers, floats and booleans with their polars dtypes", () => {
    const df = pl.DataFrame({
      region: pl.Series("region", ["a", "b"], pl.Utf8),
      n: pl.Series("n", [1, 85204], pl.Int64),
      v: pl.Series("v", [1.5, 2.25], pl.Float64),
      ok: pl.Series("ok", [true, false], pl.Bool),
    });
    const d = toDanfo(df);
    expect(d.shape).toEqual([2, 4]);
    expect(d.columns).toEqual(["region", "n", "v", "ok"]);
    const back = fromDanfo(d);
    expect(back.frameEqual(df)).toBe(true);
    expect(back.getColumn("n").dtype.variant).toBe("Int64");
  });

  it("casts to the dtypes asked for", () => {
    const df = pl.DataFrame({ x: pl.Series("x", [1, 2], pl.Int64) });
    const back = fromDanfo(toDanfo(df), { x: pl.Float64 });
    expect(back.getColumn("x").dtype.variant).toBe("Float64");
    expect(back.getColumn("x").toArray()).toEqual([1, 2]);
  });
});
