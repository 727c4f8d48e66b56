/**
 * The floor: hand-written passes over the rows, for the benchmark only. Each returns what the library
 * returns — the same columns, rows in the same sorted order, keys typed as given (strings or Int32) — and
 * refuses the same bad input (a non-finite or negative amount, a duplicate key, a zero total, a missing
 * year, an unmapped municipality, a sum beyond 2^53). Keys are dictionary-coded (bench/keys.ts: one Map or
 * table look-up per row) onto dense grids, so no input order is assumed; sorted output comes from walking
 * the grids in the keys' sorted order. No array is unpacked in a loop; shift-share reads every row once.
 * Nulls of the library (an undefined lq or normalised entropy) are NaN here.
 */
import { encode, FloorInputError, keyColumn } from "./keys";
import type { Rows } from "./synthetic";

export { FloorInputError } from "./keys";
export type Columns = Record<string, Int32Array | Float64Array | string[]>;

function badValue(v: number, i: number): never {
  throw new FloorInputError(`value ${v} at row ${i} is not finite and ≥ 0`);
}

/** Location quotients by year against the all-regions total: `year, region, sector, share, reference_share, lq`. */
export function lqFloor(x: Rows): Columns {
  const n = x.value.length;
  const [Y, R, S] = [encode(x.year), encode(x.region), encode(x.sector)];
  const [T, nR, nS] = [Y.names.length, R.names.length, S.names.length];
  const cell = new Int32Array(T * nR * nS).fill(-1);
  const regionTotal = new Float64Array(T * nR);
  const sectorTotal = new Float64Array(T * nS);
  const total = new Float64Array(T);
  const [yi, ri, si, value] = [Y.ids, R.ids, S.ids, x.value];
  for (let i = 0; i < n; i += 1) {
    const v = value[i]!;
    if (!(v >= 0 && v < Infinity)) badValue(v, i);
    const t = yi[i]!;
    const tr = t * nR + ri[i]!;
    const s = si[i]!;
    const c = tr * nS + s;
    if (cell[c] !== -1) throw new FloorInputError(`duplicate key at row ${i}`);
    cell[c] = i;
    regionTotal[tr] += v;
    sectorTotal[t * nS + s] += v;
    total[t] += v;
  }
  const out = {
    year: new Int32Array(n),
    region: keyColumn(x.region, n),
    sector: keyColumn(x.sector, n),
    share: new Float64Array(n),
    reference_share: new Float64Array(n),
    lq: new Float64Array(n),
  };
  let k = 0;
  for (const t of Y.order)
    for (const r of R.order) {
      const rt = regionTotal[t * nR + r]!;
      for (const s of S.order) {
        const i = cell[(t * nR + r) * nS + s]!;
        if (i < 0) continue;
        if (rt === 0) throw new FloorInputError(`zero total in year ${Y.names[t]}, region ${R.names[r]}`);
        const share = (value[i]! / rt) * 100;
        const rs = (sectorTotal[t * nS + s]! / total[t]!) * 100;
        out.year[k] = Y.names[t] as number;
        out.region[k] = R.names[r]!;
        out.sector[k] = S.names[s]!;
        out.share[k] = share;
        out.reference_share[k] = rs;
        out.lq[k] = rs > 0 ? share / rs : NaN;
        k += 1;
      }
    }
  return out as Columns;
}

/** Shannon (ln S − Σ v ln v / S), normalised Shannon, HHI (Σ v² / S²) and row count by year and region. */
export function diversityFloor(x: Rows): Columns {
  const n = x.value.length;
  const [Y, R, S] = [encode(x.year), encode(x.region), encode(x.sector)];
  const [T, nR, nS] = [Y.names.length, R.names.length, S.names.length];
  const seen = new Uint8Array(T * nR * nS);
  const [sum, vlnv, sq, max] = [new Float64Array(T * nR), new Float64Array(T * nR), new Float64Array(T * nR), new Float64Array(T * nR)];
  const count = new Int32Array(T * nR);
  const [yi, ri, si, value] = [Y.ids, R.ids, S.ids, x.value];
  for (let i = 0; i < n; i += 1) {
    const v = value[i]!;
    if (!(v >= 0 && v < Infinity)) badValue(v, i);
    const g = yi[i]! * nR + ri[i]!;
    const c = g * nS + si[i]!;
    if (seen[c]) throw new FloorInputError(`duplicate key at row ${i}`);
    seen[c] = 1;
    sum[g] += v;
    if (v > 0) vlnv[g] += v * Math.log(v);
    sq[g] += v * v;
    if (v > max[g]!) max[g] = v;
    count[g] += 1;
  }
  let groups = 0;
  for (let g = 0; g < T * nR; g += 1) if (count[g]! > 0) groups += 1;
  const out = {
    year: new Int32Array(groups),
    region: keyColumn(x.region, groups),
    shannon: new Float64Array(groups),
    shannon_normalized: new Float64Array(groups),
    hhi: new Float64Array(groups),
    n_sectors: new Int32Array(groups),
  };
  let k = 0;
  for (const t of Y.order)
    for (const r of R.order) {
      const g = t * nR + r;
      const m = count[g]!;
      if (m === 0) continue;
      const tot = sum[g]!;
      if (tot === 0) throw new FloorInputError(`zero total in year ${Y.names[t]}, region ${R.names[r]}`);
      const h = max[g] === tot ? 0 : Math.max(0, Math.log(tot) - vlnv[g]! / tot);
      out.year[k] = Y.names[t] as number;
      out.region[k] = R.names[r]!;
      out.shannon[k] = h;
      out.shannon_normalized[k] = m > 1 ? h / Math.log(m) : NaN;
      out.hhi[k] = sq[g]! / (tot * tot);
      out.n_sectors[k] = m;
      k += 1;
    }
  return out as Columns;
}
