/**
 * How the site writes a finding's values and notes: numbers at the published
 * precision plus one digit, whole counts without decimals (thin-space thousands, a real minus sign), ranges
 * as [low, high], comparisons in words, notes as labelled lines. Pure.
 */
import { isInterval, type ComputedValue, type Finding, type PublishedValue } from "../../../src/lib/findings/types";

/** Decimals of a number as JavaScript writes it (18.7 → 1, 82 → 0, 1e-7 → 7), at most 9. */
export function decimalsOf(x: number): number {
  if (!Number.isFinite(x) || Number.isInteger(x)) return 0;
  const s = String(Math.abs(x));
  const exp = /e-(\d+)$/.exec(s);
  if (exp) {
    const mantissa = s.slice(0, s.indexOf("e"));
    return Math.min(9, Number(exp[1]) + (mantissa.split(".")[1]?.length ?? 0));
  }
  return Math.min(9, s.split(".")[1]?.length ?? 0);
}

/**
 * The precision the report printed a value at (the larger of a range's two ends); null when it
 * printed no number. A number loses trailing zeros ("−1,0" is stored as −1), so under the `printed`
 * rule the tolerance (parts × half a unit of the last digit) also counts: a tolerance t implies at
 * least ceil(−log10(2t)) decimals (0.05 → 1, 0.1 for two parts → 1, 0.5 or 1 → 0).
 */
export function publishedDecimals(p: PublishedValue, printed?: { rule: string; tolerance: number }): number | null {
  const own = typeof p === "number" ? decimalsOf(p) : Array.isArray(p) ? Math.max(decimalsOf(p[0]), decimalsOf(p[1])) : null;
  if (own === null || !printed || printed.rule !== "printed" || !(printed.tolerance > 0)) return own;
  return Math.max(own, Math.min(9, Math.ceil(-Math.log10(2 * printed.tolerance) - 1e-9)));
}

/** What fixes a finding's printed precision: its published value, rule and tolerance. */
export type Printed = { published: PublishedValue; rule: string; tolerance: number };

/** A number with `decimals` decimals, thousands grouped by a narrow no-break space, negative with "−". */
export function formatNumber(x: number, decimals: number): string {
  const fixed = Math.abs(x).toFixed(Math.max(0, decimals));
  const [int, dec] = fixed.split(".");
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
  const negative = x < 0 && Number(fixed) !== 0;
  return `${negative ? "−" : ""}${grouped}${dec !== undefined ? `.${dec}` : ""}`;
}

/** Decimals for numbers with no printed counterpart: three significant digits, at most 6 decimals. */
function fallbackDecimals(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return 0;
  return Math.min(6, Math.max(0, 2 - Math.floor(Math.log10(Math.abs(x)))));
}

function words(v: boolean | "undecided" | null): string {
  if (v === null) return "—";
  if (v === "undecided") return "undecided";
  return v ? "holds" : "does not hold";
}

/** A published value as printed (publishedDecimals). */
export function formatPublished(f: Printed): string {
  const p = f.published;
  const d = publishedDecimals(p, f);
  if (typeof p === "number") return formatNumber(p, d!);
  if (Array.isArray(p)) return `[${formatNumber(p[0], d!)}, ${formatNumber(p[1], d!)}]`;
  return words(p);
}

/**
 * A computed value at the published precision plus one digit (three significant digits when nothing was printed);
 * a whole number where the report printed whole numbers (a count: 13 regions, 220 064 persons) without decimals.
 */
export function formatComputed(c: ComputedValue, f: Printed): string {
  const pd = publishedDecimals(f.published, f);
  const d = (x: number): number => (pd === 0 && Number.isInteger(x) ? 0 : pd === null ? fallbackDecimals(x) : pd + 1);
  if (typeof c === "number") return formatNumber(c, d(c));
  if (isInterval(c)) {
    const k = pd === null ? Math.max(fallbackDecimals(c[0]), fallbackDecimals(c[1])) : Math.max(d(c[0]), d(c[1]));
    return `[${formatNumber(c[0], k)}, ${formatNumber(c[1], k)}]`;
  }
  return words(c);
}

/** The tolerance as "±x" ("exact" for 0). */
export function formatTolerance(t: number): string {
  return t === 0 ? "exact" : `±${formatNumber(t, decimalsOf(t))}`;
}

export interface NoteLine {
  /** The label before the first ": " when it is one short word ("reading", "gap"); "" otherwise. */
  label: string;
  text: string;
}

/** A finding's note as labelled lines ("reading: …" → { label: "reading", text: "…" }); empty lines dropped. */
export function noteLines(note: string): NoteLine[] {
  return note
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .map((l) => {
      const m = /^([a-z][a-z _-]{0,20}):\s+(.*)$/i.exec(l);
      return m ? { label: m[1]!.toLowerCase(), text: m[2]! } : { label: "", text: l };
    });
}

/** Sections compared as numbers part by part ("3.3.10" after "3.3.2"). */
export function compareSections(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? -1;
    const y = pb[i] ?? -1;
    if (Number.isNaN(x) || Number.isNaN(y)) return a.localeCompare(b);
    if (x !== y) return x - y;
  }
  return 0;
}

export interface SectionGroup {
  section: string;
  findings: Finding[];
}
export interface ChapterGroup {
  chapter: number;
  sections: SectionGroup[];
}

/** Findings grouped by chapter, then section (both in numeric order), keeping the emitted order inside a section. */
export function groupFindings(findings: Finding[]): ChapterGroup[] {
  const chapters = [...new Set(findings.map((f) => f.chapter))].sort((a, b) => a - b);
  return chapters.map((chapter) => {
    const inChapter = findings.filter((f) => f.chapter === chapter);
    const sections = [...new Set(inChapter.map((f) => f.section))].sort(compareSections);
    return { chapter, sections: sections.map((section) => ({ section, findings: inChapter.filter((f) => f.section === section) })) };
  });
}

/** Whether published and computed are both numbers or ranges (the findings the deviation chart can show). */
export function isNumeric(f: Finding): boolean {
  const num = (v: unknown): boolean => typeof v === "number" || Array.isArray(v);
  return num(f.published) && num(f.computed);
}
