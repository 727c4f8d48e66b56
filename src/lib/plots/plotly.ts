/**
 * Plotly figures as plain data, and as `text/html` that survives notebook
 * HTML export without a network: plotly.js (the cartesian bundle, from the
 * project's node_modules) is inlined once per page by `plotlyLoaderHtml`,
 * then each figure is a div plus a `Plotly.newPlot` call.
 * Builders are pure: frames in, figure objects out.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { PlotlyFigure } from "./common";
import { FIT_NARROW_JS, NARROW_BELOW } from "./narrow";

// The plots folder's public surface: src/lib/index.ts re-exports this file.
export { PlotInputError, axisTitle, hoverDecimals, hoverNumber, sourceLine, type PlotlyFigure } from "./common";
export { stackedBarFigure, barFigure, type StackedBarOptions, type BarOptions } from "./bars";
export { heatmapFigure, type HeatmapOptions } from "./heatmap";
export * from "./palette";
export { textWidth, labelBox, overlapArea, placeLabels, fitLabels, TEXT_POSITIONS, type TextPosition, type Box, type LabelPoint } from "./labels";
export { scatterFigure, type ScatterOptions } from "./scatter";
export { lineFigure, type LineOptions } from "./line";
export * from "./map";

/**
 * Path of the plotly.js bundle shipped with the project's dependencies.
 * @example
 * copyFileSync(plotlyBundlePath(), "site/assets/plotly-cartesian.min.js");
 */
export function plotlyBundlePath(): string {
  return require.resolve("plotly.js-cartesian-dist-min/plotly-cartesian.min.js");
}

/**
 * A `<script>` that defines `Plotly` (inline, no network). Display it once, before any figure.
 * @example
 * tslab.display.html(plotlyLoaderHtml());
 */
export function plotlyLoaderHtml(): string {
  const js = readFileSync(plotlyBundlePath(), "utf8").replace(/<\/script/gi, "<\\/script");
  return `<script type="text/javascript">if (typeof Plotly === "undefined") {\n${js}\n}</script><span style="display:none">plotly.js loaded</span>`;
}

function safeJson(x: unknown): string {
  return JSON.stringify(x).replace(/</g, "\\u003c");
}

/**
 * A figure as HTML: a div and the script that draws it (waits for plotly.js).
 * The div id is derived from the figure's content unless given; the height
 * defaults to the layout's own height, else 450 px.
 * @example
 * tslab.display.html(figureHtml(barFigure(df, { x: "region", y: "value", title: "Jobs" }), { height: 400 }));
 */
export function figureHtml(fig: PlotlyFigure, opts: { id?: string; height?: number } = {}): string {
  const json = safeJson(fig);
  const id = opts.id ?? `fig-${createHash("sha1").update(json).digest("hex").slice(0, 10)}`;
  const own = fig.layout["height"];
  const height = opts.height ?? (typeof own === "number" ? own : 450);
  // in a container narrower than the wide layout, a figure's own narrow variant (fig.narrow) is drawn;
  // under NARROW_BELOW px, fitNarrow (narrow.ts) also wraps titles and stacks the legend on top; redrawn on resize;
  // the width is set to the container's (plotly's autosize does not follow Plotly.react) and redrawn when it changes;
  // once drawn, the div's data-layout says which layout: "Ww" wide, "Nw"/"Nn"/"Wn" narrow variant and/or fitting
  return (
    `<div id="${id}" class="plotly-figure" style="width:100%;height:${height}px"></div>` +
    `<script type="text/javascript">(function(){var fig=${json};var el=document.getElementById("${id}");var H=${height};var cur="",lastW=0;` +
    `var cfg={displaylogo:false},timer=0;${FIT_NARROW_JS}` +
    `function key(w){return (fig.narrow&&w>0&&w<(fig.layout.width||${NARROW_BELOW})?"N":"W")+(w>0&&w<${NARROW_BELOW}?"n":"w");}` +
    `function draw(){if(typeof Plotly==="undefined"){setTimeout(draw,50);return;}var w=el.clientWidth,k=key(w);` +
    `var n=fig.narrow,v=k[0]==="N"?{data:n.data||fig.data.map(function(t,i){return n.patch&&n.patch[i]?Object.assign({},t,n.patch[i]):t;}),layout:n.layout}:fig;var h=H;` +
    `if(k[1]==="n"){v=fitNarrow({data:v.data,layout:Object.assign({},v.layout,{height:v.layout.height||H})},w);h=v.layout.height;}` +
    `if(!v.layout.width&&w>0)v={data:v.data,layout:Object.assign({},v.layout,{width:w})};` +
    `el.style.height=h+"px";(cur?Plotly.react:Plotly.newPlot)("${id}",v.data,v.layout,cfg).then(function(){return k[1]==="n"?refitNarrow(el):null;}).then(function(){el.setAttribute("data-layout",k);});cur=k;lastW=w;}draw();` +
    `window.addEventListener("resize",function(){clearTimeout(timer);timer=setTimeout(function(){if(cur&&el.clientWidth!==lastW)draw();},80);});})();</script>`
  );
}
