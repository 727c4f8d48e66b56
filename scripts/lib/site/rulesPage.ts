/**
 * The phrase-rules page: data/assumptions/phrase_rules.csv as a table, one
 * anchored row per rule (`#rule-<id>`, linked from every finding's rule), with
 * the number of findings read by each.
 */
import { escapeHtml } from "../../../src/lib/findings/render";
import type { PhraseRule } from "../../../src/lib/findings/phrases";
import type { Finding } from "../../../src/lib/findings/types";
import { narrowCardsCss } from "./layout";

/** The rules page body; rules named by findings but missing from the file are listed as such. */
export function rulesBody(rules: PhraseRule[], findings: Finding[]): string {
  const used = (id: string): number => findings.filter((f) => f.rule === id).length;
  const known = new Set(rules.map((r) => r.rule));
  const unknown = [...new Set(findings.map((f) => f.rule))].filter((r) => !known.has(r)).sort();
  const rows = rules
    .map(
      (r) =>
        `<tr id="rule-${escapeHtml(r.rule)}"><th scope="row"><code>${escapeHtml(r.rule)}</code></th><td>${escapeHtml(r.phrasesNo)}</td><td>${escapeHtml(
          r.phrasesEn,
        )}</td><td>${escapeHtml(r.test)}</td><td class="num">${escapeHtml(String(r.threshold))}</td><td>${escapeHtml(r.unit)}</td><td class="small">${escapeHtml(
          r.reason,
        )}</td><td class="num">${used(r.rule) ? `<a href="index.html?q=${encodeURIComponent(`rule:${r.rule}`)}#findings-heading">${used(r.rule)}</a>` : "0"}</td></tr>`,
    )
    .join("");
  return `<h1>Phrase rules</h1>
<p class="lead">How the report's words are read as tests: each finding names the rule it was decided by. A printed figure is tested against half a unit of its last digit; a vague phrase ("på nivå med", "klart", …) gets one rule and one threshold, the same wherever it occurs. Source: <code>data/assumptions/phrase_rules.csv</code>.</p>
<table class="rules"><thead><tr><th>rule</th><th>phrases (Norwegian)</th><th>phrases (English)</th><th>test</th><th>threshold</th><th>unit</th><th>reason</th><th>findings</th></tr></thead><tbody>${rows}</tbody></table>${
    unknown.length
      ? `<p class="fragile">Rules named by findings but missing from the file: ${unknown.map((u) => `<code id="rule-${escapeHtml(u)}">${escapeHtml(u)}</code>`).join(", ")}</p>`
      : ""
  }`;
}

export const RULES_CSS = `table.rules{font-size:92%}table.rules th[scope=row]{white-space:nowrap}.lead{max-width:900px}td.num{white-space:nowrap}
@media (max-width:1000px),print{table.rules td{overflow-wrap:anywhere}table.rules th[scope=row]{white-space:normal;overflow-wrap:anywhere}}
${narrowCardsCss("table.rules", ["rule", "Norwegian", "English", "test", "threshold", "unit", "reason", "findings"])}`;
