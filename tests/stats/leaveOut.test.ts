import { describe, expect, it } from "vitest";
import * as pl from "nodejs-polars";
import { IndicatorInputError, weightedRate, leaveKOut, leaveOutReadings, leaveOutSets, leaveOutSkippedText, weightedMeanBoundsBy } from "../../src/lib/index";

describe("leaveOutSets", () => {
  it("singles, then pairs, in the units' order", () => {
    expect(leaveOutSets(["a", "b", "c"], 2)).toEqual([["a"], ["b"], ["c"], ["a", "b"], ["a", "c"], ["b", "c"]]);
    // 8 units, k = 2: 8 + 8·7/2 = 36 sets
    expect(leaveOutSets(["1", "2", "3", "4", "5", "6", "7", "8"], 2)).toHaveLength(36);
    expect(() => leaveOutSets(["a", "a"], 1)).toThrow(IndicatorInputError);
    expect(() => leaveOutSets(["a"], 0)).toThrow(IndicatorInputError);
  });
});

describe("leaveKOut", () => {
  it("recomputes over the kept units", () => {
    const r = leaveKOut([1, 2, 6], { k: 1, id: String, evaluate: (xs) => xs.reduce((a, b) => a + b, 0) / xs.length > 2 });
    // without 1: (2 + 6)/2 = 4; without 2: 3.5; without 6: 1.5
    expect(r.cases).toEqual([
      { dropped: ["1"], value: true },
      { dropped: ["2"], value: true },
      { dropped: ["6"], value: false },
    ]);
    expect(leaveOutReadings(r).map((a) => a.label)).toEqual(["without 1", "without 2", "without 6"]);
  });

  it("skips, saying why, a case that leaves a group empty (a typed error); other errors propagate", () => {
    const units = [
      { id: "x", g: "city", rate: [20, 20] as const, weight: [10, 10] as const },
      { id: "y", g: "town", rate: [10, 10] as const, weight: [10, 10] as const },
    ];
    const r = leaveKOut(units, {
      k: 1,
      id: (u) => u.id,
      evaluate: (kept) => {
        const [c, t] = weightedMeanBoundsBy(kept, (u) => u.g, ["city", "town"]);
        return c![0] > t![1];
      },
    });
    expect(r.cases).toEqual([]);
    expect(r.skipped.map((s) => s.dropped)).toEqual([["x"], ["y"]]);
    expect(leaveOutSkippedText(r)).toMatch(/^skipped: without x \(weightedMeanBoundsBy: group 'city' has no units\); without y/);
    expect(() => leaveKOut([1], { k: 1, id: String, evaluate: () => { throw new RangeError("boom"); } })).toThrow(RangeError);
  });

  it("skips a case where weightedRate meets an empty frame (its typed error), keeping the others", () => {
    const units = [
      { id: "a", firms: 100, pct: 20 },
      { id: "b", firms: 300, pct: 10 },
    ];
    const rate = (kept: typeof units): number => {
      const df = pl.DataFrame({ firms: kept.map((u) => u.firms), pct: kept.map((u) => u.pct) });
      return weightedRate(df.filter(pl.col("pct").lt(15)), { rate: "pct", weight: "firms" }).getColumn("rate").get(0) as number;
    };
    const r = leaveKOut(units, { k: 1, id: (u) => u.id, evaluate: rate });
    // without a: only b (10 %) → 10; without b: a's 20 % is filtered out → empty frame → IndicatorInputError → skipped
    expect(r.cases).toEqual([{ dropped: ["a"], value: 10 }]);
    expect(r.skipped).toEqual([{ dropped: ["b"], reason: "weightedRate: the frame has no rows, so there is no 'pct' to weight (were all units left out or filtered away?)" }]);
  });
});
