/** The golden record of the findings: what a reviewer signs off (id, kind, verdict, computed, robustness). */
import type { ComputedValue, Finding, FindingKind, Verdict } from "../../src/lib/findings/types";

export interface GoldenRow {
  id: string;
  /** claim, check or follow_up: what the finding counts as. */
  kind: FindingKind;
  verdict: Verdict;
  computed: ComputedValue;
  robustness: string;
}

export function goldenRecord(findings: Finding[]): GoldenRow[] {
  return findings
    .map((f) => ({ id: f.id, kind: f.kind, verdict: f.verdict, computed: f.computed, robustness: f.robustness.status }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
