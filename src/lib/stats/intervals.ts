/**
 * Claims about published values that are ranges ("+10-15 %") or missing:
 * decide what the numbers allow, and say when they do not decide.
 */
import { StatisticsInputError } from "./errors";
import { checkAlternative, checkInteger, permutationTests, type Alternative, type PermutationResult } from "./permutation";
import { spearman } from "./rank";

/** A published value: [low, high] (low = high for a point), or null when not published. */
export type Interval = readonly [number, number] | null;

export interface ExceedResult {
  /** Members of A that beat at least m members of B whatever the true values in the ranges. */
  sure: number;
  /** Members of A that may beat at least m members of B (unknown values count as possible). */
  possible: number;
  /** true: the claim holds for every value in the ranges; false: for none; null: the ranges do not decide. */
  holds: boolean | null;
}

/**
 * Check a list of published values: each null or [low, high] with finite low ≤ high.
 * @throws StatisticsInputError naming the list and the position of the first bad interval
 * @example
 * checkIntervals("atLeastKExceedM", "a", [[10, 15], null]); // passes
 */
export function checkIntervals(fn: string, name: string, list: readonly Interval[]): void {
  if (!Array.isArray(list)) throw new StatisticsInputError(fn, `${name} an array of [low, high] intervals or null`, typeof list);
  list.forEach((iv, i) => {
    if (iv === null) return;
    if (!Array.isArray(iv) || iv.length !== 2) throw new StatisticsInputError(fn, `${name}[${i}] a [low, high] pair or null`, JSON.stringify(iv));
    const [lo, hi] = iv;
    if (typeof lo !== "number" || typeof hi !== "number" || !Number.isFinite(lo) || !Number.isFinite(hi)) {
      throw new StatisticsInputError(fn, `${name}[${i}] with finite ends`, `[${String(lo)}, ${String(hi)}]`);
    }
    if (lo > hi) throw new StatisticsInputError(fn, `${name}[${i}] with low ≤ high (a reversed interval is not a range)`, `[${lo}, ${hi}]`);
  });
}

/**
 * "At least k members of A have a higher value than at least m members of B."
 * A member a surely beats b when low(a) > high(b); possibly when high(a) > low(b).
 * @throws StatisticsInputError on a reversed or non-finite interval, or k, m not integers ≥ 1
 * @example
 * atLeastKExceedM([[30, 30], [4, 4]], [[10, 15], [23, 23]], 1, 1); // { sure: 1, possible: 1, holds: true }
 */
export function atLeastKExceedM(a: readonly Interval[], b: readonly Interval[], k: number, m: number): ExceedResult {
  const fn = "atLeastKExceedM";
  checkIntervals(fn, "a", a);
  checkIntervals(fn, "b", b);
  checkInteger(fn, "k", k, 1, Number.MAX_SAFE_INTEGER);
  checkInteger(fn, "m", m, 1, Number.MAX_SAFE_INTEGER);
  const known = b.filter((x): x is readonly [number, number] => x !== null);
  const unknownB = b.length - known.length;
  let sure = 0;
  let possible = 0;
  for (const x of a) {
    if (x === null) {
      possible += 1;
      continue;
    }
    const beatsSurely = known.filter((y) => x[0] > y[1]).length;
    const beatsPossibly = known.filter((y) => x[1] > y[0]).length + unknownB;
    if (beatsSurely >= m) sure += 1;
    if (beatsPossibly >= m) possible += 1;
  }
  return { sure, possible, holds: sure >= k ? true : possible < k ? false : null };
}

export interface RhoRange {
  /** Number of orderings of the range members enumerated. */
  orderings: number;
  min: number;
  max: number;
  /** Permutation tests at the two extreme orderings. */
  atMin: PermutationResult;
  atMax: PermutationResult;
}

function* product(groups: number[][]): Generator<number[][]> {
  if (groups.length === 0) {
    yield [];
    return;
  }
  const [first, ...rest] = groups;
  for (const p of orders(first!)) for (const tail of product(rest)) yield [p, ...tail];
}

function* orders(items: number[]): Generator<number[]> {
  if (items.length <= 1) {
    yield [...items];
    return;
  }
  for (let i = 0; i < items.length; i += 1) {
    const rest = [...items.slice(0, i), ...items.slice(i + 1)];
    for (const o of orders(rest)) yield [items[i]!, ...o];
  }
}

/**
 * Spearman's ρ of x against values known only as ranges: every ordering of
 * the members of each group of identical ranges is enumerated (members are
 * placed strictly inside their range, so a range's end equal to another
 * value counts as above/below it, not tied), giving the smallest and
 * largest ρ the published numbers allow, with a permutation test at each.
 * @throws StatisticsInputError (a RangeError) when the lengths differ, a value
 *   is not finite, a range is reversed, a range strictly contains another value
 *   or overlaps another range only in part (orderings would not be determined
 *   by groups), more than `maxOrderings` orderings would be needed, or ρ is
 *   undefined (x constant, or every y the same point).
 * @example
 * spearmanOverRanges([1, 2, 3, 4], [[10, 10], [5, 8], [5, 8], [1, 1]], { alternative: "less" });
 * // { orderings: 2, min: −1, max: −0.8, atMin: { pValue: 1/24, … }, atMax: … }
 */
export function spearmanOverRanges(
  x: readonly number[],
  y: readonly (readonly [number, number])[],
  opts: { alternative?: "two-sided" | "less" | "greater"; seed?: number; maxOrderings?: number } = {},
): RhoRange {
  const all = spearmanOverRangesAll(x, y, opts);
  const alt = opts.alternative ?? "two-sided";
  return { orderings: all.orderings, min: all.min, max: all.max, atMin: all.atMin[alt], atMax: all.atMax[alt] };
}

/** `spearmanOverRanges` with the permutation tests under every alternative (one pass of draws per extreme ordering, one in all when the two are the same). */
export function spearmanOverRangesAll(
  x: readonly number[],
  y: readonly (readonly [number, number])[],
  opts: { alternative?: "two-sided" | "less" | "greater"; seed?: number; maxOrderings?: number } = {},
): { orderings: number; min: number; max: number; atMin: Record<Alternative, PermutationResult>; atMax: Record<Alternative, PermutationResult> } {
  const fn = "spearmanOverRanges";
  if (!Array.isArray(x) || x.length !== y.length)
    throw new StatisticsInputError(fn, "as many x values as ranges", `${x.length} x values, ${y.length} ranges`);
  const yi = y.findIndex((r) => r === null);
  if (yi >= 0) throw new StatisticsInputError(fn, "a published [low, high] for every y (leave unpublished values out)", `null at y[${yi}]`);
  checkIntervals(fn, "y", y);
  const xi = x.findIndex((v) => typeof v !== "number" || !Number.isFinite(v));
  if (xi >= 0) throw new StatisticsInputError(fn, "finite x values", `${String(x[xi])} at x[${xi}]`);
  checkAlternative(fn, opts.alternative ?? "two-sided");
  const key = (r: readonly [number, number]): string => `${r[0]}|${r[1]}`;
  const groups = new Map<string, number[]>();
  y.forEach((r, i) => {
    if (r[0] < r[1]) groups.set(key(r), [...(groups.get(key(r)) ?? []), i]);
  });
  for (const [g, members] of groups) {
    const [lo, hi] = y[members[0]!]!;
    y.forEach((r, i) => {
      if (key(r) === g) return;
      const overlaps = r[0] < hi && r[1] > lo;
      if (overlaps)
        throw new StatisticsInputError(
          fn,
          "ranges that are identical or disjoint",
          `value ${i} [${r[0]}, ${r[1]}] lies inside or across range [${lo}, ${hi}]`,
        );
    });
  }
  const groupList = [...groups.values()];
  const count = groupList.reduce((acc, g) => acc * [...Array(g.length).keys()].reduce((f, i) => f * (i + 1), 1), 1);
  const limit = checkInteger(fn, "maxOrderings", opts.maxOrderings ?? 40_320, 1, 10_000_000);
  if (count > limit) throw new StatisticsInputError(fn, `at most ${limit} orderings`, `${count}`);
  let min = Infinity;
  let max = -Infinity;
  let yMin: number[] = [];
  let yMax: number[] = [];
  for (const choice of product(groupList)) {
    const vals = y.map((r) => r[0]);
    choice.forEach((order) => {
      const [lo, hi] = y[order[0]!]!;
      order.forEach((idx, pos) => (vals[idx] = lo + ((hi - lo) * (pos + 1)) / (order.length + 1)));
    });
    const rho = spearman(x, vals);
    if (rho < min) [min, yMin] = [rho, vals];
    if (rho > max) [max, yMax] = [rho, vals];
  }
  const test = (vals: number[]): Record<Alternative, PermutationResult> => permutationTests(x, vals, { seed: opts.seed });
  const atMin = test(yMin);
  // a single ordering (point values) is both extremes: its tests are the same
  return { orderings: count, min, max, atMin, atMax: yMax === yMin ? atMin : test(yMax) };
}
