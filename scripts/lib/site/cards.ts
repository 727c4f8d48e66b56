/**
 * The finding cards and findings tables of a notebook page, rewritten after nbconvert so that they
 * say what the index says: values at the printed precision plus one digit (format.ts), inputs linked
 * to their manifest entries (data.html), and the cell named by the execution count the page shows
 * ("In [9]"). The notebook itself (and its download) keeps the raw values. Pure string work.
 */
import { escapeHtml } from "../../../src/lib/findings/render";
import type { Finding } from "../../../src/lib/findings/types";
import { cellLibCalls, methodsOf, type Method } from "../../../src/lib/primer/methods";
import { formatComputed, formatPublished, formatTolerance } from "./format";
import { inputHtml, methodLinksHtml } from "./findingsTable";
import type { NbJson } from "./notebookPage";
import { reportRefHtml, reportRefsInHtml, type ReportSection } from "./reportRef";

const FINDING_MIME = "application/vnd.innlandet.finding+json";

/** Finding id → the execution count of the executed notebook's cell that emitted it. */
export function executionCounts(nb: NbJson): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of nb.cells) {
    const n = c["execution_count"];
    if (c.cell_type !== "code" || typeof n !== "number") continue;
    for (const o of c.outputs ?? []) {
      const d = o.data?.[FINDING_MIME];
      if (d === undefined) continue;
      try {
        const f = (typeof d === "string" ? JSON.parse(d) : d) as { id?: unknown };
        if (typeof f.id === "string") out.set(f.id, n);
      } catch {
        // not a finding: nothing to number
      }
    }
  }
  return out;
}

/**
 * Finding id → the methods of the primer its cell uses (src/lib/primer/methods.ts): the library functions the
 * emitting cell calls, directly or through names declared in earlier cells.
 */
export function findingMethods(nb: NbJson): Map<string, Method[]> {
  const code = nb.cells.filter((c) => c.cell_type === "code");
  const calls = cellLibCalls(code.map((c) => (Array.isArray(c.source) ? c.source.join("") : c.source)));
  const out = new Map<string, Method[]>();
  code.forEach((c, i) => {
    const methods = methodsOf(calls[i]!);
    if (methods.length === 0) return;
    for (const o of c.outputs ?? []) {
      const d = o.data?.[FINDING_MIME];
      if (d === undefined) continue;
      try {
        const f = (typeof d === "string" ? JSON.parse(d) : d) as { id?: unknown };
        if (typeof f.id === "string") out.set(f.id, methods);
      } catch {
        // not a finding
      }
    }
  });
  return out;
}

export { methodLinksHtml }; // the card's "Method (primer): …" line, the same as the index row's (findingsTable.ts)

const re = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** One card (src/lib/findings/render.ts findingHtml): values, tolerance, the report's section by its heading, inputs and the cell. */
function rewriteCard(
  html: string,
  f: Finding,
  cell: number | undefined,
  dataFiles: Set<string>,
  methods: readonly Method[] | undefined,
  sections: Map<string, ReportSection>,
): string {
  const id = escapeHtml(f.id);
  const start = html.indexOf(`<div class="finding" id="${id}"`);
  if (start < 0) return html;
  const end = html.indexOf(`<div class="finding" `, start + 10);
  const stop = end < 0 ? html.length : end;
  let card = html.slice(start, stop);
  card = card.replace(
    /(<\/th><\/tr><tr><td>)[^<]*(<\/td><td>)[^<]*(<\/td><td>[^<]*<\/td><td>)[^<]*(<\/td>)/,
    (_, a: string, b: string, c: string, d: string) =>
      `${a}${escapeHtml(formatPublished(f))}${b}${escapeHtml(formatComputed(f.computed, f))}${c}${escapeHtml(formatTolerance(f.tolerance))}${d}`,
  );
  card = card.replace(/(<div style="font-size:90%;color:#444;white-space:pre-line">)[^<]*(<\/div>)/, (_, a: string, b: string) => `${a}${reportRefHtml(f.note, sections)}${b}`);
  card = card.replace(
    /(<div style="font-size:85%;color:#666">inputs: )[^<]*(<\/div>)/,
    (_, a: string, b: string) => `${a}${f.inputs.map((i) => inputHtml(i, dataFiles)).join(", ")}${b}${methodLinksHtml(methods)}`,
  );
  if (cell !== undefined) card = card.replace(new RegExp(`(<div><code>${re(id)}</code> · §[^<]*)(</div>)`), `$1 · cell [${cell}]$2`);
  return html.slice(0, start) + card + html.slice(stop);
}

/** One row of a findings table (render.ts findingsTableHtml): published and computed, the report's section by its heading, and the method line under the note. */
function rewriteRow(html: string, f: Finding, methods: readonly Method[] | undefined, sections: Map<string, ReportSection>): string {
  const id = escapeHtml(f.id);
  const links = methodLinksHtml(methods);
  const noted = html.replace(
    new RegExp(`(<tr id="${re(id)}"><td><code>${re(id)}</code></td>(?:(?!</tr>)[\\s\\S])*?<td style="font-size:85%;white-space:pre-line">)[^<]*`, "g"),
    (_, a: string) => `${a}${reportRefHtml(f.note, sections)}`,
  );
  const withLinks = links ? noted.replace(new RegExp(`(<tr id="${re(id)}"><td><code>${re(id)}</code></td>(?:(?!</tr>)[\\s\\S])*?)(</td></tr>)`), `$1${links}$2`) : noted;
  return withLinks.replace(
    new RegExp(`(<tr id="${re(id)}"><td><code>${re(id)}</code></td><td>[^<]*</td><td>)[^<]*(</td><td>)[^<]*(</td>)`),
    (_, a: string, b: string, c: string) => `${a}${escapeHtml(formatPublished(f))}${b}${escapeHtml(formatComputed(f.computed, f))}${c}`,
  );
}

/** Give each code cell the id "cell-N" of its execution count (the "In [N]" nbconvert writes). */
export function numberCells(html: string): string {
  return html.replace(
    /<div class="cell border-box-sizing code_cell rendered">(\s*<div class="input">\s*<div class="prompt input_prompt">In&nbsp;\[(\d+)\]:<\/div>)/g,
    (_, rest: string, n: string) => `<div class="cell border-box-sizing code_cell rendered" id="cell-${n}">${rest}`,
  );
}

/**
 * A notebook page's HTML with every card and findings-table row of `findings` rewritten (each card with a link to
 * the primer's section of every method its cell uses, from `methods`, and its report reference named by the
 * section's heading, from `sections`), and its code cells numbered.
 */
export function rewriteFindings(
  html: string,
  findings: Finding[],
  cells: Map<string, number>,
  dataFiles: Set<string>,
  methods = new Map<string, Method[]>(),
  sections = new Map<string, ReportSection>(),
): string {
  let out = numberCells(html);
  for (const f of findings) out = rewriteRow(rewriteCard(out, f, cells.get(f.id), dataFiles, methods.get(f.id), sections), f, methods.get(f.id), sections);
  // the rest, e.g. a Markdown findings table's notes
  return reportRefsInHtml(out, sections);
}
