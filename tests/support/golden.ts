/** The golden record of the findings: what a reviewer signs off (id, kind, verdict, computed, robustness, key numbers). */
import type { ComputedValue, Finding, FindingKind, KeyNumbers, Verdict } from "../../src/lib/findings/types";

export interface GoldenRow {
  id: string;
  /** claim, check or follow_up: what the finding counts as. */
  kind: FindingKind;
  verdict: Verdict;
  computed: ComputedValue;
  robustness: string;
  /** The notebook that emits it (so `npm run nb -- … --compare` compares one notebook's findings). */
  notebook?: string;
  /** The reading's key numbers, where the cell names them. */
  numbers?: KeyNumbers;
}

export function goldenRecord(findings: Finding[]): GoldenRow[] {
  return findings
    .map((f) => ({ id: f.id, kind: f.kind, verdict: f.verdict, computed: f.computed, robustness: f.robustness.status, ...(f.notebook ? { notebook: f.notebook } : {}), ...(f.numbers ? { numbers: f.numbers } : {}) }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
