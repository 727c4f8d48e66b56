/**
 * The minimum-basis rule and untested robustness, on hand-made findings: a comparison whose smaller side rests on
 * fewer weighted cases than the rule's threshold (30) is at most inconclusive; a reading that could not be computed
 * makes the robustness "untested", never "robust".
 */
import { describe, expect, it } from "vitest";
import { makeFinding } from "../../src/lib/findings/check";
import { loadClaims } from "../../src/lib/findings/claims";
import { loadPhraseRules } from "../../src/lib/findings/phrases";
import { minimumBasis, periodProxy, samplingError, sideSupport } from "../../src/lib/findings/basis";

const claims = loadClaims();
const rules = loadPhraseRules();
// a comparison claim of claims.csv (published: true): "Innlandet's city regions innovate more than its small-town regions"
const ID = "ch4.city_regions_innovation_above_small_town";
const base = { computed: false, basis: "open_data" as const, note: "test", inputs: [] };

describe("the minimum-basis rule", () => {
  it("is a phrase rule with a threshold of 30 weighted cases per side", () => {
    expect(rules.get("minimum_basis")?.threshold).toBe(30);
  });

  it("caps an open-data verdict at inconclusive when a side has fewer cases (10.7 < 30), and says so", () => {
    const f = makeFinding(ID, { ...base, support: [{ side: "city", cases: 120, what: "firms" }, { side: "small_town", cases: 10.7, what: "firms" }] }, claims, rules, "");
    expect(f.verdict).toBe("inconclusive"); // false against a published true would be "contradicted"
    expect(f.numbers).toEqual({ basis_min_cases: 10.7 });
    expect(f.note).toContain("minimum basis: small_town rests on ≈ 10.7 firms, fewer than 30");
  });

  it("leaves the verdict alone when every side has at least 30 cases, and caps the alternatives' verdicts alike", () => {
    const ok = makeFinding(ID, { ...base, support: [{ side: "city", cases: 30, what: "firms" }, { side: "small_town", cases: 31, what: "firms" }] }, claims, rules, "");
    expect(ok.verdict).toBe("contradicted");
    const capped = makeFinding(ID, { ...base, alternatives: [{ label: "other reading", computed: true }], support: [{ side: "a", cases: 5, what: "firms" }] }, claims, rules, "");
    expect(capped.robustness.alternatives[0]!.verdict).toBe("inconclusive"); // true would be corroborated
    expect(capped.robustness.status).toBe("robust");
  });

  it("refuses a side with a negative or non-finite number of cases", () => {
    const rule = rules.get("minimum_basis")!;
    expect(() => minimumBasis([{ side: "a", cases: Number.NaN, what: "firms" }], rule)).toThrow(/side 'a' has NaN cases/);
    expect(() => minimumBasis([], rule)).toThrow(/at least one side/);
  });

  it("sums the cases per side, listing a side without units as 0", () => {
    const units = [{ t: "city", n: 10 }, { t: "city", n: 5 }, { t: "small_town", n: 2.5 }];
    expect(sideSupport(units, { side: (u) => u.t, cases: (u) => u.n, what: "firms", sides: ["abroad"] })).toEqual([
      { side: "abroad", cases: 0, what: "firms" },
      { side: "city", cases: 15, what: "firms" },
      { side: "small_town", cases: 2.5, what: "firms" },
    ]);
  });
});

describe("the sampling error of a two-rate comparison (phrase rule sampling_error)", () => {
  it("is z·√(p₁(1−p₁)/n₁ + p₂(1−p₂)/n₂) in points, computed by hand", () => {
    // 21 % of 88 vs 19.6 % of 700: .21·.79/88 = 0.00188523, .196·.804/700 = 0.00022512, √0.00211035 = 0.0459386, × 196 = 9.0040
    const e = samplingError({ rate: 21, cases: 88 }, { rate: 19.6, cases: 700 }, 1.96);
    expect(e.gap).toBeCloseTo(1.4, 12);
    expect(e.halfWidth).toBeCloseTo(9.004, 3);
    expect(e.within).toBe(true);
    // 50 % vs 40 %, 100 cases each: √(.0025 + .0024) = .07 → ±13.72 (inside); 1000 each: √.00049 = .0221359 → ±4.3386 (outside)
    expect(samplingError({ rate: 50, cases: 100 }, { rate: 40, cases: 100 }, 1.96).halfWidth).toBeCloseTo(13.72, 9);
    const big = samplingError({ rate: 50, cases: 1000 }, { rate: 40, cases: 1000 }, 1.96);
    expect(big.halfWidth).toBeCloseTo(4.3386, 3);
    expect(big.within).toBe(false);
  });

  it("is read from the rules file (z = 1.96) and caps a verdict whose gap is inside it; a gap outside leaves it alone", () => {
    expect(rules.get("sampling_error")?.threshold).toBe(1.96);
    const inside = makeFinding(ID, { ...base, support: [{ side: "city", cases: 700, what: "firms", rate: 19.6 }, { side: "small_town", cases: 88, what: "firms", rate: 21 }] }, claims, rules, "");
    expect(inside.verdict).toBe("inconclusive"); // false against a published true would be "contradicted"
    expect(inside.numbers?.["sampling_halfwidth_pp"]).toBeCloseTo(9.004, 3);
    expect(inside.note).toContain("inside ±9.00");
    const outside = makeFinding(ID, { ...base, support: [{ side: "city", cases: 1000, what: "firms", rate: 40 }, { side: "small_town", cases: 1000, what: "firms", rate: 50 }] }, claims, rules, "");
    expect(outside.verdict).toBe("contradicted");
    expect(outside.note).toContain("outside ±4.34");
  });

  it("refuses a rate on one side only, a rate outside 0–100 and zero cases", () => {
    const rule = rules.get("minimum_basis")!;
    const z = rules.get("sampling_error")!;
    expect(() => minimumBasis([{ side: "a", cases: 40, what: "firms", rate: 10 }, { side: "b", cases: 40, what: "firms" }], rule, z)).toThrow(/rate is given for 1 of 2 sides/);
    expect(() => samplingError({ rate: 120, cases: 10 }, { rate: 10, cases: 10 }, 1.96)).toThrow(/expected a percentage/);
    expect(() => samplingError({ rate: 12, cases: 0 }, { rate: 10, cases: 10 }, 1.96)).toThrow(/expected a number > 0/);
  });

  it("gives each side its case-weighted rate", () => {
    const units = [{ t: "city", n: 100, r: 10 }, { t: "city", n: 300, r: 30 }, { t: "small_town", n: 50, r: 20 }];
    // city: (100·10 + 300·30) / 400 = 25
    expect(sideSupport(units, { side: (u) => u.t, cases: (u) => u.n, what: "firms", rate: (u) => u.r })).toEqual([
      { side: "city", cases: 400, what: "firms", rate: 25 },
      { side: "small_town", cases: 50, what: "firms", rate: 20 },
    ]);
  });
});

describe("robustness that was not tested", () => {
  it("is 'untested' (never 'robust') when a reading could not be computed and none of the others flips the verdict", () => {
    const f = makeFinding(ID, { ...base, computed: true, alternatives: [{ label: "without A", computed: true }], untested: [{ label: "without B", reason: "no small_town unit left" }] }, claims, rules, "");
    expect(f.robustness.status).toBe("untested");
    expect(f.robustness.untested).toEqual([{ label: "without B", reason: "no small_town unit left" }]);
    expect(f.note).toContain("not testable for: without B (no small_town unit left)");
  });

  it("is still 'fragile' when a computed reading flips the verdict", () => {
    const f = makeFinding(ID, { ...base, computed: true, alternatives: [{ label: "without A", computed: false }], untested: [{ label: "without B", reason: "empty" }] }, claims, rules, "");
    expect(f.robustness.status).toBe("fragile");
  });
});

describe("the printed rule's allowance is read from the rules file", () => {
  it("a printed figure's tolerance follows the `printed` threshold: 0.5 → ±0.05 for '-3,7'; 1 in a copy → ±0.1", async () => {
    const { badCopy, line, setField } = await import("../support/badCopy");
    expect(claims.get("small_town_regions_population_change_2001_07")?.tolerance).toBeCloseTo(0.05, 12);
    const copy = badCopy({ "assumptions/phrase_rules.csv": line("printed,", setField(4, "1")) });
    expect(loadPhraseRules(copy).get("printed")?.threshold).toBe(1);
    expect(loadClaims(copy).get("small_town_regions_population_change_2001_07")?.tolerance).toBeCloseTo(0.1, 12);
    // "82" built from two rounded parts: 2 × 1
    expect(loadClaims(copy).get("services_share_innlandet_2008")?.tolerance).toBeCloseTo(2, 12);
  });
});

describe("out-of-period proxies", () => {
  it("evidence on less than half of the claim's years is a proxy: labelled, at most inconclusive, robustness untested", () => {
    // "Innlandet's net in-migration slightly weaker than the country's" (2001–07), read on 2008 alone: 0 of 7 years
    const f = makeFinding("ch3.innlandet_net_migration_below_norway", { ...base, computed: true, alternatives: [{ label: "other", computed: true }], period: { claimed: [2001, 2007], covered: [2008, 2008] } }, claims, rules, "");
    expect(f.verdict).toBe("inconclusive"); // true against a published true would be corroborated
    expect(f.robustness.status).toBe("untested");
    expect(f.note).toContain("out-of-period proxy: the evidence covers 2008, 0 of the claim's 7 years (2001–2007)");
  });

  it("evidence on half of the claim's years or more decides as usual", () => {
    expect(periodProxy({ claimed: [2001, 2007], covered: [2004, 2010] })).toMatchObject({ proxy: false, share: 4 / 7 });
    expect(periodProxy({ claimed: [2001, 2008], covered: [2005, 2008] }).proxy).toBe(false); // 4 of 8: exactly half
    expect(periodProxy({ claimed: [2001, 2008], covered: [2006, 2008] }).proxy).toBe(true); // 3 of 8
    expect(() => periodProxy({ claimed: [2007, 2001], covered: [2001, 2001] })).toThrow(/from ≤ to/);
  });
});

describe("stand-in proxies", () => {
  it("a stand-in for what the claim names is labelled, at most inconclusive, and its robustness untested", () => {
    const f = makeFinding(ID, { ...base, computed: false, standIn: { claimed: "the big-city region type", used: "Oslo's county row" } }, claims, rules, "");
    expect(f.verdict).toBe("inconclusive"); // false against a published true would be contradicted
    expect(f.robustness.status).toBe("untested");
    expect(f.robustness.untested).toEqual([{ label: "the big-city region type", reason: "no data for it: Oslo's county row stands in" }]);
    expect(f.note).toContain("stand-in proxy: Oslo's county row stands in for the big-city region type");
  });
});

describe("an alternative read with another tolerance", () => {
  // "82 %" of claims.csv: published 82, two rounded parts → tolerance 1
  const SERVICES = "ch3.services_share_innlandet_2008";
  it("decides the alternative with its own allowance, the main reading with the claim's", () => {
    const f = makeFinding(
      SERVICES,
      { computed: [81.24, 81.36], basis: "report", note: "test", inputs: [], alternatives: [{ label: "single figure", computed: [81.24, 81.36], tolerance: 0.5 }, { label: "same", computed: [81.24, 81.36] }] },
      claims,
      rules,
      "",
    );
    // 82 − 1 = 81 ≤ 81.24: inside → reproduced; 82 − 0.5 = 81.5 > 81.36: outside at every value → diverges
    expect(f.tolerance).toBe(1);
    expect(f.verdict).toBe("reproduced");
    expect(f.robustness.alternatives.map((a) => [a.label, a.verdict])).toEqual([["single figure", "diverges"], ["same", "reproduced"]]);
    expect(f.robustness.flips).toEqual(["single figure"]);
  });
});

describe("the sampling error read over the rounding (issue 25, second audit)", () => {
  it("takes the smallest gap the printed ranges allow: 19.02 vs 17 prints a gap of 2.02, but 18.52 − 17.5 = 1.02 is inside ±1.82", async () => {
    const { withinRounding } = await import("../../src/lib/findings/basis");
    const e = samplingError({ rate: 19.02, cases: 1893 }, { rate: 17, cases: 26669 }, 1.96);
    // .1902·.8098/1893 = 8.1364e-5, .17·.83/26669 = 5.2908e-6; √8.6655e-5 = .0093089 → ±1.8245
    expect(e.halfWidth).toBeCloseTo(1.8245, 3);
    expect(e.within).toBe(false); // at the printed rates
    const r = withinRounding(e, [18.52, 19.52], [16.5, 17.5]);
    expect(r.gap).toBeCloseTo(1.02, 12);
    expect(r.within).toBe(true);
    expect(withinRounding(e, [18, 19], [18.5, 19.5]).gap).toBe(0); // overlapping ranges: the gap can be 0
    expect(withinRounding(e, [10, 11], [14, 15]).gap).toBeCloseTo(-3, 12); // below at every value: nearest zero is −3
    expect(() => withinRounding(e, [1, 2], undefined)).toThrow(/both sides or of neither/);
  });

  it("caps a verdict decided at the printed rates when the rounding lets the gap into the error", () => {
    const support = [
      { side: "Innlandet", cases: 1893, what: "firms", rate: 19.02, rateRange: [18.52, 19.52] as const },
      { side: "Norway", cases: 26669, what: "firms", rate: 17, rateRange: [16.5, 17.5] as const },
    ];
    const f = makeFinding(ID, { ...base, computed: true, support }, claims, rules, "");
    expect(f.verdict).toBe("inconclusive"); // true against a published true would be corroborated
    expect(f.numbers?.["sampling_gap_pp"]).toBeCloseTo(1.02, 9);
  });
});
