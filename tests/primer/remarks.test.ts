/**
 * The formula and references of each method are written once, in the methods primer: every
 * `<!-- remarks: fn -->` block of notebooks/01-methods.ipynb is the JSDoc `@remarks` of the named functions
 * (TypeDoc shows it on their API pages). `npm run primer:remarks` copies the blocks after a change.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../scripts/lib/notebooks";
import { fileDefining, jsdocRemarks, primerRemarks, sourceFiles, withRemarks } from "../../scripts/lib/primerRemarks";
import { METHODS, PRIMER_NOTEBOOK } from "../../src/lib/primer/methods";

const blocks = primerRemarks(readFileSync(join(ROOT, "notebooks", `${PRIMER_NOTEBOOK}.ipynb`), "utf8"));
const files = sourceFiles(join(ROOT, "src", "lib"));

describe("the primer's formula blocks are the library's @remarks", () => {
  it("every block's text is the @remarks of each function it names (run `npm run primer:remarks` after editing the primer)", () => {
    const differ = blocks.flatMap((b) =>
      b.functions.filter((fn) => {
        const file = fileDefining(files, fn);
        return !file || jsdocRemarks(readFileSync(file, "utf8"), fn) !== b.text;
      }),
    );
    expect(differ).toEqual([]);
  });

  it("every method section documents at least one of its functions, with a formula and references", () => {
    for (const m of METHODS) {
      const mine = blocks.filter((b) => b.functions.some((f) => m.functions.includes(f)));
      expect(mine.length, m.anchor).toBeGreaterThan(0);
      for (const b of mine) expect(b.text).toMatch(/\$\$[\s\S]+\$\$[\s\S]*References: /);
    }
  });

  it("reads, inserts and replaces a @remarks block", () => {
    const src = "/**\n * Sum of two numbers.\n * @example add(1, 2); // 3\n */\nexport function add(a: number, b: number) {}\n";
    expect(jsdocRemarks(src, "add")).toBeUndefined();
    const once = withRemarks(src, "add", "$$a + b$$\n\nReferences: none.");
    expect(once).toBe("/**\n * Sum of two numbers.\n * @remarks\n * $$a + b$$\n *\n * References: none.\n * @example add(1, 2); // 3\n */\nexport function add(a: number, b: number) {}\n");
    expect(jsdocRemarks(once, "add")).toBe("$$a + b$$\n\nReferences: none.");
    // a changed block replaces the old one, in place
    expect(jsdocRemarks(withRemarks(once, "add", "$$b + a$$"), "add")).toBe("$$b + a$$");
    expect(withRemarks(withRemarks(once, "add", "$$b + a$$"), "add", "$$a + b$$\n\nReferences: none.")).toBe(once);
  });
});
