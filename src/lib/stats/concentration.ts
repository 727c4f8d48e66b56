/**
 * Diversity of one composition given as plain numbers (e.g. one row of a table, or one point of a
 * rounding set, evaluated thousands of times): the array counterparts of indicators/diversity.ts,
 * which computes the same measures over a frame of many regions.
 *
 *   Shannon entropy H = −Σ p_i · ln p_i with p = x / Σ x (0 · ln 0 = 0); normalised H* = H / ln n
 *   Herfindahl–Hirschman HHI = Σ p_i²
 */
import { IndicatorInputError } from "../data/errors";

function shares(fn: string, values: readonly number[]): number[] {
  if (values.length === 0) throw new IndicatorInputError(fn, "no values");
  let total = 0;
  for (const v of values) {
    if (!Number.isFinite(v) || v < 0) throw new IndicatorInputError(fn, `values must be finite and ≥ 0, got ${v}`);
    total += v;
  }
  if (total <= 0) throw new IndicatorInputError(fn, "the values sum to 0");
  return values.map((v) => v / total);
}

/**
 * Shannon entropy of the composition (natural log), normalised by ln n when asked.
 * @throws IndicatorInputError for no values, a negative or non-finite value, a zero sum, or normalising one value
 * @example
 * shannonOf([1, 1]); // ln 2 ≈ 0.6931
 * shannonOf([1, 1], { normalized: true }); // 1
 */
export function shannonOf(values: readonly number[], opts: { normalized?: boolean } = {}): number {
  const p = shares("shannonOf", values);
  const h = Math.abs(p.reduce((a, s) => a + (s > 0 ? s * Math.log(s) : 0), 0));
  if (!opts.normalized) return h;
  if (values.length < 2) throw new IndicatorInputError("shannonOf", "normalising needs at least two values");
  return h / Math.log(values.length);
}

/**
 * Herfindahl–Hirschman index of the composition (1/n … 1; higher = more concentrated).
 * @example hhiOf([1, 3]); // 0.25² + 0.75² = 0.625
 */
export function hhiOf(values: readonly number[]): number {
  return shares("hhiOf", values).reduce((a, s) => a + s * s, 0);
}
