/**
 * Interval arithmetic for printed figures: a figure printed to whole percent stands for every
 * value within half a unit of it, and a quantity derived from such figures (a weighted mean, a
 * difference, a spread) is known only as the [min, max] those values allow. A comparison is then
 * `true` when it holds at every allowed value, `false` when it holds at none, `"undecided"` else.
 * Plain TypeScript over arrays: cheap enough to recompute for every leave-k-out case.
 */
import { IndicatorInputError } from "../data/errors";

/** A quantity known only within [low, high] (a point value as [v, v]). */
export type Bounds = readonly [number, number];

function checkBounds(fn: string, what: string, b: Bounds): void {
  if (!Number.isFinite(b[0]) || !Number.isFinite(b[1]) || b[0] > b[1]) throw new IndicatorInputError(fn, `${what} must be finite [low, high] with low ≤ high, got [${b[0]}, ${b[1]}]`);
}

/**
 * The values a printed figure can stand for: value ± half a unit of its last printed digit,
 * clamped to [min, max] (e.g. a percentage printed as 0 stands for [0, 0.5]).
 * @remarks
 * A figure v printed to d decimals stands for every value within half a unit of its last digit:
 *
 * $$x \in \left[ v - \tfrac{1}{2} \cdot 10^{-d},\ v + \tfrac{1}{2} \cdot 10^{-d} \right]$$
 *
 * ("44" → [43.5, 44.5]; "18,7" → [18.65, 18.75]; "220.000" → [215 000, 225 000]: Norwegian writes a dot between thousands, so this is 220 000, and a round number
 * like it is read as rounded to its last non-zero digit, here the ten thousands, so it stands for 220 000 ± 5 000).
 * A quantity computed from such figures is known only as an interval: $[a, b] + [c, d] = [a + c,\ b + d]$,
 * $[a, b] - [c, d] = [a - d,\ b - c]$, and a function that is monotone in each input (as one input rises, with the others
 * fixed, it only rises or only falls, like a sum or a share) is lowest and highest when every input sits at one end of
 * its interval (at the corners of the box of inputs). A comparison is true when it holds at every value the intervals allow, false when at none, and
 * undecided otherwise.
 *
 * References: Moore, R. E. (1966). *Interval Analysis*. Englewood Cliffs, NJ: Prentice-Hall. Moore, R. E., Kearfott,
 * R. B. & Cloud, M. J. (2009). *Introduction to Interval Analysis*. Philadelphia: SIAM.
 * @throws IndicatorInputError when the value is not finite, decimals is not an integer, min > max,
 *   or the value's rounding interval lies wholly outside [min, max] (e.g. 101 % with max 100)
 * @example roundingBounds(18); // [17.5, 18.5]
 * roundingBounds(0, { min: 0 }); // [0, 0.5]
 * roundingBounds(18.7, { decimals: 1 }); // [18.65, 18.75]
 */
export function roundingBounds(value: number, opts: { decimals?: number; min?: number; max?: number } = {}): Bounds {
  const fn = "roundingBounds";
  if (!Number.isFinite(value)) throw new IndicatorInputError(fn, `a finite printed value is needed, got ${value}`);
  const decimals = opts.decimals ?? 0;
  if (!Number.isInteger(decimals)) throw new IndicatorInputError(fn, `decimals must be an integer (digits after the point), got ${decimals}`);
  const min = opts.min ?? -Infinity;
  const max = opts.max ?? Infinity;
  if (Number.isNaN(min) || Number.isNaN(max) || min > max) throw new IndicatorInputError(fn, `the clamp must have min ≤ max, got [${min}, ${max}]`);
  const half = 0.5 * 10 ** -decimals;
  const b: Bounds = [Math.max(min, value - half), Math.min(max, value + half)];
  // a printed value whose rounding interval misses the clamp would give a crossed [low, high]
  if (b[0] > b[1]) throw new IndicatorInputError(fn, `the printed value ${value} ± ${half} must overlap the clamp [${min}, ${max}]`);
  return b;
}

/** One unit of a weighted mean: its rate and its weight, each known within bounds. */
export interface WeightedUnit {
  rate: Bounds;
  weight: Bounds;
}

/**
 * The weighted means at the n + 1 threshold splits in rate order for one side: the first k units
 * (those pulling the mean toward that side's extreme) at their largest weight, the others at
 * their smallest. Returns the least and the greatest of these candidate means (each a feasible
 * value of the mean).
 */
function thresholdMeans(units: readonly WeightedUnit[], side: "min" | "max"): Bounds {
  // the rate at its least (most) favourable end; sorted so that the units pulling the mean toward the extreme come first
  const xs = units.map((u) => ({ r: side === "min" ? u.rate[0] : u.rate[1], lo: u.weight[0], hi: u.weight[1] }));
  xs.sort((a, b) => (side === "min" ? a.r - b.r : b.r - a.r));
  let least = Infinity;
  let greatest = -Infinity;
  for (let k = 0; k <= xs.length; k += 1) {
    let num = 0;
    let den = 0;
    xs.forEach((x, i) => {
      const w = i < k ? x.hi : x.lo;
      num += w * x.r;
      den += w;
    });
    if (den > 0) {
      least = Math.min(least, num / den);
      greatest = Math.max(greatest, num / den);
    }
  }
  return [least, greatest];
}

/**
 * Exact bounds of the weighted mean Σ w·r / Σ w when each rate r_j and weight w_j (≥ 0) is known
 * only within bounds. The mean is linear-fractional in the weights, so its extremes put the
 * largest weights on the units with the most extreme rates: the n + 1 threshold splits in rate
 * order are tried (O(n²)).
 * @throws IndicatorInputError when there are no units, a bound is not finite, a weight can be negative, or every weight can be 0 only
 * @example
 * // rates 10 and 20 (exact), each weight between 1 and 3:
 * // min = (3·10 + 1·20) / 4 = 12.5, max = (1·10 + 3·20) / 4 = 17.5
 * weightedMeanBounds([{ rate: [10, 10], weight: [1, 3] }, { rate: [20, 20], weight: [1, 3] }]); // [12.5, 17.5]
 */
export function weightedMeanBounds(units: readonly WeightedUnit[]): Bounds {
  const fn = "weightedMeanBounds";
  if (units.length === 0) throw new IndicatorInputError(fn, "no units to average (a group left empty)");
  for (const u of units) {
    checkBounds(fn, "a rate", u.rate);
    checkBounds(fn, "a weight", u.weight);
    if (u.weight[0] < 0) throw new IndicatorInputError(fn, `weights must be ≥ 0, got [${u.weight[0]}, ${u.weight[1]}]`);
  }
  if (units.every((u) => u.weight[1] === 0)) throw new IndicatorInputError(fn, "every weight is 0: the mean is not defined");
  // The minimum is attained among the "min" side's candidates and the maximum among the "max"
  // side's, but the two sides sum the units in opposite rate orders, so with exact inputs (every
  // candidate the same mean) the two could come out one ulp apart and crossed (low > high). Every
  // candidate of either side is a feasible mean, so the least and the greatest over both sides
  // are still the exact bounds up to rounding, and low ≤ high holds by construction.
  const a = thresholdMeans(units, "min");
  const b = thresholdMeans(units, "max");
  return [Math.min(a[0], b[0]), Math.max(a[1], b[1])];
}

/**
 * Bounds of the weighted mean of each group, in the order asked.
 * @throws IndicatorInputError when a group asked for has no unit with a positive weight (e.g. every member left out)
 * @example
 * weightedMeanBoundsBy([{ g: "a", rate: [10, 10], weight: [1, 1] }, { g: "b", rate: [4, 6], weight: [2, 2] }], (u) => u.g, ["a", "b"]);
 * // [[10, 10], [4, 6]]
 */
export function weightedMeanBoundsBy<U extends WeightedUnit>(units: readonly U[], group: (u: U) => string, groups: readonly string[]): Bounds[] {
  return groups.map((g) => {
    const members = units.filter((u) => group(u) === g);
    if (members.length === 0) throw new IndicatorInputError("weightedMeanBoundsBy", `group '${g}' has no units`);
    return weightedMeanBounds(members);
  });
}

/**
 * Does a exceed b by at least `threshold` (and by more than 0) at every value the bounds allow?
 * `true` when it does at every value, `false` when at none, `"undecided"` otherwise.
 * Bounds are read as closed, so two figures that can be equal never surely differ; a difference within 1e-9 of the
 * figures' size counts as equal (the rounding of the subtraction, not a difference of the figures).
 * @throws IndicatorInputError when a or b is not a finite [low, high] with low ≤ high, or the threshold is not finite
 * @example
 * exceedsAtEveryValue([18.5, 19.5], [16.5, 17.5]); // true (18.5 − 17.5 > 0)
 * exceedsAtEveryValue([17.5, 18.5], [16.5, 17.5]); // "undecided" (both can be 17.5)
 * exceedsAtEveryValue([20, 22], [10, 19], 2);       // "undecided" (gap 1 … 12)
 * exceedsAtEveryValue([10, 11], [12, 13]);          // false
 */
export function exceedsAtEveryValue(a: Bounds, b: Bounds, threshold = 0): boolean | "undecided" {
  checkBounds("exceedsAtEveryValue", "a", a);
  checkBounds("exceedsAtEveryValue", "b", b);
  if (typeof threshold !== "number" || !Number.isFinite(threshold)) throw new IndicatorInputError("exceedsAtEveryValue", `threshold must be finite, got ${threshold}`);
  // closed bounds in floating point: 8.05 − 6.05 is 1.9999999999999991, so a difference within 1e-9 of the figures'
  // size counts as equal (to the threshold, or to 0)
  const tol = 1e-9 * Math.max(1, Math.abs(a[0]), Math.abs(a[1]), Math.abs(b[0]), Math.abs(b[1]));
  const holds = (d: number): boolean => d >= threshold - tol && d > tol;
  if (holds(a[0] - b[1])) return true;
  if (!holds(a[1] - b[0])) return false;
  return "undecided";
}

/**
 * Bounds of the spread (largest minus smallest) of several quantities each known within bounds.
 * @example
 * // 56, 46 and 38 printed to whole percent: spread at least 55.5 − 38.5 = 17, at most 56.5 − 37.5 = 19
 * spreadBounds([[55.5, 56.5], [45.5, 46.5], [37.5, 38.5]]); // [17, 19]
 */
export function spreadBounds(values: readonly Bounds[]): Bounds {
  if (values.length < 2) throw new IndicatorInputError("spreadBounds", `at least two quantities are needed, got ${values.length}`);
  for (const v of values) checkBounds("spreadBounds", "a value", v);
  const maxHi = Math.max(...values.map((v) => v[1]));
  const minLo = Math.min(...values.map((v) => v[0]));
  const maxLo = Math.max(...values.map((v) => v[0]));
  const minHi = Math.min(...values.map((v) => v[1]));
  return [Math.max(0, maxLo - minHi), maxHi - minLo];
}

/**
 * Bounds of f over a box of inputs, from its value at every corner (2^n evaluations): exact when f
 * is monotone in each input (as sums, differences and quotients of positive figures are), which the
 * caller asserts.
 * @throws IndicatorInputError for more than 16 inputs, a bound that is not finite, or f not finite at a corner
 * @example
 * // (G + H) / s − (G + H + R) with G = 367, H = 78, R = 84 and s = 0.78, each ± its rounding:
 * cornerBounds(([g, h, r, s]) => (g + h) / s - (g + h + r), [[366.5, 367.5], [77.5, 78.5], [83, 86], [0.775, 0.785]]);
 */
export function cornerBounds(f: (x: number[]) => number, box: readonly Bounds[]): Bounds {
  const fn = "cornerBounds";
  if (box.length > 16) throw new IndicatorInputError(fn, `at most 16 inputs (2^16 corners), got ${box.length}`);
  box.forEach((b, i) => checkBounds(fn, `input ${i}`, b));
  let lo = Infinity;
  let hi = -Infinity;
  for (let mask = 0; mask < 2 ** box.length; mask += 1) {
    const v = f(box.map((b, i) => ((mask >> i) & 1 ? b[1] : b[0])));
    if (!Number.isFinite(v)) throw new IndicatorInputError(fn, `f is not finite at a corner (${v})`);
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return [lo, hi];
}

/**
 * Three-valued "and" of comparisons decided over bounds: `false` when any part is false, `true`
 * when every part is true, `"undecided"` otherwise (a claim of several parts holds only if all do).
 * @example allOf([true, true]); // true
 * allOf([true, "undecided"]); // "undecided"
 * allOf(["undecided", false]); // false
 */
export function allOf(outcomes: readonly (boolean | "undecided")[]): boolean | "undecided" {
  if (outcomes.length === 0) throw new IndicatorInputError("allOf", "at least one outcome is needed");
  if (outcomes.some((o) => o === false)) return false;
  return outcomes.every((o) => o === true) ? true : "undecided";
}
