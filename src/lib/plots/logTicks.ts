/**
 * Tick marks of a log axis a reader can read: every tick labelled with its whole value
 * ("5000", "20k", "1M") instead of plotly's bare "2 … 9" between the powers of ten, as
 * many as fit the axis's width without their labels touching (1-2-5, else 1-3, else
 * powers of ten, else every other power of ten).
 */
import { textWidth } from "./labels";

/**
 * A tick value as its label: up to 9999 as is, then in thousands ("20k") and millions ("1.5M").
 * @example
 * logTickLabel(5000); // "5000"
 * logTickLabel(20000); // "20k"
 */
export function logTickLabel(v: number): string {
  const trim = (x: number): string => String(Number(x.toPrecision(3)));
  if (v >= 1e6) return `${trim(v / 1e6)}M`;
  if (v >= 1e4) return `${trim(v / 1e3)}k`;
  return trim(v);
}

const STEPS: readonly (readonly number[])[] = [[1, 2, 5], [1, 3], [1]];

/**
 * Tick values and labels for a log axis over `range` (log10 units, as plotly's `range`), for a plot
 * `width` px wide: the finest set whose labels (at `fontSize` px) keep 6 px apart.
 * @example
 * logTicks([3, 5], 600).ticktext; // ["1000", "2000", "5000", "10k", "20k", "50k", "100k"]
 */
export function logTicks(range: readonly [number, number], width: number, fontSize = 12): { tickvals: number[]; ticktext: string[] } {
  const [lo, hi] = range[0] <= range[1] ? range : [range[1], range[0]];
  const px = (v: number): number => ((Math.log10(v) - lo) / (hi - lo || 1)) * width;
  const fits = (vals: number[]): boolean =>
    vals.every((v, i) => i === 0 || px(v) - px(vals[i - 1]!) >= (textWidth(logTickLabel(v), fontSize) + textWidth(logTickLabel(vals[i - 1]!), fontSize)) / 2 + 6);
  const within = (v: number): boolean => Math.log10(v) >= lo - 1e-9 && Math.log10(v) <= hi + 1e-9;
  const decades: number[] = [];
  for (let e = Math.floor(lo); e <= Math.ceil(hi); e++) decades.push(e);
  for (const step of STEPS) {
    const vals = decades.flatMap((e) => step.map((m) => Number((m * 10 ** e).toPrecision(12)))).filter(within);
    if (vals.length >= 2 && fits(vals)) return { tickvals: vals, ticktext: vals.map(logTickLabel) };
  }
  // too narrow even for the powers of ten: every other one
  const sparse = decades.filter((e) => e % 2 === 0).map((e) => 10 ** e).filter(within);
  return { tickvals: sparse, ticktext: sparse.map(logTickLabel) };
}
