import { describe, expect, it } from "vitest";
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
