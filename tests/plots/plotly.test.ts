import { describe, expect, it } from "vitest";
import * as pl from "nodejs-polars";
import { barFigure, figureHtml, heatmapFigure, plotlyLoaderHtml, stackedBarFigure } from "../../src/lib/index";

const df = pl.DataFrame({ region: ["a", "a", "b"], sector: ["x", "y", "x"], value: [1, 2, 3] });

describe("plot builders", () => {
  it("stacked bar: one trace per stack value, gaps as null, labels applied, legend in stack order", () => {
    const fig = stackedBarFigure(df, {
      x: "region",
      stack: "sector",
      value: "value",
      title: "t",
      xLabels: { a: "A" },
      yTitle: "employment",
      yUnit: "%",
    });
    expect(fig.data.map((t) => [t["name"], t["x"], t["y"]])).toEqual([
      ["x", ["A", "b"], [1, 3]],
      ["y", ["A", "b"], [2, null]],
    ]);
    expect(fig.layout["barmode"]).toBe("stack");
    expect(fig.layout["legend"]).toMatchObject({ traceorder: "reversed" });
    expect(fig.layout["yaxis"]).toMatchObject({ title: { text: "employment (%)" }, automargin: true });
    expect(fig.layout["xaxis"]).toMatchObject({ automargin: true });
  });

  it("heat map (linear): z grid rows = y categories, columns = x categories, symmetric around zmid", () => {
    const fig = heatmapFigure(df, { x: "sector", y: "region", z: "value", title: "t", zmid: 1 });
    expect(fig.data[0]).toMatchObject({
      type: "heatmap",
      x: ["x", "y"],
      y: ["a", "b"],
      z: [
        [1, 2],
        [3, null],
      ],
      zmid: 1,
      // largest distance from 1 is |3 − 1| = 2 → [−1, 3]
      zmin: -1,
      zmax: 3,
    });
    expect(fig.layout["yaxis"]).toMatchObject({ automargin: true });
  });

  it("LQ heat map on a log2 scale centred at 1, colour bar labelled in LQ values", () => {
    const lq = pl.DataFrame({ sector: ["s1", "s2", "s3", "s4"], region: ["r", "r", "r", "r"], lq: [2, 0.5, 3.46, 1] });
    const fig = heatmapFigure(lq, { x: "sector", y: "region", z: "lq", scale: "log2", colorbarTitle: "LQ", title: "t" });
    const t = fig.data[0] as Record<string, unknown>;
    // log2 2 = 1, log2 0.5 = −1, log2 3.46 = 1.79, log2 1 = 0 → largest |log2| 1.79 → ±2 doublings
    const z = (t["z"] as number[][])[0]!;
    expect(z[0]).toBeCloseTo(1, 12);
    expect(z[1]).toBeCloseTo(-1, 12);
    expect(z[2]).toBeCloseTo(1.790772, 5);
    expect(z[3]).toBe(0);
    expect(t["zmin"]).toBe(-2);
    expect(t["zmax"]).toBe(2);
    expect(t["colorbar"]).toEqual({ title: { text: "LQ", side: "right" }, tickvals: [-2, -1, 0, 1, 2], ticktext: ["0.25", "0.5", "1", "2", "4"] });
    // cell text keeps the LQ itself
    expect((t["text"] as string[][])[0]).toEqual(["2.00", "0.50", "3.46", "1.00"]);
  });

  it("log2 heat map: small range is at least a factor 2, zero gets the lowest colour, negatives refused", () => {
    const small = heatmapFigure(pl.DataFrame({ x: ["a", "b"], y: ["r", "r"], v: [1.2, 0] }), { x: "x", y: "y", z: "v", scale: "log2", title: "t" });
    const t = small.data[0] as Record<string, unknown>;
    // log2 1.2 = 0.263 → ceil → 1 doubling: ticks 0.5, 1, 2; the zero at the bottom end −1
    expect(t["colorbar"]).toMatchObject({ ticktext: ["0.5", "1", "2"] });
    expect((t["z"] as number[][])[0]![1]).toBe(-1);
    expect((t["text"] as string[][])[0]![1]).toBe("0.00");
    expect(() => heatmapFigure(pl.DataFrame({ x: ["a"], y: ["r"], v: [-1] }), { x: "x", y: "y", z: "v", scale: "log2", title: "t" })).toThrow(
      /values ≥ 0/,
    );
  });

  it("bar: the reference line spans the whole x axis (paper coordinates) and is labelled", () => {
    const fig = barFigure(pl.DataFrame({ area: ["Hedmark", "Oppland", "Hamar"], pct: [20, 18, 21], level: ["county", "county", "region"] }), {
      x: "area",
      y: "pct",
      group: "level",
      yUnit: "%",
      title: "t",
      reference: { value: 17, label: "Norway (17 %)" },
    });
    expect(fig.layout["shapes"]).toEqual([
      { type: "line", xref: "paper", x0: 0, x1: 1, yref: "y", y0: 17, y1: 17, line: { color: "#000000", width: 1.5, dash: "dash" } },
    ]);
    expect(fig.layout["annotations"]).toMatchObject([{ xref: "paper", x: 1, y: 17, text: "Norway (17 %)" }]);
    expect(fig.data.map((t) => t["type"])).toEqual(["bar", "bar"]); // no line trace between bar centres
    // county / region are not region types: Tol's muted indigo and cyan
    expect(fig.data.map((t) => (t["marker"] as { color: string }).color)).toEqual(["#332288", "#88CCEE"]);
  });

  it("rejects an unknown column, saying which exist", () => {
    expect(() => stackedBarFigure(df, { x: "nope", stack: "sector", value: "value", title: "t" })).toThrow(
      /column 'nope' not found \(columns: region, sector, value\)/,
    );
  });

  it("figure HTML: a div and a newPlot call, with no raw '</' inside the data; height from the layout", () => {
    const fig = stackedBarFigure(pl.DataFrame({ r: ["</script>"], s: ["x"], v: [1] }), { x: "r", stack: "s", value: "v", title: "t" });
    const html = figureHtml(fig, { id: "f1" });
    expect(html).toMatch(/^<div id="f1"/);
    expect(html).toContain('(cur?Plotly.react:Plotly.newPlot)("f1"');
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(figureHtml({ data: [], layout: { height: 600 } }, { id: "m" })).toContain("height:600px");
  });

  it("the loader inlines plotly.js (no network) with heatmap support", () => {
    const html = plotlyLoaderHtml();
    expect(html.length).toBeGreaterThan(1_000_000);
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).toContain('name:"heatmap"');
  });
});
