/**
 * What moved between two runs of a finding, or two sets of findings: the verdict, the computed value,
 * the key numbers and the robustness. Used by a rerun cell's card (src/lib/notebook/session.ts) and by
 * `npm run nb -- … --compare FILE`.
 */
import type { Finding, KeyNumbers } from "./types";
import { formatValue } from "./render";

/** One field that differs: its name and both values as text. */
export interface FindingChange {
  field: string;
  before: string;
  after: string;
}

const text = (v: KeyNumbers[string] | undefined): string => (v === undefined ? "(absent)" : formatValue(v));

/**
 * The fields of a finding that differ between two runs, in a fixed order: verdict, computed, each key
 * number (by name), robustness (status and the readings that flip it).
 * @example
 * findingChanges(before, after);
 * // [{ field: "rho_min", before: "-0.084", after: "-0.168" }, { field: "p_claimed", before: "0.546", after: "0.441" }]
 */
export function findingChanges(before: Finding, after: Finding): FindingChange[] {
  const out: FindingChange[] = [];
  const add = (field: string, b: string, a: string): void => {
    if (b !== a) out.push({ field, before: b, after: a });
  };
  add("verdict", before.verdict, after.verdict);
  add("computed", formatValue(before.computed), formatValue(after.computed));
  const b = before.numbers ?? {};
  const a = after.numbers ?? {};
  for (const k of [...new Set([...Object.keys(b), ...Object.keys(a)])].sort()) add(k, text(b[k]), text(a[k]));
  // a reviewed record (tests/golden/findings.json) keeps the robustness status only: compare what both have
  const partial = typeof before.robustness !== "object" || typeof after.robustness !== "object";
  const rob = (f: Finding): string => {
    const r = f.robustness as Finding["robustness"] | string | undefined;
    if (typeof r !== "object") return String(r ?? "(absent)");
    return partial || !r.flips?.length ? r.status : `${r.status} (flipped by: ${r.flips.join("; ")})`;
  };
  add("robustness", rob(before), rob(after));
  return out;
}

/** The difference between two sets of findings, by id. */
export interface FindingsComparison {
  added: Finding[];
  removed: Finding[];
  changed: { id: string; changes: FindingChange[] }[];
  unchanged: number;
}

/**
 * Compare findings by id: NEW (only in `after`), REMOVED (only in `before`), CHANGED (see findingChanges).
 * @example
 * const c = compareFindings(golden, now);
 * c.added.length + c.removed.length + c.changed.length === 0; // "no change"
 */
export function compareFindings(before: Finding[], after: Finding[]): FindingsComparison {
  const old = new Map(before.map((f) => [f.id, f]));
  const now = new Set(after.map((f) => f.id));
  const out: FindingsComparison = { added: [], removed: before.filter((f) => !now.has(f.id)), changed: [], unchanged: 0 };
  for (const f of after) {
    const o = old.get(f.id);
    if (!o) out.added.push(f);
    else {
      const changes = findingChanges(o, f);
      if (changes.length) out.changed.push({ id: f.id, changes });
      else out.unchanged += 1;
    }
  }
  return out;
}

/**
 * A comparison as lines of text: `NEW`, `CHANGED` (one line per finding, its changed fields after it), `REMOVED`,
 * or `no change (N findings)`.
 * @example
 * comparisonLines(compareFindings(a, a)); // ["no change (12 findings)"]
 */
export function comparisonLines(c: FindingsComparison): string[] {
  if (!c.added.length && !c.removed.length && !c.changed.length) return [`no change (${c.unchanged} findings)`];
  return [
    ...c.added.map((f) => `NEW      ${f.id}: ${f.verdict} ${formatValue(f.computed)}`),
    ...c.changed.map((x) => `CHANGED  ${x.id}: ${x.changes.map((ch) => `${ch.field} ${ch.before} → ${ch.after}`).join("; ")}`),
    ...c.removed.map((f) => `REMOVED  ${f.id}: was ${f.verdict} ${formatValue(f.computed)}`),
    `${c.added.length} new, ${c.changed.length} changed, ${c.removed.length} removed, ${c.unchanged} unchanged`,
  ];
}
