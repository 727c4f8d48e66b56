/**
 * The minimum-basis rule and untested robustness, on hand-made findings: a comparison whose smaller side rests on
 * fewer weighted cases than the rule's threshold (30) is at most inconclusive; a reading that could not be computed
 * makes the robustness "untested", never "robust".
 */
import { describe, expect, it } from "vitest";
import { makeFinding } from "../../src/lib/findings/check";
import { loadClaims } from "../../src/lib/findings/claims";
import { loadPhraseRules } from "../../src/lib/findings/phrases";
import { minimumBasis, periodProxy, sideSupport } from "../../src/lib/findings/basis";

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
