/**
 * The weighing rules of issue #25 (reading rule 4 on nested evidence, rule 8 on evidence that cannot fail, the
 * summary on the report's own figures alone, and judgement calls across propositions), on synthetic findings built
 * here, then the project's registry held to them.
 */
import { describe, expect, it } from "vitest";
import {
  assess,
  CONCLUSIONS,
  crossReadingProblems,
  countsText,
  HYPOTHESES,
  linkProblems,
  NESTED,
  partAssessments,
  READING_RULE,
  SUMMARY_RULE,
  type Finding,
  type Link,
  type Proposition,
} from "../src/lib/index";
import { syntheticFinding } from "./support/syntheticFinding";

/** A synthetic finding; `basis` goes into the note as the notebooks write it. */
const f = (id: string, verdict: Finding["verdict"], basis: "open data" | "the report's own figures" = "open data"): Finding =>
  syntheticFinding(id, verdict, { note: `basis: ${basis}` });
const prop = (id: string, links: Link[], parts = ["a", "b"]): Proposition => ({ id, chapter: 5, source: "s", lines: [1, 2], statement: "s", parts, links });

describe("the summary on the report's own figures alone", () => {
  it("is consistent_with_report, not supported, when every link for rests on the report's figures", () => {
    const p = prop("p", [
      { finding: "ch3.r1", reading: "supports", part: "a", why: "" },
      { finding: "ch3.r2", reading: "supports", part: "b", why: "" },
    ]);
    const report = [f("ch3.r1", "reproduced", "the report's own figures"), f("ch3.r2", "reproduced", "the report's own figures")];
    expect(assess(p, report).summary).toBe("consistent_with_report");
    // one link for on open data makes it supported
    expect(assess(p, [report[0]!, f("ch3.r2", "corroborated")]).summary).toBe("supported");
    // per part too: a on the report's figures, b on open data
    expect(partAssessments(assess(p, [report[0]!, f("ch3.r2", "corroborated")])).map((x) => [x.part, x.summary])).toEqual([
      ["a", "consistent_with_report"],
      ["b", "supported"],
    ]);
    // against on the report's figures alone stays weakened: the report's figures against its own statement
    const q = prop("q", [{ finding: "ch3.r1", reading: "weakens", part: "a", why: "" }]);
    expect(assess(q, report).summary).toBe("weakened");
  });
  it("is stated in the summary rule", () => {
    expect(SUMMARY_RULE).toContain("`consistent_with_report`");
  });
});

describe("evidence that cannot fail", () => {
  it("is shown with its reason and never counted", () => {
    const p = prop("p", [
      { finding: "ch5.same_sentence", reading: "supports", part: "a", why: "x vs y", cannotFail: "both figures are printed in the statement's sentence" },
      { finding: "ch3.other", reading: "supports", part: "b", why: "" },
    ]);
    const a = assess(p, [f("ch5.same_sentence", "reproduced", "the report's own figures"), f("ch3.other", "untestable")]);
    expect(a.links[0]).toMatchObject({ outcome: "cannot_fail", detail: "cannot fail: both figures are printed in the statement's sentence" });
    expect([a.counts.for, a.counts.cannot_fail, a.summary]).toEqual([0, 1, "untestable"]);
    expect(countsText(a.counts)).toContain("1 that cannot fail");
    // a failing same-sentence comparison is not counted either (the mark is about the evidence, not its result)
    expect(assess(p, [f("ch5.same_sentence", "diverges", "the report's own figures"), f("ch3.other", "untestable")]).counts.against).toBe(0);
  });
  it("the reading rule states it, and the registry marks the §5.2 same-sentence comparison", () => {
    expect(READING_RULE).toContain("cannot fail");
    const weak = CONCLUSIONS.find((p) => p.id === "c.innovation_industries_weak_jobs")!;
    expect(weak.links.find((l) => l.finding === "ch5.innovation_industries_below_norway")?.cannotFail).toMatch(/same|own sentence/);
  });
});

describe("nested evidence counts once", () => {
  const [part, whole] = Object.entries(NESTED)[0]!;
  it("a part counted beside its whole is refused; as context it passes", () => {
    const counted = prop("p", [
      { finding: whole, reading: "supports", part: "a", why: "the whole" },
      { finding: part, reading: "weakens", part: "a", why: "one county" },
    ]);
    expect(linkProblems(counted)).toEqual([`p → ${part}: nested in ${whole}, which counts here (each piece of evidence counts once): link the part as context`]);
    const asContext = prop("p", [
      { finding: whole, reading: "supports", part: "a", why: "the whole" },
      { finding: part, reading: "context", about: "one county's regions", why: "one county's regions" },
    ]);
    expect(linkProblems(asContext)).toEqual([]);
  });
  it("no proposition of the registry counts a part beside its whole", () => {
    for (const p of [...HYPOTHESES, ...CONCLUSIONS]) expect(linkProblems(p).filter((x) => x.includes("nested")), p.id).toEqual([]);
  });
});

describe("a finding read differently by two propositions is a judgement call", () => {
  it("counted in one and context in another, or by sign in one and by verdict in another, needs a judgement mark", () => {
    const counted = prop("p.a", [{ finding: "ch3.x", reading: "supports", part: "a", why: "" }]);
    const context = prop("p.b", [{ finding: "ch3.x", reading: "context", about: "q", why: "q" }]);
    expect(crossReadingProblems([counted, context])).toEqual(["ch3.x: supports in p.a; context in p.b — mark one a judgement call"]);
    const bySign = prop("p.c", [{ finding: "ch3.x", reading: "weakens", part: "a", why: "", sign: "positive" }]);
    expect(crossReadingProblems([counted, bySign])).toHaveLength(1);
    // opposite readings of the same kind are what two opposed statements predict: no judgement needed
    const opposed = prop("p.d", [{ finding: "ch3.x", reading: "weakens", part: "a", why: "" }]);
    expect(crossReadingProblems([counted, opposed])).toEqual([]);
    const marked = prop("p.b", [{ finding: "ch3.x", reading: "context", about: "q", why: "q", judgement: { alternative: { reading: "supports", part: "a" }, reason: "r" } }]);
    expect(crossReadingProblems([counted, marked])).toEqual([]);
  });
  it("holds for the project's propositions", () => {
    expect(crossReadingProblems([...HYPOTHESES, ...CONCLUSIONS])).toEqual([]);
  });
});
