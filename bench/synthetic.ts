/**
 * SYNTHETIC national-scale panel for the benchmark: regions × industries ×
 * years of employment counts from a seeded generator (no real data).
 * 1× = 428 municipalities × 88 industries × 25 years ≈ 0.94 M rows; other
 * sizes scale the number of regions.
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

export function syntheticPanel(scale: number, seed = 2009): Panel {
  const nRegions = Math.max(2, Math.round(428 * scale));
  const nSectors = 88;
  const nYears = 25;
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

export function toPolars(p: Panel): pl.DataFrame {
  return pl.DataFrame([pl.Series("region", p.region), pl.Series("sector", p.sector), pl.Series("year", p.year), pl.Series("value", p.value)]);
}

/** The same rows in a seeded random order (Fisher–Yates), for the benchmark's shuffled-input case. */
export function shuffledPanel(p: Panel, seed = 11): Panel {
  const n = p.value.length;
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i += 1) idx[i] = i;
  const rng = prand.xoroshiro128plus(seed);
  for (let i = n - 1; i > 0; i -= 1) {
    const j = prand.unsafeUniformIntDistribution(0, i, rng);
    const t = idx[i]!;
    idx[i] = idx[j]!;
    idx[j] = t;
  }
  const take = <T extends Int32Array | Float64Array>(a: T): T => a.map((_, i) => a[idx[i]!]!) as T;
  return { ...p, region: take(p.region), sector: take(p.sector), year: take(p.year), value: take(p.value) };
}
