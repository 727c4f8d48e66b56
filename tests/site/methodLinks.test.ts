/**
 * Finding cards, the findings tables of a notebook page and the index's rows link to the methods primer: the methods a
 * finding's cell uses, read from the executed notebook; and the primer comes first in the site's menu.
 */
import { describe, expect, it } from "vitest";
import { findingMethods, methodLinksHtml, rewriteFindings } from "../../scripts/lib/site/cards";
import { findingsHtml } from "../../scripts/lib/site/findingsTable";
import { navHtml, siteNavItems } from "../../scripts/lib/site/layout";
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

describe("the index's findings rows", () => {
  it("link each method the finding's cell uses to its primer section, under the id line; a row without methods has none", () => {
    const b = syntheticFinding("ch3.b", "corroborated");
    const c = syntheticFinding("ch3.c", "corroborated");
    const html = findingsHtml({ findings: [b, c], chapterTitles: {}, sectionTitles: {}, readings: new Map(), cells: new Map(), dataFiles: new Set(), methods: findingMethods(nb) });
    const row = (id: string): string => html.slice(html.indexOf(`<tr class="finding" id="${id}"`), html.indexOf("</tr>", html.indexOf(`<tr class="finding" id="${id}"`)));
    // ch3.b's cell calls spearman itself and growthRate and locationQuotient through the earlier cell: three sections
    expect([...row("ch3.b").matchAll(/href="01-methods\.html#(method-[a-z-]+)"/g)].map((m) => m[1])).toEqual(["method-growth", "method-lq", "method-rank"]);
    expect(row("ch3.b")).toMatch(/<\/div><div class="method-links"[^>]*>Methods \(primer\): <a href="01-methods.html#method-growth">Growth rates and period readings<\/a> · /);
    expect(row("ch3.c")).not.toContain("method-links");
    // without a methods map (e.g. a build without the primer's table) no row has the line
    const plain = findingsHtml({ findings: [b], chapterTitles: {}, sectionTitles: {}, readings: new Map(), cells: new Map(), dataFiles: new Set() });
    expect(plain).not.toContain("method-links");
  });
});

describe("the site's menu", () => {
  it("puts the methods primer first, before the findings and the chapters; without a primer the findings come first", () => {
    const names = ["07-norway", "03-structures", "01-methods", "02-perspectives"];
    const hrefs = (api: boolean, ns = names): string[] => siteNavItems(ns, { primer: "01-methods", api }).map((i) => i.href);
    expect(siteNavItems(names, { primer: "01-methods", api: true })[0]).toEqual({ href: "01-methods.html", label: "Methods primer" });
    expect(hrefs(true)).toEqual([
      "01-methods.html", "index.html", "02-perspectives.html", "03-structures.html", "07-norway.html", "rules.html", "data.html", "api/index.html",
    ]);
    expect(hrefs(false, names.filter((n) => n !== "01-methods"))).toEqual([
      "index.html", "02-perspectives.html", "03-structures.html", "07-norway.html", "rules.html", "data.html",
    ]);
    expect(navHtml(siteNavItems(names, { primer: "01-methods", api: false }), "01-methods.html")).toMatch(
      /<a class="brand" href="index.html">[^<]*<\/a><a href="01-methods.html" aria-current="page">Methods primer<\/a><a href="index.html">Findings<\/a>/,
    );
  });
});
