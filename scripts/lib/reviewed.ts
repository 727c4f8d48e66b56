/**
 * What changed since the reviewed record: every verdict of a build compared with the golden file
 * (tests/golden/findings.json, the findings a reviewer signed off), so that a verdict that flips because data,
 * rules or code changed is printed by `reproduce` and shown on the site instead of passing silently.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { compareFindings, comparisonLines } from "../../src/lib/findings/changes";
import type { Finding } from "../../src/lib/findings/types";
import type { RunParameters } from "../../src/lib/params";

export const GOLDEN_FILE = join("tests", "golden", "findings.json");

/** The comparison as lines, or why none was made (the golden file records the default period reading only). */
export interface ReviewedComparison {
  /** `no change (N findings)`, or NEW / CHANGED / REMOVED lines and a count line; empty when not compared. */
  lines: string[];
  /** Why the build was not compared (other parameters than the record's, no golden file), else undefined. */
  skipped?: string;
}

/**
 * Compare a build's findings with the reviewed record for its region mapping.
 * @example
 * reviewedChanges(root, findings, params).lines; // ["no change (144 findings)"]
 */
export function reviewedChanges(root: string, findings: Finding[], params: RunParameters): ReviewedComparison {
  const file = join(root, GOLDEN_FILE);
  if (!existsSync(file)) return { lines: [], skipped: `no reviewed record (${GOLDEN_FILE})` };
  if (params.period !== "both") return { lines: [], skipped: `the reviewed record reads "2001–07" both ways; this run reads period=${params.period}` };
  if (params.area !== undefined && !["innlandet", "34", "hedmark+oppland"].includes(params.area.trim().toLowerCase()))
    return { lines: [], skipped: `the reviewed record is for the report's Innlandet; this run's chapter 6 is for area=${params.area}` };
  const golden = JSON.parse(readFileSync(file, "utf8")) as Record<string, Finding[]>;
  const record = golden[params.regions === "report13" ? "default" : params.regions];
  if (!record) return { lines: [], skipped: `the reviewed record has no findings for regions=${params.regions}` };
  return { lines: comparisonLines(compareFindings(record, findings)) };
}

/** The comparison as a Markdown document (build/changes-since-reviewed.md). */
export function reviewedMarkdown(c: ReviewedComparison): string {
  const body = c.skipped ? `Not compared: ${c.skipped}.` : c.lines.map((l) => `    ${l}`).join("\n");
  return `# What changed since the reviewed record\n\nEvery finding of this build against \`${GOLDEN_FILE}\` (verdict, computed value, key numbers, robustness).\n\n${body}\n`;
}
