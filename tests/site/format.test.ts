import { describe, expect, it } from "vitest";
import {
  compareSections,
  decimalsOf,
  formatComputed,
  formatNumber,
  formatPublished,
  formatTolerance,
  groupFindings,
  isNumeric,
  noteLines,
  publishedDecimals,
} from "../../scripts/lib/site/format";
import { syntheticFindings } from "./synthetic";

const NNBSP = "\u202f"; // the thousands separator

describe("precision", () => {
  it("counts the decimals a number is written with", () => {
    expect(decimalsOf(18.7)).toBe(1);
    expect(decimalsOf(82)).toBe(0);
    expect(decimalsOf(0.05)).toBe(2);
    expect(decimalsOf(1e-7)).toBe(7);
    expect(decimalsOf(-2.992581)).toBe(6);
  });

  it("reads the printed precision from the value, and under the printed rule from the tolerance too", () => {
    // −1 stored for a printed "−1,0": tolerance 0.05 = half a unit of the first decimal → 1 decimal
    expect(publishedDecimals(-1, { rule: "printed", tolerance: 0.05 })).toBe(1);
    // 220.000 (to the ten-thousand) with tolerance 5000: ceil(−log10(10000)) = −4 → no decimals
    expect(publishedDecimals(220000, { rule: "printed", tolerance: 5000 })).toBe(0);
    // 82 = 44 + 38, tolerance 2 × 0.5 = 1: ceil(−log10 2) = 0
    expect(publishedDecimals(82, { rule: "printed", tolerance: 1 })).toBe(0);
    // a phrase rule's threshold says nothing about the printed digits
    expect(publishedDecimals(44, { rule: "paa_nivaa_med", tolerance: 0.01 })).toBe(0);
    expect(publishedDecimals([10, 20.5])).toBe(1);
    expect(publishedDecimals(true)).toBeNull();
    expect(publishedDecimals(null)).toBeNull();
  });
});

describe("formatNumber", () => {
  it("groups thousands by a narrow no-break space and writes a real minus", () => {
    expect(formatNumber(219876.44, 1)).toBe(`219${NNBSP}876.4`);
    expect(formatNumber(1234567, 0)).toBe(`1${NNBSP}234${NNBSP}567`);
    expect(formatNumber(-2.992581, 2)).toBe("−2.99");
    expect(formatNumber(-0.004, 2)).toBe("0.00"); // rounds to zero: no sign
    expect(formatNumber(999.96, 1)).toBe(`1${NNBSP}000.0`);
  });
});

describe("formatComputed / formatPublished / formatTolerance", () => {
  const printed = (published: number | [number, number], tolerance: number) => ({ published, rule: "printed", tolerance });

  it("writes computed numbers at the published precision plus one digit", () => {
    expect(formatComputed(81.34, printed(82, 1))).toBe("81.3");
    expect(formatComputed(-2.992581, printed(-3.1, 0.05))).toBe("−2.99");
    expect(formatComputed(250123.456, printed(220000, 5000))).toBe(`250${NNBSP}123.5`);
    // tolerance 0.3 → ceil(−log10 0.6) = 1 decimal printed → 2 decimals computed
    expect(formatComputed([5.2, 6.1], printed(5.5, 0.3))).toBe("[5.20, 6.10]");
  });

  it("writes comparisons in words and missing values as a dash", () => {
    const cmp = { published: true, rule: "direction", tolerance: 0 };
    expect(formatComputed(true, cmp)).toBe("holds");
    expect(formatComputed(false, cmp)).toBe("does not hold");
    expect(formatComputed("undecided", cmp)).toBe("undecided");
    expect(formatComputed(null, cmp)).toBe("—");
    // no printed number: three significant digits (0.123456 → 3 decimals; 1234.5 → 0 decimals)
    expect(formatComputed(0.123456, cmp)).toBe("0.123");
    expect(formatComputed(1234.5, cmp)).toBe(`1${NNBSP}235`);
  });

  it("writes published values as printed", () => {
    expect(formatPublished(printed(-1, 0.05))).toBe("−1.0");
    expect(formatPublished(printed([10, 20], 0.5))).toBe("[10, 20]");
    expect(formatPublished({ published: true, rule: "direction", tolerance: 0 })).toBe("holds");
    expect(formatPublished({ published: null, rule: "printed", tolerance: 0.5 })).toBe("—");
  });

  it("writes the tolerance with a ± (exact for 0)", () => {
    expect(formatTolerance(0)).toBe("exact");
    expect(formatTolerance(0.05)).toBe("±0.05");
    expect(formatTolerance(5000)).toBe(`±5${NNBSP}000`);
  });
});

describe("noteLines", () => {
  it("splits a note into labelled lines, keeping colons inside the text", () => {
    expect(noteLines("reading: a: b\n\nan unlabelled line\nrun parameters: regions=report13\ngap: x")).toEqual([
      { label: "reading", text: "a: b" },
      { label: "", text: "an unlabelled line" },
      { label: "run parameters", text: "regions=report13" },
      { label: "gap", text: "x" },
    ]);
  });
});

describe("grouping", () => {
  it("orders sections numerically, part by part", () => {
    expect(["3.3.10", "3.1", "3.3.2", "3.3"].sort(compareSections)).toEqual(["3.1", "3.3", "3.3.2", "3.3.10"]);
  });

  it("groups the synthetic findings by chapter and section", () => {
    const g = groupFindings(syntheticFindings());
    // 11 shapes over sections [3.1, 3.3.10, 3.3.2] by i % 3: 3.1 gets i = 0, 3, 6, 9; 3.3.10 gets 1, 4, 7, 10; 3.3.2 gets 2, 5, 8
    expect(g.map((c) => c.chapter)).toEqual([3, 4]);
    expect(g[0]!.sections.map((s) => [s.section, s.findings.length])).toEqual([
      ["3.1", 4],
      ["3.3.2", 3],
      ["3.3.10", 4],
    ]);
    expect(g[1]!.sections.map((s) => [s.section, s.findings.length])).toEqual([["4.2", 2]]);
  });

  it("calls numbers and ranges numeric, comparisons and missing values not", () => {
    const byName = Object.fromEntries(syntheticFindings().map((f) => [f.id.replace(/^ch\d\.synthetic_/, ""), f]));
    expect(isNumeric(byName["number_match"]!)).toBe(true);
    expect(isNumeric(byName["range_published"]!)).toBe(true);
    expect(isNumeric(byName["interval_computed"]!)).toBe(true);
    expect(isNumeric(byName["comparison_holds"]!)).toBe(false);
    expect(isNumeric(byName["no_data"]!)).toBe(false);
  });
});

describe("shortTitle (the chapter menu of the index's filters)", () => {
  it("drops a trailing section range and cuts a long title at a word", async () => {
    const { shortTitle } = await import("../../scripts/lib/site/findingsTable");
    expect(shortTitle("Innlandet's structures and trends (§3.1–3.4)")).toBe("Innlandet's structures and trends");
    expect(shortTitle("Competence, innovation and business development (§4.1–4.7)")).toBe("Competence, innovation and business …");
    expect(shortTitle("Fifteen years on")).toBe("Fifteen years on");
  });
});

describe("follow-ups (the report's statement tested on a later period)", () => {
  it("say in the claim that the years are after the report's, and read the verdict as 'still holds' / 'no longer holds'", async () => {
    const { findingsHtml } = await import("../../scripts/lib/site/findingsTable");
    const { makeFinding } = await import("../../src/lib/findings/check");
    const { loadClaims } = await import("../../src/lib/findings/claims");
    const { loadPhraseRules } = await import("../../src/lib/findings/phrases");
    const mk = (kind: "claim" | "follow_up", computed: boolean) =>
      makeFinding(`ch6.kongsvinger_strongest_growth.${kind}`, { kind, computed, basis: "open_data", note: "test", inputs: [] }, loadClaims(), loadPhraseRules(), "");
    const [claim, later, laterHolds] = [mk("claim", false), mk("follow_up", false), mk("follow_up", true)];
    expect(claim.claim).toBe("Kongsvinger has the strongest growth of Innlandet's city regions");
    expect(later.claim).toBe("Kongsvinger has the strongest growth of Innlandet's city regions — tested on the years after the report's period");
    const html = (f: typeof claim) =>
      findingsHtml({ findings: [f], chapterTitles: {}, sectionTitles: {}, readings: new Map(), cells: new Map(), dataFiles: new Set() });
    expect(html(later)).toContain('<div class="small">no longer holds</div>');
    expect(html(laterHolds)).toContain('<div class="small">still holds since</div>');
    expect(html(claim)).not.toContain("holds since");
  });
});
