/**
 * The site's index: what this is and how to rerun it, headline totals (report
 * claims and project checks apart, fragile verdicts counted), the verdict
 * overview and the published-vs-computed chart, every finding grouped by
 * chapter and section (claim first, id second, link to its notebook cell,
 * notes as labelled lines), a filter and search (client/index.js), the
 * derived tables and the colophon.
 */
import type { ReviewedComparison } from "../reviewed";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { escapeHtml, VERDICT_ORDER } from "../../../src/lib/findings/render";
import type { Finding, Verdict } from "../../../src/lib/findings/types";
import { figureHtml } from "../../../src/lib/plots/plotly";
import { deviationFigure, overviewFigure } from "./charts";
import { colophonHtml, type Colophon } from "./colophon";
import { formatComputed, formatPublished, formatTolerance, groupFindings, noteLines } from "./format";
import { verdictBadge } from "./layout";

export interface IndexInput {
  findings: Finding[];
  /** Chapter number → title (from the notebook's first heading). */
  chapterTitles: Record<number, string>;
  /** Section ("3.3.1") → the notebook headings that name it. */
  sectionTitles: Record<string, string[]>;
  colophon: Colophon;
  tables: string[];
  /** Whether the API reference was built (api/index.html). */
  api: boolean;
  /** What changed since the reviewed record (tests/golden/findings.json). */
  reviewed?: ReviewedComparison;
}

/** One line on what changed since the reviewed record, with the details folded. */
function reviewedHtml(r: ReviewedComparison | undefined): string {
  if (!r) return "";
  if (r.skipped) return `<p class="small">Not compared with the reviewed record: ${escapeHtml(r.skipped)}.</p>`;
  const same = r.lines.length === 1 && r.lines[0]!.startsWith("no change");
  if (same) return `<p class="small" id="reviewed">Since the reviewed record (<code>tests/golden/findings.json</code>): ${escapeHtml(r.lines[0]!)}.</p>`;
  return `<details class="fragile small" id="reviewed" open><summary>Changed since the reviewed record (<code>tests/golden/findings.json</code>): ${escapeHtml(r.lines[r.lines.length - 1]!)}</summary><pre style="white-space:pre-wrap">${escapeHtml(r.lines.slice(0, -1).join("\n"))}</pre></details>`;
}

export const INDEX_CSS = `.lead{max-width:900px}
.totals{display:flex;flex-wrap:wrap;gap:12px;margin:8px 0 4px}
.total{border:1px solid #d0d7de;border-radius:6px;padding:8px 12px;min-width:300px;flex:1}
.total .big{font-size:1.8em;font-weight:700;line-height:1.1}
.total .badges{display:flex;flex-wrap:wrap;gap:4px;margin-top:4px}
.fragile{color:#8a4600;font-weight:600}
.filters{position:sticky;top:37px;z-index:10;background:#ffffff;border:1px solid #d0d7de;border-radius:6px;padding:6px 10px;display:flex;flex-wrap:wrap;gap:6px 14px;align-items:center;margin:8px 0}
.filters fieldset{border:0;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:4px;align-items:center}
.filters legend{float:left;margin-right:4px;font-weight:600}
.filters label.chip{cursor:pointer;user-select:none}
.filters label.chip input{margin:0 2px 0 0;vertical-align:middle}
.filters input[type=search]{font:inherit;padding:2px 6px;width:16em}
.filters select,.filters button{font:inherit;padding:1px 6px}
#f-chapter{max-width:18em}
#visible-count{font-weight:600;margin-left:auto}
table.findings{width:100%;font-size:92%;margin-bottom:12px}
table.findings td.num{font-variant-numeric:tabular-nums;white-space:nowrap}
table.findings .claim{font-weight:600}
table.findings .meta{color:#57606a;margin-top:2px}
table.findings .meta code{font-size:95%;color:#57606a;overflow-wrap:anywhere}
table.findings tr.section-head th{background:#eef2f6;font-weight:600}
table.findings .c-claim{min-width:320px;max-width:560px}
table.findings .c-unit{max-width:140px}
.kind-check{border:1px solid #57606a;border-radius:3px;padding:0 4px;font-size:85%}
details.notes>summary{cursor:pointer;color:#0550ae;font-size:85%}
dl.notes{margin:4px 0 0;display:grid;grid-template-columns:max-content minmax(0,1fr);gap:1px 8px;font-size:85%}
dl.notes dt{font-weight:600;color:#57606a}dl.notes dd{margin:0;overflow-wrap:anywhere}
dl.colophon{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:2px 12px}dl.colophon dt{font-weight:600}dl.colophon dd{margin:0;overflow-wrap:anywhere}
#no-match{display:none;padding:8px;background:#f6f8fa}
pre.cmd{background:#f6f8fa;padding:8px;border-radius:4px}
.figure-note{font-size:90%;color:#57606a;max-width:900px}`;

/** Client script of the index page. */
export const INDEX_JS = readFileSync(join(__dirname, "client", "index.js"), "utf8");

function countBadges(fs: Finding[]): string {
  return VERDICT_ORDER.filter((v) => fs.some((f) => f.verdict === v))
    .map((v) => `${verdictBadge(v)}&nbsp;${fs.filter((f) => f.verdict === v).length}`)
    .map((b) => `<span>${b}</span>`)
    .join("");
}

function totalHtml(fs: Finding[], label: string, what: string): string {
  const fragile = fs.filter((f) => f.robustness.status === "fragile").length;
  return `<div class="total"><div><span class="big">${fs.length}</span> ${escapeHtml(label)}</div><div class="muted small">${escapeHtml(what)}</div><div class="badges">${countBadges(
    fs,
  )}</div>${fragile ? `<div class="fragile small">⚠ ${fragile} fragile: an alternative reading flips the verdict</div>` : ""}</div>`;
}

function notesHtml(f: Finding): string {
  const lines = [...noteLines(f.note), { label: "inputs", text: f.inputs.join(", ") }].filter((l) => l.text.length > 0);
  const dl = lines.map((l) => `<dt>${escapeHtml(l.label || "note")}</dt><dd>${escapeHtml(l.text)}</dd>`).join("");
  return `<details class="notes"><summary>notes (${lines.map((l) => escapeHtml(l.label || "note")).join(", ")})</summary><dl class="notes">${dl}</dl></details>`;
}

function robustnessHtml(f: Finding): string {
  const r = f.robustness;
  if (r.status === "fragile")
    return `<div class="fragile small" title="flipped by: ${escapeHtml(r.flips.join("; "))}">⚠ fragile: ${escapeHtml(r.flips.join("; "))}</div>`;
  if (r.status === "robust")
    return `<div class="muted small">robust over ${r.alternatives.length} other reading${r.alternatives.length === 1 ? "" : "s"}</div>`;
  if (r.status === "untested") {
    const u = r.untested ?? [];
    const what = u.map((x) => `${x.label} (${x.reason})`).join("; ");
    const first = u[0] ? `${u[0].label}${u.length > 1 ? ` and ${u.length - 1} more` : ""}` : "";
    return `<div class="fragile small" title="${escapeHtml(what)}">robustness not testable for ${u.length} reading${u.length === 1 ? "" : "s"}: ${escapeHtml(first)} (see the notes)</div>`;
  }
  return "";
}

function rowHtml(f: Finding): string {
  const nb = f.notebook?.replace(/\.ipynb$/, "");
  const link = nb
    ? ` · <a href="${escapeHtml(nb)}.html#${escapeHtml(f.id)}">${escapeHtml(nb)}${f.cell !== undefined ? `, cell ${f.cell}` : ""}</a>`
    : "";
  const kind =
    f.kind === "check"
      ? ` · <span class="kind-check" title="a check of the project's, not a claim of the report">project check</span>`
      : f.kind === "follow_up"
        ? ` · <span class="kind-check" title="the report's statement tested on a later period">follow-up</span>`
        : "";
  return (
    `<tr class="finding" id="${escapeHtml(f.id)}" data-verdict="${f.verdict}" data-chapter="${f.chapter}" data-kind="${f.kind}" data-rule="${escapeHtml(f.rule)}" data-fragile="${
      f.robustness.status === "fragile" ? 1 : 0
    }">` +
    `<td class="c-claim"><div class="claim">${escapeHtml(f.claim)}</div><div class="meta small"><code>${escapeHtml(f.id)}</code>${link}${kind}</div>${notesHtml(f)}</td>` +
    `<td class="num">${escapeHtml(formatPublished(f))}</td><td class="num">${escapeHtml(formatComputed(f.computed, f))}</td>` +
    `<td class="c-unit">${escapeHtml(f.unit)}</td><td class="num">${escapeHtml(formatTolerance(f.tolerance))}</td>` +
    `<td>${verdictBadge(f.verdict)}${robustnessHtml(f)}</td><td><a href="rules.html#rule-${escapeHtml(f.rule)}">${escapeHtml(f.rule)}</a></td></tr>`
  );
}

/** The notebooks holding a chapter's findings, the one with most findings first (a report chapter's claims can be computed in several). */
function chapterNotebooks(fs: Finding[]): string[] {
  const counts = new Map<string, number>();
  for (const f of fs) if (f.notebook) counts.set(f.notebook, (counts.get(f.notebook) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([n]) => n.replace(/\.ipynb$/, ""));
}

function findingsHtml(i: IndexInput): string {
  const head = `<thead><tr><th>claim (id, link to the notebook cell, notes)</th><th>published</th><th>computed</th><th>unit</th><th>tolerance</th><th>verdict</th><th>rule</th></tr></thead>`;
  return groupFindings(i.findings)
    .map((ch) => {
      const all = ch.sections.flatMap((s) => s.findings);
      const nbs = chapterNotebooks(all);
      const title = i.chapterTitles[ch.chapter];
      const bodies = ch.sections
        .map((s) => {
          const names = i.sectionTitles[s.section];
          return `<tbody class="section" data-section="${escapeHtml(s.section)}"><tr class="section-head"><th colspan="7">§${escapeHtml(s.section)}${
            names?.length ? ` ${escapeHtml(names.join(" · "))}` : ""
          }</th></tr>${s.findings.map(rowHtml).join("")}</tbody>`;
        })
        .join("");
      return `<section class="chapter" data-chapter="${ch.chapter}"><h3 id="chapter-${ch.chapter}">Chapter ${ch.chapter}${title ? ` — ${escapeHtml(title)}` : ""}${
        nbs.length ? ` <span class="small">(${nbs.map((n) => `<a href="${escapeHtml(n)}.html">${escapeHtml(n)}</a>`).join(", ")})</span>` : ""
      }</h3><table class="findings">${head}${bodies}</table></section>`;
    })
    .join("");
}

/** A chapter title for a menu: up to ~40 characters, cut at a word, without a trailing parenthesis opened. */
export function shortTitle(t: string, max = 40): string {
  const plain = t.replace(/\s*\(.*$/, "");
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max).replace(/\s+\S*$/, "");
  return `${cut} …`;
}

function filtersHtml(i: IndexInput): string {
  const chapters = [...new Set(i.findings.map((f) => f.chapter))].sort((a, b) => a - b);
  const chips = VERDICT_ORDER.map((v: Verdict) => {
    const n = i.findings.filter((f) => f.verdict === v).length;
    return `<label class="chip"><input type="checkbox" name="verdict" value="${v}" checked>${verdictBadge(v)} <span class="small">${n}</span></label>`;
  }).join("");
  return `<form id="filters" class="filters" role="search" aria-label="filter findings">
<fieldset><legend>verdict</legend>${chips}</fieldset>
<label>chapter <select id="f-chapter"><option value="">all</option>${chapters
    .map((c) => `<option value="${c}">${c}${i.chapterTitles[c] ? ` — ${escapeHtml(shortTitle(i.chapterTitles[c]!))}` : ""}</option>`)
    .join("")}</select></label>
<label>kind <select id="f-kind"><option value="">all kinds</option><option value="claim">report claims</option><option value="check">project checks</option><option value="follow_up">follow-ups</option></select></label>
<label><input type="checkbox" id="f-fragile"> fragile only</label>
<label>search <input type="search" id="f-search" placeholder="words of a claim, an id, a note; rule:klart" autocomplete="off"></label>
<button type="button" id="f-reset">reset</button> <button type="button" id="f-notes" aria-pressed="false">open all notes</button>
<output id="visible-count" aria-live="polite">${i.findings.length} of ${i.findings.length} findings shown</output></form>`;
}

/** The index page's body. */
export function indexBody(i: IndexInput): string {
  const claims = i.findings.filter((f) => f.kind === "claim");
  const checks = i.findings.filter((f) => f.kind === "check");
  const followUps = i.findings.filter((f) => f.kind === "follow_up");
  const dev = deviationFigure(groupFindings(i.findings).flatMap((c) => c.sections.flatMap((s) => s.findings)));
  const legend = VERDICT_ORDER.map((v) => `${verdictBadge(v)} ${escapeHtml(VERDICT_MEANING[v])}`).join("<br>");
  return `<h1>NIBR-rapport 2009:14 — an executable reproduction</h1>
<p class="lead">Knut Onsager (2009): <i>By- og småsteder i Innlandet. Kompetanse, innovasjon og utvikling</i>. Every quantitative claim of the report is a notebook cell that computes the value from the report's own figures or from open data (SSB, KRD, TØI), shows it beside the published value and states a verdict that is computed, never typed. Each finding below links to that cell${
    i.api ? `; the library the cells call is documented in the <a href="api/index.html">API reference</a>` : ""
  }. The reading rules for the report's vague phrases are on the <a href="rules.html">phrase rules</a> page; how to <a href="#rerun">rerun</a> it all is at the end.</p>
<p class="params">This run's parameters: <b>${escapeHtml(i.colophon.parameters)}</b> (see the <a href="#colophon">colophon</a>)</p>
${reviewedHtml(i.reviewed)}
<h2 id="totals">Verdicts</h2><div class="totals">${totalHtml(
    claims,
    "report claims",
    `readings of ${new Set(claims.map((f) => f.claim)).size} distinct statements of the report (a statement read two ways, e.g. two periods, counts twice)`,
  )}${
    checks.length ? totalHtml(checks, "project checks", "the project's own checks (region mapping, internal consistency); counted apart") : ""
  }${followUps.length ? totalHtml(followUps, "follow-ups", "the report's statements tested on a later period (chapter 6); counted apart") : ""}</div>
<details class="small"><summary>What the verdicts mean</summary><p>${legend}</p></details>
<h3 id="by-chapter">Verdicts by chapter</h3>
${figureHtml(overviewFigure(i.findings, i.chapterTitles), { id: "fig-overview" })}
<h2 id="deviations">Published vs computed</h2>
<p class="figure-note">Each row is a finding whose published and computed values are numbers or ranges: the grey band is the published value ± its tolerance (a published range widened by the tolerance at both ends, the range itself darker), the mark is the computed value (a line when the computed value is an interval), both as a percentage of the published value on a symmetric log scale (so a ±0.5 % band and a 60 % gap both show; hover for the values). Click a mark to go to its row below.${
    dev.leftOut.length
      ? ` Not shown (published value 0, no percentage): ${dev.leftOut.map((id) => `<a href="#${escapeHtml(id)}">${escapeHtml(id)}</a>`).join(", ")}.`
      : ""
  }</p>
${dev.shown.length ? figureHtml(dev.figure, { id: "fig-deviation" }) : `<p class="muted">No numeric findings.</p>`}
<h2 id="findings-heading">Findings</h2>
${filtersHtml(i)}<div id="no-match">No finding matches the filter.</div>
<div id="findings">${findingsHtml(i)}</div>
${i.tables.length ? `<h2>Derived tables</h2><p>CSV, Parquet and Markdown in <code>build/tables/</code>: ${i.tables.map((t) => `<code>${escapeHtml(t)}</code>`).join(", ")}</p>` : ""}
<h2 id="rerun">Rerun</h2><pre class="cmd">npm ci &amp;&amp; npm run reproduce   # add -- --param regions=ba2020 to change the region mapping
npm test</pre>
<h2 id="colophon">Colophon</h2>${colophonHtml(i.colophon)}`;
}

/** One line per verdict for the legend (types.ts Verdict). */
export const VERDICT_MEANING: Record<Verdict, string> = {
  reproduced: "computed from the report's own figures, matches within the tolerance",
  corroborated: "open data agree within the tolerance",
  diverges: "computed from the report's own figures, does not match",
  contradicted: "open data disagree beyond the tolerance",
  inconclusive: "the evidence cannot decide (an interval straddles the band, or a test cannot tell the claim from its negation)",
  untestable: "no public data (the note says what is missing)",
};
