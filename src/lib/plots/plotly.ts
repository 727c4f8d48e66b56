/**
 * Plotly figures as plain data, and as `text/html` that survives notebook
 * HTML export without a network: plotly.js (the cartesian bundle, from the
 * project's node_modules) is inlined once per page by `plotlyLoaderHtml`,
 * then each figure is a div plus a `Plotly.newPlot` call.
 * Builders are pure: frames in, figure objects out.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import * as pl from "nodejs-polars";
import { axis, baseLayout, column, numericColumn, PlotInputError, type PlotlyFigure } from "./common";
import { colourMap, displayName, divergingColorscale, REGION_TYPE_COLOURS } from "./palette";

// The plots folder's public surface: src/lib/index.ts re-exports this file.
export { PlotInputError, axisTitle, type PlotlyFigure } from "./common";
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
  return (
    `<div id="${id}" class="plotly-figure" style="width:100%;height:${height}px"></div>` +
    `<script type="text/javascript">(function(){var fig=${json};` +
    `function draw(){if(typeof Plotly==="undefined"){setTimeout(draw,50);return;}` +
    `Plotly.newPlot("${id}",fig.data,fig.layout,{responsive:true,displaylogo:false});}draw();})();</script>`
  );
}

export interface StackedBarOptions {
  /** Category on the x axis (e.g. region). */
  x: string;
  /** Column whose values become the stacked series (e.g. sector); colours from the shared palette. */
  stack: string;
  value: string;
  title: string;
  yTitle?: string;
  /** Unit of the value, appended to the y axis title and the hover text. */
  yUnit?: string;
  /** Display labels for x categories (default: the values themselves). */
  xLabels?: Record<string, string>;
  /** Display names for stack values in the legend (region types get theirs by default). */
  stackLabels?: Record<string, string>;
  /** Order of x categories (default: first appearance). */
  xOrder?: string[];
  /** Colours fixed by the caller for some stack values. */
  colours?: Record<string, string>;
}

/**
 * A stacked bar chart, one trace per `stack` value in the order they first appear,
 * each with its own distinct colour (region types in their fixed colours); the
 * legend lists the stack top-down as drawn.
 * @example
 * stackedBarFigure(shares, { x: "region", stack: "sector", value: "share", yTitle: "employment", yUnit: "%", title: "Figur 3.6" });
 */
export function stackedBarFigure(df: pl.DataFrame, opts: StackedBarOptions): PlotlyFigure {
  const fn = "stackedBarFigure";
  const xs = column(fn, df, opts.x).map(String);
  const stacks = column(fn, df, opts.stack).map(String);
  const values = numericColumn(fn, df, opts.value);
  const order = opts.xOrder ?? [...new Set(xs)];
  const index = new Map(xs.map((xv, k) => [`${xv}\u0000${stacks[k]}`, values[k] ?? null]));
  const keys = [...new Set(stacks)];
  const colours = colourMap(keys, { colours: opts.colours });
  const unit = opts.yUnit ? ` ${opts.yUnit}` : "";
  const data = keys.map((s) => ({
    type: "bar",
    name: displayName(s, opts.stackLabels),
    x: order.map((xv) => opts.xLabels?.[xv] ?? xv),
    y: order.map((xv) => index.get(`${xv}\u0000${s}`) ?? null),
    marker: { color: colours[s], line: { color: "#ffffff", width: 0.5 } },
    hovertemplate: `%{x}<br>${displayName(s, opts.stackLabels)}: %{y}${unit}<extra></extra>`,
  }));
  return {
    data,
    layout: {
      ...baseLayout(opts.title),
      barmode: "stack",
      xaxis: axis("", undefined, { title: undefined, ticks: "" }),
      yaxis: axis(opts.yTitle ?? opts.value, opts.yUnit),
      legend: { orientation: "v", traceorder: "reversed" },
    },
  };
}

export interface HeatmapOptions {
  x: string;
  y: string;
  z: string;
  title: string;
  /** Value at the colour scale's midpoint (default 0 on a linear scale, 1 on a log2 scale). */
  zmid?: number;
  /**
   * `log2`: colours by log2 of the value, centred at `zmid` (default 1) — the scale for
   * ratios such as location quotients; the colour bar is labelled in the values
   * themselves (0.25, 0.5, 1, 2, 4). Zeros get the lowest colour; their cell text shows 0.
   */
  scale?: "linear" | "log2";
  /** Colour bar title, e.g. "LQ". */
  colorbarTitle?: string;
  xLabels?: Record<string, string>;
  yLabels?: Record<string, string>;
  /** Decimals of the cell text (default 2). */
  decimals?: number;
}

/**
 * A heat map of `z` over the `x` × `y` grid (missing cells stay empty) on a diverging
 * scale centred at `zmid`; on `scale: "log2"` symmetric in log2 (ratios 1/2 and 2 equally far from 1).
 * @example
 * heatmapFigure(lq, { x: "sector", y: "region", z: "lq", scale: "log2", colorbarTitle: "LQ", title: "Location quotients" });
 */
export function heatmapFigure(df: pl.DataFrame, opts: HeatmapOptions): PlotlyFigure {
  const fn = "heatmapFigure";
  const xs = column(fn, df, opts.x).map(String);
  const ys = column(fn, df, opts.y).map(String);
  const zs = numericColumn(fn, df, opts.z);
  const xCats = [...new Set(xs)];
  const yCats = [...new Set(ys)];
  const index = new Map(xs.map((xv, k) => [`${xv}\u0000${ys[k]}`, zs[k] ?? null]));
  const raw = yCats.map((yv) => xCats.map((xv) => index.get(`${xv}\u0000${yv}`) ?? null));
  const text = raw.map((row) => row.map((v) => (v === null ? "" : v.toFixed(opts.decimals ?? 2))));
  const trace: Record<string, unknown> = {
    type: "heatmap",
    x: xCats.map((xv) => opts.xLabels?.[xv] ?? xv),
    y: yCats.map((yv) => opts.yLabels?.[yv] ?? yv),
    text,
    texttemplate: "%{text}",
    hovertemplate: `%{y}<br>%{x}<br>${opts.colorbarTitle ?? opts.z}: %{text}<extra></extra>`,
    colorscale: divergingColorscale(),
    xgap: 1,
    ygap: 1,
    colorbar: { title: { text: opts.colorbarTitle ?? opts.z } },
  };
  if (opts.scale === "log2") {
    const neg = zs.find((v) => v !== null && v < 0);
    if (neg !== undefined) throw new PlotInputError(fn, `a log2 scale needs values ≥ 0 (found ${neg} in '${opts.z}')`);
    const mid = Math.log2(opts.zmid ?? 1);
    const logs = zs.filter((v): v is number => v !== null && v > 0).map((v) => Math.log2(v) - mid);
    // symmetric range in whole doublings, at least 1 (a factor 2 each way)
    const m = Math.max(1, Math.ceil(Math.max(0, ...logs.map(Math.abs)) - 1e-9));
    const ticks = Array.from({ length: 2 * m + 1 }, (_, k) => k - m);
    trace["z"] = raw.map((row) => row.map((v) => (v === null ? null : v === 0 ? mid - m : Math.log2(v))));
    Object.assign(trace, { zmin: mid - m, zmax: mid + m });
    trace["colorbar"] = {
      title: { text: opts.colorbarTitle ?? opts.z },
      tickvals: ticks.map((k) => k + mid),
      ticktext: ticks.map((k) => String(Number((2 ** (k + mid)).toPrecision(4)))),
    };
  } else {
    const mid = opts.zmid ?? 0;
    const dev = Math.max(0, ...zs.filter((v): v is number => v !== null).map((v) => Math.abs(v - mid)));
    Object.assign(trace, { z: raw, zmid: mid, ...(dev > 0 ? { zmin: mid - dev, zmax: mid + dev } : {}) });
  }
  return {
    data: [trace],
    layout: {
      ...baseLayout(opts.title),
      xaxis: axis("", undefined, { title: undefined, ticks: "", tickangle: -30 }),
      yaxis: axis("", undefined, { title: undefined, ticks: "", autorange: "reversed" }),
    },
  };
}

export interface BarOptions {
  x: string;
  y: string;
  title: string;
  yTitle?: string;
  /** Unit of y, appended to the axis title and hover text. */
  yUnit?: string;
  /** Column whose values colour the bars (one trace each, shared palette). */
  group?: string;
  /** Display labels for x categories. */
  xLabels?: Record<string, string>;
  /** Colours fixed by the caller for some groups. */
  colours?: Record<string, string>;
  /** Display names for groups in the legend. */
  groupLabels?: Record<string, string>;
  /** A horizontal reference line across the whole plot width, e.g. the national value, labelled at its right end. */
  reference?: { value: number; label: string };
}

/**
 * A bar chart (one trace per group when `group` is given), with an optional horizontal
 * reference line spanning the whole x axis.
 * @example
 * barFigure(df, { x: "area_name", y: "pct", group: "area_level", yTitle: "firms", yUnit: "%", title: "Innovation",
 *   reference: { value: 23, label: "Norway (23 %)" } });
 */
export function barFigure(df: pl.DataFrame, opts: BarOptions): PlotlyFigure {
  const fn = "barFigure";
  const xs = column(fn, df, opts.x).map(String);
  const ys = numericColumn(fn, df, opts.y);
  const groups = opts.group ? column(fn, df, opts.group).map(String) : xs.map(() => opts.y);
  const keys = [...new Set(groups)];
  const colours = colourMap(keys, { colours: opts.colours });
  const unit = opts.yUnit ? ` ${opts.yUnit}` : "";
  const data: Record<string, unknown>[] = keys.map((g) => {
    const idx = groups.map((v, i) => (v === g ? i : -1)).filter((i) => i >= 0);
    return {
      type: "bar",
      name: displayName(g, opts.groupLabels),
      x: idx.map((i) => opts.xLabels?.[xs[i]!] ?? xs[i]),
      y: idx.map((i) => ys[i]),
      marker: { color: colours[g] },
      hovertemplate: `%{x}: %{y}${unit}<extra></extra>`,
    };
  });
  const layout: Record<string, unknown> = {
    ...baseLayout(opts.title),
    xaxis: axis("", undefined, { title: undefined, ticks: "" }),
    yaxis: axis(opts.yTitle ?? opts.y, opts.yUnit),
    showlegend: Boolean(opts.group),
  };
  if (opts.reference) {
    const { value, label } = opts.reference;
    const colour = REGION_TYPE_COLOURS["norway"];
    layout["shapes"] = [
      { type: "line", xref: "paper", x0: 0, x1: 1, yref: "y", y0: value, y1: value, line: { color: colour, width: 1.5, dash: "dash" } },
    ];
    layout["annotations"] = [
      { xref: "paper", x: 1, xanchor: "right", yref: "y", y: value, yanchor: "bottom", text: label, showarrow: false, font: { color: colour } },
    ];
  }
  return { data, layout };
}
