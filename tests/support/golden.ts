/** The golden record of the findings: what a reviewer signs off (id, verdict, computed, robustness). */
import type { ComputedValue, Finding, Verdict } from "../../src/lib/findings/types";

export interface GoldenRow {
  id: string;
  verdict: Verdict;
  computed: ComputedValue;
  robustness: string;
}

export function goldenRecord(findings: Finding[]): GoldenRow[] {
  return findings
    .map((f) => ({ id: f.id, verdict: f.verdict, computed: f.computed, robustness: f.robustness.status }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
