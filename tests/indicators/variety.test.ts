import { describe, expect, it } from "vitest";
import * as pl from "nodejs-polars";
import * as prand from "pure-rand";
import { relatedVariety, unrelatedVariety, variety } from "../../src/lib/index";

const groups = pl.DataFrame({ sector: ["a1", "a2", "b1"], group: ["A", "A", "B"] });
const opts = { region: "region", sector: "sector", value: "value", groups };

describe("variety (Frenken et al. 2007)", () => {
  it("three equal sectors, two in group A: UV = H(2/3, 1/3), RV = 2/3 · log2 2, H = log2 3", () => {
    const df = pl.DataFrame({ region: ["r", "r", "r"], sector: ["a1", "a2", "b1"], value: pl.Series("value", [5, 5, 5], pl.Int64) });
    const r = variety(df, opts).toRecords()[0]!;
    const uv = -(2 / 3) * Math.log2(2 / 3) - (1 / 3) * Math.log2(1 / 3);
    expect(r["unrelated_variety"]).toBeCloseTo(uv, 12);
    expect(r["related_variety"]).toBeCloseTo(2 / 3, 12);
    expect(r["entropy"]).toBeCloseTo(Math.log2(3), 12);
    expect(relatedVariety(df, opts).columns).toEqual(["region", "related_variety"]);
    expect(unrelatedVariety(df, opts).getColumn("unrelated_variety").get(0)).toBeCloseTo(uv, 12);
  });

  it("natural logs on request; a single group has no unrelated variety", () => {
    const df = pl.DataFrame({ region: ["r", "r"], sector: ["a1", "a2"], value: [1, 3] });
    const r = variety(df, { ...opts, base: "e" }).toRecords()[0]!;
    expect(r["unrelated_variety"]).toBeCloseTo(0, 12);
    expect(r["related_variety"]).toBeCloseTo(-(0.25 * Math.log(0.25) + 0.75 * Math.log(0.75)), 12);
  });

  it("entropy = UV + RV on seeded synthetic regions", () => {
    const rng = prand.xoroshiro128plus(5);
    const secs = Array.from({ length: 12 }, (_, i) => `s${i}`);
    const g = pl.DataFrame({ sector: secs, group: secs.map((_, i) => `g${i % 4}`) });
    const rows = ["r1", "r2", "r3"].flatMap((r) =>
      secs.map((s) => ({ region: r, sector: s, value: prand.unsafeUniformIntDistribution(0, 500, rng) })),
    );
    for (const r of variety(pl.DataFrame(rows), { ...opts, groups: g }).toRecords()) {
      expect((r["unrelated_variety"] as number) + (r["related_variety"] as number)).toBeCloseTo(r["entropy"] as number, 10);
    }
  });

  it("refuses a sector without a group or with two", () => {
    const df = pl.DataFrame({ region: ["r"], sector: ["zz"], value: [1] });
    expect(() => variety(df, opts)).toThrow(/sector 'zz' has no group/);
    const twice = pl.DataFrame({ sector: ["a1", "a1"], group: ["A", "B"] });
    expect(() => variety(df, { ...opts, groups: twice })).toThrow(/more than one group/);
  });
});
