/**
 * Leave-k-out robustness: recompute a result with every set of up to k units left out (e.g. SSB
 * economic regions), to see which units a verdict rests on. Plain TypeScript over arrays: the
 * evaluation is a function of the kept units, not a query per case.
 */
import { IndicatorInputError } from "../data/errors";

/** One leave-out case: the units left out and the result without them. */
export interface LeaveOutCase<R> {
  dropped: string[];
  value: R;
}

/** A case that could not be computed (e.g. a group left without members), with the reason. */
export interface LeaveOutSkip {
  dropped: string[];
  reason: string;
}

export interface LeaveOutResult<R> {
  cases: LeaveOutCase<R>[];
  skipped: LeaveOutSkip[];
}

/**
 * Every set of 1 … k units to leave out: single units first, then pairs, …, each set in the units' order.
 * @example leaveOutSets(["a", "b", "c"], 2); // [["a"], ["b"], ["c"], ["a", "b"], ["a", "c"], ["b", "c"]]
 */
export function leaveOutSets(units: readonly string[], k: number): string[][] {
  if (!Number.isInteger(k) || k < 1) throw new IndicatorInputError("leaveOutSets", `k must be a positive integer, got ${k}`);
  if (new Set(units).size !== units.length) throw new IndicatorInputError("leaveOutSets", "unit ids must be unique");
  const out: string[][] = [];
  const grow = (start: number, size: number, acc: string[]): void => {
    if (acc.length === size) {
      out.push([...acc]);
      return;
    }
    for (let i = start; i < units.length; i += 1) grow(i + 1, size, [...acc, units[i]!]);
  };
  for (let size = 1; size <= Math.min(k, units.length); size += 1) grow(0, size, []);
  return out;
}

/**
 * Recompute `evaluate` over the units kept when each set of up to k units is left out.
 * A case whose evaluation throws a typed input error (by default IndicatorInputError, e.g. a group
 * left with no member) is skipped and recorded with the error's message, never counted as a
 * result; any other error propagates.
 * @remarks
 * Leave-k-out robustness: a result R computed on units U is recomputed on every subset that leaves out up to k units,
 *
 * $$R_{-S} = R(U \setminus S) \quad \text{for every } S \subseteq U,\ 1 \le |S| \le k$$
 *
 * A verdict that changes for some S rests on the units in S. Cases that cannot be computed (e.g. a group left without
 * members) are listed as untested, never counted. The jackknife (Quenouille; Tukey) leaves out one unit at a time to
 * estimate bias and variance; here the cases are read as alternative readings of a finding, not as a variance estimate.
 *
 * References: Quenouille, M. H. (1956). Notes on bias in estimation. *Biometrika* 43(3/4), 353–360. Efron, B. &
 * Tibshirani, R. J. (1993). *An Introduction to the Bootstrap*. New York: Chapman & Hall.
 * @example
 * // is the mean of the kept values above 2?
 * leaveKOut([1, 2, 6], { k: 1, id: String, evaluate: (xs) => xs.reduce((a, b) => a + b, 0) / xs.length > 2 });
 * // cases: without 1 → 4 > 2 true; without 2 → 3.5 true; without 6 → 1.5 false
 */
export function leaveKOut<U, R>(
  units: readonly U[],
  opts: { k: number; id: (u: U) => string; evaluate: (kept: U[]) => R; skipOn?: (e: unknown) => boolean },
): LeaveOutResult<R> {
  const skipOn = opts.skipOn ?? ((e: unknown) => e instanceof IndicatorInputError);
  const ids = units.map(opts.id);
  const cases: LeaveOutCase<R>[] = [];
  const skipped: LeaveOutSkip[] = [];
  for (const dropped of leaveOutSets(ids, opts.k)) {
    const kept = units.filter((_, i) => !dropped.includes(ids[i]!));
    try {
      cases.push({ dropped, value: opts.evaluate(kept) });
    } catch (e) {
      if (!skipOn(e)) throw e;
      skipped.push({ dropped, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  return { cases, skipped };
}

/**
 * The cases as labelled alternative readings ("without A and B"), for a finding's robustness.
 * @example leaveOutReadings({ cases: [{ dropped: ["a", "b"], value: true }], skipped: [] }); // [{ label: "without a and b", computed: true }]
 */
export function leaveOutReadings<R>(result: LeaveOutResult<R>): { label: string; computed: R }[] {
  return result.cases.map((c) => ({ label: withoutLabel(c.dropped), computed: c.value }));
}

/**
 * The cases that could not be computed, as readings a finding's robustness was not tested for.
 * @example leaveOutUntested({ cases: [], skipped: [{ dropped: ["a"], reason: "no units" }] }); // [{ label: "without a", reason: "no units" }]
 */
export function leaveOutUntested<R>(result: LeaveOutResult<R>): { label: string; reason: string }[] {
  return result.skipped.map((s) => ({ label: withoutLabel(s.dropped), reason: s.reason }));
}

/**
 * What was skipped, in words ("" when nothing was).
 * @example leaveOutSkippedText({ cases: [], skipped: [{ dropped: ["a"], reason: "no units" }] }); // "skipped: without a (no units)"
 */
export function leaveOutSkippedText<R>(result: LeaveOutResult<R>): string {
  return result.skipped.length ? `skipped: ${result.skipped.map((s) => `${withoutLabel(s.dropped)} (${s.reason})`).join("; ")}` : "";
}

function withoutLabel(dropped: readonly string[]): string {
  return `without ${dropped.join(" and ")}`;
}
