/**
 * The index's findings list: one table per chapter, one row per finding (claim first, with its
 * reading where claims share a text; id; link to the cell as the notebook page numbers it; the
 * primer's section of each method the cell uses; notes with the inputs linked to their manifest
 * entries), and the filter form above it. Each cell
 * carries a data-label, so that on a narrow screen the rows become cards (INDEX_CSS).
 */
import { escapeHtml, VERDICT_ORDER } from "../../../src/lib/findings/render";
import type { Finding, Verdict } from "../../../src/lib/findings/types";
import { methodHref, type Method } from "../../../src/lib/primer/methods";
import { formatComputed, formatPublished, formatTolerance, groupFindings, noteLines } from "./format";
import { dataAnchor } from "./downloads";
import { verdictBadge } from "./layout";
import { reportRefHtml, type ReportSection } from "./reportRef";

/** What the rows need beyond the findings. */
export interface TableContext {
  findings: Finding[];
  chapterTitles: Record<number, string>;
  sectionTitles: Record<string, string[]>;
  /** Finding id → the reading that tells it from findings with the same claim text (headline.ts readingLabels). */
  readings: Map<string, string>;
  /** Finding id → the execution count of its cell in the executed notebook (the page's "In [n]"). */
  cells: Map<string, number>;
  /** Input paths ("data/ssb/x.csv") with an entry on data.html. */
  dataFiles: Set<string>;
  /** Finding id → the primer's methods its cell uses (cards.ts findingMethods); a row without any shows no method line. */
  methods?: ReadonlyMap<string, readonly Method[]>;
  /** The report's headings by section (reportRef.ts): a source line names the section by its heading. */
  reportSections?: Map<string, ReportSection>;
}

/** The "Method (primer): …" line of a card or a row: a link to each method's section of the primer ("" for none). */
export function methodLinksHtml(methods: readonly Method[] | undefined): string {
  if (!methods || methods.length === 0) return "";
  const links = methods.map((m) => `<a href="${escapeHtml(methodHref(m))}">${escapeHtml(m.title)}</a>`).join(" · ");
  return `<div class="method-links" style="font-size:85%;color:#666">Method${methods.length > 1 ? "s" : ""} (primer): ${links}</div>`;
}

/** An input ("data/report/claims.csv#key") linked to its manifest entry when the site carries the file. */
export function inputHtml(input: string, dataFiles: Set<string>): string {
  const path = input.split("#")[0]!;
  return dataFiles.has(path) ? `<a href="data.html#${dataAnchor(path)}">${escapeHtml(input)}</a>` : escapeHtml(input);
}

function notesHtml(f: Finding, dataFiles: Set<string>, sections: Map<string, ReportSection>): string {
  const lines = noteLines(f.note).map((l) => ({ label: l.label || "note", html: l.label === "source" ? reportRefHtml(l.text, sections) : escapeHtml(l.text) }));
  if (f.inputs.length) lines.push({ label: "inputs", html: f.inputs.map((i) => inputHtml(i, dataFiles)).join(", ") });
  const dl = lines.map((l) => `<dt>${escapeHtml(l.label)}</dt><dd>${l.html}</dd>`).join("");
  return `<details class="notes"><summary>notes (${lines.map((l) => escapeHtml(l.label)).join(", ")})</summary><dl class="notes">${dl}</dl></details>`;
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

/** What a follow-up's verdict says: whether the report's statement still holds after its period. */
export const FOLLOW_UP_WORDS: Record<Finding["verdict"], string> = {
  reproduced: "still holds since",
  corroborated: "still holds since",
  diverges: "no longer holds",
  contradicted: "no longer holds",
  inconclusive: "undecided since",
  untestable: "not testable since",
};

function rowHtml(f: Finding, t: TableContext): string {
  const nb = f.notebook?.replace(/\.ipynb$/, "");
  const n = t.cells.get(f.id);
  const link = nb ? ` · <a href="${escapeHtml(nb)}.html#${escapeHtml(f.id)}">${escapeHtml(nb)}${n !== undefined ? `, cell [${n}]` : ""}</a>` : "";
  const kind =
    f.kind === "check"
      ? ` · <span class="kind-check" title="a check of the project's, not a claim of the report">project check</span>`
      : f.kind === "follow_up"
        ? ` · <span class="kind-check" title="the report's statement tested on a later period">follow-up</span>`
        : "";
  const reading = t.readings.get(f.id);
  return (
    `<tr class="finding" id="${escapeHtml(f.id)}" data-verdict="${f.verdict}" data-chapter="${f.chapter}" data-kind="${f.kind}" data-rule="${escapeHtml(f.rule)}" data-fragile="${
      f.robustness.status === "fragile" ? 1 : 0
    }">` +
    `<td class="c-claim"><div class="claim">${escapeHtml(f.claim)}${reading ? ` <span class="reading">(reading: ${escapeHtml(reading)})</span>` : ""}</div>` +
    `<div class="meta small"><code>${escapeHtml(f.id)}</code>${link}${kind}</div>${methodLinksHtml(t.methods?.get(f.id))}${notesHtml(f, t.dataFiles, t.reportSections ?? new Map())}</td>` +
    `<td class="num" data-label="published">${escapeHtml(formatPublished(f))}</td><td class="num" data-label="computed">${escapeHtml(formatComputed(f.computed, f))}</td>` +
    `<td class="c-unit" data-label="unit">${escapeHtml(f.unit)}</td><td class="num" data-label="tolerance">${escapeHtml(formatTolerance(f.tolerance))}</td>` +
    `<td class="c-verdict" data-label="verdict">${verdictBadge(f.verdict)}${f.kind === "follow_up" ? `<div class="small">${FOLLOW_UP_WORDS[f.verdict]}</div>` : ""}${robustnessHtml(f)}</td><td data-label="rule"><a href="rules.html#rule-${escapeHtml(f.rule)}">${escapeHtml(f.rule)}</a></td></tr>`
  );
}

/** The notebooks holding a chapter's findings, the one with most findings first (a report chapter's claims can be computed in several). */
function chapterNotebooks(fs: Finding[]): string[] {
  const counts = new Map<string, number>();
  for (const f of fs) if (f.notebook) counts.set(f.notebook, (counts.get(f.notebook) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([n]) => n.replace(/\.ipynb$/, ""));
}

/** Every chapter's table of findings. */
export function findingsHtml(t: TableContext): string {
  const head = `<thead><tr><th>claim (id, link to the notebook cell, notes)</th><th>published</th><th>computed</th><th>unit</th><th>tolerance</th><th>verdict</th><th>rule</th></tr></thead>`;
  return groupFindings(t.findings)
    .map((ch) => {
      const all = ch.sections.flatMap((s) => s.findings);
      const nbs = chapterNotebooks(all);
      const title = t.chapterTitles[ch.chapter];
      const bodies = ch.sections
        .map((s) => {
          const names = t.sectionTitles[s.section];
          const printed = t.reportSections?.get(s.section);
          return `<tbody class="section" data-section="${escapeHtml(s.section)}"><tr class="section-head"><th colspan="7">§${escapeHtml(s.section)}${
            names?.length ? ` ${escapeHtml(names.join(" · "))}` : ""
          }${printed ? ` <span class="small muted" lang="no">— in the report: «${escapeHtml(printed.title)}»</span>` : ""}</th></tr>${s.findings.map((f) => rowHtml(f, t)).join("")}</tbody>`;
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

/**
 * The filter form. The number beside each verdict counts the findings that pass the other filters
 * (client/index.js keeps it current), so with "report claims" chosen the numbers are the first screen's.
 */
export function filtersHtml(t: Pick<TableContext, "findings" | "chapterTitles">): string {
  const chapters = [...new Set(t.findings.map((f) => f.chapter))].sort((a, b) => a - b);
  const chips = VERDICT_ORDER.map((v: Verdict) => {
    const n = t.findings.filter((f) => f.verdict === v).length;
    return `<label class="chip"><input type="checkbox" name="verdict" value="${v}" checked>${verdictBadge(v)} <span class="small chip-count" data-verdict="${v}">${n}</span></label>`;
  }).join("");
  return `<form id="filters" class="filters" role="search" aria-label="filter findings">
<fieldset><legend>verdict</legend>${chips}</fieldset>
<label>chapter <select id="f-chapter"><option value="">all</option>${chapters
    .map((c) => `<option value="${c}">${c}${t.chapterTitles[c] ? ` — ${escapeHtml(shortTitle(t.chapterTitles[c]!))}` : ""}</option>`)
    .join("")}</select></label>
<label>kind <select id="f-kind"><option value="">all kinds</option><option value="claim">report claims</option><option value="check">project checks</option><option value="follow_up">follow-ups</option></select></label>
<label><input type="checkbox" id="f-fragile"> fragile only</label>
<label>search <input type="search" id="f-search" placeholder="words of a claim, an id, a note; rule:klart" autocomplete="off"></label>
<button type="button" id="f-reset">reset</button> <button type="button" id="f-notes" aria-pressed="false">open all notes</button>
<output id="visible-count" aria-live="polite">${t.findings.length} of ${t.findings.length} findings shown</output></form>
<p class="small muted" id="filter-note">The number beside each verdict counts the findings the other filters let through: all kinds by default (report claims, project checks and follow-ups), so they exceed the first screen's counts, which are of report claims only; choose "report claims" to see those. The filter is kept in the page's address, so a filtered list can be linked.</p>`;
}
