/**
 * Open the built site in Debian's Chromium (playwright-core, headless, no
 * network) from a static server on 127.0.0.1: every page must render each
 * plot container as an SVG, show no console errors, and the index must list
 * every finding. Saves a screenshot per page.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize } from "node:path";
import { chromium } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".png": "image/png" };

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
  findingRows?: number;
  screenshot: string;
}

export async function checkSite(site: string, screenshots: string, executablePath = CHROMIUM): Promise<PageReport[]> {
  mkdirSync(screenshots, { recursive: true });
  const { server, url } = await serve(site);
  const browser = await chromium.launch({
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
  const reports: PageReport[] = [];
  try {
    const pages = readdirSync(site)
      .filter((f) => f.endsWith(".html"))
      .sort();
    for (const name of pages) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors: string[] = [];
      page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      page.on("pageerror", (e) => errors.push(String(e)));
      // the site is self-contained: any request off the local server is an error
      await page.route("**/*", (route) =>
        route.request().url().startsWith(url) ? route.continue() : (errors.push(`external request: ${route.request().url()}`), route.abort()),
      );
      await page.goto(`${url}/${name}`, { waitUntil: "load" });
      const figures = await page.locator(".plotly-figure").count();
      if (figures > 0) {
        const ready = `document.querySelectorAll(".plotly-figure svg.main-svg").length >= ${figures}`;
        await page.waitForFunction(ready, undefined, { timeout: 30_000 }).catch(() => undefined);
      }
      const rendered = await page.locator(".plotly-figure").evaluateAll((els) => els.filter((e) => e.querySelector("svg.main-svg")).length);
      const findingRows = name === "index.html" ? await page.locator("#findings tbody tr").count() : undefined;
      const shot = join(screenshots, name.replace(/\.html$/, ".png"));
      // notebook pages: a viewport with the first chart in it; the index: the whole page
      if (figures > 0) await page.locator(".plotly-figure").first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: shot, fullPage: figures === 0 });
      reports.push({ page: name, figures, renderedFigures: rendered, consoleErrors: errors, findingRows, screenshot: shot });
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return reports;
}
