/**
 * reproduce compares every verdict with the reviewed record (tests/golden/findings.json): a flip is listed, a run
 * with other parameters than the record's says it was not compared.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { reviewedChanges, reviewedMarkdown } from "../../scripts/lib/reviewed";
import type { Finding } from "../../src/lib/findings/types";
import { DEFAULT_PARAMS } from "../../src/lib/params";

const finding = (id: string, verdict: Finding["verdict"], computed: Finding["computed"]): Finding => ({
  id, kind: "claim", chapter: 3, section: "3.2", claim: "c", published: 1, computed, unit: "%", tolerance: 0.5, rule: "printed", verdict,
  robustness: { status: "not_assessed", alternatives: [], flips: [] }, inputs: [], note: "",
});

function root(golden: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), "reviewed-"));
  mkdirSync(join(dir, "tests", "golden"), { recursive: true });
  writeFileSync(join(dir, "tests", "golden", "findings.json"), JSON.stringify(golden));
  return dir;
}

describe("what changed since the reviewed record", () => {
  const record = [finding("ch3.a", "corroborated", 1.2), finding("ch3.b", "contradicted", 3)];

  it("says 'no change' when every finding equals the record", () => {
    expect(reviewedChanges(root({ default: record }), record, DEFAULT_PARAMS).lines).toEqual(["no change (2 findings)"]);
  });

  it("lists a flipped verdict, a new and a removed finding", () => {
    const now = [finding("ch3.a", "contradicted", 2.1), finding("ch3.c", "untestable", null)];
    const c = reviewedChanges(root({ default: record }), now, DEFAULT_PARAMS);
    expect(c.lines).toEqual([
      "NEW      ch3.c: untestable —",
      "CHANGED  ch3.a: verdict corroborated → contradicted; computed 1.2 → 2.1",
      "REMOVED  ch3.b: was contradicted 3",
      "1 new, 1 changed, 1 removed, 0 unchanged",
    ]);
    expect(reviewedMarkdown(c)).toContain("    CHANGED  ch3.a: verdict corroborated → contradicted");
  });

  it("uses the record of the run's mapping, and does not compare a run with another period reading", () => {
    const r = root({ default: record, ba2020: [finding("ch3.a", "contradicted", 2.1)] });
    expect(reviewedChanges(r, [finding("ch3.a", "contradicted", 2.1)], { ...DEFAULT_PARAMS, regions: "ba2020" }).lines).toEqual(["no change (1 findings)"]);
    const other = reviewedChanges(r, record, { ...DEFAULT_PARAMS, period: "jan2001_jan2007" });
    expect(other.lines).toEqual([]);
    expect(other.skipped).toMatch(/period=jan2001_jan2007/);
  });
});
