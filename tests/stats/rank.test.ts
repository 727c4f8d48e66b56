import { describe, expect, it } from "vitest";
import { pearson, permutationTest, rank, spearman } from "../../src/lib/index";

describe("rank / spearman", () => {
  it("gives tied values the mean of their ranks", () => {
    expect(rank([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1]);
  });

  it("without ties equals 1 − 6Σd²/(n(n²−1))", () => {
    // d = [−1, 1, −1, 1, 0], Σd² = 4 → 1 − 24/120 = 0.8
    expect(spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])).toBeCloseTo(0.8, 12);
    expect(spearman([1, 2, 3, 4], [40, 30, 20, 10])).toBeCloseTo(-1, 12);
  });

  it("with ties is Pearson on average ranks", () => {
    // ranks y = [1, 2.5, 2.5, 4]; sxy = 4.5, sxx = 5, syy = 4.5 → 4.5/√22.5
    expect(spearman([1, 2, 3, 4], [1, 2, 2, 3])).toBeCloseTo(4.5 / Math.sqrt(22.5), 12);
  });

  it("refuses unequal lengths, fewer than 3 pairs and non-finite values", () => {
    expect(() => spearman([1, 2, 3], [1, 2])).toThrow(RangeError);
    expect(() => spearman([1, 2], [1, 2])).toThrow(/at least 3/);
    expect(() => spearman([1, 2, NaN], [1, 2, 3])).toThrow(/finite/);
  });
});

describe("pearson / spearman near the float limits", () => {
  it("pearson of values whose squares overflow or underflow is still computed (was 0)", () => {
    // deviations ±1e200 square to Infinity; the sums of squares were Infinity and r = finite / ∞ = 0
    expect(pearson([1e200, 2e200, 3e200], [1, 2, 3])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [3e200, 2e200, 1e200])).toBeCloseTo(-1, 12);
    // sums of values near the largest double overflowed the mean itself
    expect(pearson([1.7e308, -1.7e308, 1.6e308], [3, 1, 2])).toBeCloseTo(pearson([1.7, -1.7, 1.6], [3, 1, 2]), 12);
    // subnormal deviations square to 0 (was a refusal: sums of squares not positive)
    expect(pearson([1e-320, 2e-320, 3e-320], [1, 2, 3])).toBeCloseTo(1, 12);
    // ordinary input is unchanged: r of (1,2,3) and (2,4,7) = 5/√(2·38/3)
    expect(pearson([1, 2, 3], [2, 4, 7])).toBeCloseTo(5 / Math.sqrt(2 * (38 / 3)), 12);
  });

  it("spearman at the float limits ranks correctly", () => {
    expect(spearman([1e200, 2e200, 3e200], [1, 2, 3])).toBe(1);
    expect(spearman([1.7e308, -1.7e308, 1.6e308], [3, 1, 2])).toBe(1);
    expect(spearman([5e-324, 1e-323, 0], [2, 3, 1])).toBe(1);
  });
});

describe("permutationTest", () => {
  it("exact: a perfect reversal of 4 is 1 of 24 orderings one-sided, 2 of 24 two-sided", () => {
    const less = permutationTest([1, 2, 3, 4], [4, 3, 2, 1], { alternative: "less" });
    expect(less).toMatchObject({ statistic: -1, method: "exact", n: 24 });
    expect(less.pValue).toBeCloseTo(1 / 24, 12);
    expect(permutationTest([1, 2, 3, 4], [4, 3, 2, 1]).pValue).toBeCloseTo(2 / 24, 12);
    expect(permutationTest([1, 2, 3, 4], [4, 3, 2, 1], { alternative: "greater" }).pValue).toBe(1);
  });

  it("a caller's statistic: shuffles that tie with the observed value count, though rounding splits them", () => {
    // x repeats each value twice, so swapping the y of a pair gives the same Σ x·y; in floating point the sums differ
    // in their last bits. Enumerated in exact fractions (Python's fractions.Fraction over all 720 orderings):
    // 8 orderings have Σ x·y ≤ the observed one, so p = 8/720 (the old absolute tolerance of 1e-12 counted 4).
    const x = [1.1, 1.1, 2.3, 2.3, 3.7, 3.7];
    const y = [82188.3, 68227.4, 58264.6, 53034.8, 49509.1, 5702.1];
    const dot = (a: readonly number[], b: readonly number[]): number => a.reduce((s, v, i) => s + v * b[i]!, 0);
    const r = permutationTest(x, y, { alternative: "less", statistic: dot });
    expect([r.method, r.n]).toEqual(["exact", 720]);
    expect(r.pValue).toBeCloseTo(8 / 720, 12);
  });

  it("exact p for ρ = 0.8 with n = 5: orderings with ρ ≥ 0.8 are 5 of 120", () => {
    // ρ ≥ 0.8 ⇔ Σd² ≤ 4; the orderings that reach it are counted by brute force
    const x = [1, 2, 3, 4, 5];
    let count = 0;
    const perms = (a: number[]): number[][] =>
      a.length <= 1 ? [a] : a.flatMap((v, i) => perms([...a.slice(0, i), ...a.slice(i + 1)]).map((p) => [v, ...p]));
    for (const p of perms(x)) if (spearman(x, p) >= 0.8 - 1e-12) count += 1;
    expect(permutationTest(x, [2, 1, 4, 3, 5], { alternative: "greater" }).pValue).toBeCloseTo(count / 120, 12);
  });

  it("Monte Carlo above exactMax: seeded, reproducible, never 0", () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const y = [3, 1, 2, 6, 4, 5, 9, 10, 7, 8];
    const a = permutationTest(x, y, { alternative: "greater", seed: 1, draws: 5000 });
    const b = permutationTest(x, y, { alternative: "greater", seed: 1, draws: 5000 });
    expect(a).toEqual(b);
    expect(a.method).toBe("monte-carlo");
    expect(permutationTest(x, [...x].reverse(), { alternative: "less", draws: 2000 }).pValue).toBeCloseTo(1 / 2001, 12);
  });
});
