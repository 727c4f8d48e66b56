/**
 * Determinism: the registry and its derived tables come out identical, byte
 * for byte, when computed twice from fresh contexts (group-bys are sorted,
 * permutation tests seeded, no clocks or random state in the results).
 */
import { describe, expect, it } from "vitest";
import {
  FindingContext,
  evaluateAll,
  frameMarkdown,
  krdTypePopulation,
  regionComponents,
  typePopulation,
} from "../src/lib/index";

describe("determinism", () => {
  it("two evaluations of the whole registry give identical findings.json", () => {
    const a = JSON.stringify(evaluateAll(new FindingContext()), null, 2);
    const b = JSON.stringify(evaluateAll(new FindingContext()), null, 2);
    expect(a).toBe(b);
  }, 60_000);

  it("derived tables are identical across runs", () => {
    for (const make of [typePopulation, krdTypePopulation, regionComponents]) {
      expect(frameMarkdown(make(new FindingContext()))).toBe(frameMarkdown(make(new FindingContext())));
    }
  }, 60_000);
});
