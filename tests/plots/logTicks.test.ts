/**
 * Log-axis ticks labelled with whole values (src/lib/plots/logTicks.ts) and the phone variant of a scatter
 * that keeps only the labels covering no other point (src/lib/plots/scatter.ts). Expected values by hand.
 */
import { describe, expect, it } from "vitest";
import * as pl from "nodejs-polars";
import { logTickLabel, logTicks } from "../../src/lib/plots/logTicks";
import { scatterFigure } from "../../src/lib/plots/plotly";

describe("log-axis ticks", () => {
  it("labels a value whole: as is below 10 000, then k and M", () => {
    expect([2, 300, 5000, 10000, 20000, 150000, 1e6, 2.5e6].map(logTickLabel)).toEqual(["2", "300", "5000", "10k", "20k", "150k", "1M", "2.5M"]);
  });

  it("takes 1-2-5 where the labels have room", () => {
    // two decades over 600 px: 1000 → 2000 is log10(2) · 300 ≈ 90 px, far more than two 4-digit labels need
    expect(logTicks([3, 5], 600)).toEqual({
      tickvals: [1000, 2000, 5000, 10000, 20000, 50000, 100000],
      ticktext: ["1000", "2000", "5000", "10k", "20k", "50k", "100k"],
    });
    // a phone: 10^3.5 … 10^5 over 240 px (160 px a decade): 5000 → 10k is 48 px, the labels need about 30
    expect(logTicks([3.5, 5], 240).ticktext).toEqual(["5000", "10k", "20k", "50k", "100k"]);
  });

  it("thins to 1-3, powers of ten, then every other power of ten as the axis narrows", () => {
    // four decades over 100 px: 25 px a decade; 100 → 1000 needs (3 + 4 digits) · 7 px / 2 + 6 ≈ 30 px: too close
    expect(logTicks([2, 6], 100)).toEqual({ tickvals: [100, 10000, 1000000], ticktext: ["100", "10k", "1M"] });
    // label widths (labels.ts textWidth, 12 px): a digit or "k" 0.58 em → "300" 20.9 px, "3000" 27.8 px; two labels need (w1 + w2) / 2 + 6 px
    // four decades over 320 px, 80 px a decade: 1000 → 2000 is 24 px for 33.8 (1-2-5 no); 1000 → 3000 is 38 px for 33.8 (1-3 yes)
    expect(logTicks([2, 6], 320).tickvals).toEqual([100, 300, 1000, 3000, 10000, 30000, 100000, 300000, 1000000]);
    // over 240 px, 60 px a decade: 1000 → 3000 is 28.6 px for 33.8 (no); 1000 → 10k is 60 px for 30.4 (powers of ten)
    expect(logTicks([2, 6], 240).tickvals).toEqual([100, 1000, 10000, 100000, 1000000]);
  });
});

describe("scatter labels on a phone", () => {
  // SYNTHETIC points: A and B on the same spot, C far from both
  const df = pl.DataFrame({ x: [1, 1, 9], y: [1, 1, 9], name: ["A", "B", "C"], g: ["one", "one", "one"] });
  const fig = scatterFigure(df, { x: "x", y: "y", label: "name", group: "g", title: "t", source: "synthetic" });
  const texts = (d: Record<string, unknown>[]) => d.flatMap((t) => t["text"] as string[]);

  it("at desk width every label is drawn, the two on one spot on different sides", () => {
    expect(texts(fig.data)).toEqual(["A", "B", "C"]);
    const pos = fig.data[0]!["textposition"] as string[];
    expect(pos[0]).not.toBe(pos[1]);
  });

  it("on a phone a label that would cover another point's marker is left to the hover text", () => {
    // A's label, wherever it goes, starts 6.6 px from the spot B's marker covers (4.5 px + 3 px clearance): dropped, and B's too
    expect(texts(fig.narrow!.data!)).toEqual(["", "", "C"]);
    // the hover still names every point
    expect(fig.narrow!.data!.flatMap((t) => t["customdata"] as string[])).toEqual(["A", "B", "C"]);
  });
});
