/**
 * Is a claimed sign of association supported, contradicted, or neither? Spearman's ρ of x
 * against y known only within printed ranges, with one-sided permutation tests in both
 * directions at the orderings least favourable to each.
 */
import { spearmanOverRangesAll } from "./intervals";

export interface AssociationTest {
  /** The sign the claim states. */
  direction: "negative" | "positive";
  alpha: number;
  n: number;
  /** Orderings of tied ranges enumerated. */
  orderings: number;
  rhoMin: number;
  rhoMax: number;
  /** Largest one-sided p for the claimed direction over the orderings (evidence for the claim must hold at every ordering). */
  pClaimed: number;
  /** Largest one-sided p for the opposite direction over the orderings. */
  pOpposite: number;
  /** true: significant in the claimed direction; false: significant in the opposite one; "undecided": neither. */
  outcome: boolean | "undecided";
  /** "permutation" with the method the tests used (exact or seeded Monte-Carlo). */
  method: string;
}

/**
 * Test a claimed sign of association over every ordering the printed ranges allow.
 * @param x the explanatory values (e.g. region sizes)
 * @param y the outcomes as [low, high] (a point value as [v, v])
 * @example
 * associationOverRanges([1, 2, 3, 4, 5, 6], [[6, 6], [5, 5], [4, 4], [3, 3], [2, 2], [1, 1]], { direction: "negative" });
 * // ρ = −1, pClaimed = 1/720 (exact) → outcome true
 */
export function associationOverRanges(
  x: readonly number[],
  y: readonly (readonly [number, number])[],
  opts: { direction: "negative" | "positive"; alpha?: number; seed?: number },
): AssociationTest {
  const alpha = opts.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`associationOverRanges: alpha must lie in (0, 1), got ${alpha}`);
  const claimed = opts.direction === "negative" ? "less" : "greater";
  const opposite = opts.direction === "negative" ? "greater" : "less";
  // the orderings and both one-sided tests at each extreme ordering, from one pass of seeded draws per ordering
  const a = spearmanOverRangesAll(x, y, { alternative: claimed, seed: opts.seed });
  // the ordering least favourable to the claim is the one with ρ farthest from its sign
  const pClaimed = opts.direction === "negative" ? a.atMax[claimed].pValue : a.atMin[claimed].pValue;
  const pOpposite = opts.direction === "negative" ? a.atMin[opposite].pValue : a.atMax[opposite].pValue;
  const outcome = pClaimed < alpha ? true : pOpposite < alpha ? false : "undecided";
  return { direction: opts.direction, alpha, n: x.length, orderings: a.orderings, rhoMin: a.min, rhoMax: a.max, pClaimed, pOpposite, outcome, method: `permutation (${a.atMin[claimed].method})` };
}
