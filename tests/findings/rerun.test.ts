/**
 * A finding cell rerun in a live session: the last run of a cell wins and its card says what moved; an id
 * emitted by another cell, or twice by one run of a cell, is an error that names the cells and records
 * nothing. Cells are simulated as the headless runner announces them (enterRunnerCell). Also: a user's own
 * hypothesis (kind explore) and the comparison of two sets of findings.
 */
import { describe, expect, it } from "vitest";
import { Notebook, type Display } from "../../src/lib/notebook/session";
import { enterRunnerCell } from "../../src/lib/notebook/cells";
import { FindingError } from "../../src/lib/findings/errors";
import { compareFindings, comparisonLines, findingChanges } from "../../src/lib/findings/changes";
import { inspect } from "node:util";
import "../../src/lib/errorDisplay";

function recordingDisplay(): Display {
  return { html: () => undefined, markdown: () => undefined, raw: () => undefined };
}

// a claim of data/report/claims.csv with one published number: 82 % of employment in services (2008)
const ID = "ch3.services_share_innlandet_2008";
const input = (computed: number, rho: number) => ({ computed, basis: "report" as const, note: "test", inputs: [], numbers: { rho_min: rho, n: 12 } });

describe("rerunning a finding cell", () => {
  it("replaces the finding and shows what moved; a rerun with nothing moved says 'no change'", () => {
    const shown: string[] = [];
    const nb = new Notebook("synthetic", { html: (s) => void shown.push(s), markdown: () => undefined, raw: () => undefined });
    enterRunnerCell(10, 5);
    nb.check(ID, input(81.3, -0.084));
    expect(shown.at(-1)).not.toContain("since the previous run");
    enterRunnerCell(10, 5); // the same cell, run again after an edit
    nb.check(ID, input(79.0, -0.168));
    expect(nb.findings).toHaveLength(1);
    expect(nb.findings[0]!.computed).toBe(79);
    expect(nb.findings[0]!.verdict).toBe("diverges"); // 79 is outside 82 ± 1
    expect(shown.at(-1)).toContain("since the previous run of this cell");
    expect(shown.at(-1)).toContain("<b>verdict</b> reproduced → diverges");
    expect(shown.at(-1)).toContain("<b>rho_min</b> -0.084 → -0.168");
    enterRunnerCell(10, 5);
    nb.check(ID, input(79.0, -0.168));
    expect(shown.at(-1)).toContain("since the previous run of this cell: no change");
  });

  it("refuses the same id from another cell, naming both, and keeps the first cell's finding", () => {
    const nb = new Notebook("synthetic", recordingDisplay());
    enterRunnerCell(10, 5);
    nb.check(ID, input(81.3, -0.084));
    enterRunnerCell(12, 6);
    expect(() => nb.check(ID, input(70, 0))).toThrow(/already emitted by cell \[5\] of synthetic, not by cell \[6\]/);
    expect(nb.findings[0]!.computed).toBe(81.3);
  });

  it("refuses one id emitted twice in one run of a cell", () => {
    const nb = new Notebook("synthetic", recordingDisplay());
    enterRunnerCell(20, 9);
    nb.check(ID, input(81.3, 0));
    expect(() => nb.check(ID, input(81.3, 0))).toThrow(/emitted twice by cell \[9\]/);
  });

  it("a typed error prints as one line (no stack trace in the kernel's output)", () => {
    const e = new FindingError("no claim 'x' in data/report/claims.csv");
    expect(inspect(e)).toBe("FindingError: no claim 'x' in data/report/claims.csv");
    expect(inspect(new TypeError("a bug"))).toMatch(/\n\s+at /); // other errors keep their stack
  });
});

describe("a user's own hypothesis", () => {
  it("is a finding of kind explore: the statement as the claim, no claims.csv input, the same verdict rules", () => {
    const d = recordingDisplay();
    const nb = new Notebook("my-notebook", d);
    enterRunnerCell(3, 2);
    nb.hypothesis("explore.growth_above_two", {
      statement: "Growth was above 2 %",
      expected: 2,
      tolerance: 0.5,
      unit: "%",
      computed: 3.1,
      rule: "printed",
      note: "a test value",
      inputs: ["ssb/population_municipality_2000_2009.csv"],
    });
    const f = nb.findings[0]!;
    expect(f.kind).toBe("explore");
    expect(f.claim).toBe("Growth was above 2 %");
    expect(f.verdict).toBe("contradicted"); // 3.1 is outside 2 ± 0.5
    expect(f.inputs).toEqual(["data/ssb/population_municipality_2000_2009.csv"]);
    expect(f.note).toContain("source: stated by the user (my-notebook, cell [2]); not a statement of the report");
  });

  it("refuses inputs that are not files of data/, a missing statement, and an id that is not explore.*", () => {
    const nb = new Notebook("my-notebook", recordingDisplay());
    const base = { statement: "x", expected: true, computed: true, rule: "direction", note: "", inputs: ["ssb/population_municipality_2000_2009.csv"] };
    expect(() => nb.hypothesis("explore.a", { ...base, inputs: ["ssb/nothing_here.csv"] })).toThrow(/input data\/ssb\/nothing_here.csv is not a file/);
    expect(() => nb.hypothesis("explore.b", { ...base, statement: " " })).toThrow(/give the statement/);
    expect(() => nb.hypothesis("ch3.mine", base)).toThrow(/must look like explore\./);
    expect(() => nb.check("explore.c", { computed: 1, basis: "open_data", note: "", inputs: [] })).toThrow(/must look like ch3\.some_claim.*nb\.hypothesis/);
  });
});

describe("comparing findings", () => {
  const nb = new Notebook("synthetic", recordingDisplay());
  enterRunnerCell(30, 1);
  nb.check(ID, input(81.3, -0.084));
  const a = nb.findings[0]!;
  const b = { ...a, computed: 79, verdict: "diverges" as const, numbers: { rho_min: -0.168, n: 12 } };

  it("lists the verdict, computed value and every key number that moved", () => {
    expect(findingChanges(a, b)).toEqual([
      { field: "verdict", before: "reproduced", after: "diverges" },
      { field: "computed", before: "81.3", after: "79" },
      { field: "rho_min", before: "-0.084", after: "-0.168" },
    ]);
  });

  it("says NEW, CHANGED, REMOVED, or no change", () => {
    const other = { ...a, id: "ch3.other" };
    expect(comparisonLines(compareFindings([a], [a]))).toEqual(["no change (1 findings)"]);
    const lines = comparisonLines(compareFindings([a, other], [b, { ...a, id: "ch3.new" }]));
    expect(lines[0]).toMatch(/^NEW {6}ch3\.new: reproduced 81\.3$/);
    expect(lines[1]).toBe(`CHANGED  ${ID}: verdict reproduced → diverges; computed 81.3 → 79; rho_min -0.084 → -0.168`);
    expect(lines[2]).toMatch(/^REMOVED {2}ch3\.other: was reproduced 81\.3$/);
    expect(lines[3]).toBe("1 new, 1 changed, 1 removed, 0 unchanged");
  });
});
