/**
 * Degenerate input to the statistics: a typed StatisticsInputError, never a
 * NaN statistic or p = 0. (Generated cases: tests/property/stats.property.test.ts.)
 */
import { describe, expect, it } from "vitest";
import { StatisticsInputError, atLeastKExceedM, pearson, permutationTest, rank, spearman, spearmanOverRanges } from "../../src/lib/index";

describe("refusals", () => {
  it("permutationTest on a constant vector (was {statistic: NaN, pValue: 0})", () => {
    expect(() => permutationTest([1, 1, 1, 1], [1, 2, 3, 4])).toThrow(StatisticsInputError);
    expect(() => permutationTest([1, 2, 3, 4], [7, 7, 7, 7])).toThrow(/y with at least two distinct values.*all 4 values equal 7/);
    expect(() => permutationTest([1, 2, 3], [1, 2])).toThrow(/equal length/);
    expect(() => permutationTest([1, 2, Infinity], [1, 2, 3])).toThrow(/finite numbers, found Infinity at x\[2\]/);
    expect(() => permutationTest([1, 2, 3], [3, 2, 1], { alternative: "both" as never })).toThrow(/alternative/);
    expect(() => permutationTest([1, 2, 3], [3, 2, 1], { draws: 0, exactMax: 0 })).toThrow(/draws/);
    expect(() => permutationTest([1, 2, 3], [3, 2, 1], { exactMax: 12 })).toThrow(/exactMax/);
    expect(() => permutationTest([1, 2, 3], [3, 2, 1], { statistic: () => NaN })).toThrow(/finite statistic on the data/);
  });

  it("pearson and spearman on constant vectors, unequal lengths, n < 3, non-finite values", () => {
    for (const f of [pearson, spearman]) {
      expect(() => f([2, 2, 2], [1, 2, 3])).toThrow(StatisticsInputError);
      expect(() => f([1, 2, 3], [1, 2])).toThrow(StatisticsInputError);
      expect(() => f([1, 2], [1, 2])).toThrow(/at least 3 pairs/);
      expect(() => f([1, NaN, 3], [1, 2, 3])).toThrow(/finite/);
    }
    // valid input: r of (1,2,3) and (2,4,7): sxy = 5, sxx = 2, syy = 12.667 → 5/√25.333 = 0.99340
    expect(pearson([1, 2, 3], [2, 4, 7])).toBeCloseTo(5 / Math.sqrt(2 * (38 / 3)), 12);
    expect(() => rank([1, NaN])).toThrow(StatisticsInputError);
  });

  it("intervals: reversed, non-finite, k or m below 1 (a reversed [5, 1] gave holds: true)", () => {
    expect(() => atLeastKExceedM([[5, 1]], [[0, 0]], 1, 1)).toThrow(/a\[0\] with low ≤ high.*found \[5, 1\]/);
    expect(() => atLeastKExceedM([[0, 0]], [[5, 1]], 1, 1)).toThrow(StatisticsInputError);
    expect(() => atLeastKExceedM([[0, NaN]], [[0, 0]], 1, 1)).toThrow(/finite ends/);
    expect(() => atLeastKExceedM([[1, 1]], [[0, 0]], 0, 1)).toThrow(/k an integer/);
    expect(() => atLeastKExceedM([[1, 1]], [[0, 0]], 1, 1.5)).toThrow(/m an integer/);
    expect(() =>
      spearmanOverRanges(
        [1, 2, 3],
        [
          [3, 3],
          [5, 1],
          [0, 0],
        ],
      ),
    ).toThrow(/y\[1\] with low ≤ high/);
    expect(() => spearmanOverRanges([1, 2, 3], [[3, 3], [1, 1], null as never])).toThrow(/null at y\[2\]/);
    expect(() =>
      spearmanOverRanges(
        [1, 2, NaN],
        [
          [3, 3],
          [1, 1],
          [0, 0],
        ],
      ),
    ).toThrow(/finite x/);
    expect(() =>
      spearmanOverRanges(
        [1, 1, 1],
        [
          [3, 3],
          [1, 1],
          [0, 0],
        ],
      ),
    ).toThrow(StatisticsInputError);
  });

  it("is a RangeError too, so existing catch blocks still work", () => {
    expect(() => spearman([1, 1, 1], [1, 2, 3])).toThrow(RangeError);
  });
});
