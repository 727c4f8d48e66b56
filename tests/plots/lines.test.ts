import { describe, expect, it } from "vitest";
import * as pl from "nodejs-polars";
import { IndicatorInputError, lineFigure } from "../../src/lib/index";

// Synthetic: two regions, rows deliberately out of year order.
const df = pl.DataFrame({
  region: ["A", "A", "B", "A", "B"],
  type: ["city", "city", "small", "city", "small"],
  year: [2001, 1999, 1999, 2000, 2000],
  index: [110, 100, 100, 105, null],
});

describe("lineFigure", () => {
  it("one line per group, points sorted by x, nulls kept as gaps", () => {
    const fig = lineFigure(df, { x: "year", y: "index", group: "region", title: "t" });
    expect(fig.data).toEqual([
      { type: "scatter", mode: "lines", name: "A", x: [1999, 2000, 2001], y: [100, 105, 110] },
      { type: "scatter", mode: "lines", name: "B", x: [1999, 2000], y: [100, null] },
    ]);
    expect(fig.layout["shapes"]).toBeUndefined();
    expect(fig.layout["xaxis"]).toEqual({ title: { text: "year" } });
  });

  it("shades the band below the lines, labels it, and draws the reference line", () => {
    const fig = lineFigure(df, { x: "year", y: "index", group: "region", title: "t", band: [1999, 2000], bandLabel: "period", reference: 100 });
    const shapes = fig.layout["shapes"] as Record<string, unknown>[];
    expect(shapes[0]).toMatchObject({ type: "rect", xref: "x", yref: "paper", x0: 1999, x1: 2000, y0: 0, y1: 1, layer: "below" });
    expect(shapes[1]).toMatchObject({ type: "line", xref: "paper", yref: "y", y0: 100, y1: 100 });
    // the label sits at the band's middle: (1999 + 2000) / 2 = 1999.5
    expect(fig.layout["annotations"]).toEqual([{ x: 1999.5, xref: "x", y: 1, yref: "paper", yanchor: "bottom", text: "period", showarrow: false }]);
  });

  it("legend groups and their dash styles", () => {
    const fig = lineFigure(df, { x: "year", y: "index", group: "region", title: "t", legendGroup: "type", dash: { small: "dot" } });
    expect(fig.data[0]).toMatchObject({ legendgroup: "city", legendgrouptitle: { text: "city" } });
    expect(fig.data[0]!["line"]).toBeUndefined();
    expect(fig.data[1]).toMatchObject({ legendgroup: "small", line: { dash: "dot" } });
  });

  it("typed errors: missing column, reversed band, an x repeated within a group", () => {
    expect(() => lineFigure(df, { x: "yr", y: "index", group: "region", title: "t" })).toThrow(/column 'yr' not found/);
    expect(() => lineFigure(df, { x: "year", y: "index", group: "region", title: "t", band: [2008, 1998] })).toThrow(IndicatorInputError);
    const dup = pl.DataFrame({ region: ["A", "A"], year: [2000, 2000], index: [1, 2] });
    expect(() => lineFigure(dup, { x: "year", y: "index", group: "region", title: "t" })).toThrow(/group 'A' has two rows at year = 2000/);
  });
});
