/** Finding cards link to the methods primer: the methods a finding's cell uses, read from the executed notebook. */
import { describe, expect, it } from "vitest";
import { findingMethods, methodLinksHtml, rewriteFindings } from "../../scripts/lib/site/cards";
import type { NbJson } from "../../scripts/lib/site/notebookPage";
import { findingHtml } from "../../src/lib/findings/render";
import { syntheticFinding } from "../support/syntheticFinding";

const MIME = "application/vnd.innlandet.finding+json";
const emits = (id: string) => [{ output_type: "display_data", data: { [MIME]: JSON.stringify({ id }) } }];

const nb: NbJson = {
  cells: [
    { cell_type: "markdown", source: "## §3.1" },
    { cell_type: "code", source: ["const growthOf = (df) => lib.growthRate(df, opts);\n", "const lq = lib.locationQuotient(d, o);"], outputs: [] },
    { cell_type: "code", source: 'nb.check("ch3.a", { computed: growthOf(d) > 0 });', outputs: emits("ch3.a") },
    { cell_type: "code", source: 'nb.check("ch3.b", { computed: lib.spearman(x, y) < 0 && lq.height > 0 });', outputs: emits("ch3.b") },
    { cell_type: "code", source: 'nb.check("ch3.c", { computed: true });', outputs: emits("ch3.c") },
  ],
};

describe("findingMethods", () => {
  it("finds the methods of each finding's cell, through helpers of earlier cells; none for a cell without one", () => {
    const m = findingMethods(nb);
    // ch3.a: growthRate through growthOf. The declaring cell also computes lq (its whole code counts): growth and LQ
    expect(m.get("ch3.a")!.map((x) => x.anchor)).toEqual(["method-growth", "method-lq"]);
    expect(m.get("ch3.b")!.map((x) => x.anchor)).toEqual(["method-growth", "method-lq", "method-rank"]);
    expect(m.has("ch3.c")).toBe(false);
  });
});

describe("the card's method line", () => {
  it("links each method's section of the primer", () => {
    const [growth] = findingMethods(nb).get("ch3.a")!;
    expect(methodLinksHtml([growth!])).toBe(
      '<div class="method-links" style="font-size:85%;color:#666">Method (primer): <a href="01-methods.html#method-growth">Growth rates and period readings</a></div>',
    );
    expect(methodLinksHtml([])).toBe("");
  });

  it("is added under the inputs of the card, and only there", () => {
    const f = syntheticFinding("ch3.b", "corroborated");
    const html = rewriteFindings(findingHtml(f), [f], new Map(), new Set(), findingMethods(nb));
    expect(html).toMatch(/inputs: <\/div><div class="method-links"[^>]*>Methods \(primer\): <a href="01-methods.html#method-growth">/);
    expect(html.match(/class="method-links"/g)).toHaveLength(1);
    const plain = rewriteFindings(findingHtml(f), [f], new Map(), new Set());
    expect(plain).not.toContain("method-links");
  });
});

describe("the findings table's method line", () => {
  it("is added at the end of the finding's row (its note), for that row only", async () => {
    const { findingsTableHtml } = await import("../../src/lib/findings/render");
    const a = syntheticFinding("ch3.a", "corroborated", { note: "first" });
    const c = syntheticFinding("ch3.c", "corroborated", { note: "third" });
    const html = rewriteFindings(findingsTableHtml([a, c]), [a, c], new Map(), new Set(), findingMethods(nb));
    expect(html).toContain('first<div class="method-links" style="font-size:85%;color:#666">Methods (primer): <a href="01-methods.html#method-growth">');
    expect(html.match(/class="method-links"/g)).toHaveLength(1);
    expect(html).toContain(">third</td></tr>");
  });
});
