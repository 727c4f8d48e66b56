/**
 * The methods primer (notebooks/01-methods.ipynb) runs as a module: every toy check and every exercise's
 * solution ran and printed its ✓ lines, every exercise has a worked answer in words, it emits no finding, its
 * solutions are folded, and its glossary is the README's. The byHand check and the worked answer's check throw
 * when a hand value and the library's value differ.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runAsModule, type ModuleRun } from "../../scripts/lib/nbmodule";
import { ROOT } from "../../scripts/lib/notebooks";
import { boldResults, byHand, byHandOutcome, PrimerCheckError, worked } from "../../src/lib/primer/check";
import { PRIMER_NOTEBOOK } from "../../src/lib/primer/methods";
import { limit } from "../support/limits";

interface Cell {
  cell_type: string;
  source: string[];
  metadata: { tags?: string[]; jupyter?: { source_hidden?: boolean; outputs_hidden?: boolean } };
}
const path = join(ROOT, "notebooks", `${PRIMER_NOTEBOOK}.ipynb`);
const cells = (JSON.parse(readFileSync(path, "utf8")) as { cells: Cell[] }).cells;
const text = (c: Cell): string => c.source.join("");
const tagged = (tag: string): number[] => cells.flatMap((c, i) => ((c.metadata.tags ?? []).includes(tag) ? [i] : []));
/** The checks a cell's source makes: its byHand calls and the bold results of its worked answers (one per line). */
const checksIn = (src: string): number => (src.match(/lib\.byHand(Outcome)?\(/g) ?? []).length + (src.match(/\*\*[^*\n]+\*\*/g) ?? []).length;

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

  it("checks every bold result of a worked answer, in order, and returns the text with one ✓ line per result", () => {
    // 20 / 100 / (100 / 1000) = 2 (worked out by hand); −18 / 808 · 100 = −2.2277…
    const text = "LQ = (20 / 100) / (100 / 1000) = **2.00**; growth **−2.23 %**; surely larger? **undecided**";
    const out = worked(text, [
      ["LQ", 2],
      ["growth", (-18 / 808) * 100],
      ["larger", "undecided"],
    ]);
    expect(out.startsWith(`${text}\n\n✓ LQ: by hand 2.00`)).toBe(true);
    expect(out.split("\n").filter((l) => l.startsWith("✓ "))).toHaveLength(3);
    expect(boldResults(text)).toEqual(["2.00", "−2.23 %", "undecided"]);
    // the text drifts from the library: 2.05 against 2 is 0.05 away, beyond 0.005
    expect(() => worked("LQ = **2.05**", [["LQ", 2]])).toThrow(/LQ: by hand 2.05, the library gives 2/);
    // as many bold results as library values, no more and no fewer
    expect(() => worked("**2.00** and **3.00**", [["LQ", 2]])).toThrow(PrimerCheckError);
    expect(() => worked("no bold result", [["LQ", 2]])).toThrow(PrimerCheckError);
    // an outcome against the wrong outcome, a number against an outcome, and a bold result without a number
    expect(() => worked("**yes**", [["x", false]])).toThrow(PrimerCheckError);
    expect(() => worked("**2.00**", [["x", true]])).toThrow(PrimerCheckError);
    expect(() => worked("**about two**", [["x", 2]])).toThrow(PrimerCheckError);
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
      const made = checksIn(text(cells[i]!));
      const ticks = run.outputs
        .filter((o) => o.cell === i)
        .flatMap((o) => o.data.split("\n"))
        .filter((l) => l.startsWith("✓ ")).length;
      expect({ cell: i, ticks }).toEqual({ cell: i, ticks: made });
      expect(made).toBeGreaterThan(0);
    }
  });

  it("every exercise has a worked answer in words, and the answers check their results with lib.worked", () => {
    for (const i of tagged("solution")) {
      // the exercises are the numbered items of the "### Exercises" cell before the Solutions heading
      const asked = [...text(cells[i - 2]!).matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1]));
      const answered = run.outputs
        .filter((o) => o.cell === i)
        .flatMap((o) => [...o.data.matchAll(/^\*Exercise (\d+)\.\*/gm)].map((m) => Number(m[1])));
      expect({ cell: i, answered }).toEqual({ cell: i, answered: asked });
      expect(asked.length).toBeGreaterThan(0);
      // each answer writes out arithmetic (an equals sign) before its checked results
      for (const o of run.outputs.filter((x) => x.cell === i && x.data.startsWith("*Exercise "))) expect(o.data.split("\n\n✓ ")[0]).toMatch(/=/);
      expect(text(cells[i]!)).toMatch(/lib\.worked\(/);
    }
  });

  it("each solution is folded (code and results) and follows a Solution heading", () => {
    for (const i of tagged("solution")) {
      expect(cells[i]!.metadata.jupyter?.source_hidden).toBe(true);
      expect(cells[i]!.metadata.jupyter?.outputs_hidden).toBe(true);
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
