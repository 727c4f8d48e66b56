/**
 * The methods primer's checks (notebooks/01-methods.ipynb): a value worked out by hand in the
 * text, as printed there, against the library's value. They agree when the library's value
 * rounds to the hand value at the hand value's printed precision (|library − hand| ≤ ½ unit of
 * its last digit); otherwise the check throws, so a primer whose arithmetic and library part
 * ways fails its run. The exercises' worked answers (worked) write the arithmetic out in words and mark
 * their results in bold; each bold result is checked the same way, so the text cannot drift from the library.
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

/** What the library gives for one result of a worked answer: a number, or an outcome. */
export type WorkedValue = number | boolean | "undecided";

/** The bold results of a worked answer's text (`**−2.23 %**`, `**undecided**`), in order. */
export function boldResults(text: string): string[] {
  return [...text.matchAll(/\*\*([^*]+)\*\*/g)].map((m) => m[1]!.trim());
}

const OUTCOMES: Record<string, boolean | "undecided"> = { true: true, yes: true, false: false, no: false, undecided: "undecided" };

/** One bold result read as the primer prints it: an outcome word, or the first number in it ("−2.23 %" → "-2.23"). */
function readResult(label: string, bold: string): { outcome: boolean | "undecided" } | { number: string } {
  const word = bold.toLowerCase().replace(/[.:;,!]+$/, "");
  if (word in OUTCOMES) return { outcome: OUTCOMES[word]! };
  const m = /[+−-]?\d+(?:\.\d+)?/.exec(bold);
  if (!m) throw new PrimerCheckError(label, bold, "no number in the bold result");
  return { number: m[0] };
}

/**
 * A worked answer in words, checked: every result the text marks in bold is compared, in order, with the library's
 * value for it — a number at the bold number's printed precision (as byHand), an outcome (true/yes, false/no,
 * undecided) exactly. The text shows the arithmetic; the bold results cannot drift from what the library computes.
 * @param text Markdown; bold marks the checked results and nothing else
 * @param library one [label, value] per bold result, in the text's order
 * @returns the text, then one ✓ line per result (Markdown)
 * @throws PrimerCheckError when a result and the library's value differ, or the text's bold results and the
 *   library's values are not as many
 * @example
 * worked("LQ = (20 / 100) / (100 / 1000) = 0.2 / 0.1 = **2.00**", [["LQ of farming in A", 2]]);
 * // "LQ = … = **2.00**\n\n✓ LQ of farming in A: by hand 2.00, library 2.0000 (agree to 2 decimals)"
 */
export function worked(text: string, library: readonly (readonly [label: string, value: WorkedValue])[]): string {
  const bold = boldResults(text);
  if (bold.length !== library.length)
    throw new PrimerCheckError(library[0]?.[0] ?? "worked answer", `${bold.length} bold result(s)`, `${library.length} library value(s)`);
  const lines = bold.map((b, i) => {
    const [label, value] = library[i]!;
    const r = readResult(label, b);
    if ("outcome" in r) return byHandOutcome(label, r.outcome, typeof value === "number" ? null : value);
    if (typeof value !== "number") throw new PrimerCheckError(label, b, value);
    return byHand(label, r.number, value);
  });
  return `${text}\n\n${lines.join("  \n")}`;
}
