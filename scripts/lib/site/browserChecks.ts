/**
 * The interactions scripts/lib/browser.ts tries on the site's pages in Chromium,
 * each returned as a named check with what was seen.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

const visibleRows = (page: Page): Promise<number> => page.locator("#findings tr.finding:not([hidden])").count();

/** The index: overview figure, verdict filter, search, anchor highlight; screenshots of the chart and of the table at an anchor. */
export async function indexChecks(page: Page, o: { url: string; screenshots: string }): Promise<Check[]> {
  const checks: Check[] = [];
  const bars = await page.locator("#fig-overview svg.main-svg .bars path").count();
  checks.push({ name: "overview figure renders", ok: bars > 0, detail: `${bars} bar segments drawn` });

  const total = await page.locator("#findings tr.finding").count();
  // uncheck the verdict with the most findings (but not all of them): the count must drop by exactly its rows
  const perVerdict = await page.locator("#findings tr.finding").evaluateAll((rows) => {
    const n: Record<string, number> = {};
    for (const r of rows) {
      const v = r.getAttribute("data-verdict") ?? "";
      n[v] = (n[v] ?? 0) + 1;
    }
    return n;
  });
  const pick = Object.entries(perVerdict)
    .filter(([, n]) => n < total)
    .sort((a, b) => b[1] - a[1])[0];
  if (pick) {
    const before = await visibleRows(page);
    await page.locator(`#filters input[name="verdict"][value="${pick[0]}"]`).click();
    const after = await visibleRows(page);
    const text = (await page.locator("#visible-count").textContent()) ?? "";
    checks.push({
      name: "clicking a verdict filter changes the visible count",
      ok: after === before - pick[1] && text.startsWith(`${after} of ${total}`),
      detail: `unchecked ${pick[0]}: ${before} → ${after} rows; counter says "${text}"`,
    });
    await page.locator(`#filters input[name="verdict"][value="${pick[0]}"]`).click();
  } else checks.push({ name: "clicking a verdict filter changes the visible count", ok: total === 0, detail: "a single verdict: nothing to filter" });

  // search by the longest word of the claim of the last finding
  const last = page.locator("#findings tr.finding").last();
  const id = (await last.getAttribute("id")) ?? "";
  const claim = (await last.locator(".claim").textContent()) ?? "";
  const word = claim.split(/[^\p{L}\p{N}]+/u).sort((a, b) => b.length - a.length)[0] ?? "";
  await page.locator("#f-search").fill(word);
  const found = (await page.evaluate(
    `(() => { const el = document.getElementById(${JSON.stringify(id)}); return !!el && !el.closest("[hidden]"); })()`,
  )) as boolean;
  const shown = await visibleRows(page);
  checks.push({
    name: "search finds a finding by a word of its claim",
    ok: found && shown >= 1 && word.length > 0,
    detail: `"${word}" → ${shown} rows, ${id} shown: ${found}`,
  });
  await page.locator("#f-search").fill("");

  const dev = page.locator("#fig-deviation");
  if ((await dev.count()) > 0) {
    // the sticky bar would cover the chart's top in an element screenshot
    const style = await page.addStyleTag({ content: "header.site{position:static}" });
    await dev.screenshot({ path: join(o.screenshots, "index-deviation.png") });
    await style.evaluate((e) => e.remove());
  }
  await page.goto(`${o.url}/index.html#${encodeURIComponent(id)}`);
  const target = (await page.evaluate(
    `(() => { const t = document.querySelector(":target"); return t ? { id: t.id, bg: getComputedStyle(t.querySelector("td") || t).backgroundColor } : null; })()`,
  )) as { id: string; bg: string } | null;
  checks.push({
    name: "an anchor is highlighted",
    ok: target?.id === id && target.bg !== "rgba(0, 0, 0, 0)",
    detail: `:target = ${target?.id ?? "none"}, background ${target?.bg ?? "-"}`,
  });
  await page.screenshot({ path: join(o.screenshots, "index-findings.png") });
  return checks;
}

/** A notebook page: code folded, "show all code" unfolds it, no code line cut; screenshots folded and unfolded. */
export async function notebookChecks(page: Page, o: { url: string; screenshots: string; shot: string }): Promise<Check[]> {
  const checks: Check[] = [];
  const inputs = await page.locator(".nb .cell.code_cell .input").count();
  const folded = await page.locator(".nb details.code-fold:not([open])").count();
  checks.push({ name: "code folded by default", ok: folded === inputs, detail: `${folded} of ${inputs} code cells folded` });
  const toc = await page.locator("nav.toc a").count();
  const headings = await page.locator(".nb h1[id], .nb h2[id], .nb h3[id]").count();
  checks.push({ name: "table of contents lists the headings", ok: toc === headings, detail: `${toc} entries, ${headings} headings` });
  const download = await page.locator(".nb-tools a[download]").getAttribute("href");
  const status = download ? ((await page.evaluate(`fetch(${JSON.stringify(download)}).then((r) => r.status)`)) as number) : 0;
  checks.push({ name: "the executed notebook downloads", ok: status === 200, detail: `${download} → ${status}` });
  await page.screenshot({ path: o.shot });
  if (inputs > 0) {
    await page.locator("#toggle-code").click();
    const open = await page.locator(".nb details.code-fold[open]").count();
    const cut = await page.locator(".nb .input_area pre").evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).length);
    checks.push({
      name: '"show all code" unfolds every cell and no code line is cut',
      ok: open === inputs && cut === 0,
      detail: `${open} open, ${cut} cut`,
    });
    await page.locator(".nb details.code-fold[open]").first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: o.shot.replace(/\.png$/, "-code.png") });
  }
  return checks;
}
