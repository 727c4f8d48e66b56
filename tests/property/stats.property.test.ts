/**
 * Property tests of the statistics on generated degenerate input: constant
 * vectors, unequal lengths, fewer than 3 pairs, non-finite values, reversed
 * intervals. Each must give a StatisticsInputError — never a NaN statistic
 * or p = 0 — and valid input must give a finite ρ in [−1, 1] and 0 < p ≤ 1.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { StatisticsInputError, atLeastKExceedM, pearson, permutationTest, spearman, spearmanOverRanges, type Interval } from "../../src/lib/index";

let tried = 0;
let refused = 0;

/** Run `f`, expecting a StatisticsInputError; any other outcome fails the property. */
function refuses(f: () => unknown): void {
  tried += 1;
  let result: unknown;
  try {
    result = f();
  } catch (e) {
    if (e instanceof StatisticsInputError) {
      refused += 1;
      return;
    }
    throw e;
  }
  throw new Error(`expected a StatisticsInputError, got ${JSON.stringify(result)}`);
}

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const nonFinite = fc.constantFrom(NaN, Infinity, -Infinity);
/** A vector of n ≥ 3 finite values with at least two distinct ones. */
const varying = (min = 3, max = 12): fc.Arbitrary<number[]> =>
  fc.array(finite, { minLength: min, maxLength: max }).filter((v) => v.some((x) => x !== v[0]));
const pair = fc.integer({ min: 3, max: 12 }).chain((n) => fc.tuple(varying(n, n), varying(n, n)));
const fast = { exactMax: 5, draws: 200 };
const statistics: [string, (x: number[], y: number[]) => unknown][] = [
  ["spearman", spearman],
  ["pearson", pearson],
  ["permutationTest", (x, y) => permutationTest(x, y, fast)],
];

describe("correlation and permutation test on degenerate input", () => {
  for (const [name, f] of statistics) {
    it(`${name}: a constant x or y is refused`, () => {
      fc.assert(
        fc.property(varying(), finite, fc.boolean(), (v, c, constX) => {
          const k = v.map(() => c);
          refuses(() => (constX ? f(k, v) : f(v, k)));
        }),
        { numRuns: 60, seed: 14 },
      );
    });

    it(`${name}: unequal lengths and fewer than 3 pairs are refused`, () => {
      fc.assert(
        fc.property(fc.array(finite, { maxLength: 12 }), fc.array(finite, { maxLength: 12 }), (x, y) => {
          fc.pre(x.length !== y.length || x.length < 3);
          refuses(() => f(x, y));
        }),
        { numRuns: 60, seed: 15 },
      );
    });

    it(`${name}: a non-finite value anywhere is refused`, () => {
      fc.assert(
        fc.property(pair, nonFinite, fc.nat(), fc.boolean(), ([x, y], bad, at, inX) => {
          const v = inX ? [...x] : [...y];
          v[at % v.length] = bad;
          refuses(() => (inX ? f(v, y) : f(x, v)));
        }),
        { numRuns: 60, seed: 16 },
      );
    });
  }

  it("valid pairs: a finite ρ in [−1, 1] and 0 < p ≤ 1", () => {
    fc.assert(
      fc.property(pair, fc.constantFrom("two-sided", "less", "greater") as fc.Arbitrary<"two-sided" | "less" | "greater">, ([x, y], alternative) => {
        tried += 1;
        const r = permutationTest(x, y, { ...fast, alternative });
        expect(Number.isFinite(r.statistic)).toBe(true);
        expect(Math.abs(r.statistic)).toBeLessThanOrEqual(1 + 1e-12);
        expect(r.pValue).toBeGreaterThan(0);
        expect(r.pValue).toBeLessThanOrEqual(1);
      }),
      { numRuns: 80, seed: 17 },
    );
  });
});

const point = fc.integer({ min: -50, max: 50 }).map((v): Interval => [v, v]);
const range = fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 20 })).map(([lo, w]): Interval => [lo, lo + w]);
const interval = fc.oneof(point, range, fc.constant<Interval>(null));
const intervals = fc.array(interval, { minLength: 1, maxLength: 8 });

describe("interval claims on degenerate input", () => {
  it("atLeastKExceedM: a reversed interval in A or B is refused (a reversed [5, 1] used to decide the claim)", () => {
    fc.assert(
      fc.property(
        intervals,
        intervals,
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 1, max: 20 }),
        fc.nat(),
        fc.boolean(),
        (a, b, lo, w, at, inA) => {
          const list = inA ? [...a] : [...b];
          list[at % list.length] = [lo + w, lo];
          refuses(() => (inA ? atLeastKExceedM(list, b, 1, 1) : atLeastKExceedM(a, list, 1, 1)));
        },
      ),
      { numRuns: 100, seed: 18 },
    );
  });

  it("atLeastKExceedM: non-finite ends and k or m that are not integers ≥ 1 are refused", () => {
    fc.assert(
      fc.property(
        intervals,
        intervals,
        nonFinite,
        fc.nat(),
        fc.constantFrom(0, -1, 1.5, NaN, Infinity),
        fc.boolean(),
        (a, b, bad, at, km, useEnd) => {
          if (useEnd) {
            const list = [...a];
            list[at % list.length] = at % 2 ? [0, bad] : [bad, 0];
            refuses(() => atLeastKExceedM(list, b, 1, 1));
          } else {
            refuses(() => (at % 2 ? atLeastKExceedM(a, b, km, 1) : atLeastKExceedM(a, b, 1, km)));
          }
        },
      ),
      { numRuns: 100, seed: 19 },
    );
  });

  it("atLeastKExceedM on valid intervals: sure ≤ possible, and holds agrees with them", () => {
    fc.assert(
      fc.property(intervals, intervals, fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }), (a, b, k, m) => {
        tried += 1;
        const r = atLeastKExceedM(a, b, k, m);
        expect(r.sure).toBeLessThanOrEqual(r.possible);
        expect(r.holds).toBe(r.sure >= k ? true : r.possible < k ? false : null);
      }),
      { numRuns: 100, seed: 20 },
    );
  });

  it("spearmanOverRanges: a reversed range or a non-finite x is refused", () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 7 }), fc.nat(), fc.boolean(), (n, at, reversed) => {
        const x = Array.from({ length: n }, (_, i) => i + 1);
        const y: [number, number][] = x.map((_, i) => [10 * i, 10 * i]);
        if (reversed) y[at % n] = [10 * (at % n) + 5, 10 * (at % n)];
        else x[at % n] = NaN;
        refuses(() => spearmanOverRanges(x, y, { seed: 1 }));
      }),
      { numRuns: 60, seed: 21 },
    );
  });
});

afterAll(() => {
  process.stdout.write(`\nproperty tests (stats): ${tried} generated inputs tried, ${refused} refused with StatisticsInputError\n`);
});
