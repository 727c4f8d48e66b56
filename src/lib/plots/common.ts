/**
 * Shared pieces of the plot builders: the figure type, the typed error, column
 * access with checks, and axis titles with units.
 */
import * as pl from "nodejs-polars";

/** A plotly figure as plain data: what `Plotly.newPlot` takes. */
export interface PlotlyFigure {
  data: Record<string, unknown>[];
  layout: Record<string, unknown>;
  /**
   * The figure for a container narrower than `layout.width` (or 600 px): figureHtml draws it instead
   * (e.g. a scatter's labels placed for a phone). `data` defaults to the wide figure's.
   */
  narrow?: {
    data?: Record<string, unknown>[];
    /** Instead of `data`: properties to change in some traces (by index), e.g. a map's label sizes. */
    patch?: Record<number, Record<string, unknown>>;
    layout: Record<string, unknown>;
  };
}

/** A plot builder got input it cannot draw faithfully (missing column, wrong type, value off the scale …). */
export class PlotInputError extends Error {
  constructor(fn: string, message: string) {
    super(`${fn}: ${message}`);
    this.name = "PlotInputError";
  }
}

/**
 * The values of one column as a JS array.
 * @throws PlotInputError naming the function and the columns present when `name` is absent.
 * @example
 * column("barFigure", pl.DataFrame({ a: [1] }), "a"); // [1]
 */
export function column(fn: string, df: pl.DataFrame, name: string): unknown[] {
  if (!df.columns.includes(name)) throw new PlotInputError(fn, `column '${name}' not found (columns: ${df.columns.join(", ")})`);
  return df.getColumn(name).toArray() as unknown[];
}

/**
 * A numeric column with nulls kept as `null` (never filled). NaN counts as missing.
 * @throws PlotInputError when a value is neither a finite number nor null.
 * @example
 * numericColumn("scatterFigure", pl.DataFrame({ v: [1, null] }), "v"); // [1, null]
 */
export function numericColumn(fn: string, df: pl.DataFrame, name: string): (number | null)[] {
  return column(fn, df, name).map((v, i) => {
    if (v === null || v === undefined) return null;
    const n = typeof v === "bigint" ? Number(v) : v;
    if (typeof n !== "number") throw new PlotInputError(fn, `column '${name}' must be numeric (row ${i + 1}: ${String(v)})`);
    if (Number.isNaN(n)) return null;
    if (!Number.isFinite(n)) throw new PlotInputError(fn, `column '${name}' has a non-finite value at row ${i + 1}`);
    return n;
  });
}

/**
 * An axis title with its unit in parentheses, unless the unit is already part of the title.
 * @example
 * axisTitle("population change", "%"); // "population change (%)"
 * axisTitle("residents, 1 Jan 2007"); // "residents, 1 Jan 2007"
 */
export function axisTitle(title: string, unit?: string): string {
  if (!unit || title.includes(`(${unit})`)) return title;
  return `${title} (${unit})`;
}

/** Font size (px) used by every builder for tick labels and point labels. */
export const FONT_SIZE = 12;

/**
 * The layout parts every figure shares: title, font, white background, margins that grow to fit labels,
 * and the source line under the title ("Source: …", the data the figure draws).
 * @example
 * baseLayout("Population 2007").title; // { text: "Population 2007", … }
 * baseLayout("Population 2007", "SSB, table 07459").title.subtitle.text; // "Source: SSB, table 07459"
 */
export function baseLayout(title: string, source?: string): Record<string, unknown> {
  return {
    title: {
      text: title,
      xref: "paper",
      x: 0,
      xanchor: "left",
      font: { size: 15 },
      ...(source ? { subtitle: sourceLine(source) } : {}),
    },
    font: { size: FONT_SIZE, family: "Open Sans, Arial, sans-serif" },
    paper_bgcolor: "#ffffff",
    plot_bgcolor: "#ffffff",
    margin: { t: source ? 80 : 60, r: 20, b: 60, l: 70 },
    hoverlabel: { namelength: -1 },
  };
}

/**
 * The source line of a figure, as a plotly title subtitle: "Source: " and the source.
 * @example
 * sourceLine("the report, Figur 3.6").text; // "Source: the report, Figur 3.6"
 */
export function sourceLine(source: string): Record<string, unknown> {
  return { text: `Source: ${source}`, font: { size: 11, color: "#555555" } };
}

/**
 * Decimals to show a column's values with in hover text: as many as the values carry, at most `max`.
 * @example
 * hoverDecimals([3.1, 12.7]); // 1
 * hoverDecimals([4.491199]); // 2
 * hoverDecimals([5216, 4946]); // 0
 */
export function hoverDecimals(values: readonly (number | null)[], max = 2): number {
  let d = 0;
  for (const v of values) {
    if (v === null || Number.isInteger(v)) continue;
    const f = /\.(\d+)/.exec(String(v));
    d = Math.max(d, Math.min(max, f ? f[1]!.length : max));
    if (d === max) break;
  }
  return d;
}

/**
 * A hovertemplate number: the variable with thousands separators and fixed decimals.
 * @example
 * hoverNumber("y", 1); // "%{y:,.1f}"
 */
export function hoverNumber(variable: string, decimals: number): string {
  return `%{${variable}:,.${decimals}f}`;
}

/**
 * A cartesian axis with a title, grid and automargin (tick labels never cut). The title stands off the tick
 * labels by a set distance: with automargin, plotly then places it beyond the longest label (an upright
 * category label included) instead of among them.
 * @example
 * axis("job change", "%").title; // { text: "job change (%)", standoff: 10 }
 */
export function axis(title: string, unit?: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { title: { text: axisTitle(title, unit), standoff: 10 }, automargin: true, gridcolor: "#e5e5e5", linecolor: "#444444", ticks: "outside", ...extra };
}
