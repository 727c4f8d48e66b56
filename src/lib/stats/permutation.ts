/**
 * Permutation test of association: how often does a statistic computed on
 * y shuffled against x reach the observed one? Exact (all n! orderings) for
 * n ≤ `exactMax`, otherwise Monte Carlo with a seeded generator (pure-rand),
 * so results are reproducible.
 *
 * p (two-sided)  = #{|T*| ≥ |T_obs|} / N      (exact)
 *                = (#{|T*| ≥ |T_obs|} + 1) / (N + 1)   (Monte Carlo, never 0)
 * "less" / "greater" count T* ≤ T_obs / T* ≥ T_obs instead.
 *
 * Input on which the statistic is undefined is refused with a
 * StatisticsInputError, never answered with p = 0 or a NaN statistic:
 * unequal lengths, fewer than 3 pairs, non-finite values, a constant x or y
 * (every shuffle is then the same pairing), a statistic that is not a finite
 * number on the data or on a shuffle, and impossible options.
 */
import * as prand from "pure-rand";
import { StatisticsInputError } from "./errors";
import { checkPairs, rank, spearman } from "./rank";

export type Alternative = "two-sided" | "less" | "greater";

export interface PermutationOptions {
  /** Statistic of (x, y); default Spearman's ρ. */
  statistic?: (x: readonly number[], y: readonly number[]) => number;
  alternative?: Alternative;
  /** Largest n enumerated exactly (n! orderings); default 8. */
  exactMax?: number;
  /** Monte Carlo draws when n > exactMax; default 20 000. */
  draws?: number;
  /** Seed of the generator; default 20091114. */
  seed?: number;
}

export interface PermutationResult {
  statistic: number;
  pValue: number;
  method: "exact" | "monte-carlo";
  /** Orderings enumerated or drawn. */
  n: number;
}

/**
 * How near a shuffle's statistic must come to the observed one to count as a tie. Spearman's ρ (the default) is computed
 * exactly on half-integer ranks, its distinct values at least ~1e-7 apart for n up to a few hundred: 1e-12. A caller's
 * statistic (e.g. Σ x·y over values in the ten thousands) splits a tie by rounding in proportion to its size: 1e-9 of
 * max(1, |T_obs|).
 */
const EPS = 1e-12;
const EPS_RELATIVE = 1e-9;

function hit(t: number, obs: number, alt: Alternative, tol: number): boolean {
  if (alt === "less") return t <= obs + tol;
  if (alt === "greater") return t >= obs - tol;
  return Math.abs(t) >= Math.abs(obs) - tol;
}

function* permutations(n: number): Generator<number[]> {
  const a = Array.from({ length: n }, (_, i) => i);
  const c = new Array<number>(n).fill(0);
  yield [...a];
  let i = 0;
  while (i < n) {
    if (c[i]! < i) {
      const j = i % 2 === 0 ? 0 : c[i]!;
      [a[j], a[i]] = [a[i]!, a[j]!];
      yield [...a];
      c[i] = c[i]! + 1;
      i = 0;
    } else {
      c[i] = 0;
      i += 1;
    }
  }
}

const ALTERNATIVES: readonly Alternative[] = ["two-sided", "less", "greater"];

/** Largest `exactMax` accepted: 10! = 3 628 800 orderings. */
export const EXACT_MAX_LIMIT = 10;

/**
 * Check an `alternative` given at run time (e.g. from JavaScript or a parameter file).
 * @throws StatisticsInputError when it is not "two-sided", "less" or "greater"
 * @example
 * checkAlternative("permutationTest", "less"); // "less"
 */
export function checkAlternative(fn: string, alt: unknown): Alternative {
  if (!ALTERNATIVES.includes(alt as Alternative)) throw new StatisticsInputError(fn, `alternative ${ALTERNATIVES.join(" | ")}`, JSON.stringify(alt));
  return alt as Alternative;
}

/**
 * Check a count option: an integer in [min, max].
 * @throws StatisticsInputError naming the option
 * @example
 * checkInteger("permutationTest", "draws", 5000, 1, 1e7); // 5000
 */
export function checkInteger(fn: string, name: string, v: unknown, min: number, max: number): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max) {
    throw new StatisticsInputError(fn, `${name} an integer from ${min} to ${max}`, String(v));
  }
  return v;
}

function finiteStat(t: number, what: string): number {
  if (typeof t !== "number" || !Number.isFinite(t)) throw new StatisticsInputError("permutationTest", `a finite statistic ${what}`, String(t));
  return t;
}

/**
 * Permutation p-value of a statistic of (x, y), default Spearman's ρ: exact for small n, else seeded Monte Carlo.
 * @remarks
 * The permutation test counts how often a statistic T (default Spearman's ρ) computed on y shuffled against x is at
 * least as extreme as the observed $T_{\mathrm{obs}}$. Write $T_{\mathrm{obs}}$ for the statistic of the data as observed
 * and $T^{\ast}$ for the statistic of one shuffled ordering (the star marks "shuffled"). For n ≤ 8 (by default) all N = n! orderings are enumerated, the
 * observed one included, and the p-value is exact:
 *
 * $$p = \frac{\text{number of orderings with } |T^{\ast}| \ge |T_{\mathrm{obs}}|}{N}$$
 *
 * (α, the *significance level*, is the largest p still read as evidence, here 5 %; two-sided; one-sided "less" counts $T^{\ast} \le T_{\mathrm{obs}}$, "greater" $T^{\ast} \ge T_{\mathrm{obs}}$). For larger n,
 * B random orderings are drawn instead (default B = 20 000). The drawing starts from a fixed number (the *seed*), so
 * every run draws the same orderings and gets the same p, and
 *
 * $$p = \frac{(\text{number of draws as extreme}) + 1}{B + 1}$$
 *
 * which counts the observed ordering as one of the draws, so p is never 0.
 *
 * References: Fisher, R. A. (1935). *The Design of Experiments*. Edinburgh: Oliver & Boyd. Good, P. I. (2005).
 * *Permutation, Parametric and Bootstrap Tests of Hypotheses* (3rd ed.). New York: Springer. Phipson, B. & Smyth, G. K.
 * (2010). Permutation p-values should never be zero: calculating exact p-values when permutations are randomly drawn.
 * *Statistical Applications in Genetics and Molecular Biology* 9(1), Article 39.
 * @throws StatisticsInputError on degenerate input (see the module comment)
 * @example
 * permutationTest([1, 2, 3, 4, 5], [5, 4, 3, 2, 1], { alternative: "less" });
 * // { statistic: −1, pValue: 1/120, method: "exact", n: 120 }
 */
export function permutationTest(x: readonly number[], y: readonly number[], opts: PermutationOptions = {}): PermutationResult {
  checkPairs("permutationTest", x, y);
  const alt = checkAlternative("permutationTest", opts.alternative ?? "two-sided");
  return permutationTests(x, y, opts)[alt];
}

/**
 * The permutation test under every alternative at once, from one pass over the same orderings (the same seeded draws
 * that `permutationTest` makes for each alternative alone, so each result equals `permutationTest`'s).
 * @throws StatisticsInputError on degenerate input (see the module comment)
 * @example
 * permutationTests([1, 2, 3, 4, 5], [5, 4, 3, 2, 1]).less.pValue; // 1/120
 */
export function permutationTests(x: readonly number[], y: readonly number[], opts: Omit<PermutationOptions, "alternative"> = {}): Record<Alternative, PermutationResult> {
  const fn = "permutationTest";
  checkPairs(fn, x, y);
  const stat = opts.statistic ?? spearman;
  const exactMax = checkInteger(fn, "exactMax", opts.exactMax ?? 8, 0, EXACT_MAX_LIMIT);
  const draws = checkInteger(fn, "draws", opts.draws ?? 20_000, 1, 10_000_000);
  const seed = checkInteger(fn, "seed", opts.seed ?? 20091114, -(2 ** 31), 2 ** 31 - 1);
  const obs = finiteStat(stat(x, y), "on the data");
  const n = x.length;
  // what is shuffled, and the statistic of a shuffle: y itself, or (Spearman's ρ, the default) y's centred ranks
  const fast = opts.statistic === undefined ? spearmanOfShuffledRanks(x, y) : undefined;
  const values: readonly number[] = fast ? fast.values : y;
  const statOf = fast ? fast.rho : (shuffled: readonly number[]) => stat(x, shuffled);
  const hits: Record<Alternative, number> = { "two-sided": 0, less: 0, greater: 0 };
  const tol = fast ? EPS : EPS_RELATIVE * Math.max(1, Math.abs(obs));
  const count = (t: number): void => {
    for (const alt of ALTERNATIVES) if (hit(t, obs, alt, tol)) hits[alt] += 1;
  };
  const results = (p: (h: number) => number, method: PermutationResult["method"], total: number): Record<Alternative, PermutationResult> => {
    const one = (alt: Alternative): PermutationResult => ({ statistic: obs, pValue: p(hits[alt]), method, n: total });
    return { "two-sided": one("two-sided"), less: one("less"), greater: one("greater") };
  };
  if (n <= exactMax) {
    let total = 0;
    for (const p of permutations(n)) {
      total += 1;
      count(finiteStat(statOf(p.map((i) => values[i]!)), "on every shuffle"));
    }
    return results((h) => h / total, "exact", total);
  }
  const rng = prand.xoroshiro128plus(seed);
  const perm = [...values];
  for (let d = 0; d < draws; d += 1) {
    for (let i = n - 1; i > 0; i -= 1) {
      const j = prand.unsafeUniformIntDistribution(0, i, rng);
      const v = perm[i]!;
      perm[i] = perm[j]!;
      perm[j] = v;
    }
    count(finiteStat(statOf(perm), "on every shuffle"));
  }
  return results((h) => (h + 1) / (draws + 1), "monte-carlo", draws);
}

/**
 * Spearman's ρ of x against shuffles of y, without ranking each shuffle again: ρ is Pearson's r of the ranks, a shuffle
 * of y shuffles y's ranks, and the ranks' means and sums of squares do not move under a shuffle — only Σ dx·dy does.
 * The ranks are half-integers and their mean is (n + 1)/2, so every deviation, product and sum is exact in floating
 * point: ρ of a shuffle is bit for bit what `spearman(x, shuffled y)` gives, at one pass of n products.
 */
function spearmanOfShuffledRanks(x: readonly number[], y: readonly number[]): { values: number[]; rho: (shuffled: readonly number[]) => number } {
  const centred = (v: readonly number[]): number[] => {
    const r = rank(v);
    const mean = r.reduce((a, b) => a + b, 0) / r.length;
    return r.map((a) => a - mean);
  };
  const dx = centred(x);
  const dy = centred(y);
  const sxx = dx.reduce((a, d) => a + d * d, 0);
  const syy = dy.reduce((a, d) => a + d * d, 0);
  const scale = Math.sqrt(sxx * syy);
  return {
    values: dy,
    rho: (shuffled) => {
      let sxy = 0;
      for (let i = 0; i < dx.length; i += 1) sxy += dx[i]! * shuffled[i]!;
      return sxy / scale;
    },
  };
}
