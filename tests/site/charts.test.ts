import { describe, expect, it } from "vitest";
import { CLIP, deviation, deviationFigure, overviewFigure, overviewRows, scaleEdge, symlog, symlogTicks } from "../../scripts/lib/site/charts";
import type { Finding } from "../../src/lib/findings/types";
import { syntheticFindings } from "./synthetic";

const synthetic = syntheticFindings();
const byName = (n: string): Finding => synthetic.find((f) => f.id.endsWith(`synthetic_${n}`))!;

describe("overview figure", () => {
  it("has a row per chapter for claims and one for checks where a chapter has them", () => {
    expect(overviewRows(synthetic, { 3: "Synthetic" }).map((r) => [r.chapter, r.kind, r.label])).toEqual([
      [3, "claim", "Ch. 3 Synthetic — report claims"],
      [4, "check", "Ch. 4 — project checks"],
    ]);
  });

  it("stacks the verdict counts, one trace per verdict, coloured and named with the verdict's symbol", () => {
    const fig = overviewFigure(synthetic);
    // chapter 3 (11 shapes): reproduced = number_match, published_zero; corroborated = range_published, comparison_holds;
    // diverges = number_gap, off_scale; contradicted = large_number, comparison_fails;
    // inconclusive = interval_computed, comparison_undecided; untestable = no_data.
    // chapter 4 checks: a copy of number_match (reproduced) and of large_number (contradicted).
    const x = Object.fromEntries(fig.data.map((t) => [t["name"], t["x"]]));
    expect(x).toEqual({
      "✓ reproduced": [2, 1],
      "✓ corroborated": [2, 0],
      "≠ diverges": [2, 0],
      "✗ contradicted": [2, 1],
      "? inconclusive": [2, 0],
      "– untestable": [1, 0],
    });
    // Okabe–Ito blue for reproduced (Okabe & Ito 2008), Tol's wine for contradicted (Tol 2021)
    expect((fig.data[0]!["marker"] as { color: string }).color).toBe("#0072B2");
    expect((fig.data[3]!["marker"] as { color: string }).color).toBe("#882255");
    // the symbol on each bar and a pattern per verdict (reproduced solid, contradicted crossed)
    expect(fig.data[3]!["text"]).toEqual(["✗ 2", "✗ 1"]);
    expect((fig.data[0]!["marker"] as { pattern?: unknown }).pattern).toBeUndefined();
    expect((fig.data[3]!["marker"] as { pattern: { shape: string } }).pattern.shape).toBe("x");
    expect(fig.layout["barmode"]).toBe("stack");
  });
});

describe("deviation", () => {
  it("is computed − published in % of the published value, against published ± tolerance", () => {
    const d = deviation(byName("number_match"))!; // 82 vs 81.3, tolerance 1
    expect(d.computed[0]).toBeCloseTo(((81.3 - 82) / 82) * 100, 10); // −0.8537 %
    expect(d.band[0]).toBeCloseTo(-(1 / 82) * 100, 10); // ±1.2195 %
    expect(d.band[1]).toBeCloseTo((1 / 82) * 100, 10);
    expect(d.publishedRange).toBeNull();
  });

  it("uses the absolute published value for negative ones", () => {
    const d = deviation(byName("number_gap"))!; // −3.1 vs −2.992581, tolerance 0.05
    expect(d.computed[0]).toBeCloseTo((0.107419 / 3.1) * 100, 10); // +3.4651 %
    expect(d.band[1]).toBeCloseTo((0.05 / 3.1) * 100, 10); // ±1.6129 %
  });

  it("widens a published range by the tolerance at both ends, around its midpoint", () => {
    const d = deviation(byName("range_published"))!; // [10, 20] vs 12.345, tolerance 0.5; midpoint 15
    expect(d.band[0]).toBeCloseTo(((9.5 - 15) / 15) * 100, 10); // −36.667 %
    expect(d.band[1]).toBeCloseTo(((20.5 - 15) / 15) * 100, 10); // +36.667 %
    expect(d.publishedRange![0]).toBeCloseTo(((10 - 15) / 15) * 100, 10); // −33.333 %
    expect(d.computed[0]).toBeCloseTo(((12.345 - 15) / 15) * 100, 10); // −17.7 %
  });

  it("keeps a computed interval as a range", () => {
    const d = deviation(byName("interval_computed"))!; // 5.5 vs [5.2, 6.1]
    expect(d.computed[0]).toBeCloseTo((-0.3 / 5.5) * 100, 10); // −5.4545 %
    expect(d.computed[1]).toBeCloseTo((0.6 / 5.5) * 100, 10); // +10.909 %
  });

  it("has none for a published 0 or a comparison", () => {
    expect(deviation(byName("published_zero"))).toBeNull();
    expect(deviation(byName("comparison_holds"))).toBeNull();
    expect(deviation(byName("no_data"))).toBeNull();
  });
});

describe("symmetric log scale", () => {
  it("maps 0, ±9 and ±99 % to 0, ±1 and ±2", () => {
    expect(symlog(0)).toBe(0);
    expect(symlog(9)).toBeCloseTo(1, 12);
    expect(symlog(-99)).toBeCloseTo(-2, 12);
  });

  it("ends the scale on the first tick step at or beyond the largest value", () => {
    expect(scaleEdge(0.05)).toBe(0.1);
    expect(scaleEdge(2.4)).toBe(3);
    expect(scaleEdge(30)).toBe(30);
    expect(scaleEdge(57)).toBe(100);
    expect(scaleEdge(1000)).toBe(1000);
  });

  it("labels 1-3-10 steps up to the edge, with ±0.1 % only on a narrow scale", () => {
    expect(symlogTicks(100).ticktext).toEqual(["−100 %", "−30 %", "−10 %", "−3 %", "−1 %", "0 %", "+1 %", "+3 %", "+10 %", "+30 %", "+100 %"]);
    expect(symlogTicks(3).ticktext).toEqual(["−3 %", "−1 %", "−0.1 %", "0 %", "+0.1 %", "+1 %", "+3 %"]);
    expect(symlogTicks(3).tickvals[5]).toBeCloseTo(Math.log10(2), 12); // +1 % → log10(1 + 1)
  });
});

describe("deviation figure", () => {
  const { figure, shown, leftOut } = deviationFigure(synthetic);

  it("shows the numeric findings in the given order and names those left out", () => {
    expect(shown).toEqual([
      "ch3.synthetic_number_match",
      "ch3.synthetic_number_gap",
      "ch3.synthetic_range_published",
      "ch3.synthetic_large_number",
      "ch3.synthetic_interval_computed",
      "ch3.synthetic_off_scale",
      "ch4.synthetic_check_match",
      "ch4.synthetic_check_gap",
    ]);
    expect(leftOut).toEqual(["ch3.synthetic_published_zero"]);
  });

  it("draws a value beyond ±1000 % at the edge as a triangle", () => {
    // off_scale: 2 vs 40 → +1900 %, beyond CLIP = 1000 %: drawn at symlog(1000) = log10(1001)
    const diverges = figure.data.find((t) => t["name"] === "computed: ≠ diverges")!;
    const i = (diverges["y"] as string[]).indexOf("ch3.synthetic_off_scale");
    expect(CLIP).toBe(1000);
    expect((diverges["x"] as number[])[i]).toBeCloseTo(Math.log10(1001), 12);
    expect((diverges["marker"] as { symbol: string[] }).symbol[i]).toBe("triangle-right");
    expect((diverges["marker"] as { symbol: string[] }).symbol[1 - i]).toBe("square");
  });

  it("draws each band from its low to its high end on the transformed axis", () => {
    const band = figure.data[0]!;
    const i = shown.indexOf("ch3.synthetic_number_match");
    const lo = -((1 / 82) * 100);
    expect((band["base"] as number[])[i]).toBeCloseTo(-Math.log10(1 - lo), 10);
    expect((band["x"] as number[])[i]).toBeCloseTo(2 * Math.log10(1 - lo), 10);
    // the published range gets its own darker bar; one synthetic finding has a published range
    expect(figure.data[1]!["name"]).toBe("published range");
    expect(figure.data[1]!["y"]).toEqual(["ch3.synthetic_range_published"]);
  });

  it("draws a computed interval as an error bar around its midpoint", () => {
    const inconclusive = figure.data.find((t) => t["name"] === "computed: ? inconclusive")!;
    expect(inconclusive["y"]).toEqual(["ch3.synthetic_interval_computed"]);
    const mid = Math.log10(1 + ((5.65 - 5.5) / 5.5) * 100); // midpoint 5.65 → +2.727 %
    expect((inconclusive["x"] as number[])[0]).toBeCloseTo(mid, 10);
    const err = inconclusive["error_x"] as { array: number[]; arrayminus: number[] };
    expect(err.array[0]).toBeCloseTo(Math.log10(1 + (0.6 / 5.5) * 100) - mid, 10);
    expect(err.arrayminus[0]).toBeCloseTo(mid + Math.log10(1 + (0.3 / 5.5) * 100), 10);
  });
});
