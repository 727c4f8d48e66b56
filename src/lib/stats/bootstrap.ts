/**
 * A seeded percentile bootstrap interval for a statistic of paired data (default Spearman's ρ): resample the n pairs
 * with replacement `draws` times (pure-rand's xoroshiro128+, seeded), compute the statistic on each resample, and take
 * the (1 − level)/2 and (1 + level)/2 quantiles (type 7, linear between order statistics). Resamples on which the
 * statistic is not defined (e.g. all x tied) are skipped and counted.
 */
import * as prand from "pure-rand";
import { StatisticsInputError } from "./errors";
import { checkInteger } from "./permutation";
import { checkPairs, spearman } from "./rank";

export interface BootstrapResult {
  estimate: number;
  low: number;
  high: number;
  level: number;
  /** Resamples drawn, and those skipped because the statistic was not finite on them. */
  draws: number;
  skipped: number;
}

/** Quantile of sorted values, type 7. */
function quantile(sorted: readonly number[], q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * Percentile bootstrap interval of `statistic(x, y)`.
 * @throws StatisticsInputError for unequal or short inputs, level outside (0, 1), a seed that is not a 32-bit integer, or
 *   when fewer than half the resamples give a value
 * @example
 * bootstrapInterval([1, 2, 3, 4, 5], [1, 2, 3, 4, 5]); // { estimate: 1, low: 1, high: 1, … }
 */
export function bootstrapInterval(
  x: readonly number[],
  y: readonly number[],
  opts: { statistic?: (x: readonly number[], y: readonly number[]) => number; draws?: number; level?: number; seed?: number } = {},
): BootstrapResult {
  const fn = "bootstrapInterval";
  checkPairs(fn, x, y);
  const draws = checkInteger(fn, "draws", opts.draws ?? 2000, 100, 1_000_000);
  const level = opts.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new StatisticsInputError(fn, "level in (0, 1)", String(level));
  const stat = opts.statistic ?? spearman;
  const n = x.length;
  // as permutationTest and spearmanPower: a seed outside 32-bit integers (2**32, 1.5, "a") would silently act as another
  const seed = checkInteger(fn, "seed", opts.seed ?? 20091114, -(2 ** 31), 2 ** 31 - 1);
  const rng = prand.xoroshiro128plus(seed);
  const values: number[] = [];
  const xs = new Array<number>(n);
  const ys = new Array<number>(n);
  for (let d = 0; d < draws; d++) {
    for (let i = 0; i < n; i++) {
      const j = prand.unsafeUniformIntDistribution(0, n - 1, rng);
      xs[i] = x[j]!;
      ys[i] = y[j]!;
    }
    let v = NaN;
    try {
      v = stat(xs, ys);
    } catch {
      v = NaN;
    }
    if (Number.isFinite(v)) values.push(v);
  }
  if (values.length < draws / 2) throw new StatisticsInputError(fn, "a statistic defined on at least half the resamples", `${values.length} of ${draws}`);
  values.sort((a, b) => a - b);
  return { estimate: stat(x, y), low: quantile(values, (1 - level) / 2), high: quantile(values, (1 + level) / 2), level, draws, skipped: draws - values.length };
}
