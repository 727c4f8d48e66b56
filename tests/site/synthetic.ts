/**
 * SYNTHETIC test data for the site generator (never real findings): a findings list generated
 * by code that covers every verdict, both kinds, every robustness status and every value shape
 * (number, range, comparison, "undecided", null, a published 0, a value off the chart's scale),
 * and a tiny "executed" notebook written as JSON, with the outputs the site must clean
 * (the injected-parameters echo, tslab's echo of a returned finding).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ComputedValue, Finding, PublishedValue, Robustness, Verdict } from "../../src/lib/findings/types";
import { findingHtml } from "../../src/lib/findings/render";
import * as pl from "nodejs-polars";
import { barFigure, figureHtml, plotlyLoaderHtml } from "../../src/lib/plots/plotly";

interface Shape {
  name: string;
  published: PublishedValue;
  computed: ComputedValue;
  tolerance: number;
  verdict: Verdict;
  unit: string;
}

/** One value shape per row; the verdicts are those the rules would give (tolerance stated). */
export const SYNTHETIC_SHAPES: Shape[] = [
  { name: "number_match", published: 82, computed: 81.3, tolerance: 1, verdict: "reproduced", unit: "percent" },
  { name: "number_gap", published: -3.1, computed: -2.992581, tolerance: 0.05, verdict: "diverges", unit: "percent" },
  { name: "range_published", published: [10, 20], computed: 12.345, tolerance: 0.5, verdict: "corroborated", unit: "per 1000" },
  { name: "large_number", published: 220000, computed: 250123.456, tolerance: 5000, verdict: "contradicted", unit: "persons" },
  { name: "interval_computed", published: 5.5, computed: [5.2, 6.1], tolerance: 0.3, verdict: "inconclusive", unit: "percent" },
  { name: "comparison_undecided", published: true, computed: "undecided", tolerance: 0, verdict: "inconclusive", unit: "comparison (true = holds)" },
  { name: "comparison_holds", published: true, computed: true, tolerance: 0, verdict: "corroborated", unit: "comparison (true = holds)" },
  { name: "comparison_fails", published: true, computed: false, tolerance: 0, verdict: "contradicted", unit: "comparison (true = holds)" },
  { name: "no_data", published: 12, computed: null, tolerance: 0.5, verdict: "untestable", unit: "percent" },
  { name: "published_zero", published: 0, computed: 0.4, tolerance: 0.5, verdict: "reproduced", unit: "percent" },
  { name: "off_scale", published: 2, computed: 40, tolerance: 0.05, verdict: "diverges", unit: "percent" },
];

const SECTIONS = ["3.1", "3.3.10", "3.3.2"];

function robustness(i: number, verdict: Verdict): Robustness {
  if (verdict === "untestable" || i % 3 === 2) return { status: "not_assessed", alternatives: [], flips: [] };
  if (i % 3 === 1) {
    const other: Verdict = verdict === "reproduced" ? "diverges" : "reproduced";
    return {
      status: "fragile",
      alternatives: [{ label: "synthetic alternative reading", computed: 1, verdict: other }],
      flips: ["synthetic alternative reading"],
    };
  }
  return { status: "robust", alternatives: [{ label: "synthetic same reading", computed: 1, verdict }], flips: [] };
}

/** SYNTHETIC findings: the shapes in chapter 3 (claims, spread over three sections), two checks in chapter 4. */
export function syntheticFindings(): Finding[] {
  const claims = SYNTHETIC_SHAPES.map((s, i): Finding => ({
    id: `ch3.synthetic_${s.name}`,
    kind: "claim",
    chapter: 3,
    section: SECTIONS[i % SECTIONS.length]!,
    claim: `Synthetic claim ${i + 1} about ${s.name.replace(/_/g, " ")} (test data)`,
    published: s.published,
    computed: s.computed,
    unit: s.unit,
    tolerance: s.tolerance,
    rule: typeof s.published === "boolean" ? "direction" : "printed",
    verdict: s.verdict,
    robustness: robustness(i, s.verdict),
    inputs: ["data/report/claims.csv#synthetic"],
    note: `reading: synthetic reading ${i + 1}\nrule: printed — synthetic\nan unlabelled synthetic line\nbasis: the report's own figures\nsource: synthetic${
      s.name === "off_scale" ? "\nplaces: synthetic Gjøvik, Ærøy and Våler (for the search's ø/æ/å)" : ""
    }`,
    notebook: "03-synthetic.ipynb",
    cell: 5,
  }));
  const checks: Finding[] = [
    {
      ...claims[0]!,
      id: "ch4.synthetic_check_match",
      kind: "check",
      chapter: 4,
      section: "4.2",
      claim: "Synthetic check of a mapping (test data)",
      notebook: "04-synthetic.ipynb",
      cell: 1,
    },
    {
      ...claims[3]!,
      id: "ch4.synthetic_check_gap",
      kind: "check",
      chapter: 4,
      section: "4.2",
      claim: "Synthetic check of consistency (test data)",
      notebook: undefined,
      cell: undefined,
    },
  ];
  return [...claims, ...checks];
}

const FINDING_MIME = "application/vnd.innlandet.finding+json";
/** A 250-character line of code: the notebook page must wrap it, never cut it. */
export const LONG_LINE = `const synthetic = [${Array.from({ length: 60 }, (_, i) => i).join(", ")}]; // END_OF_LONG_LINE`;

/** The derived tables a SYNTHETIC build holds (build/tables/). */
export const SYNTHETIC_TABLES = ["03-synthetic__shares.csv", "03-synthetic__shares.md"];

/**
 * Write a SYNTHETIC executed build: notebooks/03-synthetic.ipynb (code cells executed 1–5, the findings' cell
 * fourth) and 04-synthetic.ipynb, findings.json and two derived tables.
 */
export function writeSyntheticBuild(build: string, findings: Finding[]): void {
  mkdirSync(join(build, "notebooks"), { recursive: true });
  mkdirSync(join(build, "tables"), { recursive: true });
  writeFileSync(join(build, "findings.json"), JSON.stringify(findings, null, 2) + "\n");
  writeFileSync(join(build, "tables", SYNTHETIC_TABLES[0]!), "area,share\nsynthetic,1\n");
  writeFileSync(join(build, "tables", SYNTHETIC_TABLES[1]!), "| area | share |\n|---|---|\n| synthetic | 1 |\n");
  const ch3 = findings.filter((f) => f.notebook === "03-synthetic.ipynb");
  let executed = 0; // execution counts 1, 2, … as a kernel numbers the code cells it runs
  const code = (source: string, outputs: unknown[], tags: string[] = []) => ({
    cell_type: "code",
    execution_count: ++executed,
    metadata: { tags },
    outputs,
    source,
  });
  const md = (source: string) => ({ cell_type: "markdown", metadata: {}, source });
  const html = (s: string) => ({ output_type: "display_data", metadata: {}, data: { "text/html": s } });
  // a figure as the builders make it (axis titles, units, source line): it must pass the site's figure rules
  const fig = barFigure(pl.DataFrame({ area: ["a", "b"], share: [1, 2] }), {
    x: "area",
    y: "share",
    xTitle: "synthetic area",
    yTitle: "synthetic share",
    yUnit: "%",
    title: "synthetic figure",
    source: "synthetic numbers",
  });
  const nb3 = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } },
    cells: [
      md("# Chapter 3 — A synthetic chapter\n\nTest data only."),
      code('const params = { regions: "report13" };', [], ["parameters"]),
      code(
        'params.regions = "report13";\nparams.period = "both";',
        [{ output_type: "stream", name: "stdout", text: "both\n" }],
        ["injected-parameters"],
      ),
      md("## §3.1 The first synthetic section"),
      code(LONG_LINE, [html(plotlyLoaderHtml()), html(figureHtml(fig, { id: "fig-synthetic" }))]),
      code(
        "nb.check(...)",
        ch3.flatMap((f) => [
          html(findingHtml(f)),
          { output_type: "display_data", metadata: {}, data: { [FINDING_MIME]: JSON.stringify(f) } },
          { output_type: "stream", name: "stdout", text: `{\n  id: '${f.id}',\n  kind: 'claim'\n}\n` },
        ]),
      ),
      md("### §3.3.2 A synthetic subsection"),
      code('console.log("KEEP_THIS_OUTPUT")', [{ output_type: "stream", name: "stdout", text: "KEEP_THIS_OUTPUT\n" }]),
    ],
  };
  const nb4 = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: [md("# Chapter 4 — Another synthetic chapter"), code("1 + 1", [{ output_type: "stream", name: "stdout", text: "2\n" }])],
  };
  writeFileSync(join(build, "notebooks", "03-synthetic.ipynb"), JSON.stringify(nb3));
  writeFileSync(join(build, "notebooks", "04-synthetic.ipynb"), JSON.stringify(nb4));
}
