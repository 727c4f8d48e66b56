/**
 * The written rules for weighing the report's propositions: how a link reads a finding (READING_RULE),
 * how the one-word summary follows from the counted links (SUMMARY_RULE), and a check that a
 * proposition's links keep the reading rule's form (linkProblems). Chapter 2's notebook and the
 * README state the same text.
 */
import { linkIds, signOf } from "./assess";
import type { LinkReading, Proposition } from "./types";

/** The reading rule, as Markdown. */
export const READING_RULE = [
  "**The reading rule.** Each proposition is a paraphrase of the report's statement, split into the *parts* that findings can test. A link from a finding to a proposition is read as follows.\n",
  "1. A finding that tests any part of the statement is `supports` or `weakens`, by what the statement predicts: `supports` when the finding's claim holding is what the statement predicts, `weakens` when its holding is the opposite. It is counted, and the link names the part it tests. A finding tests a part when it measures the same quantity: the same variable, for the units and the period the statement speaks of (chapter 2's perspectives speak of region types anywhere, so any sample of regions tests them; chapter 5's conclusions speak of Innlandet's regions over the report's periods).",
  "2. `context` is only for a finding about a different quantity — another variable, other units (one county's regions, when the statement is about all of Innlandet's), another period, or the consistency of the report's own figures; the link's `why` names that quantity. Context is shown beside the proposition and never counted.",
  "3. A finding that checks an exact printed number counts by its verdict only where the statement states that number. Where the statement asserts a direction only, the link reads the sign of the computed value (an interval must lie wholly on one side of zero).",
  "4. Each piece of evidence counts once. Findings that rest on the same comparison — the readings of one claim (the two readings of \"2001–07\"; Shannon and HHI) or the same figures tested twice — form one link. It holds (fails) when every one of them that could be tested holds (fails), and is inconclusive when they disagree. Nested evidence counts once too: where a finding about a whole (Innlandet's city and small-town regions) and findings about its parts (one county's regions) bear on the same proposition, the whole counts and the parts are context (NESTED lists the pairs; a check refuses a part counted beside its whole).",
  "5. The project's own checks (finding kind `check`: the region mapping against KRD, the consistency of the report's numbers) are not evidence for the report's propositions: shown, never counted.",
  "6. A finding holds when its verdict is `reproduced` or `corroborated`, fails when `diverges` or `contradicted`; `inconclusive` and `untestable` are counted as such.",
  "7. Where the statement's words do not settle a reading, the link is marked a judgement call and carries the other reading a fair reader could give; the sensitivity line flips each judgement call, one at a time, and says which single flip would change the summary.",
  "8. Evidence that cannot come out against the statement — a comparison of two figures the report prints in the statement's own sentence, or an identity — is shown with the reason (`cannot fail`) and never counted.",
].join("\n");

/** The summary rule, as Markdown. */
export const SUMMARY_RULE = [
  "**The summary rule.** From the counted links (pieces of evidence, not findings): `supported` — at least one for and none against, with at least one of those for resting on open data (when every link for rests on the report's own figures alone, the summary is `consistent_with_report`: consistent with the report's own figures, not testable against open data); `weakened` — at least one against and none for; `mixed` — at least one of each; `inconclusive` — none for or against, but at least one link tested without a decision; `untestable` — nothing tested (every linked finding untestable, context, a project check, or not emitted in this run).\n",
  "An `inconclusive` link is a test whose evidence cannot tell the claim from its negation: it counts neither for nor against, so it cannot turn `supported` into `mixed`; it is shown in its own count beside the summary (\"supported — 3 for, 0 against, 1 inconclusive\"), never hidden, and decides the summary only where nothing else was tested.",
].join("\n");

const ID = /^ch\d+\.[a-z0-9_.]+$/;

/**
 * Nested evidence: a finding about a part of the units (one county's regions) → the finding about the whole it is
 * part of (Innlandet's regions). The reading rule counts the whole and shows the parts as context.
 */
export const NESTED: Readonly<Record<string, string>> = {
  "ch4.hedmark_small_towns_above_cities": "ch4.city_regions_innovation_above_small_town",
  "ch4.oppland_cities_above_small_towns": "ch4.city_regions_innovation_above_small_town",
};

function readingProblems(r: LinkReading, why: string, parts: string[], where: string): string[] {
  const out: string[] = [];
  if (r.reading === "context") {
    if (!r.about) out.push(`${where}: a context link must name the different quantity it is about (\`about\`)`);
    else {
      if (!why.toLowerCase().includes(r.about.toLowerCase())) out.push(`${where}: its why must name the quantity it is about ("${r.about}")`);
      if (parts.includes(r.about)) out.push(`${where}: context is about "${r.about}", a part of the statement: count it`);
    }
    if (r.part !== undefined) out.push(`${where}: a context link tests no part of the statement (drop \`part\`)`);
    if (r.sign !== undefined) out.push(`${where}: a context link is not read (drop \`sign\`)`);
  } else {
    if (!r.part || !parts.includes(r.part)) out.push(`${where}: a counted link must name a part of the statement (one of ${parts.join(", ")}), got ${String(r.part)}`);
    if (r.about !== undefined) out.push(`${where}: \`about\` is for context links`);
  }
  return out;
}

/**
 * What breaks the reading rule's form in a proposition's links (empty when none): a context link that
 * does not name its quantity in `why`, a counted link without a part of the statement, a finding
 * linked twice, a judgement call without an alternative that differs.
 * @example linkProblems({ ...p, links: [{ finding: "ch3.x", reading: "context", why: "shown" }] });
 * // ["p → ch3.x: a context link must name the different quantity it is about (`about`)"]
 */
export function linkProblems(p: Proposition): string[] {
  const out: string[] = [];
  if (p.parts.length === 0) out.push(`${p.id}: no parts of the statement named`);
  const seen = new Set<string>();
  const counted = new Set(p.links.filter((l) => l.reading !== "context").flatMap(linkIds));
  for (const id of counted)
    if (NESTED[id] && counted.has(NESTED[id]!))
      out.push(`${p.id} → ${id}: nested in ${NESTED[id]}, which counts here (each piece of evidence counts once): link the part as context`);
  for (const l of p.links) {
    const ids = linkIds(l);
    const where = `${p.id} → ${ids.join(" + ")}`;
    if (ids.length === 0) out.push(`${p.id}: a link without a finding`);
    for (const id of ids) {
      if (!ID.test(id)) out.push(`${where}: '${id}' is not a finding id (chN.some_claim[.reading])`);
      if (seen.has(id)) out.push(`${where}: ${id} is linked twice (each piece of evidence counts once)`);
      seen.add(id);
    }
    if (!l.why.trim()) out.push(`${where}: no why`);
    out.push(...readingProblems(l, l.why, p.parts, where));
    if (l.sign !== undefined && typeof l.sign !== "string" && Object.keys(l.sign).sort().join(" ") !== [...ids].sort().join(" "))
      out.push(`${where}: a sign by finding must name each of the link's findings, and only those`);
    if (l.judgement) {
      const a = l.judgement.alternative;
      if (!l.judgement.reason.trim()) out.push(`${where}: a judgement call says why`);
      if (a.reading === l.reading && a.part === l.part && a.sign === l.sign && a.about === l.about) out.push(`${where}: the alternative reading is the same reading`);
      out.push(...readingProblems(a, `${l.why} ${l.judgement.reason}`, p.parts, `${where} (alternative)`));
    }
  }
  return out;
}

/**
 * A finding read differently by two propositions — counted by one and shown as context by another, or read by its
 * sign in one and by its verdict in another — is a reading the words do not settle: at least one of those links must
 * be marked a judgement call. Returns what breaks that (empty when nothing does).
 * @example crossReadingProblems([pCounting, pContext]); // ["ch4.x: counted in p.a, context in p.b — mark one a judgement call"]
 */
export function crossReadingProblems(props: Proposition[]): string[] {
  const byFinding = new Map<string, { p: string; l: Proposition["links"][number] }[]>();
  for (const p of props) for (const l of p.links) for (const id of linkIds(l)) byFinding.set(id, [...(byFinding.get(id) ?? []), { p: p.id, l }]);
  const out: string[] = [];
  for (const [id, uses] of [...byFinding].sort((a, b) => a[0].localeCompare(b[0]))) {
    const counted = uses.filter((u) => u.l.reading !== "context");
    const context = uses.filter((u) => u.l.reading === "context");
    const signs = new Set(counted.map((u) => signOf(u.l, id) ?? "verdict"));
    const differs = (counted.length > 0 && context.length > 0) || signs.size > 1;
    if (differs && !uses.some((u) => u.l.judgement))
      out.push(
        `${id}: ${counted.map((u) => `${u.l.reading}${u.l.sign ? ` (sign)` : ""} in ${u.p}`).join(", ")}${context.length ? `; context in ${context.map((u) => u.p).join(", ")}` : ""} — mark one a judgement call`,
      );
  }
  return out;
}
