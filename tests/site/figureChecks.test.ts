/**
 * The figure rules (scripts/lib/site/figureChecks.ts): pure parts on hand-made facts, then
 * small synthetic pages drawn by plotly.js in Chromium (loaded from file://, every other
 * request refused): a well-made figure passes, each broken one fails on its rule.
 * The browser part needs /usr/bin/chromium (skipped, saying so, without it).
 */
import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import * as pl from "nodejs-polars";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, launchChromium } from "../../scripts/lib/browser";
import { collectFigureFacts, type FigureFacts } from "../../scripts/lib/site/figureFacts";
import { figureProblems, hoverNumbers, inWords, unrounded } from "../../scripts/lib/site/figureChecks";
import { figureHtml, plotlyBundlePath, scatterFigure, stackedBarFigure, type PlotlyFigure } from "../../src/lib/plots/plotly";

const chromium = existsSync(CHROMIUM);
if (!chromium) console.warn("figureChecks.test: Debian's chromium not found — the browser part is skipped (apt-get install chromium)");

describe("figure rules on hand-made facts", () => {
  it("titles in words: no snake_case code, a word of four letters or more", () => {
    expect(inWords("population change (%)")).toBe(true);
    expect(inWords("location quotient")).toBe(true);
    expect(inWords("lq")).toBe(false);
    expect(inWords("economic_region")).toBe(false);
    expect(inWords("goods_1 share")).toBe(false);
  });

  it("hover numbers leave out years, codes in parentheses and dotted ids", () => {
    expect(hoverNumbers("Hamar (0403)<br>1 January of the year: 1998<br>population: 27,511 residents")).toEqual(["1", "27,511"]);
    expect(hoverNumbers("ch3.goods_share 71.705463 %")).toEqual(["71.705463"]);
  });

  it("a number is unrounded with more than 2 decimals and more than 3 significant digits", () => {
    expect(unrounded("4.491199")).toBe(true); // 7 significant digits
    expect(unrounded("5.17")).toBe(false);
    expect(unrounded("0.123")).toBe(false); // 3 significant digits
    expect(unrounded("123.456k")).toBe(true); // SI suffix with decimals
    expect(unrounded("220,064")).toBe(false);
  });

  const good: FigureFacts = {
    id: "f",
    title: "A figure",
    axes: [
      { name: "xaxis", shown: true, type: "linear", title: "population change (%)", ticks: ["0", "5", "10"], titleAmongTicks: 0 },
      { name: "yaxis", shown: true, type: "linear", title: "job change (%)", ticks: ["0", "10"], titleAmongTicks: 0 },
    ],
    legendItems: ["city regions"],
    legendTitles: [],
    colorbarTitles: [],
    colorbarTicks: [],
    annotations: ["Source: SSB table 07459"],
    points: [
      [10, 20],
      [30, 40],
      [50, 10],
    ],
    labelsOnMarkers: [],
    lines: [],
    hovers: ["Hamar<br>population change: 4.49 %"],
    overflow: [],
    overlaps: [],
    plot: [560, 300],
    legendCover: 0,
    width: 700,
    containerWidth: 700,
  };

  it("a well-made figure has no problem, and each defect is named", () => {
    expect(figureProblems(good)).toEqual([]);
    const one = (patch: Partial<FigureFacts>): string[] => figureProblems({ ...good, ...patch });
    expect(one({ axes: [{ ...good.axes[0]!, title: "" }, good.axes[1]!] })).toEqual(["xaxis has no title"]);
    expect(one({ colorbarTitles: ["lq"] })).toEqual(['colour-bar title not in words: "lq"']);
    expect(one({ legendItems: ["economic_region", "county"] })).toEqual(["legend names in code style: economic_region"]);
    expect(one({ points: good.points.map(([, y]) => [29, y] as [number, number]) })).toEqual(["all 3 points on one x (29 px)"]);
    expect(one({ hovers: ["Dovre<br>population change: −5.17638 %"] })[0]).toMatch(/^hover value\(s\) not rounded: 5\.17638/);
    expect(one({ hovers: ["Gjøvik: 367"] })).toEqual(['hover value(s) without a unit: "Gjøvik: 367"']);
    expect(one({ annotations: ["© Kartverket"] })).toEqual(['no source line (an annotation starting "Source:")']);
    expect(one({ width: 760, containerWidth: 350 })).toEqual(["figure 760 px wide in a 350 px column"]);
    expect(one({ plot: [40, 300] })).toEqual(["plot area only 40 × 300 px (labels or legend take the rest)"]);
    expect(one({ legendCover: 0.35 })).toEqual(["the legend covers 35 % of the plot area"]);
    expect(one({ axes: [{ ...good.axes[0]!, titleAmongTicks: 40 }, good.axes[1]!] })).toEqual([
      'xaxis title "population change (%)" stands 40 px in among its tick labels',
    ]);
    // a label over another point: a defect on a phone only (at desk width a named region may sit in a cloud)
    expect(one({ labelsOnMarkers: ['"Trysil" covers 2 other points'] })).toEqual([]);
    expect(figureProblems({ ...good, labelsOnMarkers: ['"Trysil" covers 2 other points'] }, { phone: true })).toEqual([
      'point labels cover other points: "Trysil" covers 2 other points',
    ]);
  });
});

describe.skipIf(!chromium)("figure rules on synthetic pages in Chromium", () => {
  let browser: Browser;
  let dir = "";
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "innlandet-figure-checks-"));
    copyFileSync(plotlyBundlePath(), join(dir, "plotly.js"));
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => browser?.close());

  /** Draw the figures on a page of their own (width px) and read their facts. */
  async function draw(name: string, figs: PlotlyFigure[], width = 1000, raw = false): Promise<FigureFacts[]> {
    // raw: drawn by a bare Plotly.newPlot, without figureHtml's fitting to narrow containers
    const one = (f: PlotlyFigure, id: string): string =>
      raw
        ? `<div id="${id}" class="plotly-figure" style="width:100%;height:450px"></div><script>Plotly.newPlot("${id}", ${JSON.stringify(f.data)}, ${JSON.stringify(f.layout)})</script>`
        : figureHtml(f, { id });
    const body = figs.map((f, i) => `<div style="width:${width - 40}px">${one(f, `${name}-${i}`)}</div>`).join("\n");
    const file = join(dir, `${name}.html`);
    writeFileSync(file, `<!doctype html><html><head><meta charset="utf-8"><script src="plotly.js"></script></head><body>${body}</body></html>`);
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const refused: string[] = [];
    await page.route("**/*", (r) => (r.request().url().startsWith("file://") ? r.continue() : (refused.push(r.request().url()), r.abort())));
    await page.goto(pathToFileURL(file).href);
    await page.waitForFunction(`document.querySelectorAll(".plotly-figure svg.main-svg").length >= ${figs.length}`, undefined, { timeout: 30_000 });
    const facts = await collectFigureFacts(page);
    await page.close();
    expect(refused).toEqual([]);
    return facts;
  }

  // five regions: residents on 1 Jan 2007 (hand-made numbers) and a growth rate
  const regions = pl.DataFrame({
    region: ["Hamar", "Gjøvik", "Dovre", "Tynset", "Valdres"],
    residents: [85000, 67000, 5200, 11000, 18000],
    growth: [4.49, 0.16, -5.18, 1.82, 0.48],
    type: ["city", "city", "small_town", "small_town", "small_town"],
  });
  const scatter = (extra: Record<string, unknown> = {}): PlotlyFigure =>
    scatterFigure(regions, {
      x: "residents",
      y: "growth",
      label: "region",
      group: "type",
      title: "Size and growth",
      xTitle: "residents, 1 Jan 2007",
      yTitle: "population change",
      yUnit: "%",
      xLog: true,
      source: "hand-made test numbers",
      ...extra,
    });

  it("a scatter built with xLog passes every rule", { timeout: 60_000 }, async () => {
    const [f] = await draw("good", [scatter()]);
    expect(figureProblems(f!)).toEqual([]);
    expect(f!.points.length).toBe(5);
    expect(f!.hovers.every((h) => /%/.test(h))).toBe(true);
  });

  it("a log axis switched on after a linear range was set fails: NaN ticks, every point on one x", { timeout: 60_000 }, async () => {
    // what chapter 6 shipped: the builder set a linear range, the cell then made the axis log
    const lin = scatter({ xLog: false });
    const broken = { ...lin, layout: { ...lin.layout, xaxis: { ...(lin.layout["xaxis"] as object), type: "log" } } };
    const [f] = await draw("log-after-linear", [broken]);
    const problems = figureProblems(f!);
    expect(problems.some((p) => /^xaxis tick labels broken: .*NaN/.test(p))).toBe(true);
    expect(problems.some((p) => /^all 5 points on one x/.test(p))).toBe(true);
  });

  it("code-style legend and colour-bar titles, raw hover values, no titles, no source, cut text: each fails", { timeout: 60_000 }, async () => {
    const raw: PlotlyFigure = {
      data: [
        { type: "bar", name: "economic_region", x: ["Hamar", "Gjøvik"], y: [4.491199, 0.16], hovertemplate: "%{x}: %{y}<extra></extra>" },
        { type: "heatmap", x: ["a", "b"], y: ["c"], z: [[0.5, 2]], colorbar: { title: { text: "lq" } }, xaxis: "x2", yaxis: "y2" },
      ],
      layout: {
        title: { text: "Broken on purpose" },
        showlegend: true,
        xaxis: { domain: [0, 0.45] },
        xaxis2: { domain: [0.55, 1], anchor: "y2" },
        yaxis2: { anchor: "x2" },
        annotations: [{ xref: "paper", x: 1.3, xanchor: "left", yref: "paper", y: 0.5, text: "a note past the edge", showarrow: false }],
      },
    };
    const [f] = await draw("raw", [raw]);
    const problems = figureProblems(f!);
    expect(problems).toContain("xaxis has no title");
    expect(problems).toContain("yaxis has no title");
    expect(problems).toContain("legend names in code style: economic_region");
    expect(problems).toContain('colour-bar title not in words: "lq"');
    expect(problems.some((p) => /^hover value\(s\) not rounded: 4\.491199/.test(p))).toBe(true);
    expect(problems.some((p) => /^text cut off: "a note past the edge"/.test(p))).toBe(true);
    expect(problems).toContain('no source line (an annotation starting "Source:")');
  });

  it("on a phone, a fixed-width figure and a legend that eats the plot fail; figureHtml's narrow fitting passes", { timeout: 60_000 }, async () => {
    // six long legend names beside three stacked bars, as the 13-sector Figur 3.6 had it
    const parts = ["first", "second", "third", "fourth", "fifth", "sixth"].map((w) => `the ${w} part of a whole, named at length`);
    const df = pl.DataFrame({
      area: parts.flatMap(() => ["north", "middle", "south"]),
      part: parts.flatMap((p) => [p, p, p]),
      share: parts.flatMap((_, i) => [10 + i, 20 - i, 15]),
    });
    const stacked = stackedBarFigure(df, {
      x: "area",
      stack: "part",
      value: "share",
      xTitle: "area",
      yTitle: "share",
      yUnit: "%",
      title: "Parts",
      source: "hand-made test numbers",
    });
    const [wide, squeezed] = await draw("phone-raw", [scatter({ width: 760 }), stacked], 390, true);
    expect(figureProblems(wide!).some((p) => /^figure 760 px wide in a 350 px column/.test(p))).toBe(true);
    expect(figureProblems(squeezed!).some((p) => /^plot area only \d+ × \d+ px/.test(p))).toBe(true);
    const fitted = await draw("phone-fitted", [scatter({ width: 760 }), stacked], 390);
    expect(fitted.map((f) => figureProblems(f, { phone: true }))).toEqual([[], []]);
  });

  it("an axis title among upright tick labels fails; the builders' standoff puts it beyond them on a phone", { timeout: 60_000 }, async () => {
    // one long category label turned upright in a short figure: plotly keeps the title inside the margin it can take
    const bare: PlotlyFigure = {
      data: [{ type: "bar", x: ["a", "b", "x".repeat(45)], y: [1, 2, 3], hovertemplate: "%{x}: %{y} persons<extra></extra>" }],
      layout: { height: 300, width: 360, xaxis: { title: { text: "category of the bar" }, automargin: true, tickangle: 90 }, yaxis: { title: { text: "persons" } } },
    };
    // Figur 3.6's seven areas (their labels as the site shows them) as stacked bars, fitted to a phone by figureHtml
    const areas = ["Norway", "Norway: big-city regions", "Norway: small and medium city regions", "Norway: small-town regions", "Innlandet", "Innlandet: city regions", "Innlandet: small-town regions"];
    const df = pl.DataFrame({ area: [...areas, ...areas], part: [...areas.map(() => "goods"), ...areas.map(() => "services")], share: [...areas.map(() => 20), ...areas.map(() => 80)] });
    const bars = stackedBarFigure(df, { x: "area", stack: "part", value: "share", xTitle: "area", yTitle: "share of employment", yUnit: "%", title: "Sectors", source: "hand-made test numbers" });
    const noStandoff: PlotlyFigure = { ...bars, layout: { ...bars.layout, xaxis: { ...(bars.layout["xaxis"] as object), title: { text: "area" } } } };
    const [among] = await draw("title-among", [bare], 400, true);
    expect(figureProblems(among!).some((p) => /^xaxis title "category of the bar" stands \d+ px in among its tick labels$/.test(p))).toBe(true);
    const [before, after] = await draw("title-standoff", [noStandoff, bars], 390);
    expect(before!.axes.find((a) => a.name === "xaxis")!.titleAmongTicks).toBeGreaterThan(2);
    expect(after!.axes.find((a) => a.name === "xaxis")!.titleAmongTicks).toBe(0);
  });

  it("on a phone, a label drawn over another point fails; scatterFigure's phone variant leaves those labels to the hover", { timeout: 60_000 }, async () => {
    // three points about 11 px apart on a 340 px figure (hand-made), every one labelled to its right, drawn as they are
    const crowd = pl.DataFrame({ x: [10, 11, 12, 30], y: [5, 5, 5, 20], name: ["Dovre", "Lesja", "Skjåk", "Hamar"], g: ["a", "a", "a", "a"] });
    const opts = { x: "x", y: "y", label: "name", group: "g", title: "Crowded", xTitle: "residents", yTitle: "growth", yUnit: "%", source: "hand-made" };
    const wide = scatterFigure(crowd, opts);
    const right = wide.data.map((t) => ({ ...t, text: ["Dovre", "Lesja", "Skjåk", "Hamar"], textposition: "middle right" }));
    const [bare] = await draw("labels-bare", [{ data: right, layout: { ...wide.layout, width: 340 } }], 390, true);
    expect(figureProblems(bare!, { phone: true }).filter((p) => /^point labels cover other points: /.test(p))).toEqual([
      'point labels cover other points: "Dovre" covers 2 other points; "Lesja" covers 1 other point',
    ]);
    const [fitted] = await draw("labels-phone", [wide], 390);
    expect(figureProblems(fitted!, { phone: true })).toEqual([]);
    expect(fitted!.points.length).toBe(4);
  });
});
