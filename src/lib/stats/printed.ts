/**
 * Values known only within limits, as [low, high] bounds: a figure as the report prints it
 * (± half a unit of its last significant digit), sums and differences of such figures (the
 * rounding compounds), and a value of a series in a year the data lack, bracketed by the
 * years on either side.
 */
import * as pl from "nodejs-polars";
import { IndicatorInputError } from "../data/errors";
import { FindingError } from "../findings/errors";
import { printedDecimals, roundingTolerance } from "../findings/verdict";

import { allOf, type Bounds } from "./bounds";

/**
 * A number as printed in the report (decimal comma, "." between thousands, sign "-", "−" or "+").
 * @throws FindingError when the text is not a number as printed
 * @example parsePrinted("-3,7"); // -3.7
 * parsePrinted("220.000"); // 220000
 */
export function parsePrinted(printed: string): number {
  printedDecimals(printed); // validates the format
  const s = printed.trim().replace(/\s/g, "");
  const negative = /^[−-]/.test(s);
  const digits = s
    .replace(/^[+−-]/, "")
    .replace(/\./g, "")
    .replace(",", ".");
  const v = Number(digits);
  return negative ? -v : v;
}

/**
 * Every value a printed figure may stand for: the figure ± half a unit of its last significant
 * digit (times `parts` when the figure is itself a sum or difference of that many rounded figures).
 * @remarks
 * A figure v printed to d decimals stands for every value within half a unit of its last digit:
 *
 * $$x \in \left[ v - \tfrac{1}{2} \cdot 10^{-d},\ v + \tfrac{1}{2} \cdot 10^{-d} \right]$$
 *
 * ("44" → [43.5, 44.5]; "18,7" → [18.65, 18.75]; "220.000" → [215 000, 225 000]: Norwegian writes a dot between thousands, so this is 220 000, and a round number
 * like it is read as rounded to its last non-zero digit, here the ten thousands, so it stands for 220 000 ± 5 000).
 * A quantity computed from such figures is known only as an interval: $[a, b] + [c, d] = [a + c,\ b + d]$,
 * $[a, b] - [c, d] = [a - d,\ b - c]$, and a function that is monotone in each input (as one input rises, with the others
 * fixed, it only rises or only falls, like a sum or a share) is lowest and highest when every input sits at one end of
 * its interval (at the corners of the box of inputs). A comparison is true when it holds at every value the intervals allow, false when at none, and
 * undecided otherwise.
 *
 * References: Moore, R. E. (1966). *Interval Analysis*. Englewood Cliffs, NJ: Prentice-Hall. Moore, R. E., Kearfott,
 * R. B. & Cloud, M. J. (2009). *Introduction to Interval Analysis*. Philadelphia: SIAM.
 * @example printedBounds("2,5"); // [2.45, 2.55]
 * printedBounds("82", 2); // [81, 83]
 */
export function printedBounds(printed: string, parts = 1): Bounds {
  if (!Number.isInteger(parts) || parts < 1) throw new FindingError(`parts must be a positive integer, got ${parts}`);
  const v = parsePrinted(printed);
  const h = parts * roundingTolerance(printedDecimals(printed));
  return [v - h, v + h];
}

function check(b: Bounds, what: string): void {
  if (!Number.isFinite(b[0]) || !Number.isFinite(b[1]) || b[0] > b[1])
    throw new FindingError(`${what}: bounds need finite low ≤ high, got [${b[0]}, ${b[1]}]`);
}

/**
 * a + b for every pair of values within the bounds.
 * @example boundsAdd([1, 2], [10, 20]); // [11, 22]
 */
export function boundsAdd(a: Bounds, b: Bounds): Bounds {
  check(a, "boundsAdd");
  check(b, "boundsAdd");
  return [a[0] + b[0], a[1] + b[1]];
}

/**
 * a − b for every pair of values within the bounds: [a.low − b.high, a.high − b.low].
 * @example boundsSub([3.75, 3.85], [2.45, 2.55]); // [1.2, 1.4]
 */
export function boundsSub(a: Bounds, b: Bounds): Bounds {
  check(a, "boundsSub");
  check(b, "boundsSub");
  return [a[0] - b[1], a[1] - b[0]];
}

/**
 * |x| for every x within the bounds (0 is the lowest when the bounds straddle 0).
 * @example boundsAbs([-0.5, -0.3]); // [0.3, 0.5]
 * boundsAbs([-1, 2]); // [0, 2]
 */
export function boundsAbs(a: Bounds): Bounds {
  check(a, "boundsAbs");
  if (a[0] >= 0) return [a[0], a[1]];
  if (a[1] <= 0) return [-a[1], -a[0]];
  return [0, Math.max(-a[0], a[1])];
}

export interface BracketOptions {
  /** Time column (default `year`). */
  time?: string;
  /** Value column (default `value`). */
  value?: string;
  /** The time whose value is wanted. */
  at: number;
}

/**
 * The value of a series at `at`: exact when the series has it, otherwise bounded by the values
 * at the nearest earlier and the nearest later time — valid only if the series moved in one
 * direction in between (say so where it is used). A null value counts as a missing time.
 * @throws IndicatorInputError when `at` is missing and not bracketed on both sides, a time repeats or is null, or a
 *   value is NaN or infinite
 * @example
 * bracketed(pl.DataFrame({ year: [2006, 2008], value: [4640219, 4737171] }), { at: 2007 }); // [4640219, 4737171]
 */
export function bracketed(df: pl.DataFrame, opts: BracketOptions): Bounds {
  const time = opts.time ?? "year";
  const value = opts.value ?? "value";
  for (const c of [time, value]) if (!df.columns.includes(c)) throw new IndicatorInputError("bracketed", `column '${c}' not found`);
  const rows = df.select(pl.col(time).cast(pl.Float64).alias("t"), pl.col(value).cast(pl.Float64).alias("v")).sort("t").toRecords() as {
    t: number | null;
    v: number | null;
  }[];
  if (new Set(rows.map((r) => r.t)).size !== rows.length) throw new IndicatorInputError("bracketed", `${time} repeats: one series at a time`);
  const odd = rows.find((r) => r.t === null || (r.v !== null && !Number.isFinite(r.v)));
  if (odd) throw new IndicatorInputError("bracketed", `${odd.t === null ? `a null ${time}` : `${value} ${odd.v} at ${time} ${odd.t}`}: expected a finite number or null`);
  // a null value is a missing time: the bounds come from the nearest times with a value
  const known = rows.filter((r): r is { t: number; v: number } => r.v !== null && r.t !== null);
  const exact = known.find((r) => r.t === opts.at);
  if (exact) return [exact.v, exact.v];
  const before = known.filter((r) => r.t < opts.at).at(-1);
  const after = known.find((r) => r.t > opts.at);
  if (!before || !after) throw new IndicatorInputError("bracketed", `${time} ${opts.at} is missing and not bracketed by earlier and later values`);
  return [Math.min(before.v, after.v), Math.max(before.v, after.v)];
}

/**
 * Percent growth 100 · (to / from − 1) for every pair of positive values within the bounds.
 * @example boundsGrowth([4503436, 4503436], [4640219, 4737171]); // [3.037…, 5.190…]
 */
export function boundsGrowth(from: Bounds, to: Bounds): Bounds {
  check(from, "boundsGrowth");
  check(to, "boundsGrowth");
  if (from[0] <= 0 || to[0] < 0)
    throw new FindingError(`boundsGrowth: needs a positive start and a non-negative end, got [${from[0]}, ${from[1]}] → [${to[0]}, ${to[1]}]`);
  return [100 * (to[0] / from[1] - 1), 100 * (to[1] / from[0] - 1)];
}

/**
 * A statement about every member of a group when some members are unknown (null): `false` as soon
 * as one known member fails, `true` when every member is known and holds, `"undecided"` otherwise.
 * @example holdsForEvery([true, null, true]); // "undecided"
 * holdsForEvery([true, null, false]); // false
 */
export function holdsForEvery(members: readonly (boolean | null)[]): boolean | "undecided" {
  if (members.length === 0) throw new FindingError("holdsForEvery needs at least one member");
  return allOf(members.map((m) => (m === null ? "undecided" : m)));
}

/**
 * A statement about a share of a group (the rule `gjennomgående` reads "throughout / every" as a share of 1) when
 * some members are unknown (null): `true` when the known members that hold already reach the share, `false` when
 * even every unknown member holding could not reach it, `"undecided"` otherwise.
 * @param share the least share of members that must hold, in (0, 1] (the rule's threshold)
 * @example holdsForShare([true, true, false, null], 0.5); // true (2 of 4 hold whatever the unknown is)
 * holdsForShare([true, false, false, null], 0.75); // false (at most 2 of 4)
 * holdsForShare([true, null, true], 1); // "undecided"
 */
export function holdsForShare(members: readonly (boolean | null)[], share: number): boolean | "undecided" {
  if (members.length === 0) throw new FindingError("holdsForShare needs at least one member");
  if (!(Number.isFinite(share) && share > 0 && share <= 1)) throw new FindingError(`holdsForShare: the share must be in (0, 1], got ${share}`);
  const [sure, possible] = countBounds(members);
  const need = share * members.length;
  const EPS = 1e-9;
  if (sure >= need - EPS) return true;
  if (possible < need - EPS) return false;
  return "undecided";
}

/**
 * How many members hold when some are unknown (null): [the known ones that hold, those plus every unknown one].
 * @example countBounds([true, false, null, false, true]); // [2, 3]
 */
export function countBounds(members: readonly (boolean | null)[]): Bounds {
  const sure = members.filter((m) => m === true).length;
  return [sure, sure + members.filter((m) => m === null).length];
}
