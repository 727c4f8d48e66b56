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

export interface PlotlyFigure {
  data: Record<string, unknown>[];
  layout: Record<string, unknown>;
}

/** Path of the plotly.js bundle shipped with the project's dependencies. */
export function plotlyBundlePath(): string {
  return require.resolve("plotly.js-cartesian-dist-min/plotly-cartesian.min.js");
}

/** A `<script>` that defines `Plotly` (inline, no network). Display it once, before any figure. */
export function plotlyLoaderHtml(): string {
  const js = readFileSync(plotlyBundlePath(), "utf8").replace(/<\/script/gi, "<\\/script");
  return `<script type="text/javascript">if (typeof Plotly === "undefined") {\n${js}\n}</script><span style="display:none">plotly.js loaded</span>`;
}

function safeJson(x: unknown): string {
  return JSON.stringify(x).replace(/</g, "\\u003c");
}

/**
 * A figure as HTML: a div and the script that draws it (waits for plotly.js).
 * The div id is derived from the figure's content unless given.
 */
export function figureHtml(fig: PlotlyFigure, opts: { id?: string; height?: number } = {}): string {
  const json = safeJson(fig);
  const id = opts.id ?? `fig-${createHash("sha1").update(json).digest("hex").slice(0, 10)}`;
  const height = opts.height ?? 450;
  return (
    `<div id="${id}" class="plotly-figure" style="width:100%;height:${height}px"></div>` +
    `<script type="text/javascript">(function(){var fig=${json};` +
    `function draw(){if(typeof Plotly==="undefined"){setTimeout(draw,50);return;}` +
    `Plotly.newPlot("${id}",fig.data,fig.layout,{responsive:true,displaylogo:false});}draw();})();</script>`
  );
}

function column(df: pl.DataFrame, name: string): unknown[] {
  if (!df.columns.includes(name)) throw new Error(`plot: column '${name}' not found (columns: ${df.columns.join(", ")})`);
  return df.getColumn(name).toArray() as unknown[];
}

export interface StackedBarOptions {
  /** Category on the x axis (e.g. region). */
  x: string;
  /** Column whose values become the stacked series (e.g. sector). */
  stack: string;
  value: string;
  title: string;
  yTitle?: string;
  /** Display labels for x categories (default: the values themselves). */
  xLabels?: Record<string, string>;
  /** Order of x categories (default: first appearance). */
  xOrder?: string[];
}

/** A stacked bar chart, one trace per `stack` value, in the order they first appear. */
export function stackedBarFigure(df: pl.DataFrame, opts: StackedBarOptions): PlotlyFigure {
  const xs = column(df, opts.x).map(String);
  const stacks = column(df, opts.stack).map(String);
  const values = column(df, opts.value) as (number | null)[];
  const order = opts.xOrder ?? [...new Set(xs)];
  const index = new Map(xs.map((xv, k) => [`${xv}\u0000${stacks[k]}`, values[k] ?? null]));
  const traces = [...new Set(stacks)].map((s) => {
    const y = order.map((xv) => index.get(`${xv}\u0000${s}`) ?? null);
    return { type: "bar", name: s, x: order.map((xv) => opts.xLabels?.[xv] ?? xv), y };
  });
  return {
    data: traces,
    layout: {
      title: { text: opts.title },
      barmode: "stack",
      yaxis: { title: { text: opts.yTitle ?? opts.value } },
      legend: { orientation: "v" },
      margin: { b: 120 },
    },
  };
}

export interface HeatmapOptions {
  x: string;
  y: string;
  z: string;
  title: string;
  /** Value at the colour scale's midpoint (e.g. 1 for location quotients). */
  zmid?: number;
  yLabels?: Record<string, string>;
}

/** A heat map of `z` over the `x` × `y` grid (missing cells stay empty). */
export function heatmapFigure(df: pl.DataFrame, opts: HeatmapOptions): PlotlyFigure {
  const xs = column(df, opts.x).map(String);
  const ys = column(df, opts.y).map(String);
  const zs = column(df, opts.z) as (number | null)[];
  const xCats = [...new Set(xs)];
  const yCats = [...new Set(ys)];
  const index = new Map(xs.map((xv, k) => [`${xv}\u0000${ys[k]}`, zs[k] ?? null]));
  const z = yCats.map((yv) => xCats.map((xv) => index.get(`${xv}\u0000${yv}`) ?? null));
  const text = z.map((row) => row.map((v) => (v === null ? "" : v.toFixed(2))));
  return {
    data: [
      {
        type: "heatmap",
        x: xCats,
        y: yCats.map((yv) => opts.yLabels?.[yv] ?? yv),
        z,
        text,
        texttemplate: "%{text}",
        colorscale: "RdBu",
        reversescale: true,
        ...(opts.zmid !== undefined ? { zmid: opts.zmid } : {}),
      },
    ],
    layout: { title: { text: opts.title }, margin: { l: 200 } },
  };
}

export interface ScatterOptions {
  x: string;
  y: string;
  /** Column with point labels. */
  label: string;
  /** Column whose values split the points into traces (e.g. region type). */
  group: string;
  title: string;
  xTitle?: string;
  yTitle?: string;
  /** Draw axes through 0 (quadrants). */
  quadrants?: boolean;
}

/** A labelled scatter, one trace per group; rows with a null x or y are left out. */
export function scatterFigure(df: pl.DataFrame, opts: ScatterOptions): PlotlyFigure {
  const xs = column(df, opts.x) as (number | null)[];
  const ys = column(df, opts.y) as (number | null)[];
  const labels = column(df, opts.label).map(String);
  const groups = column(df, opts.group).map(String);
  const data = [...new Set(groups)].map((g) => {
    const idx = groups.map((v, i) => (v === g && xs[i] !== null && ys[i] !== null ? i : -1)).filter((i) => i >= 0);
    return {
      type: "scatter",
      mode: "markers+text",
      name: g,
      x: idx.map((i) => xs[i]),
      y: idx.map((i) => ys[i]),
      text: idx.map((i) => labels[i]),
      textposition: "top center",
    };
  });
  const axis = (title?: string): Record<string, unknown> => ({ title: { text: title ?? "" }, zeroline: opts.quadrants ?? false, zerolinewidth: 2 });
  return { data, layout: { title: { text: opts.title }, xaxis: axis(opts.xTitle ?? opts.x), yaxis: axis(opts.yTitle ?? opts.y) } };
}

export interface BarOptions {
  x: string;
  y: string;
  title: string;
  yTitle?: string;
  /** Column whose values colour the bars (one trace each). */
  group?: string;
  /** A horizontal reference line, e.g. the national value. */
  reference?: { value: number; label: string };
}

/** A bar chart (one trace per group when `group` is given), with an optional horizontal reference line. */
export function barFigure(df: pl.DataFrame, opts: BarOptions): PlotlyFigure {
  const xs = column(df, opts.x).map(String);
  const ys = column(df, opts.y) as (number | null)[];
  const groups = opts.group ? column(df, opts.group).map(String) : xs.map(() => opts.y);
  const data: Record<string, unknown>[] = [...new Set(groups)].map((g) => {
    const idx = groups.map((v, i) => (v === g ? i : -1)).filter((i) => i >= 0);
    return { type: "bar", name: g, x: idx.map((i) => xs[i]), y: idx.map((i) => ys[i]) };
  });
  const layout: Record<string, unknown> = { title: { text: opts.title }, yaxis: { title: { text: opts.yTitle ?? opts.y } }, margin: { b: 120 } };
  if (opts.reference) {
    data.push({
      type: "scatter",
      mode: "lines",
      name: opts.reference.label,
      x: [xs[0], xs[xs.length - 1]],
      y: [opts.reference.value, opts.reference.value],
      line: { dash: "dash" },
    });
  }
  return { data, layout };
}
