/**
 * The long-frame checks, sumBy, toRegions and the finding lookups: the small-frame path (plain
 * TypeScript) and the polars path give the same frame, value or typed error on generated frames —
 * integer and fractional values (a fractional sum is left to polars), nulls, NaN, ±Infinity,
 * negatives, sums past Number.MAX_SAFE_INTEGER, duplicated and null keys, null targets, a
 * municipality missing from the mapping or repeated in it, lookups of the wrong type.
 */
import fc from "fast-check";
import * as pl from "nodejs-polars";
import { afterAll, describe, expect, it } from "vitest";
import { num, one, sumBy, toRegions } from "../../src/lib/index";
import { checkComposition, checkLongFrame } from "../../src/lib/indicators/validate";
import { longRows, singleCell } from "../../src/lib/indicators/smallFrame";
import { sumBySmall } from "../../src/lib/indicators/aggregateSmall";
import { toRegionsSmall } from "../../src/lib/regions/aggregateSmall";
import { bothPaths, castFrame, type Outcome } from "../support/bothPaths";

const often = <T>(usual: T, ...rare: T[]): fc.Arbitrary<T> =>
  fc.oneof({ weight: 12 * rare.length, arbitrary: fc.constant(usual) }, { weight: rare.length, arbitrary: fc.constantFrom(...rare) });
const TYPES: Record<string, pl.DataType> = { String: pl.Utf8, Int64: pl.Int64, Int32: pl.Int32, Float64: pl.Float64, Float32: pl.Float32 };
const REGIONS = ["Hamar", "Sør-Fron", "Åsnes", "\u{1F600}", "\uFF01", "a"];
const GROUPS = ["goods", "services", null];
const BAD = [null, Number.NaN, Number.NEGATIVE_INFINITY, -7, 0, 2 ** 52, 2 ** 53 + 2, 0.5];

interface Long {
  df: pl.DataFrame;
  /** The frame's row count before damage. */
  n: number;
}

/** region × sector × year long frames with a nullable `group` column, damaged now and then. */
const long: fc.Arbitrary<Long> = fc
  .record({
    regions: fc.integer({ min: 1, max: 4 }),
    sectors: fc.integer({ min: 1, max: 3 }),
    years: fc.integer({ min: 1, max: 2 }),
    fractional: often(false, true),
    values: fc.array(fc.integer({ min: 0, max: 90_000 }), { minLength: 24, maxLength: 24 }),
    damage: fc.constantFrom("none", "none", "none", "bad value", "duplicate", "null key", "zero region"),
    bad: fc.constantFrom(...BAD),
    at: fc.nat({ max: 23 }),
    valueType: often("Float64", "Int64", "Int32", "Float32", "String"),
    yearType: often("Int64", "Float64", "String"),
  })
  .map((c) => {
    const rows: [string | null, string, string | null, number, number | null][] = [];
    for (let r = 0; r < c.regions; r += 1)
      for (let s = 0; s < c.sectors; s += 1)
        for (let y = 0; y < c.years; y += 1) {
          const v = c.values[rows.length]!;
          rows.push([REGIONS[r]!, `S${s}`, GROUPS[(r + s) % 3]!, 2000 + y, c.fractional ? v / 7 : v]);
        }
    const n = rows.length;
    const i = c.at % n;
    if (c.damage === "bad value") rows[i]![4] = c.bad;
    if (c.damage === "duplicate") rows.push([...rows[i]!]);
    if (c.damage === "null key") rows[i]![0] = null;
    if (c.damage === "zero region") for (const row of rows) if (row[0] === REGIONS[0]) row[4] = 0;
    const df = castFrame({
      region: { values: rows.map((x) => x[0]), dtype: pl.Utf8 },
      sector: { values: rows.map((x) => x[1]), dtype: pl.Utf8 },
      group: { values: rows.map((x) => x[2]), dtype: pl.Utf8 },
      year: { values: rows.map((x) => x[3]), dtype: TYPES[c.yearType]! },
      value: { values: rows.map((x) => x[4]), dtype: TYPES[c.valueType]! },
    });
    return { df, n };
  });

const tallies: Record<string, { runs: number; small: number; refused: number }> = {};
function count(name: string, small: boolean, polars: Outcome): void {
  const t = (tallies[name] ??= { runs: 0, small: 0, refused: 0 });
  t.runs += 1;
  if (small) t.small += 1;
  if ("error" in polars) t.refused += 1;
}

describe("checks, sums and lookups on small frames: plain TypeScript and polars agree", () => {
  it("checkLongFrame and checkComposition", () => {
    fc.assert(
      fc.property(long, often(false, true), ({ df }, allowNegative) => {
        const keys = ["region", "sector", "year"];
        const [small, polars] = bothPaths(() => checkLongFrame("f", df, keys, "value", { allowNegative }));
        expect(small).toEqual(polars);
        count("checkLongFrame", longRows(df, keys, "value", { allowNegative }) !== undefined, polars);
        const [s2, p2] = bothPaths(() => checkComposition("g", df, ["year", "region"], "sector", "value"));
        expect(s2).toEqual(p2);
      }),
      { numRuns: 40, seed: 14 },
    );
  });

  it("sumBy", () => {
    fc.assert(
      fc.property(
        long,
        fc.constantFrom<string[]>(["group"], ["region", "group"], ["year", "group"], ["year"]),
        often(true, false),
        ({ df }, by, withKeys) => {
          const opts = { by, value: "value", ...(withKeys ? { keys: ["region", "sector", "year"] } : {}) };
          const [small, polars] = bothPaths(() => sumBy(df, opts));
          expect(small).toEqual(polars);
          const keys = opts.keys ?? df.columns.filter((c) => c !== "value");
          count("sumBy", sumBySmall(df, by, keys, "value") !== undefined, polars);
        },
      ),
      { numRuns: 40, seed: 2009 },
    );
  });

  it("toRegions", () => {
    const codes = ["0402", "0403", "0412", "0501", "0502"];
    /** The mapping, or one that repeats a municipality or lacks one (a refusal). */
    const mapping = (damage: string): pl.DataFrame => {
      const rows: [string, string, string, number | null][] = [
        ["0402", "Kongsvinger", "small_town", 2],
        ["0403", "Hamar", "city", null],
        ["0412", "Hamar", "city", 3],
        ["0501", "Lillehammer", "city", 2],
        ["0502", "\u{1F600}", "small_town", 1],
      ];
      if (damage === "repeated code") rows.push(["0403", "Hamar", "city", 3]);
      if (damage === "missing code") rows.shift();
      if (damage === "two types") rows[2]![2] = "small_town"; // Hamar's municipalities of two types: no type follows from the region
      return castFrame({
        municipality_code_2008: { values: rows.map((r) => r[0]), dtype: pl.Utf8 },
        region: { values: rows.map((r) => r[1]), dtype: pl.Utf8 },
        region_type: { values: rows.map((r) => r[2]), dtype: pl.Utf8 },
        krd_type: { values: rows.map((r) => r[3]), dtype: pl.Int32 },
      });
    };
    fc.assert(
      fc.property(
        long,
        often("none", "repeated code", "missing code", "two types"),
        fc.constantFrom("region", "region_type", "krd_type"),
        ({ df }, damage, to) => {
          // the long frame's regions become municipality codes
          const byCode = df
            .withColumns(
              pl
                .col("region")
                .replace(REGIONS, [...codes, "0402"])
                .alias("municipality_code_2008"),
            )
            .filter(pl.col("sector").eq(pl.lit("S0")));
          const map = mapping(damage);
          const [small, polars] = bothPaths(() => toRegions(byCode, map, { to }));
          expect(small).toEqual(polars);
          const extra = to === "region" ? ["region_type"] : [];
          const plain = toRegionsSmall(byCode, map, { muni: "municipality_code_2008", to, value: "value", keep: ["year"], extra });
          count("toRegions", plain !== undefined, polars);
        },
      ),
      { numRuns: 40, seed: 1998 },
    );
  });

  it("toRegions: a region whose municipalities have two types keeps a row per type, on both paths (by hand)", () => {
    const map = pl.DataFrame({
      municipality_code_2008: ["0403", "0412", "0501"],
      region: ["Hamar", "Hamar", "Lillehammer"],
      region_type: ["city", "small_town", "city"],
    });
    const df = pl.DataFrame({ municipality_code_2008: ["0403", "0412", "0501"], year: [2001, 2001, 2001], value: [10, 5, 7] });
    const [small, polars] = bothPaths(() => toRegions(df, map));
    expect(small).toEqual(polars);
    expect({ ...polars, dtypes: undefined }).toEqual({
      columns: ["region", "region_type", "year", "value"],
      dtypes: undefined,
      rows: [
        ["Hamar", "city", 2001, 10],
        ["Hamar", "small_town", 2001, 5],
        ["Lillehammer", "city", 2001, 7],
      ],
    });
  });

  it("toRegions: a mapping row without a municipality code is no member of its region, on both paths", () => {
    const map = pl.DataFrame({ municipality_code_2008: ["0101", "0102", null], region: ["A", "A", "A"], region_type: ["city", "city", "city"] });
    const df = pl.DataFrame({ municipality_code_2008: ["0101", "0102"], year: [2001, 2001], value: [1, 2] });
    const [small, polars] = bothPaths(() => toRegions(df, map));
    expect(small).toEqual(polars);
    expect("rows" in polars && polars.rows).toEqual([["A", "city", 2001, 3]]);
  });

  it("one and num", () => {
    const df = castFrame({
      region: { values: ["Hamar", "Hamar", "Åsnes", "\u{1F600}", null, "Gjøvik"], dtype: pl.Utf8 },
      year: { values: [2001, 2007, 2001, 2001, 2001, 2007], dtype: pl.Int64 },
      share: { values: [0.25, -0, Number.NaN, null, 1, 3.5], dtype: pl.Float64 },
      small: { values: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6], dtype: pl.Float32 },
      count: { values: [5, 6, 7, 8, 9, 10], dtype: pl.Int32 },
    });
    const key = fc.oneof(
      fc.record({ region: fc.constantFrom("Hamar", "Åsnes", "\u{1F600}", "Gjøvik", "Oslo") }),
      fc.record({ region: fc.constantFrom("Hamar", "Åsnes", "Gjøvik"), year: fc.constantFrom(2001, 2007, 2001.5, 1e300) }),
      fc.record({ share: fc.constantFrom(0.25, 0, 1, Number.NaN) }),
      fc.record({ year: fc.constantFrom(2001, 2007), region: fc.constantFrom("Hamar", 7) as fc.Arbitrary<string | number> }),
      fc.record({ small: fc.constantFrom(0.1, 0.5), count: fc.constantFrom(5, 9) }),
      fc.record({ missing: fc.constant(1) }),
      fc.constant({}),
    ) as fc.Arbitrary<Record<string, string | number>>;
    fc.assert(
      fc.property(key, fc.constantFrom("share", "count", "region", "year", "small", "nope"), (where, column) => {
        const [small, polars] = bothPaths(() => one(df, where, column));
        expect(small).toEqual(polars);
        const [s2, p2] = bothPaths(() => num(df, where, column));
        expect(s2).toEqual(p2);
        count("one", singleCell(df, where, column) !== undefined, polars);
      }),
      { numRuns: 60, seed: 2008 },
    );
  });

  afterAll(() => {
    // each comparison must see both the plain path answer and refusals, or it proves little
    for (const [name, t] of Object.entries(tallies)) {
      expect(t.small, `${name}: answered on the plain path`).toBeGreaterThan(t.runs * 0.2);
      expect(t.refused, `${name}: refused`).toBeGreaterThan(t.runs * 0.1);
    }
    console.log(
      Object.entries(tallies)
        .map(([n, t]) => `${n}: ${t.runs} runs, ${t.small} plain, ${t.refused} refused`)
        .join("; "),
    );
    expect(Object.keys(tallies).sort()).toEqual(["checkLongFrame", "one", "sumBy", "toRegions"]);
  });
});
