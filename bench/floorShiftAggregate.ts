/**
 * The floor (see bench/floor.ts) for Dunn shift-share — one pass over the rows, keeping only the two
 * years' — and for the region aggregation (municipalities summed to regions under a mapping).
 */
import { coderFor, encode, FloorInputError, keyColumn, sortedIds } from "./keys";
import type { Columns } from "./floor";
import type { Mapping, Rows } from "./synthetic";

const LIMIT = Number.MAX_SAFE_INTEGER;

/**
 * Dunn shift-share from `from` to `to`, reference = all regions:
 * `region, sector, value_from, value_to, national, industry_mix, regional_share, actual`.
 */
export function shiftShareFloor(x: Rows, from: number, to: number): Columns {
  const n = x.value.length;
  const [R, S] = [coderFor(x.region), coderFor(x.sector)];
  const [region, sector, year, value] = [x.region, x.sector, x.year, x.value];
  // the two years' rows, coded (one pass over all rows)
  const rid: number[] = [];
  const sid: number[] = [];
  const val: number[] = [];
  const late: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const y = year[i]!;
    if (y !== from && y !== to) continue;
    const v = value[i]!;
    if (!(v >= 0 && v < Infinity)) throw new FloorInputError(`value ${v} at row ${i} is not finite and ≥ 0`);
    rid.push(R.id(region[i]!));
    sid.push(S.id(sector[i]!));
    val.push(v);
    late.push(y === to ? 1 : 0);
  }
  const [nR, nS] = [R.names.length, S.names.length];
  const e0 = new Float64Array(nR * nS).fill(NaN);
  const e1 = new Float64Array(nR * nS).fill(NaN);
  for (let j = 0; j < val.length; j += 1) {
    const e = late[j] ? e1 : e0;
    const c = rid[j]! * nS + sid[j]!;
    if (!Number.isNaN(e[c]!)) throw new FloorInputError(`duplicate key at region ${R.names[rid[j]!]}, sector ${S.names[sid[j]!]}`);
    e[c] = val[j]!;
  }
  const E0 = new Float64Array(nS);
  const E1 = new Float64Array(nS);
  let rows = 0;
  for (let c = 0; c < nR * nS; c += 1) {
    const a = e0[c]!;
    const b = e1[c]!;
    if (Number.isNaN(a) && Number.isNaN(b)) continue;
    if (Number.isNaN(a) || Number.isNaN(b)) throw new FloorInputError(`cell ${c} lacks a year`);
    E0[c % nS] += a;
    E1[c % nS] += b;
    rows += 1;
  }
  let tot0 = 0;
  let tot1 = 0;
  for (let s = 0; s < nS; s += 1) {
    tot0 += E0[s]!;
    tot1 += E1[s]!;
  }
  if (tot0 === 0) throw new FloorInputError("the reference has 0 employment at the start");
  const g = tot1 / tot0 - 1;
  const out = {
    region: keyColumn(x.region, rows),
    sector: keyColumn(x.sector, rows),
    value_from: new Float64Array(rows),
    value_to: new Float64Array(rows),
    national: new Float64Array(rows),
    industry_mix: new Float64Array(rows),
    regional_share: new Float64Array(rows),
    actual: new Float64Array(rows),
  };
  const [rOrder, sOrder] = [sortedIds(R.names), sortedIds(S.names)];
  let k = 0;
  for (const r of rOrder)
    for (const s of sOrder) {
      const c = r * nS + s;
      const a = e0[c]!;
      if (Number.isNaN(a)) continue;
      if (E0[s] === 0) throw new FloorInputError(`the reference has no employment in sector ${S.names[s]}`);
      const b = e1[c]!;
      const gi = E1[s]! / E0[s]! - 1;
      const national = a * g;
      const mix = a * (gi - g);
      out.region[k] = R.names[r]!;
      out.sector[k] = S.names[s]!;
      out.value_from[k] = a;
      out.value_to[k] = b;
      out.national[k] = national;
      out.industry_mix[k] = mix;
      out.regional_share[k] = b - a - national - mix;
      out.actual[k] = b - a;
      k += 1;
    }
  return out as Columns;
}

/**
 * Σ value by region (and its type), year and sector, the rows' `region` being the municipality:
 * `region, region_type, year, sector, value`, sorted. Negative amounts are allowed; a value or sum
 * beyond ±2^53 − 1, a non-finite value, an unmapped municipality or a duplicate key is refused.
 */
export function aggregateFloor(x: Rows, m: Mapping): Columns {
  const n = x.value.length;
  // the mapping: municipality id → (region, type) group id
  const M = coderFor(m.municipality);
  const [G, Ty] = [coderFor(m.region), coderFor(m.regionType)];
  const pairOf: number[] = [];
  const TYPES = 64;
  for (let j = 0; j < m.municipality.length; j += 1) {
    if (M.id(m.municipality[j]!) !== j) throw new FloorInputError(`municipality ${m.municipality[j]} twice in the mapping`);
    pairOf.push(G.id(m.region[j]!) * TYPES + Ty.id(m.regionType[j]!));
    if (Ty.names.length > TYPES) throw new FloorInputError(`more than ${TYPES} region types`);
  }
  const P = coderFor(Int32Array.from(pairOf));
  const groupOf = Int32Array.from(pairOf, (q) => P.id(q));
  const pairOrder = Int32Array.from(P.names, (_, i) => i).sort((a, b) => {
    const [pa, pb] = [P.names[a] as number, P.names[b] as number];
    const [ga, gb] = [G.names[Math.floor(pa / TYPES)]!, G.names[Math.floor(pb / TYPES)]!];
    if (ga !== gb) return ga < gb ? -1 : 1;
    const [ta, tb] = [Ty.names[pa % TYPES]!, Ty.names[pb % TYPES]!];
    return ta < tb ? -1 : ta > tb ? 1 : 0;
  });
  const [Y, S] = [encode(x.year), encode(x.sector)];
  const [T, nS, nM, nP] = [Y.names.length, S.names.length, M.names.length, P.names.length];
  const seen = new Uint8Array(nM * T * nS);
  const sum = new Float64Array(nP * T * nS);
  const has = new Uint8Array(nP * T * nS);
  const [yi, si, region, value] = [Y.ids, S.ids, x.region, x.value];
  for (let i = 0; i < n; i += 1) {
    const v = value[i]!;
    if (!(Math.abs(v) <= LIMIT)) throw new FloorInputError(`value ${v} at row ${i} is not finite or beyond ±2^53 − 1`);
    const mu = M.known(region[i]!);
    if (mu < 0) throw new FloorInputError(`municipality ${region[i]} is not in the mapping`);
    const ts = yi[i]! * nS + si[i]!;
    const c = mu * T * nS + ts;
    if (seen[c]) throw new FloorInputError(`duplicate key at row ${i}`);
    seen[c] = 1;
    const o = groupOf[mu]! * T * nS + ts;
    sum[o] += v;
    has[o] = 1;
  }
  let rows = 0;
  for (let o = 0; o < has.length; o += 1) rows += has[o]!;
  const out = {
    region: keyColumn(m.region, rows),
    region_type: keyColumn(m.regionType, rows),
    year: new Int32Array(rows),
    sector: keyColumn(x.sector, rows),
    value: new Float64Array(rows),
  };
  let k = 0;
  for (const p of pairOrder) {
    const pair = P.names[p] as number;
    const [gName, tName] = [G.names[Math.floor(pair / TYPES)]!, Ty.names[pair % TYPES]!];
    for (const t of Y.order)
      for (const s of S.order) {
        const o = (p * T + t) * nS + s;
        if (!has[o]) continue;
        const v = sum[o]!;
        if (!(Math.abs(v) <= LIMIT)) throw new FloorInputError(`the sum for ${gName}, ${Y.names[t]}, ${S.names[s]} is beyond ±2^53 − 1`);
        out.region[k] = gName;
        out.region_type[k] = tName;
        out.year[k] = Y.names[t] as number;
        out.sector[k] = S.names[s]!;
        out.value[k] = v;
        k += 1;
      }
  }
  return out as Columns;
}
