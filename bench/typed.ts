/**
 * The floor: single-pass computations over typed arrays, written for the
 * benchmark only (dictionary-coded keys, rows ordered by year, region, sector).
 */
import type { Panel } from "./synthetic";

/** LQ of every row against the all-regions total of its year. */
export function lqTyped(p: Panel): Float64Array {
  const { nRegions: R, nSectors: S, nYears: T } = p;
  const regionTotal = new Float64Array(T * R);
  const sectorTotal = new Float64Array(T * S);
  const total = new Float64Array(T);
  const n = p.value.length;
  for (let i = 0; i < n; i += 1) {
    const t = p.year[i]! - p.firstYear;
    const v = p.value[i]!;
    regionTotal[t * R + p.region[i]!]! += v;
    sectorTotal[t * S + p.sector[i]!]! += v;
    total[t]! += v;
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const t = p.year[i]! - p.firstYear;
    out[i] = p.value[i]! / regionTotal[t * R + p.region[i]!]! / (sectorTotal[t * S + p.sector[i]!]! / total[t]!);
  }
  return out;
}

/** Shannon entropy and HHI per (year, region). */
export function diversityTyped(p: Panel): { shannon: Float64Array; hhi: Float64Array } {
  const { nRegions: R, nYears: T } = p;
  const sum = new Float64Array(T * R);
  const n = p.value.length;
  for (let i = 0; i < n; i += 1) sum[(p.year[i]! - p.firstYear) * R + p.region[i]!]! += p.value[i]!;
  const shannon = new Float64Array(T * R);
  const hhi = new Float64Array(T * R);
  for (let i = 0; i < n; i += 1) {
    const k = (p.year[i]! - p.firstYear) * R + p.region[i]!;
    const s = p.value[i]! / sum[k]!;
    if (s > 0) shannon[k]! -= s * Math.log(s);
    hhi[k]! += s * s;
  }
  return { shannon, hhi };
}

/** Dunn shift-share from the first to the last year, reference = all regions; per (region, sector). */
export function shiftShareTyped(p: Panel): { national: Float64Array; mix: Float64Array; regional: Float64Array } {
  const { nRegions: R, nSectors: S, nYears: T } = p;
  const e0 = new Float64Array(R * S);
  const e1 = new Float64Array(R * S);
  const E0 = new Float64Array(S);
  const E1 = new Float64Array(S);
  const n = p.value.length;
  for (let i = 0; i < n; i += 1) {
    const t = p.year[i]! - p.firstYear;
    if (t !== 0 && t !== T - 1) continue;
    const k = p.region[i]! * S + p.sector[i]!;
    if (t === 0) ((e0[k]! += p.value[i]!), (E0[p.sector[i]!]! += p.value[i]!));
    else ((e1[k]! += p.value[i]!), (E1[p.sector[i]!]! += p.value[i]!));
  }
  let tot0 = 0;
  let tot1 = 0;
  for (let s = 0; s < S; s += 1) ((tot0 += E0[s]!), (tot1 += E1[s]!));
  const g = tot1 / tot0 - 1;
  const national = new Float64Array(R * S);
  const mix = new Float64Array(R * S);
  const regional = new Float64Array(R * S);
  for (let k = 0; k < R * S; k += 1) {
    const gi = E1[k % S]! / E0[k % S]! - 1;
    national[k] = e0[k]! * g;
    mix[k] = e0[k]! * (gi - g);
    regional[k] = e1[k]! - e0[k]! - national[k]! - mix[k]!;
  }
  return { national, mix, regional };
}
