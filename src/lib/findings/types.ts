/**
 * A finding: one claim of the report, the value the project computes for it,
 * and a verdict computed by comparing the two.
 */
import type { Claim } from "./claims";

/**
 * - `reproduced`: computed from the report's own figures, matches within tolerance.
 * - `diverges`: computed from the report's own figures, does not match (note says by how much).
 * - `corroborated` / `contradicted`: open data agree / disagree within tolerance.
 * - `inconclusive`: the evidence cannot decide (a computed interval straddles the tolerance band,
 *   or a statistical test that cannot tell the claim from its negation).
 * - `untestable`: no public data (note says what is missing).
 */
export type Verdict = "reproduced" | "corroborated" | "contradicted" | "diverges" | "inconclusive" | "untestable";

/** A number, a range [low, high], `true` for an asserted comparison, or null when not stated. */
export type PublishedValue = number | [number, number] | boolean | null;

/**
 * What the project computed: a number; an interval [low, high] when the inputs are known only
 * within their rounding or printed ranges; a boolean for a comparison; `"undecided"` when the
 * comparison's evidence points both ways; null only for untestable findings.
 */
export type ComputedValue = number | readonly [number, number] | boolean | "undecided" | null;

/** What the computation rests on: the report's own figures, or open data. */
export type Basis = "report" | "open_data";

/**
 * `claim`: a statement of the report, tested on its own period. `check`: the project's own check
 * (of a region mapping against KRD, of the report's internal consistency). `follow_up`: a statement
 * of the report tested on a later period (chapter 6). `explore`: a user's own hypothesis (`nb.hypothesis`,
 * notebooks in explore/), never collected into the report's findings. Each kind is counted apart.
 */
export type FindingKind = "claim" | "check" | "follow_up" | "explore";

/** One alternative reading a finding was also computed under. */
export interface ReadingAlternative {
  /** What differs, e.g. "size year 2000" or "Innlandet without Hadeland and Os". */
  label: string;
  computed: ComputedValue;
  verdict: Verdict;
}

/** How a verdict holds up under the reasonable alternative readings. */
export interface Robustness {
  /**
   * `robust`: every alternative gives the same verdict; `fragile`: at least one flips it; `untested`: none of the
   * computed ones flips it, but some readings could not be computed (never called robust).
   */
  status: "robust" | "fragile" | "untested" | "not_assessed";
  alternatives: ReadingAlternative[];
  /** The alternatives that flip the verdict (labels). */
  flips: string[];
  /** Readings that could not be computed, with the reason (e.g. a leave-out that left a side empty). */
  untested?: { label: string; reason: string }[];
}

/** The record written to build/findings.json. */
export interface Finding {
  id: string;
  kind: FindingKind;
  chapter: number;
  section: string;
  claim: string;
  published: PublishedValue;
  computed: ComputedValue;
  unit: string;
  tolerance: number;
  /** The reading rule used (a phrase rule of data/assumptions/phrase_rules.csv, or `printed`). */
  rule: string;
  verdict: Verdict;
  robustness: Robustness;
  inputs: string[];
  /**
   * The reading's key numbers beside the prose note (e.g. `{ rho_min, rho_max, p_claimed, n, power }`),
   * so that a rerun can show what moved. Absent when the cell names none.
   */
  numbers?: KeyNumbers;
  /** Labelled lines: "basis: …", "reading: …", "source: …", "run: …". */
  note: string;
  /** Where the finding was emitted: notebook file and code cell index (as committed). */
  notebook?: string;
  cell?: number;
}

/** Key numbers of a reading: a name (snake_case) → a number, an interval, or null when not computable. */
export type KeyNumbers = Record<string, number | readonly [number, number] | null>;

/** A claim with where its published value comes from (claims.csv or another publication's table). */
export type ClaimRef = Claim;

/**
 * Whether a value is an interval [low, high] (`Array.isArray` does not narrow readonly tuples).
 * @example isInterval([1, 2]); // true
 */
export function isInterval(v: unknown): v is readonly [number, number] {
  return Array.isArray(v) && v.length === 2 && typeof v[0] === "number" && typeof v[1] === "number";
}
