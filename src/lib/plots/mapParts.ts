/**
 * The drawing shared by the two map kinds of map.ts: municipalities matched
 * to frame rows, polygon traces, group outlines and labels, the marked-set
 * legend entry, hidden equal-scale axes and the attribution.
 */
import * as pl from "nodejs-polars";
import { baseLayout, column, PlotInputError, type PlotlyFigure } from "./common";
import {
  centroid,
  chainSegments,
  groupBoundaries,
  insidePolygon,
  polygonParts,
  type GeoFeature,
  type GeoFeatureCollection,
  type PolygonRings,
} from "./geometry";
import { readableText } from "./palette";
import { overlapArea, textWidth, type Box } from "./labels";

export interface MapOptions {
  /** Frame column with the municipality code (one row per code). */
  key: string;
  /** GeoJSON property holding the same code, e.g. "municipality_code_2008". */
  featureKey: string;
  /** GeoJSON property with the display name (default "name"). */
  nameProperty?: string;
  title: string;
  /** Frame column whose groups (e.g. region) get thick outlines and, with `labelGroups`, a name label. */
  outlineBy?: string;
  /** Width (px) of the `outlineBy` outlines (default 1.8; thinner for many small groups, e.g. Norway's 159 regions). */
  outlineWidth?: number;
  labelGroups?: boolean;
  /** Municipalities drawn hatched with a dark outline, and the legend text saying why. */
  marked?: { codes: readonly string[]; label: string };
  /** Municipalities whose union gets one thick outline (e.g. Innlandet on a map of Norway), with its legend text. */
  highlight?: { codes: readonly string[]; label: string };
  /** Source credit shown under the map, e.g. "© Kartverket". */
  attribution?: string;
  /** The data's source, shown under the title ("Source: …"). */
  source?: string;
  /** Figure height in px (default 600). */
  height?: number;
}

/** Fill of a municipality without a row or value. */
export const NO_DATA = "#EEEEEE";

export interface Drawn {
  code: string;
  name: string;
  parts: PolygonRings[];
  row: number | undefined;
  /** Fill colour, set when drawn. */
  fill?: string;
}

/**
 * Match features to rows (one row per code, every code with a boundary) and find the extent.
 * @example
 * const prep = prepare("valueMapFigure", df, geo, { key: "code", featureKey: "municipality_code_2008", title: "t" });
 */
export function prepare(fn: string, df: pl.DataFrame, geo: GeoFeatureCollection, opts: MapOptions) {
  const codes = column(fn, df, opts.key).map((v) => String(v));
  const rowOf = new Map<string, number>();
  codes.forEach((c, i) => {
    if (rowOf.has(c)) throw new PlotInputError(fn, `column '${opts.key}' repeats code ${c}: one row per municipality expected`);
    rowOf.set(c, i);
  });
  const codeOf = (f: GeoFeature): string => {
    const c = f.properties?.[opts.featureKey];
    if (c === undefined || c === null)
      throw new PlotInputError(fn, `a feature has no property '${opts.featureKey}' (properties: ${Object.keys(f.properties ?? {}).join(", ")})`);
    return String(c);
  };
  const drawn: Drawn[] = geo.features.map((f) => ({
    code: codeOf(f),
    name: String(f.properties?.[opts.nameProperty ?? "name"] ?? codeOf(f)),
    parts: polygonParts(f),
    row: rowOf.get(codeOf(f)),
  }));
  const known = new Set(drawn.map((d) => d.code));
  const stray = codes.filter((c) => !known.has(c));
  if (stray.length)
    throw new PlotInputError(fn, `codes without a boundary in the GeoJSON (property '${opts.featureKey}'): ${stray.slice(0, 5).join(", ")}`);
  const all = drawn.flatMap((d) => d.parts.flatMap((p) => p.flatMap((r) => r)));
  if (all.length === 0) throw new PlotInputError(fn, "the GeoJSON has no polygons");
  const lons = all.map((p) => p[0]);
  const lats = all.map((p) => p[1]);
  const bbox = { lon0: Math.min(...lons), lon1: Math.max(...lons), lat0: Math.min(...lats), lat1: Math.max(...lats) };
  const kx = Math.cos((((bbox.lat0 + bbox.lat1) / 2) * Math.PI) / 180);
  const groups = opts.outlineBy ? column(fn, df, opts.outlineBy).map((v) => (v === null ? null : String(v))) : undefined;
  const groupOfCode = (c: string): string | null => (groups ? (groups[rowOf.get(c) ?? -1] ?? null) : null);
  const marked = new Set(opts.marked?.codes ?? []);
  // marked municipalities last, so their outline is not overdrawn by neighbours
  drawn.sort((a, b) => Number(marked.has(a.code)) - Number(marked.has(b.code)));
  return { drawn, bbox, kx, groupOfCode, marked, codeOf };
}

/** x, y arrays of a polygon's rings, null between rings. */
function ringsXY(p: PolygonRings): { x: (number | null)[]; y: (number | null)[] } {
  const x: (number | null)[] = [];
  const y: (number | null)[] = [];
  p.forEach((ring, k) => {
    if (k > 0) (x.push(null), y.push(null));
    for (const [lon, lat] of ring) (x.push(lon), y.push(lat));
  });
  return { x, y };
}

/**
 * One filled trace per polygon part of a municipality; marked ones hatched with a dark outline.
 * @example
 * data.push(...polygonTraces(prep.drawn[0], "#0072B2", "Hamar (0403)", false, "#FFFFFF"));
 */
export function polygonTraces(d: Drawn, fill: string, hover: string, marked: boolean, border: string, group?: string): Record<string, unknown>[] {
  d.fill = fill;
  return d.parts.map((p) => ({
    type: "scatter",
    mode: "lines",
    ...ringsXY(p),
    fill: "toself",
    fillcolor: fill,
    line: marked ? { color: "#000000", width: 1.6 } : { color: border, width: 0.7 },
    ...(marked ? { fillpattern: { shape: "/", fgcolor: "#000000", bgcolor: fill, size: 7, solidity: 0.15 } } : {}),
    hoveron: "fills",
    name: hover,
    showlegend: false,
    ...(group ? { legendgroup: group } : {}),
  }));
}

/**
 * The outer boundaries of the groups `groupOf` gives the features, as one line trace's x and y (each chained line ends
 * with a null, so plotly breaks the line there); features whose group is null draw no boundary.
 */
function outlineXY(geo: GeoFeatureCollection, groupOf: Parameters<typeof groupBoundaries>[1]): { x: (number | null)[]; y: (number | null)[] } {
  const { segments } = groupBoundaries(geo.features, groupOf);
  const x: (number | null)[] = [];
  const y: (number | null)[] = [];
  for (const line of chainSegments(segments)) {
    for (const [lon, lat] of line) (x.push(lon), y.push(lat));
    x.push(null);
    y.push(null);
  }
  return { x, y };
}

/**
 * Outlines, labels, marked-legend entry, axes and attribution shared by both map kinds.
 * @example
 * return finish(geo, opts, prep, data);
 */
export function finish(
  geo: GeoFeatureCollection,
  opts: MapOptions,
  prep: ReturnType<typeof prepare>,
  data: Record<string, unknown>[],
  markedFill = "#FFFFFF",
): PlotlyFigure {
  const { bbox, kx, groupOfCode, codeOf } = prep;
  let labelTrace = -1;
  let narrowPatch: Record<number, Record<string, unknown>> | undefined;
  if (opts.outlineBy) {
    const { x, y } = outlineXY(geo, (f) => groupOfCode(codeOf(f)));
    data.push({
      type: "scatter",
      mode: "lines",
      x,
      y,
      line: { color: "#222222", width: opts.outlineWidth ?? 1.8 },
      hoverinfo: "skip",
      showlegend: false,
      name: `${opts.outlineBy} outlines`,
    });
    if (opts.labelGroups) {
      const byGroup = new Map<string, PolygonRings[]>();
      for (const d of prep.drawn) {
        const g = groupOfCode(d.code);
        if (g !== null) byGroup.set(g, [...(byGroup.get(g) ?? []), ...d.parts]);
      }
      const names = [...byGroup.keys()].sort();
      const cs = names.map((g) => centroid(byGroup.get(g)!, kx));
      // text colour that reads on the fill under the label
      const under = cs.map((c) => prep.drawn.find((d) => d.parts.some((p) => insidePolygon(c.lon, c.lat, p)))?.fill ?? "#FFFFFF");
      labelTrace = data.length;
      data.push({
        type: "scatter",
        mode: "text",
        x: cs.map((c) => c.lon),
        y: cs.map((c) => c.lat),
        // a desk-width map (about 1080 × height − 110 px): a name that would overlap a larger region's is left out
        text: labelsThatFit(cs, names, prep, { width: 1080, height: (opts.height ?? 600) - 110, size: 11, pad: 3 }).map((k, i) => (k ? names[i] : "")),
        textfont: { size: 11, color: under.map(readableText), shadow: "auto" },
        hoverinfo: "skip",
        showlegend: false,
        name: `${opts.outlineBy} names`,
      });
      // a phone's map (about 320 px wide): smaller names, those that would overlap a larger region's left out
      const keep = labelsThatFit(cs, names, prep, { width: 320, height: (opts.height ?? 600) - 90, size: 9 });
      narrowPatch = {
        [labelTrace]: { text: names.map((n, i) => (keep[i] ? n : "")), textfont: { size: 9, color: under.map(readableText), shadow: "auto" } },
      };
    }
  }
  if (opts.highlight && opts.highlight.codes.length > 0) {
    const inside = new Set(opts.highlight.codes);
    const { x, y } = outlineXY(geo, (f) => (inside.has(codeOf(f)) ? "highlight" : null));
    data.push({ type: "scatter", mode: "lines", x, y, line: { color: "#000000", width: 2.6 }, hoverinfo: "skip", name: opts.highlight.label });
  }
  if (opts.marked && prep.marked.size > 0) {
    data.push({
      type: "scatter",
      mode: "lines",
      x: [null],
      y: [null],
      fill: "toself",
      fillcolor: markedFill,
      line: { color: "#000000", width: 1.6 },
      fillpattern: { shape: "/", fgcolor: "#000000", bgcolor: markedFill, size: 7, solidity: 0.15 },
      name: opts.marked.label,
      hoverinfo: "skip",
    });
  }
  const padLon = (bbox.lon1 - bbox.lon0) * 0.02;
  const padLat = (bbox.lat1 - bbox.lat0) * 0.02;
  const hidden = { visible: false, showgrid: false, zeroline: false };
  const layout: Record<string, unknown> = {
    ...baseLayout(opts.title, opts.source),
    height: opts.height ?? 600,
    margin: { t: opts.source ? 80 : 60, r: 20, b: 30, l: 20 },
    xaxis: { ...hidden, range: [bbox.lon0 - padLon, bbox.lon1 + padLon] },
    yaxis: { ...hidden, range: [bbox.lat0 - padLat, bbox.lat1 + padLat], scaleanchor: "x", scaleratio: 1 / kx },
    hovermode: "closest",
    legend: { x: 1, xanchor: "right", y: 1, bgcolor: "rgba(255,255,255,0.85)" },
    // the map's height over its width at equal ground scale: a phone's layout cuts the plot area to it (narrow.ts), and
    // sets the axes' ranges again (plotly keeps the ranges it widened for the taller plot area)
    meta: { mapAspect: (bbox.lat1 - bbox.lat0) / kx / (bbox.lon1 - bbox.lon0) },
  };
  (layout["meta"] as Record<string, unknown>)["mapRanges"] = { x: (layout["xaxis"] as { range: number[] }).range, y: (layout["yaxis"] as { range: number[] }).range };
  if (opts.attribution) {
    layout["annotations"] = [
      {
        xref: "paper",
        x: 1,
        xanchor: "right",
        yref: "paper",
        y: 0,
        yanchor: "top",
        text: opts.attribution,
        showarrow: false,
        font: { size: 10, color: "#666666" },
      },
    ];
  }
  return { data, layout, ...(narrowPatch ? { narrow: { layout, patch: narrowPatch } } : {}) };
}

/**
 * Which group names fit on a map drawn in a plot area of `width` × `height` px with `size` px text:
 * larger groups first, a name left out when its box (grown by `pad` px on every side) would overlap one kept before it.
 */
export function labelsThatFit(
  cs: { lon: number; lat: number; area: number }[],
  names: string[],
  prep: { bbox: { lon0: number; lon1: number; lat0: number; lat1: number }; kx: number },
  o: { width: number; height: number; size: number; pad?: number },
): boolean[] {
  const pad = o.pad ?? 0;
  const { bbox, kx } = prep;
  // px per degree of longitude: the map fills the width or the height, whichever binds (equal ground scale)
  const s = Math.min(o.width / (bbox.lon1 - bbox.lon0), o.height / ((bbox.lat1 - bbox.lat0) / kx));
  const boxes: Box[] = cs.map((c, i) => {
    const x = (c.lon - bbox.lon0) * s;
    const y = ((bbox.lat1 - c.lat) * s) / kx;
    const w = textWidth(names[i]!, o.size) / 2 + 2 + pad;
    const h = o.size * 0.7 + pad;
    return { x0: x - w, x1: x + w, y0: y - h, y1: y + h };
  });
  const order = cs.map((_, i) => i).sort((a, b) => cs[b]!.area - cs[a]!.area);
  const keep = names.map(() => false);
  const kept: Box[] = [];
  for (const i of order) {
    if (kept.every((k) => overlapArea(k, boxes[i]!) === 0)) {
      keep[i] = true;
      kept.push(boxes[i]!);
    }
  }
  return keep;
}
