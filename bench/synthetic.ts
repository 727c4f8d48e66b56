/**
 * SYNTHETIC national-scale panel for the benchmark: regions × industries ×
 * years of employment counts from a seeded generator (no real data).
 * 1× = 428 municipalities × 88 industries × 25 years ≈ 0.94 M rows; other
 * sizes scale the number of regions. The keys come as strings, as the
 * notebooks have them (municipality `M00012`, industry `S007`), or as Int32
 * codes; the rows in key order or shuffled; and a mapping of municipalities
 * to regions (about 6 each, scattered) for the region aggregation. Scale 0 is the notebook-sized case (364 rows).
 */
import * as pl from "nodejs-polars";
import * as prand from "pure-rand";

export interface Panel {
  nRegions: number;
  nSectors: number;
  nYears: number;
  firstYear: number;
  /** Row-major by year, region, sector. */
  region: Int32Array;
  sector: Int32Array;
  year: Int32Array;
  value: Float64Array;
}

export type KeyKind = "string" | "int32";
export type RowOrder = "sorted" | "shuffled";

/** Key names as the string-keyed input has them (zero-padded, so their text order is their code order). */
export const regionName = (r: number): string => `M${String(r).padStart(5, "0")}`;
export const sectorName = (s: number): string => `S${String(s).padStart(3, "0")}`;
export const targetName = (g: number): string => `R${String(g).padStart(4, "0")}`;
export const typeName = (t: number): string => `T${t}`;

/** Municipalities per region in the synthetic mapping. */
export const PER_REGION = 6;
export const regionsOf = (nRegions: number): number => Math.max(1, Math.ceil(nRegions / PER_REGION));
/** Region of municipality r: scattered (r mod the region count), so a region's municipalities are not adjacent. */
export const regionOf = (r: number, nRegions: number): number => r % regionsOf(nRegions);
/** Type of region g (4 types). */
export const typeOf = (g: number): number => g % 4;

/** The notebook-sized case (BENCH_SCALES item `notebook`, scale 0): 13 regions × 14 industries × 2 years = 364 rows, the
 * size of the frames the chapter notebooks pass (the report's 13 regions, two years of a growth period). */
export const NOTEBOOK_SCALE = 0;
export const NOTEBOOK_SHAPE = { nRegions: 13, nSectors: 14, nYears: 2 } as const;

export function syntheticPanel(scale: number, seed = 2009): Panel {
  const notebook = scale === NOTEBOOK_SCALE;
  const nRegions = notebook ? NOTEBOOK_SHAPE.nRegions : Math.max(2, Math.round(428 * scale));
  const nSectors = notebook ? NOTEBOOK_SHAPE.nSectors : 88;
  const nYears = notebook ? NOTEBOOK_SHAPE.nYears : 25;
  const firstYear = 1984;
  const n = nRegions * nSectors * nYears;
  const region = new Int32Array(n);
  const sector = new Int32Array(n);
  const year = new Int32Array(n);
  const value = new Float64Array(n);
  const rng = prand.xoroshiro128plus(seed);
  const size = Array.from({ length: nRegions }, () => prand.unsafeUniformIntDistribution(50, 20_000, rng));
  const weight = Array.from({ length: nSectors }, () => prand.unsafeUniformIntDistribution(1, 100, rng));
  let k = 0;
  for (let t = 0; t < nYears; t += 1) {
    for (let r = 0; r < nRegions; r += 1) {
      for (let s = 0; s < nSectors; s += 1) {
        region[k] = r;
        sector[k] = s;
        year[k] = firstYear + t;
        // counts ≥ 1 so every region-year and sector has employment
        value[k] = 1 + Math.floor((size[r]! * weight[s]!) / 5000) + prand.unsafeUniformIntDistribution(0, 20 + t, rng);
        k += 1;
      }
    }
  }
  return { nRegions, nSectors, nYears, firstYear, region, sector, year, value };
}

/** A seeded random permutation of 0 … n−1 (Fisher–Yates). */
export function permutation(n: number, seed = 11): Int32Array {
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i += 1) idx[i] = i;
  const rng = prand.xoroshiro128plus(seed);
  for (let i = n - 1; i > 0; i -= 1) {
    const j = prand.unsafeUniformIntDistribution(0, i, rng);
    const t = idx[i]!;
    idx[i] = idx[j]!;
    idx[j] = t;
  }
  return idx;
}

/** The same rows in a seeded random order, for the shuffled-input case. */
export function shuffledPanel(p: Panel, seed = 11): Panel {
  const idx = permutation(p.value.length, seed);
  const take = <T extends Int32Array | Float64Array>(a: T): T => a.map((_, i) => a[idx[i]!]!) as T;
  return { ...p, region: take(p.region), sector: take(p.sector), year: take(p.year), value: take(p.value) };
}

/** Row keys as the implementations receive them: codes, or one shared string per distinct key. */
export interface Rows {
  kind: KeyKind;
  region: Int32Array | string[];
  sector: Int32Array | string[];
  year: Int32Array;
  value: Float64Array;
}

export function rowsOf(p: Panel, kind: KeyKind): Rows {
  if (kind === "int32") return { kind, region: p.region, sector: p.sector, year: p.year, value: p.value };
  const rn = Array.from({ length: p.nRegions }, (_, r) => regionName(r));
  const sn = Array.from({ length: p.nSectors }, (_, s) => sectorName(s));
  return { kind, region: Array.from(p.region, (r) => rn[r]!), sector: Array.from(p.sector, (s) => sn[s]!), year: p.year, value: p.value };
}

/** The mapping of municipalities to regions and region types, keyed like the rows. */
export interface Mapping {
  municipality: Int32Array | string[];
  region: Int32Array | string[];
  regionType: Int32Array | string[];
}

export function mappingOf(p: Panel, kind: KeyKind): Mapping {
  const m = Int32Array.from({ length: p.nRegions }, (_, r) => r);
  const g = m.map((r) => regionOf(r, p.nRegions));
  const t = g.map(typeOf);
  if (kind === "int32") return { municipality: m, region: g, regionType: t };
  return { municipality: Array.from(m, regionName), region: Array.from(g, targetName), regionType: Array.from(t, typeName) };
}

const keySeries = (name: string, x: Int32Array | string[]): pl.Series => (Array.isArray(x) ? pl.Series(name, x, pl.Utf8) : pl.Series(name, x));

export function toPolars(r: Rows | Panel): pl.DataFrame {
  return pl.DataFrame([keySeries("region", r.region), keySeries("sector", r.sector), pl.Series("year", r.year), pl.Series("value", r.value)]);
}

/** The mapping as `toRegions` reads it: municipality_code_2008, region, region_type. */
export function mappingFrame(m: Mapping): pl.DataFrame {
  return pl.DataFrame([keySeries("municipality_code_2008", m.municipality), keySeries("region", m.region), keySeries("region_type", m.regionType)]);
}
