/**
 * The permutation test's fast path for Spearman's ρ (ranks computed once, shuffles of the centred ranks) and its
 * one-pass form over every alternative must give exactly what the generic path gives: a statistic passed in as a
 * function is computed on each shuffle from scratch (rank both sides, Pearson's r), the way every draw was computed
 * before the fast path existed.
 */
import { describe, expect, it } from "vitest";
import { associationOverRanges, permutationTest, permutationTests, spearman, type Alternative } from "../../src/lib/stats/index";

const ALTERNATIVES: Alternative[] = ["two-sided", "less", "greater"];
/** Spearman's ρ through the generic path (a statistic given by the caller is never special-cased). */
const generic = (a: readonly number[], b: readonly number[]): number => spearman(a, b);

// data with ties on both sides, a strong relation, none, and a large n (hand-made, no generator)
const x12 = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8];
const y12 = [2, 7, 1, 8, 2, 8, 1, 8, 2, 8, 4, 5];
const x40 = Array.from({ length: 40 }, (_, i) => (i * 17) % 23);
const y40 = Array.from({ length: 40 }, (_, i) => ((i * 17) % 23) + ((i * 5) % 7));
const x154 = Array.from({ length: 154 }, (_, i) => 1000 + ((i * 7919) % 997));
const y154 = Array.from({ length: 154 }, (_, i) => ((i * 104729) % 331) / 10 + ((i * 7919) % 997) / 50);

describe("permutationTest: the fast Spearman path equals the generic one", () => {
  for (const [name, x, y, draws] of [
    ["n = 12 with ties", x12, y12, 4000],
    ["n = 40, strong relation, ties", x40, y40, 3000],
    ["n = 154", x154, y154, 1000],
  ] as const) {
    it(`${name}: every alternative, same p, statistic and draws`, () => {
      for (const alternative of ALTERNATIVES) {
        const fast = permutationTest(x, y, { alternative, draws, seed: 11 });
        const slow = permutationTest(x, y, { alternative, draws, seed: 11, statistic: generic });
        expect(fast).toEqual(slow);
      }
    });
  }

  it("exact enumeration (n = 7, ties): the same p as the generic path", () => {
    const x = [1, 2, 2, 3, 5, 8, 13];
    const y = [7, 3, 3, 9, 1, 4, 4];
    for (const alternative of ALTERNATIVES) {
      expect(permutationTest(x, y, { alternative })).toEqual(permutationTest(x, y, { alternative, statistic: generic }));
    }
  });
});

describe("permutationTests: one pass, every alternative", () => {
  it("each alternative equals permutationTest run alone (Monte Carlo and exact)", () => {
    for (const [x, y] of [
      [x40, y40],
      [[1, 2, 3, 4, 5, 6], [2, 1, 4, 3, 6, 5]],
    ] as const) {
      const all = permutationTests(x, y, { draws: 2000, seed: 3 });
      for (const alternative of ALTERNATIVES) expect(all[alternative]).toEqual(permutationTest(x, y, { alternative, draws: 2000, seed: 3 }));
    }
  });

  it("a perfect reversal of 5 by hand: less 1/120, greater 1, two-sided 2/120", () => {
    const all = permutationTests([1, 2, 3, 4, 5], [5, 4, 3, 2, 1]);
    expect(all.less.pValue).toBeCloseTo(1 / 120, 12);
    expect(all.greater.pValue).toBe(1);
    expect(all["two-sided"].pValue).toBeCloseTo(2 / 120, 12);
  });
});

describe("associationOverRanges on point values: both p from the generic tests", () => {
  it("n = 40: pClaimed and pOpposite are the two one-sided generic permutation p", () => {
    const r = associationOverRanges(x40, y40.map((v) => [v, v] as [number, number]), { direction: "negative", seed: 9 });
    expect(r.pClaimed).toBe(permutationTest(x40, y40, { alternative: "less", seed: 9, statistic: generic }).pValue);
    expect(r.pOpposite).toBe(permutationTest(x40, y40, { alternative: "greater", seed: 9, statistic: generic }).pValue);
    expect(r.rhoMin).toBe(spearman(x40, y40));
  });
});
