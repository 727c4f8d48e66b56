/**
 * Propositions (the report's theoretical perspectives, chapter 2, and its conclusions, chapter 5)
 * linked to the findings that bear on them. How a link is read is stated by the reading rule
 * (rules.ts: READING_RULE); whether a finding then counts for or against is computed from its
 * verdict (assess.ts) — never typed.
 */
import type { Finding } from "../findings/types";

/**
 * - `supports`: the finding's claim holding (reproduced / corroborated) counts for the proposition,
 *   failing (diverges / contradicted) against.
 * - `weakens`: the reverse.
 * - `context`: shown beside the proposition, never counted — only for a finding about a different
 *   quantity, which the link names (`about`).
 */
export type Reading = "supports" | "weakens" | "context";

/** The sign an exact-number finding's computed value must have when a link reads its direction only. */
export type Sign = "positive" | "negative";

/** How a link reads its findings: the reading, the part it tests or the quantity it is about, and the mode. */
export interface LinkReading {
  reading: Reading;
  /** Counted links: the part of the proposition's statement tested (one of `Proposition.parts`). */
  part?: string;
  /** Context links: the different quantity the finding is about (named in `why` too). */
  about?: string;
  /**
   * Read the sign of the computed value instead of the verdict: for an exact-number finding linked
   * to a statement of direction only (the +2.5 % may be off while the growth it reports is real).
   * A map by finding id when one piece of evidence joins findings read for opposite signs (the city regions grew and
   * the small-town regions shrank: one concentration, one link).
   */
  sign?: Sign | Readonly<Record<string, Sign>>;
}

export interface Link extends LinkReading {
  /**
   * A finding id, or the ids of findings resting on the same comparison (the readings of one claim,
   * e.g. the two readings of "2001–07"; or the same figures tested twice): one piece of evidence.
   */
  finding: string | string[];
  /** What the finding tests, in words (for a context link: names the quantity of `about`). */
  why: string;
  /**
   * A reading the statement's words do not settle: the other reading a fair reader could give, and
   * why. The sensitivity line flips each such link, one at a time.
   */
  judgement?: { alternative: LinkReading; reason: string };
  /**
   * Why this evidence cannot come out against the statement (e.g. "both figures are printed in the statement's own
   * sentence"): shown, never counted.
   */
  cannotFail?: string;
}

export interface Proposition {
  id: string;
  chapter: 2 | 5;
  /** Report section or table. */
  source: string;
  /** Seed-text lines of the report's wording. */
  lines: [number, number];
  /** Paraphrase in English. */
  statement: string;
  /** What it predicts for big-city, city and small-town regions (chapter 2). */
  predicts?: string;
  /** The parts of the statement that findings test, e.g. ["job growth", "innovation", "population"]. */
  parts: string[];
  links: Link[];
}

/**
 * How one link's evidence came out: counted `for` / `against` the proposition, `inconclusive`
 * (tested, undecided), `untestable`; or not counted: `context`, `check` (a project check),
 * `cannot_fail` (evidence that cannot come out against: figures printed in the statement's own sentence, an identity),
 * `absent` (not emitted in this run).
 */
export type Outcome = "for" | "against" | "inconclusive" | "untestable" | "context" | "check" | "cannot_fail" | "absent";

/**
 * The one-word summary of a proposition's assessment (rules.ts: SUMMARY_RULE). `consistent_with_report`: what
 * would be `supported`, when every link counted for rests on the report's own figures alone — consistent with the
 * report's own figures, not tested against open data.
 */
export type Summary = "supported" | "consistent_with_report" | "mixed" | "weakened" | "inconclusive" | "untestable";

export type Counts = Record<Outcome, number>;

export interface AssessedLink {
  link: Link;
  /** The linked findings present in this run, in the link's order. */
  findings: Finding[];
  outcome: Outcome;
  /** How the outcome follows (e.g. "computed −3.3, −3.7: negative as read"; "readings disagree"). */
  detail: string;
}

export interface Assessment {
  proposition: Proposition;
  links: AssessedLink[];
  counts: Counts;
  summary: Summary;
}

/** A proposition's registry entry is malformed, or an id is unknown. */
export class HypothesisError extends Error {
  override name = "HypothesisError";
}
