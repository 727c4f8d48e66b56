/**
 * GeoJSON inputs: a FeatureCollection of Polygon / MultiPolygon features whose
 * `properties` are validated like CSV rows against the manifest entry's
 * columns and key (so codes, keys and contracts apply to them), and whose
 * rings are closed WGS84 lon/lat rings. Errors name the file and the feature
 * (1-based).
 */
import { checkContracts } from "./contracts";
import { type Row, type Table, validateRecords } from "./csv";
import { GeometryError } from "./errors";
import type { FileSpec } from "./manifest";

export type Position = [number, number];
export type Ring = Position[];
export interface PolygonGeometry {
  type: "Polygon";
  coordinates: Ring[];
}
export interface MultiPolygonGeometry {
  type: "MultiPolygon";
  coordinates: Ring[][];
}
export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;
export interface AreaFeature<P extends Row = Row> {
  type: "Feature";
  properties: P;
  geometry: AreaGeometry;
}
export interface AreaCollection<P extends Row = Row> {
  type: "FeatureCollection";
  features: AreaFeature<P>[];
}

/** A validated GeoJSON table: the properties as rows, and the collection itself. */
export interface GeoTable extends Table {
  unit: "feature";
  collection: AreaCollection;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

function checkRing(ring: unknown, file: string, n: number, where: string): void {
  const fail = (expected: string, found: string): never => {
    throw new GeometryError({ file, row: n, unit: "feature", column: where }, expected, found);
  };
  if (!Array.isArray(ring) || ring.length < 4) fail("a linear ring of at least 4 positions", JSON.stringify(ring)?.slice(0, 60) ?? "nothing");
  const r = ring as unknown[];
  r.forEach((p, i) => {
    const ok = Array.isArray(p) && p.length === 2 && p.every((x) => typeof x === "number" && Number.isFinite(x));
    if (!ok) fail("a position [longitude, latitude] of two finite numbers", `${JSON.stringify(p)} at position ${i}`);
    const [lon, lat] = p as Position;
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90)
      fail("WGS84 longitude in [−180, 180] and latitude in [−90, 90]", `[${lon}, ${lat}] at position ${i}`);
  });
  const [a, b] = [r[0] as Position, r[r.length - 1] as Position];
  if (a[0] !== b[0] || a[1] !== b[1]) fail("a closed ring (first position = last)", `${JSON.stringify(a)} … ${JSON.stringify(b)}`);
}

function checkGeometry(g: unknown, file: string, n: number): AreaGeometry {
  if (!isObject(g) || (g["type"] !== "Polygon" && g["type"] !== "MultiPolygon")) {
    throw new GeometryError(
      { file, row: n, unit: "feature", column: "geometry.type" },
      "a Polygon or MultiPolygon geometry",
      JSON.stringify(isObject(g) ? g["type"] : g),
    );
  }
  const coords = g["coordinates"];
  const polygons = g["type"] === "Polygon" ? [coords] : coords;
  if (!Array.isArray(polygons) || polygons.length === 0) {
    throw new GeometryError(
      { file, row: n, unit: "feature", column: "geometry.coordinates" },
      `coordinates of a ${String(g["type"])}`,
      JSON.stringify(coords)?.slice(0, 60) ?? "nothing",
    );
  }
  polygons.forEach((poly, i) => {
    if (!Array.isArray(poly) || poly.length === 0) {
      throw new GeometryError(
        { file, row: n, unit: "feature", column: `geometry.coordinates[${i}]` },
        "a polygon: a non-empty list of rings",
        JSON.stringify(poly)?.slice(0, 60) ?? "nothing",
      );
    }
    poly.forEach((ring, j) => checkRing(ring, file, n, `geometry polygon ${i} ring ${j}`));
  });
  return g as unknown as AreaGeometry;
}

/**
 * Parse GeoJSON text against a manifest entry (`format: "geojson"`): a
 * FeatureCollection whose features have Polygon/MultiPolygon geometries and
 * exactly the declared properties, validated like CSV cells (codes, key), then
 * the entry's single-file contracts, as for CSV.
 * @throws GeometryError | ValueError | DuplicateKeyError | ContractError
 * @example
 * parseGeoJsonTable('{"type":"FeatureCollection","features":[…]}', spec, "copy.geojson").collection.features.length;
 */
export function parseGeoJsonTable(text: string, spec: FileSpec, file: string = `data/${spec.path}`): GeoTable {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\ufeff/, ""));
  } catch (e) {
    throw new GeometryError({ file }, "readable JSON (GeoJSON)", (e as Error).message);
  }
  if (!isObject(doc) || doc["type"] !== "FeatureCollection" || !Array.isArray(doc["features"])) {
    throw new GeometryError(
      { file, column: "type" },
      "a GeoJSON FeatureCollection with a 'features' list",
      JSON.stringify(isObject(doc) ? doc["type"] : doc)?.slice(0, 60) ?? "nothing",
    );
  }
  const names = spec.columns.map((c) => c.name);
  const features = doc["features"] as unknown[];
  const records = features.map((f, k) => {
    const n = k + 1;
    if (!isObject(f) || f["type"] !== "Feature" || !isObject(f["properties"])) {
      throw new GeometryError(
        { file, row: n, unit: "feature", column: "type" },
        "a Feature with a 'properties' object",
        JSON.stringify(f)?.slice(0, 60) ?? "nothing",
      );
    }
    const props = f["properties"];
    const keys = Object.keys(props).sort();
    if (keys.join(",") !== [...names].sort().join(",")) {
      throw new GeometryError({ file, row: n, unit: "feature", column: "properties" }, `the properties ${names.join(", ")}`, keys.join(", "));
    }
    checkGeometry(f["geometry"], file, n);
    return names.map((c) => {
      const v = props[c];
      return typeof v === "string" ? v : typeof v === "number" ? String(v) : v === null ? "" : JSON.stringify(v);
    });
  });
  const rows = validateRecords(records, spec, file, 1, "feature");
  const collection: AreaCollection = {
    type: "FeatureCollection",
    features: features.map((f, k) => ({ type: "Feature", properties: rows[k]!, geometry: (f as { geometry: AreaGeometry }).geometry })),
  };
  const table: GeoTable = { spec, file, rows, unit: "feature", collection };
  checkContracts(table);
  return table;
}
