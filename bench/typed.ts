/**
 * The floor: hand-written typed-array passes, for the benchmark only. Each
 * returns what the library returns — the same columns, rows in the same
 * sorted order — and refuses the same bad input (a non-finite or negative
 * amount, a duplicate key, a zero total, a missing year). Its one privilege
 * is knowing the keys are small integers: it scans their ranges and indexes a
 * dense grid, so it does not need the input in any order and emits sorted
 * rows by walking the grid. Nulls of the library (an undefined lq or
 * normalised entropy) are NaN here.
 */
import type { Panel } from "./synthetic";

export type Columns = Record<string, Int32Array | Float64Array>;

export class FloorInputError extends Error {}

interface Dims {
  y0: number;
  r0: number;
  s0: number;
  T: number;
  R: number;
  S: number;
}

/** Ranges of the integer keys (one pass). */
function dims(p: Panel): Dims {
  let [y0, y1, r0, r1, s0, s1] = [Infinity, -Infinity, Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < p.value.length; i += 1) {
    const [y, r, s] = [p.year[i]!, p.region[i]!, p.sector[i]!];
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
    if (r < r0) r0 = r;
    if (r > r1) r1 = r;
    if (s < s0) s0 = s;
    if (s > s1) s1 = s;
  }
  return { y0, r0, s0, T: y1 - y0 + 1, R: r1 - r0 + 1, S: s1 - s0 + 1 };
}

function checkValue(v: number, i: number): void {
  if (!(v >= 0 && v < Infinity)) throw new FloorInputError(`value ${v} at row ${i} is not finite and ≥ 0`);
}

/** Location quotients by year against the all-regions total: `year, region, sector, share, reference_share, lq`. */
export function lqFloor(p: Panel): Columns {
  const { y0, r0, s0, T, R, S } = dims(p);
  const n = p.value.length;
  const cell = new Int32Array(T * R * S).fill(-1);
  const regionTotal = new Float64Array(T * R);
  const sectorTotal = new Float64Array(T * S);
  const total = new Float64Array(T);
  for (let i = 0; i < n; i += 1) {
    const v = p.value[i]!;
    checkValue(v, i);
    const t = p.year[i]! - y0;
    const r = p.region[i]! - r0;
    const s = p.sector[i]! - s0;
    const c = (t * R + r) * S + s;
    if (cell[c] !== -1) throw new FloorInputError(`duplicate key at row ${i}`);
    cell[c] = i;
    regionTotal[t * R + r] += v;
    sectorTotal[t * S + s] += v;
    total[t] += v;
  }
  const out = {
    year: new Int32Array(n),
    region: new Int32Array(n),
    sector: new Int32Array(n),
    share: new Float64Array(n),
    reference_share: new Float64Array(n),
    lq: new Float64Array(n),
  };
  let k = 0;
  for (let t = 0, c = 0; t < T; t += 1)
    for (let r = 0; r < R; r += 1)
      for (let s = 0; s < S; s += 1, c += 1) {
        const i = cell[c]!;
        if (i < 0) continue;
        const rt = regionTotal[t * R + r]!;
        if (rt === 0) throw new FloorInputError(`zero total in year ${t + y0}, region ${r + r0}`);
        const share = (p.value[i]! / rt) * 100;
        const rs = (sectorTotal[t * S + s]! / total[t]!) * 100;
        out.year[k] = t + y0;
        out.region[k] = r + r0;
        out.sector[k] = s + s0;
        out.share[k] = share;
        out.reference_share[k] = rs;
        out.lq[k] = rs > 0 ? share / rs : NaN;
        k += 1;
      }
  return out;
}

/** Shannon (ln S − Σ v ln v / S), normalised Shannon, HHI (Σ v² / S²) and row count by year and region. */
export function diversityFloor(p: Panel): Columns {
  const { y0, r0, s0, T, R, S } = dims(p);
  const n = p.value.length;
  const seen = new Uint8Array(T * R * S);
  const [sum, vlnv, sq, max] = [new Float64Array(T * R), new Float64Array(T * R), new Float64Array(T * R), new Float64Array(T * R)];
  const count = new Int32Array(T * R);
  for (let i = 0; i < n; i += 1) {
    const v = p.value[i]!;
    checkValue(v, i);
    const g = (p.year[i]! - y0) * R + p.region[i]! - r0;
    const c = g * S + p.sector[i]! - s0;
    if (seen[c]) throw new FloorInputError(`duplicate key at row ${i}`);
    seen[c] = 1;
    sum[g] += v;
    if (v > 0) vlnv[g] += v * Math.log(v);
    sq[g] += v * v;
    if (v > max[g]!) max[g] = v;
    count[g] += 1;
  }
  let groups = 0;
  for (let g = 0; g < T * R; g += 1) if (count[g]! > 0) groups += 1;
  const out = {
    year: new Int32Array(groups),
    region: new Int32Array(groups),
    shannon: new Float64Array(groups),
    shannon_normalized: new Float64Array(groups),
    hhi: new Float64Array(groups),
    n_sectors: new Int32Array(groups),
  };
  let k = 0;
  for (let g = 0; g < T * R; g += 1) {
    const m = count[g]!;
    if (m === 0) continue;
    const tot = sum[g]!;
    if (tot === 0) throw new FloorInputError(`zero total in group ${g}`);
    const h = max[g] === tot ? 0 : Math.max(0, Math.log(tot) - vlnv[g]! / tot);
    out.year[k] = Math.floor(g / R) + y0;
    out.region[k] = (g % R) + r0;
    out.shannon[k] = h;
    out.shannon_normalized[k] = m > 1 ? h / Math.log(m) : NaN;
    out.hhi[k] = sq[g]! / (tot * tot);
    out.n_sectors[k] = m;
    k += 1;
  }
  return out;
}

/**
 * Dunn shift-share from `from` to `to`, reference = all regions:
 * `region, sector, value_from, value_to, national, industry_mix, regional_share, actual`.
 */
export function shiftShareFloor(p: Panel, from: number, to: number): Columns {
  const { r0, s0, R, S } = dims(p);
  const e0 = new Float64Array(R * S).fill(NaN);
  const e1 = new Float64Array(R * S).fill(NaN);
  for (let i = 0; i < p.value.length; i += 1) {
    const y = p.year[i]!;
    if (y !== from && y !== to) continue;
    const v = p.value[i]!;
    checkValue(v, i);
    const e = y === from ? e0 : e1;
    const c = (p.region[i]! - r0) * S + p.sector[i]! - s0;
    if (!Number.isNaN(e[c]!)) throw new FloorInputError(`duplicate key at row ${i}`);
    e[c] = v;
  }
  const E0 = new Float64Array(S);
  const E1 = new Float64Array(S);
  let rows = 0;
  for (let c = 0; c < R * S; c += 1) {
    const [a, b] = [e0[c]!, e1[c]!];
    if (Number.isNaN(a) && Number.isNaN(b)) continue;
    if (Number.isNaN(a) || Number.isNaN(b)) throw new FloorInputError(`cell ${c} lacks a year`);
    E0[c % S] += a;
    E1[c % S] += b;
    rows += 1;
  }
  let [tot0, tot1] = [0, 0];
  for (let s = 0; s < S; s += 1) ((tot0 += E0[s]!), (tot1 += E1[s]!));
  if (tot0 === 0) throw new FloorInputError("the reference has 0 employment at the start");
  const g = tot1 / tot0 - 1;
  const out = {
    region: new Int32Array(rows),
    sector: new Int32Array(rows),
    value_from: new Float64Array(rows),
    value_to: new Float64Array(rows),
    national: new Float64Array(rows),
    industry_mix: new Float64Array(rows),
    regional_share: new Float64Array(rows),
    actual: new Float64Array(rows),
  };
  let k = 0;
  for (let r = 0, c = 0; r < R; r += 1)
    for (let s = 0; s < S; s += 1, c += 1) {
      const a = e0[c]!;
      if (Number.isNaN(a)) continue;
      if (E0[s] === 0) throw new FloorInputError(`the reference has no employment in sector ${s + s0}`);
      const b = e1[c]!;
      const gi = E1[s]! / E0[s]! - 1;
      const national = a * g;
      const mix = a * (gi - g);
      out.region[k] = r + r0;
      out.sector[k] = s + s0;
      out.value_from[k] = a;
      out.value_to[k] = b;
      out.national[k] = national;
      out.industry_mix[k] = mix;
      out.regional_share[k] = b - a - national - mix;
      out.actual[k] = b - a;
      k += 1;
    }
  return out;
}
