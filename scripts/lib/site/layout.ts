/**
 * The frame every page of the site shares: head, navigation, style sheet,
 * footer. Verdict badges take their colour and symbol from the plots' palette
 * (VERDICT_STYLE: Okabe–Ito, colour-blind safe, a symbol each).
 */
import { escapeHtml, VERDICT_ORDER } from "../../../src/lib/findings/render";
import { VERDICT_STYLE } from "../../../src/lib/plots/palette";
import type { Verdict } from "../../../src/lib/findings/types";

export const PLOTLY_ASSET = "assets/plotly-cartesian.min.js";

/** A verdict as a badge: symbol and word on the verdict's colour. */
export function verdictBadge(v: Verdict): string {
  const s = VERDICT_STYLE[v]!;
  return `<span class="badge v-${v}" title="${escapeHtml(v)}"><span aria-hidden="true">${s.symbol}</span> ${escapeHtml(v)}</span>`;
}

const verdictCss = VERDICT_ORDER.map((v) => `.v-${v}{background:${VERDICT_STYLE[v]!.colour};color:${VERDICT_STYLE[v]!.text}}`).join("\n");

export const STYLE = `*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:0;color:#1f2328;line-height:1.45;font-size:15px}
a{color:#0550ae}
header.site{background:#f6f8fa;border-bottom:1px solid #d0d7de;padding:6px 16px;position:sticky;top:0;z-index:20}
header.site nav{display:flex;flex-wrap:wrap;gap:4px 14px;align-items:baseline}
header.site nav .brand{font-weight:700;color:#1f2328;text-decoration:none;margin-right:8px}
header.site nav a[aria-current]{font-weight:700;color:#1f2328;text-decoration:none;border-bottom:2px solid #0072B2}
main{max-width:1280px;margin:0 auto;padding:8px 16px 40px}
footer.site{max-width:1280px;margin:0 auto;padding:12px 16px 32px;color:#57606a;font-size:85%;border-top:1px solid #d0d7de}
h1{font-size:1.6em;margin:.6em 0 .3em}h2{font-size:1.3em;margin:1.2em 0 .4em}h3{font-size:1.1em;margin:1em 0 .3em}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:90%}
pre{white-space:pre-wrap;overflow-wrap:anywhere}
table{border-collapse:collapse}th,td{border-bottom:1px solid #d0d7de;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f6f8fa}
.badge{display:inline-block;padding:0 6px;border-radius:3px;font-weight:600;white-space:nowrap;font-size:90%}
${verdictCss}
.params{background:#fff8c5;padding:4px 8px;border-radius:4px;display:inline-block}
:target{scroll-margin-top:120px}
@media (max-width:700px){
header.site{position:static;padding:4px 10px}
header.site nav{flex-wrap:nowrap;overflow-x:auto;white-space:nowrap;scrollbar-width:thin}
main{padding:6px 10px 32px}footer.site{padding:10px 10px 24px}
h1{font-size:1.35em}
:target{scroll-margin-top:12px}
}
@media print{
header.site,footer.site nav,.no-print{display:none !important}
body{font-size:10.5pt;line-height:1.35}main{max-width:none;padding:0}
a{color:inherit;text-decoration:none}
h1,h2,h3{break-after:avoid}tr,li,.plotly-figure,.finding,dl{break-inside:avoid}
.badge{border:1px solid #000}
}
.finding:target,tr:target>td,dt:target,tr:target>th,h1:target,h2:target,h3:target{background:#fff1a8 !important;outline:3px solid #E69F00;outline-offset:1px}
.muted{color:#57606a}.small{font-size:85%}`;

/** The width at and below which tables turn into cards and nothing is sticky. */
export const NARROW = 700;

/**
 * CSS that shows a table as one card per row on a narrow screen, each cell labelled by its
 * column (`labels[i]` before the (i+1)-th cell; null for none), the header row hidden.
 * @example narrowCardsCss("table.rules", [null, "Norwegian", "English"]);
 */
export function narrowCardsCss(table: string, labels: (string | null)[]): string {
  const t = (x: string): string => `${table} ${x}`;
  const label = labels.map((l, i) => (l ? `${t(`tr>:nth-child(${i + 1})`)}::before{content:"${l}: ";font-weight:600;color:#57606a}` : "")).join("");
  return `@media (max-width:${NARROW}px){${table},${t("tbody")},${t("tr")},${t("td")},${t("th")}{display:block;width:auto;min-width:0 !important;max-width:none !important;white-space:normal}
${t("thead")}{display:none}${t("tr")}{border:1px solid #d0d7de;border-radius:6px;margin:0 0 8px;padding:4px 8px}${t("td")},${t("th")}{border:0;padding:2px 0;text-align:left}
${label}}`;
}

export interface NavItem {
  href: string;
  label: string;
}

/**
 * The site's menu: the methods primer first when the build has it (read it before the findings), then the findings
 * index, the other notebooks in name order, the phrase rules, the data files and, when built, the API reference.
 * @example siteNavItems(["03-structures", "01-methods"], { primer: "01-methods", api: false })[0]; // { href: "01-methods.html", label: "Methods primer" }
 */
export function siteNavItems(notebooks: readonly string[], o: { primer: string; api: boolean }): NavItem[] {
  const sorted = [...notebooks].sort();
  return [
    ...sorted.filter((n) => n === o.primer).map((n) => ({ href: `${n}.html`, label: "Methods primer" })),
    { href: "index.html", label: "Findings" },
    ...sorted.filter((n) => n !== o.primer).map((n) => ({ href: `${n}.html`, label: n })),
    { href: "rules.html", label: "Phrase rules" },
    { href: "data.html", label: "Data files" },
    ...(o.api ? [{ href: "api/index.html", label: "API reference" }] : []),
  ];
}

/** The site's navigation bar; `current` is the href of this page. */
export function navHtml(items: NavItem[], current: string): string {
  const links = items
    .map((i) => `<a href="${escapeHtml(i.href)}"${i.href === current ? ' aria-current="page"' : ""}>${escapeHtml(i.label)}</a>`)
    .join("");
  return `<header class="site"><nav aria-label="site"><a class="brand" href="index.html">innlandet · NIBR 2009:14</a>${links}</nav></header>`;
}

export interface PageOptions {
  title: string;
  nav: string;
  body: string;
  footer: string;
  /** Load plotly.js from the site's assets (deferred; figures drawn as they come into view: LAZY_PLOTLY_JS). */
  plotly?: boolean;
  /** Extra CSS for this page. */
  css?: string;
  /** Scripts (inline text) run at the end of the body. */
  scripts?: string[];
}

/**
 * Set before plotly.js loads (deferred): when the bundle assigns window.Plotly, its newPlot is
 * wrapped so that a figure is drawn only when it comes near the viewport (IntersectionObserver),
 * or before printing; the element then gets a "figure-drawn" event. Figures call Plotly.newPlot
 * once Plotly exists (src/lib/plots/plotly.ts figureHtml), so none is drawn before this wrapper.
 */
export const LAZY_PLOTLY_JS = `(function(){var P;var pending=[];function drawAll(){pending.splice(0).forEach(function(d){d()})}
Object.defineProperty(window,"Plotly",{configurable:true,get:function(){return P},set:function(v){P=v;if(!v||!v.newPlot||!("IntersectionObserver" in window))return;var real=v.newPlot;
var io=new IntersectionObserver(function(es){es.forEach(function(e){if(e.isIntersecting&&e.target.__draw){io.unobserve(e.target);e.target.__draw()}})},{rootMargin:"800px 0px"});
v.newPlot=function(gd){var el=typeof gd==="string"?document.getElementById(gd):gd;var args=arguments;if(!el||el.__lazy)return real.apply(v,args);el.__lazy=1;
return new Promise(function(resolve){var done=false;el.__draw=function(){if(done)return;done=true;delete el.__draw;Promise.resolve(real.apply(v,args)).then(function(r){el.dispatchEvent(new Event("figure-drawn"));resolve(r)})};pending.push(el.__draw);io.observe(el)})}}});
window.addEventListener("beforeprint",drawAll);window.__drawAllFigures=drawAll})();`;

/** On a phone the navigation is one line that scrolls sideways: scroll it so that this page's link is in view. */
export const NAV_CURRENT_JS = `(function(){var n=document.querySelector("header.site nav"),a=n&&n.querySelector("a[aria-current]");if(!a||n.scrollWidth<=n.clientWidth)return;
n.scrollLeft=a.getBoundingClientRect().left-n.getBoundingClientRect().left+n.scrollLeft-(n.clientWidth-a.offsetWidth)/2})();`;

/** A whole HTML page. */
export function page(o: PageOptions): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(o.title)}</title><style>${STYLE}${o.css ? `\n${o.css}` : ""}</style>${
    o.plotly ? `<script>${LAZY_PLOTLY_JS}</script><script defer src="${PLOTLY_ASSET}"></script>` : ""
  }</head>
<body>${o.nav}${o.nav ? `<script>${NAV_CURRENT_JS}</script>` : ""}<main>${o.body}</main><footer class="site">${o.footer}</footer>${(o.scripts ?? []).map((s) => `<script>${s}</script>`).join("")}</body></html>`;
}
