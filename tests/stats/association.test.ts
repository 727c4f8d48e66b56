import { describe, expect, it } from "vitest";
import { associationOverRanges } from "../../src/lib/stats/index";

describe("associationOverRanges", () => {
  it("a perfect negative ranking of 6 is significant: exact p = 1/720 (only the identity reversal gives ρ = −1)", () => {
    const r = associationOverRanges([1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1].map((v) => [v, v] as [number, number]), { direction: "negative" });
    expect(r.rhoMin).toBeCloseTo(-1, 12);
    expect(r.pClaimed).toBeCloseTo(1 / 720, 12);
    expect(r.outcome).toBe(true);
  });

  it("the same data contradict a claimed positive association", () => {
    const r = associationOverRanges([1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1].map((v) => [v, v] as [number, number]), { direction: "positive" });
    expect(r.pOpposite).toBeCloseTo(1 / 720, 12);
    expect(r.outcome).toBe(false);
  });

  it("ranges that allow both signs leave the claim undecided", () => {
    // y for x = 1..4: two tied ranges [0,10] can be ordered either way → ρ spans both signs
    const r = associationOverRanges([1, 2, 3, 4], [[0, 10], [0, 10], [0, 10], [0, 10]], { direction: "negative" });
    expect(r.rhoMin).toBeCloseTo(-1, 12);
    expect(r.rhoMax).toBeCloseTo(1, 12);
    expect(r.orderings).toBe(24);
    expect(r.outcome).toBe("undecided");
  });

  it("refuses alpha outside (0, 1)", () => {
    expect(() => associationOverRanges([1, 2, 3], [[1, 1], [2, 2], [3, 3]], { direction: "negative", alpha: 0 })).toThrow(RangeError);
  });
});
