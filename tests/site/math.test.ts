/** The primer's TeX as MathML (scripts/lib/site/math.ts): the subset it writes, and nothing left unread. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../scripts/lib/notebooks";
import { renderMath, texToMathml } from "../../scripts/lib/site/math";
import { PRIMER_NOTEBOOK } from "../../src/lib/primer/methods";

describe("texToMathml", () => {
  it("reads fractions, scripts, sums, text and spacing", () => {
    expect(texToMathml("\\frac{a}{b}", false)).toBe("<math><mfrac><mi>a</mi><mi>b</mi></mfrac></math>");
    expect(texToMathml("e^*_{ri}", true)).toBe('<math display="block"><msubsup><mi>e</mi><mrow><mi>r</mi><mi>i</mi></mrow><mo>*</mo></msubsup></math>');
    expect(texToMathml("x - 1", false)).toBe("<math><mrow><mi>x</mi><mo>−</mo><mn>1</mn></mrow></math>");
    expect(texToMathml("\\sum_i p_i", false)).toBe('<math><mrow><munder><mo largeop="true">∑</mo><mi>i</mi></munder><msub><mi>p</mi><mi>i</mi></msub></mrow></math>');
    expect(texToMathml("\\text{ as }\\quad\\rho", false)).toBe('<math><mrow><mtext>\u00a0as\u00a0</mtext><mspace width="1em"></mspace><mi>ρ</mi></mrow></math>');
    expect(texToMathml("\\left| x \\right|", false)).toBe("<math><mrow><mo>|</mo><mi>x</mi><mo>|</mo></mrow></math>");
  });

  it("shows a command it does not know as an error, not as silence", () => {
    expect(texToMathml("\\oint x", false)).toContain("<merror><mtext>\\oint</mtext></merror>");
  });

  it("reads every formula of the primer", () => {
    const cells = (JSON.parse(readFileSync(join(ROOT, "notebooks", `${PRIMER_NOTEBOOK}.ipynb`), "utf8")) as { cells: { cell_type: string; source: string[] }[] }).cells;
    const markdown = cells.filter((c) => c.cell_type === "markdown").map((c) => c.source.join("")).join("\n");
    const formulas = [...markdown.matchAll(/\$\$([\s\S]+?)\$\$|\$([^$\n]+?)\$/g)].map((m) => m[1] ?? m[2]!);
    expect(formulas.length).toBeGreaterThan(40);
    const unread = formulas.filter((f) => texToMathml(f, false).includes("<merror>"));
    expect(unread).toEqual([]);
  });
});

describe("renderMath", () => {
  it("converts the text's formulas and leaves code alone", () => {
    const html = '<p>share $s_i$ and</p><pre>const x = `${a}$`; $b$</pre><p>$$a = b$$</p><code>$c$</code>';
    expect(renderMath(html)).toBe(
      '<p>share <math><msub><mi>s</mi><mi>i</mi></msub></math> and</p><pre>const x = `${a}$`; $b$</pre><p><math display="block"><mrow><mi>a</mi><mo>=</mo><mi>b</mi></mrow></math></p><code>$c$</code>',
    );
    expect(renderMath("<p>a &lt; $x$</p>")).toBe("<p>a &lt; <math><mi>x</mi></math></p>");
  });
});

describe("renderRemarksMath", () => {
  it("turns TypeDoc's emphasis inside a formula back into subscripts, and leaves other pages' text alone", async () => {
    const { renderRemarksMath } = await import("../../scripts/lib/site/math");
    // TypeDoc read "$$x_{i} + y_{j}$$" as x<em>{i} + y</em>{j}
    const html = '<div class="tsd-tag-remarks"><p>$$x<em>{i} + y</em>{j}$$</p><p><em>Title</em></p></div><p>$a$</p>';
    expect(renderRemarksMath(html)).toBe(
      '<div class="tsd-tag-remarks"><p><math display="block" style="display:block;overflow-x:auto;max-width:100%"><mrow><msub><mi>x</mi><mi>i</mi></msub><mo>+</mo><msub><mi>y</mi><mi>j</mi></msub></mrow></math></p><p><em>Title</em></p></div><p>$a$</p>',
    );
  });
});
