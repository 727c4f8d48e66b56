/**
 * Determinism: the findings and the derived tables come out identical, byte for byte, when
 * computed twice (group-bys are sorted, permutation tests seeded, no clocks or random state in
 * the results).
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { limit } from "./support/limits";
import { emitted } from "./support/runs";
import {
  FindingContext,
  frameMarkdown,
  krdTypePopulation,
  regionComponents,
  typePopulation,
} from "../src/lib/index";

describe("determinism", () => {
  it("two module runs of chapter 3 emit identical findings (the global setup's run and a fresh one)", async () => {
    const { runAsModule } = await import("../scripts/lib/nbmodule");
    const again = await runAsModule(join(__dirname, "..", "notebooks", "03-structures.ipynb"));
    expect(again.ok).toBe(true);
    const first = emitted().filter((f) => f.notebook === "03-structures.ipynb");
    expect(JSON.stringify(again.findings)).toBe(JSON.stringify(first));
  }, limit(40_000));

  it("derived tables are identical across runs", () => {
    for (const make of [typePopulation, krdTypePopulation, regionComponents]) {
      expect(frameMarkdown(make(new FindingContext()))).toBe(frameMarkdown(make(new FindingContext())));
    }
  }, limit(10_000));
});
