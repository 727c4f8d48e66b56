/**
 * growthRate and growthIndex: the small-frame path (plain TypeScript) and the polars path give the
 * same frame — names, dtypes, every value — or the same typed error, on generated frames: text
 * regions in and out of ASCII (sorted by code point, as polars does), integer and float keys,
 * integer and float values with nulls, NaN, ±Infinity, 0, −0 and negatives, regions lacking a
 * year, duplicated rows, null keys, text columns, and column names that clash with the output's.
 */
import fc from "fast-check";
import * as pl from "nodejs-polars";
import { afterAll, describe, expect, it } from "vitest";
import { growthIndex, growthRate } from "../../src/lib/index";
import { growthIndexSmall, growthRateSmall } from "../../src/lib/indicators/growthSmall";
import { bothPaths, castFrame, outcome } from "../support/bothPaths";

// code points on both sides of the surrogates: JavaScript's sort puts "😀" (U+1F600) before "！" (U+FF01), polars after
const TEXT = ["a", "B", "Ø", "Å", "æ", "\uFF01", "\u{1F600}", "", "Sør-Fron", "a\u0000"];
const INT = [3, -1, 0, 1000, 7, 2 ** 40, 12, 5, -200, 9];
const FLOAT = [0.5, -2.25, 1e-9, 3, 1e15, 7.5, 11, 13, 17, 19];
const TYPES: Record<string, pl.DataType> = {
  String: pl.Utf8,
  Int64: pl.Int64,
  Int32: pl.Int32,
  UInt8: pl.UInt8,
  Float64: pl.Float64,
  Float32: pl.Float32,
};

const value = fc.oneof(fc.integer({ min: 1, max: 50_000 }), fc.double({ min: 0.001, max: 1e6, noNaN: true }));
const BAD = [0, -0, -3, null, Number.NaN, Number.POSITIVE_INFINITY, 1e308, 2 ** 53 + 2];
const often = <T>(usual: T, ...rare: T[]): fc.Arbitrary<T> =>
  fc.oneof({ weight: 12 * rare.length, arbitrary: fc.constant(usual) }, { weight: rare.length, arbitrary: fc.constantFrom(...rare) });

interface Case {
  df: pl.DataFrame;
  names: { region: string; time: string; value: string };
  /** The panel's years, sorted, then two that are not in it. */
  years: number[];
}

/** A region × year panel (some rows dropped, one perhaps repeated or nulled), with chosen dtypes and names. */
const panel: fc.Arbitrary<Case> = fc
  .record({
    regions: fc.uniqueArray(fc.nat({ max: 9 }), { minLength: 1, maxLength: 6 }),
    years: fc.uniqueArray(fc.constantFrom(2000, 2001, 2002, 2003, 2003.5), { minLength: 2, maxLength: 5 }),
    values: fc.array(value, { minLength: 30, maxLength: 30 }),
    at: fc.nat({ max: 29 }),
    bad: fc.constantFrom(...BAD),
    damage: often("none", "bad value", "drop row", "duplicate", "null region", "null year"),
    regionType: often("String", "Int64", "Int32", "Float64"),
    timeType: often("Int64", "Int32", "Float64", "String"),
    valueType: often("Float64", "Int64", "Int32", "Float32", "String"),
    regionName: often("region", "kommune", "value_from", "change", "index", "time", "2001"),
    timeName: often("year", "time", "region", "år"),
    valueName: often("value", "n", "value_to", "index"),
  })
  .filter((c) => new Set([c.regionName, c.timeName, c.valueName]).size === 3)
  .map((c) => {
    // 2003.5 stays apart from 2003 only in a float time column
    const inPanel = c.timeType !== "Float64" && c.years.includes(2003.5) ? c.years.filter((y) => y !== 2003) : c.years;
    const rows: [number | null, number | null, number | null][] = [];
    let k = 0;
    for (const r of c.regions) for (const y of inPanel) rows.push([r, y, c.values[k++ % 30] ?? null]);
    const kept = rows.filter((_, i) => c.damage !== "drop row" || i !== c.at % rows.length);
    if (c.damage === "bad value") kept[c.at % kept.length]![2] = c.bad;
    const first = kept[0];
    if (first && c.damage === "duplicate") kept.push([...first]);
    if (first && c.damage === "null region") first[0] = null;
    if (first && c.damage === "null year") first[1] = null;
    const label = (r: number | null): string | number | null =>
      r === null ? null : c.regionType === "String" ? TEXT[r]! : c.regionType === "Float64" ? FLOAT[r]! : INT[r]!;
    const df = castFrame({
      [c.regionName]: { values: kept.map((x) => label(x[0])), dtype: TYPES[c.regionType]! },
      [c.timeName]: { values: kept.map((x) => x[1]), dtype: TYPES[c.timeType]! },
      [c.valueName]: { values: kept.map((x) => x[2]), dtype: TYPES[c.valueType]! },
    });
    const years = [...inPanel].sort((a, b) => a - b);
    return { df, names: { region: c.regionName, time: c.timeName, value: c.valueName }, years: [...years, 1999, 2004] };
  });

/** Mostly a year of the panel (the first ones), sometimes one that is not in it. */
const pick = fc.oneof({ weight: 9, arbitrary: fc.nat({ max: 2 }) }, { weight: 1, arbitrary: fc.constantFrom(-1, -2) });
const yearAt = (years: number[], i: number): number => (i < 0 ? years[years.length + i]! : years[Math.min(i, years.length - 3)]!);
const tally = { runs: 0, small: 0, refused: 0 };

describe("growth on small frames: plain TypeScript and polars agree", () => {
  it("growthRate: the same frame or the same typed error", () => {
    fc.assert(
      fc.property(panel, pick, pick, often(false, true), ({ df, names, years }, i, j, swap) => {
        const [a, b] = [yearAt(years, i), yearAt(years, i + j + 1 < 0 ? j : i + j + 1)];
        const [from, to] = swap && a !== undefined ? [b!, a] : [a!, b!];
        const opts = { ...names, from, to };
        const [small, polars] = bothPaths(() => growthRate(df, opts));
        expect(small).toEqual(polars);
        // the plain path itself, where it answers, gives the polars frame
        const direct = to > from ? growthRateSmall(df, opts) : undefined;
        if (direct) expect(outcome(() => direct)).toEqual(polars);
        tally.runs += 1;
        if (direct) tally.small += 1;
        if ("error" in polars) tally.refused += 1;
      }),
      { numRuns: 80, seed: 2009 },
    );
  });

  it("growthIndex: the same frame or the same typed error", () => {
    fc.assert(
      fc.property(panel, pick, ({ df, names, years }, i) => {
        const opts = { ...names, base: yearAt(years, i) };
        const [small, polars] = bothPaths(() => growthIndex(df, opts));
        expect(small).toEqual(polars);
        const direct = growthIndexSmall(df, opts);
        if (direct) expect(outcome(() => direct)).toEqual(polars);
        tally.runs += 1;
        if (direct) tally.small += 1;
        if ("error" in polars) tally.refused += 1;
      }),
      { numRuns: 80, seed: 2010 },
    );
  });

  it("a text region column comes out in code-point order, as polars sorts (by hand)", () => {
    const regions = ["\u{1F600}", "\uFF01", "b", "Ø"];
    const two = pl.DataFrame({ region: [...regions, ...regions], year: [1, 1, 1, 1, 2, 2, 2, 2], value: [1, 2, 3, 4, 5, 6, 7, 8] });
    const out = growthRateSmall(two, { region: "region", time: "year", value: "value", from: 1, to: 2 });
    // U+0062 'b' < U+00D8 'Ø' < U+FF01 '！' < U+1F600 '😀'
    expect(out?.getColumn("region").toArray()).toEqual(["b", "Ø", "\uFF01", "\u{1F600}"]);
  });

  afterAll(() => {
    // both outcomes must occur often, or the comparison above proves little
    expect(tally.small).toBeGreaterThan(tally.runs * 0.2);
    expect(tally.refused).toBeGreaterThan(tally.runs * 0.2);
    console.log(`growth agreement: ${tally.runs} runs, ${tally.small} on the plain path, ${tally.refused} refused`);
  });
});
