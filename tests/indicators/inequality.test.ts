import { describe, expect, it } from "vitest";
import * as pl from "nodejs-polars";
import * as prand from "pure-rand";
import { hoover, IndicatorInputError, specialization, theil } from "../../src/lib/index";

describe("theil", () => {
  // y = 1, 2, 3, 4 → s = .1 .2 .3 .4, N = 4: T = Σ s ln(4s)
  const df = pl.DataFrame({ unit: ["a", "b", "c", "d"], g: ["x", "x", "y", "y"], v: pl.Series("v", [1, 2, 3, 4], pl.Int64) });
  const T = 0.1 * Math.log(0.4) + 0.2 * Math.log(0.8) + 0.3 * Math.log(1.2) + 0.4 * Math.log(1.6);

  it("matches the hand computation", () => {
    expect(theil(df, { unit: "unit", value: "v" }).toRecords()).toEqual([{ theil: expect.closeTo(T, 12), n_units: 4 }]);
  });

  it("decomposes into between + within (groups x = {a, b}, y = {c, d})", () => {
    const between = 0.3 * Math.log((4 * 0.3) / 2) + 0.7 * Math.log((4 * 0.7) / 2);
    const r = theil(df, { unit: "unit", value: "v", group: "g" }).toRecords()[0]!;
    expect(r["between"]).toBeCloseTo(between, 12);
    // within by hand: x: (1/3) ln(2/3) + (2/3) ln(4/3); y: (3/7) ln(6/7) + (4/7) ln(8/7)
    const tx = (1 / 3) * Math.log(2 / 3) + (2 / 3) * Math.log(4 / 3);
    const ty = (3 / 7) * Math.log(6 / 7) + (4 / 7) * Math.log(8 / 7);
    expect(r["within"]).toBeCloseTo(0.3 * tx + 0.7 * ty, 12);
    expect((r["between"] as number) + (r["within"] as number)).toBeCloseTo(T, 12);
  });

  it("is 0 for equal values and ln N when one unit holds everything (0 · ln 0 = 0)", () => {
    const eq = pl.DataFrame({ unit: ["a", "b", "c"], v: [5, 5, 5] });
    expect(theil(eq, { unit: "unit", value: "v" }).getColumn("theil").get(0)).toBeCloseTo(0, 12);
    const one = pl.DataFrame({ unit: ["a", "b", "c"], v: [0, 0, 9] });
    expect(theil(one, { unit: "unit", value: "v" }).getColumn("theil").get(0)).toBeCloseTo(Math.log(3), 12);
  });

  it("between + within = total on seeded synthetic panels, per year", () => {
    const rng = prand.xoroshiro128plus(11);
    const int = (a: number, b: number): number => prand.unsafeUniformIntDistribution(a, b, rng);
    for (let trial = 0; trial < 25; trial += 1) {
      const n = int(3, 40);
      const years = [2000, 2001];
      const rows = years.flatMap((y) =>
        Array.from({ length: n }, (_, i) => ({ year: y, unit: `u${i}`, g: `g${i % int(1, 5)}`, v: int(0, 1000) + (i === 0 ? 1 : 0) })),
      );
      const out = theil(pl.DataFrame(rows), { unit: "unit", value: "v", group: "g", by: ["year"] }).toRecords();
      expect(out).toHaveLength(2);
      for (const r of out) expect((r["between"] as number) + (r["within"] as number)).toBeCloseTo(r["theil"] as number, 10);
    }
  });

  it("a group holding nothing adds 0 within (its shares are 0/0), so between + within = T still", () => {
    // a 10, b 20 (group x), c 0 (group y); N = 3, s = 1/3, 2/3, 0
    // T = ⅓ ln 1 + ⅔ ln 2 = 0.462098…; between = 1 · ln(3 · 1 / 2) = ln 1.5 (y: s_g = 0 adds 0)
    // within = 1 · T_x, T_x = ⅓ ln(2/3) + ⅔ ln(4/3) = 0.056633…
    const df = pl.DataFrame({ unit: ["a", "b", "c"], pop: [10, 20, 0], grp: ["x", "x", "y"] });
    const r = theil(df, { unit: "unit", value: "pop", group: "grp" }).toRecords()[0] as Record<string, number>;
    expect(r["theil"]).toBeCloseTo((2 / 3) * Math.log(2), 12);
    expect(r["between"]).toBeCloseTo(Math.log(1.5), 12);
    expect(r["within"]).toBeCloseTo((1 / 3) * Math.log(2 / 3) + (2 / 3) * Math.log(4 / 3), 12);
  });

  it("refuses a zero total and duplicate units", () => {
    expect(() => theil(pl.DataFrame({ unit: ["a", "b"], v: [0, 0] }), { unit: "unit", value: "v" })).toThrow(/total of 'v' is 0/);
    expect(() => theil(pl.DataFrame({ unit: ["a", "a"], v: [1, 2] }), { unit: "unit", value: "v" })).toThrow(IndicatorInputError);
  });
});

describe("specialization (Krugman)", () => {
  const df = pl.DataFrame({
    region: ["NO", "NO", "A", "A", "B"],
    sector: ["x", "y", "x", "y", "x"],
    value: pl.Series("value", [50, 50, 30, 10, 7], pl.Int64),
  });
  it("against a named reference: |.75 − .5| + |.25 − .5| = 0.5; B (only x) = |1 − .5| + |0 − .5| = 1", () => {
    const out = specialization(df, { region: "region", sector: "sector", value: "value", reference: "NO" }).toRecords();
    expect(out).toEqual([
      { region: "A", krugman: expect.closeTo(0.5, 12) },
      { region: "B", krugman: expect.closeTo(1, 12) },
      { region: "NO", krugman: expect.closeTo(0, 12) },
    ]);
  });
  it("against the sum of all regions (x 87/147, y 60/147)", () => {
    const sx = 87 / 147;
    const out = specialization(df, { region: "region", sector: "sector", value: "value" }).toRecords();
    expect(out[0]!["krugman"]).toBeCloseTo(Math.abs(0.75 - sx) + Math.abs(0.25 - (1 - sx)), 12);
  });
});

describe("hoover", () => {
  it("½ Σ |e_ij/e_i − e_j/e| over the complete grid", () => {
    // x only in A (40); y: A 0, B 60; totals A 40, B 60 of 100
    const df = pl.DataFrame({ region: ["A", "A", "B"], sector: ["x", "y", "y"], value: [40, 0, 60] });
    expect(hoover(df, { region: "region", sector: "sector", value: "value" }).toRecords()).toEqual([
      { sector: "x", hoover: expect.closeTo(0.5 * (Math.abs(1 - 0.4) + Math.abs(0 - 0.6)), 12) },
      { sector: "y", hoover: expect.closeTo(0.5 * (Math.abs(0 - 0.4) + Math.abs(1 - 0.6)), 12) },
    ]);
  });
});
