/**
 * One executed notebook as a page: cleaned of stray outputs, converted by
 * nbconvert (basic template), with a table of contents from its headings, a
 * download link to the executed .ipynb, and code folded behind "show code"
 * (client/notebook.js; without script the code simply stays visible).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { escapeHtml } from "../../../src/lib/findings/render";
import { NARROW, narrowCardsCss } from "./layout";
import { spawnTracked } from "../spawnTracked";

export interface NbCell {
  cell_type: string;
  source: string | string[];
  metadata?: { tags?: string[] } & Record<string, unknown>;
  outputs?: NbOutput[];
  [k: string]: unknown;
}
export interface NbOutput {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, unknown>;
  [k: string]: unknown;
}
export interface NbJson {
  cells: NbCell[];
  metadata?: Record<string, unknown>;
  [k: string]: unknown;
}

/** MIME type of an emitted finding (src/lib/notebook/session.ts FINDING_MIME). */
const FINDING_MIME = "application/vnd.innlandet.finding+json";
/** Cells whose outputs are never shown: the parameters and the values injected after them. */
export const SILENT_TAGS = ["parameters", "injected-parameters"];

const text = (s: string | string[] | undefined): string => (Array.isArray(s) ? s.join("") : (s ?? ""));

function findingIds(c: NbCell): string[] {
  return (c.outputs ?? []).flatMap((o) => {
    const d = o.data?.[FINDING_MIME];
    if (d === undefined) return [];
    try {
      const f = (typeof d === "string" ? JSON.parse(d) : d) as { id?: unknown };
      return typeof f.id === "string" ? [f.id] : [];
    } catch {
      return [];
    }
  });
}

/**
 * The notebook without stray outputs (pure; the input is not changed):
 * - no outputs in cells tagged `parameters` or `injected-parameters` (tslab echoes the last assignment);
 * - in a cell that emitted findings, no stdout that is tslab's echo of a finding object it returned
 *   (text starting with "{" and naming one of the cell's finding ids).
 */
export function cleanNotebook(nb: NbJson): NbJson {
  const cells = nb.cells.map((c) => {
    if (c.cell_type !== "code" || !c.outputs) return c;
    if ((c.metadata?.tags ?? []).some((t) => SILENT_TAGS.includes(t))) return { ...c, outputs: [] };
    const ids = findingIds(c);
    if (ids.length === 0) return c;
    const outputs = c.outputs.filter((o) => {
      if (o.output_type !== "stream" || o.name !== "stdout") return true;
      const t = text(o.text).trimStart();
      return !(t.startsWith("{") && ids.some((id) => t.includes(`'${id}'`) || t.includes(`"${id}"`)));
    });
    return { ...c, outputs };
  });
  return { ...nb, cells };
}

/** The notebook's chapter title (its first "# " heading without "Chapter N — ") and its "§x.y Title" headings. */
export function notebookTitles(nb: NbJson): { title: string | null; sections: Record<string, string[]> } {
  let title: string | null = null;
  const sections: Record<string, string[]> = {};
  for (const c of nb.cells) {
    if (c.cell_type !== "markdown") continue;
    for (const line of text(c.source).split("\n")) {
      const h = /^(#{1,4})\s+(.*?)\s*$/.exec(line);
      if (!h) continue;
      if (h[1] === "#" && title === null) title = h[2]!.replace(/^Chapter\s+\d+\s*[—–-]\s*/, "");
      const s = /^§(\d+(?:\.\d+)*)\s+(.*)$/.exec(h[2]!);
      if (s) (sections[s[1]!] ??= []).push(s[2]!);
    }
  }
  return { title, sections };
}

/**
 * Convert notebooks (JSON) to HTML fragments with Debian's nbconvert (basic template), all in one
 * Python process (scripts/nbconvert_html.py); the fragments come back in the notebooks' order.
 * @example
 * const [html] = await nbconvertHtml("/usr/bin/python3", [nb]);
 */
export async function nbconvertHtml(python: string, notebooks: NbJson[], root = join(__dirname, "..", "..", "..")): Promise<string[]> {
  const r = await spawnTracked(python, [join(root, "scripts", "nbconvert_html.py")], { input: JSON.stringify(notebooks) });
  if (r.status !== 0) throw new Error(`nbconvert failed (exit ${r.status}${r.signal ? `, ${r.signal}` : ""}): ${r.stderr || r.error?.message}`);
  return JSON.parse(r.stdout) as string[];
}

const LOADER =
  /<script type="text\/javascript">if \(typeof Plotly === "undefined"\) \{[\s\S]*?\}<\/script><span style="display:none">plotly\.js loaded<\/span>/g;

/** Remove the inline plotly.js copies (the page loads the site's one). */
export function stripPlotlyLoader(html: string): string {
  return html.replace(LOADER, "");
}

export interface TocEntry {
  level: number;
  id: string;
  text: string;
}

/** HTML text (an attribute value or text without tags) with its character references decoded. */
export function decodeEntities(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** The h1–h3 headings nbconvert wrote, with their ids and text as the browser reads them (entities decoded). */
export function headings(html: string): TocEntry[] {
  const out: TocEntry[] = [];
  for (const m of html.matchAll(/<h([1-3]) id="([^"]+)">([\s\S]*?)<\/h\1>/g)) {
    const inner = m[3]!.replace(/<a class="anchor-link"[\s\S]*?<\/a>/g, "").replace(/<[^>]+>/g, "");
    out.push({ level: Number(m[1]), id: decodeEntities(m[2]!), text: decodeEntities(inner).trim() });
  }
  return out;
}

/** A nested table of contents (levels relative to the shallowest heading). */
export function tocHtml(entries: TocEntry[]): string {
  if (entries.length === 0) return "";
  const top = Math.min(...entries.map((e) => e.level));
  const items = entries.map((e) => `<li class="toc-${e.level - top}"><a href="#${escapeHtml(e.id)}">${escapeHtml(e.text)}</a></li>`).join("");
  return `<nav class="toc" aria-label="contents"><details class="toc-fold" open><summary><h2>Contents</h2></summary><ul>${items}</ul></details></nav>`;
}

export const NOTEBOOK_CSS = `main{max-width:1500px}
/* the findings table a cell prints: ids may break anywhere, so the note keeps room */
table.findings{width:100%}table.findings td:first-child{min-width:13em;max-width:18em}table.findings code{overflow-wrap:anywhere}table.findings td:last-child{min-width:22em}
.nb-layout{display:grid;grid-template-columns:minmax(0,1fr);gap:24px}
@media (min-width:1100px){.nb-layout{grid-template-columns:260px minmax(0,1fr)}.nb-side{position:sticky;top:48px;align-self:start;max-height:calc(100vh - 60px);overflow-y:auto}}
.toc h2{font-size:1em;margin:.4em 0;display:inline}.toc summary{cursor:pointer;margin:.4em 0}.toc ul{list-style:none;padding:0;margin:0;font-size:90%}.toc li{margin:2px 0}
.toc .toc-1{padding-left:12px}.toc .toc-2{padding-left:24px;font-size:95%}.toc a{text-decoration:none}.toc a:hover{text-decoration:underline}
.nb-tools{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center;padding:6px 0 10px;border-bottom:1px solid #d0d7de;margin-bottom:8px}
.nb-tools button{font:inherit;padding:2px 10px;cursor:pointer}
.nb .prompt{display:none}
.nb .cell{margin:6px 0;min-width:0}
.nb .input_area pre,.nb .highlight pre{background:#f6f8fa;padding:8px;border-radius:4px;margin:0;white-space:pre-wrap;overflow-wrap:anywhere;overflow-x:auto}
.nb .output_area pre{white-space:pre-wrap;overflow-wrap:anywhere;margin:4px 0}
.nb .output_subarea{max-width:100%;overflow-x:auto}
.nb .output_stderr pre{background:#fff0f0}
.nb .rendered_html table{font-size:90%;margin:6px 0}
.nb .rendered_html td,.nb .rendered_html th{padding:2px 6px}
.nb img{max-width:100%}
.nb .finding{scroll-margin-top:80px}
details.code-fold>summary{cursor:pointer;color:#57606a;font-size:85%;font-family:ui-monospace,Menlo,Consolas,monospace;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;list-style-position:inside}
details.code-fold[open]>summary{color:#0550ae}
details.solution-fold>summary{cursor:pointer;color:#0550ae;font-size:90%}
.nb .anchor-link{visibility:hidden;text-decoration:none;margin-left:.25em;font-size:.8em;color:#57606a}
.nb h1:hover .anchor-link,.nb h2:hover .anchor-link,.nb h3:hover .anchor-link,.nb h4:hover .anchor-link{visibility:visible}
.back-link{font-size:85%;margin-left:8px}
.highlight .c1,.highlight .cm,.highlight .c{color:#6e7781;font-style:italic}.highlight .k,.highlight .kd,.highlight .kr,.highlight .kc,.highlight .kn{color:#cf222e}
.nb code{overflow-wrap:anywhere}
.nb math{font-size:110%}.nb math[display="block"]{overflow-x:auto;max-width:100%;padding:2px 0;font-size:125%}
.cell-no{color:#57606a;font-variant-numeric:tabular-nums;margin-right:4px}
/* below 1100 px the contents are a bar at the top (client/notebook.js adds .stuck): one line naming the section in view */
@media (max-width:1099px){.nb-layout{display:block}.nb-side.stuck{position:sticky;z-index:15;background:#fff;border-bottom:1px solid #d0d7de;margin:0 0 8px}
.nb-side.stuck .toc summary{white-space:nowrap;overflow:hidden;text-overflow:ellipsis;padding:4px 0}.nb-side.stuck .toc-current{margin-left:.6em;color:#57606a;font-size:90%}
.nb-side.stuck .toc-fold[open] ul{max-height:65vh;overflow-y:auto;padding-bottom:8px}.nb h1[id],.nb h2[id],.nb h3[id],.nb .finding,.nb tr[id]{scroll-margin-top:96px}}
details.card-notes>summary,details.table-fold>summary{cursor:pointer;color:#0550ae;font-size:90%;margin:4px 0}
@media (max-width:${NARROW}px){.nb-tools{font-size:90%}.nb .rendered_html table{font-size:85%}.nb-side{border-bottom:1px solid #d0d7de}
/* a wide table of the text scrolls inside itself, not the page */
.nb .text_cell_render table{display:block;max-width:100%;overflow-x:auto}}
${narrowCardsCss(".nb table.findings", [null, null, "published", "computed", "verdict", null])}
@media (max-width:${NARROW}px){.nb .finding table,.nb .finding table tbody,.nb .finding table tr{display:block}.nb .finding table tr:first-child{display:none}
.nb .finding table td{display:inline-block;padding:0 12px 0 0}
${["published", "computed", "unit", "tolerance", ""].map((l, i) => (l ? `.nb .finding table td:nth-child(${i + 1})::before{content:"${l}: ";color:#57606a}` : "")).join("")}}
@media print{.nb-side,.nb-tools,details.code-fold,.back-link{display:none !important}.nb .output_subarea{overflow:visible}
details.card-notes>summary,details.table-fold>summary{display:none}
/* a wide table of numbers wraps inside the page instead of running off it */
.nb table{max-width:100%;font-size:8pt}.nb td,.nb th{overflow-wrap:anywhere}}
.highlight .s,.highlight .s1,.highlight .s2,.highlight .sb{color:#0a3069}.highlight .mi,.highlight .mf{color:#0550ae}.highlight .nx{color:#1f2328}`;

/** Client script of notebook pages. */
export const NOTEBOOK_JS = readFileSync(join(__dirname, "client", "notebook.js"), "utf8");

/** The page body: table of contents beside the notebook, tools above it (the primer's say it holds no findings). */
export function notebookBody(o: { name: string; html: string; findings: number; primer?: boolean }): string {
  const toc = tocHtml(headings(o.html));
  const about = o.primer
    ? `the methods primer: no findings here; each finding card on the chapter pages, and each row of the findings index, links to its method's section`
    : `${o.findings} finding${o.findings === 1 ? "" : "s"} on this page; each card links back to the <a href="index.html">findings index</a>`;
  const tools = `<div class="nb-tools"><a href="notebooks/${escapeHtml(o.name)}.ipynb" download>⬇ download the executed notebook (${escapeHtml(
    o.name,
  )}.ipynb)</a><button type="button" id="toggle-code" aria-pressed="false">show all code</button><span class="muted small">${about}</span></div>`;
  return `<div class="nb-layout"><aside class="nb-side">${toc}</aside><article class="nb">${tools}${o.html}</article></div>`;
}
