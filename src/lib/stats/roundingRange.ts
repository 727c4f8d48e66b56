/**
 * The range [min, max] of a quantity derived from a row of rounded figures (see rounding.ts):
 * exact at the vertices on the side where the optimum lies at one, projected gradient descent
 * with a Frank–Wolfe certificate on the other.
 */
import { IndicatorInputError } from "../data/errors";
import { roundingVertices, type RoundingSet } from "./rounding";

/**
 * Where the extremes of f lie: `quasiconvex` (max at a vertex, e.g. HHI), `quasiconcave` (min at a
 * vertex, e.g. Shannon entropy), `quasilinear` (both at vertices, e.g. a share Σ_g x / Σ x).
 */
export type Shape = "quasiconvex" | "quasiconcave" | "quasilinear";

export interface RangeOverResult {
  min: number;
  max: number;
  argmin: number[];
  argmax: number[];
  /** Vertices enumerated. */
  vertices: number;
  /** Frank–Wolfe gap at the descended side (0 for quasilinear): ≈ 0 certifies a KKT point. */
  gap: number;
}

/**
 * Euclidean projection of y onto the set: per group, clip to the box, and when the group's sum
 * leaves its band, shift by the λ that puts it on the nearest end (Σ clip(y − λ) is monotone in λ).
 * @example
 * projectOnRoundingSet(roundingSet([1.2, 3.4], { decimals: 1, subtotals: [{ members: [0, 1], value: 4.6 }] }), [1.3, 3.5]);
 * // clipped [1.25, 3.45] sums 4.7 > 4.65 → shift by λ = 0.075 → [1.225, 3.425]
 */
export function projectOnRoundingSet(set: RoundingSet, y: readonly number[]): number[] {
  const x = y.map((v, i) => Math.min(set.hi[i]!, Math.max(set.lo[i]!, v)));
  for (const g of set.groups) {
    const s = g.members.reduce((a, m) => a + x[m]!, 0);
    if (s >= g.lo && s <= g.hi) continue;
    const target = s < g.lo ? g.lo : g.hi;
    const at = (lam: number): number => g.members.reduce((a, m) => a + Math.min(set.hi[m]!, Math.max(set.lo[m]!, y[m]! - lam)), 0);
    let a = Math.min(...g.members.map((m) => y[m]! - set.hi[m]!));
    let b = Math.max(...g.members.map((m) => y[m]! - set.lo[m]!));
    for (let k = 0; k < 200; k += 1) {
      const mid = (a + b) / 2;
      if (at(mid) > target) a = mid;
      else b = mid;
    }
    for (const m of g.members) x[m] = Math.min(set.hi[m]!, Math.max(set.lo[m]!, y[m]! - (a + b) / 2));
  }
  return x;
}

function gradient(f: (x: readonly number[]) => number, x: number[]): number[] {
  return x.map((v, i) => {
    const h = 1e-7 * Math.max(1, Math.abs(v));
    const up = [...x];
    const down = [...x];
    up[i] = v + h;
    down[i] = v - h;
    return (f(up) - f(down)) / (2 * h);
  });
}

/** Minimise g over the set from the projected centre; returns the point and its Frank–Wolfe gap. */
function descend(set: RoundingSet, g: (x: readonly number[]) => number): { x: number[]; value: number; gap: number } {
  let x = projectOnRoundingSet(
    set,
    set.lo.map((l, i) => (l + set.hi[i]!) / 2),
  );
  let fx = g(x);
  let t = 1;
  for (let iter = 0; iter < 20_000; iter += 1) {
    const d = gradient(g, x);
    let moved = false;
    while (t > 1e-18) {
      const y = projectOnRoundingSet(
        set,
        x.map((v, i) => v - t * d[i]!),
      );
      const decrease = d.reduce((a, di, i) => a + di * (x[i]! - y[i]!), 0);
      const fy = g(y);
      if (fy <= fx - 1e-4 * decrease && decrease > 0) {
        const step = Math.max(...y.map((v, i) => Math.abs(v - x[i]!)));
        [x, fx, moved] = [y, fy, step > 1e-14];
        t *= 2;
        break;
      }
      t /= 2;
    }
    if (!moved) break;
  }
  // Frank–Wolfe gap: max over vertices v of ∇g(x)·(x − v); the linear objective splits by group
  const d = gradient(g, x);
  let best = -Infinity;
  roundingVertices(set, (v) => {
    const s = d.reduce((a, di, i) => a + di * (x[i]! - v[i]!), 0);
    if (s > best) best = s;
  });
  return { x, value: fx, gap: Math.max(0, best) };
}

/**
 * The range of f over the true values a rounded row allows.
 * @param f a function of the row's true values (it must not keep the array it is given)
 * @param opts.shape where the extremes lie (see `Shape`); the caller asserts it
 * @param opts.gapTolerance largest Frank–Wolfe gap accepted on the descended side (default 1e-9)
 * @throws IndicatorInputError when f is not finite at a vertex or the descent does not reach a KKT point
 * @example
 * const set = roundingSet([1.2, 3.4], { decimals: 1, subtotals: [{ members: [0, 1], value: 4.6 }] });
 * rangeOver(set, (x) => x[0] / (x[0] + x[1]), { shape: "quasilinear" });
 * // min 1.15 / 4.6 = 0.25, max 1.25 / 4.6 ≈ 0.27174
 */
export function rangeOver(set: RoundingSet, f: (x: readonly number[]) => number, opts: { shape: Shape; gapTolerance?: number }): RangeOverResult {
  let min = Infinity;
  let max = -Infinity;
  let argmin: number[] = [];
  let argmax: number[] = [];
  const vertices = roundingVertices(set, (x) => {
    const v = f(x);
    if (!Number.isFinite(v)) throw new IndicatorInputError("rangeOver", `f is not finite at the vertex [${x.join(", ")}]`);
    if (v < min) [min, argmin] = [v, [...x]];
    if (v > max) [max, argmax] = [v, [...x]];
  });
  if (opts.shape === "quasilinear") return { min, max, argmin, argmax, vertices, gap: 0 };
  const sign = opts.shape === "quasiconvex" ? 1 : -1;
  const r = descend(set, (x) => sign * f(x));
  if (r.gap > (opts.gapTolerance ?? 1e-9) * Math.max(1, Math.abs(r.value)))
    throw new IndicatorInputError("rangeOver", `the descent stopped at a Frank–Wolfe gap of ${r.gap} (not a KKT point); is f ${opts.shape}?`);
  // a vertex can never beat the descended optimum of a function of the stated shape; keep the better of the two
  if (sign === 1 && r.value < min) [min, argmin] = [r.value, r.x];
  if (sign === -1 && -r.value > max) [max, argmax] = [-r.value, r.x];
  return { min, max, argmin, argmax, vertices, gap: r.gap };
}
