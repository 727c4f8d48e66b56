import { describe, expect, it } from "vitest";
import { printedRowSet } from "../../src/lib/index";
import { FIGUR_3_6 } from "../../src/lib/data/load";

describe("printedRowSet", () => {
  it("reads Figur 3.6's Innlandet row as 13 parts within ±0.05 and three subtotals", () => {
    const r = printedRowSet(FIGUR_3_6, { area: "innlandet" });
    // printed: 6,3 5,4 4,2 2,6 0,2 | 8,2 0,1 4,1 9,0 13,8 8,3 | 2,5 35,3
    expect(r.printed).toEqual([6.3, 5.4, 4.2, 2.6, 0.2, 8.2, 0.1, 4.1, 9.0, 13.8, 8.3, 2.5, 35.3]);
    expect(r.columns[0]).toBe("goods_1");
    expect(r.subtotals["goods_subtotal"]).toEqual([0, 1, 2, 3, 4]);
    expect(r.subtotals["public_subtotal"]).toEqual([11, 12]);
    expect(r.set.lo[6]).toBeCloseTo(0.05, 12); // 0,1 → [0.05, 0.15]
    // private subtotal printed 43,5 → [43.45, 43.55]
    const priv = r.set.groups.find((g) => g.members[0] === 5)!;
    expect(priv.lo).toBeCloseTo(43.45, 12);
    expect(priv.hi).toBeCloseTo(43.55, 12);
  });

  it("says which row was not found", () => {
    expect(() => printedRowSet(FIGUR_3_6, { area: "oslo" })).toThrow(/exactly one row where area = oslo/);
  });
});
