import { describe, expect, it } from "vitest";
import * as pl from "nodejs-polars";
import * as prand from "pure-rand";
import { IndicatorInputError, shiftShare, shiftShareEM, shiftShareTotals } from "../../src/lib/index";

const opts = { region: "region", sector: "sector", time: "year", value: "value", from: 1995, to: 2000, reference: "N" };

function panel(rows: [string, string, number, number][]): pl.DataFrame {
  return pl.DataFrame({
    region: rows.flatMap((r) => [r[0], r[0]]),
    sector: rows.flatMap((r) => [r[1], r[1]]),
    year: pl.Series(
      "year",
      rows.flatMap(() => [1995, 2000]),
      pl.Int64,
    ),
    value: pl.Series(
      "value",
      rows.flatMap((r) => [r[2], r[3]]),
      pl.Int64,
    ),
  });
}

/** The hand-computed panel shared by the Dunn and Esteban-Marquillas tests. */
const HAND = (): pl.DataFrame =>
  panel([
    ["N", "A", 100, 120],
    ["N", "B", 100, 90],
    ["R", "A", 10, 15],
    ["R", "B", 20, 20],
  ]);

describe("shiftShare (Dunn)", () => {
  const df = HAND();
  // Reference N: A 100→120 (g_A = 0.2), B 100→90 (g_B = −0.1); total 200→210, g = 0.05.
  // Region R: A 10→15: national 0.5, mix 10·(0.2−0.05) = 1.5, regional 10·(0.5−0.2) = 3, actual 5.
  //           B 20→20: national 1, mix 20·(−0.1−0.05) = −3, regional 20·(0−(−0.1)) = 2, actual 0.

  it("matches the hand computation", () => {
    const out = shiftShare(df, opts).toRecords();
    expect(out).toHaveLength(2);
    const [a, b] = out;
    expect(a).toMatchObject({ region: "R", sector: "A", value_from: 10, value_to: 15, actual: 5 });
    expect(a!["national"]).toBeCloseTo(0.5, 12);
    expect(a!["industry_mix"]).toBeCloseTo(1.5, 12);
    expect(a!["regional_share"]).toBeCloseTo(3, 12);
    expect(b!["national"]).toBeCloseTo(1, 12);
    expect(b!["industry_mix"]).toBeCloseTo(-3, 12);
    expect(b!["regional_share"]).toBeCloseTo(2, 12);
  });

  it("national + industry mix + regional share = actual on seeded synthetic panels", () => {
    const rng = prand.xoroshiro128plus(7);
    const int = (lo: number, hi: number): number => prand.unsafeUniformIntDistribution(lo, hi, rng);
    for (let trial = 0; trial < 20; trial += 1) {
      const rows: [string, string, number, number][] = [];
      for (const r of ["N", "r1", "r2", "r3"])
        for (const s of ["s1", "s2", "s3", "s4", "s5"]) rows.push([r, s, int(r === "N" ? 500 : 0, 5000), int(0, 5000)]);
      for (const row of shiftShare(panel(rows), opts).toRecords()) {
        const sum = (row["national"] as number) + (row["industry_mix"] as number) + (row["regional_share"] as number);
        expect(sum).toBeCloseTo(row["actual"] as number, 8);
        // regional share equals e0·(r_i − g_i) where e0 > 0
        if ((row["value_from"] as number) > 0) expect(Number.isFinite(row["regional_share"] as number)).toBe(true);
      }
    }
  });

  it("refuses a missing year, a missing reference and a sector the reference lacks", () => {
    expect(() =>
      shiftShare(
        df.filter(
          pl
            .col("year")
            .eq(1995)
            .or(pl.col("region").neq(pl.lit("R"))),
        ),
        opts,
      ),
    ).toThrow(/R \/ A lacks year 1995 or 2000/);
    expect(() => shiftShare(df, { ...opts, reference: "X" })).toThrow(/reference region 'X' not found/);
    expect(() =>
      shiftShare(
        panel([
          ["N", "A", 1, 2],
          ["R", "C", 1, 2],
        ]),
        opts,
      ),
    ).toThrow(/no employment in sector 'C'/);
  });
});

describe("shiftShare: the years", () => {
  it("refuses `from` not before `to` (equal or reversed), for Dunn and Esteban-Marquillas", () => {
    expect(() => shiftShare(HAND(), { ...opts, from: 2000, to: 1995 })).toThrow(IndicatorInputError);
    expect(() => shiftShare(HAND(), { ...opts, from: 2000, to: 1995 })).toThrow(/'from' \(2000\) must be before 'to' \(1995\)/);
    expect(() => shiftShare(HAND(), { ...opts, from: 1995, to: 1995 })).toThrow(/must be before/);
    expect(() => shiftShareEM(HAND(), { ...opts, from: 2000, to: 1995 })).toThrow(/shiftShareEM: 'from' \(2000\) must be before/);
  });

  it("ignores bad rows outside the two years, and names a bad row inside them", () => {
    // a negative count in 1990 does not enter 1995 → 2000: same result as without the row
    const extra = pl.DataFrame({
      region: ["R"],
      sector: ["A"],
      year: pl.Series("year", [1990], pl.Int64),
      value: pl.Series("value", [-5], pl.Int64),
    });
    const out = shiftShare(pl.concat([HAND(), extra]), opts);
    expect(out.getColumn("regional_share").toArray()).toEqual(shiftShare(HAND(), opts).getColumn("regional_share").toArray());
    const bad = HAND().withColumns(
      pl
        .when(
          pl
            .col("region")
            .eq(pl.lit("R"))
            .and(pl.col("year").eq(2000))
            .and(pl.col("sector").eq(pl.lit("B"))),
        )
        .then(pl.lit(-1))
        .otherwise(pl.col("value"))
        .alias("value"),
    );
    expect(() => shiftShare(bad, opts)).toThrow(/shiftShare: column 'value' must be finite and ≥ 0; found -1 at region=R, sector=B, year=2000/);
    const dup = pl.concat([
      HAND(),
      HAND().filter(
        pl
          .col("region")
          .eq(pl.lit("R"))
          .and(pl.col("sector").eq(pl.lit("A"))),
      ),
    ]);
    expect(() => shiftShare(dup, opts)).toThrow(/duplicate rows for region=R, sector=A, year=1995/);
  });
});

describe("shiftShareEM (Esteban-Marquillas)", () => {
  const df = HAND();
  // Same panel as above. R's total at t0 = 30; reference shares A 0.5, B 0.5 → homothetic A 15, B 15.
  // A: r = 0.5, g_A = 0.2 → competitive_homothetic 15 · 0.3 = 4.5, allocation (10 − 15) · 0.3 = −1.5 (sum 3 = regional share)
  // B: r = 0, g_B = −0.1 → competitive_homothetic 15 · 0.1 = 1.5, allocation (20 − 15) · 0.1 = 0.5 (sum 2)
  it("matches the hand computation", () => {
    const [a, b] = shiftShareEM(df, opts).toRecords();
    expect(a).toMatchObject({
      homothetic: 15,
      competitive_homothetic: expect.closeTo(4.5, 12),
      allocation: expect.closeTo(-1.5, 12),
      regional_share: expect.closeTo(3, 12),
    });
    expect(b).toMatchObject({
      homothetic: 15,
      competitive_homothetic: expect.closeTo(1.5, 12),
      allocation: expect.closeTo(0.5, 12),
      regional_share: expect.closeTo(2, 12),
    });
  });

  it("national + mix + competitive_homothetic + allocation = actual on seeded synthetic panels (reference = all regions)", () => {
    const rng = prand.xoroshiro128plus(13);
    const int = (lo: number, hi: number): number => prand.unsafeUniformIntDistribution(lo, hi, rng);
    for (let trial = 0; trial < 20; trial += 1) {
      const rows: [string, string, number, number][] = [];
      for (const r of ["r1", "r2", "r3", "r4"]) for (const s of ["s1", "s2", "s3"]) rows.push([r, s, int(1, 5000), int(0, 5000)]);
      for (const row of shiftShareEM(panel(rows), { ...opts, reference: undefined }).toRecords()) {
        const sum = ["national", "industry_mix", "competitive_homothetic", "allocation"].reduce((acc, k) => acc + (row[k] as number), 0);
        expect(sum).toBeCloseTo(row["actual"] as number, 7);
      }
    }
  });

  it("refuses a zero start (growth undefined)", () => {
    expect(() =>
      shiftShareEM(
        panel([
          ["N", "A", 5, 6],
          ["R", "A", 0, 3],
        ]),
        opts,
      ),
    ).toThrow(/has 0 employment in 1995/);
  });
});

describe("shiftShareTotals", () => {
  it("sums the components over sectors per region (R: national 1.5, mix −1.5, regional 5, actual 5)", () => {
    const t = shiftShareTotals(shiftShare(HAND(), opts)).toRecords();
    expect(t).toHaveLength(1);
    expect(t[0]).toMatchObject({ region: "R", value_from: 30, value_to: 35, actual: 5 });
    expect(t[0]!["national"]).toBeCloseTo(1.5, 12);
    expect(t[0]!["industry_mix"]).toBeCloseTo(-1.5, 12);
    expect(t[0]!["regional_share"]).toBeCloseTo(5, 12);
  });
  it("refuses a frame that is not a shift-share result", () => {
    expect(() => shiftShareTotals(pl.DataFrame({ region: ["a"], x: [1] }))).toThrow(/shift-share result/);
  });
});
