import { describe, expect, it } from "vitest";
import * as pl from "nodejs-polars";
import { locationQuotient } from "../../src/lib/index";
import { cell, intFrame } from "../support/frames";

const opts = { region: "region", sector: "sector", value: "value", reference: "NO" };

describe("locationQuotient", () => {
  // Hand computation: NO = 600 x + 400 y (shares 60 %, 40 %); A = 30 x + 10 y (75 %, 25 %);
  // B = 7 x + 0 y rows absent for y (100 %).  LQ_A,x = 75/60 = 1.25; LQ_A,y = 25/40 = 0.625; LQ_B,x = 100/60.
  const df = intFrame([
    ["NO", "x", 600],
    ["NO", "y", 400],
    ["A", "x", 30],
    ["A", "y", 10],
    ["B", "x", 7],
  ]);

  it("matches hand-computed quotients (integer inputs)", () => {
    const out = locationQuotient(df, opts);
    expect(out.columns).toEqual(["region", "sector", "share", "reference_share", "lq"]);
    expect(cell(out, { region: "A", sector: "x" }, "lq")).toBeCloseTo(1.25, 12);
    expect(cell(out, { region: "A", sector: "y" }, "lq")).toBeCloseTo(0.625, 12);
    expect(cell(out, { region: "B", sector: "x" }, "lq")).toBeCloseTo(100 / 60, 12);
    expect(cell(out, { region: "A", sector: "y" }, "share")).toBeCloseTo(25, 12);
    expect(cell(out, { region: "A", sector: "y" }, "reference_share")).toBeCloseTo(40, 12);
    expect(cell(out, { region: "NO", sector: "x" }, "lq")).toBeCloseTo(1, 12);
    expect(out.height).toBe(5);
  });

  it("is sorted by region then sector", () => {
    const out = locationQuotient(df, opts);
    expect(out.getColumn("region").toArray()).toEqual(["A", "A", "B", "NO", "NO"]);
  });

  it("rejects a missing reference and a sector the reference lacks", () => {
    expect(() => locationQuotient(df, { ...opts, reference: "SE" })).toThrow(/reference region 'SE' not found/);
    const extra = intFrame([
      ["NO", "x", 5],
      ["A", "x", 1],
      ["A", "z", 1],
    ]);
    expect(() => locationQuotient(extra, opts)).toThrow(/has no 'z'/);
  });
});

describe("locationQuotient: panels and the all-regions reference", () => {
  it("computes per year with `by`, and against the sum of all regions when no reference is named", () => {
    // 2000: A = (6, 4), B = (4, 6) → total (10, 10): LQ_A,x = 0.6 / 0.5 = 1.2
    // 2001: A = (1, 1), B = (3, 1) → total (4, 2):  LQ_A,x = 0.5 / (4/6) = 0.75
    const df = pl.DataFrame({
      year: pl.Series("year", [2000, 2000, 2000, 2000, 2001, 2001, 2001, 2001], pl.Int64),
      region: ["A", "A", "B", "B", "A", "A", "B", "B"],
      sector: ["x", "y", "x", "y", "x", "y", "x", "y"],
      value: pl.Series("value", [6, 4, 4, 6, 1, 1, 3, 1], pl.Int64),
    });
    const out = locationQuotient(df, { region: "region", sector: "sector", value: "value", by: ["year"] });
    expect(out.columns).toEqual(["year", "region", "sector", "share", "reference_share", "lq"]);
    const at = (y: number, r: string, s: string): number =>
      out
        .filter(
          pl
            .col("year")
            .eq(y)
            .and(pl.col("region").eq(pl.lit(r)))
            .and(pl.col("sector").eq(pl.lit(s))),
        )
        .getColumn("lq")
        .get(0) as number;
    expect(at(2000, "A", "x")).toBeCloseTo(1.2, 12);
    expect(at(2001, "A", "x")).toBeCloseTo(0.75, 12);
    expect(at(2001, "B", "y")).toBeCloseTo(0.25 / (2 / 6), 12);
  });

  it("keeps Int64 region codes beyond 2^53 apart (a packed 64-bit float key would merge them)", () => {
    const region = pl.Series("region", ["-1", "-1", "9007199254740992", "9007199254740992", "9007199254740993", "9007199254740993"]).cast(pl.Int64);
    const df = pl.DataFrame([region, pl.Series("sector", [1, 2, 1, 2, 1, 2], pl.Int32), pl.Series("value", [10, 10, 30, 10, 10, 30], pl.Int64)]);
    const out = locationQuotient(df, { region: "region", sector: "sector", value: "value" });
    // totals: sector 1 = 50, sector 2 = 50 of 100; …992 has 30 + 10, …993 has 10 + 30
    expect(out.getColumn("share").toArray()).toEqual([50, 50, 75, 25, 25, 75]);
    expect(out.getColumn("lq").toArray()).toEqual([1, 1, 1.5, 0.5, 0.5, 1.5]);
  });
});

