import { describe, expect, it } from "vitest";
import { bootstrapInterval, StatisticsInputError } from "../../src/lib/stats";

describe("bootstrapInterval", () => {
  it("refuses a seed that is not a 32-bit integer (2**32, 1.5 and 'a' gave another seed's interval)", () => {
    const x = [1, 2, 3, 4, 5, 6];
    const y = [2, 1, 4, 3, 6, 5];
    for (const seed of [2 ** 32, 2 ** 40, 1.5, "a" as unknown as number])
      expect(() => bootstrapInterval(x, y, { seed })).toThrow(StatisticsInputError);
    expect(() => bootstrapInterval(x, y, { seed: 1.5 })).toThrow(/seed/);
    // seeds in range still reproduce
    expect(bootstrapInterval(x, y, { seed: 7 })).toEqual(bootstrapInterval(x, y, { seed: 7 }));
  });

  it("a perfectly monotone relation gives ρ = 1 on every resample that varies: [1, 1]", () => {
    const r = bootstrapInterval([1, 2, 3, 4, 5, 6], [10, 20, 30, 40, 50, 60], { draws: 500 });
    expect([r.estimate, r.low, r.high]).toEqual([1, 1, 1]);
    // resamples of one repeated pair have no ranks to correlate: skipped, counted
    expect(r.skipped).toBeGreaterThanOrEqual(0);
    expect(r.draws).toBe(500);
  });

  it("the interval holds the estimate for noisy data, is seeded (same seed, same interval) and moves with the seed", () => {
    const x = Array.from({ length: 40 }, (_, i) => i);
    const y = x.map((v) => v + 15 * Math.sin(v * 1.7)); // a positive relation with noise
    const a = bootstrapInterval(x, y, { draws: 1000, seed: 1 });
    const b = bootstrapInterval(x, y, { draws: 1000, seed: 1 });
    const c = bootstrapInterval(x, y, { draws: 1000, seed: 2 });
    expect(a).toEqual(b);
    expect(c.low).not.toBe(a.low);
    expect(a.low).toBeLessThan(a.estimate);
    expect(a.high).toBeGreaterThan(a.estimate);
    expect(a.high).toBeLessThanOrEqual(1);
  });

  it("a wider level gives a wider interval", () => {
    const x = Array.from({ length: 30 }, (_, i) => i);
    const y = x.map((v) => (v * 37) % 11);
    const n90 = bootstrapInterval(x, y, { level: 0.9, draws: 1000 });
    const n99 = bootstrapInterval(x, y, { level: 0.99, draws: 1000 });
    expect(n99.low).toBeLessThanOrEqual(n90.low);
    expect(n99.high).toBeGreaterThanOrEqual(n90.high);
  });

  it("refuses a level outside (0, 1) and too few draws", () => {
    expect(() => bootstrapInterval([1, 2, 3], [3, 2, 1], { level: 1 })).toThrow(StatisticsInputError);
    expect(() => bootstrapInterval([1, 2, 3], [3, 2, 1], { draws: 10 })).toThrow(/draws/);
  });
});
