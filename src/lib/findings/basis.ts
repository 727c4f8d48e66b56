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
  /** The side's rate in percent (a survey share at its printed value), when the comparison is of two rates. */
  rate?: number;
  /** Every value the side's rate may take given the printed rounding, [low, high]: the gap is then read at its smallest. */
  rateRange?: readonly [number, number];
}

/** The rule's effect on a finding: the verdict it allows, the smallest side, and a note line. */
export interface BasisDecision {
  cap: (v: Verdict) => Verdict;
  smallest: SideSupport;
  line: string;
  /** The sampling error of a two-rate comparison, when both sides carry a rate (see samplingError). */
  sampling?: SamplingError;
}

/** A gap between two survey rates against its sampling error. */
export interface SamplingError {
  /** Rate of the first side minus rate of the second, percentage points. */
  gap: number;
  /** z × the standard error of the difference, percentage points. */
  halfWidth: number;
  /** |gap| < halfWidth: sampling alone could produce the gap. */
  within: boolean;
}

/**
 * The sampling error of the difference of two shares, as if every case of each side had been sampled:
 * z·√(p₁(1−p₁)/n₁ + p₂(1−p₂)/n₂) (the normal approximation for two independent proportions; e.g. Agresti 2013,
 * §2.2). A survey samples fewer cases than the population it is weighted to, so the real error is larger: this is
 * a lower bound, and a gap inside it is not evidence of a difference.
 * @param a, b the two sides (rate in percent, cases > 0)
 * @param z the normal quantile (1.96: 95 %, two-sided)
 * @example
 * samplingError({ rate: 21, cases: 88 }, { rate: 19.6, cases: 700 }, 1.96); // gap 1.4, halfWidth ≈ 9.0, within: true
 */
export function samplingError(a: { rate: number; cases: number }, b: { rate: number; cases: number }, z: number): SamplingError {
  for (const s of [a, b]) {
    if (!Number.isFinite(s.rate) || s.rate < 0 || s.rate > 100) throw new FindingError(`sampling error: rate ${s.rate}; expected a percentage 0–100`);
    if (!Number.isFinite(s.cases) || s.cases <= 0) throw new FindingError(`sampling error: ${s.cases} cases; expected a number > 0`);
  }
  const v = (s: { rate: number; cases: number }) => ((s.rate / 100) * (1 - s.rate / 100)) / s.cases;
  const halfWidth = 100 * z * Math.sqrt(v(a) + v(b));
  const gap = a.rate - b.rate;
  return { gap, halfWidth, within: Math.abs(gap) < halfWidth };
}

/**
 * The sampling error read at the smallest gap the printed rounding allows: like every other comparison rule, a gap
 * counts only if it holds at every value the rounding allows. The half-width stays the one at the printed rates.
 * @example
 * withinRounding(samplingError({ rate: 19.02, cases: 1893 }, { rate: 17, cases: 26669 }, 1.96), [18.52, 19.52], [16.5, 17.5]);
 * // gap 1.02 (18.52 − 17.5) against ±1.82: within
 */
export function withinRounding(e: SamplingError, a?: readonly [number, number], b?: readonly [number, number]): SamplingError {
  if (!a && !b) return e;
  if (!a || !b) throw new FindingError("support: give the rate range of both sides or of neither");
  for (const [lo, hi] of [a, b]) if (!(lo <= hi)) throw new FindingError(`support: rate range [${lo}, ${hi}]; expected low ≤ high`);
  // the gap (first − second) over the box a × b runs from a.low − b.high to a.high − b.low; take its value nearest zero
  const [lo, hi] = [a[0] - b[1], a[1] - b[0]];
  const gap = lo > 0 ? lo : hi < 0 ? hi : 0;
  return { gap, halfWidth: e.halfWidth, within: Math.abs(gap) < e.halfWidth };
}

/**
 * Apply the minimum-basis rule to the sides of a comparison.
 * @example
 * minimumBasis([{ side: "city", cases: 120, what: "firms" }, { side: "small_town", cases: 10.7, what: "firms" }], rule).cap("contradicted"); // "inconclusive"
 */
export function minimumBasis(support: readonly SideSupport[], rule: PhraseRule, samplingRule?: PhraseRule): BasisDecision {
  if (support.length === 0) throw new FindingError("support: name at least one side and its cases");
  for (const s of support)
    if (!Number.isFinite(s.cases) || s.cases < 0) throw new FindingError(`support: side '${s.side}' has ${s.cases} cases; expected a finite number ≥ 0`);
  const smallest = [...support].sort((a, b) => a.cases - b.cases)[0]!;
  const below = smallest.cases < rule.threshold;
  const rated = support.filter((s) => s.rate !== undefined);
  if (rated.length > 0 && (rated.length !== 2 || support.length !== 2))
    throw new FindingError(`support: a rate is given for ${rated.length} of ${support.length} sides; the sampling error compares exactly two sides with a rate each`);
  if (rated.length === 2 && !samplingRule) throw new FindingError("support: sides with rates need the phrase rule 'sampling_error'");
  const sampling =
    rated.length === 2 && samplingRule && rated.every((s) => s.cases > 0)
      ? withinRounding(
          samplingError({ rate: rated[0]!.rate!, cases: rated[0]!.cases }, { rate: rated[1]!.rate!, cases: rated[1]!.cases }, samplingRule.threshold),
          rated[0]!.rateRange,
          rated[1]!.rateRange,
        )
      : undefined;
  const capped = below || sampling?.within === true;
  const cap = (v: Verdict): Verdict => (capped && (v === "corroborated" || v === "contradicted") ? "inconclusive" : v);
  const sides = support.map((s) => `${s.side} ≈ ${s.cases.toFixed(1)} ${s.what}${s.rate !== undefined ? ` at ${s.rate.toFixed(2)} %` : ""}`).join(", ");
  const baseLine = below
    ? `minimum basis: ${smallest.side} rests on ≈ ${smallest.cases.toFixed(1)} ${smallest.what}, fewer than ${rule.threshold}: the verdict is at most inconclusive (${sides})`
    : `minimum basis: met (${sides}; at least ${rule.threshold} per side)`;
  const samplingLine = sampling
    ? `; sampling error: the gap ${sampling.gap.toFixed(2)} points is ${sampling.within ? "inside" : "outside"} ±${sampling.halfWidth.toFixed(2)} (z = ${samplingRule!.threshold}, every case counted as sampled: a lower bound)${sampling.within ? ": the verdict is at most inconclusive" : ""}`
    : "";
  return { cap, smallest, line: baseLine + samplingLine, ...(sampling ? { sampling } : {}) };
}

/**
 * The sides of a comparison and the weighted cases each rests on, summed over its units (sorted by side).
 * @param opts.sides sides that must appear even with no unit (then with 0 cases)
 * @param opts.rate a unit's rate in percent: each side then carries its case-weighted rate (for the sampling error)
 * @example
 * sideSupport(units, { side: (u) => u.type, cases: (u) => u.firms, what: "firms", sides: ["city", "small_town"] });
 * // [{ side: "city", cases: 1180, what: "firms" }, { side: "small_town", cases: 501, what: "firms" }]
 */
export function sideSupport<U>(
  units: readonly U[],
  opts: { side: (u: U) => string; cases: (u: U) => number; what: string; sides?: readonly string[]; rate?: (u: U) => number },
): SideSupport[] {
  const sums = new Map<string, { cases: number; weighted: number }>((opts.sides ?? []).map((s) => [s, { cases: 0, weighted: 0 }]));
  for (const u of units) {
    const acc = sums.get(opts.side(u)) ?? { cases: 0, weighted: 0 };
    sums.set(opts.side(u), { cases: acc.cases + opts.cases(u), weighted: acc.weighted + (opts.rate ? opts.cases(u) * opts.rate(u) : 0) });
  }
  return [...sums.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([side, { cases, weighted }]) => ({ side, cases, what: opts.what, ...(opts.rate && cases > 0 ? { rate: weighted / cases } : {}) }));
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
