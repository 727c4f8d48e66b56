/**
 * Checks that the notebooks computed exactly what the registry computes:
 * every registered finding shown in some notebook, with identical fields.
 */
import type { Finding } from "./types";

export interface CollectResult {
  /** Registry order, taken from the notebooks' records. */
  findings: Finding[];
  /** Registry ids no notebook showed. */
  missing: string[];
  /** Ids a notebook showed that differ from the registry's evaluation. */
  differing: string[];
  /** Ids shown by notebooks that the registry does not know. */
  unknown: string[];
}

/** Compare the notebooks' recorded findings with the registry's evaluation. */
export function collectFindings(registry: Finding[], recorded: Finding[]): CollectResult {
  const byId = new Map<string, Finding>();
  for (const f of recorded) byId.set(f.id, f);
  const known = new Set(registry.map((f) => f.id));
  const missing: string[] = [];
  const differing: string[] = [];
  const findings: Finding[] = [];
  for (const f of registry) {
    const nb = byId.get(f.id);
    if (!nb) {
      missing.push(f.id);
      continue;
    }
    if (JSON.stringify(nb) !== JSON.stringify(f)) differing.push(f.id);
    findings.push(nb);
  }
  const unknown = [...byId.keys()].filter((id) => !known.has(id));
  return { findings, missing, differing, unknown };
}
