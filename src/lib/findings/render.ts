/**
 * Findings and frames as text: a Markdown table for build/findings.md, small
 * HTML blocks for notebooks. Pure string building; displaying is the caller's.
 */
import type * as pl from "nodejs-polars";
import { isInterval, type ComputedValue, type Finding, type PublishedValue, type Verdict } from "./types";
import { verdictStyle } from "../plots/palette";
import type { FindingChange } from "./changes";

export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * A published or computed value as text: numbers as given, ranges as [low, high], comparisons as holds / does not hold.
 * @example
 * formatValue([1.5, 2]); // "[1.5, 2]"
 * formatValue(true); // "holds"
 */
export function formatValue(v: PublishedValue | ComputedValue): string {
  if (v === null) return "—";
  if (typeof v === "boolean") return v ? "holds" : "does not hold";
  if (isInterval(v)) return `[${v[0]}, ${v[1]}]`;
  if (v === "undecided") return "undecided";
  return String(Math.round(v * 1e6) / 1e6);
}

export const VERDICT_ORDER: Verdict[] = ["reproduced", "corroborated", "diverges", "contradicted", "inconclusive", "untestable"];

/** A verdict as a badge: its symbol and word on its colour-blind-safe colour (plots/palette.ts VERDICT_STYLE). */
function verdictBadgeHtml(v: Verdict): string {
  const s = verdictStyle(v);
  return `<span style="background:${s.colour};color:${s.text};padding:0 6px;border-radius:3px;font-weight:bold;white-space:nowrap">${s.symbol} ${v}</span>`;
}

/**
 * Number of findings per verdict, in VERDICT_ORDER.
 * @example
 * verdictCounts([reproducedFinding, untestableFinding]);
 * // { reproduced: 1, corroborated: 0, diverges: 0, contradicted: 0, inconclusive: 0, untestable: 1 }
 */
export function verdictCounts(findings: Finding[]): Record<Verdict, number> {
  const out = Object.fromEntries(VERDICT_ORDER.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const f of findings) out[f.verdict] += 1;
  return out;
}

function mdCell(s: string, newline = " "): string {
  return s.replace(/\|/g, "\\|").replace(/\n/g, newline);
}

/**
 * The findings as a Markdown document (summary line + one table row per finding).
 * @example
 * findingsMarkdown([reproducedFinding]).split("\n")[2];
 * // "1 findings — reproduced: 1 · corroborated: 0 · diverges: 0 · contradicted: 0 · inconclusive: 0 · untestable: 0"
 */
export function findingsMarkdown(findings: Finding[], title = "Findings"): string {
  const counts = verdictCounts(findings);
  const summary = VERDICT_ORDER.map((v) => `${v}: ${counts[v]}`).join(" · ");
  const head = "| id | § | claim | published | computed | unit | tolerance | verdict | note |\n|---|---|---|---|---|---|---|---|---|";
  const rows = findings.map((f) =>
    [f.id, f.section, f.claim, formatValue(f.published), formatValue(f.computed), f.unit, String(f.tolerance), `**${f.verdict}**`, f.note]
      .map((c, i) => mdCell(c, i === 8 ? "<br>" : " ")) // the note's labelled lines stay lines
      .join(" | "),
  );
  return `# ${title}\n\n${findings.length} findings — ${summary}\n\n${head}\n${rows.map((r) => `| ${r} |`).join("\n")}\n`;
}

/**
 * One finding as an HTML card: claim, published beside computed, verdict, note.
 * @example
 * findingHtml(f); // '<div class="finding" id="ch3.services_share_innlandet_2008" …'
 */
export function findingHtml(f: Finding): string {
  const c = verdictStyle(f.verdict).colour;
  return (
    `<div class="finding" id="${escapeHtml(f.id)}" style="border-left:4px solid ${c};padding:4px 10px;margin:4px 0;font-family:sans-serif">` +
    `<div><code>${escapeHtml(f.id)}</code> · §${escapeHtml(f.section)}</div>` +
    `<div style="margin:4px 0"><b>${escapeHtml(f.claim)}</b></div>` +
    `<table style="border-collapse:collapse"><tr><th style="text-align:left;padding-right:12px">published</th><th style="text-align:left;padding-right:12px">computed</th><th style="text-align:left;padding-right:12px">unit</th><th style="text-align:left;padding-right:12px">tolerance</th><th style="text-align:left">verdict</th></tr>` +
    `<tr><td>${escapeHtml(formatValue(f.published))}</td><td>${escapeHtml(formatValue(f.computed))}</td><td>${escapeHtml(f.unit)}</td><td>±${f.tolerance}</td>` +
    `<td>${verdictBadgeHtml(f.verdict)}</td></tr></table>` +
    (f.numbers ? `<div style="font-size:90%;margin:2px 0"><b>key numbers</b>: ${escapeHtml(keyNumbersText(f.numbers))}</div>` : "") +
    `<div style="font-size:90%;color:#444;white-space:pre-line">${escapeHtml(f.note)}</div>` +
    `<div style="font-size:85%;color:#666">inputs: ${f.inputs.map(escapeHtml).join(", ")}</div></div>`
  );
}

/**
 * What moved since the previous run of a finding's cell, as a small block under its card: nothing on a first
 * run (`null`), "no change" when nothing moved, else one line per field (before → after).
 * @example
 * changesHtml([{ field: "rho_min", before: "-0.084", after: "-0.168" }]);
 * // '<div class="finding-changes" …>since the previous run of this cell: <b>rho_min</b> -0.084 → -0.168</div>'
 */
export function changesHtml(changes: FindingChange[] | null, id?: string): string {
  if (changes === null) return "";
  const what = id ? ` (<code>${escapeHtml(id)}</code>)` : "";
  const style = `style="font-family:sans-serif;font-size:90%;margin:2px 0 6px 14px;padding:2px 8px;background:#fff8dc"`;
  if (changes.length === 0) return `<div class="finding-changes" ${style}>since the previous run of this cell${what}: no change</div>`;
  const lines = changes.map((c) => `<b>${escapeHtml(c.field)}</b> ${escapeHtml(c.before)} → ${escapeHtml(c.after)}`);
  return `<div class="finding-changes" ${style}>since the previous run of this cell${what}: ${lines.join("; ")}</div>`;
}

/**
 * Key numbers as one line, e.g. "n 12 · rho_min -0.084 · power 0.45".
 * @example
 * keyNumbersText({ n: 12, rho_min: -0.0841 }); // "n 12 · rho_min -0.0841"
 */
export function keyNumbersText(numbers: Finding["numbers"]): string {
  return Object.entries(numbers ?? {})
    .map(([k, v]) => `${k} ${formatValue(v)}`)
    .join(" · ");
}

/**
 * A frame as an HTML table (numbers rounded to `decimals`).
 * @example
 * frameHtml(pl.DataFrame({ region: ["Hamar"], share: [0.12345] }), { decimals: 2 });
 * // '<table class="frame"><thead><tr><th>region</th><th>share</th></tr></thead><tbody><tr><td>Hamar</td><td>0.12</td></tr></tbody></table>'
 */
export function frameHtml(df: pl.DataFrame, opts: { decimals?: number; maxRows?: number; caption?: string } = {}): string {
  const decimals = opts.decimals ?? 3;
  const rows = df.head(opts.maxRows ?? 60).toRecords();
  const cell = (v: unknown): string =>
    typeof v === "number" ? (Number.isInteger(v) ? String(v) : v.toFixed(decimals)) : v === null || v === undefined ? "" : escapeHtml(String(v));
  const head = df.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join("");
  const body = rows.map((r) => `<tr>${df.columns.map((c) => `<td>${cell(r[c])}</td>`).join("")}</tr>`).join("");
  const cap = opts.caption ? `<caption style="text-align:left">${escapeHtml(opts.caption)}</caption>` : "";
  const more = df.height > rows.length ? `<p>… ${df.height - rows.length} more rows</p>` : "";
  return `<table class="frame">${cap}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>${more}`;
}

/**
 * Several findings as one compact HTML table (id, claim, published, computed, verdict, note).
 * @example
 * findingsTableHtml(findings); // '<table class="findings" …', one row per finding
 */
export function findingsTableHtml(findings: Finding[]): string {
  const head = ["id", "claim", "published", "computed", "verdict", "note"].map((h) => `<th style="text-align:left">${h}</th>`).join("");
  const rows = findings
    .map(
      (f) =>
        `<tr id="${escapeHtml(f.id)}"><td><code>${escapeHtml(f.id)}</code></td><td>${escapeHtml(f.claim)}</td><td>${escapeHtml(formatValue(f.published))}</td>` +
        `<td>${escapeHtml(formatValue(f.computed))}</td><td>${verdictBadgeHtml(f.verdict)}</td>` +
        `<td style="font-size:85%;white-space:pre-line">${escapeHtml(f.note)}</td></tr>`,
    )
    .join("");
  return `<table class="findings" style="border-collapse:collapse;font-family:sans-serif"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

/**
 * A frame as a Markdown table (numbers rounded to `decimals`).
 * @example
 * frameMarkdown(pl.DataFrame({ region: ["Hamar"], share: [0.12345] }));
 * // "| region | share |\n|---|---|\n| Hamar | 0.123 |\n"
 */
export function frameMarkdown(df: pl.DataFrame, decimals = 3): string {
  const cell = (v: unknown): string =>
    typeof v === "number" ? (Number.isInteger(v) ? String(v) : v.toFixed(decimals)) : v === null || v === undefined ? "" : mdCell(String(v));
  const head = `| ${df.columns.join(" | ")} |\n|${df.columns.map(() => "---").join("|")}|`;
  return `${head}\n${df
    .toRecords()
    .map((r) => `| ${df.columns.map((c) => cell(r[c])).join(" | ")} |`)
    .join("\n")}\n`;
}
