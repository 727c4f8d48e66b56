/**
 * A line chart as a plotly figure object: one line per group over a numeric x (e.g. years),
 * optionally with a shaded x interval (e.g. the report's period) and a horizontal reference
 * line (e.g. index = 100). Pure: frame in, figure out (display with figureHtml / nb.figure).
 */
import type * as pl from "nodejs-polars";
import { IndicatorInputError } from "../data/errors";
import type { PlotlyFigure } from "./plotly";

export interface LineOptions {
  /** Numeric x column (e.g. `year`). */
  x: string;
  /** Numeric y column (e.g. `index`). */
  y: string;
  /** Column whose values become the lines (e.g. `region`). */
  group: string;
  title: string;
  xTitle?: string;
  yTitle?: string;
  /** Shade x0 ≤ x ≤ x1 (e.g. the report's period [1998, 2008]). */
  band?: readonly [number, number];
  /** Label written above the shaded interval. */
  bandLabel?: string;
  /** Column naming each line's legend group (e.g. `region_type`); lines of a group toggle together. */
  legendGroup?: string;
  /** Dash style per legend group value, e.g. { small_town: "dot" } (default solid). */
  dash?: Record<string, string>;
  /** A horizontal reference line at this y (e.g. 100 for an index). */
  reference?: number;
}

function values(df: pl.DataFrame, name: string): unknown[] {
  if (!df.columns.includes(name)) throw new IndicatorInputError("lineFigure", `column '${name}' not found (columns: ${df.columns.join(", ")})`);
  return df.getColumn(name).toArray() as unknown[];
}

/**
 * One line per `group` value (groups in order of first appearance, points sorted by x; rows
 * with a null y are gaps).
 * @throws IndicatorInputError for a missing column, a non-numeric x, a group repeating an x, or a band with x0 ≥ x1
 * @example
 * lineFigure(indexed, { x: "year", y: "index", group: "region", title: "Population, 1998 = 100", band: [1998, 2008], reference: 100 });
 * // data: one { type: "scatter", mode: "lines", name: region, x: years, y: index } per region;
 * // layout.shapes: the shaded band and the line at 100
 */
export function lineFigure(df: pl.DataFrame, opts: LineOptions): PlotlyFigure {
  const xs = values(df, opts.x);
  const ys = values(df, opts.y) as (number | null)[];
  const groups = values(df, opts.group).map(String);
  const legend = opts.legendGroup ? values(df, opts.legendGroup).map(String) : null;
  if (xs.some((v) => typeof v !== "number" || !Number.isFinite(v)))
    throw new IndicatorInputError("lineFigure", `column '${opts.x}' must hold finite numbers`);
  if (opts.band && !(opts.band[0] < opts.band[1]))
    throw new IndicatorInputError("lineFigure", `band must be [x0, x1] with x0 < x1, got [${opts.band.join(", ")}]`);
  const data = [...new Set(groups)].map((g) => {
    const idx = groups.map((v, i) => (v === g ? i : -1)).filter((i) => i >= 0);
    idx.sort((a, b) => (xs[a] as number) - (xs[b] as number));
    const x = idx.map((i) => xs[i] as number);
    const repeated = x.find((v, k) => k > 0 && v === x[k - 1]);
    if (repeated !== undefined) throw new IndicatorInputError("lineFigure", `group '${g}' has two rows at ${opts.x} = ${repeated}`);
    const lg = legend ? legend[idx[0]!]! : null;
    return {
      type: "scatter",
      mode: "lines",
      name: g,
      x,
      y: idx.map((i) => ys[i] ?? null),
      ...(lg !== null ? { legendgroup: lg, legendgrouptitle: { text: lg } } : {}),
      ...(lg !== null && opts.dash?.[lg] ? { line: { dash: opts.dash[lg] } } : {}),
    };
  });
  const shapes: Record<string, unknown>[] = [];
  const annotations: Record<string, unknown>[] = [];
  if (opts.band) {
    const [x0, x1] = opts.band;
    shapes.push({
      type: "rect",
      xref: "x",
      yref: "paper",
      x0,
      x1,
      y0: 0,
      y1: 1,
      fillcolor: "rgba(120, 120, 120, 0.15)",
      line: { width: 0 },
      layer: "below",
    });
    if (opts.bandLabel)
      annotations.push({ x: (x0 + x1) / 2, xref: "x", y: 1, yref: "paper", yanchor: "bottom", text: opts.bandLabel, showarrow: false });
  }
  if (opts.reference !== undefined) {
    shapes.push({
      type: "line",
      xref: "paper",
      yref: "y",
      x0: 0,
      x1: 1,
      y0: opts.reference,
      y1: opts.reference,
      line: { dash: "dash", width: 1, color: "grey" },
    });
  }
  return {
    data,
    layout: {
      title: { text: opts.title },
      xaxis: { title: { text: opts.xTitle ?? opts.x } },
      yaxis: { title: { text: opts.yTitle ?? opts.y } },
      ...(shapes.length ? { shapes } : {}),
      ...(annotations.length ? { annotations } : {}),
      legend: { orientation: "v" },
    },
  };
}
