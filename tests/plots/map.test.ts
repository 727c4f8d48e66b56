import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as pl from "nodejs-polars";
import { categoryMapFigure, parseGeoJson, valueMapFigure, type GeoFeatureCollection } from "../../src/lib/plots/plotly";
import { centroid, groupBoundaries, insidePolygon, ringAreaCentroid } from "../../src/lib/plots/geometry";
import { labelsThatFit } from "../../src/lib/plots/mapParts";
import { loadMapping } from "../../src/lib/regions/mapping";

// the project's copy once data/geo is in place (issue 12), else the shared download
const GEO_FILE = [
  join(__dirname, "../../data/geo/municipalities_innlandet_2020.geojson"),
  "/work/shared/data/geo/municipalities_innlandet_2020.geojson",
].find(existsSync);
if (!GEO_FILE) console.warn("map.test: municipalities_innlandet_2020.geojson not found (data/geo/) — the real-boundary tests are skipped");

type Pos = [number, number];
const square = (x: number, y: number, s = 1): Pos[] => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
  [x, y],
];

/** Synthetic GeoJSON generated here: a row of three unit squares at 60–61°N ("A", "B", "C"),
 *  C a MultiPolygon with a detached island, and "D" below A with a hole. */
function syntheticGeo(): GeoFeatureCollection {
  const feature = (code: string, name: string, geometry: GeoFeatureCollection["features"][number]["geometry"]) => ({
    type: "Feature" as const,
    properties: { code, name },
    geometry,
  });
  return parseGeoJson({
    type: "FeatureCollection",
    features: [
      feature("A", "Alpha", { type: "Polygon", coordinates: [square(0, 60)] }),
      feature("B", "Beta", { type: "Polygon", coordinates: [square(1, 60)] }),
      feature("C", "Gamma", { type: "MultiPolygon", coordinates: [[square(2, 60)], [square(3.5, 60.25, 0.5)]] }),
      feature("D", "Delta", { type: "Polygon", coordinates: [square(0, 59), square(0.25, 59.25, 0.5).reverse()] }),
    ],
  });
}

const filled = (fig: { data: Record<string, unknown>[] }) =>
  fig.data.filter((t) => t["fill"] === "toself" && (t["x"] as unknown[]).some((v) => v !== null));

describe("geometry", () => {
  it("areas, centroids and point-in-polygon by hand", () => {
    // unit-2 square: area 4, centroid (1, 1)
    expect(ringAreaCentroid(square(0, 0, 2))).toEqual({ area: 4, cx: 1, cy: 1 });
    // square 0..1 × 59..60 with a 0.5 × 0.5 hole: area 1 − 0.25 = 0.75
    const d = [square(0, 59), square(0.25, 59.25, 0.5).reverse()];
    expect(centroid([d]).area).toBeCloseTo(0.75, 12);
    expect(insidePolygon(0.5, 59.5, d)).toBe(false); // in the hole
    expect(insidePolygon(0.1, 59.1, d)).toBe(true);
  });

  it("group outlines: shared edges inside a group vanish, edges between groups stay", () => {
    const geo = syntheticGeo();
    const ab = geo.features.slice(0, 2);
    // A and B share one edge; each square has 4 edges: same group → 8 − 2 = 6 outline edges, different → 7
    expect(groupBoundaries(ab, () => "g").segments).toHaveLength(6);
    const split = groupBoundaries(ab, (f) => String(f.properties?.["code"]));
    expect(split.segments).toHaveLength(7);
    expect([...split.neighbours.get("A")!]).toEqual(["B"]);
  });

  it("parseGeoJson refuses what it cannot draw", () => {
    expect(() => parseGeoJson({ type: "Feature" })).toThrow(/FeatureCollection/);
    expect(() =>
      parseGeoJson({ type: "FeatureCollection", features: [{ type: "Feature", properties: {}, geometry: { type: "Point", coordinates: [1, 2] } }] }),
    ).toThrow(/Polygon or MultiPolygon/);
    expect(() =>
      parseGeoJson({
        type: "FeatureCollection",
        features: [{ type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: [square(500000, 6000000)] } }],
      }),
    ).toThrow(/not lon\/lat/);
  });
});

describe("map figures (synthetic GeoJSON)", () => {
  const geo = syntheticGeo();
  const frame = pl.DataFrame({ code: ["A", "B", "C"], type: ["city", "city", "small_town"], region: ["R1", "R2", "R3"], change: [-5, 2.5, 10] });
  const base = { key: "code", featureKey: "code", title: "t" };

  it("one filled trace per polygon part; equal ground scale via scaleanchor and 1/cos(latitude)", () => {
    const fig = categoryMapFigure(frame, geo, { ...base, category: "type" });
    // parts: A 1, B 1, C 2, D 1 = 5
    expect(filled(fig)).toHaveLength(5);
    const y = fig.layout["yaxis"] as { scaleanchor: string; scaleratio: number; visible: boolean };
    expect(y.scaleanchor).toBe("x");
    // latitudes 59 … 61 → mid 60°: 1 / cos 60° = 2
    expect(y.scaleratio).toBeCloseTo(2, 12);
    expect(y.visible).toBe(false);
  });

  it("categories in the shared palette, no data in grey, hover with name and category", () => {
    const fig = categoryMapFigure(frame, geo, { ...base, category: "type" });
    const byName = new Map(filled(fig).map((t) => [String(t["name"]).split(" (")[0], t]));
    expect(byName.get("Alpha")!["fillcolor"]).toBe("#0072B2");
    expect(byName.get("Gamma")!["fillcolor"]).toBe("#E69F00");
    expect(byName.get("Delta")!["fillcolor"]).toBe("#EEEEEE");
    expect(byName.get("Alpha")!["name"]).toBe("Alpha (A)<br>type: city regions");
    expect(byName.get("Delta")!["name"]).toContain("no data");
    expect(fig.data.filter((t) => t["mode"] === "markers").map((t) => t["name"])).toEqual(["city regions", "small-town regions", "no data"]);
  });

  it("outlines by group, neighbouring groups of one category shaded apart, marked codes hatched", () => {
    const fig = categoryMapFigure(frame, geo, {
      ...base,
      category: "type",
      outlineBy: "region",
      labelGroups: true,
      marked: { codes: ["B"], label: "centred outside" },
    });
    const byName = new Map(filled(fig).map((t) => [String(t["name"]).split(" (")[0], t]));
    // R1 (A) and R2 (B) are neighbours of the same category: R1 full blue, R2 lighter (mixed 45 % with white)
    expect(byName.get("Alpha")!["fillcolor"]).toBe("#0072B2");
    // 0x00 + 255·0.45 = 114.75 → 115 = 0x73; 0x72 = 114 + (255 − 114)·0.45 = 177.45 → 0xB1; 0xB2 = 178 + (255 − 178)·0.45 = 212.65 → 0xD5
    expect(byName.get("Beta")!["fillcolor"]).toBe("#73B1D5");
    expect(byName.get("Beta")!["fillpattern"]).toMatchObject({ shape: "/" });
    expect(byName.get("Alpha")!["fillpattern"]).toBeUndefined();
    const outline = fig.data.find((t) => t["name"] === "region outlines")!;
    expect((outline["line"] as { width: number }).width).toBeGreaterThan(1);
    const labels = fig.data.find((t) => t["name"] === "region names")!;
    expect(labels["text"]).toEqual(["R1", "R2", "R3"]);
    expect(fig.data.some((t) => t["name"] === "centred outside" && t["fillpattern"])).toBe(true);
    // B's category (city) is also drawn unhatched (A): both legend entries stay, the hatched swatch on white
    expect(fig.data.filter((t) => t["mode"] === "markers").map((t) => t["name"])).toEqual(["city regions", "small-town regions", "no data"]);
    expect(fig.data.find((t) => t["name"] === "centred outside")!["fillcolor"]).toBe("#FFFFFF");
  });

  it("a category drawn only hatched is one legend entry: the hatched swatch in the category's colour", () => {
    const outside = frame.withColumns(pl.when(pl.col("code").eq(pl.lit("B"))).then(pl.lit("outside")).otherwise(pl.col("type")).alias("type"));
    const fig = categoryMapFigure(outside, geo, { ...base, category: "type", marked: { codes: ["B"], label: "regions centred outside" } });
    expect(fig.data.filter((t) => t["mode"] === "markers").map((t) => t["name"])).toEqual(["city regions", "small-town regions", "no data"]);
    const swatch = fig.data.find((t) => t["name"] === "regions centred outside")!;
    expect(swatch["fillcolor"]).toBe("#999999"); // palette.ts: outside
    expect((swatch["fillpattern"] as { bgcolor: string }).bgcolor).toBe("#999999");
  });

  it("labelsThatFit: a name whose box, grown by pad, meets a larger group's box is left out", () => {
    const prep = { bbox: { lon0: 0, lon1: 10, lat0: 0, lat1: 10 }, kx: 1 };
    // 100 × 100 px over 10° × 10°: 10 px a degree; names at lat 5 and 3.5 → y 50 and 65 px; size 10 → half-height 7:
    // boxes 43–57 and 58–72 (apart by 1 px); with pad 1 → 42–58 and 57–73 (they meet); the smaller area (B) goes
    const cs = [{ lon: 5, lat: 5, area: 2 }, { lon: 5, lat: 3.5, area: 1 }];
    expect(labelsThatFit(cs, ["A", "B"], prep, { width: 100, height: 100, size: 10 })).toEqual([true, true]);
    expect(labelsThatFit(cs, ["A", "B"], prep, { width: 100, height: 100, size: 10, pad: 1 })).toEqual([true, false]);
  });

  it("values on a symmetric diverging scale: two maps with one range share colours and colour bar", () => {
    const later = frame.withColumns(pl.Series("change", [10, -5, 0]));
    const a = valueMapFigure(frame, geo, { ...base, value: "change", range: 10, colorbarTitle: "population change", unit: "%" });
    const b = valueMapFigure(later, geo, { ...base, value: "change", range: 10, colorbarTitle: "population change", unit: "%" });
    const fill = (fig: typeof a, who: string) => filled(fig).find((t) => String(t["name"]).startsWith(who))!["fillcolor"];
    // C = +10 in a, A = +10 in b: both the top of RdBu; B = −5 in b and A = −5 in a: the same colour
    expect(fill(a, "Gamma")).toBe("#2166AC");
    expect(fill(b, "Alpha")).toBe("#2166AC");
    expect(fill(a, "Alpha")).toBe(fill(b, "Beta"));
    expect(fill(b, "Gamma")).toBe("#F7F7F7"); // 0 → white
    const bar = (fig: typeof a) => fig.data.find((t) => t["name"] === "scale")!["marker"] as Record<string, unknown>;
    expect([bar(a)["cmin"], bar(a)["cmax"], bar(a)["showscale"]]).toEqual([-10, 10, true]);
    expect(bar(b)["cmin"]).toBe(bar(a)["cmin"]);
    expect(filled(a).find((t) => String(t["name"]).startsWith("Beta"))!["name"]).toBe("Beta (B)<br>population change: +2.5 %");
    // D has no row: not the light grey of a category map (next to the scale's centre #F7F7F7 it reads as "no change")
    // but mid grey with dots, and the legend's "no data" swatch the same
    const delta = filled(a).find((t) => String(t["name"]).startsWith("Delta"))!;
    expect(delta["fillcolor"]).toBe("#BDBDBD");
    expect(delta["fillpattern"]).toMatchObject({ shape: "." });
    const swatch = a.data.find((t) => t["name"] === "no data")!;
    expect([swatch["fillcolor"], (swatch["fillpattern"] as { shape: string }).shape]).toEqual(["#BDBDBD", "."]);
  });

  it("refuses values off the scale, repeated codes and codes without a boundary", () => {
    expect(() => valueMapFigure(frame, geo, { ...base, value: "change", range: 5, colorbarTitle: "c" })).toThrow(/outside the scale ±5/);
    const dup = pl.DataFrame({ code: ["A", "A"], type: ["city", "city"] });
    expect(() => categoryMapFigure(dup, geo, { ...base, category: "type" })).toThrow(/repeats code A/);
    const stray = pl.DataFrame({ code: ["Z"], type: ["city"] });
    expect(() => categoryMapFigure(stray, geo, { ...base, category: "type" })).toThrow(/without a boundary.*Z/);
  });
});

describe.skipIf(!GEO_FILE)("map figures (Kartverket's 48 municipalities)", () => {
  // built on first use: a skipped suite's body still runs at collection
  let built: ReturnType<typeof build> | undefined;
  const build = () => {
    const geo = parseGeoJson(JSON.parse(readFileSync(GEO_FILE!, "utf8")));
    const mapping = loadMapping("report13");
    const outside = mapping
      .filter(pl.col("region_type").eq(pl.lit("outside")))
      .getColumn("municipality_code_2008")
      .toArray()
      .map(String);
    const fig = categoryMapFigure(mapping, geo, {
      key: "municipality_code_2008",
      featureKey: "municipality_code_2008",
      category: "region_type",
      outlineBy: "region",
      labelGroups: true,
      marked: { codes: outside, label: "region centred outside Innlandet" },
      title: "Regions",
      attribution: "© Kartverket",
    });
    return { geo, mapping, outside, fig };
  };
  const get = () => (built ??= build());

  it("draws every municipality: 48 features, 48 filled polygon parts, each named", () => {
    const { geo, fig } = get();
    expect(geo.features).toHaveLength(48);
    const parts = filled(fig);
    expect(parts).toHaveLength(48);
    const names = new Set(parts.map((t) => String(t["name"]).split(" (")[0]));
    for (const f of geo.features) expect(names.has(String(f.properties?.["name"]))).toBe(true);
    expect(parts.every((t) => (t["fillcolor"] as string) !== "#EEEEEE")).toBe(true); // every municipality mapped
  });

  it("marks the outside-centred municipalities and labels the 16 regions of report13", () => {
    const { mapping, outside, fig } = get();
    expect(outside).toHaveLength(4);
    const hatched = filled(fig).filter((t) => t["fillpattern"]);
    expect(hatched.map((t) => String(t["name"]).match(/\((\d{4})\)/)![1]).sort()).toEqual([...outside].sort());
    const labels = fig.data.find((t) => t["name"] === "region names")!["text"] as string[];
    expect(labels).toHaveLength(new Set(mapping.getColumn("region").toArray()).size);
    // at desk width Ringerike's name lay over Oslo/Bærum's (seen in a screenshot at 1440 px): left out, the hover names it
    expect(labels.filter((l) => l === "")).toHaveLength(1);
    expect(labels[labels.indexOf("Oslo/Bærum") + 1]).toBe("");
    // the outside regions are hatched grey: one legend entry, not a grey square and a hatched one
    expect(fig.data.filter((t) => t["mode"] === "markers").map((t) => t["name"])).toEqual(["city regions", "small-town regions"]);
    expect(fig.layout["annotations"]).toMatchObject([{ text: "© Kartverket" }]);
  });
});
