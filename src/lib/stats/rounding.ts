/**
 * The true values behind a row of rounded figures, and the range a quantity derived from them
 * can take.
 *
 * A figure printed to d decimals stands for every value within half a unit of its last digit.
 * A row of a table (e.g. Figur 3.6's sector shares of one area) prints parts and, for groups of
 * parts, subtotals, each rounded on its own. The true parts lie in the box
 *   lo_i ≤ x_i ≤ hi_i                    (x_i = printed_i ± ½ · 10^−d)
 * with every group's true sum within half a unit of its printed subtotal
 *   L_g ≤ Σ_{i∈g} x_i ≤ U_g.
 * Groups are disjoint (a part in no group is a group of its own), so the set is a product of one
 * small polytope per group. A quantity f(x) derived from the row is then known only as
 * [min f, max f] over that set:
 * - on the side where the optimum lies at a vertex (the max of a quasi-convex f, the min of a
 *   quasi-concave f, both sides of a quasi-linear f such as a share Σ_g x / Σ x), every vertex is
 *   enumerated: all parts of a group at a bound except at most one, which the group's sum fixes;
 * - on the other side by projected gradient descent, certified by the Frank–Wolfe gap
 *   max_v ∇f(x*)·(x* − v) over the vertices (0 at a KKT point, the global optimum of a
 *   pseudo-convex or pseudo-concave f such as the Shannon entropy or the HHI of the row's shares).
 */
import { IndicatorInputError } from "../data/errors";

/** Parts that a printed subtotal adds, and the interval its rounding allows for their sum. */
export interface RoundingGroup {
  members: number[];
  lo: number;
  hi: number;
}

/** The set of true values a row of rounded figures allows. */
export interface RoundingSet {
  lo: number[];
  hi: number[];
  /** Disjoint groups covering every part (a part without a subtotal is a group of one, unbounded sum). */
  groups: RoundingGroup[];
}

export interface RoundingSetOptions {
  /** Decimals printed for the parts: one number for all, or one per part. */
  decimals: number | readonly number[];
  /** Printed subtotals: the parts they add (indices) and the value printed (decimals default to the parts'). */
  subtotals?: readonly { members: readonly number[]; value: number; decimals?: number }[];
  /** The printed total of all parts; it must be implied by the subtotals (a total that binds beyond them is refused). */
  total?: { value: number; decimals: number };
  /** Lowest value a part can take (e.g. 0 for shares); default no limit. */
  min?: number;
}

const FN = "roundingSet";
const TOL = 1e-9;
const half = (decimals: number): number => 0.5 * 10 ** -decimals;

/**
 * The set of true values a printed row allows.
 * @throws IndicatorInputError when a value is not finite, a subtotal names an unknown or a repeated
 *   part, a subtotal cannot be met by its parts, or the total binds beyond the subtotals
 * @example
 * // parts 1,2 and 3,4 with the subtotal 4,6 (one decimal):
 * roundingSet([1.2, 3.4], { decimals: 1, subtotals: [{ members: [0, 1], value: 4.6 }] });
 * // { lo: [1.15, 3.35], hi: [1.25, 3.45], groups: [{ members: [0, 1], lo: 4.55, hi: 4.65 }] }
 */
export function roundingSet(printed: readonly number[], opts: RoundingSetOptions): RoundingSet {
  const dec = (i: number): number => (typeof opts.decimals === "number" ? opts.decimals : opts.decimals[i]!);
  if (typeof opts.decimals !== "number" && opts.decimals.length !== printed.length)
    throw new IndicatorInputError(FN, `${printed.length} parts need as many decimals, got ${opts.decimals.length}`);
  printed.forEach((v, i) => {
    if (!Number.isFinite(v) || !Number.isInteger(dec(i))) throw new IndicatorInputError(FN, `part ${i}: a finite value and whole decimals are needed, got ${v} (${dec(i)})`);
  });
  const lo = printed.map((v, i) => Math.max(opts.min ?? -Infinity, v - half(dec(i))));
  const hi = printed.map((v, i) => v + half(dec(i)));
  const seen = new Set<number>();
  const groups: RoundingGroup[] = (opts.subtotals ?? []).map((s, k) => {
    for (const m of s.members) {
      if (!Number.isInteger(m) || m < 0 || m >= printed.length) throw new IndicatorInputError(FN, `subtotal ${k} names part ${m}, not one of 0…${printed.length - 1}`);
      if (seen.has(m)) throw new IndicatorInputError(FN, `part ${m} is in two subtotals; subtotals must be disjoint`);
      seen.add(m);
    }
    const h = half(s.decimals ?? dec(s.members[0]!));
    const g = { members: [...s.members], lo: s.value - h, hi: s.value + h };
    const [a, b] = [sum(s.members.map((m) => lo[m]!)), sum(s.members.map((m) => hi[m]!))];
    if (a > g.hi + TOL || b < g.lo - TOL) throw new IndicatorInputError(FN, `subtotal ${k} (${s.value}) cannot be met: its parts sum to ${a.toFixed(6)}…${b.toFixed(6)}`);
    return g;
  });
  printed.forEach((_, i) => {
    if (!seen.has(i)) groups.push({ members: [i], lo: -Infinity, hi: Infinity });
  });
  if (opts.total) {
    const h = half(opts.total.decimals);
    const [a, b] = groups.reduce(
      ([s0, s1], g) => [s0 + Math.max(g.lo, sum(g.members.map((m) => lo[m]!))), s1 + Math.min(g.hi, sum(g.members.map((m) => hi[m]!)))],
      [0, 0],
    );
    if (a < opts.total.value - h - TOL || b > opts.total.value + h + TOL)
      throw new IndicatorInputError(FN, `the total ${opts.total.value} ± ${h} binds beyond the subtotals (their sums allow ${a.toFixed(6)}…${b.toFixed(6)}); not supported`);
  }
  return { lo, hi, groups };
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

/** The vertices of one group's polytope (box ∩ sum band), as values of its members. */
function groupVertices(set: RoundingSet, g: RoundingGroup): number[][] {
  const n = g.members.length;
  if (n > 16) throw new IndicatorInputError("roundingVertices", `a group of ${n} parts has too many vertices (at most 16 parts)`);
  const lo = g.members.map((m) => set.lo[m]!);
  const hi = g.members.map((m) => set.hi[m]!);
  const out = new Map<string, number[]>();
  const add = (v: number[]): void => {
    const s = sum(v);
    if (s < g.lo - TOL || s > g.hi + TOL || v.some((x, i) => x < lo[i]! - TOL || x > hi[i]! + TOL)) return;
    out.set(v.map((x) => x.toFixed(9)).join("|"), v);
  };
  const corner = (mask: number): number[] => lo.map((l, i) => ((mask >> i) & 1 ? hi[i]! : l));
  for (let mask = 0; mask < 2 ** n; mask += 1) add(corner(mask));
  for (const target of [g.lo, g.hi].filter(Number.isFinite)) {
    for (let free = 0; free < n; free += 1) {
      for (let mask = 0; mask < 2 ** n; mask += 1) {
        if ((mask >> free) & 1) continue;
        const v = corner(mask);
        v[free] = 0;
        v[free] = target - sum(v);
        add(v);
      }
    }
  }
  return [...out.values()];
}

/**
 * Call `visit` with every vertex of the set (the array is reused: copy it to keep it).
 * @returns the number of vertices
 * @throws IndicatorInputError when there are more than `max` (default 5 000 000)
 * @example
 * let n = 0; roundingVertices(roundingSet([1.2, 3.4], { decimals: 1, subtotals: [{ members: [0, 1], value: 4.6 }] }), () => n++);
 * // n = 6: the box cut by the band 4.55 ≤ x0 + x1 ≤ 4.65 is a hexagon
 */
export function roundingVertices(set: RoundingSet, visit: (x: readonly number[]) => void, max = 5_000_000): number {
  const lists = set.groups.map((g) => groupVertices(set, g));
  const total = lists.reduce((a, l) => a * l.length, 1);
  if (total === 0) throw new IndicatorInputError("roundingVertices", "the set is empty");
  if (total > max) throw new IndicatorInputError("roundingVertices", `${total} vertices exceed the limit of ${max}`);
  const x = new Array<number>(set.lo.length).fill(0);
  const place = (k: number, v: number[]): void => set.groups[k]!.members.forEach((m, i) => (x[m] = v[i]!));
  const idx = lists.map(() => 0);
  lists.forEach((l, k) => place(k, l[0]!));
  for (let count = 0; count < total; count += 1) {
    visit(x);
    for (let k = 0; k < lists.length; k += 1) {
      idx[k] = (idx[k]! + 1) % lists[k]!.length;
      place(k, lists[k]![idx[k]!]!);
      if (idx[k] !== 0) break;
    }
  }
  return total;
}
