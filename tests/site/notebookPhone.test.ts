/**
 * A long notebook page on a phone (scripts/lib/site/client/notebook.js, NOTEBOOK_CSS), on a SYNTHETIC page
 * in Chromium from file:// (every other request refused): the contents are one bar that stays at the top and
 * names the section in view; each card's notes and every table of more than 12 rows are folded, and a link to
 * a row inside a folded table opens it; the sideways-scrolling navigation shows this page's link. At a desk's
 * width nothing of this happens.
 * Needs /usr/bin/chromium (skipped, saying so, without it).
 */
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, launchChromium } from "../../scripts/lib/browser";
import { navHtml, page as sitePage } from "../../scripts/lib/site/layout";
import { NOTEBOOK_CSS, NOTEBOOK_JS, notebookBody } from "../../scripts/lib/site/notebookPage";
import { findingHtml } from "../../src/lib/findings/render";
import { syntheticFindings } from "./synthetic";

const chromium = existsSync(CHROMIUM);
if (!chromium) console.warn("notebookPhone.test: Debian's chromium not found — skipped (apt-get install chromium)");

/** Three sections of filler text, a card (its note has reading and source lines) and a table of 20 rows with ids. */
function syntheticHtml(): string {
  const filler = `<p>${"Filler text of a synthetic section. ".repeat(60)}</p>`;
  const f = { ...syntheticFindings()[0]!, note: "reading: a synthetic reading\nsource: a synthetic source" };
  const rows = Array.from({ length: 20 }, (_, i) => `<tr id="row-${i + 1}"><td>row ${i + 1}</td></tr>`).join("");
  const section = (n: number, body: string): string => `<div class="cell text_cell"><h2 id="section-${n}">Section ${n}</h2></div>${filler}${body}${filler}`;
  return section(1, findingHtml(f)) + section(2, `<table class="frame"><thead><tr><th>row</th></tr></thead><tbody>${rows}</tbody></table>`) + section(3, "");
}

describe.skipIf(!chromium)("a long notebook page on a phone", () => {
  let browser: Browser;
  let url = "";
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "innlandet-nb-phone-"));
    // a navigation far wider than a phone, this page's link last
    const nav = navHtml([...Array.from({ length: 9 }, (_, i) => ({ href: `0${i}-chapter.html`, label: `0${i}-some-chapter-name` })), { href: "page.html", label: "this page" }], "page.html");
    const html = sitePage({ title: "t", nav, body: notebookBody({ name: "03-synthetic", html: syntheticHtml(), findings: 1 }), footer: "", css: NOTEBOOK_CSS, scripts: [NOTEBOOK_JS] });
    writeFileSync(join(dir, "page.html"), html);
    url = pathToFileURL(join(dir, "page.html")).href;
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => browser?.close());

  async function open(width: number, hash = ""): Promise<Page> {
    const p = await browser.newPage({ viewport: { width, height: 844 } });
    await p.route("**/*", (r) => (r.request().url().startsWith("file://") ? r.continue() : r.abort()));
    await p.goto(url + hash);
    return p;
  }

  it("the contents stay at the top as one folded bar naming the section in view", { timeout: 60_000 }, async () => {
    const p = await open(390);
    expect(await p.evaluate(`document.querySelector("details.toc-fold").open`)).toBe(false);
    await p.evaluate(`document.getElementById("section-2").scrollIntoView(); window.scrollBy(0, 40)`);
    await p.waitForFunction(`document.querySelector(".toc-current").textContent === "Section 2"`, undefined, { timeout: 5000 });
    const bar = (await p.evaluate(`(() => { const r = document.querySelector(".nb-side").getBoundingClientRect(); return [Math.round(r.top), Math.round(r.height)]; })()`)) as [number, number];
    expect(bar[0]).toBe(0); // stuck at the top (the site's header is not sticky on a phone)
    expect(bar[1]).toBeLessThanOrEqual(84); // at most 10 % of the screen
    // a link in the contents closes them again
    await p.evaluate(`document.querySelector("details.toc-fold").open = true`);
    await p.click('nav.toc a[href="#section-3"]');
    expect(await p.evaluate(`document.querySelector("details.toc-fold").open`)).toBe(false);
    await p.close();
  });

  it("a card's notes and a table of 20 rows are folded; a link to a row opens its table", { timeout: 60_000 }, async () => {
    const p = await open(390);
    expect(await p.evaluate(`[...document.querySelectorAll(".finding details.card-notes")].map((d) => [d.open, d.querySelector("summary").textContent])`)).toEqual([
      [false, "notes (reading, source, inputs)"],
    ]);
    expect(await p.evaluate(`[...document.querySelectorAll("details.table-fold")].map((d) => [d.open, d.querySelector("summary").textContent])`)).toEqual([
      [false, "table: 20 rows"],
    ]);
    await p.close();
    const linked = await open(390, "#row-15");
    expect(await linked.evaluate(`document.querySelector("details.table-fold").open`)).toBe(true);
    await linked.close();
  });

  it("the navigation, one line scrolling sideways, is scrolled to this page's link", { timeout: 60_000 }, async () => {
    const p = await open(390);
    const [left, right, scrolled] = (await p.evaluate(
      `(() => { const a = document.querySelector("header.site nav a[aria-current]").getBoundingClientRect(); return [a.left, a.right, document.querySelector("header.site nav").scrollLeft]; })()`,
    )) as [number, number, number];
    expect(scrolled).toBeGreaterThan(0);
    expect(left).toBeGreaterThanOrEqual(0);
    expect(right).toBeLessThanOrEqual(390);
    await p.close();
  });

  it("at a desk's width the contents stay beside the page, open, and nothing is folded", { timeout: 60_000 }, async () => {
    const p = await open(1440);
    expect(await p.evaluate(`[document.querySelector("details.toc-fold").open, document.querySelector(".nb-side").classList.contains("stuck"), document.querySelectorAll("details.card-notes, details.table-fold").length]`)).toEqual([true, false, 0]);
    await p.close();
  });
});
