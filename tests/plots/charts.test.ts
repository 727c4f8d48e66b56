import { describe, expect, it } from "vitest";
import * as pl from "nodejs-polars";
import { lineFigure, scatterFigure } from "../../src/lib/plots/plotly";
import { spreadLabels } from "../../src/lib/plots/line";

// synthetic points (generated here, not data)
const pts = pl.DataFrame({
  pop: [-3.61, -3.64, -3.2, 4.3, null],
  jobs: [19, 19, 19.5, 10, 5],
  low: [19, 19, 19, 10, null],
  high: [20, 20, 20, 15, null],
  name: ["Vinstra", "Sel", "Tynset", "Hamar", "Nowhere"],
  type: ["small_town", "small_town", "small_town", "city", "city"],
});

describe("scatterFigure", () => {
  const fig = scatterFigure(pts, {
    x: "pop",
    y: "jobs",
    label: "name",
    group: "type",
    title: "t",
    quadrants: true,
    xTitle: "population change",
    xUnit: "%",
    yTitle: "job change",
    yUnit: "%",
    yError: { low: "low", high: "high" },
  });

  it("one trace per group, null rows left out, a textposition per point", () => {
    expect(fig.data.map((t) => [t["name"], t["text"]])).toEqual([
      ["small-town regions", ["Vinstra", "Sel", "Tynset"]],
      ["city regions", ["Hamar"]],
    ]);
    const positions = fig.data.flatMap((t) => t["textposition"] as string[]);
    expect(positions).toHaveLength(4);
    // Vinstra and Sel sit 0.03 apart: their labels must go to different sides
    expect(positions[0]).not.toBe(positions[1]);
    expect(fig.data.every((t) => t["cliponaxis"] === false)).toBe(true);
  });

  it("asymmetric error bars from the printed range: plus = high − y, minus = y − low", () => {
    // Vinstra 19 in [19, 20] → +1 / −0; Tynset 19.5 in [19, 20] → +0.5 / −0.5; Hamar 10 in [10, 15] → +5 / −0
    expect(fig.data[0]!["error_y"]).toMatchObject({ type: "data", symmetric: false, array: [1, 1, 0.5], arrayminus: [0, 0, 0.5] });
    expect(fig.data[1]!["error_y"]).toMatchObject({ array: [5], arrayminus: [0] });
  });

  it("axes carry units, ranges hold the data and the error bars, with a fixed size", () => {
    const x = fig.layout["xaxis"] as { title: { text: string }; range: [number, number]; zeroline: boolean };
    const y = fig.layout["yaxis"] as { title: { text: string }; range: [number, number] };
    expect(x.title.text).toBe("population change (%)");
    expect(y.title.text).toBe("job change (%)");
    expect(x.zeroline).toBe(true);
    expect(x.range[0]).toBeLessThan(-3.64);
    expect(x.range[1]).toBeGreaterThan(4.3);
    expect(y.range[0]).toBeLessThan(10);
    expect(y.range[1]).toBeGreaterThan(20); // the top of the error bars
    expect([fig.layout["width"], fig.layout["height"]]).toEqual([760, 450]);
  });

  it("log x axis, and a refusal for x ≤ 0 on it", () => {
    const sizes = pl.DataFrame({ size: [1000, 10000], g: [1, 2], n: ["a", "b"], t: ["city", "city"] });
    const f = scatterFigure(sizes, { x: "size", y: "g", label: "n", group: "t", title: "t", xLog: true });
    const x = f.layout["xaxis"] as { type: string; range: [number, number] };
    expect(x.type).toBe("log");
    // log10 1000 = 3, log10 10000 = 4: the range (in log10 units) holds both
    expect(x.range[0]).toBeLessThan(3);
    expect(x.range[1]).toBeGreaterThan(4);
    expect(() => scatterFigure(pts, { x: "pop", y: "jobs", label: "name", group: "type", title: "t", xLog: true })).toThrow(/log x axis needs x > 0/);
  });

  it("refuses a range that does not contain its point", () => {
    const bad = pl.DataFrame({ x: [1], y: [5], lo: [6], hi: [7], n: ["a"], g: ["city"] });
    expect(() => scatterFigure(bad, { x: "x", y: "y", label: "n", group: "g", title: "t", yError: { low: "lo", high: "hi" } })).toThrow(
      /must contain the point/,
    );
  });
});

// synthetic index series (generated here): two regions, one gap
const series = pl.DataFrame({
  year: [2000, 1998, 1999, 1998, 1999, 2000],
  idx: [104, 100, 102, 100, null, 95],
  region: ["Hamar", "Hamar", "Hamar", "Trysil", "Trysil", "Trysil"],
  type: ["city", "city", "city", "small_town", "small_town", "small_town"],
});

describe("lineFigure", () => {
  const fig = lineFigure(series, {
    x: "year",
    y: "idx",
    group: "region",
    colourBy: "type",
    title: "t",
    yTitle: "population index (1998 = 100)",
    band: { from: 1998, to: 1999, label: "report's period" },
    reference: { value: 100 },
  });

  it("one line per group sorted by x, gaps kept as null", () => {
    expect(fig.data.map((t) => [t["name"], t["x"], t["y"]])).toEqual([
      ["Hamar", [1998, 1999, 2000], [100, 102, 104]],
      ["Trysil", [1998, 1999, 2000], [100, null, 95]],
    ]);
    expect(fig.data.every((t) => t["connectgaps"] === false)).toBe(true);
  });

  it("colours by region type from the shared palette; shaded period and reference line", () => {
    expect(fig.data.map((t) => (t["line"] as { color: string }).color)).toEqual(["#0072B2", "#E69F00"]);
    const shapes = fig.layout["shapes"] as Record<string, unknown>[];
    expect(shapes[0]).toMatchObject({ type: "rect", xref: "x", x0: 1998, x1: 1999, yref: "paper", y0: 0, y1: 1, layer: "below" });
    expect(shapes[1]).toMatchObject({ type: "line", xref: "paper", x0: 0, x1: 1, y0: 100, y1: 100 });
    expect(fig.layout["xaxis"]).toMatchObject({ range: [1998, 2000] });
  });

  it("the band's label: centred on the band, or from the axis's left end when the band starts before the data", () => {
    const label = (f: ReturnType<typeof lineFigure>) => (f.layout["annotations"] as Record<string, unknown>[]).find((a) => a["text"] === "report's period")!;
    // 1998–1999 inside the data's 1998–2000: centred on 1998.5, anchored as plotly's default (centre)
    expect(label(fig)["x"]).toBe(1998.5);
    expect(label(fig)["xanchor"]).toBeUndefined();
    // 1996–1999 over data from 1998: the centre 1997.5 lies off the axis; the label starts at 1998, left-anchored
    const early = lineFigure(series, { x: "year", y: "idx", group: "region", title: "t", band: { from: 1996, to: 1999, label: "report's period" } });
    expect([label(early)["x"], label(early)["xanchor"]]).toEqual([1998, "left"]);
  });

  it("the reference line's label sits on a white ground at the left end (where an index's lines start)", () => {
    const f = lineFigure(series, { x: "year", y: "idx", group: "region", title: "t", reference: { value: 100, label: "1998 = 100" } });
    const ann = (f.layout["annotations"] as Record<string, unknown>[]).find((a) => a["text"] === "1998 = 100")!;
    expect(ann).toMatchObject({ xref: "paper", x: 0, y: 100, yanchor: "bottom" });
    expect(String(ann["bgcolor"])).toMatch(/^rgba\(255,\s*255,\s*255,\s*0\.[5-9]/);
  });

  it("end labels: the lines are named at their last value, legend only for the colours", () => {
    const f = lineFigure(series, { x: "year", y: "idx", group: "region", colourBy: "type", title: "t", endLabels: true });
    const ann = f.layout["annotations"] as { x: number; y: number; text: string }[];
    expect(ann.map((a) => [a.text, a.x])).toEqual([
      ["Hamar", 2000],
      ["Trysil", 2000],
    ]);
    // 104 and 95 are far apart in px: labels stay at their values
    expect(ann[0]!.y).toBeCloseTo(104, 9);
    expect(ann[1]!.y).toBeCloseTo(95, 9);
    expect(f.data.filter((t) => t["showlegend"] !== false).map((t) => t["name"])).toEqual(["city regions", "small-town regions"]);
  });

  it("spreadLabels pushes close labels apart symmetrically and leaves far ones alone", () => {
    // 100 and 102 closer than 12: a block centred on 101 → 95 and 107; 200 untouched
    expect(spreadLabels([100, 102, 200], 12)).toEqual([95, 107, 200]);
    // three at 50: centred block 38, 50, 62, order kept by input index
    expect(spreadLabels([50, 50, 50], 12)).toEqual([38, 50, 62]);
  });

  it("refuses a colour column that varies within a line", () => {
    const bad = series.withColumns(pl.Series("type", ["city", "small_town", "city", "small_town", "small_town", "small_town"]));
    expect(() => lineFigure(bad, { x: "year", y: "idx", group: "region", colourBy: "type", title: "t" })).toThrow(/differs within group 'Hamar'/);
  });
});
