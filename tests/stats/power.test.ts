/**
 * spearmanPower against values computed independently of the code under test.
 */
import { describe, expect, it } from "vitest";
import { StatisticsInputError, spearmanPower } from "../../src/lib/index";

/** Monte Carlo standard error of a share p estimated from `draws` samples. */
const se = (p: number, draws: number): number => Math.sqrt((p * (1 - p)) / draws);

describe("spearmanPower", () => {
  it("rejects only when p < α, as the association rule decides (a p equal to α is not a finding)", () => {
    // n = 4, exact null of 24 orderings: the smallest one-sided p is 1/24 (ρ = −1). With α = 1/24 exactly no sample can
    // have p < α, so the power is 0; a hair above, the samples with ρ = −1 (most of them at ρ = −0.99) are rejected.
    const o = { n: 4, rho: -0.99, alternative: "less" as const, draws: 2000, seed: 1 };
    expect(spearmanPower({ ...o, alpha: 1 / 24 }).power).toBe(0);
    expect(spearmanPower({ ...o, alpha: 1 / 24 + 1e-9 }).power).toBeGreaterThan(0.5);
  });

  it("n = 12, rho = −0.5, one-sided alpha 0.05: power ≈ 0.47", () => {
    // Independent references:
    // (a) Fisher z with Fieller's variance 1.06/(n − 3): population Spearman ρ_s = (6/π)·asin(−0.25) = −0.4826,
    //     atanh(−0.4826) = −0.5265, sd = √(1.06/9) = 0.3432, critical z = −1.645·0.3432 = −0.5645,
    //     power ≈ Φ((−0.5645 + 0.5265)/0.3432) = Φ(−0.111) = 0.456.
    // (b) numpy, exact null distribution of Σd² for n = 12 by dynamic programming over subsets
    //     (reject when Σd² ≥ 429, i.e. ρ ≤ −0.5, exact size 0.04945), 200 000 samples with numpy's
    //     default_rng(12345): power 0.4675 (standard error 0.0011).
    const draws = 4000;
    const r = spearmanPower({ n: 12, rho: -0.5, alpha: 0.05, alternative: "less", draws, seed: 1 });
    // tolerance: 4 standard errors of this estimate plus 4 of the reference's
    const tol = 4 * se(0.4675, draws) + 4 * 0.0011; // 4·0.00789 + 0.0044 = 0.0360
    expect(Math.abs(r.power - 0.4675)).toBeLessThanOrEqual(tol);
    expect(r.power).toBeGreaterThan(0.45 - tol);
    expect(r.power).toBeLessThan(0.5 + tol);
    expect(r).toMatchObject({ draws, nullMethod: "monte-carlo", nullSize: 100_000 });
    expect(r.standardError).toBeCloseTo(se(r.power, draws), 12);
  });

  it("rho = 0: the power is the size, alpha within Monte Carlo error", () => {
    const draws = 20_000;
    // 4σ with σ = √(0.05·0.95/20 000) = 0.00154 → 0.0062 (the discreteness of ρ for n = 12 costs at most
    // 0.05 − 0.04945 = 0.0006, see above, well inside it)
    const tol = 4 * se(0.05, draws);
    for (const alternative of ["less", "greater", "two-sided"] as const) {
      const r = spearmanPower({ n: 12, rho: 0, alpha: 0.05, alternative, draws, seed: 2 });
      expect(Math.abs(r.power - 0.05)).toBeLessThanOrEqual(tol);
    }
  });

  it("small n: exact null distribution, size below alpha by the discreteness of ρ", () => {
    // n = 6: ρ ≥ 1 − 6·6/210 = 0.829 (Σd² ≤ 6) for 21 of the 720 orderings = 0.0292 ≤ 0.05;
    // the next value, Σd² ≤ 8, has 37/720 = 0.0514 > 0.05. Counted below by brute force.
    const perms = (a: number[]): number[][] =>
      a.length <= 1 ? [a] : a.flatMap((v, i) => perms([...a.slice(0, i), ...a.slice(i + 1)]).map((p) => [v, ...p]));
    const sumD2 = (p: number[]): number => p.reduce((s, v, i) => s + (v - i) ** 2, 0);
    const size = perms([0, 1, 2, 3, 4, 5]).filter((p) => sumD2(p) <= 6).length / 720;
    expect(size).toBeCloseTo(21 / 720, 12);
    const draws = 20_000;
    const r = spearmanPower({ n: 6, rho: 0, alternative: "greater", draws, seed: 3 });
    expect(r).toMatchObject({ nullMethod: "exact", nullSize: 720 });
    expect(Math.abs(r.power - size)).toBeLessThanOrEqual(4 * se(size, draws)); // 4·0.00119 = 0.0048
  });

  it("perfect correlation is always rejected; seeded runs repeat", () => {
    expect(spearmanPower({ n: 12, rho: 1, alternative: "greater", draws: 200, nullDraws: 5000 }).power).toBe(1);
    const a = spearmanPower({ n: 10, rho: 0.3, draws: 500, nullDraws: 5000, seed: 9 });
    expect(spearmanPower({ n: 10, rho: 0.3, draws: 500, nullDraws: 5000, seed: 9 })).toEqual(a);
  });

  it("refuses impossible options", () => {
    const base = { n: 12, rho: -0.5 };
    for (const bad of [
      { ...base, n: 2 },
      { ...base, n: 12.5 },
      { ...base, rho: 1.5 },
      { ...base, rho: NaN },
      { ...base, alpha: 0 },
      { ...base, alpha: 1 },
      { ...base, draws: 0 },
      { ...base, nullDraws: -1 },
      { ...base, seed: 2 ** 40 },
      { ...base, alternative: "both" as never },
    ]) {
      expect(() => spearmanPower(bad)).toThrow(StatisticsInputError);
    }
  });
});
