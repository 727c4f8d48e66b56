import { describe, expect, it } from "vitest";
import { FindingError, PERIOD_2001_07, activePeriods, otherPeriod, referenceClaim } from "../../src/lib/index";

describe("referenceClaim", () => {
  const base = {
    key: "k",
    section: "3.1",
    statement: "s",
    unit: "percent",
    location: "St.meld. 25, Tabell 1.1",
    source: "data/krd/x.csv#Innlandet/totalt",
  };
  it("takes the published value and its tolerance from the figure as printed", () => {
    expect(referenceClaim({ ...base, printed: "-1,0" })).toMatchObject({ published: -1, tolerance: 0.05, chapter: 3, rule: "printed", parts: 1 });
    expect(referenceClaim({ ...base, printed: "220064" })).toMatchObject({ published: 220064, tolerance: 0.5 });
  });
  it("refuses a figure that is not a number as printed, or a section without a chapter", () => {
    expect(() => referenceClaim({ ...base, printed: "n/a" })).toThrow(FindingError);
    expect(() => referenceClaim({ ...base, section: "x", printed: "1" })).toThrow(/section/);
  });
});

describe("readings of 2001–07", () => {
  it("both by default, one when the run's parameter names it", () => {
    expect(activePeriods({ regions: "report13", period: "both" }).map((p) => p.to)).toEqual([2007, 2008]);
    expect(activePeriods({ regions: "report13", period: "jan2001_jan2007" }).map((p) => p.key)).toEqual(["jan2001_jan2007"]);
    expect(otherPeriod(PERIOD_2001_07[1]!).key).toBe("jan2001_jan2007");
  });
});
