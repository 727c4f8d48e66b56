/**
 * The index's first screen, computed from the findings: how many of the report's statements hold,
 * fail, cannot be decided or cannot be tested (STANDING_OF maps the verdicts), the main conclusion's
 * assessment (chapter 5, src/lib/hypotheses), and the failures ranked by the stated rule
 * (RANKING_RULE) with a one-line why each. Pure, apart from the HTML it returns.
 */
import { escapeHtml } from "../../../src/lib/findings/render";
import type { Finding, Verdict } from "../../../src/lib/findings/types";
import { assess, CONCLUSIONS, HYPOTHESES, linkIds, MAIN_CONCLUSION, partAssessments, type Proposition } from "../../../src/lib/hypotheses/index";
import { compareSections, formatComputed, formatPublished, formatTolerance, noteLines } from "./format";

/** What a verdict says about the report's statement. */
export type Standing = "holds" | "fails" | "undecided" | "untestable";

/** The mapping the first screen states: reproduced + corroborated hold, diverges + contradicted fail. */
export const STANDING_OF: Record<Verdict, Standing> = {
  reproduced: "holds",
  corroborated: "holds",
  diverges: "fails",
  contradicted: "fails",
  inconclusive: "undecided",
  untestable: "untestable",
};

export const STANDING_WORDS: Record<Standing, string> = {
  holds: "hold",
  fails: "fail",
  undecided: "cannot be decided",
  untestable: "cannot be tested",
};

/** The verdicts of a standing, in the order the page names them. */
export const VERDICTS_OF: Record<Standing, Verdict[]> = {
  holds: ["reproduced", "corroborated"],
  fails: ["diverges", "contradicted"],
  undecided: ["inconclusive"],
  untestable: ["untestable"],
};

/** Count the report's claims (kind `claim`) by standing. */
export function standingCounts(findings: Finding[]): Record<Standing, number> {
  const out: Record<Standing, number> = { holds: 0, fails: 0, undecided: 0, untestable: 0 };
  for (const f of findings) if (f.kind === "claim") out[STANDING_OF[f.verdict]] += 1;
  return out;
}

/** Text cut to at most `max` characters at a word, with " …" when cut. */
export function cutAt(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max).replace(/\s+\S*$/, "")} …`;
}

/** A note's "reading:" line; null when it has none. */
export function readingLine(note: string): string | null {
  return noteLines(note).find((l) => l.label === "reading")?.text ?? null;
}

/**
 * The first clause of a note's "reading:" line (up to the first ": " or "; "; more clauses while it is shorter
 * than `min` characters, so that "'gjennomgående': every city region …" keeps its definition), at most `max`
 * characters, cut at a word.
 */
export function readingClause(note: string, max = 90, min = 25): string | null {
  const r = readingLine(note);
  if (r === null) return null;
  const parts = r.split(/(:\s|;\s)/);
  let out = parts[0]!;
  for (let i = 1; out.trim().length < min && i + 1 < parts.length; i += 2) out += parts[i]! + parts[i + 1]!;
  return cutAt(out.trim(), max);
}

/** The part of an id after the base a group of ids shares, in words ("jan2001_jan2007" → "1 Jan 2001 → 1 Jan 2007"). */
function idSuffixWords(id: string, ids: string[]): string {
  const parts = ids.map((x) => x.split("."));
  let common = 0;
  while (parts.every((p) => p[common] !== undefined && p[common] === parts[0]![common])) common++;
  const rest = id.split(".").slice(common).join(" ") || id;
  return rest.replace(/^jan(\d{4})_jan(\d{4})$/, "1 Jan $1 → 1 Jan $2").replace(/_/g, " ");
}

/**
 * For findings that share a claim text, the reading that tells them apart (id → label): the first
 * clause of the note's reading line, or, where that is missing or the same for two of them, the end
 * of the id in words. Findings with a claim text of their own get none.
 */
export function readingLabels(findings: Finding[]): Map<string, string> {
  const byClaim = new Map<string, Finding[]>();
  for (const f of findings) byClaim.set(f.claim, [...(byClaim.get(f.claim) ?? []), f]);
  const out = new Map<string, string>();
  for (const group of byClaim.values()) {
    if (group.length < 2) continue;
    const clauses = group.map((f) => readingClause(f.note));
    const distinct = clauses.every((c, i) => c !== null && clauses.indexOf(c) === i);
    group.forEach((f, i) =>
      out.set(
        f.id,
        distinct
          ? clauses[i]!
          : idSuffixWords(
              f.id,
              group.map((g) => g.id),
            ),
      ),
    );
  }
  return out;
}

/** How a proposition counts a finding: which proposition, the part, whether only its sign is read. */
export interface Reliance {
  proposition: Proposition;
  part: string;
  signOnly: boolean;
}

/** The counted links (supports / weakens) of the chapter-5 conclusions and chapter-2 perspectives that include `id`. */
export function reliances(id: string, props: Proposition[] = [...CONCLUSIONS, ...HYPOTHESES]): Reliance[] {
  return props.flatMap((p) =>
    p.links
      .filter((l) => l.reading !== "context" && linkIds(l).includes(id))
      .map((l) => ({ proposition: p, part: l.part ?? "", signOnly: l.sign !== undefined })),
  );
}

/** The ranking rule in one line (RANKING_RULE in full). */
export const RANKING_SHORT =
  "by what rests on them: the main conclusion (§5.3) first, then the other conclusions of chapter 5, then chapter 2's perspectives, then the rest; robust failures before fragile ones";

/** The ranking rule, as the page states it. */
export const RANKING_RULE =
  "first the failures the main conclusion (§5.3) counts by their verdict, then those the other conclusions of chapter 5 count by their verdict, then those a conclusion reads only for their sign (direction), then those chapter 2's perspectives count, then the rest; within each, robust failures before those an alternative reading could flip, then in chapter and section order";

const ROBUSTNESS_RANK: Record<Finding["robustness"]["status"], number> = { robust: 0, untested: 1, not_assessed: 2, fragile: 3 };

/** The tier of RANKING_RULE a finding falls in (0 = the main conclusion counts it by its verdict). */
export function rankTier(rs: Reliance[]): number {
  const conclusion = (r: Reliance): boolean => r.proposition.chapter === 5;
  if (rs.some((r) => r.proposition.id === MAIN_CONCLUSION && !r.signOnly)) return 0;
  if (rs.some((r) => conclusion(r) && !r.signOnly)) return 1;
  if (rs.some(conclusion)) return 2;
  if (rs.length > 0) return 3;
  return 4;
}

/** The report's failed claims (diverges, contradicted) in the order of RANKING_RULE. */
export function rankedFailures(findings: Finding[], props?: Proposition[]): { finding: Finding; reliances: Reliance[]; tier: number }[] {
  return findings
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => f.kind === "claim" && STANDING_OF[f.verdict] === "fails")
    .map(({ f, i }) => {
      const rs = reliances(f.id, props);
      return { finding: f, reliances: rs, tier: rankTier(rs), i };
    })
    .sort(
      (a, b) =>
        a.tier - b.tier ||
        ROBUSTNESS_RANK[a.finding.robustness.status] - ROBUSTNESS_RANK[b.finding.robustness.status] ||
        a.finding.chapter - b.finding.chapter ||
        compareSections(a.finding.section, b.finding.section) ||
        a.i - b.i,
    )
    .map(({ finding, reliances, tier }) => ({ finding, reliances, tier }));
}

/** The robustness of a verdict in a few words. */
export function robustnessWords(f: Finding): string {
  const r = f.robustness;
  if (r.status === "robust") return `robust over ${r.alternatives.length} other reading${r.alternatives.length === 1 ? "" : "s"}`;
  if (r.status === "fragile") return `fragile: ${r.flips.join("; ")} would flip it`;
  if (r.status === "untested") return "robustness not testable for every reading";
  return "no alternative reading assessed";
}

/** One line: published against computed (with the unit and tolerance), the rule. */
export function valuesWords(f: Finding): string {
  const unit = f.unit.startsWith("comparison") ? "" : ` ${f.unit}`;
  const tol = typeof f.published === "boolean" ? "" : ` (tolerance ${formatTolerance(f.tolerance)})`;
  return `published ${formatPublished(f)}${unit}, computed ${formatComputed(f.computed, f)}${unit}${tol}`;
}
