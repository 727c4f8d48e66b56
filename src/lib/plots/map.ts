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
import { column, numericColumn, PlotInputError, type PlotlyFigure } from "./common";
import { groupBoundaries, type GeoFeatureCollection } from "./geometry";
import { finish, NO_DATA, polygonTraces, prepare, type MapOptions } from "./mapParts";
import { colourMap, displayName, divergingColorscale, divergingColour, lighten } from "./palette";

export { parseGeoJson, roundCoordinates, type GeoFeatureCollection, type GeoFeature } from "./geometry";
export type { MapOptions } from "./mapParts";

/**
 * "No data" on a value map: mid grey, dotted — the diverging scale's centre is near-white (#F7F7F7), so the category
 * maps' light grey would read as "no change".
 */
const NO_VALUE = "#BDBDBD";
const NO_VALUE_PATTERN = { shape: ".", fgcolor: "#555555", bgcolor: NO_VALUE, size: 6, solidity: 0.3 };

/** A column name in words for hover text: `region_type` → "region type". */
const words = (name: string): string => name.replace(/_/g, " ");

export interface CategoryMapOptions extends MapOptions {
  /** Frame column with each municipality's category (e.g. region_type). */
  category: string;
  /** The category's name in the hover text (default: the column name in words, `region_type` → "region type"). */
  categoryTitle?: string;
  categoryLabels?: Record<string, string>;
  colours?: Record<string, string>;
}

export interface ValueMapOptions extends MapOptions {
  value: string;
  /** Half-width of the symmetric colour scale around 0, in the value's unit; give the same to maps that must compare. */
  range: number;
  /**
   * Values beyond ±range take the scale's end colours (their own value stays in the hover text) and the colour bar's
   * ends read "≤ −range" and "≥ +range"; without it a value off the scale is refused. Say so in the figure's source
   * line (see `clippedScale`).
   */
  clip?: boolean;
  colorbarTitle: string;
  unit?: string;
  decimals?: number;
}

/** A shared colour scale cut at a percentile of the values' sizes (`clippedScale`). */
export interface ClippedScale {
  /** Half-width of the scale: the percentile of |value|, rounded up to a multiple of `step`. */
  range: number;
  /** Values with |value| > range (drawn in the end colours). */
  beyond: number;
  /** The largest |value|. */
  largest: number;
  /** Values counted (nulls left out). */
  n: number;
}

/**
 * A symmetric colour scale for maps that must compare, cut at a percentile of |value| so that a few extreme values do
 * not leave every other colour pale: the `percentile`-th percentile of |value| (nearest rank: the ⌈p/100 · n⌉-th
 * smallest), rounded up to a multiple of `step`, never beyond the largest |value| rounded up. Draw with `clip: true`.
 * @throws PlotInputError when there is no finite value, or percentile is not in (0, 100], or step is not > 0
 * @example
 * clippedScale([1, -2, 3, 40], { percentile: 75, step: 5 }); // { range: 5, beyond: 1, largest: 40, n: 4 }
 */
export function clippedScale(values: readonly (number | null)[], opts: { percentile: number; step: number }): ClippedScale {
  const fn = "clippedScale";
  if (!(opts.percentile > 0 && opts.percentile <= 100)) throw new PlotInputError(fn, `percentile must lie in (0, 100] (found ${opts.percentile})`);
  if (!(opts.step > 0)) throw new PlotInputError(fn, `step must be > 0 (found ${opts.step})`);
  const sizes = values.filter((v): v is number => v !== null && Number.isFinite(v)).map(Math.abs).sort((a, b) => a - b);
  if (sizes.length === 0) throw new PlotInputError(fn, "no finite value to scale");
  const up = (v: number): number => Math.max(opts.step, Math.ceil(v / opts.step) * opts.step);
  const largest = sizes[sizes.length - 1]!;
  const at = sizes[Math.ceil((opts.percentile / 100) * sizes.length) - 1]!;
  const range = Math.min(up(at), up(largest));
  return { range, beyond: sizes.filter((v) => v > range).length, largest, n: sizes.length };
}

/** Colour-bar ticks of a clipped scale: the ends "≤ −r" and "≥ +r", the middle ticks as numbers. */
function clippedTicks(range: number, unit: string): { tickvals: number[]; ticktext: string[] } {
  const tickvals = [-range, -range / 2, 0, range / 2, range];
  const num = (v: number): string => `${v > 0 ? "+" : v < 0 ? "−" : ""}${Number(Math.abs(v).toFixed(1))}`;
  return { tickvals, ticktext: tickvals.map((v, i) => (i === 0 ? `≤ ${num(v)}${unit}` : i === 4 ? `≥ ${num(v)}${unit}` : num(v))) };
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
 *   marked: { codes: ["0533", "0534"], label: "regions centred outside Innlandet" }, attribution: "© Kartverket" });
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
      const used = new Set(
        [...(neighbours.get(g) ?? [])].filter((n) => catOfGroup.get(n) === catOfGroup.get(g) && shade.has(n)).map((n) => shade.get(n)),
      );
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
    const hover = `${d.name} (${d.code})<br>${g !== null ? `${words(opts.outlineBy!)}: ${g}<br>` : ""}${opts.categoryTitle ?? words(opts.category)}: ${label}`;
    data.push(...polygonTraces(d, fill, hover, prep.marked.has(d.code), "#FFFFFF", cat ?? "no data"));
  }
  // a category drawn only hatched, and the only category hatched, is one legend entry (the hatched swatch in its colour)
  const markedCats = new Set(prep.drawn.filter((d) => d.row !== undefined && prep.marked.has(d.code)).map((d) => cats[d.row!] ?? null));
  const unmarkedCats = new Set(prep.drawn.filter((d) => d.row !== undefined && !prep.marked.has(d.code)).map((d) => cats[d.row!] ?? null));
  const [only] = [...markedCats];
  const mergedCat = markedCats.size === 1 && only != null && !unmarkedCats.has(only) ? only : undefined;
  const legend = [
    ...keys.filter((k) => k !== mergedCat).map((k) => ({ k, c: colours[k]!, t: displayName(k, opts.categoryLabels) })),
    ...(noData ? [{ k: "no data", c: NO_DATA, t: "no data" }] : []),
  ];
  for (const { k, c, t } of legend) {
    data.push({
      type: "scatter",
      mode: "markers",
      x: [null],
      y: [null],
      marker: { symbol: "square", size: 14, color: c, line: { color: "#666666", width: 0.5 } },
      name: t,
      legendgroup: k,
    });
  }
  return finish(geo, opts, prep, data, mergedCat === undefined ? undefined : colours[mergedCat]);
}

/**
 * A map of a value on the shared diverging scale (red below 0, blue above) from
 * `-range` to `+range`, with a colour bar; municipalities with no value are dotted on mid grey (not the centre's near-white).
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
  if (off !== undefined && !opts.clip)
    throw new PlotInputError(fn, `value ${off} in '${opts.value}' lies outside the scale ±${opts.range}; pass a wider range (or clip: true)`);
  const onScale = (v: number): number => Math.max(-opts.range, Math.min(opts.range, v));
  const unit = opts.unit ? ` ${opts.unit}` : "";
  const data: Record<string, unknown>[] = [];
  let noData = false;
  for (const d of prep.drawn) {
    const v = d.row === undefined ? null : (values[d.row] ?? null);
    noData ||= v === null;
    const g = prep.groupOfCode(d.code);
    const shown = v === null ? "no data" : `${v > 0 ? "+" : ""}${v.toFixed(opts.decimals ?? 1)}${unit}`;
    const hover = `${d.name} (${d.code})<br>${g !== null ? `${words(opts.outlineBy!)}: ${g}<br>` : ""}${opts.colorbarTitle}: ${shown}`;
    const traces = polygonTraces(d, v === null ? NO_VALUE : divergingColour(onScale(v), opts.range), hover, prep.marked.has(d.code), "#AAAAAA");
    data.push(...(v === null && !prep.marked.has(d.code) ? traces.map((t) => ({ ...t, fillpattern: NO_VALUE_PATTERN })) : traces));
  }
  if (noData)
    data.push({ type: "scatter", mode: "lines", x: [null], y: [null], fill: "toself", fillcolor: NO_VALUE, line: { color: "#AAAAAA", width: 0.7 }, fillpattern: NO_VALUE_PATTERN, name: "no data", hoverinfo: "skip" });
  // colour-bar legend: an invisible two-point scatter carrying the scale
  const { lon0, lat0 } = prep.bbox;
  data.push({
    type: "scatter",
    mode: "markers",
    x: [lon0, lon0],
    y: [lat0, lat0],
    hoverinfo: "skip",
    showlegend: false,
    name: "scale",
    marker: {
      size: 1,
      opacity: 0,
      color: [-opts.range, opts.range],
      cmin: -opts.range,
      cmax: opts.range,
      colorscale: divergingColorscale(),
      showscale: true,
      // below the map (never over it), from its left edge, so the attribution fits at the right
      colorbar: {
        title: { text: opts.colorbarTitle + (opts.unit ? ` (${opts.unit})` : ""), side: "top" },
        orientation: "h",
        x: 0,
        xanchor: "left",
        len: opts.clip ? 0.62 : 0.5, // a clipped scale has wider end labels ("≤ −30 %")
        y: -0.02,
        yanchor: "top",
        thickness: 12,
        ...(opts.clip ? clippedTicks(opts.range, unit) : {}),
      },
    },
  });
  return finish(geo, opts, prep, data);
}
