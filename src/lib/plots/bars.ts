/**
 * Bar charts: stacked (parts of a whole per category, optionally coloured by family with a
 * pattern each) and plain or grouped, with an optional reference line. Every axis has a
 * title, hover values are rounded and carry the unit, and the source goes under the title.
 */
import * as pl from "nodejs-polars";
import { axis, baseLayout, column, hoverDecimals, hoverNumber, numericColumn, type PlotlyFigure } from "./common";
import { colourMap, displayName, familyStyles, readableText, REGION_TYPE_COLOURS } from "./palette";

export interface StackedBarOptions {
  /** Category on the x axis (e.g. region). */
  x: string;
  /** Column whose values become the stacked series (e.g. sector); colours from the shared palette. */
  stack: string;
  value: string;
  title: string;
  /** Title of the category axis (e.g. "region"). */
  xTitle?: string;
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
  /**
   * Column grouping the stack values into families (e.g. a sector's group): a hue per family,
   * shades within it and a fill pattern per member (palette.ts familyStyles) instead of one colour each.
   */
  family?: string;
  /** The data's source, shown under the title ("Source: …"). */
  source?: string;
  /** Decimals of the hover values (default: as many as the values carry, at most 2). */
  decimals?: number;
}

/**
 * A stacked bar chart, one trace per `stack` value in the order they first appear,
 * each with its own distinct colour (region types in their fixed colours) or, with
 * `family`, its family's hue and a pattern; the legend lists the stack top-down as drawn.
 * @example
 * stackedBarFigure(shares, { x: "region", stack: "sector", family: "group", value: "share", xTitle: "area",
 *   yTitle: "employment", yUnit: "%", title: "Figur 3.6", source: "the report, Figur 3.6" });
 */
export function stackedBarFigure(df: pl.DataFrame, opts: StackedBarOptions): PlotlyFigure {
  const fn = "stackedBarFigure";
  const xs = column(fn, df, opts.x).map(String);
  const stacks = column(fn, df, opts.stack).map(String);
  const values = numericColumn(fn, df, opts.value);
  const order = opts.xOrder ?? [...new Set(xs)];
  const index = new Map(xs.map((xv, k) => [`${xv}\u0000${stacks[k]}`, values[k] ?? null]));
  const keys = [...new Set(stacks)];
  let styles: Record<string, { colour: string; pattern: string }>;
  if (opts.family) {
    const fams = column(fn, df, opts.family).map(String);
    styles = familyStyles(keys, Object.fromEntries(stacks.map((s, k) => [s, fams[k]!])));
  } else {
    const colours = colourMap(keys, { colours: opts.colours });
    styles = Object.fromEntries(keys.map((k) => [k, { colour: colours[k]!, pattern: "" }]));
  }
  const unit = opts.yUnit ? ` ${opts.yUnit}` : "";
  const y = hoverNumber("y", opts.decimals ?? hoverDecimals(values));
  const data = keys.map((s) => {
    const { colour, pattern } = styles[s]!;
    return {
      type: "bar",
      name: displayName(s, opts.stackLabels),
      x: order.map((xv) => opts.xLabels?.[xv] ?? xv),
      y: order.map((xv) => index.get(`${xv}\u0000${s}`) ?? null),
      marker: {
        color: colour,
        line: { color: "#ffffff", width: 0.5 },
        ...(pattern
          ? { pattern: { shape: pattern, fillmode: "overlay", fgcolor: readableText(colour), fgopacity: 0.5, size: 7, solidity: 0.3 } }
          : {}),
      },
      hovertemplate: `%{x}<br>${displayName(s, opts.stackLabels)}: ${y}${unit}<extra></extra>`,
    };
  });
  return {
    data,
    layout: {
      ...baseLayout(opts.title, opts.source),
      barmode: "stack",
      xaxis: axis(opts.xTitle ?? opts.x, undefined, { ticks: "" }),
      yaxis: axis(opts.yTitle ?? opts.value, opts.yUnit),
      legend: { orientation: "v", traceorder: "reversed" },
    },
  };
}

export interface BarOptions {
  x: string;
  y: string;
  title: string;
  /** Title of the category axis (e.g. "city region"). */
  xTitle?: string;
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
  /** The data's source, shown under the title ("Source: …"). */
  source?: string;
  /** Decimals of the hover values (default: as many as the values carry, at most 2). */
  decimals?: number;
}

/**
 * A bar chart (one trace per group when `group` is given), with an optional horizontal
 * reference line spanning the whole x axis.
 * @example
 * barFigure(df, { x: "area_name", y: "pct", group: "area_level", xTitle: "area", yTitle: "firms", yUnit: "%", title: "Innovation",
 *   groupLabels: { county: "county" }, reference: { value: 23, label: "Norway (23 %)" }, source: "SSB, innovation survey 2006" });
 */
export function barFigure(df: pl.DataFrame, opts: BarOptions): PlotlyFigure {
  const fn = "barFigure";
  const xs = column(fn, df, opts.x).map(String);
  const ys = numericColumn(fn, df, opts.y);
  const groups = opts.group ? column(fn, df, opts.group).map(String) : xs.map(() => opts.y);
  const keys = [...new Set(groups)];
  const colours = colourMap(keys, { colours: opts.colours });
  const unit = opts.yUnit ? ` ${opts.yUnit}` : "";
  const y = hoverNumber("y", opts.decimals ?? hoverDecimals(ys));
  const yName = opts.yTitle ?? opts.y;
  const data: Record<string, unknown>[] = keys.map((g) => {
    const idx = groups.map((v, i) => (v === g ? i : -1)).filter((i) => i >= 0);
    return {
      type: "bar",
      name: displayName(g, opts.groupLabels),
      x: idx.map((i) => opts.xLabels?.[xs[i]!] ?? xs[i]),
      y: idx.map((i) => ys[i]),
      marker: { color: colours[g] },
      hovertemplate: `%{x}<br>${yName}: ${y}${unit}<extra>${opts.group ? displayName(g, opts.groupLabels) : ""}</extra>`,
    };
  });
  const layout: Record<string, unknown> = {
    ...baseLayout(opts.title, opts.source),
    xaxis: axis(opts.xTitle ?? opts.x, undefined, { ticks: "" }),
    yaxis: axis(yName, opts.yUnit),
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
