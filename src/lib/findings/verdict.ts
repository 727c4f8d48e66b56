/**
 * Verdicts are computed, never typed: compare the computed value with the
 * published one within the tolerance the publication's rounding allows.
 */
import type { Basis, ComputedValue, PublishedValue, Verdict } from "./types";

/** Half a unit of the last published digit: 82 → 0.5, 18.7 → 0.05, "220 000" rounded to 10 000 (decimals −4) → 5 000. */
export function roundingTolerance(decimals: number): number {
  return 0.5 * 10 ** -decimals;
}

export interface Decision {
  verdict: Verdict;
  /** computed − published (numbers), distance outside the interval (ranges), null otherwise. */
  gap: number | null;
  matches: boolean | null;
}

const EPS = 1e-9;

/**
 * Decide the verdict.
 * @example
 * decideVerdict(82, 81.3, 0.5, "report"); // { verdict: "diverges", gap: -0.7, matches: false }
 */
export function decideVerdict(published: PublishedValue, computed: ComputedValue, tolerance: number, basis: Basis): Decision {
  if (published === null || computed === null) return { verdict: "untestable", gap: null, matches: null };
  let matches: boolean;
  let gap: number | null = null;
  if (typeof published === "boolean") {
    if (typeof computed !== "boolean") throw new TypeError("a comparison claim needs a boolean computed value");
    matches = computed === published;
  } else {
    if (typeof computed !== "number" || !Number.isFinite(computed)) throw new TypeError("a numeric claim needs a finite numeric computed value");
    if (Array.isArray(published)) {
      const [low, high] = published;
      gap = computed < low ? computed - low : computed > high ? computed - high : 0;
    } else {
      gap = computed - published;
    }
    matches = Math.abs(gap) <= tolerance + EPS;
  }
  const verdict: Verdict = basis === "report" ? (matches ? "reproduced" : "diverges") : matches ? "corroborated" : "contradicted";
  return { verdict, gap, matches };
}
