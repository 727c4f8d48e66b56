/**
 * Test support: draw figures in headless Debian Chromium (playwright-core)
 * with every network request refused, and measure what plotly drew.
 */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { launchChromium } from "../../scripts/lib/browser";
import { figureHtml, plotlyLoaderHtml, type PlotlyFigure } from "../../src/lib/plots/plotly";
import { limit } from "../support/limits";

import { CHROMIUM } from "../../scripts/lib/browser";
export { CHROMIUM };
export const hasChromium = (): boolean => existsSync(CHROMIUM);

export interface Drawn {
  name: string;
  rendered: boolean;
  /** `path.js-fill` elements with a visible fill (scatter fill: "toself"). */
  filledPaths: number;
  /** Point labels (scatter text) as drawn: text and client box. */
  labels: { text: string; x0: number; y0: number; x1: number; y1: number }[];
  /** Every `.textpoint` label box plus the plot area's box, to check labels stay inside the figure. */
  figureBox: { x0: number; y0: number; x1: number; y1: number };
  screenshot: string;
}

const MEASURE = `(() => {
  const el = document.getElementById("__ID__");
  const box = (e) => { const r = e.getBoundingClientRect(); return { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom }; };
  const fills = [...el.querySelectorAll("path.js-fill")].filter((p) => {
    const fill = p.style.fill;
    return fill !== "" && fill !== "none" && !/rgba\\(\\s*0,\\s*0,\\s*0,\\s*0\\s*\\)/.test(fill) && (p.getAttribute("d") || "").length > 10;
  });
  return {
    rendered: el.querySelector("svg.main-svg") !== null,
    filledPaths: fills.length,
    labels: [...el.querySelectorAll("g.textpoint text")].map((t) => ({ text: t.textContent || "", ...box(t) })),
    figureBox: box(el),
  };
})()`;

export async function drawInChromium(
  figures: { name: string; fig: PlotlyFigure; height?: number }[],
  shots: string,
  /** Points to hover, as fractions of a figure's plot area; the hover label's text is returned. */
  hovers: { name: string; fx: number; fy: number }[] = [],
): Promise<{ drawn: Drawn[]; requests: string[]; errors: string[]; hoverTexts: string[] }> {
  mkdirSync(shots, { recursive: true });
  const browser = await launchChromium();
  const requests: string[] = [];
  const errors: string[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.route("**/*", (route) => (requests.push(route.request().url()), route.abort()));
    const body = figures.map((f) => `<div style="margin:8px 0">${figureHtml(f.fig, { id: f.name, height: f.height })}</div>`).join("\n");
    await page.setContent(
      `<!doctype html><html><head><meta charset="utf-8"></head><body style="width:1000px">${plotlyLoaderHtml()}${body}</body></html>`,
      {
        waitUntil: "load",
      },
    );
    const ready = `document.querySelectorAll(".plotly-figure svg.main-svg").length >= ${figures.length}`;
    await page.waitForFunction(ready, undefined, { timeout: limit(6_000) }).catch(() => undefined);
    const drawn: Drawn[] = [];
    for (const f of figures) {
      const loc = page.locator(`#${f.name}`);
      // a plain-JS string: tsx/esbuild would wrap named helpers in `__name`, unknown inside the page
      const m = (await page.evaluate(MEASURE.replace("__ID__", f.name))) as Omit<Drawn, "name" | "screenshot">;
      const shot = join(shots, `${f.name}.png`);
      await loc.screenshot({ path: shot });
      drawn.push({ name: f.name, ...m, screenshot: shot });
    }
    const hoverTexts: string[] = [];
    for (const h of hovers) {
      await page.locator(`#${h.name}`).scrollIntoViewIfNeeded();
      const area = await page.locator(`#${h.name} .nsewdrag`).first().boundingBox();
      if (!area) throw new Error(`no plot area in figure ${h.name}`);
      await page.mouse.move(area.x + area.width * h.fx, area.y + area.height * h.fy);
      await page.waitForTimeout(200);
      hoverTexts.push((await page.locator(`#${h.name} .hoverlayer`).textContent()) ?? "");
    }
    await page.close();
    return { drawn, requests, errors, hoverTexts };
  } finally {
    await browser.close();
  }
}
