/**
 * Chapter 6 ("fifteen years on"): the findings notebooks/06-fifteen-years-on.ipynb emits, under both mappings.
 * Expected values were computed independently of the library (Python's csv module summing
 * data/ssb/population_municipality_1992_2026.csv by data/regions/mappings.csv, Spearman's ρ by
 * 1 − 6 Σd² / (n (n² − 1)), no ties); the sums are written beside each expectation.
 */
import { describe, expect, it } from "vitest";
import { finding } from "../support/runs";

describe("chapter 6: region types then and since 2008", () => {
  it("city regions gained, small-town regions lost population in both periods (report13)", () => {
    // city regions: 1998 260 957 → 2008 267 868: 100 · 6 911 / 260 957 = +2.65 %; → 2026 291 610: 100 · 23 742 / 267 868 = +8.86 %
    const then = finding("ch6.city_regions_population_growth_1998_2008.report_period");
    const now = finding("ch6.city_regions_population_growth_1998_2008.since_2008");
    expect([then.verdict, then.computed, now.verdict, now.computed]).toEqual(["corroborated", true, "corroborated", true]);
    expect(then.note).toContain("+2.65 %");
    expect(now.note).toContain("+8.86 %");
    expect(then.rule).toBe("litt");
    // small-town regions: 78 484 → 74 968: −4.48 %; → 2026 72 318: 100 · −2 650 / 74 968 = −3.53 %
    const small = finding("ch6.small_town_regions_population_decline_1998_2008.since_2008");
    expect([small.verdict, small.robustness.status]).toEqual(["corroborated", "robust"]);
    expect(small.note).toContain("-3.53 %");
  });

  it("under ba2020 (Åsnes a small-town region of its own) the same directions", () => {
    // city 252 806 → 260 287 → 284 394: +2.96 %, +9.26 %; small-town 86 635 → 82 549 → 79 534: −4.72 %, −3.65 %
    expect(finding("ch6.city_regions_population_growth_1998_2008.since_2008", "ba2020").note).toContain("+9.26 %");
    expect(finding("ch6.small_town_regions_population_decline_1998_2008.report_period", "ba2020").note).toContain("-4.72 %");
    expect(finding("ch6.small_town_regions_population_decline_1998_2008.since_2008", "ba2020").verdict).toBe("corroborated");
  });
});

describe("chapter 6: every region of a type", () => {
  it("report13: Kongsvinger (with Åsnes) shrank; Tynset and Valdres grew after 2008", () => {
    // Kongsvinger 49 295 → 49 116 (2008 → 2026); Tynset 11 184 → 11 388; Valdres 17 975 → 18 061
    const city = finding("ch6.all_city_regions_type_1.population_since_2008");
    expect([city.verdict, city.computed, city.rule]).toEqual(["contradicted", false, "gjennomgående"]);
    expect(city.note).toContain("4 of 5; not: Kongsvinger");
    // the other mapping (Kongsvinger without Åsnes grows) flips it
    expect(city.robustness.flips).toEqual(["mapping ba2020"]);
    const small = finding("ch6.all_small_town_regions_type_3.population_since_2008");
    expect([small.verdict, small.computed]).toEqual(["contradicted", false]);
    expect(small.note).toContain("6 of 8; not: Tynset, Valdres");
    expect(small.note).toContain("In the report's period (1 Jan 1998 → 1 Jan 2008): 8 of 8");
  });

  it("ba2020: every city region grew (Kongsvinger 41 714 → 41 900); Nord-Aurdal and Tynset grew", () => {
    expect(finding("ch6.all_city_regions_type_1.population_since_2008", "ba2020").verdict).toBe("corroborated");
    // Tynset (BA-2020, with Rendalen) 13 213 → 13 224
    expect(finding("ch6.all_small_town_regions_type_3.population_since_2008", "ba2020").note).toContain("7 of 9; not: Nord-Aurdal, Tynset");
  });
});

describe("chapter 6: ranks", () => {
  it("Kongsvinger's growth read as net in-migration (as in chapter 3) is untestable after 2008; the note shows Hamar, not Kongsvinger, grew most in total (86 192 → 99 806: +15.79 %)", () => {
    for (const run of ["default", "ba2020"] as const) {
      const f = finding("ch6.kongsvinger_strongest_growth.since_2008", run);
      expect([f.verdict, f.computed]).toEqual(["untestable", null]);
      expect(f.note).toMatch(/most first \(mapping \w+\): Hamar \+15\.79 %/);
      expect(f.note).toMatch(/on that reading the claim fails/);
    }
  });

  it("the small-town extremes: Tynset is mildest under report13, Valdres under ba2020; Stor-Elvdal(/Rendalen) steepest", () => {
    // report13: Tynset +1.82 % (11 184 → 11 388) ahead of Valdres +0.48 %; ba2020: Nord-Aurdal +0.48 % ahead of Tynset +0.08 %
    expect(finding("ch6.small_town_decline_extremes.since_2008").verdict).toBe("contradicted");
    const ba = finding("ch6.small_town_decline_extremes.since_2008", "ba2020");
    expect(ba.verdict).toBe("corroborated");
    expect(ba.note).toMatch(/Stor-Elvdal -16\.46 %\n/);
  });
});

describe("chapter 6: size and growth", () => {
  it("Spearman's ρ of size against growth, both periods, both mappings", () => {
    // report13, n = 13, n(n² − 1) = 2 184: 1998–2008 Σd² = 50 → ρ = 1 − 300 / 2 184 = 0.863; 2008–2026 Σd² = 48 → 0.868
    // ba2020, n = 14, n(n² − 1) = 2 730: Σd² = 52 → 1 − 312 / 2 730 = 0.886; Σd² = 42 → 1 − 252 / 2 730 = 0.908
    const cases = [
      ["ch6.national_growth_increases_with_size.innlandet_population_report_period", "default", "0.863", 13],
      ["ch6.national_growth_increases_with_size.innlandet_population_since_2008", "default", "0.868", 13],
      ["ch6.national_growth_increases_with_size.innlandet_population_report_period", "ba2020", "0.886", 14],
      ["ch6.national_growth_increases_with_size.innlandet_population_since_2008", "ba2020", "0.908", 14],
    ] as const;
    for (const [id, run, rho, n] of cases) {
      const f = finding(id, run);
      expect(f.note).toContain(`across ${n} regions`);
      expect(f.note).toContain(`ρ = ${rho}`);
      // ρ ≈ 0.86 on 13 units: far beyond α = 0.05 one-sided (the permutation p is below 0.001)
      expect([f.verdict, f.computed, f.rule]).toEqual(["corroborated", true, "association"]);
    }
  });
});

describe("chapter 6: stagnation", () => {
  it("1992 → 2008: +0.79 %, +0.05 % a year — stagnation per year, not as a pooled change", () => {
    // Hedmark + Oppland: 369 985 → 372 926: 100 · 2 941 / 369 985 = +0.795 %; yearly (372 926 / 369 985)^(1/16) − 1 = +0.0495 %
    const f = finding("ch6.population_stagnation_since_1992");
    expect([f.verdict, f.computed, f.rule]).toEqual(["corroborated", true, "nullvekst"]);
    expect(f.claim).toMatch(/^Innlandet's population has stagnated since 1980 — the stagnation half of the sentence/); // its 1950–80 half: chapter 3, untestable
    expect(f.note).toContain("+0.79 %, +0.05 % a year");
    expect(f.note).toContain("1950–80");
    expect(f.numbers?.["yearly_pct"]).toBeCloseTo(100 * ((372926 / 369985) ** (1 / 16) - 1), 5);
    // pooled, +0.79 % is at or beyond the visible limit (0.5 %) → the rule fails: the reading that flips it
    expect(f.robustness.flips).toEqual(["pooled change 1992→2008 below 0.25 % (+0.79 %; the rule's other unit)"]);
  });

  it("2008 → 2026: +6.18 %, +0.33 % a year — beyond the report's own 'stagnation' (0.25) but below visible growth (0.5): inconclusive", () => {
    // 372 926 → 395 991: +6.185 %; yearly (395 991 / 372 926)^(1/18) − 1 = +0.334 %;
    // the report's own example: +1 % (±0.5) over 2001–07 → at most 1.015^(1/6) − 1 = 0.248 % a year
    const f = finding("ch6.population_stagnation_after_2008");
    expect(f.numbers?.["yearly_pct"]).toBeCloseTo(100 * ((395991 / 372926) ** (1 / 18) - 1), 5);
    expect([f.verdict, f.computed]).toEqual(["inconclusive", "undecided"]);
    expect(f.robustness.status).toBe("fragile");
    expect(f.robustness.flips).toContain("the lenient band: yearly change below 0.5 % (+0.33 % a year)");
  });
});
