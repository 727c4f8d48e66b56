/**
 * The minimum-basis rule (phrase rule `minimum_basis` in data/assumptions/phrase_rules.csv): a comparison
 * decided on open data is at most `inconclusive` when one of its sides rests on fewer weighted cases (firms,
 * cooperating innovators, persons) than the rule's threshold — a handful of units is not a decision.
 */
import { FindingError } from "./errors";
import type { PhraseRule } from "./phrases";
import type { Verdict } from "./types";

/** What one side of a comparison rests on, e.g. `{ side: "small_town", cases: 10.7, what: "cooperating innovators" }`. */
export interface SideSupport {
  side: string;
  /** Weighted cases on that side (may be fractional: firms × shares). */
  cases: number;
  /** What the cases are, e.g. "firms", "cooperating innovators". */
  what: string;
}

/** The rule's effect on a finding: the verdict it allows, the smallest side, and a note line. */
export interface BasisDecision {
  cap: (v: Verdict) => Verdict;
  smallest: SideSupport;
  line: string;
}

/**
 * Apply the minimum-basis rule to the sides of a comparison.
 * @example
 * minimumBasis([{ side: "city", cases: 120, what: "firms" }, { side: "small_town", cases: 10.7, what: "firms" }], rule).cap("contradicted"); // "inconclusive"
 */
export function minimumBasis(support: readonly SideSupport[], rule: PhraseRule): BasisDecision {
  if (support.length === 0) throw new FindingError("support: name at least one side and its cases");
  for (const s of support)
    if (!Number.isFinite(s.cases) || s.cases < 0) throw new FindingError(`support: side '${s.side}' has ${s.cases} cases; expected a finite number ≥ 0`);
  const smallest = [...support].sort((a, b) => a.cases - b.cases)[0]!;
  const below = smallest.cases < rule.threshold;
  const cap = (v: Verdict): Verdict => (below && (v === "corroborated" || v === "contradicted") ? "inconclusive" : v);
  const sides = support.map((s) => `${s.side} ≈ ${s.cases.toFixed(1)} ${s.what}`).join(", ");
  const line = below
    ? `minimum basis: ${smallest.side} rests on ≈ ${smallest.cases.toFixed(1)} ${smallest.what}, fewer than ${rule.threshold}: the verdict is at most inconclusive (${sides})`
    : `minimum basis: met (${sides}; at least ${rule.threshold} per side)`;
  return { cap, smallest, line };
}

/**
 * The sides of a comparison and the weighted cases each rests on, summed over its units (sorted by side).
 * @param opts.sides sides that must appear even with no unit (then with 0 cases)
 * @example
 * sideSupport(units, { side: (u) => u.type, cases: (u) => u.firms, what: "firms", sides: ["city", "small_town"] });
 * // [{ side: "city", cases: 1180, what: "firms" }, { side: "small_town", cases: 501, what: "firms" }]
 */
export function sideSupport<U>(units: readonly U[], opts: { side: (u: U) => string; cases: (u: U) => number; what: string; sides?: readonly string[] }): SideSupport[] {
  const sums = new Map<string, number>((opts.sides ?? []).map((s) => [s, 0]));
  for (const u of units) sums.set(opts.side(u), (sums.get(opts.side(u)) ?? 0) + opts.cases(u));
  return [...sums.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([side, cases]) => ({ side, cases, what: opts.what }));
}

/** The years a claim speaks of and the years its evidence covers (calendar years, both ends included). */
export interface PeriodCoverage {
  claimed: readonly [number, number];
  covered: readonly [number, number];
}

/**
 * Whether the evidence covers at least half of the claim's period; evidence that does not is an out-of-period
 * proxy (the minimum-basis rule: at most inconclusive, and its robustness untested for the claim's own period).
 * @example
 * periodProxy({ claimed: [2001, 2007], covered: [2008, 2008] }).proxy; // true: 0 of 7 years
 */
export function periodProxy(p: PeriodCoverage): { proxy: boolean; share: number; line: string } {
  const [a, b] = p.claimed;
  const [c, d] = p.covered;
  if (![a, b, c, d].every(Number.isInteger) || b < a || d < c) throw new FindingError(`period: expected whole years with from ≤ to, got claimed ${a}–${b}, covered ${c}–${d}`);
  const overlap = Math.max(0, Math.min(b, d) - Math.max(a, c) + 1);
  const share = overlap / (b - a + 1);
  const span = (x: number, y: number): string => (x === y ? String(x) : `${x}–${y}`);
  const proxy = share < 0.5;
  return {
    proxy,
    share,
    line: proxy
      ? `out-of-period proxy: the evidence covers ${span(c, d)}, ${overlap} of the claim's ${b - a + 1} years (${span(a, b)}): at most inconclusive (minimum basis)`
      : `period: the evidence covers ${span(c, d)}, ${overlap} of the claim's ${b - a + 1} years (${span(a, b)})`,
  };
}
