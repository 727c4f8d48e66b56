/**
 * build/site/: an index page (what this is, how to rerun, the verdict
 * summary, every finding linked to the notebook cell that computes it, the
 * run's parameters) and each executed notebook as HTML. Everything is local:
 * plotly.js is copied into the site and loaded from there, no CDN.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { plotlyBundlePath } from "../../src/lib/plots/plotly";
import { escapeHtml, formatValue, VERDICT_ORDER, verdictCounts } from "../../src/lib/findings/render";
import type { Finding } from "../../src/lib/findings/types";
import { describeParams, type RunParameters } from "../../src/lib/params";

const PLOTLY_ASSET = "assets/plotly-cartesian.min.js";
const LOADER =
  /<script type="text\/javascript">if \(typeof Plotly === "undefined"\) \{[\s\S]*?\}<\/script><span style="display:none">plotly\.js loaded<\/span>/g;

const STYLE = `body{font-family:system-ui,sans-serif;max-width:1200px;margin:0 auto;padding:0 16px;color:#1f2328}
nav{padding:8px 0;border-bottom:1px solid #d0d7de;margin-bottom:12px}nav a{margin-right:16px}
table{border-collapse:collapse;font-size:90%}th,td{border-bottom:1px solid #d0d7de;padding:3px 6px;text-align:left;vertical-align:top}
.input_area pre,.highlight pre{background:#f6f8fa;padding:6px;overflow-x:auto}.prompt{display:none}
.verdict-reproduced,.verdict-corroborated{color:#1a7f37}.verdict-diverges{color:#b35900}.verdict-contradicted{color:#cf222e}.verdict-untestable{color:#6e7781}
.params{background:#fff8c5;padding:4px 8px}`;

function page(title: string, nav: string, body: string, params: RunParameters, plotly: boolean): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style>${
    plotly ? `<script src="${PLOTLY_ASSET}"></script>` : ""
  }</head><body>${nav}<p class="params">Produced by <code>npm run reproduce</code> with parameters: <b>${escapeHtml(describeParams(params))}</b></p>${body}</body></html>`;
}

export function buildSite(opts: { build: string; python: string; findings: Finding[]; params: RunParameters; tables: string[] }): string {
  const site = join(opts.build, "site");
  mkdirSync(join(site, "assets"), { recursive: true });
  copyFileSync(plotlyBundlePath(), join(site, PLOTLY_ASSET));
  const notebooks = readdirSync(join(opts.build, "notebooks"))
    .filter((f) => f.endsWith(".ipynb"))
    .sort();
  const nav = `<nav><a href="index.html">Findings</a>${notebooks.map((n) => `<a href="${basename(n, ".ipynb")}.html">${escapeHtml(basename(n, ".ipynb"))}</a>`).join("")}</nav>`;
  for (const nb of notebooks) {
    const r = spawnSync(opts.python, ["-m", "nbconvert", "--to", "html", "--template", "basic", "--stdout", join(opts.build, "notebooks", nb)], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.status !== 0) throw new Error(`nbconvert failed for ${nb}: ${r.stderr}`);
    const body = r.stdout.replace(LOADER, "");
    writeFileSync(join(site, `${basename(nb, ".ipynb")}.html`), page(`innlandet — ${basename(nb, ".ipynb")}`, nav, body, opts.params, true));
  }
  const counts = verdictCounts(opts.findings);
  const rows = opts.findings
    .map((f) => {
      const nb = f.notebook?.replace(/\.ipynb$/, "");
      const link = nb ? `<a href="${nb}.html#${encodeURIComponent(f.id)}">${escapeHtml(f.id)}</a>` : escapeHtml(f.id);
      return `<tr class="finding-row"><td>${link}</td><td>${escapeHtml(f.section)}</td><td>${escapeHtml(f.claim)}</td><td>${escapeHtml(formatValue(f.published))}</td><td>${escapeHtml(
        formatValue(f.computed),
      )}</td><td class="verdict-${f.verdict}"><b>${f.verdict}</b></td></tr>`;
    })
    .join("");
  const body = `<h1>NIBR-rapport 2009:14 — an executable reproduction</h1>
<p>Knut Onsager (2009): <i>By- og småsteder i Innlandet. Kompetanse, innovasjon og utvikling</i>. Every quantitative claim of the report is a notebook cell that computes the value from the report's own figures or from open data (SSB, KRD, TØI), shows it beside the published value and states a computed verdict.</p>
<h2>Rerun</h2><pre>npm ci &amp;&amp; npm run reproduce   # add -- --param regions=ba2020 to change the region mapping
npm test</pre>
<h2>Verdicts</h2><p>${opts.findings.length} findings: ${VERDICT_ORDER.map((v) => `<span class="verdict-${v}">${v} ${counts[v]}</span>`).join(" · ")}</p>
<h2>Findings</h2><table id="findings"><thead><tr><th>id (link to the cell)</th><th>§</th><th>claim</th><th>published</th><th>computed</th><th>verdict</th></tr></thead><tbody>${rows}</tbody></table>
<h2>Derived tables</h2><p>CSV, Parquet and Markdown in <code>build/tables/</code>: ${opts.tables.map((t) => `<code>${escapeHtml(t)}</code>`).join(", ")}</p>`;
  writeFileSync(join(site, "index.html"), page("innlandet — findings", nav, body, opts.params, false));
  return site;
}
