/**
 * More checks of the index's client script (client/index.js) in Chromium: the search folds ø/æ/å,
 * the filter survives a reload through the address, and with "report claims" chosen the numbers
 * beside the verdicts are the first screen's counts.
 */
import type { Page } from "playwright-core";
import type { Check } from "./browserChecks";

const visible = (page: Page): Promise<number> => page.locator("#findings tr.finding:not([hidden])").count();

/** A word as a reader without ø/æ/å on the keyboard types it. */
export function foldNordic(word: string): string {
  return word.toLowerCase().replace(/ø/g, "o").replace(/æ/g, "ae").replace(/å/g, "a");
}

async function searchFolds(page: Page): Promise<Check> {
  const name = "the search finds ø/æ/å typed as o/ae/a";
  const word = (await page.evaluate(`(() => {
    for (const r of document.querySelectorAll("#findings tr.finding")) {
      const m = /[\\p{L}]*[øæåØÆÅ][\\p{L}]*/u.exec(r.textContent || "");
      if (m) return m[0];
    }
    return "";
  })()`)) as string;
  if (!word) return { name, ok: false, detail: "no word with ø, æ or å in any finding to try" };
  await page.locator("#f-search").fill(word);
  const exact = await visible(page);
  await page.locator("#f-search").fill(foldNordic(word));
  const folded = await visible(page);
  await page.locator("#f-search").fill("");
  return { name, ok: exact > 0 && folded === exact, detail: `"${word}" → ${exact} rows, "${foldNordic(word)}" → ${folded}` };
}

async function filterInAddress(page: Page): Promise<Check> {
  const name = "the filter is kept in the address and survives a reload";
  const box = page.locator('#filters input[name="verdict"]').first();
  const verdict = (await box.getAttribute("value")) ?? "";
  await box.click();
  // a word of the first claim still shown
  const claim = (await page.locator("#findings tr.finding:not([hidden]) .claim").first().textContent()) ?? "";
  const word = claim.split(/[^\p{L}\p{N}]+/u).sort((a, b) => b.length - a.length)[0] ?? "";
  await page.locator("#f-search").fill(word);
  const before = await visible(page);
  const search = (await page.evaluate("location.search")) as string;
  await page.reload({ waitUntil: "load" });
  const after = await visible(page);
  const unchecked = !(await page.locator(`#filters input[name="verdict"][value="${verdict}"]`).isChecked());
  const kept = (await page.locator("#f-search").inputValue()) === word;
  await page.locator("#f-reset").click();
  const cleared = (await page.evaluate("location.search")) as string;
  return {
    name,
    ok:
      search.includes("verdict=") &&
      !new URLSearchParams(search).get("verdict")!.split(",").includes(verdict) &&
      unchecked &&
      kept &&
      word !== "" &&
      after === before &&
      cleared === "",
    detail: `address ${search}; ${before} rows before the reload, ${after} after; ${verdict} still unchecked: ${unchecked}; search "${word}" kept: ${kept}; after reset: "${cleared}"`,
  };
}

async function countsAgree(page: Page): Promise<Check> {
  const name = 'with "report claims" chosen the verdict numbers are the first screen\'s counts';
  await page.locator("#f-kind").selectOption("claim");
  const r = (await page.evaluate(`(() => {
    const chip = (v) => Number(document.querySelector('.chip-count[data-verdict="' + v + '"]').textContent);
    const head = (s) => { const b = document.querySelector(".headline a.s-" + s + " b"); return b ? Number(b.textContent) : NaN; };
    return {
      chips: { holds: chip("reproduced") + chip("corroborated"), fails: chip("diverges") + chip("contradicted"), undecided: chip("inconclusive"), untestable: chip("untestable") },
      headline: { holds: head("holds"), fails: head("fails"), undecided: head("undecided"), untestable: head("untestable") },
    };
  })()`)) as { chips: Record<string, number>; headline: Record<string, number> };
  await page.locator("#f-reset").click();
  return {
    name,
    ok: JSON.stringify(r.chips) === JSON.stringify(r.headline),
    detail: `chips ${JSON.stringify(r.chips)}, first screen ${JSON.stringify(r.headline)}`,
  };
}

/** The index, freshly loaded: search folding, the filter in the address, counts that agree. */
export async function indexStateChecks(page: Page): Promise<Check[]> {
  return [await searchFolds(page), await countsAgree(page), await filterInAddress(page)];
}
