/**
 * A map on a phone (issue 24): at 390 px the map is as wide as the plot area and much less tall than the figure's
 * desktop height, so the plot area is cut to the map's height (layout.meta.mapAspect) instead of leaving an empty
 * band above and below it. Drawn in headless Chromium with every request refused; skipped, saying so, without it.
 */
import { describe, expect, it } from "vitest";
import * as pl from "nodejs-polars";
import { launchChromium } from "../../scripts/lib/browser";
import { figureHtml, parseGeoJson, plotlyLoaderHtml, valueMapFigure } from "../../src/lib/plots/plotly";
import { limit } from "../support/limits";
import { hasChromium } from "./browser";

if (!hasChromium()) console.warn("mapNarrow.test: Debian's chromium (/usr/bin/chromium) not found — the phone-width map test is skipped");

type Pos = [number, number];
const square = (x: number, y: number, s = 1): Pos[] => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];

describe.skipIf(!hasChromium())("a map at phone width", () => {
  it("390 px: the plot area is as tall as the map drawn in it (no empty band), the colour bar right under it", async () => {
    // eight unit squares in a row at 60–61°N: a wide map, height / width = 1 / (8 · cos 60.5°) ≈ 0.254
    const geo = parseGeoJson({
      type: "FeatureCollection",
      features: [...Array(8).keys()].map((i) => ({ type: "Feature" as const, properties: { code: `M${i}`, name: `M${i}` }, geometry: { type: "Polygon" as const, coordinates: [square(i, 60)] } })),
    });
    // one municipality without a value: the map's legend then has one entry, "no data"
    const df = pl.DataFrame({ code: [...Array(8).keys()].map((i) => `M${i}`), v: [-20, -10, null, 0, 5, 10, 20, 40] });
    const fig = valueMapFigure(df, geo, { key: "code", featureKey: "code", value: "v", range: 20, clip: true, colorbarTitle: "change", unit: "%", title: "A wide map of eight squares in a row, its title long enough to take two lines at phone width", height: 700 });
    const aspect = 1 / (8 * Math.cos((60.5 * Math.PI) / 180));
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      await page.route("**/*", (route) => (route.request().url().startsWith("data:") ? route.continue() : route.abort()));
      await page.setContent(`<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:10px">${plotlyLoaderHtml()}${figureHtml(fig, { id: "map" })}</body></html>`);
      await page.waitForFunction(`document.getElementById("map").getAttribute("data-layout") === "Wn"`, undefined, { timeout: limit(8_000) });
      const m = (await page.evaluate(`(() => {
        const el = document.getElementById("map"), r = (e) => e.getBoundingClientRect();
        const plot = r(el.querySelector(".nsewdrag")), bar = r(el.querySelector(".colorbar"));
        const fills = [...el.querySelectorAll("path.js-fill")].map(r);
        const mapW = Math.max(...fills.map((b) => b.right)) - Math.min(...fills.map((b) => b.left));
        const mapH = Math.max(...fills.map((b) => b.bottom)) - Math.min(...fills.map((b) => b.top));
        const legend = r(el.querySelector(".legend")), title = r(el.querySelector(".gtitle"));
        return { w: plot.width, h: plot.height, plotTop: plot.top, plotBottom: plot.bottom, barTop: bar.top, figure: r(el).height, mapW, mapH, legendBottom: legend.bottom, titleTop: title.top - r(el).top };
      })()`)) as { w: number; h: number; plotTop: number; plotBottom: number; barTop: number; figure: number; mapW: number; mapH: number; legendBottom: number; titleTop: number };
      // the map fills the width; the plot area is at most 16 px taller than the map (it was 554 px for a map of 84): the
      // colour bar hangs 2 % of the plot's height below it, so the margin it takes shrinks with the plot, a few px more
      expect(m.w).toBeGreaterThan(300);
      expect(m.h).toBeGreaterThanOrEqual(m.w * aspect - 1);
      expect(m.h).toBeLessThanOrEqual(m.w * aspect + 16);
      expect(m.barTop - m.plotBottom).toBeLessThan(40);
      // and the map drawn fills the plot area's width (the axes' 2 % padding on each side aside), not a smaller box
      expect(m.mapW).toBeGreaterThan(0.9 * m.w);
      expect(m.mapH).toBeGreaterThan(0.9 * m.w * aspect);
      // the title stays inside the figure, under its top edge, once the height is cut
      expect(m.titleTop).toBeGreaterThanOrEqual(0);
      // the legend's one entry stands above the plot area, not over the map
      expect(m.legendBottom).toBeLessThanOrEqual(m.plotTop + 1);
      expect(m.figure).toBeLessThan(700);
    } finally {
      await browser.close();
    }
  }, limit(30_000));
});
