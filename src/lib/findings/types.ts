/**
 * A finding: one claim of the report, the value the project computes for it,
 * and a verdict computed by comparing the two.
 */
import type * as pl from "nodejs-polars";
import type { Claim } from "./claims";

/**
 * - `reproduced`: computed from the report's own figures, matches within tolerance.
 * - `diverges`: computed from the report's own figures, does not match (note says by how much).
 * - `corroborated` / `contradicted`: open data agree / disagree within tolerance.
 * - `untestable`: no public data (note says what is missing).
 */
export type Verdict = "reproduced" | "corroborated" | "contradicted" | "diverges" | "untestable";

/** A number, a range [low, high], `true` for an asserted comparison, or null when not stated. */
export type PublishedValue = number | [number, number] | boolean | null;
export type ComputedValue = number | boolean | null;

/** What the computation rests on: the report's own figures, or open data. */
export type Basis = "report" | "open_data";

/** The record written to build/findings.json (exactly these fields). */
export interface Finding {
  id: string;
  chapter: number;
  section: string;
  claim: string;
  published: PublishedValue;
  computed: ComputedValue;
  unit: string;
  tolerance: number;
  verdict: Verdict;
  inputs: string[];
  note: string;
}

/** What a finding's computation returns. */
export interface Computation {
  value: ComputedValue;
  /** Plain explanation of how the value was obtained (assumptions, readings). */
  note: string;
  /** Intermediate tables a notebook may show beside the finding. */
  tables?: Record<string, pl.DataFrame>;
}

/** Definition of a finding: which claim it tests and how to compute it. */
export interface FindingSpec<C> {
  /** Unique id, e.g. `ch3.services_share_innlandet_2008`. */
  id: string;
  /** Key of the report's claim in data/report/claims.csv … */
  claimKey?: string;
  /** … or, for checks against another publication (e.g. KRD's table), the published value built from its data file. */
  reference?: (ctx: C) => Claim;
  basis: Basis;
  /** Data files (relative to data/) the computation reads. */
  inputs: string[];
  /** The computation; absent when `untestable` gives the reason. */
  compute?: (ctx: C) => Computation;
  /** Why no public data can test the claim (names the missing table). */
  untestable?: string;
}
