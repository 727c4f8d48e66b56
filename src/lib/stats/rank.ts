/**
 * Rank correlation.
 *
 * Spearman's ρ = Pearson correlation of the ranks of x and of y, with tied
 * values given the average of the ranks they span (so ρ is correct with ties).
 * Without ties it equals 1 − 6 Σ d² / (n (n² − 1)).
 *
 * Both refuse input on which the coefficient is undefined (StatisticsInputError):
 * unequal lengths, fewer than 3 pairs, a non-finite value, or a side with no
 * variance (a constant vector: 0/0).
 */
import { StatisticsInputError } from "./errors";

/**
 * Ranks 1…n; ties get the mean of the ranks they occupy.
 * @throws StatisticsInputError on a non-finite value (NaN cannot be ordered)
 * @example
 * rank([10, 20, 20, 5]); // [2, 3.5, 3.5, 1]
 */
export function rank(values: readonly number[]): number[] {
  checkFinite("rank", "values", values);
  return rankUnchecked(values);
}

function rankUnchecked(values: readonly number[]): number[] {
  const idx = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(values.length);
  let i = 0;
  while (i < idx.length) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1]![0] === idx[i]![0]) j += 1;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k += 1) out[idx[k]![1]] = r;
    i = j + 1;
  }
  return out;
}

function checkFinite(fn: string, side: string, v: readonly number[]): void {
  const i = v.findIndex((x) => typeof x !== "number" || !Number.isFinite(x));
  if (i >= 0) throw new StatisticsInputError(fn, "finite numbers", `${String(v[i])} at ${side}[${i}]`);
}

function checkVaries(fn: string, side: string, v: readonly number[]): void {
  if (v.every((x) => x === v[0])) {
    throw new StatisticsInputError(
      fn,
      `${side} with at least two distinct values (the correlation is 0/0 otherwise)`,
      `all ${v.length} values equal ${v[0]}`,
    );
  }
}

/**
 * The checks shared by the correlation coefficients and the permutation test:
 * equal lengths, at least 3 pairs, finite values, and neither side constant.
 * @throws StatisticsInputError naming the function and the first offending value
 * @example
 * checkPairs("spearman", [1, 1, 1], [1, 2, 3]); // throws: spearman: expected x with at least two distinct values …
 */
export function checkPairs(fn: string, x: readonly number[], y: readonly number[]): void {
  if (!Array.isArray(x) || !Array.isArray(y)) throw new StatisticsInputError(fn, "two arrays of numbers");
  if (x.length !== y.length) throw new StatisticsInputError(fn, "x and y of equal length", `x has ${x.length} values, y has ${y.length}`);
  if (x.length < 3) throw new StatisticsInputError(fn, "at least 3 pairs", `${x.length}`);
  checkFinite(fn, "x", x);
  checkFinite(fn, "y", y);
  checkVaries(fn, "x", x);
  checkVaries(fn, "y", y);
}

/** Σ dx·dy, Σ dx², Σ dy² about the means (the plain two-pass sums). */
function moments(x: readonly number[], y: readonly number[]): [number, number, number] {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i += 1) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return [sxy, sxx, syy];
}

/** The deviations of v from its mean, divided by the largest |deviation| (so within [−1, 1], one of them ±1); v is first divided by max |v| so the mean cannot overflow. */
function scaledDeviations(v: readonly number[]): number[] {
  const m = v.reduce((a, b) => Math.max(a, Math.abs(b)), 0);
  const u = v.map((a) => a / m);
  const mean = u.reduce((a, b) => a + b, 0) / u.length;
  const d = u.map((a) => a - mean);
  const md = d.reduce((a, b) => Math.max(a, Math.abs(b)), 0);
  return d.map((a) => a / md);
}

/** Sums of squares this small are made of terms that may have lost digits to underflow. */
const TINY = 1e-150;

/** Pearson's r without checks (the callers have checked). */
function pearsonUnchecked(x: readonly number[], y: readonly number[]): number {
  let [sxy, sxx, syy] = moments(x, y);
  // r is unchanged by centring and by scaling each side, so when the plain sums overflow (a
  // mean or Σ dx² beyond the largest double, e.g. deviations of 1e200) or underflow (squares of
  // subnormal deviations), they are taken again over deviations scaled into [−1, 1]: Σ dx² is
  // then between 1 and n and every product representable. Ordinary input keeps the plain sums.
  if (!(Number.isFinite(sxx * syy) && sxx >= TINY && syy >= TINY)) [sxy, sxx, syy] = moments(scaledDeviations(x), scaledDeviations(y));
  const r = sxy / Math.sqrt(sxx * syy);
  // Distinct values may still leave no variance after rounding.
  if (!Number.isFinite(r))
    throw new StatisticsInputError("pearson", "values whose sums of squares are positive and finite in floating point", `sxx = ${sxx}, syy = ${syy}`);
  return r;
}

/**
 * Pearson's correlation r of paired values.
 * @throws StatisticsInputError on unequal lengths, fewer than 3 pairs, a non-finite value or a constant side
 * @example
 * pearson([1, 2, 3], [2, 4, 6]); // 1
 */
export function pearson(x: readonly number[], y: readonly number[]): number {
  checkPairs("pearson", x, y);
  return pearsonUnchecked(x, y);
}

/**
 * Spearman's rank correlation ρ of paired values.
 * @remarks
 * Spearman's rank correlation of n pairs (x, y): replace each value by its rank (1 = smallest; tied values get the mean
 * of the ranks they span) and take Pearson's correlation of the ranks. Without ties this is
 *
 * $$\rho = 1 - \frac{6 \sum_k d_k^2}{n (n^2 - 1)}, \qquad d_k = \mathrm{rank}(x_k) - \mathrm{rank}(y_k)$$
 *
 * ρ = 1: the same order; −1: the reverse order; 0: no monotone relation (a monotone relation goes one way only: as x rises, y only rises, or only falls).
 *
 * References: Spearman, C. (1904). The proof and measurement of association between two things. *American Journal of
 * Psychology* 15(1), 72–101. Hollander, M., Wolfe, D. A. & Chicken, E. (2014). *Nonparametric Statistical Methods*
 * (3rd ed.). Hoboken, NJ: Wiley.
 * @throws StatisticsInputError on unequal lengths, fewer than 3 pairs, a non-finite value or a constant side
 * @example
 * spearman([1, 2, 3, 4], [40, 30, 20, 10]); // −1
 */
export function spearman(x: readonly number[], y: readonly number[]): number {
  checkPairs("spearman", x, y);
  return pearsonUnchecked(rankUnchecked(x), rankUnchecked(y));
}
