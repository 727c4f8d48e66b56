/**
 * The benchmark's three implementations (library, danfojs-node, typed-array
 * floor) agree on a small SYNTHETIC panel — so the timings compare like with like.
 */
import { describe, expect, it } from "vitest";
import { toDanfo } from "../bench/danfo";
import { INDICATORS } from "../bench/indicators";
import { syntheticPanel, toPolars } from "../bench/synthetic";

describe("benchmark implementations", () => {
  const p = syntheticPanel(0.01, 3);
  const df = toPolars(p);
  const d = toDanfo(p);
  it.each(INDICATORS.map((i) => [i.name, i] as const))(
    "%s: polars, danfojs and typed arrays agree",
    (_n, ind) => {
      expect(() => ind.check(ind.polars(df, p), ind.typed(p), p, ind.danfo(d, p))).not.toThrow();
    },
    60_000,
  );

  it("a corrupted typed result is caught by the check", () => {
    const ind = INDICATORS[0]!;
    const typed = ind.typed(p);
    const key = Object.keys(typed)[0]!;
    typed[key]![5] = typed[key]![5]! * 1.01;
    expect(() => ind.check(ind.polars(df, p), typed, p)).toThrow(/differs/);
  });
});
