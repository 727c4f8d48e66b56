/**
 * Deterministic placement of scatter point labels. Each label gets one of
 * plotly's eight `textposition`s, chosen greedily (most crowded points first)
 * to minimise the overlap of label boxes with each other and with markers.
 * Boxes are estimated in the plot area's pixel space from per-character
 * widths, with plotly's own offsets (`Drawing.textPointPosition`: a marker
 * of size s pushes text s/1.6 + 1 px away). Axis ranges are then padded so
 * labels at the edges stay inside the plot area. Linear and log x axes.
 */
import { FONT_SIZE } from "./common";

export type TextPosition =
  "top center" | "bottom center" | "middle right" | "middle left" | "top right" | "top left" | "bottom right" | "bottom left";

/** The candidates, in order of preference when several are equally free. */
export const TEXT_POSITIONS: readonly TextPosition[] = [
  "top center",
  "middle right",
  "bottom center",
  "middle left",
  "top right",
  "top left",
  "bottom right",
  "bottom left",
];

/** A box in pixels, y growing downwards (as on screen). */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const NARROW = new Set("iljI.,:;'|!`".split(""));
const SEMI = new Set("frt-/()[] ".split(""));
const WIDE = new Set("mwMWÆæ".split(""));

/**
 * Estimated width in px of `text` in a sans-serif font (Open Sans / Arial metrics, rounded up).
 * @example
 * textWidth("Hamar", 12); // 5 characters ≈ 38 px
 */
export function textWidth(text: string, fontSize: number = FONT_SIZE): number {
  let em = 0;
  for (const ch of text) {
    if (NARROW.has(ch)) em += 0.3;
    else if (SEMI.has(ch)) em += 0.38;
    else if (WIDE.has(ch)) em += 0.9;
    else if (/[0-9]/.test(ch)) em += 0.58;
    else if (ch !== ch.toLowerCase()) em += 0.7;
    else em += 0.58;
  }
  return em * fontSize;
}

export interface LabelStyle {
  fontSize?: number;
  /** Marker diameter in px (plotly `marker.size`). */
  markerSize?: number;
}

/**
 * The box of a label drawn at pixel (px, py) with the given textposition, as plotly draws it.
 * @example
 * labelBox(100, 100, "ab", "middle right", { fontSize: 10, markerSize: 8 }); // { x0: 106, y0: 95, x1: 117.6, y1: 105 }
 */
export function labelBox(px: number, py: number, text: string, pos: TextPosition, style: LabelStyle = {}): Box {
  const f = style.fontSize ?? FONT_SIZE;
  const r = (style.markerSize ?? 8) / 2 / 0.8 + 1;
  const w = textWidth(text, f);
  const [v, h] = pos.split(" ") as [string, string];
  const x0 = h === "right" ? px + r : h === "left" ? px - r - w : px - w / 2;
  const y0 = v === "top" ? py - r - f : v === "bottom" ? py + r : py - f / 2;
  return { x0, y0, x1: x0 + w, y1: y0 + f };
}

/**
 * Overlap area of two boxes (0 when they only touch).
 * @example
 * overlapArea({ x0: 0, y0: 0, x1: 2, y1: 2 }, { x0: 1, y0: 1, x1: 3, y1: 3 }); // 1
 */
export function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return w > 0 && h > 0 ? w * h : 0;
}

export interface LabelFrame {
  /** Plot area size in px. */
  width: number;
  height: number;
  /** Axis ranges in axis units (log10 of the data for a log axis, as plotly's `range`). */
  xRange: [number, number];
  yRange: [number, number];
  xLog?: boolean;
}

/** Pixel position of a data point inside the plot area (y downwards). */
function toPixel(x: number, y: number, fr: LabelFrame): [number, number] {
  const ax = fr.xLog ? Math.log10(x) : x;
  return [
    ((ax - fr.xRange[0]) / (fr.xRange[1] - fr.xRange[0])) * fr.width,
    fr.height - ((y - fr.yRange[0]) / (fr.yRange[1] - fr.yRange[0])) * fr.height,
  ];
}

/**
 * The boxes (px) of the markers of `points` drawn in `frame`, each `size` px wide.
 * @example
 * markerBoxes([{ x: 0, y: 0, text: "A" }], { width: 100, height: 100, xRange: [-1, 1], yRange: [-1, 1] }, 10);
 * // [{ x0: 45, y0: 45, x1: 55, y1: 55 }]
 */
export function markerBoxes(points: readonly { x: number; y: number }[], frame: LabelFrame, size: number): Box[] {
  return points.map((p) => {
    const [x, y] = toPixel(p.x, p.y, frame);
    return { x0: x - size / 2, y0: y - size / 2, x1: x + size / 2, y1: y + size / 2 };
  });
}

/** Lines across the plot that labels should keep off (e.g. the axes through 0 of a quadrant plot), in data units. */
export interface Guides {
  vLines?: readonly number[];
  hLines?: readonly number[];
}

export interface LabelPoint {
  x: number;
  y: number;
  text: string;
  /** Ends of the point's error bars, if drawn (labels keep off them). */
  yLow?: number | null;
  yHigh?: number | null;
  xLow?: number | null;
  xHigh?: number | null;
}

/** Boxes (px) covered by a point's error bars: the bar and its caps (plotly's default cap half-width 4 px, +1). */
function errorBarBoxes(p: LabelPoint, fr: LabelFrame): Box[] {
  const out: Box[] = [];
  const [px, py] = toPixel(p.x, p.y, fr);
  if (p.yLow != null || p.yHigh != null) {
    const lo = toPixel(p.x, p.yLow ?? p.y, fr)[1];
    const hi = toPixel(p.x, p.yHigh ?? p.y, fr)[1];
    out.push({ x0: px - 5, x1: px + 5, y0: Math.min(lo, hi), y1: Math.max(lo, hi) });
  }
  if (p.xLow != null || p.xHigh != null) {
    const lo = toPixel(p.xLow ?? p.x, p.y, fr)[0];
    const hi = toPixel(p.xHigh ?? p.x, p.y, fr)[0];
    out.push({ x0: Math.min(lo, hi), x1: Math.max(lo, hi), y0: py - 5, y1: py + 5 });
  }
  return out;
}

/** Distance (px) from a point to a box (0 inside). */
function distance(x: number, y: number, b: Box): number {
  return Math.hypot(Math.max(b.x0 - x, 0, x - b.x1), Math.max(b.y0 - y, 0, y - b.y1));
}

/**
 * Greedy label placement in a fixed frame. Costs, in order of weight: overlap with labels
 * already placed, with other markers, a label nearer another point than its own, overlap
 * with error bars and guide lines, area outside the plot, then the candidates' order. Returns one textposition and box per point.
 * @example
 * placeLabels([{ x: 0, y: 0, text: "A" }, { x: 0, y: 0, text: "B" }], { width: 400, height: 300, xRange: [-1, 1], yRange: [-1, 1] })
 *   .positions; // ["top center", "middle right"]: the second label avoids the first
 */
export function placeLabels(
  points: readonly LabelPoint[],
  frame: LabelFrame,
  style: LabelStyle & Guides = {},
): { positions: TextPosition[]; boxes: Box[] } {
  const px = points.map((p) => toPixel(p.x, p.y, frame));
  const r = (style.markerSize ?? 8) / 2;
  const markers: Box[] = px.map(([x, y]) => ({ x0: x - r, y0: y - r, x1: x + r, y1: y + r }));
  const bars = points.flatMap((p) => errorBarBoxes(p, frame));
  const anyX = frame.xLog ? 1 : 0;
  for (const v of style.vLines ?? []) {
    const at = toPixel(v, 0, frame)[0]; // NaN for v ≤ 0 on a log axis: skipped
    if (at >= 0 && at <= frame.width) bars.push({ x0: at - 1.5, x1: at + 1.5, y0: 0, y1: frame.height });
  }
  for (const h of style.hLines ?? []) {
    const at = toPixel(anyX, h, frame)[1];
    if (at >= 0 && at <= frame.height) bars.push({ x0: 0, x1: frame.width, y0: at - 1.5, y1: at + 1.5 });
  }
  const crowd = px.map(([x, y]) => px.filter(([u, v]) => Math.hypot(u - x, v - y) < 80).length);
  const order = points.map((_, i) => i).sort((a, b) => crowd[b]! - crowd[a]! || a - b);
  const positions: TextPosition[] = points.map(() => "top center");
  const boxes: Box[] = points.map(() => ({ x0: 0, y0: 0, x1: 0, y1: 0 }));
  const placed: Box[] = [];
  const area: Box = { x0: 0, y0: 0, x1: frame.width, y1: frame.height };
  for (const i of order) {
    let best = Infinity;
    TEXT_POSITIONS.forEach((pos, rank) => {
      const b = labelBox(px[i]![0], px[i]![1], points[i]!.text, pos, style);
      const inside = overlapArea(b, area);
      // outside the plot is cheap: fitLabels widens the ranges to make room
      let cost = 0.5 * ((b.x1 - b.x0) * (b.y1 - b.y0) - inside) + rank;
      for (const q of placed) cost += 1000 * overlapArea(b, q);
      markers.forEach((m, k) => k !== i && (cost += 100 * overlapArea(b, m)));
      for (const e of bars) cost += 30 * overlapArea(b, e);
      // ambiguous: another point is at least as close to the label as its own point
      const own = distance(px[i]![0], px[i]![1], b);
      if (px.some(([x, y], k) => k !== i && distance(x, y, b) <= own + 1)) cost += 400;
      if (cost < best) {
        best = cost;
        positions[i] = pos;
        boxes[i] = b;
      }
    });
    placed.push(boxes[i]!);
  }
  return { positions, boxes };
}

export interface FitOptions extends LabelStyle, Guides {
  width: number;
  height: number;
  xLog?: boolean;
  /** Extra px kept free between the outermost label and the plot edge (default 6). */
  pad?: number;
  /** Further values the ranges must include (e.g. the ends of error bars), in data units. */
  alsoX?: readonly number[];
  alsoY?: readonly number[];
}

function span(lo: number, hi: number): [number, number] {
  if (hi > lo) return [lo, hi];
  const d = lo === 0 ? 1 : Math.abs(lo) * 0.1;
  return [lo - d, hi + d];
}

/**
 * Place the labels and pad the axis ranges so every label box lies inside the plot area:
 * alternately place, measure how far boxes reach past each edge, and widen the range by that much.
 * @returns the ranges in axis units (log10 for a log x axis) and the final placement.
 * @example
 * const fit = fitLabels([{ x: 1, y: 1, text: "Stor-Elvdal/Rendalen" }, { x: 2, y: 2, text: "Hamar" }], { width: 600, height: 300 });
 * fit.xRange; // wider than [1, 2] on both sides
 */
export function fitLabels(
  points: readonly LabelPoint[],
  opts: FitOptions,
): { xRange: [number, number]; yRange: [number, number]; positions: TextPosition[]; boxes: Box[] } {
  const ax = [...points.map((p) => p.x), ...(opts.alsoX ?? [])].map((x) => (opts.xLog ? Math.log10(x) : x));
  const ay = [...points.map((p) => p.y), ...(opts.alsoY ?? [])];
  const [x0, x1] = span(Math.min(...ax), Math.max(...ax));
  const [y0, y1] = span(Math.min(...ay), Math.max(...ay));
  const pad = opts.pad ?? 6;
  const r = (opts.markerSize ?? 8) / 2 + 1;
  let over = { l: r, r: r, t: r, b: r };
  let frame: LabelFrame = { width: opts.width, height: opts.height, xRange: [x0, x1], yRange: [y0, y1], xLog: opts.xLog };
  let result = placeLabels(points, frame, opts);
  for (let iter = 0; iter < 6; iter++) {
    // px between the data extent and the plot edge needed on each side; never more than 45 % of the plot
    const w = opts.width;
    const h = opts.height;
    const cap = (v: number, size: number): number => Math.min(Math.max(v, r) + pad, size * 0.45);
    const dataPx = toPixelExtent(frame);
    const need = {
      l: cap(dataPx.l - Math.min(...result.boxes.map((b) => b.x0)), w),
      r: cap(Math.max(...result.boxes.map((b) => b.x1)) - dataPx.r, w),
      t: cap(dataPx.t - Math.min(...result.boxes.map((b) => b.y0)), h),
      b: cap(Math.max(...result.boxes.map((b) => b.y1)) - dataPx.b, h),
    };
    const same = Math.abs(need.l - over.l) + Math.abs(need.r - over.r) + Math.abs(need.t - over.t) + Math.abs(need.b - over.b) < 1;
    over = need;
    const ux = (x1 - x0) / (w - need.l - need.r);
    const uy = (y1 - y0) / (h - need.t - need.b);
    frame = { ...frame, xRange: [x0 - need.l * ux, x1 + need.r * ux], yRange: [y0 - need.b * uy, y1 + need.t * uy] };
    result = placeLabels(points, frame, opts);
    if (same) break;
  }
  return { xRange: frame.xRange, yRange: frame.yRange, ...result };

  function toPixelExtent(fr: LabelFrame): { l: number; r: number; t: number; b: number } {
    const [l, b] = [
      ((x0 - fr.xRange[0]) / (fr.xRange[1] - fr.xRange[0])) * fr.width,
      fr.height - ((y0 - fr.yRange[0]) / (fr.yRange[1] - fr.yRange[0])) * fr.height,
    ];
    const [rr, t] = [
      ((x1 - fr.xRange[0]) / (fr.xRange[1] - fr.xRange[0])) * fr.width,
      fr.height - ((y1 - fr.yRange[0]) / (fr.yRange[1] - fr.yRange[0])) * fr.height,
    ];
    return { l, r: rr, t, b };
  }
}
