/**
 * A heat map over two categories on the shared diverging scale, linear around a centre
 * or log2 around 1 (ratios such as location quotients), with axis titles, a worded
 * colour-bar title, rounded cell and hover values, and the source under the title.
 */
import * as pl from "nodejs-polars";
import { axis, baseLayout, column, numericColumn, PlotInputError, type PlotlyFigure } from "./common";
import { divergingColorscale } from "./palette";

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
  /** Colour bar title in words, e.g. "location quotient". */
  colorbarTitle?: string;
  /** Axis titles (e.g. "sector", "area"). */
  xTitle?: string;
  yTitle?: string;
  /** Unit of z written after the value in the hover text, e.g. "× Norway's share". */
  zUnit?: string;
  /** The data's source, shown under the title ("Source: …"). */
  source?: string;
  xLabels?: Record<string, string>;
  yLabels?: Record<string, string>;
  /** Decimals of the cell text (default 2). */
  decimals?: number;
}

/**
 * A heat map of `z` over the `x` × `y` grid (missing cells stay empty) on a diverging
 * scale centred at `zmid`; on `scale: "log2"` symmetric in log2 (ratios 1/2 and 2 equally far from 1).
 * @example
 * heatmapFigure(lq, { x: "sector", y: "region", z: "lq", scale: "log2", colorbarTitle: "location quotient", zUnit: "× Norway's share",
 *   xTitle: "sector", yTitle: "area", title: "Location quotients", source: "the report, Figur 3.6" });
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
    hovertemplate: `%{y}<br>%{x}<br>${opts.colorbarTitle ?? opts.z}: %{text}${opts.zUnit ? ` ${opts.zUnit}` : ""}<extra></extra>`,
    colorscale: divergingColorscale(),
    xgap: 1,
    ygap: 1,
    colorbar: { title: { text: opts.colorbarTitle ?? opts.z, side: "right" } },
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
      title: { text: opts.colorbarTitle ?? opts.z, side: "right" },
      tickvals: ticks.map((k) => k + mid),
      ticktext: ticks.map((k) => String(Number((2 ** (k + mid)).toPrecision(4)))),
    };
  } else {
    const mid = opts.zmid ?? 0;
    const dev = Math.max(0, ...zs.filter((v): v is number => v !== null).map((v) => Math.abs(v - mid)));
    Object.assign(trace, { z: raw, zmid: mid, ...(dev > 0 ? { zmin: mid - dev, zmax: mid + dev } : {}) });
  }
  const layout = {
    ...baseLayout(opts.title, opts.source),
    xaxis: axis(opts.xTitle ?? opts.x, undefined, { ticks: "", tickangle: -30 }),
    yaxis: axis(opts.yTitle ?? opts.y, undefined, { ticks: "", autorange: "reversed" }),
  };
  return { data: [trace], layout, narrow: transposed(trace, layout, opts) };
}

/** A label without its trailing qualification in parentheses: "private services 3 (unnamed in the source)" → "private services 3". */
const bare = (s: string): string => s.replace(/\s*\([^)]*\)\s*$/, "");

const flip = <T>(m: T[][]): T[][] => (m[0] ?? []).map((_, j) => m.map((row) => row[j]!));

/**
 * The narrow-screen variant: x and y swapped (the longer list of categories down the side, where long
 * names read horizontally), names without their parenthesised qualification on the axes (in full in the hover).
 */
function transposed(
  trace: Record<string, unknown>,
  layout: Record<string, unknown>,
  opts: HeatmapOptions,
): { data: Record<string, unknown>[]; layout: Record<string, unknown> } {
  const xs = trace["x"] as string[];
  const ys = trace["y"] as string[];
  const full = trace["text"] as string[][];
  const names = xs.map((x, j) => ys.map((y, i) => [y, x, full[i]![j]!]));
  return {
    data: [
      {
        ...trace,
        x: ys.map(bare),
        y: xs.map(bare),
        z: flip(trace["z"] as (number | null)[][]),
        // one decimal less room: at most one decimal in the cells (the hover keeps them all)
        text: flip(trace["text"] as string[][]).map((row) => row.map((t) => (t === "" ? t : Number(t).toFixed(Math.min(1, opts.decimals ?? 2))))),
        customdata: names,
        textfont: { size: 10 },
        hovertemplate: `%{customdata[0]}<br>%{customdata[1]}<br>${opts.colorbarTitle ?? opts.z}: %{customdata[2]}${opts.zUnit ? ` ${opts.zUnit}` : ""}<extra></extra>`,
        colorbar: { ...(trace["colorbar"] as object), thickness: 10 },
      },
    ],
    layout: {
      ...layout,
      height: 160 + 26 * xs.length,
      xaxis: axis(opts.yTitle ?? opts.y, undefined, { ticks: "", tickangle: -90 }),
      yaxis: axis(opts.xTitle ?? opts.x, undefined, { ticks: "", autorange: "reversed" }),
    },
  };
}
