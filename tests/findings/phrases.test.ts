import { describe, expect, it } from "vitest";
import { loadClaims } from "../../src/lib/findings/claims";
import { FindingError } from "../../src/lib/findings/errors";
import { loadPhraseRules, phraseRule, readZeroGrowth } from "../../src/lib/findings/phrases";

describe("readZeroGrowth (rule nullvekst, three zones)", () => {
  const o = { band: 0.25, visible: 0.5 };
  it("holds inside the band, fails at or beyond the visible limit, is undecided between (hand-chosen rates)", () => {
    expect(readZeroGrowth([0.05], o)).toBe(true);
    expect(readZeroGrowth([-0.249, 0.249], o)).toBe(true);
    expect(readZeroGrowth([0.25], o)).toBe("undecided"); // the band is strict: 0.25 is not inside
    expect(readZeroGrowth([0.3339], o)).toBe("undecided");
    expect(readZeroGrowth([0.5], o)).toBe(false); // the visible limit is inclusive
    expect(readZeroGrowth([-0.8, 1.2], o)).toBe(false);
  });
  it("is undecided when the readings fall in different zones", () => {
    expect(readZeroGrowth([0.12, 0.37], o)).toBe("undecided");
    expect(readZeroGrowth([0.1, 0.9], o)).toBe("undecided");
  });
  it("refuses empty or non-finite rates and a band above the visible limit", () => {
    expect(() => readZeroGrowth([], o)).toThrow(FindingError);
    expect(() => readZeroGrowth([NaN], o)).toThrow(/finite yearly rate/);
    expect(() => readZeroGrowth([0.1], { band: 0.6, visible: 0.5 })).toThrow(/band ≤ visible/);
    expect(() => readZeroGrowth([0.1], { band: 0, visible: 0.5 })).toThrow(FindingError);
  });
});

describe("the nullvekst calibration is derived from the report's own usage, not typed", () => {
  it("the threshold is the yearly rate of the report's '+1 % in 2001–07 is stagnation' at its printed upper bound, rounded to the hundredth", () => {
    const own = loadClaims().get("innlandet_population_change_2001_07")!;
    expect(own.published).toBe(1);
    const upper = (own.published as number) + own.tolerance; // 1.5 % in six years
    const yearly = 100 * ((1 + upper / 100) ** (1 / 6) - 1); // by hand: 1.015^(1/6) − 1 = 0.248 %
    expect(yearly).toBeCloseTo(0.2485, 3);
    const band = phraseRule("nullvekst").threshold;
    expect(band).toBe(Math.round(yearly * 100) / 100);
    // the lenient reading (whole-percent rounding) stays wider than the calibrated band
    expect(phraseRule("printed").threshold).toBeGreaterThan(band);
  });
  it("the rule names the report's word 'stagnasjon' and its calibration", () => {
    const r = loadPhraseRules().get("nullvekst")!;
    expect(r.phrasesNo).toMatch(/stagnasjon/);
    expect(r.reason).toMatch(/§5\.1/);
  });
});
