/**
 * The 1992–2026 municipal series (SSB 07459) and the municipal boundaries
 * (Kartverket 2020): typed loaders, agreement with the 2000–2009 file, and
 * typed errors for malformed GeoJSON.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import * as pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import {
  DataError,
  GeometryError,
  IncompleteKeysError,
  KeySetError,
  ValueError,
  dataDir,
  loadMapping,
  loadMunicipalPopulation,
  loadMunicipalPopulation1992To2026,
  loadMunicipalityBoundaries,
  rehashManifest,
  toRegions,
} from "../../src/lib/index";

const GEO = "geo/municipalities_innlandet_2020.geojson";

function csvRows(path: string): Record<string, string>[] {
  return parse(readFileSync(join(dataDir(), path), "utf8"), { columns: true }) as Record<string, string>[];
}

describe("population 1992–2026", () => {
  it("equals the 2000–2009 file in every overlapping cell (read as raw CSV text, not through the loaders)", () => {
    const long = new Map(csvRows("ssb/population_municipality_1992_2026.csv").map((r) => [`${r["municipality_code_2008"]}|${r["year"]}`, r]));
    const short = csvRows("ssb/population_municipality_2000_2009.csv");
    expect(short).toHaveLength(480); // 48 municipalities × 10 years
    for (const r of short) {
      const other = long.get(`${r["municipality_code_2008"]}|${r["year"]}`);
      expect(other, `${r["municipality_code_2008"]} ${r["year"]}`).toBeDefined();
      for (const c of ["municipality_code_2020", "municipality_name", "county", "population_1jan"])
        expect(other![c], `${c} ${r["municipality_code_2008"]} ${r["year"]}`).toBe(r[c]);
    }
  });

  it("loads with the existing loader's columns; 48 × 35 = 1680 rows", () => {
    const pop = loadMunicipalPopulation1992To2026();
    expect(pop.columns).toEqual(loadMunicipalPopulation().columns);
    expect(pop.height).toBe(1680);
    expect(pop.getColumn("value").dtype.equals(pl.Int64)).toBe(true);
    // first row: Kongsvinger 0402, 1 Jan 1992 = 17478 (CSV row 2)
    expect(pop.row(0)).toEqual(["0402", "Kongsvinger", "Hedmark", 1992, 17478]);
  });

  it("the same region aggregation works and gives the same regions for 2008 as the 2000–2009 file", () => {
    const mapping = loadMapping("report13");
    const year2008 = (df: ReturnType<typeof loadMunicipalPopulation>) => toRegions(df.filter(pl.col("year").eq(2008)), mapping);
    const regions = year2008(loadMunicipalPopulation1992To2026());
    expect(regions.height).toBeGreaterThanOrEqual(13);
    expect(regions.toRecords()).toEqual(year2008(loadMunicipalPopulation()).toRecords());
  });
});

describe("municipal boundaries (GeoJSON)", () => {
  it("48 (Multi)Polygon features whose codes are the 48 of regions/mappings.csv", () => {
    const geo = loadMunicipalityBoundaries();
    expect(geo.type).toBe("FeatureCollection");
    expect(geo.features).toHaveLength(48);
    const mapped = [...new Set(csvRows("regions/mappings.csv").map((r) => r["municipality_code_2008"]!))].sort();
    expect(geo.features.map((f) => f.properties.municipality_code_2008)).toEqual(mapped);
    for (const f of geo.features) expect(["Polygon", "MultiPolygon"]).toContain(f.geometry.type);
    const etnedal = geo.features.find((f) => f.properties.municipality_code_2008 === "0541")!;
    expect(etnedal.properties).toEqual({ municipality_code_2020: "3450", municipality_code_2008: "0541", name: "Etnedal" });
  });

  it("each load has its own features: a caller's edits (a ring reversed, a name changed) reach no later load", () => {
    const ringOf = (g: { type: string; coordinates: unknown }): number[][] =>
      (g.type === "Polygon" ? (g.coordinates as number[][][])[0] : (g.coordinates as number[][][][])[0]![0])!;
    const pristine = loadMunicipalityBoundaries();
    const [x0, y0] = ringOf(pristine.features[0]!.geometry)[0]!;
    const edited = loadMunicipalityBoundaries();
    ringOf(edited.features[0]!.geometry).reverse()[0]![0] = -999;
    (edited.features[1]!.properties as { name: string }).name = "MUTATED";
    const again = loadMunicipalityBoundaries();
    expect(ringOf(again.features[0]!.geometry)[0]).toEqual([x0, y0]);
    expect(again.features[1]!.properties.name).toBe(pristine.features[1]!.properties.name);
  });

  type Doc = { type: string; features: { type: string; properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[] };
  function badGeo(edit: (d: Doc) => unknown): string {
    const dir = mkdtempSync(join(tmpdir(), "innlandet-geo-"));
    cpSync(dataDir(), dir, { recursive: true });
    const doc = JSON.parse(readFileSync(join(dir, GEO), "utf8")) as Doc;
    const out = edit(doc);
    writeFileSync(join(dir, GEO), typeof out === "string" ? out : JSON.stringify(out ?? doc));
    rehashManifest(dir);
    return dir;
  }
  function failure(dir: string): DataError {
    try {
      loadMunicipalityBoundaries(dir);
    } catch (e) {
      if (e instanceof DataError) return e;
      throw e;
    }
    throw new Error("expected a DataError");
  }
  const ring = (d: Doc) => (d.features[2]!.geometry.coordinates as number[][][][])[0]![0]!;

  it.each<[string, (d: Doc) => unknown, new (...a: never[]) => DataError, RegExp]>([
    ["a dropped feature", (d) => void d.features.splice(5, 1), IncompleteKeysError, /key municipality_code_2008=/],
    ["not a FeatureCollection", (d) => ({ ...d, type: "GeometryCollection" }), GeometryError, /FeatureCollection/],
    ["not JSON", () => "{ not json", GeometryError, /readable JSON/],
    [
      "a Point geometry",
      (d) => void (d.features[2]!.geometry = { type: "Point", coordinates: [10, 61] }),
      GeometryError,
      /feature 3, column 'geometry.type'/,
    ],
    ["an open ring", (d) => void ring(d).pop(), GeometryError, /feature 3, .*closed ring/],
    ["a latitude of 95", (d) => void (ring(d)[1] = [10, 95]), GeometryError, /feature 3, .*WGS84/],
    [
      "a code not among the 48",
      (d) => void (d.features[0]!.properties["municipality_code_2008"] = "0999"),
      ValueError,
      /feature 1, column 'municipality_code_2008'/,
    ],
    ["a missing property", (d) => void delete d.features[0]!.properties["name"], GeometryError, /feature 1, column 'properties'/],
  ])("%s → typed error", (_what, edit, type, message) => {
    const e = failure(badGeo(edit));
    expect(e).toBeInstanceOf(type);
    expect(e.file).toBe(`data/${GEO}`);
    expect(e.message).toMatch(message);
  });

  it("codes different from regions/mappings.csv → KeySetError", () => {
    // drop Etnedal from both the GeoJSON's code list and the features: the file is then complete by its own
    // (edited) code list, but no longer covers the municipalities the mappings assign
    const dir = badGeo((d) => void (d.features = d.features.filter((f) => f.properties["municipality_code_2008"] !== "0541")));
    const m = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as {
      files: { path: string; columns: { name: string; codes?: string[] }[] }[];
    };
    const col = m.files.find((f) => f.path === GEO)!.columns.find((c) => c.name === "municipality_code_2008")!;
    col.codes = col.codes!.filter((c) => c !== "0541");
    writeFileSync(join(dir, "manifest.json"), JSON.stringify(m, null, 2));
    const e = failure(dir);
    expect(e).toBeInstanceOf(KeySetError);
    expect(e.found).toBe("missing: 0541");
  });
});
