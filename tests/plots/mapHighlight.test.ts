/**
 * Maps of Norway (issue 24): coordinates rounded for a light page, and one outline around a set of municipalities
 * (Innlandet on the national maps). Synthetic squares generated here; expectations by hand.
 */
import { describe, expect, it } from "vitest";
import * as pl from "nodejs-polars";
import { parseGeoJson, roundCoordinates, valueMapFigure } from "../../src/lib/plots/plotly";

type Pos = [number, number];
const square = (x: number, y: number, s = 1): Pos[] => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];
const feature = (code: string, rings: Pos[][]) => ({ type: "Feature" as const, properties: { code, name: code }, geometry: { type: "Polygon" as const, coordinates: rings } });

describe("roundCoordinates", () => {
  it("rounds to the decimals asked, drops repeated points, and drops a ring smaller than the rounding", () => {
    const geo = parseGeoJson({
      type: "FeatureCollection",
      features: [feature("A", [[[10.00012, 60.00049], [10.00041, 60.0001], [11.0004, 60.0], [11.0, 61.0], [10.0, 61.0], [10.00012, 60.00049]], square(10.5, 60.5, 0.0002)])],
    });
    const out = roundCoordinates(geo, 3);
    const g = out.features[0]!.geometry as { type: "MultiPolygon"; coordinates: Pos[][][] };
    // (10.00012, 60.00049) and (10.00041, 60.0001) both round to (10, 60): one point kept; the 0.0002° hole vanishes
    expect(g.coordinates).toEqual([[[[10, 60], [11, 60], [11, 61], [10, 61], [10, 60]]]]);
  });
});

describe("valueMapFigure highlight", () => {
  it("draws one thick line around the union of the highlighted municipalities (the shared edge left out), with its legend name", () => {
    const geo = parseGeoJson({ type: "FeatureCollection", features: [feature("A", [square(0, 60)]), feature("B", [square(1, 60)]), feature("C", [square(2, 60)])] });
    const df = pl.DataFrame({ code: ["A", "B", "C"], v: [1, -1, 2] });
    const fig = valueMapFigure(df, geo, { key: "code", featureKey: "code", value: "v", range: 5, colorbarTitle: "change", title: "t", highlight: { codes: ["A", "B"], label: "A and B" } });
    const line = (fig.data as Record<string, unknown>[]).find((t) => t["name"] === "A and B")!;
    expect(line).toBeDefined();
    const x = line["x"] as (number | null)[];
    const y = line["y"] as (number | null)[];
    // the drawn edges: consecutive points of one polyline (null separates polylines)
    const edges: [number, number, number, number][] = [];
    for (let i = 1; i < x.length; i++) if (x[i] !== null && x[i - 1] !== null) edges.push([x[i - 1]!, y[i - 1]!, x[i]!, y[i]!]);
    // the outline of the 2 × 1 rectangle from (0, 60) to (2, 61): 6 unit edges, never the edge x = 1 between A and B
    expect(edges).toHaveLength(6);
    expect(edges.some(([x0, , x1]) => x0 === 1 && x1 === 1)).toBe(false);
    expect(edges.every(([x0, , x1]) => x0 <= 2 && x1 <= 2)).toBe(true); // C (x 2–3) is outside the outline
  });
});
