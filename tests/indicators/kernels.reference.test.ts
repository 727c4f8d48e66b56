/**
 * The fused indicator kernels (locationQuotient, diversity, shiftShare,
 * shiftShareEM) against an independent plain-TypeScript computation written
 * here from the formulas in the modules' headers (loops over row objects, no
 * polars), on seeded SYNTHETIC panels: string and integer keys (negative
 * codes included, so the packed-key offsets are exercised), rows shuffled or
 * in key order, zeros, absent sectors, a named reference or all regions.
 * Every output column and the row order are compared, to 1e-9.
 */
import { describe, expect, it } from "vitest";
import * as pl from "nodejs-polars";
import * as prand from "pure-rand";
import { diversity, locationQuotient, shiftShare, shiftShareEM } from "../../src/lib/index";

type Key = string | number;
interface Row {
  year: number;
  region: Key;
  sector: Key;
  value: number;
}
type Rng = prand.RandomGenerator;
const int = (rng: Rng, lo: number, hi: number): number => prand.unsafeUniformIntDistribution(lo, hi, rng);

/** Compare like polars sorts: numbers numerically, strings by code unit (ASCII keys here). */
function cmp(a: Key, b: Key): number {
  return typeof a === "number" ? a - (b as number) : a < b ? -1 : a > b ? 1 : 0;
}
function byKeys<T>(...get: ((x: T) => Key)[]): (a: T, b: T) => number {
  return (a, b) => {
    for (const g of get) {
      const c = cmp(g(a), g(b));
      if (c !== 0) return c;
    }
    return 0;
  };
}

/**
 * A SYNTHETIC panel: `nr` regions (region 0 is "REF", always has every sector, values ≥ 1)
 * × `ns` sectors × years 2000…2000+ny−1. Other regions lack a sector with probability
 * `absent` (only when `absent` > 0) and have zeros now and then. Integer keys are
 * codes −3, −2, … (negative on purpose); string keys "r…" / "s…".
 */
function panel(rng: Rng, o: { nr: number; ns: number; ny: number; intKeys: boolean; absent: number; shuffle: boolean }): Row[] {
  const region = (r: number): Key => (o.intKeys ? r - 3 : r === 0 ? "REF" : `r${String(r).padStart(2, "0")}`);
  const sector = (s: number): Key => (o.intKeys ? 2 * s - 5 : `s${String(s).padStart(2, "0")}`);
  const rows: Row[] = [];
  for (let y = 0; y < o.ny; y += 1)
    for (let r = 0; r < o.nr; r += 1) {
      const present = Array.from({ length: o.ns }, (_, s) => r === 0 || s === 0 || int(rng, 0, 99) >= o.absent * 100);
      for (let s = 0; s < o.ns; s += 1) {
        if (!present[s]) continue;
        const v = r === 0 ? int(rng, 1, 5000) : int(rng, 0, 9) === 0 ? 0 : int(rng, 1, 5000);
        rows.push({ year: 2000 + y, region: region(r), sector: sector(s), value: s === 0 && v === 0 ? 1 : v });
      }
    }
  if (o.shuffle)
    for (let i = rows.length - 1; i > 0; i -= 1) {
      const j = int(rng, 0, i);
      [rows[i], rows[j]] = [rows[j]!, rows[i]!];
    }
  return rows;
}

function frame(rows: Row[], intKeys: boolean): pl.DataFrame {
  return pl.DataFrame({
    year: pl.Series(
      "year",
      rows.map((r) => r.year),
      pl.Int64,
    ),
    region: pl.Series(
      "region",
      rows.map((r) => r.region),
      intKeys ? pl.Int32 : pl.Utf8,
    ),
    sector: pl.Series(
      "sector",
      rows.map((r) => r.sector),
      intKeys ? pl.Int32 : pl.Utf8,
    ),
    value: pl.Series(
      "value",
      rows.map((r) => r.value),
      pl.Int64,
    ),
  });
}

/** Same columns in the same order, keys equal, numbers within 1e-9 (relative above 1), nulls where expected. */
function expectSame(out: pl.DataFrame, expected: Record<string, (Key | null)[]>): void {
  expect(out.columns).toEqual(Object.keys(expected));
  for (const [c, want] of Object.entries(expected)) {
    const got = out.getColumn(c).toArray() as (Key | null)[];
    expect(got.length, c).toBe(want.length);
    for (let i = 0; i < want.length; i += 1) {
      const [g, w] = [got[i], want[i]];
      if (typeof w === "number" && typeof g === "number") {
        if (Math.abs(g - w) > 1e-9 * Math.max(1, Math.abs(w))) throw new Error(`${c}[${i}]: ${g} vs ${w}`);
      } else if (g !== w) throw new Error(`${c}[${i}]: ${String(g)} vs ${String(w)}`);
    }
  }
}

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
const groupSum = (rows: Row[], key: (r: Row) => string): Map<string, number> => {
  const m = new Map<string, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + r.value);
  return m;
};

/** LQ by year from the definition: share = e_ij / e_j · 100, reference_share = e_iR / e_R · 100, lq = share / reference_share. */
function lqReference(rows: Row[], reference?: Key): Record<string, (Key | null)[]> {
  const regionTotal = groupSum(rows, (r) => `${r.year}|${r.region}`);
  const ref = reference === undefined ? rows : rows.filter((r) => r.region === reference);
  const refSector = groupSum(ref, (r) => `${r.year}|${r.sector}`);
  const refTotal = groupSum(ref, (r) => `${r.year}`);
  const sorted = [...rows].sort(
    byKeys<Row>(
      (r) => r.year,
      (r) => r.region,
      (r) => r.sector,
    ),
  );
  const share = sorted.map((r) => (r.value / regionTotal.get(`${r.year}|${r.region}`)!) * 100);
  const rs = sorted.map((r) => ((refSector.get(`${r.year}|${r.sector}`) ?? 0) / refTotal.get(`${r.year}`)!) * 100);
  return {
    year: sorted.map((r) => r.year),
    region: sorted.map((r) => r.region),
    sector: sorted.map((r) => r.sector),
    share,
    reference_share: rs,
    lq: share.map((s, i) => (rs[i]! > 0 ? s / rs[i]! : null)),
  };
}

/** Shannon −Σ s ln s (0 ln 0 = 0), H / ln n (null for n = 1), HHI Σ s², n = rows, by year and region. */
function diversityReference(rows: Row[]): Record<string, (Key | null)[]> {
  const groups = new Map<string, Row[]>();
  for (const r of rows) groups.set(`${r.year}|${r.region}`, [...(groups.get(`${r.year}|${r.region}`) ?? []), r]);
  const list = [...groups.values()].sort(
    byKeys<Row[]>(
      (g) => g[0]!.year,
      (g) => g[0]!.region,
    ),
  );
  const shannon = list.map((g) => {
    const total = sum(g.map((r) => r.value));
    return -sum(g.map((r) => (r.value > 0 ? (r.value / total) * Math.log(r.value / total) : 0)));
  });
  return {
    year: list.map((g) => g[0]!.year),
    region: list.map((g) => g[0]!.region),
    shannon,
    shannon_normalized: list.map((g, i) => (g.length > 1 ? shannon[i]! / Math.log(g.length) : null)),
    hhi: list.map((g) => {
      const total = sum(g.map((r) => r.value));
      return sum(g.map((r) => (r.value / total) ** 2));
    }),
    n_sectors: list.map((g) => g.length),
  };
}

/** Dunn and Esteban-Marquillas from the formulas (reference: a named region or all regions). */
function shiftShareReference(rows: Row[], from: number, to: number, reference: Key | undefined, em: boolean): Record<string, (Key | null)[]> {
  const at = (y: number): Map<string, number> => new Map(rows.filter((r) => r.year === y).map((r) => [`${r.region}|${r.sector}`, r.value]));
  const [e0, e1] = [at(from), at(to)];
  const cells = rows
    .filter((r) => r.year === from && r.region !== reference)
    .sort(
      byKeys<Row>(
        (r) => r.region,
        (r) => r.sector,
      ),
    );
  const inRef = (r: Row): boolean => reference === undefined || r.region === reference;
  const E0 = groupSum(
    rows.filter((r) => r.year === from && inRef(r)),
    (r) => String(r.sector),
  );
  const E1 = groupSum(
    rows.filter((r) => r.year === to && inRef(r)),
    (r) => String(r.sector),
  );
  const g = sum([...E1.values()]) / sum([...E0.values()]) - 1;
  const regionFrom = groupSum(
    rows.filter((r) => r.year === from),
    (r) => String(r.region),
  );
  const out: Record<string, (Key | null)[]> = {
    region: [],
    sector: [],
    value_from: [],
    value_to: [],
    national: [],
    industry_mix: [],
    regional_share: [],
  };
  if (em) Object.assign(out, { homothetic: [], competitive_homothetic: [], allocation: [] });
  out["actual"] = [];
  for (const c of cells) {
    const k = `${c.region}|${c.sector}`;
    const [a, b] = [e0.get(k)!, e1.get(k)!];
    const gi = E1.get(String(c.sector))! / E0.get(String(c.sector))! - 1;
    const push = (col: string, v: Key): number => out[col]!.push(v);
    push("region", c.region);
    push("sector", c.sector);
    push("value_from", a);
    push("value_to", b);
    push("national", a * g);
    push("industry_mix", a * (gi - g));
    push("regional_share", a * (b / a - 1 - gi)); // e0 · (r_i − g_i), r_i = e1/e0 − 1: an independent form of actual − national − mix
    if (em) {
      const h = (regionFrom.get(String(c.region))! * E0.get(String(c.sector))!) / sum([...E0.values()]);
      push("homothetic", h);
      push("competitive_homothetic", h * (b / a - 1 - gi));
      push("allocation", (a - h) * (b / a - 1 - gi));
    }
    push("actual", b - a);
  }
  return out;
}

const CASES = [
  { intKeys: false, shuffle: true },
  { intKeys: true, shuffle: true },
  { intKeys: true, shuffle: false },
  { intKeys: false, shuffle: false },
];

describe("fused kernels agree with a plain-TypeScript computation (seeded synthetic panels)", () => {
  it.each(CASES)("location quotients by year, named and all-regions reference (int keys: $intKeys, shuffled: $shuffle)", ({ intKeys, shuffle }) => {
    const rng = prand.xoroshiro128plus(intKeys ? 11 : 12);
    for (let trial = 0; trial < 6; trial += 1) {
      const rows = panel(rng, { nr: int(rng, 2, 7), ns: int(rng, 1, 8), ny: 3, intKeys, absent: 0.2, shuffle });
      const df = frame(rows, intKeys);
      const opts = { region: "region", sector: "sector", value: "value", by: ["year"] };
      expectSame(locationQuotient(df, opts), lqReference(rows));
      const ref = intKeys ? -3 : "REF";
      // a named reference is a string in the options; integer region codes are compared after polars' cast
      if (!intKeys) expectSame(locationQuotient(df, { ...opts, reference: String(ref) }), lqReference(rows, ref));
    }
  });

  it.each(CASES)("Shannon, normalised Shannon, HHI by year (int keys: $intKeys, shuffled: $shuffle)", ({ intKeys, shuffle }) => {
    const rng = prand.xoroshiro128plus(intKeys ? 21 : 22);
    for (let trial = 0; trial < 6; trial += 1) {
      const rows = panel(rng, { nr: int(rng, 1, 7), ns: int(rng, 1, 8), ny: 3, intKeys, absent: 0.3, shuffle });
      expectSame(diversity(frame(rows, intKeys), { region: "region", sector: "sector", value: "value", by: ["year"] }), diversityReference(rows));
    }
  });

  it.each(CASES)("Dunn and Esteban-Marquillas shift-share (int keys: $intKeys, shuffled: $shuffle)", ({ intKeys, shuffle }) => {
    const rng = prand.xoroshiro128plus(intKeys ? 31 : 32);
    for (let trial = 0; trial < 6; trial += 1) {
      // complete panel (shift-share needs both years for every cell); EM also needs every start > 0
      const rows = panel(rng, { nr: int(rng, 2, 7), ns: int(rng, 1, 8), ny: 4, intKeys, absent: 0, shuffle }).map((r) => ({
        ...r,
        value: r.value === 0 ? 7 : r.value,
      }));
      const df = frame(rows, intKeys);
      const [from, to] = trial % 2 ? [2000, 2003] : [2001, 2002];
      const opts = { region: "region", sector: "sector", time: "year", value: "value", from, to };
      expectSame(shiftShare(df, opts), shiftShareReference(rows, from, to, undefined, false));
      expectSame(shiftShareEM(df, opts), shiftShareReference(rows, from, to, undefined, true));
      if (!intKeys) {
        expectSame(shiftShare(df, { ...opts, reference: "REF" }), shiftShareReference(rows, from, to, "REF", false));
        expectSame(shiftShareEM(df, { ...opts, reference: "REF" }), shiftShareReference(rows, from, to, "REF", true));
      }
    }
  });
});

describe("the checks read off the fused result give the full checks' errors", () => {
  // integer keys take the packed-key path; rows 0–3 are year 2000, regions 1 and 2, sectors 5 and 6
  const ints = (year: number[], region: number[], sector: number[], value: number[]): pl.DataFrame =>
    pl.DataFrame({
      year: pl.Series("year", year, pl.Int64),
      region: pl.Series("region", region, pl.Int32),
      sector: pl.Series("sector", sector, pl.Int32),
      value: pl.Series("value", value, pl.Int64),
    });
  const o = { region: "region", sector: "sector", value: "value", by: ["year"] };

  it("a duplicate key, in key order or not", () => {
    const inOrder = ints([2000, 2000, 2000, 2000, 2000], [1, 1, 2, 2, 2], [5, 6, 5, 6, 6], [1, 2, 3, 4, 5]);
    const shuffled = ints([2000, 2000, 2000, 2000, 2000], [2, 1, 2, 1, 2], [6, 5, 5, 6, 6], [1, 2, 3, 4, 5]);
    for (const df of [inOrder, shuffled]) {
      expect(() => locationQuotient(df, o)).toThrow(/locationQuotient: duplicate rows for year=2000, region=2, sector=6; aggregate first/);
      expect(() => diversity(df, o)).toThrow(/diversity: duplicate rows for year=2000, region=2, sector=6; aggregate first/);
    }
  });

  it("a region whose total is 0 (shares undefined)", () => {
    const df = ints([2000, 2000, 2000, 2000], [1, 1, 2, 2], [5, 6, 5, 6], [3, 1, 0, 0]);
    expect(() => locationQuotient(df, o)).toThrow(/the total of 'value' is 0 for year=2000, region=2; shares are undefined/);
    expect(() => diversity(df, o)).toThrow(/the total of 'value' is 0 for year=2000, region=2; shares are undefined/);
  });

  it("negative, NaN and infinite amounts", () => {
    const df = (v: number): pl.DataFrame => ints([2000, 2000], [1, 1], [5, 6], [1, 1]).withColumns(pl.Series("value", [1, v], pl.Float64));
    for (const v of [-1, NaN, Infinity, -Infinity]) {
      expect(() => locationQuotient(df(v), o)).toThrow(/column 'value' must be finite and ≥ 0; found .* at year=2000, region=1, sector=6/);
      expect(() => diversity(df(v), o)).toThrow(/column 'value' must be finite and ≥ 0; found .* at year=2000, region=1, sector=6/);
    }
  });
});

describe("the caller's column names reach the query intact", () => {
  it.each([false, true])("renamed and oddly named columns, with and without `by` (int keys: %s)", (intKeys) => {
    const rng = prand.xoroshiro128plus(intKeys ? 41 : 42);
    const rows = panel(rng, { nr: 4, ns: 5, ny: 2, intKeys, absent: 0.2, shuffle: true });
    // names a SQL select must quote: spaces, a double quote, a single quote, a keyword
    const names = { year: "år select", region: 'kom"mune', sector: "nær'ing", value: "ansatte (antall)" };
    const df = frame(rows, intKeys).rename(names);
    const lq = locationQuotient(df, { region: names.region, sector: names.sector, value: names.value, by: [names.year] });
    const want = lqReference(rows);
    expectSame(lq, {
      [names.year]: want["year"]!,
      [names.region]: want["region"]!,
      [names.sector]: want["sector"]!,
      share: want["share"]!,
      reference_share: want["reference_share"]!,
      lq: want["lq"]!,
    });
    const div = diversity(df, { region: names.region, sector: names.sector, value: names.value, by: [names.year] });
    const dw = diversityReference(rows);
    expectSame(div, {
      [names.year]: dw["year"]!,
      [names.region]: dw["region"]!,
      shannon: dw["shannon"]!,
      shannon_normalized: dw["shannon_normalized"]!,
      hhi: dw["hhi"]!,
      n_sectors: dw["n_sectors"]!,
    });
    // one year, no `by`: the same quotients as the 2000 rows of the panel
    const one = rows.filter((r) => r.year === 2000);
    const w1 = lqReference(one);
    const lq1 = locationQuotient(df.filter(pl.col(names.year).eq(2000)), { region: names.region, sector: names.sector, value: names.value });
    expectSame(lq1, {
      [names.region]: w1["region"]!,
      [names.sector]: w1["sector"]!,
      share: w1["share"]!,
      reference_share: w1["reference_share"]!,
      lq: w1["lq"]!,
    });
    const d1 = diversityReference(one);
    const div1 = diversity(df.filter(pl.col(names.year).eq(2000)), { region: names.region, sector: names.sector, value: names.value });
    expectSame(div1, {
      [names.region]: d1["region"]!,
      shannon: d1["shannon"]!,
      shannon_normalized: d1["shannon_normalized"]!,
      hhi: d1["hhi"]!,
      n_sectors: d1["n_sectors"]!,
    });
    const full = panel(rng, { nr: 4, ns: 5, ny: 2, intKeys, absent: 0, shuffle: true }).map((r) => ({ ...r, value: r.value || 3 }));
    const ssOpts = { region: names.region, sector: names.sector, time: names.year, value: names.value, from: 2000, to: 2001 };
    const ss = shiftShare(frame(full, intKeys).rename(names), ssOpts);
    const sw = shiftShareReference(full, 2000, 2001, undefined, false);
    expectSame(ss, { [names.region]: sw["region"]!, [names.sector]: sw["sector"]!, ...Object.fromEntries(Object.entries(sw).slice(2)) });
    expect(ss.columns.slice(0, 2)).toEqual([names.region, names.sector]);
    if (!intKeys) {
      const named = locationQuotient(df, { region: names.region, sector: names.sector, value: names.value, by: [names.year], reference: "REF" });
      expect(named.height).toBe(rows.length);
    }
  });
});
