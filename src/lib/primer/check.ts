/**
 * The methods primer's checks (notebooks/01-methods.ipynb): a value worked out by hand in the
 * text, as printed there, against the library's value. They agree when the library's value
 * rounds to the hand value at the hand value's printed precision (|library − hand| ≤ ½ unit of
 * its last digit); otherwise the check throws, so a primer whose arithmetic and library part
 * ways fails its run.
 */

/** A hand value and the library's value disagree at the hand value's printed precision. */
export class PrimerCheckError extends Error {
  override name = "PrimerCheckError";
  constructor(
    readonly label: string,
    readonly byHand: string,
    readonly computed: unknown,
  ) {
    super(`${label}: by hand ${byHand}, the library gives ${String(computed)} (they differ at the hand value's printed precision)`);
  }
}

/** Decimals of a hand value as printed in the primer ("1.50" → 2, "-3" → 0, "0.0417" → 4). */
function decimalsOf(printed: string): number {
  const m = /^[+−-]?\d+(?:\.(\d+))?$/.exec(printed.trim());
  if (!m) throw new PrimerCheckError("byHand", printed, NaN);
  return m[1]?.length ?? 0;
}

/**
 * Check a value worked out by hand (as printed, decimal point) against the library's value.
 * @returns the line the primer shows: "✓ <label>: by hand <hand>, library <computed> (agree to d decimals)"
 * @throws PrimerCheckError when |computed − hand| exceeds half a unit of the hand value's last digit,
 *   or either is not a number
 * @example
 * byHand("LQ of farming in C", "3.50", 3.5); // "✓ LQ of farming in C: by hand 3.50, library 3.5000 (agree to 2 decimals)"
 * byHand("LQ of farming in C", "3.40", 3.5); // throws PrimerCheckError
 */
export function byHand(label: string, hand: string, computed: number): string {
  const d = decimalsOf(hand);
  const h = Number(hand.trim().replace("−", "-"));
  if (typeof computed !== "number" || !Number.isFinite(computed) || !Number.isFinite(h)) throw new PrimerCheckError(label, hand, computed);
  // a hair of slack for binary floating point (0.125 printed "0.13" is 0.005 away: exactly half a unit)
  if (Math.abs(computed - h) > 0.5 * 10 ** -d + 1e-9 * Math.max(1, Math.abs(h))) throw new PrimerCheckError(label, hand, computed);
  return `✓ ${label}: by hand ${hand}, library ${computed.toFixed(Math.max(d + 2, 4))} (agree to ${d} decimal${d === 1 ? "" : "s"})`;
}

/**
 * Check a yes/no/undecided outcome worked out by hand against the library's.
 * @throws PrimerCheckError when they differ
 * @example byHandOutcome("19 % above 17 %", true, true); // "✓ 19 % above 17 %: by hand true, library true"
 */
export function byHandOutcome(label: string, hand: boolean | "undecided" | null, computed: boolean | "undecided" | null): string {
  if (hand !== computed) throw new PrimerCheckError(label, String(hand), computed);
  return `✓ ${label}: by hand ${String(hand)}, library ${String(computed)}`;
}
