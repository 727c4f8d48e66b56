/**
 * Every finding cell of notebooks 02–07 that uses an indicator or a test of the library (a function defined in
 * src/lib/indicators, src/lib/stats or src/lib/regions) links to a section of the methods primer: the function is
 * listed in src/lib/primer/methods.ts, and the section it names exists in the primer.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../scripts/lib/notebooks";
import { cellLibCalls, libCalls, METHODS, methodHref, methodsOf, PRIMER_NOTEBOOK } from "../../src/lib/primer/methods";

const METHOD_DIRS = ["indicators", "stats", "regions"];
const CHAPTERS = ["02-perspectives", "03-structures", "04-innovation", "05-synthesis", "06-fifteen-years-on", "07-norway"];
/** A cell that emits a finding (src/lib/notebook/session.ts). */
const FINDING_CELL = /\bnb\.(check|claim|published|untestable)\(/;

/** Exported function or const name → the file under src/lib that defines it. */
function definitions(): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith(".ts"))
        for (const m of readFileSync(p, "utf8").matchAll(/^export (?:async )?(?:function\*?|const) ([A-Za-z_$][\w$]*)/gm))
          out.set(m[1]!, relative(join(ROOT, "src", "lib"), p));
    }
  };
  walk(join(ROOT, "src", "lib"));
  return out;
}

/** The method functions (defined in a method folder) a notebook's finding cells use that no primer section lists. */
function unlisted(cells: string[], defined: Map<string, string>): { cell: number; fn: string }[] {
  const listed = new Set(METHODS.flatMap((m) => m.functions));
  const calls = cellLibCalls(cells);
  return cells.flatMap((src, i) =>
    FINDING_CELL.test(src)
      ? calls[i]!.filter((fn) => METHOD_DIRS.includes((defined.get(fn) ?? "").split("/")[0]!) && !listed.has(fn)).map((fn) => ({ cell: i, fn }))
      : [],
  );
}

const codeCells = (name: string): string[] =>
  (JSON.parse(readFileSync(join(ROOT, "notebooks", `${name}.ipynb`), "utf8")) as { cells: { cell_type: string; source: string[] }[] }).cells
    .filter((c) => c.cell_type === "code")
    .map((c) => c.source.join(""));

describe("links from the findings to the methods primer", () => {
  const defined = definitions();

  it("every indicator or test a finding cell of notebooks 02–07 uses has a primer section", () => {
    const missing = CHAPTERS.flatMap((n) => unlisted(codeCells(n), defined).map((u) => `${n} code cell ${u.cell}: lib.${u.fn}`));
    expect(missing).toEqual([]);
  });

  it("fails on a finding cell that uses an indicator no section lists, also through a helper of an earlier cell", () => {
    // theilLike is not a library function: only functions defined in the method folders count
    const fake = new Map([...defined, ["theilLike", "indicators/theilLike.ts"]]);
    const cells = ["const spread = (df) => lib.theilLike(df, { unit: 'region', value: 'value' });", "nb.check('x', { computed: spread(d) });"];
    expect(unlisted(cells, fake)).toEqual([{ cell: 1, fn: "theilLike" }]);
    // a finding cell calling a listed function, or a cell that emits no finding, is fine
    expect(unlisted(["nb.check('y', { computed: lib.locationQuotient(d, o) });", "lib.theilLike(d);"], fake)).toEqual([]);
  });

  it("every function the table lists is a function the library defines", () => {
    const unknown = METHODS.flatMap((m) => m.functions.filter((f) => !defined.has(f)));
    expect(unknown).toEqual([]);
  });

  it("every section the table names exists in the primer, with its anchor before its heading and all its parts", () => {
    const primer = readFileSync(join(ROOT, "notebooks", `${PRIMER_NOTEBOOK}.ipynb`), "utf8");
    const cells = (JSON.parse(primer) as { cells: { source: string[] }[] }).cells.map((c) => c.source.join(""));
    for (const m of METHODS) {
      const cell = cells.find((c) => c.startsWith(`<a id="${m.anchor}"></a>\n## `));
      expect(cell, m.anchor).toBeDefined();
      // the section has the idea in words, a formula, a worked toy example, how to read it and a references line
      // with at least two works (the original and a modern one)
      expect(cell).toMatch(/\*\*The idea\.\*\*/);
      expect(cell).toMatch(/\$\$/);
      expect(cell).toMatch(/\*By hand/);
      expect(cell).toMatch(/\*\*How to read it\.\*\*/);
      expect(cell).toMatch(/References: /);
      expect(new Set(cell!.match(/\(\d{4}\)\./g)).size, m.anchor).toBeGreaterThanOrEqual(2);
    }
    expect(methodHref(METHODS.find((m) => m.anchor === "method-lq")!)).toBe("01-methods.html#method-lq");
  });

  it("reads calls and helpers as a notebook's shared scope does", () => {
    expect(libCalls("lib.spearman(x, y) + lib.rank(x); lib.FIGUR_3_6")).toEqual(["spearman", "rank"]);
    const calls = cellLibCalls([
      "const g = (df) => lib.growthRate(df, o);",
      "const h = () => g(d);",
      "nb.check('x', { computed: h() });",
      "nb.check('y', { computed: 1 });",
    ]);
    expect(calls).toEqual([["growthRate"], ["growthRate"], ["growthRate"], []]);
    expect(methodsOf(calls[2]!).map((m) => m.anchor)).toEqual(["method-growth"]);
  });
});
