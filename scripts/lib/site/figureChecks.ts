/**
 * The rules every plotly figure of the site must pass in the browser (figureFacts.ts reads
 * what is drawn): axis titles present and in words; no NaN/Infinity in tick labels; points
 * not all on one x or one y; legend and colour-bar titles in words (no snake_case codes
 * such as `economic_region`, no bare abbreviations such as `lq`); hover text rounded and
 * with a unit; no text cut off at the figure's edge, no overlapping tick or point labels, axis
 * titles beyond their tick labels (not among them); on a phone, no point label over another point;
 * a source line; not wider than its container; a plot area of at least 100 × 80 px that the
 * legend covers at most a fifth of.
 */
import type { Page } from "playwright-core";
import type { Check } from "./browserChecks";
import { collectFigureFacts, type FigureFacts } from "./figureFacts";

/** A code-style name: snake_case (`economic_region`, `goods_1`, `lq_value`). */
const CODE = /\b[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+\b/;
/** Not a number a reader can use. */
const BROKEN = /NaN|Infinity|undefined/;

/** A title is in words when it has a word of four letters or more and no code-style name. */
export function inWords(s: string): boolean {
  return !CODE.test(s) && /\p{L}{4,}/u.test(s);
}

/**
 * Units a hover value may carry: symbols and unit words (a count's noun counts as its unit; an index
 * names its base, "1998 = 100").
 * A match anywhere in the hover text satisfies the rule.
 */
export const UNITS: readonly string[] = [
  "%",
  "‰",
  "×",
  "NOK",
  "kr",
  "persons",
  "person",
  "residents",
  "people",
  "jobs",
  "employed",
  "firms",
  "findings",
  "finding",
  "regions",
  "municipalities",
  "km",
  "years",
  "percent",
  "employees",
  "percentage points",
  "p.p.",
  "= 100",
];

const hasUnit = (s: string): boolean =>
  UNITS.some((u) => (/^\p{L}/u.test(u) ? new RegExp(`(^|[^\\p{L}])${u.replace(/\./g, "\\.")}($|[^\\p{L}])`, "u").test(s) : s.includes(u)));

/**
 * The numbers of a hover text a reader must be able to read as quantities: years
 * (1900–2100), codes in parentheses (municipality numbers) and ids are not.
 */
export function hoverNumbers(s: string): string[] {
  const cleaned = s
    .replace(/\(\d{3,4}\)/g, " ")
    .replace(/\b[A-Za-z][\w-]*\.[\w.-]*[A-Za-z_][\w.-]*\b/g, " ") // dotted ids such as ch3.some_claim
    .replace(new RegExp(CODE.source, "g"), " ")
    .replace(/(^|[^\d.,])(19\d\d|20\d\d)(?![\d.,])/g, "$1 ");
  return cleaned.match(/\d[\d\u202f\u00a0 ,]*(?:\.\d+)?(?:e[+-]?\d+)?[kMG]?/g)?.map((m) => m.trim()) ?? [];
}

/** A number shown with more precision than a reader can use: more than 2 decimals and more than 3 significant digits, or an SI suffix with decimals. */
export function unrounded(n: string): boolean {
  if (/e[+-]?\d/.test(n)) return true;
  if (/\.\d+[kMG]$/.test(n)) return true;
  const m = /\.(\d+)/.exec(n);
  if (!m || m[1]!.length <= 2) return false;
  const digits = n.replace(/[^\d]/g, "").replace(/^0+/, "");
  return digits.length > 3;
}

/**
 * Everything wrong with one drawn figure (empty when it passes). On a phone (`phone`), a point label must
 * also leave every other point's marker uncovered (the names that do not fit are in the hover text).
 */
export function figureProblems(f: FigureFacts, opts: { phone?: boolean } = {}): string[] {
  const out: string[] = [];
  for (const a of f.axes.filter((x) => x.shown)) {
    if (!a.title) out.push(`${a.name} has no title`);
    else if (!inWords(a.title)) out.push(`${a.name} title not in words: "${a.title}"`);
    if (a.title && a.titleAmongTicks > 2) out.push(`${a.name} title "${a.title}" stands ${a.titleAmongTicks} px in among its tick labels`);
    const bad = a.ticks.filter((t) => BROKEN.test(t));
    if (bad.length) out.push(`${a.name} tick labels broken: ${bad.slice(0, 3).join(", ")}`);
  }
  if (f.axes.some((x) => x.shown) && (f.plot[0] < 100 || f.plot[1] < 80))
    out.push(`plot area only ${Math.round(f.plot[0])} × ${Math.round(f.plot[1])} px (labels or legend take the rest)`);
  if (f.legendCover > 0.2) out.push(`the legend covers ${Math.round(f.legendCover * 100)} % of the plot area`);
  const badCb = f.colorbarTicks.filter((t) => BROKEN.test(t));
  if (badCb.length) out.push(`colour bar tick labels broken: ${badCb.slice(0, 3).join(", ")}`);
  for (const t of f.colorbarTitles) if (!inWords(t)) out.push(`colour-bar title not in words: "${t}"`);
  for (const t of f.legendTitles) if (!inWords(t)) out.push(`legend title not in words: "${t}"`);
  const codeItems = f.legendItems.filter((t) => CODE.test(t));
  if (codeItems.length) out.push(`legend names in code style: ${codeItems.slice(0, 4).join(", ")}`);
  if (f.points.length >= 3) {
    const distinct = (k: 0 | 1): number => new Set(f.points.map((p) => Math.round(p[k]))).size;
    if (distinct(0) === 1) out.push(`all ${f.points.length} points on one x (${Math.round(f.points[0]![0])} px)`);
    if (distinct(1) === 1) out.push(`all ${f.points.length} points on one y (${Math.round(f.points[0]![1])} px)`);
  }
  const flat = f.lines.filter(([w, h]) => w < 1 || (h < 1 && f.lines.every(([, hh]) => hh < 1)));
  if (flat.length) out.push(`${flat.length} line(s) drawn without extent`);
  for (const h of f.hovers) {
    const line = h.replace(/\n/g, " | ");
    if (!h.trim()) out.push("a hoverable trace shows no hover text");
    else if (BROKEN.test(h)) out.push(`hover text broken: "${line}"`);
    else if (CODE.test(h)) out.push(`hover text has a code-style name: "${line}"`);
    else {
      const nums = hoverNumbers(h);
      const raw = nums.filter(unrounded);
      if (raw.length) out.push(`hover value(s) not rounded: ${raw.join(", ")} in "${line}"`);
      if (nums.length && !hasUnit(h)) out.push(`hover value(s) without a unit: "${line}"`);
    }
  }
  if (opts.phone && f.labelsOnMarkers.length)
    out.push(`point labels cover other points: ${f.labelsOnMarkers.slice(0, 3).join("; ")}${f.labelsOnMarkers.length > 3 ? ` (+${f.labelsOnMarkers.length - 3})` : ""}`);
  if (f.overflow.length) out.push(`text cut off: ${f.overflow.slice(0, 4).join("; ")}${f.overflow.length > 4 ? ` (+${f.overflow.length - 4})` : ""}`);
  if (f.overlaps.length)
    out.push(`labels overlap: ${f.overlaps.slice(0, 3).join("; ")}${f.overlaps.length > 3 ? ` (+${f.overlaps.length - 3})` : ""}`);
  if (!f.annotations.some((a) => /^(Source|Sources|Data)\b/i.test(a))) out.push('no source line (an annotation starting "Source:")');
  if (f.width > f.containerWidth + 1) out.push(`figure ${Math.round(f.width)} px wide in a ${Math.round(f.containerWidth)} px column`);
  return out;
}

/** One check per figure: its problems, or what was looked at. */
export function figureCheckResults(facts: FigureFacts[], opts: { phone?: boolean } = {}): Check[] {
  return facts.map((f) => {
    const problems = figureProblems(f, opts);
    const name = `figure ${f.id}${f.title ? ` "${f.title}"` : ""} passes the figure rules`;
    const seen = `${f.axes.filter((a) => a.shown).length} axes, ${f.points.length} points, ${f.hovers.length} hover texts, ${f.legendItems.length} legend names`;
    return { name, ok: problems.length === 0, detail: problems.length ? problems.join(" · ") : seen };
  });
}

/** Read and judge every drawn figure on the page (`phone`: with the phone's rules too). */
export async function figureChecks(page: Page, opts: { phone?: boolean } = {}): Promise<Check[]> {
  return figureCheckResults(await collectFigureFacts(page), opts);
}
