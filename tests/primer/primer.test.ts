/**
 * The methods primer (notebooks/01-methods.ipynb) runs as a module: every toy check and every exercise's
 * solution ran and printed its ✓ lines, it emits no finding, its solutions are folded, and its glossary is
 * the README's. The byHand check itself throws when a hand value and the library's value differ.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runAsModule, type ModuleRun } from "../../scripts/lib/nbmodule";
import { ROOT } from "../../scripts/lib/notebooks";
import { byHand, byHandOutcome, PrimerCheckError } from "../../src/lib/primer/check";
import { PRIMER_NOTEBOOK } from "../../src/lib/primer/methods";
import { limit } from "../support/limits";

interface Cell {
  cell_type: string;
  source: string[];
  metadata: { tags?: string[]; jupyter?: { source_hidden?: boolean } };
}
const path = join(ROOT, "notebooks", `${PRIMER_NOTEBOOK}.ipynb`);
const cells = (JSON.parse(readFileSync(path, "utf8")) as { cells: Cell[] }).cells;
const text = (c: Cell): string => c.source.join("");
const tagged = (tag: string): number[] => cells.flatMap((c, i) => ((c.metadata.tags ?? []).includes(tag) ? [i] : []));

describe("byHand", () => {
  it("agrees within half a unit of the hand value's last digit, and throws beyond it", () => {
    // 0.9286 printed as "0.93": 0.0014 away, within 0.005
    expect(byHand("LQ", "0.93", 0.9286)).toContain("✓ LQ: by hand 0.93");
    // 2.8125 printed "2.81": exactly 0.0025 away, within 0.005
    expect(() => byHand("growth", "2.81", 2.8125)).not.toThrow();
    // 0.9286 printed "0.92": 0.0086 away, beyond 0.005
    expect(() => byHand("LQ", "0.92", 0.9286)).toThrow(PrimerCheckError);
    // a hand value of "3" allows 2.5 … 3.5: 3.6 is out
    expect(() => byHand("count", "3", 3.6)).toThrow(/count: by hand 3, the library gives 3.6/);
    expect(() => byHand("x", "1.0", Number.NaN)).toThrow(PrimerCheckError);
    expect(() => byHand("x", "1,0", 1)).toThrow(PrimerCheckError); // the primer prints a decimal point
  });

  it("compares outcomes exactly", () => {
    expect(byHandOutcome("a > b", "undecided", "undecided")).toBe("✓ a > b: by hand undecided, library undecided");
    expect(() => byHandOutcome("a > b", true, "undecided")).toThrow(PrimerCheckError);
  });
});

describe("the primer notebook", () => {
  let run: ModuleRun;
  beforeAll(async () => {
    run = await runAsModule(path);
  }, limit(120_000));

  it("runs to the end and emits no finding", () => {
    expect(run.error).toBeUndefined();
    expect(run.ok).toBe(true);
    expect(run.findings).toEqual([]);
  });

  it("every toy check and every solution cell printed one ✓ line per check it makes", () => {
    const checks = tagged("check");
    const solutions = tagged("solution");
    // one toy check and one solution cell per method section (12 sections)
    expect([checks.length, solutions.length]).toEqual([12, 12]);
    for (const i of [...checks, ...solutions]) {
      const made = (text(cells[i]!).match(/lib\.byHand(Outcome)?\(/g) ?? []).length;
      const ticks = run.outputs.filter((o) => o.cell === i && o.data.startsWith("✓ ")).length;
      expect({ cell: i, ticks }).toEqual({ cell: i, ticks: made });
      expect(made).toBeGreaterThan(0);
    }
  });

  it("each solution is folded and follows a Solution heading", () => {
    for (const i of tagged("solution")) {
      expect(cells[i]!.metadata.jupyter?.source_hidden).toBe(true);
      expect(text(cells[i - 1]!)).toMatch(/^#### Solutions? /);
    }
  });

  it("its glossary is the README's glossary, row for row", () => {
    const rows = (s: string): string[] => s.split("\n").filter((l) => l.startsWith("|"));
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const fromReadme = rows(readme.slice(readme.indexOf("## Glossary (the report's Norwegian terms)")));
    const glossary = cells.find((c) => text(c).includes('<a id="glossary"></a>'))!;
    expect(rows(text(glossary))).toEqual(fromReadme);
    expect(fromReadme.some((r) => r.startsWith("| byregion | city region |"))).toBe(true);
  });
});
