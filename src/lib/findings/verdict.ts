/**
 * Verdicts are computed, never typed: compare the computed value with the
 * published one within the tolerance the publication's rounding allows.
 */
import type { Basis, ComputedValue, PublishedValue, Verdict } from "./types";
import { FindingError } from "./errors";

/**
 * Half a unit of the last significant digit: 82 → 0.5, 18.7 → 0.05, decimals −4 (220.000) → 5 000.
 * @example
 * roundingTolerance(1); // 0.05
 * roundingTolerance(-4); // 5000
 */
export function roundingTolerance(decimals: number): number {
  return 0.5 * 10 ** -decimals;
}

/**
 * The precision of a number as printed in the report (Norwegian: decimal comma, "." between
 * thousands), as the decimals of its last significant digit. The rule: the last printed digit is
 * significant ("82" → 0, "18,7" → 1, "80" → 0), except that the trailing zeros of a number printed
 * with thousands groups are not ("220.000" → −4: a round figure, read to its last non-zero digit); groups separated by
 * spaces ("220 000") are thousands groups too.
 * @example printedDecimals("220.000"); // -4
 * printedDecimals("18,7"); // 1
 */
export function printedDecimals(printed: string): number {
  // a space (also no-break or thin) between digit groups is a thousands separator like "." ("220 000" as "220.000")
  const s = printed
    .trim()
    .replace(/^[+−-]/, "")
    .replace(/(\d)[ \u00a0\u202f](?=\d{3}(?!\d))/g, "$1.")
    .replace(/\s/g, "");
  if (!/^\d{1,3}(\.\d{3})+(,\d+)?$|^\d+(,\d+)?$/.test(s)) throw new FindingError(`'${printed}' is not a number as printed (e.g. 220.000 or 18,7)`);
  const [int, dec] = s.split(",");
  if (dec !== undefined) return dec.length;
  if (!int!.includes(".")) return 0;
  const digits = int!.replace(/\./g, "");
  const zeros = /0*$/.exec(digits)![0].length;
  return zeros === digits.length || zeros === 0 ? 0 : -zeros;
}

/**
 * Tolerance of a published figure: half a unit of its last significant digit, times the number
 * of rounded figures it was built from (a sum or difference of k rounded figures can be off by
 * k half-units).
 * @param half the allowance per rounded figure in units of its last digit: the `printed` rule's threshold in
 *   data/assumptions/phrase_rules.csv (0.5: rounding to the nearest)
 * @example printedTolerance("82", 2); // 1 (82 % = 44 % + 38 %, two rounded parts)
 */
export function printedTolerance(printed: string, parts = 1, half = 0.5): number {
  if (!Number.isInteger(parts) || parts < 1) throw new FindingError(`parts must be a positive integer, got ${parts}`);
  if (!(half > 0 && half <= 1)) throw new FindingError(`the rounding allowance must be in (0, 1] units of the last digit, got ${half}`);
  return parts * roundingTolerance(printedDecimals(printed)) * (half / 0.5);
}

export interface Decision {
  verdict: Verdict;
  /** computed − published (numbers), distance outside the interval (ranges), null otherwise. */
  gap: number | null;
  matches: boolean | null;
}

const EPS = 1e-9;

function distance(x: number, published: number | [number, number]): number {
  if (!Array.isArray(published)) return x - published;
  const [low, high] = published;
  return x < low ? x - low : x > high ? x - high : 0;
}

function pass(matches: boolean | null, basis: Basis): Verdict {
  if (matches === null) return "inconclusive";
  return basis === "report" ? (matches ? "reproduced" : "diverges") : matches ? "corroborated" : "contradicted";
}

/**
 * Decide the verdict.
 * - boolean claim (`true`): computed `true`/`false` match or not; `"undecided"` → inconclusive.
 * - numeric claim (number or published range): a computed number matches when within the
 *   tolerance; a computed interval matches when all of it is within, fails when none of it is,
 *   and is inconclusive otherwise.
 * @throws FindingError when the tolerance is negative or not finite, a published number or range is
 *   not finite (or the range is reversed), or the computed value is of the wrong kind
 * @example
 * decideVerdict(82, 81.3, 0.5, "report"); // { verdict: "diverges", gap: -0.7, matches: false }
 * decideVerdict(82, 81.3, 1, "report");   // reproduced (82 = 44 + 38: two rounded parts)
 * decideVerdict(true, "undecided", 0, "open_data"); // inconclusive
 */
export function decideVerdict(published: PublishedValue, computed: ComputedValue, tolerance: number, basis: Basis): Decision {
  // an infinite tolerance would match anything, a negative one nothing, a NaN one nothing either
  if (typeof tolerance !== "number" || !Number.isFinite(tolerance) || tolerance < 0)
    throw new FindingError(`decideVerdict: tolerance must be a finite number ≥ 0, got ${String(tolerance)}`);
  if (typeof published === "number" && !Number.isFinite(published)) throw new FindingError(`decideVerdict: the published value must be finite, got ${published}`);
  if (Array.isArray(published) && !(Number.isFinite(published[0]) && Number.isFinite(published[1]) && published[0] <= published[1]))
    throw new FindingError(`decideVerdict: a published range must be finite [low, high] with low ≤ high, got [${published[0]}, ${published[1]}]`);
  if (published === null || computed === null) return { verdict: "untestable", gap: null, matches: null };
  if (typeof published === "boolean") {
    if (computed === "undecided") return { verdict: "inconclusive", gap: null, matches: null };
    if (typeof computed !== "boolean") throw new FindingError(`a comparison claim needs a boolean or "undecided" computed value, got ${JSON.stringify(computed)}`);
    const matches = computed === published;
    return { verdict: pass(matches, basis), gap: null, matches };
  }
  if (Array.isArray(computed)) {
    const [lo, hi] = computed;
    if (!Number.isFinite(lo) || !Number.isFinite(hi) || lo > hi) throw new FindingError(`a computed interval needs finite low ≤ high, got [${lo}, ${hi}]`);
    const dl = distance(lo, published);
    const dh = distance(hi, published);
    const inside = (d: number): boolean => Math.abs(d) <= tolerance + EPS;
    const pubLo = Array.isArray(published) ? published[0] : published;
    const pubHi = Array.isArray(published) ? published[1] : published;
    const disjoint = hi < pubLo - tolerance - EPS || lo > pubHi + tolerance + EPS;
    const matches = inside(dl) && inside(dh) ? true : disjoint ? false : null;
    const gap = matches === false ? (Math.abs(dl) < Math.abs(dh) ? dl : dh) : matches ? 0 : null;
    return { verdict: pass(matches, basis), gap, matches };
  }
  if (typeof computed !== "number" || !Number.isFinite(computed)) throw new FindingError(`a numeric claim needs a finite number or interval, got ${JSON.stringify(computed)}`);
  const gap = distance(computed, published);
  const matches = Math.abs(gap) <= tolerance + EPS;
  return { verdict: pass(matches, basis), gap, matches };
}

/**
 * A comparison decided over several readings (e.g. every value the rounding allows): `true` when
 * all hold, `false` when none does, `"undecided"` otherwise.
 * @example decideAll([true, true]); // true
 * decideAll([true, false]); // "undecided"
 */
export function decideAll(outcomes: readonly boolean[]): boolean | "undecided" {
  if (outcomes.length === 0) throw new FindingError("decideAll needs at least one outcome");
  return outcomes.every(Boolean) ? true : outcomes.some(Boolean) ? "undecided" : false;
}
