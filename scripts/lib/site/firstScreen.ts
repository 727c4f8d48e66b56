/**
 * The index's first screen as HTML: the counts sentence (with the verdict → standing mapping
 * stated), the main conclusion's assessment linked to chapter 5, and the failures ranked by
 * RANKING_RULE, each with a one-line why. The counts link to the findings list filtered to them
 * (client/index.js reads the filter from the URL).
 */
import { escapeHtml } from "../../../src/lib/findings/render";
import type { Finding } from "../../../src/lib/findings/types";
import { assess, MAIN_CONCLUSION, partAssessments, proposition, type Summary } from "../../../src/lib/hypotheses/index";
import {
  cutAt,
  RANKING_RULE,
  RANKING_SHORT,
  rankedFailures,
  readingLine,
  robustnessWords,
  standingCounts,
  STANDING_WORDS,
  valuesWords,
  VERDICTS_OF,
  type Reliance,
  type Standing,
} from "./headline";

/** The index's URL that filters the findings list to report claims of these verdicts. */
export function filterHref(verdicts: string[]): string {
  return `?kind=claim&verdict=${verdicts.join(",")}#findings-heading`;
}

/** The counts as one sentence (plain text, for tests and the page's description). */
export function countsSentence(findings: Finding[]): string {
  const claims = findings.filter((f) => f.kind === "claim");
  const c = standingCounts(findings);
  const distinct = new Set(claims.map((f) => f.claim)).size;
  return (
    `Of the report's ${distinct} quantitative statements, tested as ${claims.length} readings, ` +
    `${c.holds} hold, ${c.fails} fail, ${c.undecided} cannot be decided and ${c.untestable} cannot be tested on public data.`
  );
}

function countsHtml(findings: Finding[]): string {
  const claims = findings.filter((f) => f.kind === "claim");
  const c = standingCounts(findings);
  const distinct = new Set(claims.map((f) => f.claim)).size;
  const n = (s: Standing): string =>
    `<a class="standing s-${s}" href="${filterHref(VERDICTS_OF[s])}"><b>${c[s]}</b> ${escapeHtml(STANDING_WORDS[s])}</a>`;
  const checks = findings.filter((f) => f.kind === "check").length;
  const followUps = findings.filter((f) => f.kind === "follow_up").length;
  const apart = [checks ? `${checks} project checks` : "", followUps ? `${followUps} follow-ups on later years` : ""].filter(Boolean).join(" and ");
  return (
    `<p class="headline" id="headline">Of the report's ${distinct} quantitative statements, tested as ${claims.length} readings, ` +
    `${n("holds")}, ${n("fails")}, ${n("undecided")} and ${n("untestable")} on public data.</p>` +
    `<p class="small muted mapping">A statement read two ways (e.g. two periods) counts once per reading. <i>hold</i> = verdict reproduced or corroborated · ` +
    `<i>fail</i> = diverges or contradicted · <i>cannot be decided</i> = inconclusive · <i>cannot be tested</i> = untestable (<a href="#verdict-meaning">what the verdicts mean</a>)` +
    `${apart ? `; the ${apart} are counted apart` : ""}.</p>`
  );
}

const SUMMARY_WORDS: Record<Summary, string> = {
  supported: "supported",
  consistent_with_report: "consistent with the report's own figures only",
  mixed: "mixed",
  weakened: "weakened",
  inconclusive: "inconclusive",
  untestable: "untestable",
};

/** The main conclusion's assessment in one paragraph, linked to where chapter 5 weighs it. */
export function mainConclusionHtml(findings: Finding[], href: string | null): string {
  const p = proposition(MAIN_CONCLUSION);
  const a = assess(p, findings);
  const what = `The report's <b>main conclusion</b> (§5.3: decentralised innovation and job growth in Innlandet, against the international "urban turn")`;
  if (a.links.every((l) => l.outcome === "absent"))
    return `<p class="main-conclusion" id="main-conclusion">${what} is not assessed in this run: none of the findings it rests on was emitted.</p>`;
  const parts = partAssessments(a)
    .map((x) => `${escapeHtml(x.part)} <b>${escapeHtml(SUMMARY_WORDS[x.summary] ?? x.summary)}</b>`)
    .join(", ");
  const c = a.counts;
  const link = href ? ` <a href="${escapeHtml(href)}">How chapter 5 weighs it →</a>` : "";
  return (
    `<p class="main-conclusion" id="main-conclusion">${what} comes out <b class="summary s-${a.summary}">${escapeHtml(SUMMARY_WORDS[a.summary])}</b>: ` +
    `${c.for} pieces of evidence for, ${c.against} against, ${c.inconclusive} undecided, ${c.untestable} untestable; by part: ${parts}.${link}</p>`
  );
}

function relianceWords(rs: Reliance[]): string {
  if (rs.length === 0) return "";
  const seen = new Set<string>();
  const words = rs
    .filter((r) => !seen.has(r.proposition.id) && seen.add(r.proposition.id))
    .map((r) => {
      const what = r.proposition.id === MAIN_CONCLUSION ? "main conclusion" : r.proposition.chapter === 5 ? "conclusion" : "perspective";
      return `${r.proposition.source} ${what} (${r.part}${r.signOnly ? ", its sign only" : ""})`;
    });
  return `counted by: ${words.join("; ")}`;
}

/** One failure: title (claim, and the reading where claims share a text) and the one-line why. */
function failureHtml(f: Finding, rs: Reliance[], reading: string | undefined): string {
  // a comparison's why is in its reading (the numbers compared); a number's in published against computed
  const line = typeof f.published === "boolean" ? readingLine(f.note) : null;
  const how = line ? `<span title="${escapeHtml(line)}">${escapeHtml(cutAt(line, 170))}</span>` : "";
  const why = [
    valuesWords(f),
    `rule <a href="rules.html#rule-${escapeHtml(f.rule)}">${escapeHtml(f.rule)}</a>`,
    escapeHtml(robustnessWords(f)),
    escapeHtml(relianceWords(rs)),
  ].filter(Boolean);
  return (
    `<li><a href="#${escapeHtml(f.id)}" class="f-title">${escapeHtml(f.claim)}</a>${reading ? ` <span class="reading">(reading: ${escapeHtml(reading)})</span>` : ""} ` +
    `<span class="badge v-${f.verdict}">${escapeHtml(f.verdict)}</span>` +
    `<div class="why small">${how ? `${how} · ` : ""}${why.join(" · ")}</div></li>`
  );
}

/** The failures, ranked, the first `shown` open and the rest folded. */
export function failuresHtml(findings: Finding[], readings: Map<string, string>, shown = 5): string {
  const ranked = rankedFailures(findings);
  if (ranked.length === 0) return `<h2 id="failures">What fails</h2><p id="no-failures">No claim of the report fails.</p>`;
  const items = ranked.map((r) => failureHtml(r.finding, r.reliances, readings.get(r.finding.id)));
  const rest = items.slice(shown);
  return (
    `<h2 id="failures">What fails, most important first</h2>` +
    `<details class="small muted rule"><summary>Ranked ${escapeHtml(RANKING_SHORT)}.</summary>The rule in full: ${escapeHtml(RANKING_RULE)}.</details>` +
    `<ol class="failures">${items.slice(0, shown).join("")}</ol>` +
    (rest.length
      ? `<details class="more-failures"><summary>the other ${rest.length} failures</summary><ol class="failures" start="${shown + 1}">${rest.join("")}</ol></details>`
      : "")
  );
}

/** The whole first screen. */
export function firstScreenHtml(findings: Finding[], o: { mainConclusionHref: string | null; readings: Map<string, string> }): string {
  return `<section class="first-screen">${countsHtml(findings)}${mainConclusionHtml(findings, o.mainConclusionHref)}${failuresHtml(findings, o.readings)}</section>`;
}

export const FIRST_SCREEN_CSS = `.headline{font-size:1.2em;margin:.3em 0 .2em;max-width:62em}
.headline a.standing{white-space:nowrap;text-decoration:none;border-bottom:2px solid;padding:0 1px}
.headline a.s-holds{border-color:#009E73}.headline a.s-fails{border-color:#D55E00}.headline a.s-undecided{border-color:#CC79A7}.headline a.s-untestable{border-color:#999999}
.mapping{margin:.1em 0 .5em;max-width:70em}
.main-conclusion{margin:.4em 0;max-width:70em;padding:6px 10px;border-left:4px solid #0072B2;background:#f6f8fa}
#failures{margin:.6em 0 .2em;font-size:1.15em}.rule{margin:0 0 .3em;max-width:70em}.rule>summary{cursor:pointer}
ol.failures{margin:.2em 0;padding-left:1.6em}ol.failures li{margin:0 0 .35em}
ol.failures .f-title{font-weight:600}ol.failures .reading{color:#57606a}
ol.failures .why{color:#3d444d;overflow-wrap:anywhere}
details.more-failures>summary{cursor:pointer;color:#0550ae}`;
