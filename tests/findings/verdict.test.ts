import { describe, expect, it } from "vitest";
import { decideVerdict, FindingError, roundingTolerance } from "../../src/lib/index";

describe("roundingTolerance", () => {
  it("is half a unit of the last printed digit", () => {
    expect(roundingTolerance(0)).toBe(0.5);
    expect(roundingTolerance(1)).toBeCloseTo(0.05, 15);
    expect(roundingTolerance(-4)).toBe(5000);
  });
});

describe("decideVerdict", () => {
  it("report basis: within tolerance → reproduced, outside → diverges with the gap", () => {
    expect(decideVerdict(44, 43.5, 0.5, "report")).toEqual({ verdict: "reproduced", gap: -0.5, matches: true });
    const d = decideVerdict(82, 81.3, 0.5, "report");
    expect(d.verdict).toBe("diverges");
    expect(d.gap).toBeCloseTo(-0.7, 12);
  });

  it("open-data basis: corroborated / contradicted", () => {
    expect(decideVerdict(1, 0.9, 0.5, "open_data").verdict).toBe("corroborated");
    expect(decideVerdict(1, 2, 0.5, "open_data").verdict).toBe("contradicted");
  });

  it("ranges: inside, at the tolerance edge, outside", () => {
    expect(decideVerdict([19, 20], 19.6, 0.5, "report")).toMatchObject({ verdict: "reproduced", gap: 0 });
    expect(decideVerdict([19, 20], 20.5, 0.5, "report").verdict).toBe("reproduced");
    expect(decideVerdict([19, 20], 18.2, 0.5, "report")).toMatchObject({ verdict: "diverges" });
    expect(decideVerdict([19, 20], 18.2, 0.5, "report").gap).toBeCloseTo(-0.8, 12);
  });

  it("comparisons: the asserted direction holds or not", () => {
    expect(decideVerdict(true, true, 0, "report").verdict).toBe("reproduced");
    expect(decideVerdict(true, false, 0, "report").verdict).toBe("diverges");
    expect(decideVerdict(true, false, 0, "open_data").verdict).toBe("contradicted");
  });

  it("no computed or published value → untestable", () => {
    expect(decideVerdict(82, null, 0.5, "report").verdict).toBe("untestable");
    expect(decideVerdict(null, 1, 0.5, "open_data").verdict).toBe("untestable");
  });

  it("refuses a computed value of the wrong kind", () => {
    expect(() => decideVerdict(true, 1, 0, "report")).toThrow(FindingError);
    expect(() => decideVerdict(1, true, 0, "report")).toThrow(FindingError);
    expect(() => decideVerdict(1, NaN, 0, "report")).toThrow(FindingError);
  });

  it("refuses a tolerance that is negative, NaN or infinite (an infinite one 'reproduced' 1e9 against 82)", () => {
    for (const t of [-0.5, Number.NaN, Infinity, -Infinity]) {
      expect(() => decideVerdict(82, 1e9, t, "report")).toThrow(FindingError);
      expect(() => decideVerdict([19, 20], [18, 21], t, "report")).toThrow(FindingError);
      expect(() => decideVerdict(true, true, t, "report")).toThrow(FindingError);
    }
    expect(() => decideVerdict(82, 1e9, Infinity, "report")).toThrow(/decideVerdict: tolerance must be a finite number ≥ 0, got Infinity/);
    expect(() => decideVerdict(82, 81, -1, "report")).toThrow(/decideVerdict: tolerance must be a finite number ≥ 0, got -1/);
    // 0 is a valid tolerance (comparison claims, exact figures)
    expect(decideVerdict(82, 82, 0, "report").verdict).toBe("reproduced");
  });

  it("refuses a published value that is not finite or a reversed published range", () => {
    expect(() => decideVerdict(Number.NaN, 1, 0.5, "report")).toThrow(/decideVerdict: the published value must be finite, got NaN/);
    expect(() => decideVerdict(Infinity, 1, 0.5, "report")).toThrow(FindingError);
    expect(() => decideVerdict([20, 19], 19.5, 0.5, "report")).toThrow(
      /decideVerdict: a published range must be finite \[low, high\] with low ≤ high, got \[20, 19\]/,
    );
    expect(() => decideVerdict([19, Number.NaN], 19.5, 0.5, "report")).toThrow(FindingError);
  });
});
