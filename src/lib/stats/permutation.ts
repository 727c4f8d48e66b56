/**
 * Permutation test of association: how often does a statistic computed on
 * y shuffled against x reach the observed one? Exact (all n! orderings) for
 * n ≤ `exactMax`, otherwise Monte Carlo with a seeded generator (pure-rand),
 * so results are reproducible.
 *
 * p (two-sided)  = #{|T*| ≥ |T_obs|} / N      (exact)
 *                = (#{|T*| ≥ |T_obs|} + 1) / (N + 1)   (Monte Carlo, never 0)
 * "less" / "greater" count T* ≤ T_obs / T* ≥ T_obs instead.
 */
import * as prand from "pure-rand";
import { spearman } from "./rank";

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

const EPS = 1e-12;

function hit(t: number, obs: number, alt: Alternative): boolean {
  if (alt === "less") return t <= obs + EPS;
  if (alt === "greater") return t >= obs - EPS;
  return Math.abs(t) >= Math.abs(obs) - EPS;
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

/**
 * @example
 * permutationTest([1, 2, 3, 4, 5], [5, 4, 3, 2, 1], { alternative: "less" });
 * // { statistic: −1, pValue: 1/120, method: "exact", n: 120 }
 */
export function permutationTest(x: readonly number[], y: readonly number[], opts: PermutationOptions = {}): PermutationResult {
  const stat = opts.statistic ?? spearman;
  const alt = opts.alternative ?? "two-sided";
  const obs = stat(x, y);
  const n = x.length;
  if (n <= (opts.exactMax ?? 8)) {
    let hits = 0;
    let total = 0;
    for (const p of permutations(n)) {
      total += 1;
      if (
        hit(
          stat(
            x,
            p.map((i) => y[i]!),
          ),
          obs,
          alt,
        )
      )
        hits += 1;
    }
    return { statistic: obs, pValue: hits / total, method: "exact", n: total };
  }
  const draws = opts.draws ?? 20_000;
  const rng = prand.xoroshiro128plus(opts.seed ?? 20091114);
  const perm = [...y];
  let hits = 0;
  for (let d = 0; d < draws; d += 1) {
    for (let i = n - 1; i > 0; i -= 1) {
      const j = prand.unsafeUniformIntDistribution(0, i, rng);
      [perm[i], perm[j]] = [perm[j]!, perm[i]!];
    }
    if (hit(stat(x, perm), obs, alt)) hits += 1;
  }
  return { statistic: obs, pValue: (hits + 1) / (draws + 1), method: "monte-carlo", n: draws };
}
