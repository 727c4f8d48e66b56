/**
 * Propositions (the report's theoretical perspectives, chapter 2, and its
 * conclusions, chapter 5) linked to the findings that bear on them. Whether a
 * finding counts for or against is computed from its verdict and the stated
 * reading of the link — never typed.
 */
import type { Finding } from "../findings/types";

/**
 * - `supports`: the finding's claim holding (reproduced / corroborated) counts for the proposition, failing (diverges / contradicted) against.
 * - `weakens`: the reverse.
 * - `context`: shown beside the proposition, not counted.
 */
export type Reading = "supports" | "weakens" | "context";

export interface Link {
  finding: string;
  reading: Reading;
  /** Why the finding bears on the proposition. */
  why: string;
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
  links: Link[];
}

export interface Assessment {
  proposition: Proposition;
  for: { link: Link; finding: Finding }[];
  against: { link: Link; finding: Finding }[];
  untestable: { link: Link; finding: Finding }[];
  context: { link: Link; finding: Finding }[];
  /** Links to findings not evaluated in this run (e.g. a period reading switched off). */
  absent: Link[];
}

const HOLDS = new Set(["reproduced", "corroborated"]);
const FAILS = new Set(["diverges", "contradicted"]);

/** Sort a proposition's linked findings into for / against / untestable / context. */
export function assess(p: Proposition, findings: Finding[]): Assessment {
  const byId = new Map(findings.map((f) => [f.id, f]));
  const out: Assessment = { proposition: p, for: [], against: [], untestable: [], context: [], absent: [] };
  for (const link of p.links) {
    const f = byId.get(link.finding);
    if (!f) {
      out.absent.push(link);
      continue;
    }
    const item = { link, finding: f };
    if (link.reading === "context") out.context.push(item);
    else if (f.verdict === "untestable") out.untestable.push(item);
    else if (HOLDS.has(f.verdict)) (link.reading === "supports" ? out.for : out.against).push(item);
    else if (FAILS.has(f.verdict)) (link.reading === "supports" ? out.against : out.for).push(item);
  }
  return out;
}

/** One plain sentence summing up an assessment, citing findings by id (and, on request, the context findings). */
export function summarise(a: Assessment, opts: { context?: boolean } = {}): string {
  const ids = (xs: { finding: Finding }[]): string => (xs.length ? xs.map((x) => x.finding.id).join(", ") : "none");
  const tested = [...a.for, ...a.against];
  const fromReport = tested.filter((x) => x.finding.verdict === "reproduced" || x.finding.verdict === "diverges").length;
  const balance =
    tested.length === 0
      ? "No public data test it"
      : a.against.length === 0
        ? `All ${tested.length} tested findings bear it out`
        : a.for.length === 0
          ? `All ${tested.length} tested findings go against it`
          : `${a.for.length} of ${tested.length} tested findings bear it out and ${a.against.length} go against it`;
  const basis = tested.length
    ? ` (${fromReport} of the ${tested.length} rest on the report's own figures, ${tested.length - fromReport} on open data)`
    : "";
  const context =
    opts.context && a.context.length ? ` Context, not counted: ${a.context.map((x) => `${x.finding.id} (${x.finding.verdict})`).join(", ")}.` : "";
  return `${balance}${basis}. For: ${ids(a.for)}. Against: ${ids(a.against)}. Untestable: ${ids(a.untestable)}.${context}`;
}
