/**
 * The figures drawn by plotly.js in headless Chromium with every request refused:
 * maps show all 48 municipalities as filled paths, scatter labels as drawn do not
 * overlap and stay inside the figure. Screenshots go to /tmp/plots-shots/ (or
 * PLOTS_SHOTS) for a person to look at. Skipped, saying so, without /usr/bin/chromium.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { limit } from "../support/limits";
import * as pl from "nodejs-polars";
import * as lib from "../../src/lib/index";
import { textWidth } from "../../src/lib/plots/labels";
import { drawInChromium, hasChromium, type Drawn } from "./browser";

const GEO_FILE = [
  join(__dirname, "../../data/geo/municipalities_innlandet_2020.geojson"),
  "/work/shared/data/geo/municipalities_innlandet_2020.geojson",
].find(existsSync);
const SHOTS = process.env["PLOTS_SHOTS"] ?? "/tmp/plots-shots";
const ready = hasChromium() && GEO_FILE !== undefined;
if (!hasChromium()) console.warn("render.test: Debian's chromium (/usr/bin/chromium) not found — browser rendering of the plots skipped");
else if (!GEO_FILE) console.warn("render.test: municipalities_innlandet_2020.geojson not found — browser rendering of the plots skipped");

function figures(): { name: string; fig: lib.PlotlyFigure; height?: number }[] {
  const ctx = new lib.FindingContext();
  const geo = lib.parseGeoJson(JSON.parse(readFileSync(GEO_FILE!, "utf8")));
  const key = { key: "municipality_code_2008", featureKey: "municipality_code_2008", attribution: "© Kartverket" };
  const outside = ctx.regions
    .filter(pl.col("region_type").eq(pl.lit("outside")))
    .getColumn("municipality_code_2008")
    .toArray()
    .map(String);
  // population change 2000 → 2009 per municipality (the project's SSB series), as a value to map
  const pop = lib.loadMunicipalPopulation().withColumns(pl.col("value").cast(pl.Float64));
  const at = (y: number, name: string) => pop.filter(pl.col("year").eq(y)).select("municipality_code_2008", pl.col("value").alias(name));
  const change = at(2000, "v0")
    .join(at(2009, "v1"), { on: "municipality_code_2008" })
    .join(ctx.regions.select("municipality_code_2008", "region"), { on: "municipality_code_2008" })
    .withColumns(pl.col("v1").div(pl.col("v0")).sub(1).mul(100).alias("change_pct"));
  // the §3.4 typology's inputs: population change 2000 → 2009 (SSB) against the report's printed job growth
  const popAt = (y: number, name: string) =>
    ctx.regionPopulation
      .filter(
        pl
          .col("year")
          .eq(y)
          .and(pl.col("region_type").neq(pl.lit("outside"))),
      )
      .select("region", "report_region", "region_type", pl.col("value").cast(pl.Float64).alias(name));
  const typ = popAt(2000, "p0")
    .join(popAt(2009, "p1").select("region", "p1"), { on: "region" })
    .join(ctx.jobGrowth.select(pl.col("area").alias("report_region"), pl.col("low").alias("jobs_low"), pl.col("high").alias("jobs_high")), {
      on: "report_region",
    })
    .withColumns(
      pl.col("p1").div(pl.col("p0")).sub(1).mul(100).alias("population_change_pct"),
      pl.col("jobs_low").add(pl.col("jobs_high")).div(2).alias("job_change_for_sign"),
    );
  const national = lib.num(ctx.innovation, { area_code: "0" }, "pct_product_or_process");
  const rp = ctx.regionPopulation.filter(pl.col("region_type").neq(pl.lit("outside"))).withColumns(pl.col("value").cast(pl.Float64));
  const indexed = rp
    .join(rp.filter(pl.col("year").eq(2000)).select("region", pl.col("value").alias("base")), { on: "region" })
    .withColumns(pl.col("value").div(pl.col("base")).mul(100).alias("index"))
    .sort(["region", "year"]);
  return [
    {
      name: "map_regions",
      fig: lib.categoryMapFigure(ctx.regions, geo, {
        ...key,
        category: "region_type",
        outlineBy: "region",
        labelGroups: true,
        title: "Regions of mapping report13",
        marked: { codes: outside, label: "region centred outside Innlandet" },
      }),
    },
    {
      name: "map_change",
      fig: lib.valueMapFigure(change, geo, {
        ...key,
        value: "change_pct",
        range: 15,
        colorbarTitle: "population change",
        unit: "%",
        outlineBy: "region",
        title: "Population change 2000–2009",
      }),
    },
    {
      name: "scatter_typology",
      fig: lib.scatterFigure(typ, {
        x: "population_change_pct",
        y: "job_change_for_sign",
        label: "region",
        group: "region_type",
        quadrants: true,
        title: "Population change 2000–09 vs job change 1998–2008",
        xTitle: "population change",
        xUnit: "%",
        yTitle: "job change",
        yUnit: "%",
        yError: { low: "jobs_low", high: "jobs_high" },
      }),
    },
    {
      name: "sectors_13",
      height: 520,
      fig: lib.stackedBarFigure(ctx.figur36, {
        x: "region",
        stack: "sector",
        value: "value",
        yTitle: "share of employment",
        yUnit: "%",
        title: "Figur 3.6: all 13 sectors",
        xLabels: lib.FIGUR_3_6_AREA_LABELS,
      }),
    },
    {
      name: "lq_heatmap",
      height: 420,
      fig: lib.heatmapFigure(lib.locationQuotient(ctx.figur36, { region: "region", sector: "sector", value: "value", reference: "norway" }), {
        x: "sector",
        y: "region",
        z: "lq",
        scale: "log2",
        colorbarTitle: "LQ",
        yLabels: lib.FIGUR_3_6_AREA_LABELS,
        title: "Location quotients against Norway (2008)",
      }),
    },
    {
      name: "bar_reference",
      fig: lib.barFigure(ctx.innovation.filter(pl.col("area_level").isIn(["county", "economic_region"])), {
        x: "area_name",
        y: "pct_product_or_process",
        group: "area_level",
        yTitle: "firms with product or process innovation",
        yUnit: "%",
        title: "Innovation 2004–06",
        reference: { value: national, label: `Norway (${national} %)` },
      }),
    },
    {
      name: "line_indexed",
      fig: lib.lineFigure(indexed, {
        x: "year",
        y: "index",
        group: "region",
        colourBy: "region_type",
        title: "Population indexed 2000 = 100",
        yTitle: "population index (2000 = 100)",
        band: { from: 2001, to: 2007, label: "2001–2007" },
        reference: { value: 100 },
        endLabels: true,
      }),
    },
  ];
}

function overlapping(labels: Drawn["labels"]): string[] {
  const out: string[] = [];
  labels.forEach((a, i) =>
    labels.slice(i + 1).forEach((b) => {
      const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      if (w > 0.5 && h > 0.5) out.push(`${a.text} / ${b.text}`);
    }),
  );
  return out;
}

describe.skipIf(!ready)("plots in headless Chromium, network blocked", () => {
  it("maps show all 48 municipalities; scatter labels do not overlap; nothing is fetched", { timeout: limit(30_000) }, async () => {
    // (0.6, 0.3) of the region map's plot area lies in Rendalen (seen in a screenshot); any municipality would do
    const { drawn, requests, errors, hoverTexts } = await drawInChromium(figures(), SHOTS, [{ name: "map_regions", fx: 0.6, fy: 0.3 }]);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    const by = new Map(drawn.map((d) => [d.name, d]));
    for (const d of drawn) expect(d.rendered, d.name).toBe(true);
    expect(by.get("map_regions")!.filledPaths).toBeGreaterThanOrEqual(48);
    expect(by.get("map_change")!.filledPaths).toBeGreaterThanOrEqual(48);
    // hover names the municipality, its code and region, in words ("region type", not region_type)
    expect(hoverTexts[0]).toMatch(/^[A-ZÆØÅ][^()]* \(0[45]\d\d\)region: .+region type: .+regions/);
    const sc = by.get("scatter_typology")!;
    expect(sc.labels.length).toBeGreaterThanOrEqual(10);
    expect(overlapping(sc.labels)).toEqual([]);
    for (const l of sc.labels) {
      expect(l.x0, l.text).toBeGreaterThanOrEqual(sc.figureBox.x0);
      expect(l.x1, l.text).toBeLessThanOrEqual(sc.figureBox.x0 + 760);
    }
    // the width estimate behind the placement is not smaller than what Chromium draws (11 px labels)
    for (const l of sc.labels) expect(textWidth(l.text, 11), l.text).toBeGreaterThanOrEqual((l.x1 - l.x0) * 0.97);
  });
});
