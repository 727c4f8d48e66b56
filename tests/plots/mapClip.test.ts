/**
 * Maps of Norway (issue 24): a shared colour scale cut at a percentile of |value| (a few extreme municipalities would
 * leave every other colour pale), values beyond it in the end colours with their own value in the hover, and the
 * map's aspect recorded for a phone's layout. Synthetic squares generated here; expectations by hand.
 */
import { describe, expect, it } from "vitest";
import * as pl from "nodejs-polars";
import { clippedScale, DIVERGING, parseGeoJson, valueMapFigure } from "../../src/lib/plots/plotly";

type Pos = [number, number];
const square = (x: number, y: number, s = 1): Pos[] => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];
const feature = (code: string, rings: Pos[][]) => ({ type: "Feature" as const, properties: { code, name: code }, geometry: { type: "Polygon" as const, coordinates: rings } });
// four unit squares in a row at 60–61°N: A B C D
const geo = parseGeoJson({ type: "FeatureCollection", features: ["A", "B", "C", "D"].map((c, i) => feature(c, [square(i, 60)])) });
const base = { key: "code", featureKey: "code", title: "t", colorbarTitle: "population change", unit: "%" };

describe("clippedScale", () => {
  it("the percentile of |value| by nearest rank, rounded up to the step, with the values beyond it", () => {
    // |values| sorted 1, 2, 3, 40; the 75th percentile is the ⌈0.75 · 4⌉ = 3rd: 3 → 5; one value (40) beyond
    expect(clippedScale([1, -2, 3, 40], { percentile: 75, step: 5 })).toEqual({ range: 5, beyond: 1, largest: 40, n: 4 });
    // the 100th percentile is the largest: 40 → 40, nothing beyond; nulls left out
    expect(clippedScale([1, -2, null, 3, -40], { percentile: 100, step: 5 })).toEqual({ range: 40, beyond: 0, largest: 40, n: 4 });
    // never wider than the largest rounded up: |values| 0.2, 0.5 at step 1 → 1
    expect(clippedScale([0.5, -0.2], { percentile: 50, step: 1 }).range).toBe(1);
  });

  it("refuses no values, a percentile outside (0, 100] and a step that is not positive", () => {
    expect(() => clippedScale([null], { percentile: 95, step: 5 })).toThrow(/no finite value/);
    expect(() => clippedScale([1], { percentile: 0, step: 5 })).toThrow(/percentile must lie in \(0, 100\]/);
    expect(() => clippedScale([1], { percentile: 95, step: 0 })).toThrow(/step must be > 0/);
  });
});

describe("valueMapFigure with clip", () => {
  const df = pl.DataFrame({ code: ["A", "B", "C", "D"], v: [-30, -10, 0, 12] });
  const fill = (fig: ReturnType<typeof valueMapFigure>, code: string) =>
    (fig.data as Record<string, unknown>[]).find((t) => String(t["name"]).startsWith(`${code} (`))!;

  it("values beyond ±range take the end colours and keep their own value in the hover", () => {
    const fig = valueMapFigure(df, geo, { ...base, value: "v", range: 10, clip: true });
    expect(fill(fig, "A")["fillcolor"]).toBe(DIVERGING[0]); // −30 beyond −10: the bottom of RdBu
    expect(fill(fig, "B")["fillcolor"]).toBe(DIVERGING[0]); // −10 is the end itself
    expect(fill(fig, "D")["fillcolor"]).toBe(DIVERGING[DIVERGING.length - 1]); // +12 beyond +10: the top
    expect(fill(fig, "C")["fillcolor"]).toBe("#F7F7F7"); // 0: the middle
    expect(fill(fig, "A")["name"]).toBe("A (A)<br>population change: -30.0 %");
    expect(fill(fig, "D")["name"]).toBe("D (D)<br>population change: +12.0 %");
  });

  it("the colour bar's ends read ≤ −range and ≥ +range", () => {
    const fig = valueMapFigure(df, geo, { ...base, value: "v", range: 10, clip: true });
    const bar = (fig.data as Record<string, unknown>[]).find((t) => t["name"] === "scale")!["marker"] as { colorbar: Record<string, unknown> };
    expect(bar.colorbar["tickvals"]).toEqual([-10, -5, 0, 5, 10]);
    expect(bar.colorbar["ticktext"]).toEqual(["≤ −10 %", "−5", "0", "+5", "≥ +10 %"]);
  });

  it("without clip a value beyond the range is still refused", () => {
    expect(() => valueMapFigure(df, geo, { ...base, value: "v", range: 10 })).toThrow(/outside the scale ±10.*clip: true/);
  });

  it("records the map's height over its width at equal ground scale, for a phone's layout", () => {
    const fig = valueMapFigure(df, geo, { ...base, value: "v", range: 30 });
    // 4° of longitude by 1° of latitude around 60.5°N: a degree of longitude is cos 60.5° ≈ 0.4924 of a degree of
    // latitude on the ground, so the map is 4 · 0.4924 ≈ 1.97 units wide and 1 tall: height / width ≈ 0.5077
    expect((fig.layout["meta"] as { mapAspect: number }).mapAspect).toBeCloseTo(1 / (4 * Math.cos((60.5 * Math.PI) / 180)), 12);
    expect((fig.layout["meta"] as { mapAspect: number }).mapAspect).toBeCloseTo(0.5077, 4);
  });
});
