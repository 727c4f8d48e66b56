import { describe, expect, it } from "vitest";
import * as pl from "nodejs-polars";
import { figureHtml, heatmapFigure, plotlyLoaderHtml, stackedBarFigure } from "../../src/lib/index";

const df = pl.DataFrame({ region: ["a", "a", "b"], sector: ["x", "y", "x"], value: [1, 2, 3] });

describe("plot builders", () => {
  it("stacked bar: one trace per stack value, gaps as null, labels applied", () => {
    const fig = stackedBarFigure(df, { x: "region", stack: "sector", value: "value", title: "t", xLabels: { a: "A" } });
    expect(fig.data).toEqual([
      { type: "bar", name: "x", x: ["A", "b"], y: [1, 3] },
      { type: "bar", name: "y", x: ["A", "b"], y: [2, null] },
    ]);
    expect(fig.layout["barmode"]).toBe("stack");
  });

  it("heat map: z grid rows = y categories, columns = x categories", () => {
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
    });
  });

  it("rejects an unknown column", () => {
    expect(() => stackedBarFigure(df, { x: "nope", stack: "sector", value: "value", title: "t" })).toThrow(/column 'nope'/);
  });

  it("figure HTML: a div and a newPlot call, with no raw '</' inside the data", () => {
    const fig = stackedBarFigure(pl.DataFrame({ r: ["</script>"], s: ["x"], v: [1] }), { x: "r", stack: "s", value: "v", title: "t" });
    const html = figureHtml(fig, { id: "f1" });
    expect(html).toMatch(/^<div id="f1"/);
    expect(html).toContain('Plotly.newPlot("f1"');
    expect(html.match(/<\/script>/g)).toHaveLength(1);
  });

  it("the loader inlines plotly.js (no network) with heatmap support", () => {
    const html = plotlyLoaderHtml();
    expect(html.length).toBeGreaterThan(1_000_000);
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).toContain('name:"heatmap"');
  });
});
