/**
 * build/site/: the findings index (index.html), one page per executed notebook,
 * the phrase rules (rules.html), the data files with their manifest entries
 * (data.html, data/), the run's outputs for download (downloads/), the
 * library's API reference (api/) and the executed notebooks (notebooks/).
 * Everything is local: plotly.js is copied into the site and loaded, deferred,
 * only by pages that have a figure; no CDN.
 */
import type { ReviewedComparison } from "../reviewed";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { plotlyBundlePath } from "../../../src/lib/plots/plotly";
import { dataDir as defaultDataDir } from "../../../src/lib/data/manifest";
import { loadPhraseRules } from "../../../src/lib/findings/phrases";
import type { Finding } from "../../../src/lib/findings/types";
import type { RunParameters } from "../../../src/lib/params";
import { buildApiDocs, type ApiDocsReport } from "./apiDocs";
import { colophonLine, gatherColophon } from "./colophon";
import { executionCounts, findingMethods, rewriteFindings } from "./cards";
import { loadReportSections } from "./reportRef";
import { PRIMER_NOTEBOOK, type Method } from "../../../src/lib/primer/methods";
import { readCitation } from "./cite";
import { copyDataFiles, copyDownloads, dataPageBody } from "./downloads";
import { INDEX_CSS, INDEX_JS, indexBody } from "./indexPage";
import { navHtml, page, PLOTLY_ASSET, siteNavItems } from "./layout";
import {
  cleanNotebook,
  headings,
  NOTEBOOK_CSS,
  NOTEBOOK_JS,
  nbconvertHtml,
  notebookBody,
  notebookTitles,
  stripPlotlyLoader,
  type NbJson,
} from "./notebookPage";
import { RULES_CSS, rulesBody } from "./rulesPage";
import { renderApiMath, renderMath } from "./math";

export { buildApiDocs, type ApiDocsReport } from "./apiDocs";

const ROOT = resolve(__dirname, "..", "..", "..");

export interface SiteOptions {
  /** The build folder: reads `notebooks/*.ipynb` (executed), writes `site/`. */
  build: string;
  /** A Python with Jupyter's nbconvert. */
  python: string;
  findings: Finding[];
  params: RunParameters;
  /** Render the API reference into site/api/ with TypeDoc (default true). */
  api?: boolean;
  /** The checkout (for git and node_modules versions; default: this repository). */
  root?: string;
  /** The data folder whose manifest.json is hashed and whose phrase rules are listed (default: dataDir()). */
  dataDir?: string;
  /** The run date the colophon states (default: now). */
  runDate?: Date;
  /** What changed since the reviewed record (scripts/lib/reviewed.ts), shown on the index. */
  reviewed?: ReviewedComparison;
}

/** The chapter number a notebook's file name starts with ("03-structures" → 3), or null. */
export function notebookChapter(name: string): number | null {
  const m = /^(\d+)-/.exec(name);
  return m ? Number(m[1]) : null;
}

/** Whether a page's HTML holds a plotly figure (src/lib/plots/plotly.ts figureHtml's div). */
export function hasFigure(html: string): boolean {
  return html.includes('class="plotly-figure"');
}

/**
 * Write the site into `<build>/site/` (replacing it) and resolve with its path.
 * @example
 * await buildSite({ build: "build", python: "/usr/bin/python3", findings, params: DEFAULT_PARAMS });
 */
export async function buildSite(opts: SiteOptions): Promise<string> {
  return (await buildSiteWithReport(opts)).site;
}

/** `buildSite`, also resolving with the API reference's report (documentation coverage, TypeDoc warnings). */
export async function buildSiteWithReport(opts: SiteOptions): Promise<{ site: string; api: ApiDocsReport | null }> {
  const root = opts.root ?? ROOT;
  const data = opts.dataDir ?? defaultDataDir();
  const site = join(opts.build, "site");
  rmSync(site, { recursive: true, force: true });
  mkdirSync(join(site, "assets"), { recursive: true });
  mkdirSync(join(site, "notebooks"), { recursive: true });
  copyFileSync(plotlyBundlePath(), join(site, PLOTLY_ASSET));

  // TypeDoc runs in its own process while the pages are written
  const withApi = opts.api !== false;
  const apiDocs = withApi ? buildApiDocs(site, { root }) : Promise.resolve(null);
  apiDocs.catch(() => undefined); // awaited below; a failure writing the pages must not leave it unhandled
  const colophon = gatherColophon({ root, dataDir: data, params: opts.params, runDate: opts.runDate });
  const footer = colophonLine(colophon);
  const names = readdirSync(join(opts.build, "notebooks"))
    .filter((f) => f.endsWith(".ipynb"))
    .sort()
    .map((f) => basename(f, ".ipynb"));
  // the methods primer, when the build has it, comes first: read it before the findings
  const items = siteNavItems(names, { primer: PRIMER_NOTEBOOK, api: withApi });
  const dataFiles = copyDataFiles(site, data);
  const dataPaths = new Set(dataFiles.map((d) => d.path));
  const downloads = copyDownloads(opts.build, site, opts.findings);
  const reportSections = loadReportSections(data);

  const chapterTitles: Record<number, string> = {};
  const sectionTitles: Record<string, string[]> = {};
  const cells = new Map<string, number>();
  const methods = new Map<string, Method[]>(); // finding id → the primer's methods its cell uses (cards and index rows)
  let mainConclusionHref: string | null = null;
  const notebooks = names.map((name) => JSON.parse(readFileSync(join(opts.build, "notebooks", `${name}.ipynb`), "utf8")) as NbJson);
  const htmls = await nbconvertHtml(opts.python, notebooks.map(cleanNotebook), root);
  for (const [i, name] of names.entries()) {
    copyFileSync(join(opts.build, "notebooks", `${name}.ipynb`), join(site, "notebooks", `${name}.ipynb`));
    const titles = notebookTitles(notebooks[i]!);
    const chapter = notebookChapter(name);
    if (chapter !== null && name !== PRIMER_NOTEBOOK && titles.title && chapterTitles[chapter] === undefined) chapterTitles[chapter] = titles.title;
    for (const [s, t] of Object.entries(titles.sections)) sectionTitles[s] = [...(sectionTitles[s] ?? []), ...t];
    const counts = executionCounts(notebooks[i]!);
    for (const [id, n] of counts) cells.set(id, n);
    const own = opts.findings.filter((f) => f.notebook === `${name}.ipynb`);
    const usedMethods = findingMethods(notebooks[i]!);
    for (const [id, m] of usedMethods) methods.set(id, m);
    const rewritten = rewriteFindings(stripPlotlyLoader(htmls[i]!), own, counts, dataPaths, usedMethods, reportSections);
    // the primer's formulas as MathML (the chapters write no TeX, and their code is full of $)
    const html = name === PRIMER_NOTEBOOK ? renderMath(rewritten) : rewritten;
    const main = chapter === 5 ? headings(html).find((h) => /^§5\.3\b/.test(h.text)) : undefined;
    if (main && mainConclusionHref === null) mainConclusionHref = `${name}.html#${main.id}`;
    writeFileSync(
      join(site, `${name}.html`),
      page({
        title: `innlandet — ${name}`,
        nav: navHtml(items, `${name}.html`),
        body: notebookBody({ name, html, findings: own.length, primer: name === PRIMER_NOTEBOOK }),
        footer,
        plotly: hasFigure(html),
        css: NOTEBOOK_CSS,
        scripts: [NOTEBOOK_JS],
      }),
    );
  }

  const rules = existsSync(join(data, "assumptions", "phrase_rules.csv")) ? [...loadPhraseRules(data).values()] : [];
  writeFileSync(
    join(site, "rules.html"),
    page({ title: "innlandet — phrase rules", nav: navHtml(items, "rules.html"), body: rulesBody(rules, opts.findings), footer, css: RULES_CSS }),
  );
  writeFileSync(
    join(site, "data.html"),
    page({ title: "innlandet — data files", nav: navHtml(items, "data.html"), body: dataPageBody(dataFiles, opts.findings), footer, css: DATA_CSS }),
  );
  const body = indexBody({
    findings: opts.findings,
    chapterTitles,
    sectionTitles,
    colophon,
    downloads,
    dataFiles: dataPaths,
    cells,
    methods,
    mainConclusionHref,
    citation: readCitation(root),
    api: withApi,
    reportSections,
    ...(opts.reviewed ? { reviewed: opts.reviewed } : {}),
  });
  writeFileSync(
    join(site, "index.html"),
    page({ title: "innlandet — findings", nav: navHtml(items, "index.html"), body, footer, plotly: hasFigure(body), css: INDEX_CSS, scripts: [INDEX_JS] }),
  );
  const api = await apiDocs;
  // the primer's formulas on the API pages (their @remarks) as MathML, as on the primer's page
  if (api) renderApiMath(join(site, "api"));
  return { site, api };
}

const DATA_CSS = `.lead{max-width:900px}section.data-file{border-top:1px solid #d0d7de;margin-top:12px}section.data-file h2{font-size:1.1em}
dl.colophon{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:2px 12px}dl.colophon dt{font-weight:600}dl.colophon dd{margin:0;overflow-wrap:anywhere}
@media (max-width:700px){dl.colophon{grid-template-columns:minmax(0,1fr)}dl.colophon dd{margin:0 0 4px}}`;
