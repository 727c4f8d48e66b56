/**
 * A line chart: one line per group over a numeric x (years), colours from the
 * shared palette (or by a coarser column such as region type), an optional
 * shaded period and reference line, optional labels at the lines' right ends
 * pushed apart so they do not overlap.
 */
import * as pl from "nodejs-polars";
import { axis, baseLayout, column, FONT_SIZE, hoverDecimals, hoverNumber, numericColumn, PlotInputError, type PlotlyFigure } from "./common";
import { textWidth } from "./labels";
import { colourMap, displayName, REGION_TYPE_COLOURS } from "./palette";

export interface LineOptions {
  /** Numeric x (e.g. year). */
  x: string;
  y: string;
  /** One line per value of this column (e.g. region). */
  group: string;
  title: string;
  xTitle?: string;
  yTitle?: string;
  xUnit?: string;
  yUnit?: string;
  /** Colour the lines by this column (e.g. region_type) instead of one colour per group; must be constant within a group. */
  colourBy?: string;
  colours?: Record<string, string>;
  /** Legend names of the `colourBy` values (region types get theirs by default). */
  colourLabels?: Record<string, string>;
  /** A shaded x interval, e.g. the report's period 1998–2008. */
  band?: { from: number; to: number; label?: string };
  /** A horizontal reference line across the plot, e.g. the index base 100. */
  reference?: { value: number; label?: string };
  /** Write each group's name at the right end of its line (default false: legend only). */
  endLabels?: boolean;
  /** The data's source, shown under the title ("Source: …"). */
  source?: string;
  /** Decimals of y in the hover text (default: as many as the values carry, at most 2). */
  decimals?: number;
  /** Figure height in px assumed when spacing end labels (default 450). */
  height?: number;
}

/**
 * Push label positions (px, y downwards, sorted or not) apart to at least `gap` px, keeping their order
 * and staying as close as possible to where they were: a simple pass down then up.
 * @example
 * spreadLabels([100, 102, 200], 12); // [95, 107, 200] (the two close labels moved apart symmetrically)
 */
export function spreadLabels(positions: readonly number[], gap: number): number[] {
  const order = positions.map((_, i) => i).sort((a, b) => positions[a]! - positions[b]! || a - b);
  // cluster-and-centre: consecutive labels closer than `gap` form a block centred on their mean
  type Block = { idx: number[]; mean: number };
  const blocks: Block[] = [];
  for (const i of order) {
    blocks.push({ idx: [i], mean: positions[i]! });
    while (blocks.length > 1) {
      const b = blocks[blocks.length - 1]!;
      const a = blocks[blocks.length - 2]!;
      const aEnd = a.mean + ((a.idx.length - 1) * gap) / 2;
      const bStart = b.mean - ((b.idx.length - 1) * gap) / 2;
      if (bStart - aEnd >= gap) break;
      const idx = [...a.idx, ...b.idx];
      blocks.splice(-2, 2, { idx, mean: idx.reduce((s, k) => s + positions[k]!, 0) / idx.length });
    }
  }
  const out = positions.slice();
  for (const b of blocks) b.idx.forEach((k, j) => (out[k] = b.mean + (j - (b.idx.length - 1) / 2) * gap));
  return out;
}

function xRange(xs: readonly (number | null)[]): { range?: [number, number] } {
  const v = xs.filter((x): x is number => x !== null);
  return v.length > 1 && Math.max(...v) > Math.min(...v) ? { range: [Math.min(...v), Math.max(...v)] } : {};
}

/**
 * A line chart, one trace per group sorted by x; missing values leave gaps (never bridged).
 * @example
 * lineFigure(indexed, { x: "year", y: "index", group: "region", colourBy: "region_type", title: "Population, 1998 = 100",
 *   yTitle: "population index (1998 = 100)", band: { from: 1998, to: 2008, label: "report's period" },
 *   reference: { value: 100 }, endLabels: true });
 */
export function lineFigure(df: pl.DataFrame, opts: LineOptions): PlotlyFigure {
  const fn = "lineFigure";
  const xs = numericColumn(fn, df, opts.x);
  const ys = numericColumn(fn, df, opts.y);
  const groups = column(fn, df, opts.group).map(String);
  const by = opts.colourBy ? column(fn, df, opts.colourBy).map(String) : groups;
  const keys = [...new Set(groups)];
  const colourKey = new Map<string, string>();
  groups.forEach((g, i) => {
    const prev = colourKey.get(g);
    if (prev !== undefined && prev !== by[i]) throw new PlotInputError(fn, `'${opts.colourBy}' differs within group '${g}' (${prev}, ${by[i]})`);
    colourKey.set(g, by[i]!);
  });
  const colours = colourMap(
    keys.map((g) => colourKey.get(g)!),
    { colours: opts.colours },
  );
  const height = opts.height ?? 450;
  const lines = keys.map((g) => {
    const idx = groups
      .map((v, i) => (v === g && xs[i] !== null ? i : -1))
      .filter((i) => i >= 0)
      .sort((a, b) => xs[a]! - xs[b]!);
    return { g, x: idx.map((i) => xs[i]!), y: idx.map((i) => ys[i] ?? null) };
  });
  const unit = opts.yUnit ? ` ${opts.yUnit}` : "";
  const yHover = `${opts.yTitle ?? opts.y}: ${hoverNumber("y", opts.decimals ?? hoverDecimals(ys))}${unit}`;
  const xHover = `${opts.xTitle ?? opts.x}: %{x}${opts.xUnit ? ` ${opts.xUnit}` : ""}`;
  const data: Record<string, unknown>[] = lines.map(({ g, x, y }) => ({
    type: "scatter",
    mode: "lines",
    name: g,
    x,
    y,
    connectgaps: false,
    line: { color: colours[colourKey.get(g)!], width: 2 },
    ...(opts.colourBy && !opts.endLabels
      ? { legendgroup: colourKey.get(g), legendgrouptitle: { text: displayName(colourKey.get(g)!, opts.colourLabels) } }
      : {}),
    ...(opts.endLabels ? { showlegend: false } : {}),
    hovertemplate: `${g}<br>${xHover}<br>${yHover}<extra></extra>`,
  }));
  const layout: Record<string, unknown> = {
    ...baseLayout(opts.title, opts.source),
    // the x range is the data's: end labels and the band label would otherwise stretch it
    xaxis: axis(opts.xTitle ?? opts.x, opts.xUnit, { tickformat: "d", ...xRange(xs) }),
    yaxis: axis(opts.yTitle ?? opts.y, opts.yUnit),
    hovermode: "closest",
  };
  const shapes: Record<string, unknown>[] = [];
  const annotations: Record<string, unknown>[] = [];
  if (opts.band) {
    const { from, to, label } = opts.band;
    if (!(to > from)) throw new PlotInputError(fn, `band.to (${to}) must be after band.from (${from})`);
    shapes.push({
      type: "rect",
      xref: "x",
      x0: from,
      x1: to,
      yref: "paper",
      y0: 0,
      y1: 1,
      fillcolor: "#999999",
      opacity: 0.18,
      line: { width: 0 },
      layer: "below",
    });
    // a band that starts before the data does (the report's period over a later series) is labelled from the
    // axis's left end, inside the plot, not centred on a point near the edge, where the label would reach past it
    const start = xRange(xs).range?.[0];
    const clipped = start !== undefined && from < start;
    if (label)
      annotations.push({
        xref: "x",
        x: clipped ? start : (from + to) / 2,
        ...(clipped ? { xanchor: "left" } : {}),
        yref: "paper",
        y: 1,
        yanchor: "top",
        text: label,
        showarrow: false,
        font: { color: "#555555" },
      });
  }
  if (opts.reference) {
    const { value, label } = opts.reference;
    shapes.push({
      type: "line",
      xref: "paper",
      x0: 0,
      x1: 1,
      yref: "y",
      y0: value,
      y1: value,
      line: { color: REGION_TYPE_COLOURS["norway"], width: 1, dash: "dot" },
    });
    // on a white ground: the label sits where many lines start (an index's base year)
    if (label)
      annotations.push({ xref: "paper", x: 0, xanchor: "left", yref: "y", y: value, yanchor: "bottom", text: label, showarrow: false, bgcolor: "rgba(255,255,255,0.85)" });
  }
  if (opts.endLabels) {
    const last = lines.map(({ x, y }) => {
      const k = y
        .map((v, i) => (v === null ? -1 : i))
        .filter((i) => i >= 0)
        .pop();
      return k === undefined ? null : { x: x[k]!, y: y[k]! };
    });
    const ends = lines.map((l, i) => ({ g: l.g, p: last[i] })).filter((e): e is { g: string; p: { x: number; y: number } } => e.p !== null);
    if (ends.length > 0) {
      const lo = Math.min(...ys.filter((v): v is number => v !== null));
      const hi = Math.max(...ys.filter((v): v is number => v !== null));
      const plotH = height - 120;
      const pxPerUnit = hi > lo ? plotH / (hi - lo) : 1;
      const spread = spreadLabels(
        ends.map((e) => -e.p.y * pxPerUnit),
        FONT_SIZE + 2,
      );
      ends.forEach((e, i) =>
        annotations.push({
          xref: "x",
          x: e.p.x,
          xanchor: "left",
          xshift: 6,
          yref: "y",
          y: -spread[i]! / pxPerUnit,
          text: e.g,
          showarrow: false,
          font: { size: FONT_SIZE - 1, color: colours[colourKey.get(e.g)!] },
        }),
      );
      // the lines are named at their ends: the legend only explains the colours
      if (opts.colourBy) {
        for (const k of [...new Set(keys.map((g) => colourKey.get(g)!))]) {
          data.push({
            type: "scatter",
            mode: "lines",
            x: [null],
            y: [null],
            name: displayName(k, opts.colourLabels),
            line: { color: colours[k], width: 2 },
            hoverinfo: "skip",
          });
        }
      }
      layout["showlegend"] = Boolean(opts.colourBy);
      layout["legend"] = { orientation: "h", x: 0, y: 1, yanchor: "bottom" };
      layout["margin"] = {
        ...(layout["margin"] as object),
        t: opts.source ? 100 : 80,
        r: 16 + Math.max(...ends.map((e) => textWidth(e.g, FONT_SIZE - 1))),
      };
    }
  }
  if (shapes.length) layout["shapes"] = shapes;
  if (annotations.length) layout["annotations"] = annotations;
  return { data, layout };
}
