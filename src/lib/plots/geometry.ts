/**
 * GeoJSON (RFC 7946) input for the map helper: a checked parse, polygon parts,
 * areas and centroids in a local equirectangular projection, and the boundary
 * segments between groups of features (a "dissolve" by shared edges, which
 * holds for topology-preserving boundary files such as Kartverket's).
 */
import { PlotInputError } from "./common";

export type Position = [number, number];
/** A polygon: outer ring first, then holes; each ring closed (first = last). */
export type PolygonRings = Position[][];

export interface GeoFeature {
  type: "Feature";
  properties: Record<string, unknown> | null;
  geometry: { type: "Polygon"; coordinates: PolygonRings } | { type: "MultiPolygon"; coordinates: PolygonRings[] } | null;
}

export interface GeoFeatureCollection {
  type: "FeatureCollection";
  features: GeoFeature[];
}

function isRing(r: unknown): r is Position[] {
  return (
    Array.isArray(r) &&
    r.length >= 4 &&
    r.every((p) => Array.isArray(p) && p.length >= 2 && p.every((v) => typeof v === "number" && Number.isFinite(v)))
  );
}

/**
 * Check that `value` (e.g. `JSON.parse` of a .geojson file) is a FeatureCollection of
 * Polygon / MultiPolygon features with lon/lat rings, and type it.
 * @throws PlotInputError naming the first feature that is not.
 * @example
 * const geo = parseGeoJson(JSON.parse(readFileSync("municipalities_innlandet_2020.geojson", "utf8")));
 */
export function parseGeoJson(value: unknown): GeoFeatureCollection {
  const fn = "parseGeoJson";
  const v = value as { type?: unknown; features?: unknown };
  if (!v || v.type !== "FeatureCollection" || !Array.isArray(v.features))
    throw new PlotInputError(fn, `expected a GeoJSON FeatureCollection (found type ${String(v?.type)})`);
  v.features.forEach((f: { type?: unknown; geometry?: { type?: unknown; coordinates?: unknown } | null }, i: number) => {
    if (f?.type !== "Feature") throw new PlotInputError(fn, `feature ${i}: expected type "Feature"`);
    const g = f.geometry;
    if (g === null || g === undefined) return;
    const polys = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? (g.coordinates as unknown[]) : undefined;
    if (!polys) throw new PlotInputError(fn, `feature ${i}: expected a Polygon or MultiPolygon geometry (found ${String(g.type)})`);
    for (const p of polys) {
      if (!Array.isArray(p) || p.length === 0 || !p.every(isRing))
        throw new PlotInputError(fn, `feature ${i}: expected closed rings of [lon, lat] numbers`);
      for (const r of p as Position[][]) {
        const [lon, lat] = r[0]!;
        if (Math.abs(lon) > 180 || Math.abs(lat) > 90)
          throw new PlotInputError(fn, `feature ${i}: coordinates (${lon}, ${lat}) are not lon/lat degrees`);
      }
    }
  });
  return value as GeoFeatureCollection;
}

/**
 * The polygons of a feature (one for a Polygon, each part of a MultiPolygon).
 * @example
 * polygonParts({ type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: [ring] } }).length; // 1
 */
export function polygonParts(f: GeoFeature): PolygonRings[] {
  if (!f.geometry) return [];
  return f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
}

/**
 * The collection with every coordinate rounded to `decimals` (3 ≈ 100 m: finer than a pixel on a map of Norway) and
 * consecutive repeated points dropped; shared borders stay shared (the same vertices round alike). A ring left with
 * fewer than 4 points (a sliver smaller than the rounding) is dropped, and a polygon without its outer ring too.
 * @example
 * roundCoordinates(geo, 3).features[0].geometry; // same shape, ≈ 1/3 of the characters
 */
export function roundCoordinates(geo: GeoFeatureCollection, decimals: number): GeoFeatureCollection {
  const k = 10 ** decimals;
  const ring = (r: Position[]): Position[] => {
    const out: Position[] = [];
    for (const [x, y] of r) {
      const p: Position = [Math.round(x * k) / k, Math.round(y * k) / k];
      const last = out[out.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
    }
    return out;
  };
  const polygon = (p: PolygonRings): PolygonRings | null => {
    const rings = p.map(ring);
    if (rings[0]!.length < 4) return null;
    return rings.filter((r) => r.length >= 4);
  };
  return {
    type: "FeatureCollection",
    features: geo.features.map((f) => {
      if (!f.geometry) return f;
      const parts = polygonParts(f).map(polygon).filter((p): p is PolygonRings => p !== null);
      return { ...f, geometry: { type: "MultiPolygon", coordinates: parts } };
    }),
  };
}

/**
 * Signed area and centroid of a ring by the shoelace formula, x scaled by `kx`
 * (cos of the reference latitude, so areas are in "degrees of latitude squared").
 * @example
 * ringAreaCentroid([[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]); // { area: 4, cx: 1, cy: 1 }
 */
export function ringAreaCentroid(ring: readonly Position[], kx = 1): { area: number; cx: number; cy: number } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x0, y0] = ring[i]!;
    const [x1, y1] = ring[i + 1]!;
    const cross = x0 * kx * y1 - x1 * kx * y0;
    a += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  a /= 2;
  return a === 0 ? { area: 0, cx: ring[0]?.[0] ?? 0, cy: ring[0]?.[1] ?? 0 } : { area: a, cx: cx / (6 * a), cy: cy / (6 * a) };
}

/**
 * Area-weighted centroid (lon, lat) and area of several polygons (holes subtracted).
 * @example
 * centroid([[[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]]]); // { lon: 1, lat: 1, area: 4 }
 */
export function centroid(polys: readonly PolygonRings[], kx = 1): { lon: number; lat: number; area: number } {
  let area = 0;
  let sx = 0;
  let sy = 0;
  for (const p of polys) {
    p.forEach((ring, k) => {
      const r = ringAreaCentroid(ring, kx);
      const a = Math.abs(r.area) * (k === 0 ? 1 : -1);
      area += a;
      sx += a * r.cx;
      sy += a * r.cy;
    });
  }
  return area === 0 ? { lon: polys[0]?.[0]?.[0]?.[0] ?? 0, lat: polys[0]?.[0]?.[0]?.[1] ?? 0, area: 0 } : { lon: sx / area, lat: sy / area, area };
}

const key = (p: Position): string => `${p[0]},${p[1]}`;

/**
 * Edges between features of different groups, and on the collection's outer edge
 * (edges used once): the outlines of the groups' union. Also which groups touch.
 * `groupOf` gives a feature's group (null: the feature belongs to no group and is skipped).
 * @example
 * const { segments, neighbours } = groupBoundaries(geo.features, (f) => regionOf.get(String(f.properties?.code)) ?? null);
 */
export function groupBoundaries(
  features: readonly GeoFeature[],
  groupOf: (f: GeoFeature) => string | null,
): { segments: [Position, Position][]; neighbours: Map<string, Set<string>> } {
  const edges = new Map<string, { a: Position; b: Position; groups: string[] }>();
  for (const f of features) {
    const g = groupOf(f);
    if (g === null) continue;
    for (const poly of polygonParts(f)) {
      for (const ring of poly) {
        for (let i = 0; i + 1 < ring.length; i++) {
          const a = ring[i]!;
          const b = ring[i + 1]!;
          const k = key(a) < key(b) ? `${key(a)}|${key(b)}` : `${key(b)}|${key(a)}`;
          const e = edges.get(k);
          if (e) e.groups.push(g);
          else edges.set(k, { a, b, groups: [g] });
        }
      }
    }
  }
  const segments: [Position, Position][] = [];
  const neighbours = new Map<string, Set<string>>();
  for (const e of edges.values()) {
    const [g0, g1] = e.groups;
    if (e.groups.length === 1 || g0 !== g1) segments.push([e.a, e.b]);
    if (g0 !== undefined && g1 !== undefined && g0 !== g1) {
      if (!neighbours.has(g0)) neighbours.set(g0, new Set());
      if (!neighbours.has(g1)) neighbours.set(g1, new Set());
      neighbours.get(g0)!.add(g1);
      neighbours.get(g1)!.add(g0);
    }
  }
  return { segments, neighbours };
}

/**
 * Join segments that continue each other into polylines (fewer, smoother strokes), in input order.
 * @example
 * chainSegments([[[0, 0], [1, 0]], [[1, 0], [1, 1]]]); // [[[0, 0], [1, 0], [1, 1]]]
 */
export function chainSegments(segments: readonly [Position, Position][]): Position[][] {
  const lines: Position[][] = [];
  for (const [a, b] of segments) {
    const last = lines[lines.length - 1];
    const end = last?.[last.length - 1];
    if (last && end && key(end) === key(a)) last.push(b);
    else if (last && end && key(end) === key(b)) last.push(a);
    else lines.push([a, b]);
  }
  return lines;
}

/**
 * Whether (lon, lat) lies inside a polygon (even-odd rule over all its rings, so holes count as outside).
 * @example
 * insidePolygon(1, 1, [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]]); // true
 */
export function insidePolygon(lon: number, lat: number, poly: PolygonRings): boolean {
  let inside = false;
  for (const ring of poly) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}
