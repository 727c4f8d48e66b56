/**
 * Text keys coded as sorted dictionary codes (src/lib/indicators/keyCodes.ts), and the location quotient's coded
 * path on frames above CODE_ROWS: the same numbers, order and refusals as a plain-loop reference and as the
 * uncoded path. SYNTHETIC frames, generated here.
 */
import { describe, expect, it } from "vitest";
import * as pl from "nodejs-polars";
import { locationQuotient } from "../../src/lib/index";
import { CODE_ROWS, codeTextKeys } from "../../src/lib/indicators/keyCodes";

/** Bytewise UTF-8 order (polars' order of text), not JavaScript's UTF-16 order. */
const bytewise = (a: string, b: string): number => Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));

// names whose JavaScript (UTF-16) order differs from polars' bytewise UTF-8 order (U+FF21 is FF21 in UTF-16 but
// EF BC A1 in UTF-8, U+1F600 is D83D … and F0 9F 98 80: bytewise "\uFF21" comes first), with Norwegian letters and case
const REGIONS = ["Ålesund", "Øyer", "Ærøy", "Zeta", "alpha", "Beta", "\uFF21 wide", "😀 smile", "Hamar", "Gjøvik", "Lom", "Sel"];
const SECTORS = Array.from({ length: 600 }, (_, i) => `S${String((i * 37) % 600).padStart(3, "0")}`);
const YEARS = [2001, 2002, 2003, 2004, 2005, 2006, 2007, 2008];

/** A shuffled SYNTHETIC panel: every (year, region, sector) once, a seeded value ≥ 1. */
function panel(): { year: number[]; region: string[]; sector: string[]; value: number[] } {
  const rows: [number, string, string, number][] = [];
  let seed = 7;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (const y of YEARS) for (const r of REGIONS) for (const s of SECTORS) rows.push([y, r, s, 1 + (next() % 500)]);
  for (let i = rows.length - 1; i > 0; i -= 1) {
    const j = next() % (i + 1);
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  return { year: rows.map((r) => r[0]), region: rows.map((r) => r[1]), sector: rows.map((r) => r[2]), value: rows.map((r) => r[3]) };
}

describe("codeTextKeys", () => {
  it("numbers each text column's distinct values in polars' (bytewise) order, leaves other keys alone", () => {
    const df = pl.DataFrame({ year: [2001, 2001, 2002], region: ["😀 smile", "\uFF21 wide", "Ålesund"], value: [1, 2, 3] });
    const c = codeTextKeys(df, ["year", "region"], 0)!;
    expect(c.names).toEqual(["year", "__code_1"]);
    const codes = c.df.getColumn("__code_1").toArray().map(Number);
    const sorted = [...df.getColumn("region").toArray()].map(String).sort(bytewise);
    expect(codes).toEqual(df.getColumn("region").toArray().map((r) => sorted.indexOf(String(r))));
    expect(c.df.getColumn("region").toArray()).toEqual(df.getColumn("region").toArray()); // rows and text kept
  });

  it("leaves frames below the row limit, and frames without text keys, as they are", () => {
    const df = pl.DataFrame({ region: ["a", "b"], value: [1, 2] });
    expect(codeTextKeys(df, ["region"])).toBeUndefined();
    expect(codeTextKeys(pl.DataFrame({ region: [1, 2], value: [1, 2] }), ["region"], 0)).toBeUndefined();
  });
});

describe("locationQuotient on a coded frame (above CODE_ROWS rows, text keys, shuffled)", () => {
  const p = panel();
  // an integer year, as SSB's tables have it: the packed key needs integer or coded keys
  const df = pl.DataFrame([pl.Series("year", p.year, pl.Int32), pl.Series("region", p.region), pl.Series("sector", p.sector), pl.Series("value", p.value)]);
  it("is large enough to take the coded path", () => {
    expect(df.height).toBeGreaterThanOrEqual(CODE_ROWS);
  });

  it("matches a plain-loop reference, row for row, in bytewise key order", () => {
    const out = locationQuotient(df, { region: "region", sector: "sector", value: "value", by: ["year"] });
    // reference: totals by (year, region), (year, sector), year
    const sum = new Map<string, number>();
    const add = (k: string, v: number): void => void sum.set(k, (sum.get(k) ?? 0) + v);
    p.value.forEach((v, i) => {
      add(`r|${p.year[i]}|${p.region[i]}`, v);
      add(`s|${p.year[i]}|${p.sector[i]}`, v);
      add(`y|${p.year[i]}`, v);
    });
    const idx = p.value.map((_, i) => i);
    idx.sort((a, b) => p.year[a]! - p.year[b]! || bytewise(p.region[a]!, p.region[b]!) || bytewise(p.sector[a]!, p.sector[b]!));
    expect(out.getColumn("year").toArray()).toEqual(idx.map((i) => p.year[i]));
    expect(out.getColumn("region").toArray()).toEqual(idx.map((i) => p.region[i]));
    expect(out.getColumn("sector").toArray()).toEqual(idx.map((i) => p.sector[i]));
    const lq = out.getColumn("lq").toArray() as number[];
    idx.forEach((i, row) => {
      const share = p.value[i]! / sum.get(`r|${p.year[i]}|${p.region[i]}`)!;
      const ref = sum.get(`s|${p.year[i]}|${p.sector[i]}`)! / sum.get(`y|${p.year[i]}`)!;
      expect(Math.abs(lq[row]! - share / ref)).toBeLessThanOrEqual(1e-12 * (share / ref));
    });
  });

  it("gives the uncoded path's result (one year, below the limit, against the coded run's rows of that year; a named reference)", () => {
    const o = { region: "region", sector: "sector", value: "value", reference: "Hamar" };
    const oneYear = df.filter(pl.col("year").eq(2001));
    expect(oneYear.height).toBeLessThan(CODE_ROWS); // uncoded
    const big = locationQuotient(oneYear, o);
    const coded = locationQuotient(df, { ...o, by: ["year"] }).filter(pl.col("year").eq(2001)).drop("year");
    expect(coded.select("region", "sector").toRecords()).toEqual(big.select("region", "sector").toRecords());
    for (const c of ["share", "reference_share", "lq"]) {
      const [a, b] = [coded.getColumn(c).toArray() as number[], big.getColumn(c).toArray() as number[]];
      a.forEach((x, i) => expect(Math.abs(x - b[i]!)).toBeLessThanOrEqual(1e-12 * Math.abs(b[i]!)));
    }
  });

  it("refuses a duplicate key and a null key with the same message as a small frame", () => {
    const o = { region: "region", sector: "sector", value: "value", by: ["year"] };
    const dup = pl.concat([df, df.head(1)]);
    const smallDup = pl.concat([df.head(10), df.head(1)]);
    const msg = (f: () => unknown): string => {
      try {
        f();
        return "no error";
      } catch (e) {
        return (e as Error).message.replace(/year=\d+, region=[^,]+, sector=\S+/, "KEY");
      }
    };
    expect(msg(() => locationQuotient(dup, o))).toMatch(/duplicate rows for KEY/);
    expect(msg(() => locationQuotient(dup, o))).toBe(msg(() => locationQuotient(smallDup, o)));
    const withNull = df.withColumns(pl.when(pl.col("value").eq(pl.col("value").max())).then(pl.lit(null)).otherwise(pl.col("region")).alias("region"));
    expect(() => locationQuotient(withNull, o)).toThrow(/column 'region' has null keys/);
  });

  it("is not misled by a column of the caller's that has a code column's name", () => {
    const o = { region: "region", sector: "sector", value: "value", by: ["year"] };
    const clash = df.withColumns(pl.lit(0).cast(pl.Int32).alias("__code_1"), pl.lit(0).cast(pl.Int32).alias("__code_2"));
    const [a, b] = [locationQuotient(clash, o), locationQuotient(df, o)];
    expect(a.columns).toEqual(b.columns);
    // one comparison of the whole frame (a failing toEqual on 57 600 records would print for minutes)
    expect(JSON.stringify(a.rows()) === JSON.stringify(b.rows())).toBe(true);
  });
});
