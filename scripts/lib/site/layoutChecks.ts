/**
 * Layout checks scripts/lib/browser.ts runs on a page at a phone's size (390×844) and, for the
 * index, at a desktop's (1440×900): no horizontal overflow, nothing sticky covering more than a
 * tenth of the screen once scrolled, and the index's first screen (the counts sentence, the main
 * conclusion, the first failure) beginning above the fold.
 */
import type { Page } from "playwright-core";
import type { Check } from "./browserChecks";

/** The phone viewport the issue's review used. */
export const PHONE = { width: 390, height: 844 } as const;
/** The desktop viewport. */
export const DESKTOP = { width: 1440, height: 900 } as const;

/** The widest elements past the right edge (for the failure message). */
const OVERFLOW_JS = `(() => {
  const w = innerWidth, out = [];
  for (const el of document.querySelectorAll("body *")) {
    const r = el.getBoundingClientRect();
    if (r.right > w + 1 && r.width > 0) {
      let clipped = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === "auto" || o === "scroll" || o === "hidden") { clipped = true; break; }
      }
      if (!clipped) out.push(el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className && typeof el.className === "string" ? "." + el.className.split(" ")[0] : "") + " to " + Math.round(r.right) + " px");
    }
    if (out.length >= 5) break;
  }
  return { scrollWidth: document.documentElement.scrollWidth, innerWidth: w, culprits: out };
})()`;

/** How much of the screen sticky or fixed elements cover once the page is scrolled down (px). */
const COVER_JS = `(() => {
  window.scrollTo(0, Math.min(document.documentElement.scrollHeight / 2, 3000));
  let cover = 0; const what = [];
  for (const el of document.querySelectorAll("body *")) {
    const p = getComputedStyle(el).position;
    if (p !== "sticky" && p !== "fixed") continue;
    const r = el.getBoundingClientRect();
    if (r.top <= 1 + cover && r.bottom > 0 && r.height > 0 && r.width > innerWidth / 2) { cover = Math.max(cover, r.bottom); what.push(el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")); }
  }
  window.scrollTo(0, 0);
  return { cover: Math.round(cover), height: innerHeight, what };
})()`;

/** Every page at the phone's size: no horizontal overflow, no sticky bar covering more than 10 % of the screen. */
export async function narrowChecks(page: Page): Promise<Check[]> {
  const o = (await page.evaluate(OVERFLOW_JS)) as { scrollWidth: number; innerWidth: number; culprits: string[] };
  const c = (await page.evaluate(COVER_JS)) as { cover: number; height: number; what: string[] };
  return [
    {
      name: `no horizontal overflow at ${PHONE.width} px`,
      ok: o.scrollWidth <= o.innerWidth,
      detail: `scrollWidth ${o.scrollWidth}, innerWidth ${o.innerWidth}${o.culprits.length ? `; past the edge: ${o.culprits.join(", ")}` : ""}`,
    },
    {
      name: `sticky bars cover at most 10 % of a ${PHONE.width} px screen`,
      ok: c.cover <= c.height * 0.1,
      detail: `${c.cover} of ${c.height} px covered${c.what.length ? ` by ${c.what.join(", ")}` : ""}`,
    },
  ];
}

/** What the index's first screen shows: the counts sentence (text) and where its parts begin. */
export interface FirstScreen {
  headline: string;
  tops: Record<"headline" | "mainConclusion" | "firstFailure", number | null>;
  innerHeight: number;
}

/** Read the index's first screen (scrolled to the top). */
export async function readFirstScreen(page: Page): Promise<FirstScreen> {
  return (await page.evaluate(`(() => {
    window.scrollTo(0, 0);
    const top = (sel) => { const el = document.querySelector(sel); return el ? Math.round(el.getBoundingClientRect().top) : null; };
    const h = document.querySelector("#headline");
    return {
      headline: h ? h.textContent.replace(/\\s+/g, " ").trim() : "",
      tops: { headline: top("#headline"), mainConclusion: top("#main-conclusion"), firstFailure: top("ol.failures > li, #no-failures") },
      innerHeight: innerHeight,
    };
  })()`)) as FirstScreen;
}

/** The index's first screen at a viewport: the counts, the main conclusion and the first failure all begin above the fold. */
export function firstScreenCheck(s: FirstScreen, width: number): Check {
  const missing = Object.entries(s.tops).filter(([, t]) => t === null || t >= s.innerHeight);
  return {
    name: `the first screen at ${width} px shows the counts, the main conclusion and the first failure`,
    ok: s.headline.length > 0 && missing.length === 0,
    detail: `"${s.headline}"; tops ${JSON.stringify(s.tops)} of ${s.innerHeight} px${missing.length ? `; below the fold or missing: ${missing.map(([k]) => k).join(", ")}` : ""}`,
  };
}
