/**
 * The site generator on a SYNTHETIC build (tests/site/synthetic.ts): pages, links, numbers,
 * notes, colophon, rules, API reference; then the same site in Chromium (network refused).
 * Needs Debian's nbconvert (skipped, saying so, without it); the browser part needs /usr/bin/chromium.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { limit } from "../support/limits";
import { buildSiteWithReport, type ApiDocsReport } from "../../scripts/lib/site/index";
import { checkSite, CHROMIUM, pageOk, type PageReport } from "../../scripts/lib/browser";
import { parseParams } from "../../src/lib/params";
import { SYNTHETIC_TABLES, syntheticFindings, writeSyntheticBuild } from "./synthetic";

const root = join(__dirname, "..", "..");
const python = ["/usr/bin/python3", "python3"].find((p) => spawnSync(p, ["-m", "nbconvert", "--version"]).status === 0);
if (!python)
  console.warn("site.test: Jupyter's nbconvert not found — the site generator's tests are skipped (Debian: apt-get install jupyter-nbconvert)");
const chromium = existsSync(CHROMIUM);
if (!chromium) console.warn("site.test: Debian's chromium not found — the browser check of the site is skipped (apt-get install chromium)");

const NNBSP = "\u202f";
// Byte-for-byte equality of two files. Not expect(buffer).toEqual(buffer): vitest compares buffers element by element,
// which held the worker's event loop for 12 s of a loaded run on a notebook of a few MB — past vitest's fixed 60 s RPC
// deadline on a busier machine (issue 21).
const sameBytes = (a: string, b: string): boolean => readFileSync(a).equals(readFileSync(b));
const count = (s: string, needle: string): number => s.split(needle).length - 1;

describe.skipIf(!python)("buildSite on a synthetic build", () => {
  const findings = syntheticFindings();
  let build = "";
  let site = "";
  let api: ApiDocsReport | null = null;
  let index = "";
  let nb3 = "";
  beforeAll(async () => {
    build = mkdtempSync(join(tmpdir(), "innlandet-site-"));
    writeSyntheticBuild(build, findings);
    const r = await buildSiteWithReport({
      build,
      python: python!,
      findings,
      params: parseParams(["regions=ba2020"]),
      runDate: new Date("2026-01-02T03:04:05Z"),
    });
    site = r.site;
    api = r.api;
    index = readFileSync(join(site, "index.html"), "utf8");
    nb3 = readFileSync(join(site, "03-synthetic.html"), "utf8");
  }, limit(60_000));

  it("writes every page, the plotly bundle, the executed notebooks and the API reference", () => {
    for (const f of [
      "index.html",
      "rules.html",
      "data.html",
      "03-synthetic.html",
      "04-synthetic.html",
      "assets/plotly-cartesian.min.js",
      "api/index.html",
    ])
      expect(existsSync(join(site, f)), f).toBe(true);
    expect(sameBytes(join(site, "notebooks", "03-synthetic.ipynb"), join(build, "notebooks", "03-synthetic.ipynb"))).toBe(true);
    expect(index).toContain('<a href="api/index.html">API reference</a>');
  });

  it("lists every finding once, claim first, linked to its notebook card and its rule", () => {
    expect(count(index, '<tr class="finding"')).toBe(13); // 11 synthetic claims + 2 checks
    for (const f of findings) expect(count(index, `id="${f.id}"`), f.id).toBe(1);
    expect(index).toMatch(
      /<td class="c-claim"><div class="claim">Synthetic claim 1 about number match \(test data\)<\/div><div class="meta small"><code>ch3\.synthetic_number_match<\/code>/,
    );
    // the cell as the page numbers it: the findings' cell was the fourth code cell run (synthetic.ts)
    expect(index).toContain('<a href="03-synthetic.html#ch3.synthetic_number_match">03-synthetic, cell [4]</a>');
    expect(nb3).toMatch(
      /<div class="cell border-box-sizing code_cell rendered" id="cell-4">\s*<div class="input">\s*<div class="prompt input_prompt">In&nbsp;\[4\]:/,
    );
    expect(index).toContain('<a href="rules.html#rule-printed">printed</a>');
    expect(index).not.toContain('href=".html#'); // the check without a notebook has no link
  });

  it("writes values at the published precision plus one digit, with unit and tolerance columns", () => {
    // the cells' data-label attributes (the card labels on a narrow screen) left out
    const row = (id: string): string =>
      index.slice(index.indexOf(`id="${id}"`), index.indexOf("</tr>", index.indexOf(`id="${id}"`))).replace(/ data-label="[^"]*"/g, "");
    // −3.1 printed to one decimal → computed −2.992581 to two; tolerance ±0.05
    expect(row("ch3.synthetic_number_gap")).toContain(
      '<td class="num">−3.1</td><td class="num">−2.99</td><td class="c-unit">percent</td><td class="num">±0.05</td>',
    );
    expect(row("ch3.synthetic_large_number")).toContain(`<td class="num">220${NNBSP}000</td><td class="num">250${NNBSP}123.5</td>`);
    expect(row("ch3.synthetic_interval_computed")).toContain('<td class="num">[5.20, 6.10]</td>');
    expect(row("ch3.synthetic_comparison_undecided")).toContain('<td class="num">holds</td><td class="num">undecided</td>');
    expect(row("ch3.synthetic_no_data")).toContain('<td class="num">—</td>');
  });

  it("shows notes as labelled lines and marks fragile verdicts", () => {
    expect(index).toContain("<dt>reading</dt><dd>synthetic reading 1</dd>");
    expect(index).toContain("<dt>note</dt><dd>an unlabelled synthetic line</dd>");
    // fragile: shapes i % 3 === 1 (number_gap, interval_computed, comparison_fails, off_scale); the checks copy robust ones
    expect(count(index, 'data-fragile="1"')).toBe(4);
    expect(index).toContain("⚠ 4 fragile");
    expect(index).toMatch(/<span class="big">11<\/span> report claims/);
    expect(index).toMatch(/<span class="big">2<\/span> project checks/);
  });

  it("opens with the counts by standing, the main conclusion and the failures, ranked", () => {
    // worked out by hand from synthetic.ts (see headline.test.ts): 11 claims, 4 hold, 4 fail, 2 undecided, 1 untestable
    const headline = /<p class="headline" id="headline">([\s\S]*?)<\/p>/.exec(index)![1]!.replace(/<[^>]+>/g, "");
    expect(headline).toBe(
      "Of the report's 11 quantitative statements, tested as 11 readings, 4 hold, 4 fail, 2 cannot be decided and 1 cannot be tested on public data.",
    );
    expect(index.indexOf('id="headline"')).toBeLessThan(index.indexOf('class="lead"'));
    expect(index).toContain("<i>hold</i> = verdict reproduced or corroborated");
    expect(index).toContain('id="main-conclusion"');
    const failures = [...index.matchAll(/<li><a href="#([^"]+)" class="f-title">/g)].map((m) => m[1]);
    expect(failures).toEqual(["ch3.synthetic_large_number", "ch3.synthetic_number_gap", "ch3.synthetic_comparison_fails", "ch3.synthetic_off_scale"]);
  });

  it("copies the data files with their checksums and the run's outputs, and links them", () => {
    const claimsCsv = join(root, "data", "report", "claims.csv");
    expect(sameBytes(join(site, "data", "report", "claims.csv"), claimsCsv)).toBe(true);
    const sha = spawnSync("sha256sum", [claimsCsv], { encoding: "utf8" }).stdout.split(" ")[0]!;
    const data = readFileSync(join(site, "data.html"), "utf8");
    expect(data).toContain(`id="file-data-report-claims-csv"`);
    expect(data).toContain(`<code>${sha}</code>`);
    expect(index).toContain('<a href="data.html#file-data-report-claims-csv">data/report/claims.csv#synthetic</a>');
    expect(sameBytes(join(site, "downloads", "findings.json"), join(build, "findings.json"))).toBe(true);
    const csv = parse(readFileSync(join(site, "downloads", "findings.csv"), "utf8"), { columns: true }) as Record<string, string>[];
    expect(csv.map((r) => r["id"])).toEqual(findings.map((f) => f.id));
    for (const t of SYNTHETIC_TABLES) {
      expect(existsSync(join(site, "downloads", "tables", t)), t).toBe(true);
      expect(index).toContain(`href="downloads/tables/${t}"`);
    }
    expect(index).toContain('href="downloads/findings.csv"');
    expect(index).toContain('<h2 id="cite">Cite this</h2>');
  });

  it("loads plotly.js, deferred, only on pages with a figure", () => {
    expect(nb3).toContain('<script defer src="assets/plotly-cartesian.min.js"></script>');
    expect(readFileSync(join(site, "04-synthetic.html"), "utf8")).not.toContain("plotly-cartesian.min.js");
    expect(readFileSync(join(site, "rules.html"), "utf8")).not.toContain("plotly-cartesian.min.js");
  });

  it("states the colophon: commit, run date, versions, data manifest hash, parameters", () => {
    const sha = spawnSync("sha256sum", [join(root, "data", "manifest.json")], { encoding: "utf8" }).stdout.split(" ")[0]!;
    const commit = spawnSync("git", ["-C", root, "rev-parse", "HEAD"], { encoding: "utf8" }).stdout.trim();
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    expect(index).toContain(`<code>${sha}</code>`);
    expect(index).toContain(`<code>${commit}</code>`);
    expect(index).toContain("2026-01-02 03:04:05 UTC");
    expect(index).toContain(`<dt>Node</dt><dd>${process.version}</dd>`);
    expect(index).toContain("<dt>nodejs-polars</dt><dd>0.25.2</dd>"); // pinned in package.json
    expect(index).toContain("regions=ba2020, period=both");
  });

  it("lists every phrase rule of data/assumptions/phrase_rules.csv on the rules page", () => {
    const rules = readFileSync(join(site, "rules.html"), "utf8");
    const ids = readFileSync(join(root, "data", "assumptions", "phrase_rules.csv"), "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => l.split(",")[0]!);
    expect(ids.length).toBeGreaterThan(3);
    for (const id of ids) expect(rules, id).toContain(`<tr id="rule-${id}">`);
  });

  it("gives notebook pages contents, a download link, folded code and no stray outputs", () => {
    expect(nb3).toContain('<nav class="toc" aria-label="contents">');
    expect(nb3).toMatch(/<li class="toc-1"><a href="#[^"]+">§3\.1 The first synthetic section<\/a><\/li>/);
    expect(nb3).toContain('<a href="notebooks/03-synthetic.ipynb" download>');
    expect(nb3).toContain("KEEP_THIS_OUTPUT");
    expect(nb3).toContain("END_OF_LONG_LINE");
    expect(nb3).not.toMatch(/<pre>both\s*<\/pre>/);
    expect(nb3).not.toContain("id: &#39;ch3.synthetic");
    expect(nb3).not.toContain("plotly.js loaded");
    expect(count(nb3, 'class="finding" id="ch3.synthetic_')).toBe(11);
  });

  it("turns no word of the API reference into a link to a made-up site (TypeDoc's linkify off)", () => {
    const page = readFileSync(join(site, "api", "variables", "FIGUR_3_6_AREA_LABELS.html"), "utf8");
    expect(page).toContain("README.md");
    expect(page).not.toMatch(/href="https?:\/\/[^"/]*\.(md|ts|json|csv)"/);
  });

  it("reports the API reference's documentation coverage", () => {
    expect(api!.functions.length).toBeGreaterThan(50);
    expect(api!.functions).toContain("verdictStyle");
    expect(api!.missingExample).not.toContain("verdictStyle"); // palette.ts gives it an @example
  });

  it.skipIf(!chromium)(
    "works in Chromium with the network refused: figures, filter, search, anchors, folding, API pages",
    { timeout: limit(60_000) },
    async () => {
      const shots = mkdtempSync(join(tmpdir(), "innlandet-site-shots-"));
      const reports = await checkSite(site, shots);
      const by = (p: string): PageReport => reports.find((r) => r.page === p)!;
      for (const r of reports) expect(pageOk(r), `${r.page}: ${JSON.stringify(r)}`).toBe(true);
      expect(by("index.html").findingRows).toBe(13);
      expect(by("index.html").figures).toBe(2);
      expect(by("index.html").checks.map((c) => c.name)).toEqual([
        "overview figure renders",
        "clicking a verdict filter changes the visible count",
        "search finds a finding by a word of its claim",
        "an anchor is highlighted",
        "the search finds ø/æ/å typed as o/ae/a",
        'with "report claims" chosen the verdict numbers are the first screen\'s counts',
        "the filter is kept in the address and survives a reload",
        "the first screen at 1440 px shows the counts, the main conclusion and the first failure",
        "the first screen at 390 px shows the counts, the main conclusion and the first failure",
        "no horizontal overflow at 390 px",
        "sticky bars cover at most 10 % of a 390 px screen",
      ]);
      // the sentence as the browser shows it, at both sizes (the counts worked out by hand, as above)
      const sentence =
        "Of the report's 11 quantitative statements, tested as 11 readings, 4 hold, 4 fail, 2 cannot be decided and 1 cannot be tested on public data.";
      expect(by("index.html").firstScreen!.desktop.headline).toBe(sentence);
      expect(by("index.html").firstScreen!.phone.headline).toBe(sentence);
      for (const p of ["index.html", "rules.html", "data.html", "03-synthetic.html", "04-synthetic.html"])
        expect(by(p).checks.find((c) => c.name === "no horizontal overflow at 390 px")?.ok, p).toBe(true);
      expect(by("03-synthetic.html").renderedFigures).toBe(1);
      expect(by("03-synthetic.html").checks.length).toBe(6);
      // the figure rules, at 1280 px and at 390 px, for every figure (pageOk above requires them all ok)
      expect(by("03-synthetic.html").figureChecks.map((c) => c.name)).toEqual([
        'figure fig-synthetic "synthetic figure" passes the figure rules',
        'figure fig-synthetic "synthetic figure" passes the figure rules at 390 px',
      ]);
      expect(by("index.html").figureChecks.length).toBe(4);
      expect(reports.map((r) => r.page)).toEqual(expect.arrayContaining(["api/index.html", "rules.html", "04-synthetic.html"]));
      expect(reports.some((r) => r.page.startsWith("api/functions/"))).toBe(true);
      for (const f of [
        "index.png",
        "index-390.png",
        "index-deviation.png",
        "index-findings.png",
        "03-synthetic.png",
        "03-synthetic-390.png",
        "03-synthetic-code.png",
        "api-index.png",
      ])
        expect(existsSync(join(shots, f)), f).toBe(true);
    },
  );
});
