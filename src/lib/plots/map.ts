/**
 * Maps without a network: each municipality of a GeoJSON FeatureCollection is
 * a filled polygon (`scatter`, `fill: "toself"`) on hidden cartesian axes with
 * equal ground scale (y scaled by 1 / cos of the mid latitude), so the
 * cartesian plotly bundle draws it and nothing (tiles, topojson) is fetched.
 * Two kinds: categories (e.g. region type, with region outlines drawn thick)
 * and values on a diverging scale centred on 0 with a caller-given symmetric
 * range, so several maps share one scale.
 */
import * as pl from "nodejs-polars";
import { baseLayout, column, numericColumn, PlotInputError, type PlotlyFigure } from "./common";
import { centroid, chainSegments, groupBoundaries, insidePolygon, polygonParts, type GeoFeature, type GeoFeatureCollection, type PolygonRings } from "./geometry";
import { colourMap, displayName, divergingColorscale, divergingColour, lighten, readableText } from "./palette";

export { parseGeoJson, type GeoFeatureCollection, type GeoFeature } from "./geometry";

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
  labelGroups?: boolean;
  /** Municipalities drawn hatched with a dark outline, and the legend text saying why. */
  marked?: { codes: readonly string[]; label: string };
  /** Source credit shown under the map, e.g. "© Kartverket". */
  attribution?: string;
  /** Figure height in px (default 600). */
  height?: number;
}

export interface CategoryMapOptions extends MapOptions {
  /** Frame column with each municipality's category (e.g. region_type). */
  category: string;
  categoryLabels?: Record<string, string>;
  colours?: Record<string, string>;
}

export interface ValueMapOptions extends MapOptions {
  value: string;
  /** Half-width of the symmetric colour scale around 0, in the value's unit; give the same to maps that must compare. */
  range: number;
  colorbarTitle: string;
  unit?: string;
  decimals?: number;
}

const NO_DATA = "#EEEEEE";

interface Drawn {
  code: string;
  name: string;
  parts: PolygonRings[];
  row: number | undefined;
  /** Fill colour, set when drawn. */
  fill?: string;
}

function prepare(fn: string, df: pl.DataFrame, geo: GeoFeatureCollection, opts: MapOptions) {
  const codes = column(fn, df, opts.key).map((v) => String(v));
  const rowOf = new Map<string, number>();
  codes.forEach((c, i) => {
    if (rowOf.has(c)) throw new PlotInputError(fn, `column '${opts.key}' repeats code ${c}: one row per municipality expected`);
    rowOf.set(c, i);
  });
  const codeOf = (f: GeoFeature): string => {
    const c = f.properties?.[opts.featureKey];
    if (c === undefined || c === null) throw new PlotInputError(fn, `a feature has no property '${opts.featureKey}' (properties: ${Object.keys(f.properties ?? {}).join(", ")})`);
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
  if (stray.length) throw new PlotInputError(fn, `codes without a boundary in the GeoJSON (property '${opts.featureKey}'): ${stray.slice(0, 5).join(", ")}`);
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

function polygonTraces(d: Drawn, fill: string, hover: string, marked: boolean, border: string, group?: string): Record<string, unknown>[] {
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

/** Outlines, labels, marked-legend entry, axes and attribution shared by both map kinds. */
function finish(geo: GeoFeatureCollection, opts: MapOptions, prep: ReturnType<typeof prepare>, data: Record<string, unknown>[]): PlotlyFigure {
  const { bbox, kx, groupOfCode, codeOf } = prep;
  if (opts.outlineBy) {
    const { segments } = groupBoundaries(geo.features, (f) => groupOfCode(codeOf(f)));
    const x: (number | null)[] = [];
    const y: (number | null)[] = [];
    for (const line of chainSegments(segments)) {
      for (const [lon, lat] of line) (x.push(lon), y.push(lat));
      x.push(null);
      y.push(null);
    }
    data.push({ type: "scatter", mode: "lines", x, y, line: { color: "#222222", width: 1.8 }, hoverinfo: "skip", showlegend: false, name: `${opts.outlineBy} outlines` });
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
      data.push({
        type: "scatter", mode: "text", x: cs.map((c) => c.lon), y: cs.map((c) => c.lat), text: names,
        textfont: { size: 11, color: under.map(readableText), shadow: "auto" },
        hoverinfo: "skip", showlegend: false, name: `${opts.outlineBy} names`,
      }); // prettier-ignore
    }
  }
  if (opts.marked && prep.marked.size > 0) {
    data.push({
      type: "scatter", mode: "lines", x: [null], y: [null], fill: "toself", fillcolor: "#FFFFFF", line: { color: "#000000", width: 1.6 },
      fillpattern: { shape: "/", fgcolor: "#000000", bgcolor: "#FFFFFF", size: 7, solidity: 0.15 }, name: opts.marked.label, hoverinfo: "skip",
    }); // prettier-ignore
  }
  const padLon = (bbox.lon1 - bbox.lon0) * 0.02;
  const padLat = (bbox.lat1 - bbox.lat0) * 0.02;
  const hidden = { visible: false, showgrid: false, zeroline: false };
  const layout: Record<string, unknown> = {
    ...baseLayout(opts.title),
    height: opts.height ?? 600,
    margin: { t: 60, r: 20, b: 30, l: 20 },
    xaxis: { ...hidden, range: [bbox.lon0 - padLon, bbox.lon1 + padLon] },
    yaxis: { ...hidden, range: [bbox.lat0 - padLat, bbox.lat1 + padLat], scaleanchor: "x", scaleratio: 1 / kx },
    hovermode: "closest",
    legend: { x: 1, xanchor: "right", y: 1, bgcolor: "rgba(255,255,255,0.85)" },
  };
  if (opts.attribution) {
    layout["annotations"] = [{ xref: "paper", x: 1, xanchor: "right", yref: "paper", y: 0, yanchor: "top", text: opts.attribution, showarrow: false, font: { size: 10, color: "#666666" } }];
  }
  return { data, layout };
}

/**
 * A map with each municipality filled by its category's colour from the shared palette
 * (region types in their fixed colours). With `outlineBy` (e.g. region), the groups' outlines
 * are drawn thick and neighbouring groups of the same category get lighter shades of its colour.
 * Municipalities with no row are drawn light grey ("no data").
 * @example
 * const geo = parseGeoJson(JSON.parse(readFileSync(file, "utf8")));
 * categoryMapFigure(mapping, geo, { key: "municipality_code_2008", featureKey: "municipality_code_2008",
 *   category: "region_type", outlineBy: "region", labelGroups: true, title: "Regions (report13)",
 *   marked: { codes: ["0533", "0534"], label: "region centred outside Innlandet" }, attribution: "© Kartverket" });
 */
export function categoryMapFigure(df: pl.DataFrame, geo: GeoFeatureCollection, opts: CategoryMapOptions): PlotlyFigure {
  const fn = "categoryMapFigure";
  const prep = prepare(fn, df, geo, opts);
  const cats = column(fn, df, opts.category).map((v) => (v === null ? null : String(v)));
  const keys = [...new Set(cats.filter((c): c is string => c !== null))];
  const colours = colourMap(keys, { colours: opts.colours });
  // shade index per outline group: greedy, groups by name, neighbours of the same category differ
  const shade = new Map<string, number>();
  if (opts.outlineBy) {
    const { neighbours } = groupBoundaries(geo.features, (f) => prep.groupOfCode(prep.codeOf(f)));
    const catOfGroup = new Map<string, string | null>();
    for (const d of prep.drawn) if (d.row !== undefined) catOfGroup.set(prep.groupOfCode(d.code) ?? "", cats[d.row] ?? null);
    for (const g of [...catOfGroup.keys()].sort()) {
      const used = new Set([...(neighbours.get(g) ?? [])].filter((n) => catOfGroup.get(n) === catOfGroup.get(g) && shade.has(n)).map((n) => shade.get(n)));
      let k = 0;
      while (used.has(k)) k++;
      shade.set(g, k);
    }
  }
  const SHADES = [0, 0.45, 0.7];
  const data: Record<string, unknown>[] = [];
  let noData = false;
  for (const d of prep.drawn) {
    const cat = d.row === undefined ? null : (cats[d.row] ?? null);
    const g = prep.groupOfCode(d.code);
    const base = cat === null ? NO_DATA : colours[cat]!;
    const fill = cat === null ? base : lighten(base, SHADES[(shade.get(g ?? "") ?? 0) % SHADES.length]!);
    noData ||= cat === null;
    const label = cat === null ? "no data" : displayName(cat, opts.categoryLabels);
    const hover = `${d.name} (${d.code})<br>${g !== null ? `${opts.outlineBy}: ${g}<br>` : ""}${opts.category}: ${label}`;
    data.push(...polygonTraces(d, fill, hover, prep.marked.has(d.code), "#FFFFFF", cat ?? "no data"));
  }
  const legend = [...keys.map((k) => ({ k, c: colours[k]!, t: displayName(k, opts.categoryLabels) })), ...(noData ? [{ k: "no data", c: NO_DATA, t: "no data" }] : [])];
  for (const { k, c, t } of legend) {
    data.push({ type: "scatter", mode: "markers", x: [null], y: [null], marker: { symbol: "square", size: 14, color: c, line: { color: "#666666", width: 0.5 } }, name: t, legendgroup: k });
  }
  return finish(geo, opts, prep, data);
}

/**
 * A map of a value on the shared diverging scale (red below 0, blue above) from
 * `-range` to `+range`, with a colour bar; municipalities with no value are light grey.
 * @throws PlotInputError when a value lies outside ±range (the scale would hide it).
 * @example
 * const range = 20; // the same for both periods, so the maps compare
 * valueMapFigure(change9808, geo, { key: "municipality_code_2008", featureKey: "municipality_code_2008",
 *   value: "change_pct", range, colorbarTitle: "population change", unit: "%", outlineBy: "region",
 *   title: "Population change 1998–2008", attribution: "© Kartverket" });
 */
export function valueMapFigure(df: pl.DataFrame, geo: GeoFeatureCollection, opts: ValueMapOptions): PlotlyFigure {
  const fn = "valueMapFigure";
  if (!(opts.range > 0)) throw new PlotInputError(fn, `range must be > 0 (found ${opts.range})`);
  const prep = prepare(fn, df, geo, opts);
  const values = numericColumn(fn, df, opts.value);
  const off = values.find((v) => v !== null && Math.abs(v) > opts.range);
  if (off !== undefined) throw new PlotInputError(fn, `value ${off} in '${opts.value}' lies outside the scale ±${opts.range}; pass a wider range`);
  const unit = opts.unit ? ` ${opts.unit}` : "";
  const data: Record<string, unknown>[] = [];
  let noData = false;
  for (const d of prep.drawn) {
    const v = d.row === undefined ? null : (values[d.row] ?? null);
    noData ||= v === null;
    const g = prep.groupOfCode(d.code);
    const shown = v === null ? "no data" : `${v > 0 ? "+" : ""}${v.toFixed(opts.decimals ?? 1)}${unit}`;
    const hover = `${d.name} (${d.code})<br>${g !== null ? `${opts.outlineBy}: ${g}<br>` : ""}${opts.colorbarTitle}: ${shown}`;
    data.push(...polygonTraces(d, v === null ? NO_DATA : divergingColour(v, opts.range), hover, prep.marked.has(d.code), "#AAAAAA"));
  }
  if (noData) data.push({ type: "scatter", mode: "markers", x: [null], y: [null], marker: { symbol: "square", size: 14, color: NO_DATA }, name: "no data" });
  // colour-bar legend: an invisible two-point scatter carrying the scale
  const { lon0, lat0 } = prep.bbox;
  data.push({
    type: "scatter", mode: "markers", x: [lon0, lon0], y: [lat0, lat0], hoverinfo: "skip", showlegend: false, name: "scale",
    marker: { size: 1, opacity: 0, color: [-opts.range, opts.range], cmin: -opts.range, cmax: opts.range, colorscale: divergingColorscale(),
      showscale: true, colorbar: { title: { text: opts.colorbarTitle + (opts.unit ? ` (${opts.unit})` : "") }, x: 0, xanchor: "left", len: 0.5, y: 0.05, yanchor: "bottom", thickness: 14 } },
  }); // prettier-ignore
  return finish(geo, opts, prep, data);
}
