/**
 * The municipal boundaries (Kartverket 2020, CC BY 4.0, "© Kartverket") as a
 * typed GeoJSON FeatureCollection, checked on load: sha256, a FeatureCollection
 * of Polygon/MultiPolygon features with closed WGS84 rings, properties typed by
 * the manifest, one feature per municipality, and the municipality codes equal
 * to the 48 of data/regions/mappings.csv (and the 2020 codes to the code table).
 */
import { GeometryError } from "./errors";
import type { AreaCollection } from "./geojson";
import { loadTable } from "./load";
import { dataDir } from "./manifest";

export const MUNICIPALITY_BOUNDARIES = "geo/municipalities_innlandet_2020.geojson";

/** Properties of a municipality feature (codes as text, e.g. "0541" and "3452"). */
export type MunicipalityProperties = {
  municipality_code_2008: string;
  municipality_code_2020: string;
  name: string;
};

/** The boundaries: one feature per municipality, sorted by `municipality_code_2008`. */
export type MunicipalityBoundaries = AreaCollection<MunicipalityProperties>;

/**
 * Load the 48 municipalities' boundaries (WGS84 lon/lat), sorted by 2008 code.
 * @throws ChecksumError | GeometryError | ValueError | DuplicateKeyError | IncompleteKeysError | KeySetError
 * @example
 * const geo = loadMunicipalityBoundaries();
 * geo.features.length; // 48
 * geo.features[0].properties.municipality_code_2008; // "0402"
 */
export function loadMunicipalityBoundaries(dir: string = dataDir()): MunicipalityBoundaries {
  const table = loadTable(MUNICIPALITY_BOUNDARIES, dir);
  if (!("collection" in table)) {
    throw new GeometryError({ file: table.file }, "a manifest entry with format 'geojson'", `format '${table.spec.format ?? "csv"}'`);
  }
  const collection = (table as { collection: AreaCollection }).collection;
  const features = collection.features
    .map((f) => ({ ...f, properties: f.properties as MunicipalityProperties }))
    .sort((a, b) => a.properties.municipality_code_2008.localeCompare(b.properties.municipality_code_2008));
  return { type: "FeatureCollection", features };
}
