/**
 * locationQuotient: the small-frame path (plain TypeScript, locationQuotientSmall.ts) and the polars path give
 * the same frame — names, dtypes, every value bit for bit — or the same typed error, on generated frames: text
 * keys in and out of ASCII (code-point order, as polars sorts), integer keys, a `by` year, a named reference or
 * none, integer and float amounts, zeros, absent sectors, regions the reference lacks, duplicated rows, null keys.
 */
import fc from "fast-check";
import * as pl from "nodejs-polars";
import { afterAll, describe, expect, it } from "vitest";
import { locationQuotient } from "../../src/lib/index";
import { locationQuotientSmall } from "../../src/lib/indicators/locationQuotientSmall";
import { bothPaths, castFrame, outcome } from "../support/bothPaths";

const TEXT = ["NO", "a", "B", "Ø", "Å", "\uFF01", "\u{1F600}", "Sør-Fron"];
const INT = [0, 3, -1, 1000, 7, 12];
const often = <T>(usual: T, ...rare: T[]): fc.Arbitrary<T> =>
  fc.oneof({ weight: 8 * rare.length, arbitrary: fc.constant(usual) }, { weight: rare.length, arbitrary: fc.constantFrom(...rare) });

interface Case {
  df: pl.DataFrame;
  opts: { region: string; sector: string; value: string; by?: string[]; reference?: string };
}

const frame: fc.Arbitrary<Case> = fc
  .record({
    regions: fc.uniqueArray(fc.nat({ max: 5 }), { minLength: 1, maxLength: 5 }),
    sectors: fc.uniqueArray(fc.nat({ max: 5 }), { minLength: 1, maxLength: 5 }),
    years: fc.constantFrom<number[]>([2001], [2001, 2007]),
    values: fc.array(fc.oneof({ weight: 12, arbitrary: fc.integer({ min: 1, max: 5000 }) }, { weight: 1, arbitrary: fc.constant(0) }), { minLength: 60, maxLength: 60 }),
    drop: fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
    damage: often("none", "duplicate", "null region", "float value", "fraction", "negative"),
    keyType: often("String", "Int64", "Int32"),
    withBy: fc.boolean(),
    reference: often("named", "none", "absent"),
  })
  .map((c) => {
    const rows: [number | null, number, number, number][] = [];
    let k = 0;
    for (const y of c.years) for (const r of c.regions) for (const s of c.sectors) if (!c.drop[k % 60] || r === c.regions[0]) rows.push([r, s, y, c.values[k++ % 60]!]);
    if (c.damage === "duplicate" && rows[0]) rows.push([...rows[0]]);
    if (c.damage === "null region" && rows[0]) rows[0][0] = null;
    if (c.damage === "float value" && rows[0]) rows[0][3] = 2.5;
    if (c.damage === "fraction" && rows[0]) rows[0][3] = 1e-3;
    if (c.damage === "negative" && rows[0]) rows[0][3] = -1;
    const text = c.keyType === "String";
    const label = (i: number | null): string | number | null => (i === null ? null : text ? TEXT[i]! : INT[i]!);
    const dtype = text ? pl.Utf8 : c.keyType === "Int32" ? pl.Int32 : pl.Int64;
    const df = castFrame({
      kommune: { values: rows.map((x) => label(x[0])), dtype },
      næring: { values: rows.map((x) => label(x[1])), dtype },
      year: { values: rows.map((x) => x[2]), dtype: pl.Int32 },
      n: { values: rows.map((x) => x[3]), dtype: c.damage === "float value" || c.damage === "fraction" ? pl.Float64 : pl.Int64 },
    });
    const reference = !text || c.reference === "none" ? undefined : c.reference === "absent" ? "Zzz" : String(label(c.regions[0]!));
    return { df, opts: { region: "kommune", sector: "næring", value: "n", ...(c.withBy ? { by: ["year"] } : {}), ...(reference ? { reference } : {}) } };
  });

const tally = { runs: 0, small: 0, refused: 0 };

describe("locationQuotient on small frames: plain TypeScript and polars agree", () => {
  it("the same frame or the same typed error", () => {
    fc.assert(
      fc.property(frame, ({ df, opts }) => {
        // one year without `by`: otherwise (region, sector) repeats across years
        const input = opts.by ? df : df.filter(pl.col("year").eq(2001));
        const [small, polars] = bothPaths(() => locationQuotient(input, opts));
        expect(small).toEqual(polars);
        const direct = locationQuotientSmall(input, { ...opts, by: opts.by ?? [] });
        if (direct) expect(outcome(() => direct)).toEqual(polars);
        tally.runs += 1;
        if (direct) tally.small += 1;
        if ("error" in polars) tally.refused += 1;
      }),
      { numRuns: 150, seed: 2009 },
    );
  });

  it("the hand example (NO = 600 x + 400 y; A = 30 x + 10 y; B = 7 x) on the plain path", () => {
    const df = pl.DataFrame({ region: ["NO", "NO", "A", "A", "B"], sector: ["x", "y", "x", "y", "x"], value: [600, 400, 30, 10, 7] });
    const out = locationQuotientSmall(df, { region: "region", sector: "sector", value: "value", reference: "NO", by: [] })!;
    expect(out.getColumn("region").toArray()).toEqual(["A", "A", "B", "NO", "NO"]);
    const lq = out.getColumn("lq").toArray() as number[];
    [1.25, 0.625, 100 / 60, 1, 1].forEach((x, k) => expect(lq[k]).toBeCloseTo(x, 12));
  });

  afterAll(() => {
    expect(tally.small).toBeGreaterThan(tally.runs * 0.2);
    expect(tally.refused).toBeGreaterThan(tally.runs * 0.1);
    console.log(`location quotient agreement: ${tally.runs} runs, ${tally.small} on the plain path, ${tally.refused} refused`);
  });
});
