/**
 * Property tests of weightedRate and sumBy on generated frames with one
 * fault each: a text, NaN, infinite or out-of-range rate; a null, NaN,
 * infinite or negative weight; no rows; values or sums beyond
 * Number.MAX_SAFE_INTEGER. A fault gives an IndicatorInputError; a clean
 * frame gives a rate inside the range of its group's published rates.
 */
import fc from "fast-check";
import * as pl from "nodejs-polars";
import { afterAll, describe, expect, it } from "vitest";
import { turn } from "../support/turn";
import { IndicatorInputError, sumBy, weightedRate } from "../../src/lib/index";

let tried = 0;
let refused = 0;

function refuses(f: () => unknown): void {
  tried += 1;
  try {
    f();
  } catch (e) {
    if (e instanceof IndicatorInputError) {
      refused += 1;
      return;
    }
    throw e;
  }
  throw new Error("expected an IndicatorInputError, got a result");
}

interface Units {
  g: string[];
  w: number[];
  r: (number | null)[];
}

/** 2–12 units in groups A/B, each group with a published rate of positive weight. */
const units: fc.Arbitrary<Units> = fc
  .array(
    fc.tuple(fc.constantFrom("A", "B"), fc.integer({ min: 1, max: 10_000 }), fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { freq: 4 })),
    {
      minLength: 2,
      maxLength: 12,
    },
  )
  .map((rows) => [["A", 5, 10] as const, ["B", 7, 20] as const, ...rows])
  .map((rows) => ({ g: rows.map((r) => r[0]), w: rows.map((r) => r[1]), r: rows.map((r) => r[2]) }));

type RateFault = "text" | "nan" | "inf" | "above" | "below";
type WeightFault = "null" | "nan" | "inf" | "negative";

function frame(u: Units, rate: pl.Series | null = null, weight: pl.Series | null = null): pl.DataFrame {
  return pl.DataFrame([pl.Series("g", u.g), weight ?? pl.Series("w", u.w, pl.Float64), rate ?? pl.Series("r", u.r, pl.Float64)]);
}

describe("weightedRate on generated faults", () => {
  it("a bad rate is refused", async () => {
    await fc.assert(
      fc.asyncProperty(units, fc.constantFrom<RateFault>("text", "nan", "inf", "above", "below"), fc.nat(), async (u, fault, at) => {
        await turn();
        const i = at % u.r.length;
        let rate: pl.Series;
        if (fault === "text")
          rate = pl.Series(
            "r",
            u.r.map((v, k) => (k === i ? "abc" : v === null ? null : String(v))),
          );
        else {
          const r = [...u.r];
          r[i] = { nan: NaN, inf: at % 2 ? Infinity : -Infinity, above: 100.5 + at, below: -0.01 - at }[fault];
          rate = pl.Series("r", r, pl.Float64);
        }
        refuses(() => weightedRate(frame(u, rate), { rate: "r", weight: "w", by: ["g"] }));
      }),
      { numRuns: 50, seed: 31 },
    );
  });

  it("a bad weight is refused", async () => {
    await fc.assert(
      fc.asyncProperty(units, fc.constantFrom<WeightFault>("null", "nan", "inf", "negative"), fc.nat(), async (u, fault, at) => {
        await turn();
        const w: (number | null)[] = [...u.w];
        w[at % w.length] = { null: null, nan: NaN, inf: Infinity, negative: -1 - at }[fault];
        refuses(() => weightedRate(frame(u, null, pl.Series("w", w, pl.Float64)), { rate: "r", weight: "w", by: ["g"] }));
      }),
      { numRuns: 40, seed: 32 },
    );
  });

  it("leaving out every unit is refused by name", async () => {
    await fc.assert(
      fc.asyncProperty(units, async (u) => {
        await turn();
        refuses(() => weightedRate(frame(u).filter(pl.col("g").eq(pl.lit("none"))), { rate: "r", weight: "w", by: ["g"] }));
      }),
      { numRuns: 20, seed: 33 },
    );
  });

  it("clean frames: each group's rate lies between its smallest and largest published rate", async () => {
    await fc.assert(
      fc.asyncProperty(units, async (u) => {
        await turn();
        tried += 1;
        const out = weightedRate(frame(u), { rate: "r", weight: "w", by: ["g"] }).toRecords();
        for (const row of out) {
          const rs = u.r.filter((v, k): v is number => v !== null && u.g[k] === row["g"]);
          expect(row["rate"] as number).toBeGreaterThanOrEqual(Math.min(...rs) - 1e-9);
          expect(row["rate"] as number).toBeLessThanOrEqual(Math.max(...rs) + 1e-9);
        }
      }),
      { numRuns: 25, seed: 34 },
    );
  });
});

describe("sumBy on generated overflow", () => {
  it("values or sums beyond ±Number.MAX_SAFE_INTEGER are refused", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 8 }),
        fc.double({ min: 2 ** 52, max: 1e300, noNaN: true }),
        fc.boolean(),
        fc.boolean(),
        async (n, big, negative, single) => {
          await turn();
          const value = Array.from({ length: n }, (_, k) => (k === 0 || !single ? (negative ? -big : big) : 1));
          // single: one value ≥ 2^52 plus ones — refused only when it (or the sum) passes 2^53 − 1
          fc.pre(!single || Math.abs(value[0]!) + n - 1 > Number.MAX_SAFE_INTEGER);
          const df = pl.DataFrame({ k: value.map((_, i) => `u${i}`), g: value.map(() => "x"), v: value });
          refuses(() => sumBy(df, { by: ["g"], value: "v", keys: ["k"] }));
        },
      ),
      { numRuns: 40, seed: 35 },
    );
  });
});

afterAll(() => {
  process.stdout.write(`\nproperty tests (weightedRate, sumBy): ${tried} generated inputs tried, ${refused} refused with IndicatorInputError\n`);
});
