/**
 * Rank correlation.
 *
 * Spearman's ρ = Pearson correlation of the ranks of x and of y, with tied
 * values given the average of the ranks they span (so ρ is correct with ties).
 * Without ties it equals 1 − 6 Σ d² / (n (n² − 1)).
 */

/** Ranks 1…n; ties get the mean of the ranks they occupy. */
export function rank(values: readonly number[]): number[] {
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

/** Pearson's correlation; NaN when either side has no variance. */
export function pearson(x: readonly number[], y: readonly number[]): number {
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
  return sxy / Math.sqrt(sxx * syy);
}

function checkPairs(fn: string, x: readonly number[], y: readonly number[]): void {
  if (x.length !== y.length) throw new RangeError(`${fn}: x has ${x.length} values, y has ${y.length}`);
  if (x.length < 3) throw new RangeError(`${fn}: needs at least 3 pairs, got ${x.length}`);
  if ([...x, ...y].some((v) => !Number.isFinite(v))) throw new RangeError(`${fn}: values must be finite numbers`);
}

/**
 * Spearman's rank correlation ρ of paired values.
 * @example
 * spearman([1, 2, 3, 4], [40, 30, 20, 10]); // −1
 */
export function spearman(x: readonly number[], y: readonly number[]): number {
  checkPairs("spearman", x, y);
  return pearson(rank(x), rank(y));
}
