/**
 * Open the built site in Debian's Chromium (playwright-core, headless) from a
 * static server on 127.0.0.1, with every request off that server refused and
 * counted as an error. Every page (at 1440×900): each plot container rendered as
 * an SVG (figures are drawn as they come into view, so all are drawn first), no
 * console errors. The index: its first screen shows the counts, the main
 * conclusion and the first failure (at 1440×900 and 390×844), the overview
 * figure drawn, a verdict filter changes the visible count, the search finds a
 * finding by a word of its claim, an anchor is highlighted. Notebook pages:
 * code folded, "show all code" unfolds it and no code line is cut. Every page
 * but the API reference's, again at 390×844: no horizontal overflow, no sticky
 * bar covering the content (layoutChecks.ts). The API reference's index and one
 * page of each kind load. Screenshots go to `screenshots/` (`*-390.png` at the
 * phone's size). Every figure: the rules of site/figureChecks.ts, at the page's
 * width and again at 390 px (a phone).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { indexChecks, notebookChecks, type Check } from "./site/browserChecks";
import { indexStateChecks } from "./site/stateChecks";
import { DESKTOP, firstScreenCheck, narrowChecks, PHONE, readFirstScreen, type FirstScreen } from "./site/layoutChecks";
import { figureChecks } from "./site/figureChecks";
import { NARROW_BELOW } from "../../src/lib/plots/narrow";

export type { Check } from "./site/browserChecks";
export const CHROMIUM = "/usr/bin/chromium";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".ipynb": "application/x-ipynb+json",
};

function serve(root: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? "/").split("?")[0]!)).replace(/^(\.\.[/\\])+/, "");
    const file = join(root, path === "/" ? "index.html" : path);
    if (!file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` })),
  );
}

export interface PageReport {
  page: string;
  figures: number;
  renderedFigures: number;
  consoleErrors: string[];
  /** Index only: finding rows listed. */
  findingRows?: number;
  /** Index only: its first screen at 1440×900 and at 390×844. */
  firstScreen?: { desktop: FirstScreen; phone: FirstScreen };
  /** Interaction and layout checks run on this page (all must be ok). */
  checks: Check[];
  /** One per drawn plotly figure: the figure rules of site/figureChecks.ts (all must be ok). */
  figureChecks: Check[];
  screenshot: string;
}

/** The pages to open: every top-level page, then the API reference's index and its first page of each kind. */
export function sitePages(site: string): string[] {
  const top = readdirSync(site)
    .filter((f) => f.endsWith(".html"))
    .sort((a, b) => (a === "index.html" ? -1 : b === "index.html" ? 1 : a.localeCompare(b)));
  const api = join(site, "api");
  if (!existsSync(join(api, "index.html"))) return top;
  const firstOf = (dir: string): string[] => {
    const d = join(api, dir);
    const f = existsSync(d)
      ? readdirSync(d)
          .filter((x) => x.endsWith(".html"))
          .sort()[0]
      : undefined;
    return f ? [`api/${dir}/${f}`] : [];
  };
  return [...top, "api/index.html", ...firstOf("functions"), ...firstOf("classes"), ...firstOf("interfaces")];
}

function shotName(page: string): string {
  return page.replace(/\.html$/, "").replace(/\//g, "-") + ".png";
}

async function openPage(
  browser: Browser,
  url: string,
  name: string,
  errors: string[],
  viewport: { width: number; height: number } = DESKTOP,
): Promise<Page> {
  const page = await browser.newPage({ viewport });
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  // the site is self-contained: any request off the local server is an error
  await page.route("**/*", (route) =>
    route.request().url().startsWith(url) ? route.continue() : (errors.push(`external request: ${route.request().url()}`), route.abort()),
  );
  await page.goto(`${url}/${name}`, { waitUntil: "load" });
  return page;
}

/** Debian's Chromium, headless, with the flags this machine needs (no sandbox as root, no background network). */
export function launchChromium(executablePath = CHROMIUM): ReturnType<typeof chromium.launch> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
      "--disable-quic",
    ],
  });
}

/** Whether every figure is drawn for its current width: data-layout (figureHtml) ends in "n" below NARROW_BELOW px, else "w". */
const SETTLED = `[...document.querySelectorAll(".plotly-figure")].every((e) => (e.getAttribute("data-layout") || "").endsWith(e.clientWidth < ${NARROW_BELOW} ? "n" : "w"))`;

/** The figure rules again on a phone (390 × 844), then back to the page's own size. */
async function narrowFigureChecks(page: Page): Promise<Check[]> {
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForFunction(SETTLED, undefined, { timeout: 30_000 }).catch(() => undefined);
  const checks = (await figureChecks(page, { phone: true })).map((c) => ({ ...c, name: `${c.name} at 390 px` }));
  await page.setViewportSize(size);
  await page.waitForFunction(SETTLED, undefined, { timeout: 30_000 }).catch(() => undefined);
  return checks;
}

export async function checkSite(site: string, screenshots: string, executablePath = CHROMIUM): Promise<PageReport[]> {
  mkdirSync(screenshots, { recursive: true });
  const { server, url } = await serve(site);
  const browser = await launchChromium(executablePath);
  const reports: PageReport[] = [];
  try {
    for (const name of sitePages(site)) {
      const errors: string[] = [];
      const page = await openPage(browser, url, name, errors);
      const figures = await page.locator(".plotly-figure").count();
      const firstDesktop = name === "index.html" ? await readFirstScreen(page) : undefined;
      if (figures > 0) {
        // figures below the fold wait to be scrolled near (layout.ts LAZY_PLOTLY_JS): draw them all
        const ready = `(() => { if (window.__drawAllFigures) window.__drawAllFigures(); return [...document.querySelectorAll(".plotly-figure")].every((e) => e.querySelector("svg.main-svg")); })()`;
        // generous: plotly draws in well under a second when idle, many times slower on a busy machine
        await page.waitForFunction(ready, undefined, { timeout: 180_000, polling: 200 }).catch(() => undefined);
      }
      const rendered = await page.locator(".plotly-figure").evaluateAll((els) => els.filter((e) => e.querySelector("svg.main-svg")).length);
      const figs = rendered > 0 ? [...(await figureChecks(page)), ...(await narrowFigureChecks(page))] : [];
      const shot = join(screenshots, shotName(name));
      let checks: Check[] = [];
      let findingRows: number | undefined;
      if (name === "index.html") {
        findingRows = await page.locator("#findings tr.finding").count();
        await page.screenshot({ path: shot });
        checks = await indexChecks(page, { url, screenshots });
        await page.goto(`${url}/index.html`, { waitUntil: "load" });
        checks.push(...(await indexStateChecks(page)));
      } else if (!name.startsWith("api/") && (await page.locator(".nb").count()) > 0) {
        checks = await notebookChecks(page, { url, screenshots, shot });
      } else {
        if (name.startsWith("api/")) {
          const title = await page.title();
          checks.push({
            name: "API page has a title and content",
            ok: title.length > 0 && (await page.locator("h1, h2").count()) > 0,
            detail: title,
          });
        }
        await page.screenshot({ path: shot });
      }
      await page.close();
      let firstScreen: PageReport["firstScreen"];
      if (!name.startsWith("api/")) {
        const phone = await openPage(browser, url, name, errors, PHONE);
        if (firstDesktop) {
          firstScreen = { desktop: firstDesktop, phone: await readFirstScreen(phone) };
          checks.push(firstScreenCheck(firstScreen.desktop, DESKTOP.width), firstScreenCheck(firstScreen.phone, PHONE.width));
        }
        await phone.screenshot({ path: shot.replace(/\.png$/, `-${PHONE.width}.png`) });
        checks.push(...(await narrowChecks(phone)));
        await phone.close();
      }
      reports.push({ page: name, figures, renderedFigures: rendered, consoleErrors: errors, findingRows, firstScreen, checks, figureChecks: figs, screenshot: shot });
    }
  } finally {
    await browser.close();
    server.close();
  }
  return reports;
}

/** Whether a page passed: every figure drawn and passing the figure rules, no console error, every check ok. */
export function pageOk(r: PageReport): boolean {
  return r.renderedFigures === r.figures && r.consoleErrors.length === 0 && [...r.checks, ...r.figureChecks].every((c) => c.ok);
}
