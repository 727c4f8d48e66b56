import type { Finding } from "../../src/lib/index";

/**
 * A synthetic finding for the weighing tests: a comparison (computed true) unless told otherwise; the chapter is read
 * from the id ("ch3.x" → 3).
 */
export const syntheticFinding = (id: string, verdict: Finding["verdict"], over: Partial<Finding> = {}): Finding => ({
  id,
  kind: "claim",
  rule: "direction",
  robustness: { status: "not_assessed", alternatives: [], flips: [] },
  chapter: Number(id.slice(2, id.indexOf("."))),
  section: "x",
  claim: "synthetic",
  published: true,
  computed: verdict === "untestable" ? null : verdict === "inconclusive" ? "undecided" : true,
  unit: "",
  tolerance: 0,
  verdict,
  inputs: [],
  note: "",
  ...over,
});
