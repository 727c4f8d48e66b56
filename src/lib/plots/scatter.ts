/**
 * A labelled scatter: one trace per group in the shared palette, labels placed
 * so they do not overlap (labels.ts), axis ranges padded so edge labels are not
 * cut, optional error bars for printed ranges, linear or log x axis.
 */
import * as pl from "nodejs-polars";
import { axis, baseLayout, column, FONT_SIZE, hoverDecimals, hoverNumber, numericColumn, PlotInputError, type PlotlyFigure } from "./common";
import { fitLabels, markerBoxes, overlapArea, type Box } from "./labels";
import { logTicks } from "./logTicks";
import { colourMap, displayName } from "./palette";

export interface ScatterOptions {
  x: string;
  y: string;
  /** Column with point labels. */
  label: string;
  /** Column whose values split the points into traces (e.g. region type); colours from the shared palette. */
  group: string;
  title: string;
  /** Axis titles; give the unit with `xUnit` / `yUnit` or inside the title. */
  xTitle?: string;
  yTitle?: string;
  xUnit?: string;
  yUnit?: string;
  /** Draw axes through 0 (quadrants). */
  quadrants?: boolean;
  /** Log x axis (every x must be > 0). */
  xLog?: boolean;
  /** Columns with the lower and upper end of a range around y (e.g. a printed range); drawn as error bars. */
  yError?: { low: string; high: string };
  xError?: { low: string; high: string };
  /** Colours fixed by the caller for some groups. */
  colours?: Record<string, string>;
  /** Display names for groups in the legend. */
  groupLabels?: Record<string, string>;
  /** The data's source, shown under the title ("Source: …"). */
  source?: string;
  /** Decimals of x and y in the hover text (default: as many as the values carry, at most 2). */
  xDecimals?: number;
  yDecimals?: number;
  /** Figure size in px (default 760 × 450); fixed in the layout, since label placement is computed for it. */
  width?: number;
  height?: number;
}

const MARKER = 9;
const MARGIN = { t: 80, r: 30, b: 60, l: 70 };

function errorBars(fn: string, df: pl.DataFrame, centre: (number | null)[], spec: { low: string; high: string } | undefined, idx: number[]) {
  if (!spec) return undefined;
  const lo = numericColumn(fn, df, spec.low);
  const hi = numericColumn(fn, df, spec.high);
  const plus = idx.map((i) => (hi[i] === null ? null : hi[i]! - centre[i]!));
  const minus = idx.map((i) => (lo[i] === null ? null : centre[i]! - lo[i]!));
  if ([...plus, ...minus].some((v) => v !== null && v < -1e-9)) {
    throw new PlotInputError(fn, `range [${spec.low}, ${spec.high}] must contain the point`);
  }
  return { type: "data", symmetric: false, array: plus, arrayminus: minus, color: "#555555", thickness: 1.2, width: 4 };
}

/**
 * A labelled scatter, one trace per group; rows with a null x or y are left out.
 * Labels get non-overlapping positions; axis ranges leave room for them.
 * @example
 * scatterFigure(df, {
 *   x: "population_change_pct", y: "job_change_pct", label: "region", group: "region_type",
 *   title: "Population vs jobs", xTitle: "population change", xUnit: "%", yTitle: "job change", yUnit: "%",
 *   quadrants: true, yError: { low: "job_change_low", high: "job_change_high" },
 * });
 */
export function scatterFigure(df: pl.DataFrame, opts: ScatterOptions): PlotlyFigure {
  const wide = drawScatter(df, opts, opts.width ?? 760, false);
  // phones and narrow columns: labels placed for a 340 px figure, the width left to the container; only the
  // labels that cover no other point are kept (the rest are in the hover text), and the ranges fit those
  const narrow = drawScatter(df, opts, NARROW, true);
  delete narrow.layout["width"];
  return { ...wide, narrow };
}

/** Width (px) the narrow variant's labels are placed for. */
const NARROW = 340;
/** On a phone a label keeps this many px off every other point's marker (the drawn width differs a little from NARROW). */
const PHONE_CLEARANCE = 3;

/**
 * Labels that would overlap a label kept before them are left to the hover text; with `markers` (a phone),
 * so are labels that would cover another point's marker.
 */
function thin(boxes: readonly Box[], texts: readonly string[], markers?: readonly Box[]): boolean[] {
  const kept: Box[] = [];
  return boxes.map((b, i) => {
    if (texts[i] === "") return false;
    const free = kept.every((k) => overlapArea(k, b) < 1) && (markers ?? []).every((m, k) => k === i || overlapArea(m, b) === 0);
    if (free) kept.push(b);
    return free;
  });
}

function drawScatter(df: pl.DataFrame, opts: ScatterOptions, width: number, phone: boolean): PlotlyFigure {
  const fn = "scatterFigure";
  const xs = numericColumn(fn, df, opts.x);
  const ys = numericColumn(fn, df, opts.y);
  const labels = column(fn, df, opts.label).map((v) => (v === null ? "" : String(v)));
  const groups = column(fn, df, opts.group).map(String);
  const rows = xs.map((_, i) => i).filter((i) => xs[i] !== null && ys[i] !== null);
  if (opts.xLog) {
    const bad = rows.find((i) => xs[i]! <= 0);
    if (bad !== undefined) throw new PlotInputError(fn, `a log x axis needs x > 0 ('${labels[bad]}' has ${opts.x} = ${xs[bad]})`);
  }
  const margin = { ...MARGIN, t: MARGIN.t + (opts.source ? 20 : 0) };
  const height = opts.height ?? 450;
  const layout: Record<string, unknown> = {
    ...baseLayout(opts.title, opts.source),
    margin,
    width,
    height,
    legend: { orientation: "h", x: 0, y: 1, yanchor: "bottom" },
    hovermode: "closest",
  };
  const colours = colourMap(
    rows.map((i) => groups[i]!),
    { colours: opts.colours },
  );
  const ends = (spec: { low: string; high: string } | undefined): number[] =>
    spec ? [spec.low, spec.high].flatMap((c) => numericColumn(fn, df, c).filter((v, i): v is number => v !== null && rows.includes(i))) : [];
  const yLo = opts.yError ? numericColumn(fn, df, opts.yError.low) : undefined;
  const yHi = opts.yError ? numericColumn(fn, df, opts.yError.high) : undefined;
  const xLo = opts.xError ? numericColumn(fn, df, opts.xError.low) : undefined;
  const xHi = opts.xError ? numericColumn(fn, df, opts.xError.high) : undefined;
  const bounds = (i: number) => ({ yLow: yLo?.[i], yHigh: yHi?.[i], xLow: xLo?.[i], xHigh: xHi?.[i] });
  const plotW = width - margin.l - margin.r;
  const plotH = height - margin.t - margin.b;
  const points = (texts: readonly string[]) => rows.map((i, k) => ({ x: xs[i]!, y: ys[i]!, text: texts[k]!, ...bounds(i) }));
  const fitFor = (texts: readonly string[]) =>
    fitLabels(points(texts), {
      width: plotW,
      height: plotH,
      xLog: opts.xLog,
      fontSize: FONT_SIZE - 1,
      markerSize: MARKER,
      alsoX: ends(opts.xError),
      alsoY: ends(opts.yError),
      ...(opts.quadrants ? { vLines: [0], hLines: [0] } : {}),
    });
  const markersOf = (f: ReturnType<typeof fitFor>) =>
    phone ? markerBoxes(points([]), { width: plotW, height: plotH, xRange: f.xRange, yRange: f.yRange, xLog: opts.xLog }, MARKER + 2 * PHONE_CLEARANCE) : undefined;
  let texts = rows.map((i) => labels[i]!);
  let fit = rows.length > 0 ? fitFor(texts) : undefined;
  let shown = fit ? thin(fit.boxes, texts, markersOf(fit)) : [];
  // a phone: place again with the kept labels only (dropped ones leave no room behind), until nothing more drops
  for (let round = 0; phone && fit && round < 3 && shown.some((v, k) => !v && texts[k] !== ""); round++) {
    texts = texts.map((t, k) => (shown[k] ? t : ""));
    fit = fitFor(texts);
    shown = thin(fit.boxes, texts, markersOf(fit));
  }
  const xFmt = hoverNumber("x", opts.xDecimals ?? hoverDecimals(rows.map((i) => xs[i]!)));
  const yFmt = hoverNumber("y", opts.yDecimals ?? hoverDecimals(rows.map((i) => ys[i]!)));
  const posOf = new Map(rows.map((i, k) => [i, fit!.positions[k]!]));
  const labelOf = new Map(rows.map((i, k) => [i, shown[k] ? labels[i]! : ""]));
  const data = [...new Set(rows.map((i) => groups[i]!))].map((g) => {
    const idx = rows.filter((i) => groups[i] === g);
    const trace: Record<string, unknown> = {
      type: "scatter",
      mode: "markers+text",
      name: displayName(g, opts.groupLabels),
      x: idx.map((i) => xs[i]),
      y: idx.map((i) => ys[i]),
      text: idx.map((i) => labelOf.get(i)),
      customdata: idx.map((i) => labels[i]),
      textposition: idx.map((i) => posOf.get(i)),
      // a white halo keeps a label readable where it crosses a line or another trace's marker
      textfont: { size: FONT_SIZE - 1, color: "#222222", shadow: "0 0 2px #ffffff, 0 0 2px #ffffff, 0 0 3px #ffffff" },
      marker: { size: MARKER, color: colours[g], line: { width: 1, color: "#ffffff" } },
      cliponaxis: false,
      hovertemplate: `%{customdata}<br>${opts.xTitle ?? opts.x}: ${xFmt}${opts.xUnit ? " " + opts.xUnit : ""}<br>${opts.yTitle ?? opts.y}: ${yFmt}${opts.yUnit ? " " + opts.yUnit : ""}<extra>${displayName(g, opts.groupLabels)}</extra>`,
    };
    const ey = errorBars(fn, df, ys, opts.yError, idx);
    const ex = errorBars(fn, df, xs, opts.xError, idx);
    if (ey) trace["error_y"] = ey;
    if (ex) trace["error_x"] = ex;
    return trace;
  });
  const extra = (range: [number, number] | undefined) => ({
    zeroline: opts.quadrants ?? false,
    zerolinewidth: 1.5,
    zerolinecolor: "#444444",
    ...(range ? { range } : {}),
  });
  // a log axis labels every tick with its whole value, as many as fit (logTicks.ts)
  const logAxis = opts.xLog && fit ? { type: "log", tickmode: "array", ...logTicks(fit.xRange, plotW) } : opts.xLog ? { type: "log" } : {};
  layout["xaxis"] = axis(opts.xTitle ?? opts.x, opts.xUnit, { ...extra(fit?.xRange), ...logAxis });
  layout["yaxis"] = axis(opts.yTitle ?? opts.y, opts.yUnit, extra(fit?.yRange));
  return { data, layout };
}
