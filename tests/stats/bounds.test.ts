import { describe, expect, it } from "vitest";
import { allOf, cornerBounds, exceedsAtEveryValue, IndicatorInputError, printedBounds, roundingBounds, spreadBounds, weightedMeanBounds, weightedMeanBoundsBy } from "../../src/lib/index";

describe("roundingBounds", () => {
  it("is the value ± half a unit of its last digit, clamped", () => {
    expect(roundingBounds(18)).toEqual([17.5, 18.5]);
    expect(roundingBounds(0, { min: 0 })).toEqual([0, 0.5]);
    expect(roundingBounds(100, { max: 100 })).toEqual([99.5, 100]);
    const [lo, hi] = roundingBounds(18.7, { decimals: 1 });
    expect(lo).toBeCloseTo(18.65, 12);
    expect(hi).toBeCloseTo(18.75, 12);
    expect(() => roundingBounds(Number.NaN)).toThrow(IndicatorInputError);
  });

  it("refuses clamps that leave no value (was a crossed [10, 5.5]) and decimals that are not an integer (was [NaN, NaN])", () => {
    expect(() => roundingBounds(5, { min: 10 })).toThrow(/roundingBounds: .*5 ± 0.5.*\[10, Infinity\]/);
    expect(() => roundingBounds(101, { min: 0, max: 100 })).toThrow(IndicatorInputError);
    expect(() => roundingBounds(5, { min: 3, max: 2 })).toThrow(/min ≤ max/);
    expect(() => roundingBounds(5, { decimals: Number.NaN })).toThrow(/decimals must be an integer/);
    expect(() => roundingBounds(5, { decimals: 0.5 })).toThrow(IndicatorInputError);
    // a value at the clamp is still allowed: 100 printed stands for [99.5, 100]
    expect(roundingBounds(100, { min: 0, max: 100 })).toEqual([99.5, 100]);
    expect(roundingBounds(20, { decimals: -1 })).toEqual([15, 25]);
  });
});

describe("weightedMeanBounds", () => {
  it("with exact weights it is the weighted mean of the rate bounds", () => {
    // firms 967 at 20 % and 926 at 18 %, each rate ± 0.5:
    // low = (967·19.5 + 926·17.5) / 1893 = 35061.5 / 1893, high = (967·20.5 + 926·18.5) / 1893 = 36954.5 / 1893
    const [lo, hi] = weightedMeanBounds([
      { rate: [19.5, 20.5], weight: [967, 967] },
      { rate: [17.5, 18.5], weight: [926, 926] },
    ]);
    expect(lo).toBeCloseTo(35061.5 / 1893, 12);
    expect(hi).toBeCloseTo(36954.5 / 1893, 12);
  });

  it("with uncertain weights it moves weight toward the extreme rates", () => {
    // rates 10 and 20, weights in [1, 3]: min = (3·10 + 1·20)/4 = 12.5; max = (1·10 + 3·20)/4 = 17.5
    expect(weightedMeanBounds([{ rate: [10, 10], weight: [1, 3] }, { rate: [20, 20], weight: [1, 3] }])).toEqual([12.5, 17.5]);
    // three units, rates 0, 10, 30; weights [0, 1], [1, 1], [0, 2]:
    // min: weight on 0 high (1), on 30 low (0): (0 + 10)/2 = 5; max: weight on 30 high (2), on 0 low (0): (10 + 60)/3 = 70/3
    const [lo, hi] = weightedMeanBounds([
      { rate: [0, 0], weight: [0, 1] },
      { rate: [10, 10], weight: [1, 1] },
      { rate: [30, 30], weight: [0, 2] },
    ]);
    expect(lo).toBeCloseTo(5, 12);
    expect(hi).toBeCloseTo(70 / 3, 12);
  });

  it("agrees with a brute-force search over the corners of the weights", () => {
    const units: { rate: [number, number]; weight: [number, number] }[] = [
      { rate: [3, 4], weight: [1, 5] },
      { rate: [8, 9], weight: [2, 3] },
      { rate: [5, 5], weight: [0, 4] },
      { rate: [12, 13], weight: [1, 1.5] },
    ];
    let lo = Infinity;
    let hi = -Infinity;
    for (let m = 0; m < 16; m += 1) {
      const w: number[] = units.map((u, i) => ((m >> i) & 1 ? u.weight[1] : u.weight[0]));
      const den = w.reduce((a, b) => a + b, 0);
      lo = Math.min(lo, units.reduce((a, u, i) => a + w[i]! * u.rate[0], 0) / den);
      hi = Math.max(hi, units.reduce((a, u, i) => a + w[i]! * u.rate[1], 0) / den);
    }
    const b = weightedMeanBounds(units);
    expect(b[0]).toBeCloseTo(lo, 12);
    expect(b[1]).toBeCloseTo(hi, 12);
  });

  it("refuses an empty group, all-zero weights, negative weights and reversed bounds", () => {
    expect(() => weightedMeanBounds([])).toThrow(IndicatorInputError);
    expect(() => weightedMeanBounds([{ rate: [1, 1], weight: [0, 0] }])).toThrow(/every weight is 0/);
    expect(() => weightedMeanBounds([{ rate: [1, 1], weight: [-1, 1] }])).toThrow(/≥ 0/);
    expect(() => weightedMeanBounds([{ rate: [2, 1], weight: [1, 1] }])).toThrow(/low ≤ high/);
  });

  it("low ≤ high even when the two extremes are summed in different orders (was low > high by one ulp)", () => {
    // exact rates and weights: both bounds are the plain weighted mean, but the minimum and the
    // maximum summed the units in opposite rate orders and came out one ulp apart, crossed
    const units = [
      { rate: [27, 27] as const, weight: [80.5728, 80.5728] as const },
      { rate: [24, 24] as const, weight: [8.3844, 8.3844] as const },
      { rate: [49, 49] as const, weight: [24.5154, 24.5154] as const },
    ];
    const mean = (27 * 80.5728 + 24 * 8.3844 + 49 * 24.5154) / (80.5728 + 8.3844 + 24.5154);
    const [lo, hi] = weightedMeanBounds(units);
    expect(lo).toBeLessThanOrEqual(hi);
    expect(Math.abs(lo - mean)).toBeLessThan(1e-12);
    expect(Math.abs(hi - mean)).toBeLessThan(1e-12);
    // the bounds are usable downstream (exceedsAtEveryValue refused the crossed pair)
    expect(exceedsAtEveryValue([lo, hi], [0, 0])).toBe(true);
    const [[glo, ghi]] = weightedMeanBoundsBy(units, () => "all", ["all"]) as [readonly [number, number]];
    expect(glo).toBeLessThanOrEqual(ghi);
  });

  it("by group, in the order asked; a group with no member is a typed error", () => {
    const units = [
      { g: "a", rate: [10, 10] as const, weight: [1, 1] as const },
      { g: "b", rate: [4, 6] as const, weight: [2, 2] as const },
    ];
    expect(weightedMeanBoundsBy(units, (u) => u.g, ["b", "a"])).toEqual([
      [4, 6],
      [10, 10],
    ]);
    expect(() => weightedMeanBoundsBy(units, (u) => u.g, ["c"])).toThrow(IndicatorInputError);
  });
});

describe("exceedsAtEveryValue", () => {
  it("true, false or undecided", () => {
    expect(exceedsAtEveryValue([18.5, 19.5], [16.5, 17.5])).toBe(true); // 18.5 − 17.5 = 1 > 0
    expect(exceedsAtEveryValue([17.5, 18.5], [16.5, 17.5])).toBe("undecided"); // can be equal at 17.5
    expect(exceedsAtEveryValue([10, 11], [12, 13])).toBe(false); // 11 − 12 < 0
    expect(exceedsAtEveryValue([5, 5], [5, 5])).toBe(false); // equal: not above
  });

  it("with a threshold: at least the threshold at every value", () => {
    expect(exceedsAtEveryValue([20, 22], [10, 17], 2)).toBe(true); // 20 − 17 = 3 ≥ 2
    expect(exceedsAtEveryValue([20, 22], [10, 19], 2)).toBe("undecided"); // 1 … 12
    expect(exceedsAtEveryValue([20, 21], [19.5, 19.5], 2)).toBe(false); // at most 1.5 < 2
    // a NaN threshold made every comparison false, i.e. "surely not above"
    expect(() => exceedsAtEveryValue([20, 22], [10, 17], Number.NaN)).toThrow(/exceedsAtEveryValue: threshold must be finite/);
    expect(() => exceedsAtEveryValue([20, 22], [10, 17], Infinity)).toThrow(IndicatorInputError);
  });

  it("a difference equal to the threshold in exact arithmetic holds, whatever the subtraction's last bit", () => {
    // "8,1" and "6,0" printed to one decimal: [8.05, 8.15] and [5.95, 6.05]; the smallest gap 8.05 − 6.05 is exactly 2
    // (in floating point 1.9999999999999991), the largest 8.15 − 5.95 = 2.2
    expect(printedBounds("8,1")[0] - printedBounds("6,0")[1]).toBeLessThan(2); // the floating-point fact the rule must absorb
    expect(exceedsAtEveryValue(printedBounds("8,1"), printedBounds("6,0"), 2)).toBe(true);
    expect(exceedsAtEveryValue(printedBounds("20,7"), printedBounds("18,6"), 2)).toBe(true); // 20.65 − 18.65 = 2
    expect(exceedsAtEveryValue(printedBounds("9,1"), printedBounds("7,0"), 2)).toBe(true); // 9.05 − 7.05 = 2
    // "2,0" − "0,1": at most 2.05 − 0.05 = 2 (reaches the threshold), at least 1.95 − 0.15 = 1.8: undecided, not false
    expect(exceedsAtEveryValue(printedBounds("2,0"), printedBounds("0,1"), 2)).toBe("undecided");
    // a true gap of 0 in exact arithmetic is not "more than 0": 0.3 − (0.1 + 0.2) is −5.6e-17
    expect(exceedsAtEveryValue([0.3, 0.4], [0, 0.1 + 0.2])).toBe("undecided");
    // the tolerance is about rounding, not a real gap: 1e-6 short of the threshold is not enough
    expect(exceedsAtEveryValue([8.05, 8.15], [5.95, 6.050001], 2)).toBe("undecided");
  });
});

describe("spreadBounds", () => {
  it("largest minus smallest over the box", () => {
    // 56, 46, 38 ± 0.5: at least 55.5 − 38.5 = 17, at most 56.5 − 37.5 = 19
    expect(spreadBounds([[55.5, 56.5], [45.5, 46.5], [37.5, 38.5]])).toEqual([17, 19]);
    // overlapping values can be equal: spread from 0
    expect(spreadBounds([[1, 3], [2, 4]])).toEqual([0, 3]);
    expect(() => spreadBounds([[1, 1]])).toThrow(IndicatorInputError);
  });
});

describe("cornerBounds", () => {
  it("gives the exact bounds of a function monotone in each input", () => {
    // (g + h)/s − (g + h + r): lowest at g, h low, s high, r high; highest at g, h high, s low, r low
    const f = ([g, h, r, s]: number[]): number => (g! + h!) / s! - (g! + h! + r!);
    const [lo, hi] = cornerBounds(f, [[366.5, 367.5], [77.5, 78.5], [83, 86], [0.775, 0.785]]);
    expect(lo).toBeCloseTo(444 / 0.785 - 444 - 86, 9);
    expect(hi).toBeCloseTo(446 / 0.775 - 446 - 83, 9);
    expect(() => cornerBounds(() => 1 / 0, [[0, 1]])).toThrow(IndicatorInputError);
  });
});

describe("allOf", () => {
  it("is a three-valued and", () => {
    expect(allOf([true, true])).toBe(true);
    expect(allOf([true, "undecided"])).toBe("undecided");
    expect(allOf(["undecided", false])).toBe(false);
    expect(() => allOf([])).toThrow(IndicatorInputError);
  });
});
