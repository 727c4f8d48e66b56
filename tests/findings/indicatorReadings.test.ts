/**
 * Every finding that reads SSB's innovation rate (share of firms with product or process innovation) lists the same
 * table's other indicators of the same statement as readings (issue 25). The indicators are taken from the data file's
 * header, not from a list of finding ids: every `pct_` column except the rate itself, the cooperation family (another
 * statement) and product innovation new to the market (a novelty grade of product innovation, not "innovates"). A finding
 * reads the rate when it takes the innovation file as input, speaks of innovation in its note (a finding that takes only
 * the file's firm counts, such as business R&D per firm, does not) and is not about cooperation.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dataDir, INNOVATION_2006 } from "../../src/lib/index";
import { emitted } from "../support/runs";

const header = readFileSync(join(dataDir(), INNOVATION_2006), "utf8").split("\n")[0]!.split(",");
const RATE = "pct_product_or_process";
const others = header.filter((c) => c.startsWith("pct_") && c !== RATE && !/cooperat/.test(c) && c !== "pct_product_new_to_market");

describe("innovation findings list the table's other indicators", () => {
  it("the indicator set from the file is the four the report itself uses besides the rate", () => {
    expect(others.sort()).toEqual(["pct_employees_in_innovative_firms", "pct_process", "pct_product", "pct_product_and_process"]);
  });
  it.each(["default", "ba2020"] as const)("every finding reading the product/process rate has one 'indicator:' reading per other indicator (%s run)", (run) => {
    const readers = emitted(run).filter((f) => f.verdict !== "untestable" && f.inputs.includes(`data/${INNOVATION_2006}`) && /innovat/i.test(f.note) && !/cooperat/i.test(f.note));
    expect(readers.length).toBeGreaterThanOrEqual(5);
    const missing = readers
      .filter((f) => f.robustness.alternatives.filter((a) => a.label.startsWith("indicator: ")).length !== others.length)
      .map((f) => `${f.id}: ${f.robustness.alternatives.filter((a) => a.label.startsWith("indicator: ")).length} indicator readings`);
    expect(missing).toEqual([]);
  });
});
