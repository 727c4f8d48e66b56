import { describe, expect, it } from "vitest";
import { fitLabels, labelBox, overlapArea, placeLabels, textWidth, type Box, type LabelPoint } from "../../src/lib/plots/plotly";

function overlaps(boxes: Box[]): [number, number][] {
  const bad: [number, number][] = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (overlapArea(boxes[i]!, boxes[j]!) > 0) bad.push([i, j]);
  return bad;
}

// Synthetic test points (generated here, not data): three nearly coincident points (as Vinstra, Sel
// and Tynset in the typology plot), two long labels at the x extremes, and a few spread points.
const SYNTHETIC: LabelPoint[] = [
  { x: -3.61, y: 19, text: "Vinstra" },
  { x: -3.64, y: 19, text: "Sel" },
  { x: -3.2, y: 19.5, text: "Tynset" },
  { x: -10.8, y: 4, text: "Stor-Elvdal/Rendalen" },
  { x: 5.1, y: 10, text: "Elverum" },
  { x: 4.3, y: 10, text: "Hamar" },
  { x: 1.6, y: 10, text: "Gjøvik" },
  { x: -5.4, y: 30, text: "Trysil" },
  { x: -4.1, y: 31, text: "Dovre" },
];

describe("label placement", () => {
  it("estimates text width from character classes", () => {
    // H 0.7 + a 0.58 + m 0.9 + a 0.58 + r 0.38 = 3.14 em; × 12 px = 37.68
    expect(textWidth("Hamar", 12)).toBeCloseTo(37.68, 6);
    // S 0.7 + e 0.58 + l 0.3 = 1.58 em; × 10 = 15.8
    expect(textWidth("Sel", 10)).toBeCloseTo(15.8, 6);
  });

  it("boxes follow plotly's offsets (marker size s: s/1.6 + 1 px)", () => {
    // marker 8 → r = 4 / 0.8 + 1 = 6; "ab" at 10 px: (0.58 + 0.58) × 10 = 11.6 wide, 10 high
    expect(labelBox(100, 100, "ab", "middle right", { fontSize: 10, markerSize: 8 })).toEqual({ x0: 106, y0: 95, x1: 117.6, y1: 105 });
    const top = labelBox(100, 100, "ab", "top center", { fontSize: 10, markerSize: 8 });
    expect(top.x0).toBeCloseTo(94.2, 9); // 100 − 11.6 / 2
    expect(top.y1).toBeCloseTo(94, 9); // 100 − 6, text above the marker
    expect(labelBox(100, 100, "ab", "bottom left", { fontSize: 10, markerSize: 8 })).toEqual({ x0: 82.4, y0: 106, x1: 94, y1: 116 });
  });

  it("overlap area of boxes", () => {
    expect(overlapArea({ x0: 0, y0: 0, x1: 2, y1: 2 }, { x0: 1, y0: 1, x1: 3, y1: 3 })).toBe(1);
    expect(overlapArea({ x0: 0, y0: 0, x1: 1, y1: 1 }, { x0: 1, y0: 0, x1: 2, y1: 1 })).toBe(0); // touching
  });

  it("two labels on one point go to different sides", () => {
    const r = placeLabels(
      [
        { x: 0, y: 0, text: "A" },
        { x: 0, y: 0, text: "B" },
      ],
      { width: 400, height: 300, xRange: [-1, 1], yRange: [-1, 1] },
    );
    expect(r.positions[0]).not.toBe(r.positions[1]);
    expect(overlapArea(r.boxes[0]!, r.boxes[1]!)).toBe(0);
  });

  it("no two estimated boxes overlap, three close points included, and every box fits the plot (linear x)", () => {
    const fit = fitLabels(SYNTHETIC, { width: 660, height: 310, fontSize: 11, markerSize: 9 });
    expect(overlaps(fit.boxes)).toEqual([]);
    for (const b of fit.boxes) {
      expect(b.x0).toBeGreaterThanOrEqual(0);
      expect(b.x1).toBeLessThanOrEqual(660);
      expect(b.y0).toBeGreaterThanOrEqual(0);
      expect(b.y1).toBeLessThanOrEqual(310);
    }
    // recompute each box independently from the returned ranges and positions: pixel x = (x − x0) / (x1 − x0) · width
    SYNTHETIC.forEach((p, i) => {
      const px = ((p.x - fit.xRange[0]) / (fit.xRange[1] - fit.xRange[0])) * 660;
      const py = 310 - ((p.y - fit.yRange[0]) / (fit.yRange[1] - fit.yRange[0])) * 310;
      expect(labelBox(px, py, p.text, fit.positions[i]!, { fontSize: 11, markerSize: 9 })).toEqual(fit.boxes[i]);
    });
    // the range was widened for the long label at the left edge: more than the data's −10.8
    expect(fit.xRange[0]).toBeLessThan(-10.8);
    expect(fit.xRange[1]).toBeGreaterThan(5.1);
  });

  it("log x axis: ranges in log10 units, boxes inside, no overlaps", () => {
    // synthetic: sizes 1 000 … 100 000 on a log axis, two of them close
    const pts: LabelPoint[] = [
      { x: 1000, y: 1, text: "Small" },
      { x: 1100, y: 1.2, text: "Smaller" },
      { x: 10000, y: 2, text: "Middle" },
      { x: 100000, y: 3, text: "Largest region name" },
    ];
    const fit = fitLabels(pts, { width: 600, height: 300, xLog: true, fontSize: 11, markerSize: 9 });
    // log10(1000) = 3, log10(100000) = 5: the range holds [3, 5] with room on both sides
    expect(fit.xRange[0]).toBeLessThan(3);
    expect(fit.xRange[1]).toBeGreaterThan(5);
    expect(fit.xRange[1]).toBeLessThan(7);
    expect(overlaps(fit.boxes)).toEqual([]);
    for (const b of fit.boxes) expect(b.x1).toBeLessThanOrEqual(600);
  });

  it("keeps labels off error bars and guide lines when there is room", () => {
    // one point with a tall error bar above it: "top center" would sit on the bar
    const r = placeLabels([{ x: 0, y: 0, text: "Hamar", yLow: 0, yHigh: 0.8 }], { width: 400, height: 300, xRange: [-1, 1], yRange: [-1, 1] });
    expect(r.positions[0]).not.toBe("top center");
    // a vertical guide at x = 0.05 (≈ 10 px right of the point): "top center" crosses it
    const g = placeLabels([{ x: 0, y: 0, text: "Kongsvinger" }], { width: 400, height: 300, xRange: [-1, 1], yRange: [-1, 1] }, { vLines: [0.05] });
    expect(g.positions[0]).toBe("middle left");
  });
});
