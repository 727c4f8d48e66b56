/**
 * The index's first screen (headline.ts, firstScreen.ts) on SYNTHETIC findings: the counts by
 * standing, the sentence, the readings that tell apart claims sharing a text, and the ranking of
 * failures (tiers from made-up propositions). Expected values worked out by hand from synthetic.ts.
 */
import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/lib/findings/types";
import { MAIN_CONCLUSION, type Proposition } from "../../src/lib/hypotheses/index";
import { countsSentence, filterHref, mainConclusionHtml } from "../../scripts/lib/site/firstScreen";
import { rankedFailures, readingLabels, standingCounts, STANDING_OF } from "../../scripts/lib/site/headline";
import { syntheticFindings } from "./synthetic";

const findings = syntheticFindings();
const byId = (id: string): Finding => findings.find((f) => f.id === id)!;

describe("counts by standing", () => {
  it("maps reproduced + corroborated to hold, diverges + contradicted to fail", () => {
    expect(STANDING_OF).toEqual({
      reproduced: "holds",
      corroborated: "holds",
      diverges: "fails",
      contradicted: "fails",
      inconclusive: "undecided",
      untestable: "untestable",
    });
  });

  it("counts the report's claims only, in one sentence", () => {
    // synthetic.ts SYNTHETIC_SHAPES: reproduced 2 (number_match, published_zero), corroborated 2 (range_published,
    // comparison_holds), diverges 2 (number_gap, off_scale), contradicted 2 (large_number, comparison_fails),
    // inconclusive 2, untestable 1; the two project checks are not counted
    expect(standingCounts(findings)).toEqual({ holds: 4, fails: 4, undecided: 2, untestable: 1 });
    expect(countsSentence(findings)).toBe(
      "Of the report's 11 quantitative statements, tested as 11 readings, 4 hold, 4 fail, 2 cannot be decided and 1 cannot be tested on public data.",
    );
    const twoReadings = [...findings, { ...byId("ch3.synthetic_number_match"), id: "ch3.synthetic_number_match.other" }];
    expect(countsSentence(twoReadings)).toMatch(/^Of the report's 11 quantitative statements, tested as 12 readings, 5 hold,/);
  });

  it("links each count to the list filtered to those verdicts", () => {
    expect(filterHref(["diverges", "contradicted"])).toBe("?kind=claim&verdict=diverges,contradicted#findings-heading");
  });
});

describe("readings of claims that share a text", () => {
  const base = byId("ch3.synthetic_number_match");
  const twin = (id: string, note: string): Finding => ({ ...base, id, claim: "The same synthetic claim", note });

  it("names each by the first clause of its reading", () => {
    const a = twin("ch3.same.a", "reading: 'region' read as the five regions: share on 1 Jan 2007\nrule: printed");
    const b = twin("ch3.same.b", "reading: 'region' read as the four regions; share on 1 Jan 2007");
    const labels = readingLabels([a, b, base]);
    expect(labels.get("ch3.same.a")).toBe("'region' read as the five regions");
    expect(labels.get("ch3.same.b")).toBe("'region' read as the four regions");
    expect(labels.has(base.id)).toBe(false);
  });

  it("keeps a short first clause's definition ('gjennomgående': …)", () => {
    const a = twin("ch3.same.a", "reading: 'gjennomgående': every city region must be type 1. Population 1998→2008");
    const b = twin("ch6.same.b", "reading: Population half only (jobs after 2008 are not in the open data): every city region grew");
    const labels = readingLabels([a, b]);
    expect(labels.get(a.id)).toBe("'gjennomgående': every city region must be type 1. Population 1998→2008");
    expect(labels.get(b.id)).toBe("Population half only (jobs after 2008 are not in the open data)");
  });

  it("falls back to the end of the id when the readings do not tell them apart", () => {
    const a = twin("ch3.same.jan2001_jan2007", "reading: the same words for both periods: 1 %");
    const b = twin("ch3.same.jan2001_jan2008", "reading: the same words for both periods: 2 %");
    const labels = readingLabels([a, b]);
    expect(labels.get(a.id)).toBe("1 Jan 2001 → 1 Jan 2007");
    expect(labels.get(b.id)).toBe("1 Jan 2001 → 1 Jan 2008");
  });
});

describe("ranking the failures", () => {
  const prop = (id: string, chapter: 2 | 5, links: Proposition["links"]): Proposition => ({
    id,
    chapter,
    source: chapter === 5 ? "§5.x" : "§2.x",
    lines: [1, 2],
    statement: "synthetic",
    parts: ["p"],
    links,
  });

  it("orders by robustness, then chapter order, when no proposition counts them", () => {
    // failures: number_gap (i=1, fragile), large_number (i=3, robust), comparison_fails (i=7, fragile),
    // off_scale (i=10, fragile), all in §3.3.10; robust first, then the emitted order
    expect(rankedFailures(findings, []).map((r) => r.finding.id)).toEqual([
      "ch3.synthetic_large_number",
      "ch3.synthetic_number_gap",
      "ch3.synthetic_comparison_fails",
      "ch3.synthetic_off_scale",
    ]);
  });

  it("puts what the main conclusion counts by verdict first, then other conclusions, then sign-only, then perspectives", () => {
    const props = [
      prop("c.other", 5, [{ finding: "ch3.synthetic_comparison_fails", reading: "supports", part: "p", why: "x" }]),
      prop(MAIN_CONCLUSION, 5, [
        { finding: "ch3.synthetic_off_scale", reading: "supports", part: "p", why: "x" },
        { finding: "ch3.synthetic_large_number", reading: "weakens", part: "p", why: "x", sign: "positive" },
      ]),
      prop("h.synthetic", 2, [{ finding: "ch3.synthetic_number_gap", reading: "supports", part: "p", why: "x" }]),
    ];
    const ranked = rankedFailures(findings, props);
    expect(ranked.map((r) => [r.finding.id, r.tier])).toEqual([
      ["ch3.synthetic_off_scale", 0],
      ["ch3.synthetic_comparison_fails", 1],
      ["ch3.synthetic_large_number", 2],
      ["ch3.synthetic_number_gap", 3],
    ]);
  });

  it("says when the main conclusion cannot be assessed (none of its findings in the run)", () => {
    expect(mainConclusionHtml(findings, null)).toContain("is not assessed in this run");
  });
});
