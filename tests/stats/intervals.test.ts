import { describe, expect, it } from "vitest";
import { atLeastKExceedM, spearmanOverRanges, type Interval } from "../../src/lib/index";

describe("atLeastKExceedM", () => {
  // The report's §3.3.3 numbers: cities Lillehammer 23, four at "+10-15"; small towns 30, 31, three at "+19-20", 4, 10, Valdres not printed.
  const cities: Interval[] = [
    [23, 23],
    [10, 15],
    [10, 15],
    [10, 15],
    [10, 15],
  ];
  const towns: Interval[] = [[30, 30], [31, 31], [19, 20], [19, 20], [19, 20], [4, 4], [10, 10], null];

  it("six of eight beating four of five: 5 surely, 6 possibly → undecided", () => {
    expect(atLeastKExceedM(towns, cities, 6, 4)).toEqual({ sure: 5, possible: 6, holds: null });
  });

  it("decides when the numbers do", () => {
    expect(atLeastKExceedM(towns, cities, 5, 4).holds).toBe(true);
    expect(atLeastKExceedM(towns, cities, 7, 4).holds).toBe(false);
    expect(atLeastKExceedM([[12, 12]], [[10, 15]], 1, 1)).toEqual({ sure: 0, possible: 1, holds: null });
  });
});

describe("spearmanOverRanges", () => {
  it("enumerates the orderings inside identical ranges", () => {
    // y = [10, (6 or 7), (7 or 6), 1] → ρ = −0.8 or −1
    const r = spearmanOverRanges(
      [1, 2, 3, 4],
      [
        [10, 10],
        [5, 8],
        [5, 8],
        [1, 1],
      ],
      { alternative: "less" },
    );
    expect(r.orderings).toBe(2);
    expect(r.min).toBeCloseTo(-1, 12);
    expect(r.max).toBeCloseTo(-0.8, 12);
    expect(r.atMin.pValue).toBeCloseTo(1 / 24, 12);
  });

  it("refuses ranges that overlap other values in part", () => {
    expect(() =>
      spearmanOverRanges(
        [1, 2, 3],
        [
          [5, 8],
          [6, 9],
          [1, 1],
        ],
      ),
    ).toThrow(/lies inside or across/);
    expect(() =>
      spearmanOverRanges(
        [1, 2, 3],
        [
          [5, 8],
          [6, 6],
          [1, 1],
        ],
      ),
    ).toThrow(/lies inside or across/);
  });
});
