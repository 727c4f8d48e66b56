/**
 * Power of Spearman's rank test by seeded simulation: how often a sample of
 * n pairs from a bivariate normal distribution with correlation `rho` gives
 * a permutation p-value ≤ `alpha`.
 *
 * The p-value is the permutation p-value of `permutationTest` (not the
 * t approximation): for untied data the permutation distribution of ρ under
 * H0 depends only on n, so it is computed once — exactly (all n! orderings)
 * for n ≤ 8, otherwise from `nullDraws` seeded random permutations, with
 * p = (#{ρ* as or more extreme} + 1) / (nullDraws + 1) as in the Monte Carlo
 * permutation test — and every simulated sample is looked up in it.
 * Samples: x = z₁, y = rho·z₁ + √(1 − rho²)·z₂ with z₁, z₂ independent
 * standard normal (Box–Muller on 53-bit uniforms from pure-rand's
 * xoroshiro128+).
 *
 * At rho = 0 the result estimates the test's actual size, which is at most
 * alpha (ρ takes discrete values) and, for n ≥ 10, within about 0.003 of it.
 */
import * as prand from "pure-rand";
import { StatisticsInputError } from "./errors";
import { checkAlternative, checkInteger, type Alternative } from "./permutation";
import { spearman } from "./rank";

export interface PowerOptions {
  /** Pairs per sample (3 … 10 000). */
  n: number;
  /** Correlation of the bivariate normal the samples are drawn from (−1 … 1). */
  rho: number;
  /** Significance level, 0 < alpha < 1 (default 0.05). */
  alpha?: number;
  /** "less" tests ρ < 0, "greater" ρ > 0 (default "two-sided"). */
  alternative?: Alternative;
  /** Simulated samples (default 10 000); the standard error is √(p(1 − p)/draws). */
  draws?: number;
  /** Random permutations for the null distribution when n > 8 (default 100 000). */
  nullDraws?: number;
  /** Seed of the generator (default 20091114). */
  seed?: number;
}

export interface PowerResult {
  /** Share of simulated samples rejected at alpha. */
  power: number;
  /** Monte Carlo standard error of `power`: √(power (1 − power) / draws). */
  standardError: number;
  rejections: number;
  draws: number;
  /** How the null distribution of ρ was obtained. */
  nullMethod: "exact" | "monte-carlo";
  /** Orderings enumerated or drawn for the null distribution. */
  nullSize: number;
}

const EPS = 1e-12;
const TWO_26 = 2 ** 26;
const TWO_27 = 2 ** 27;

/** A uniform double strictly inside (0, 1) with 53 random bits. */
function uniform(rng: prand.RandomGenerator): number {
  const a = prand.unsafeUniformIntDistribution(0, TWO_26 - 1, rng);
  const b = prand.unsafeUniformIntDistribution(0, TWO_27 - 1, rng);
  return (a * TWO_27 + b + 0.5) / 2 ** 53;
}

/** Two independent standard normal values (Box–Muller). */
function normals(rng: prand.RandomGenerator): [number, number] {
  const r = Math.sqrt(-2 * Math.log(uniform(rng)));
  const t = 2 * Math.PI * uniform(rng);
  return [r * Math.cos(t), r * Math.sin(t)];
}

/** ρ of the ranks 1…n against a permutation of them: 1 − 6Σd²/(n(n²−1)). */
function rhoOfPermutation(p: readonly number[]): number {
  const n = p.length;
  let s = 0;
  for (let i = 0; i < n; i += 1) s += (p[i]! - i) ** 2;
  return 1 - (6 * s) / (n * (n * n - 1));
}

function* heap(n: number): Generator<number[]> {
  const a = Array.from({ length: n }, (_, i) => i);
  const c = new Array<number>(n).fill(0);
  yield a;
  let i = 0;
  while (i < n) {
    if (c[i]! < i) {
      const j = i % 2 === 0 ? 0 : c[i]!;
      [a[j], a[i]] = [a[i]!, a[j]!];
      yield a;
      c[i] = c[i]! + 1;
      i = 0;
    } else {
      c[i] = 0;
      i += 1;
    }
  }
}

/** Sorted null statistics: ρ for "less", −ρ for "greater", |ρ| negated for "two-sided" — so "as extreme" is always "≤". */
function nullDistribution(n: number, alt: Alternative, nullDraws: number, rng: prand.RandomGenerator): { sorted: Float64Array; exact: boolean } {
  const key = (rho: number): number => (alt === "less" ? rho : alt === "greater" ? -rho : -Math.abs(rho));
  const values: number[] = [];
  const exact = n <= 8;
  if (exact) {
    for (const p of heap(n)) values.push(key(rhoOfPermutation(p)));
  } else {
    const p = Array.from({ length: n }, (_, i) => i);
    for (let d = 0; d < nullDraws; d += 1) {
      for (let i = n - 1; i > 0; i -= 1) {
        const j = prand.unsafeUniformIntDistribution(0, i, rng);
        [p[i], p[j]] = [p[j]!, p[i]!];
      }
      values.push(key(rhoOfPermutation(p)));
    }
  }
  return { sorted: Float64Array.from(values).sort(), exact };
}

/** Number of sorted values ≤ v + EPS. */
function countAtMost(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= v + EPS) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Estimate the power of Spearman's permutation test by simulation (see the module comment).
 * @remarks
 * The power of Spearman's permutation test is estimated by simulation: invent many data sets of n pairs (x, y) whose true
 * correlation is ρ, test each, and count how often the test finds the relation (p < α, as the association rule decides: a p equal to α is not a finding). The pairs are drawn from a
 * *bivariate normal* distribution (each of x and y follows the bell curve, and they are correlated ρ):
 * $x = z_1$, $y = \rho z_1 + \sqrt{1 - \rho^2} \cdot z_2$, where $z_1$ and $z_2$ are drawn independently from the
 * *standard normal* distribution (the bell curve with mean 0 and standard deviation 1). Then
 *
 * $$\widehat{\mathrm{power}} = \frac{\text{number of samples with } p \le \alpha}{\mathrm{draws}}, \qquad \mathrm{SE} = \sqrt{\widehat{\mathrm{power}} \cdot (1 - \widehat{\mathrm{power}}) / \mathrm{draws}}$$
 *
 * SE, the standard error, says how far the estimate may be from the true power because only a limited number of data
 * sets were drawn. At ρ = 0 it estimates the test's actual *size* (how often it finds a relation that is not there: its
 * false-alarm rate). The size is at most α, and for small n usually below it: with few regions there are few orderings,
 * so p can take only a few values, and often none of them equals α exactly.
 *
 * References: Cohen, J. (1988). *Statistical Power Analysis for the Behavioral Sciences* (2nd ed.). Hillsdale, NJ:
 * Lawrence Erlbaum. Bonett, D. G. & Wright, T. A. (2000). Sample size requirements for estimating Pearson, Kendall and
 * Spearman correlations. *Psychometrika* 65(1), 23–28.
 * @throws StatisticsInputError on n, rho, alpha, alternative, draws, nullDraws or seed out of range
 * @example
 * spearmanPower({ n: 12, rho: -0.5, alpha: 0.05, alternative: "less", draws: 4000, seed: 1 });
 * // { power: ≈ 0.47, standardError: ≈ 0.008, nullMethod: "monte-carlo", … }
 */
export function spearmanPower(opts: PowerOptions): PowerResult {
  const fn = "spearmanPower";
  if (typeof opts !== "object" || opts === null) throw new StatisticsInputError(fn, "an options object { n, rho, … }", String(opts));
  const n = checkInteger(fn, "n", opts.n, 3, 10_000);
  const rho = opts.rho;
  if (typeof rho !== "number" || !Number.isFinite(rho) || rho < -1 || rho > 1)
    throw new StatisticsInputError(fn, "rho a number from −1 to 1", String(rho));
  const alpha = opts.alpha ?? 0.05;
  if (typeof alpha !== "number" || !(alpha > 0 && alpha < 1)) throw new StatisticsInputError(fn, "alpha strictly between 0 and 1", String(alpha));
  const alt = checkAlternative(fn, opts.alternative ?? "two-sided");
  const draws = checkInteger(fn, "draws", opts.draws ?? 10_000, 1, 10_000_000);
  const nullDraws = checkInteger(fn, "nullDraws", opts.nullDraws ?? 100_000, 1, 10_000_000);
  const seed = checkInteger(fn, "seed", opts.seed ?? 20091114, -(2 ** 31), 2 ** 31 - 1);
  const rng = prand.xoroshiro128plus(seed);
  const { sorted, exact } = nullDistribution(n, alt, nullDraws, rng);
  const key = (r: number): number => (alt === "less" ? r : alt === "greater" ? -r : -Math.abs(r));
  const c = Math.sqrt(1 - rho * rho);
  const x = new Array<number>(n);
  const y = new Array<number>(n);
  let rejections = 0;
  for (let d = 0; d < draws; d += 1) {
    for (let i = 0; i < n; i += 1) {
      const [z1, z2] = normals(rng);
      x[i] = z1;
      y[i] = rho * z1 + c * z2;
    }
    const extreme = countAtMost(sorted, key(spearman(x, y)));
    const p = exact ? extreme / sorted.length : (extreme + 1) / (sorted.length + 1);
    if (p < alpha) rejections += 1; // p = k/N and α are the same double when equal as fractions
  }
  const power = rejections / draws;
  return {
    power,
    standardError: Math.sqrt((power * (1 - power)) / draws),
    rejections,
    draws,
    nullMethod: exact ? "exact" : "monte-carlo",
    nullSize: sorted.length,
  };
}
