/**
 * A proposition's assessment, computed from the findings of a run: each link's outcome by the
 * reading rule, the counts, the one-word summary by the summary rule (rules.ts), the summary of
 * each part of the statement, and the sensitivity of the summary to the links that are judgement
 * calls. Pure.
 */
import type { Basis, Finding } from "../findings/types";
import { formatValue } from "../findings/render";
import {
  HypothesisError,
  type AssessedLink,
  type Assessment,
  type Counts,
  type Link,
  type LinkReading,
  type Outcome,
  type Proposition,
  type Sign,
  type Summary,
} from "./types";

const OUTCOMES: Outcome[] = ["for", "against", "inconclusive", "untestable", "context", "check", "cannot_fail", "absent"];

/** What one piece of evidence says about the claim it tests. */
type Evidence = "holds" | "fails" | "inconclusive" | "untestable";

/**
 * The finding ids of a link (one, or the several that count as one piece of evidence).
 * @example linkIds({ finding: ["ch3.a.x", "ch3.a.y"], reading: "supports", part: "p", why: "" }); // ["ch3.a.x", "ch3.a.y"]
 */
export function linkIds(link: Pick<Link, "finding">): string[] {
  return typeof link.finding === "string" ? [link.finding] : [...link.finding];
}

/**
 * What a finding rests on: its note's `basis:` line, else its verdict (reproduced / diverges are
 * computed from the report's own figures, corroborated / contradicted from open data); null when
 * neither tells.
 * @example findingBasis({ ...f, note: "basis: open data" }); // "open_data"
 */
export function findingBasis(f: Pick<Finding, "note" | "verdict">): Basis | null {
  const m = /^basis: (the report's own figures|open data)/m.exec(f.note);
  if (m) return m[1] === "open data" ? "open_data" : "report";
  if (f.verdict === "reproduced" || f.verdict === "diverges") return "report";
  if (f.verdict === "corroborated" || f.verdict === "contradicted") return "open_data";
  return null;
}

function byVerdict(f: Finding): Evidence {
  if (f.verdict === "reproduced" || f.verdict === "corroborated") return "holds";
  if (f.verdict === "diverges" || f.verdict === "contradicted") return "fails";
  return f.verdict;
}

function bySign(f: Finding, sign: Sign): Evidence {
  const v = f.computed;
  if (v === null || f.verdict === "untestable") return "untestable";
  if (v === "undecided") return "inconclusive";
  if (typeof v === "boolean") throw new HypothesisError(`a sign reading needs a number or an interval; ${f.id} computed ${String(v)} (link it by its verdict)`);
  const [lo, hi] = Array.isArray(v) ? v : [v, v];
  const ok = sign === "positive" ? lo > 0 : hi < 0;
  const opposite = sign === "positive" ? hi <= 0 : lo >= 0;
  return ok ? "holds" : opposite ? "fails" : "inconclusive";
}

/**
 * The sign a link reads a finding for (its `sign`, or the finding's entry of a per-finding map); undefined: by verdict.
 * @example signOf({ sign: { "ch3.a": "negative" } }, "ch3.a"); // "negative"
 */
export function signOf(link: Pick<LinkReading, "sign">, id: string): Sign | undefined {
  return typeof link.sign === "string" ? link.sign : link.sign?.[id];
}

/** One piece of evidence from its findings: all that could be tested agree, or it is inconclusive. */
function combine(fs: Finding[], link: Pick<LinkReading, "sign">): { evidence: Evidence; detail: string } {
  const each = fs.map((f) => {
    const sign = signOf(link, f.id);
    return sign ? bySign(f, sign) : byVerdict(f);
  });
  const tested = each.filter((e) => e !== "untestable");
  const shown = link.sign
    ? typeof link.sign === "string"
      ? `computed ${fs.map((f) => formatValue(f.computed)).join(", ")}: read for a ${link.sign} sign`
      : `computed ${fs.map((f) => `${formatValue(f.computed)} (read for a ${signOf(link, f.id) ?? "?"} sign)`).join(", ")}`
    : "";
  const evidence: Evidence = tested.length === 0 ? "untestable" : tested.every((e) => e === tested[0]) ? tested[0]! : "inconclusive";
  const disagree = tested.length > 1 && evidence === "inconclusive" ? "the readings disagree" : "";
  return { evidence, detail: [shown, disagree].filter((s) => s).join("; ") };
}

function outcomeOf(evidence: Evidence, reading: "supports" | "weakens"): Outcome {
  if (evidence === "holds") return reading === "supports" ? "for" : "against";
  if (evidence === "fails") return reading === "supports" ? "against" : "for";
  return evidence;
}

/**
 * The summary rule: `mixed` when some links count for and some against, `supported` / `weakened`
 * when they count only one way; when none counts either way, `inconclusive` if some link was tested
 * without a decision, else `untestable`.
 * @example summaryOf({ for: 2, against: 0, inconclusive: 1 }); // "supported"
 */
export function summaryOf(c: Pick<Counts, "for" | "against" | "inconclusive">): Summary {
  if (c.for > 0 && c.against > 0) return "mixed";
  if (c.for > 0) return "supported";
  if (c.against > 0) return "weakened";
  return c.inconclusive > 0 ? "inconclusive" : "untestable";
}

/**
 * Count outcomes.
 * @example countOutcomes(["for", "for", "context"]).for; // 2
 */
export function countOutcomes(outcomes: Outcome[]): Counts {
  const c = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Counts;
  for (const o of outcomes) c[o] += 1;
  return c;
}

/**
 * Assess one link against the findings of a run (a map by id).
 * @example assessLink({ finding: "ch3.a", reading: "weakens", part: "p", why: "" }, new Map([["ch3.a", corroboratedFinding]])).outcome; // "against"
 */
export function assessLink(link: Link, byId: Map<string, Finding>): AssessedLink {
  const present = linkIds(link)
    .map((id) => byId.get(id))
    .filter((f): f is Finding => f !== undefined);
  if (present.length === 0) return { link, findings: [], outcome: "absent", detail: "not emitted in this run" };
  if (link.reading === "context") return { link, findings: present, outcome: "context", detail: `about ${link.about ?? "?"}` };
  const claims = present.filter((f) => f.kind !== "check");
  if (claims.length === 0) return { link, findings: present, outcome: "check", detail: "a check of the project's, not a claim of the report" };
  if (link.cannotFail) return { link, findings: present, outcome: "cannot_fail", detail: `cannot fail: ${link.cannotFail}` };
  const { evidence, detail } = combine(claims, link);
  return { link, findings: present, outcome: outcomeOf(evidence, link.reading), detail };
}

/**
 * A proposition's assessment: each link's outcome, the counts and the one-word summary.
 * @example
 * const a = assess(CONCLUSIONS[0]!, findings);
 * a.summary; // e.g. "mixed"; a.counts.for, a.counts.against, …
 */
export function assess(p: Proposition, findings: Finding[]): Assessment {
  const byId = new Map(findings.map((f) => [f.id, f]));
  const links = p.links.map((l) => assessLink(l, byId));
  const counts = countOutcomes(links.map((l) => l.outcome));
  return { proposition: p, links, counts, summary: onBasis(summaryOf(counts), links) };
}

/**
 * `supported` on the report's own figures alone is `consistent_with_report`: every link counted for rests only on
 * findings computed from the report's figures, so nothing was tested against open data.
 * @example onBasis("supported", [{ outcome: "for", findings: [reproducedFinding] }]); // "consistent_with_report"
 */
export function onBasis(summary: Summary, links: Pick<AssessedLink, "outcome" | "findings">[]): Summary {
  if (summary !== "supported") return summary;
  const forLinks = links.filter((l) => l.outcome === "for");
  return forLinks.every((l) => l.findings.every((f) => findingBasis(f) === "report")) ? "consistent_with_report" : summary;
}

/** One part of a proposition's statement, with the counts and summary of the links that test it. */
export interface PartAssessment {
  part: string;
  counts: Counts;
  summary: Summary;
}

/**
 * The summary of each part of the statement, from the counted links naming that part.
 * @example partAssessments(assess(main, findings)); // [{ part: "job growth", summary: "supported", … }, …]
 */
export function partAssessments(a: Assessment): PartAssessment[] {
  return a.proposition.parts.map((part) => {
    const links = a.links.filter((l) => l.link.reading !== "context" && l.link.part === part);
    const counts = countOutcomes(links.map((l) => l.outcome));
    return { part, counts, summary: onBasis(summaryOf(counts), links) };
  });
}

/** A judgement-call link flipped to its alternative reading, and the summary that would follow. */
export interface Flip {
  link: Link;
  to: LinkReading;
  summary: Summary;
  /** The flip changes the proposition's summary. */
  changes: boolean;
}

/**
 * Flip each judgement-call link to its alternative reading, one at a time, and recompute the summary.
 * @example judgementFlips(p, findings).filter((x) => x.changes); // the single links whose reading decides the summary
 */
export function judgementFlips(p: Proposition, findings: Finding[]): Flip[] {
  const base = assess(p, findings).summary;
  return p.links.flatMap((l, i) => {
    if (!l.judgement) return [];
    const to = l.judgement.alternative;
    const flipped: Link = { finding: l.finding, why: l.why, reading: to.reading, part: to.part, about: to.about, sign: to.sign };
    const summary = assess({ ...p, links: p.links.map((x, j) => (j === i ? flipped : x)) }, findings).summary;
    return [{ link: l, to, summary, changes: summary !== base }];
  });
}
