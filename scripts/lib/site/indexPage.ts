/**
 * The site's index: first the answer (firstScreen.ts: how many of the report's
 * statements hold, fail, cannot be decided or tested; the main conclusion's
 * assessment; the failures ranked, each with its why), then what this is and
 * how to rerun it, the totals by verdict (report claims and project checks
 * apart, fragile verdicts counted), the verdict overview and the
 * published-vs-computed chart, every finding grouped by chapter and section
 * (findingsTable.ts) with a filter and search (client/index.js), the
 * downloads, how to cite it and the colophon. On a narrow screen the findings
 * tables become cards and nothing is sticky.
 */
import type { ReviewedComparison } from "../reviewed";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { escapeHtml, VERDICT_ORDER } from "../../../src/lib/findings/render";
import type { Finding, Verdict } from "../../../src/lib/findings/types";
import type { Method } from "../../../src/lib/primer/methods";
import { figureHtml } from "../../../src/lib/plots/plotly";
import { deviationFigure, overviewFigure } from "./charts";
import { colophonHtml, type Colophon } from "./colophon";
import { citeHtml, type Citation } from "./cite";
import { downloadsHtml, type Download } from "./downloads";
import { filtersHtml, findingsHtml } from "./findingsTable";
import { FIRST_SCREEN_CSS, firstScreenHtml } from "./firstScreen";
import { groupFindings } from "./format";
import { readingLabels } from "./headline";
import { NARROW, verdictBadge } from "./layout";
import type { ReportSection } from "./reportRef";

export interface IndexInput {
  findings: Finding[];
  /** Chapter number → title (from the notebook's first heading). */
  chapterTitles: Record<number, string>;
  /** Section ("3.3.1") → the notebook headings that name it. */
  sectionTitles: Record<string, string[]>;
  colophon: Colophon;
  /** The run's outputs copied into the site (downloads.ts copyDownloads). */
  downloads: { files: Download[]; tables: Download[] };
  /** Input paths ("data/ssb/x.csv") copied into the site with an entry on data.html. */
  dataFiles: Set<string>;
  /** Finding id → the execution count of its cell (cards.ts executionCounts). */
  cells: Map<string, number>;
  /** Finding id → the primer's methods its cell uses (cards.ts findingMethods): each row links to their sections. */
  methods?: ReadonlyMap<string, readonly Method[]>;
  /** The §5.3 heading of chapter 5's page ("05-synthesis.html#…"), where the main conclusion is weighed; null when absent. */
  mainConclusionHref: string | null;
  citation: Citation | null;
  /** Whether the API reference was built (api/index.html). */
  api: boolean;
  /** What changed since the reviewed record (tests/golden/findings.json). */
  reviewed?: ReviewedComparison;
  /** The report's headings by section (data/report/report_sections.csv). */
  reportSections?: Map<string, ReportSection>;
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
.figure-note{font-size:90%;color:#57606a;max-width:900px}
table.findings .reading{font-weight:400;color:#57606a}
@media (min-width:1001px){:target{scroll-margin-top:170px}}
#filter-note{margin:-4px 0 8px;max-width:70em}
ul.downloads li{margin:2px 0}details.tables ul{columns:2 28em}
${FIRST_SCREEN_CSS}
@media (max-width:${NARROW}px){
.lead{font-size:95%}.total{min-width:0;flex:1 1 100%}
.filters{position:static;padding:6px 8px;gap:6px 10px}.filters input[type=search]{width:100%}.filters label{flex:1 1 auto}.filters select,#f-chapter{max-width:62vw}
#visible-count{margin-left:0}
details.tables ul{columns:1}
}
/* a tablet or a phone: the filter bar scrolls with the page, the findings are cards (the table's columns need ~1000 px) */
@media (max-width:1000px){
.filters{position:static}
table.findings,table.findings tbody,table.findings tr,table.findings td,table.findings th{display:block;width:auto}
table.findings thead{display:none}
table.findings .c-claim{min-width:0;max-width:none}
table.findings tr.section-head th{border:0;padding:4px 6px;margin-top:6px}
table.findings tr.finding{border:1px solid #d0d7de;border-radius:6px;margin:0 0 8px;padding:4px 8px}
table.findings tr.finding td{border:0;padding:1px 0}
table.findings tr.finding td.num,table.findings tr.finding td.c-unit{display:inline-block;margin-right:12px;max-width:none}
table.findings td[data-label]::before{content:attr(data-label) ": ";color:#57606a;font-size:85%}
table.findings td.c-verdict::before{content:none}
}
@media print{.filters,#filter-note,#no-match,#fig-deviation,.figure-note{display:none !important}
table.findings{font-size:8.5pt}table.findings .c-claim{min-width:0}table.findings td,table.findings th{overflow-wrap:anywhere}
details.notes:not([open]){display:none}}`;

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

/** The index page's body. */
export function indexBody(i: IndexInput): string {
  const claims = i.findings.filter((f) => f.kind === "claim");
  const checks = i.findings.filter((f) => f.kind === "check");
  const followUps = i.findings.filter((f) => f.kind === "follow_up");
  const dev = deviationFigure(groupFindings(i.findings).flatMap((c) => c.sections.flatMap((s) => s.findings)));
  const legend = VERDICT_ORDER.map((v) => `${verdictBadge(v)} ${escapeHtml(VERDICT_MEANING[v])}`).join("<br>");
  const readings = readingLabels(i.findings);
  const table = { ...i, readings };
  return `<h1>NIBR-rapport 2009:14 — an executable reproduction</h1>
${firstScreenHtml(i.findings, { mainConclusionHref: i.mainConclusionHref, readings })}
<h2 id="about">What this is</h2>
<p class="lead">Knut Onsager (2009): <i>By- og småsteder i Innlandet. Kompetanse, innovasjon og utvikling</i>. Every quantitative claim of the report is a notebook cell that computes the value from the report's own figures or from open data (SSB, KRD, TØI), shows it beside the published value and states a verdict that is computed, never typed. Each finding below links to that cell${
    i.api ? `; the library the cells call is documented in the <a href="api/index.html">API reference</a>` : ""
  }. The reading rules for the report's vague phrases are on the <a href="rules.html">phrase rules</a> page; the inputs, with their sources and checksums, on the <a href="data.html">data files</a> page; how to <a href="#rerun">rerun</a> it all, the <a href="#downloads">downloads</a> and how to <a href="#cite">cite</a> it are at the end.</p>
<p class="params">This run's parameters: <b>${escapeHtml(i.colophon.parameters)}</b> (see the <a href="#colophon">colophon</a>)</p>
${reviewedHtml(i.reviewed)}
<h2 id="totals">Verdicts</h2><div class="totals">${totalHtml(
    claims,
    "report claims",
    `readings of ${new Set(claims.map((f) => f.claim)).size} distinct statements of the report (a statement read two ways, e.g. two periods, counts twice)`,
  )}${
    checks.length ? totalHtml(checks, "project checks", "the project's own checks (region mapping, internal consistency); counted apart") : ""
  }${followUps.length ? totalHtml(followUps, "follow-ups", "the report's statements tested on a later period (chapter 6); counted apart") : ""}</div>
<details class="small" id="verdict-meaning"><summary>What the verdicts mean</summary><p>${legend}</p></details>
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
<div id="findings">${findingsHtml(table)}</div>
${downloadsHtml(i.downloads, i.dataFiles.size)}
<h2 id="rerun">Rerun</h2><pre class="cmd">npm ci &amp;&amp; npm run reproduce   # add -- --param regions=ba2020 to change the region mapping
npm test</pre>
${citeHtml(i.citation, { commit: i.colophon.commit, runDate: i.colophon.runDate })}
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
