/**
 * Property tests of the indicators on generated long frames, clean and
 * corrupted (NaN, ±Infinity, negative or null counts, duplicated keys, text
 * values, missing columns, all-zero regions): a corrupted frame gives an
 * IndicatorInputError, a clean one a result with no row lost and shares that
 * add up.
 */
import fc from "fast-check";
import * as pl from "nodejs-polars";
import { afterAll, describe, expect, it } from "vitest";
import { turn } from "../support/turn";
import { IndicatorInputError, diversity, locationQuotient, shares, sumBy } from "../../src/lib/index";

let tried = 0;
let unhandled = 0;

interface Panel {
  region: string[];
  sector: string[];
  value: (number | null)[];
}

/** A complete synthetic region × sector panel with positive totals; region "R0" is the reference. */
const panel: fc.Arbitrary<Panel> = fc.tuple(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 2, max: 6 })).chain(([nr, ns]) =>
  fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: nr * ns, maxLength: nr * ns }).map((vals) => {
    const region: string[] = [];
    const sector: string[] = [];
    for (let r = 0; r < nr; r += 1) for (let s = 0; s < ns; s += 1) (region.push(`R${r}`), sector.push(`S${s}`));
    return { region, sector, value: vals };
  }),
);

type Corruption = "none" | "nan" | "inf" | "negative" | "null" | "duplicate" | "text" | "missing" | "zero-region";
const corruption = fc.constantFrom<Corruption>("none", "nan", "inf", "negative", "null", "duplicate", "text", "missing", "zero-region");

function frameOf(p: Panel, c: Corruption, at: number): pl.DataFrame {
  const i = at % p.value.length;
  const value = [...p.value];
  const region = [...p.region];
  const sector = [...p.sector];
  if (c === "nan") value[i] = NaN;
  if (c === "inf") value[i] = at % 2 ? Infinity : -Infinity;
  if (c === "negative") value[i] = -1 - (at % 7);
  if (c === "null") value[i] = null;
  if (c === "duplicate") (region.push(region[i]!), sector.push(sector[i]!), value.push(value[i]!));
  if (c === "zero-region") p.region.forEach((r, k) => r === "R1" && (value[k] = 0));
  if (c === "text") return pl.DataFrame({ region, sector, value: value.map(String) });
  const df = pl.DataFrame({ region, sector, value: pl.Series("value", value, pl.Float64) });
  return c === "missing" ? df.drop("value") : df;
}

function check(name: string, run: (df: pl.DataFrame) => pl.DataFrame, rows: (df: pl.DataFrame) => number, valid: Corruption[] = ["none"]): void {
  it(`${name}: typed error on corrupted frames, complete results on clean ones`, async () => {
    await fc.assert(
      fc.asyncProperty(panel, corruption, fc.nat(), async (p, c, at) => {
        await turn();
        tried += 1;
        const df = frameOf(p, c, at);
        let out: pl.DataFrame;
        try {
          out = run(df);
        } catch (e) {
          if (!(e instanceof IndicatorInputError)) {
            unhandled += 1;
            throw e;
          }
          expect(valid).not.toContain(c);
          return;
        }
        expect(valid).toContain(c);
        expect(out.height).toBe(rows(df));
      }),
      { numRuns: 150, seed: 2009 },
    );
  });
}

const opts = { region: "region", sector: "sector", value: "value" };
const regions = (df: pl.DataFrame): number => new Set(df.getColumn("region").toArray()).size;

describe("indicators on generated frames", () => {
  check(
    "shares",
    (df) => shares(df, { group: "region", part: "sector", value: "value" }),
    (df) => df.height,
  );
  check(
    "locationQuotient",
    (df) => locationQuotient(df, { ...opts, reference: "R0" }),
    (df) => df.height,
  );
  check("diversity", (df) => diversity(df, opts), regions);
  // sums of changes may be negative or zero: only invalid numbers, duplicates and missing columns are errors
  check("sumBy", (df) => sumBy(df, { by: ["region"], value: "value", keys: ["region", "sector"] }), regions, ["none", "negative", "zero-region"]);

  it("shares add up to 100 in every region of a clean panel", async () => {
    await fc.assert(
      fc.asyncProperty(panel, async (p) => {
        await turn();
        tried += 1;
        const out = shares(frameOf(p, "none", 0), { group: "region", part: "sector", value: "value" });
        const totals = sumBy(out.select("region", "sector", "share"), { by: ["region"], value: "share", keys: ["region", "sector"] });
        for (const t of totals.getColumn("share").toArray() as number[]) expect(t).toBeCloseTo(100, 9);
      }),
      { numRuns: 50, seed: 7 },
    );
  });
});

afterAll(() => {
  process.stdout.write(`\nproperty tests (indicators): ${tried} generated inputs tried, ${unhandled} unhandled errors\n`);
});
