/**
 * Expressions cached per transform and option set (src/lib/indicators/exprCache.ts): built once per key,
 * never shared between keys, so a transform called with other column names or options gives its own result.
 */
import * as pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import { classifyGrowth, weightedRate } from "../../src/lib/index";
import { cachedExprs, keyOf } from "../../src/lib/indicators/exprCache";

describe("cachedExprs", () => {
  it("builds once per key and keeps keys apart", () => {
    let builds = 0;
    const build = (x: number) => () => ((builds += 1), { x });
    const a = cachedExprs("test-a", keyOf("p", "j"), build(1));
    expect(cachedExprs("test-a", keyOf("p", "j"), build(2))).toBe(a);
    expect(cachedExprs("test-a", keyOf("p", "k"), build(3)).x).toBe(3);
    expect(cachedExprs("test-b", keyOf("p", "j"), build(4)).x).toBe(4); // another transform, same key
    expect(builds).toBe(3);
    expect(keyOf("a,b", "c")).not.toBe(keyOf("a", "b,c"));
  });

  it("drops the oldest key beyond 64 and builds it again when asked", () => {
    let builds = 0;
    for (let i = 0; i < 65; i += 1) cachedExprs("test-c", `k${i}`, () => ((builds += 1), i));
    expect(builds).toBe(65);
    expect(cachedExprs("test-c", "k64", () => -1)).toBe(64);
    expect(cachedExprs("test-c", "k0", () => -1)).toBe(-1);
  });
});

describe("transforms with cached expressions, called again with other options", () => {
  it("classifyGrowth: a zero change counts as the option in force at each call", () => {
    const df = pl.DataFrame({ p: [0, 1, -1], j: [1, 0, -2], q: [-1, 1, 1] });
    const types = (zeroAs: "growth" | "decline" | "unclassified", pop = "p") =>
      classifyGrowth(df, { populationChange: pop, jobChange: "j", zeroAs }).getColumn("growth_type").toArray();
    // rows: (0, 1), (1, 0), (−1, −2); zero as growth → 1, 1, 4; as decline → 3, 2, 4; unclassified → null, null, 4
    expect(types("growth")).toEqual([1, 1, 4]);
    expect(types("decline")).toEqual([3, 2, 4]);
    expect(types("unclassified")).toEqual([null, null, 4]);
    // another population column: (−1, 1), (1, 0), (1, −2) → 3, null, 2
    expect(types("unclassified", "q")).toEqual([3, null, 2]);
  });

  it("weightedRate: each range and column pair checks and weights its own columns", () => {
    const df = pl.DataFrame({ a: [20, 10], b: [0.5, 0.25], w: [100, 300] });
    // (100·20 + 300·10) / 400 = 12.5; (100·0.5 + 300·0.25) / 400 = 0.3125
    expect(weightedRate(df, { rate: "a", weight: "w" }).getColumn("rate").get(0)).toBe(12.5);
    expect(
      weightedRate(df, { rate: "b", weight: "w", range: [0, 1] })
        .getColumn("rate")
        .get(0),
    ).toBe(0.3125);
    expect(() => weightedRate(df, { rate: "a", weight: "w", range: [0, 1] })).toThrow(/rate from 0 to 1/);
    expect(weightedRate(df, { rate: "a", weight: "w" }).getColumn("rate").get(0)).toBe(12.5);
  });
});
