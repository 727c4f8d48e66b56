/**
 * What makes the site's numbers traceable, on SYNTHETIC findings: whole counts without decimals,
 * findings.csv (read back with csv-parse), a finding card rewritten as the index writes it (values,
 * inputs linked to data.html, the cell's execution count), and the citation read from CITATION.cff.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { findingHtml } from "../../src/lib/findings/render";
import type { Finding } from "../../src/lib/findings/types";
import { executionCounts, rewriteFindings } from "../../scripts/lib/site/cards";
import { cffField, readCitation } from "../../scripts/lib/site/cite";
import { dataAnchor, findingsCsv } from "../../scripts/lib/site/downloads";
import { formatComputed } from "../../scripts/lib/site/format";
import { syntheticFindings } from "./synthetic";

const root = join(__dirname, "..", "..");
const NNBSP = "\u202f";
const findings = syntheticFindings();
const gap = findings.find((f) => f.id === "ch3.synthetic_number_gap")!;

describe("whole counts", () => {
  it("writes a whole computed count without decimals where the report printed whole numbers", () => {
    expect(formatComputed(13, { published: 13, rule: "printed", tolerance: 0.5 })).toBe("13");
    expect(formatComputed(220064, { published: 220064, rule: "printed", tolerance: 0.5 })).toBe(`220${NNBSP}064`);
    expect(formatComputed([12, 14], { published: 13, rule: "printed", tolerance: 0.5 })).toBe("[12, 14]");
    // a fraction still gets the printed precision plus one digit; a printed decimal keeps its precision
    expect(formatComputed(81.34, { published: 82, rule: "printed", tolerance: 1 })).toBe("81.3");
    expect(formatComputed(3, { published: 2.5, rule: "printed", tolerance: 0.05 })).toBe("3.00");
  });
});

describe("findings.csv", () => {
  it("has one row per finding with the raw values, quoted where needed", () => {
    const tricky: Finding = { ...gap, id: "ch3.synthetic_quoted", claim: 'A claim, with "quotes"', note: "line one\nline two" };
    const rows = parse(findingsCsv([...findings, tricky]), { columns: true }) as Record<string, string>[];
    expect(rows.length).toBe(findings.length + 1);
    const r = rows.find((x) => x["id"] === "ch3.synthetic_quoted")!;
    expect(r["claim"]).toBe('A claim, with "quotes"');
    expect(r["note"]).toBe("line one\nline two");
    expect(r["published"]).toBe("-3.1");
    expect(r["computed"]).toBe("-2.992581");
    const interval = rows.find((x) => x["id"] === "ch3.synthetic_interval_computed")!;
    expect(interval["computed"]).toBe("5.2..6.1");
    expect(rows.find((x) => x["id"] === "ch3.synthetic_comparison_fails")!["computed"]).toBe("does not hold");
    expect(rows.find((x) => x["id"] === "ch3.synthetic_no_data")!["computed"]).toBe("");
  });
});

describe("a finding card on a notebook page", () => {
  const nb = {
    cells: [
      { cell_type: "markdown", source: "# x" },
      {
        cell_type: "code",
        execution_count: 7,
        source: "nb.check(…)",
        outputs: [{ output_type: "display_data", data: { "application/vnd.innlandet.finding+json": JSON.stringify(gap) } }],
      },
    ],
  };

  it("numbers the finding by its cell's execution count", () => {
    expect([...executionCounts(nb)]).toEqual([["ch3.synthetic_number_gap", 7]]);
  });

  it("states the values as the index does, links the inputs and names the cell", () => {
    const html = rewriteFindings(findingHtml(gap), [gap], new Map([[gap.id, 7]]), new Set(["data/report/claims.csv"]));
    // −3.1 printed to one decimal → −2.99 (two decimals); the raw card said -2.992581 and ±0.05
    expect(findingHtml(gap)).toContain("<td>-2.992581</td>");
    expect(html).toContain("<tr><td>−3.1</td><td>−2.99</td><td>percent</td><td>±0.05</td>");
    expect(html).toContain(`<a href="data.html#${dataAnchor("data/report/claims.csv")}">data/report/claims.csv#synthetic</a>`);
    expect(html).toContain("· §3.3.10 · cell [7]</div>");
    expect(dataAnchor("data/report/claims.csv")).toBe("file-data-report-claims-csv");
  });

  it("gives each code cell the id of its execution count", () => {
    const cell = '<div class="cell border-box-sizing code_cell rendered">\n<div class="input">\n<div class="prompt input_prompt">In&nbsp;[12]:</div>';
    expect(rewriteFindings(cell, [], new Map(), new Set())).toContain('<div class="cell border-box-sizing code_cell rendered" id="cell-12">');
  });
});

describe("CITATION.cff", () => {
  it("names the project's version from package.json and the report it reproduces", () => {
    const cff = readFileSync(join(root, "CITATION.cff"), "utf8");
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
    expect(cffField(cff, "cff-version")).toBe("1.2.0");
    expect(readCitation(root)).toEqual({
      title: "innlandet: an open, executable reproduction of NIBR-rapport 2009:14",
      version: pkg.version,
      author: "The innlandet contributors",
    });
    expect(cff).toMatch(/collection-title: "NIBR-rapport"\n\s+number: "2009:14"/);
  });
});
