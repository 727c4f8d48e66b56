import { describe, expect, it } from "vitest";
import { assess, CONCLUSIONS, FINDING_SPECS, HYPOTHESES, summarise, type Finding, type Proposition } from "../src/lib/index";
import { emitted } from "./support/runs";

const f = (id: string, verdict: Finding["verdict"]): Finding => ({
  id,
  kind: "claim",
  rule: "direction",
  robustness: { status: "not_assessed", alternatives: [], flips: [] },
  chapter: 3,
  section: "3",
  claim: "c",
  published: true,
  computed: verdict === "untestable" ? null : true,
  unit: "",
  tolerance: 0,
  verdict,
  inputs: [],
  note: "",
});

describe("propositions", () => {
  it("link only to findings the registry has or a notebook cell emits", () => {
    const ids = new Set([...FINDING_SPECS.map((s) => s.id), ...emitted().map((f) => f.id)]);
    for (const p of [...HYPOTHESES, ...CONCLUSIONS]) for (const l of p.links) expect(ids.has(l.finding), `${p.id} → ${l.finding}`).toBe(true);
    expect(HYPOTHESES.length).toBeGreaterThanOrEqual(5);
    expect(CONCLUSIONS.some((c) => c.id === "c.main_conclusion_decentralised_growth")).toBe(true);
  });

  it("count a finding for or against from its verdict and the link's reading", () => {
    const p: Proposition = {
      id: "p",
      chapter: 2,
      source: "s",
      lines: [1, 2],
      statement: "s",
      links: [
        { finding: "a", reading: "supports", why: "" },
        { finding: "b", reading: "supports", why: "" },
        { finding: "c", reading: "weakens", why: "" },
        { finding: "d", reading: "weakens", why: "" },
        { finding: "e", reading: "supports", why: "" },
        { finding: "g", reading: "context", why: "" },
        { finding: "missing", reading: "supports", why: "" },
      ],
    };
    const a = assess(p, [
      f("a", "reproduced"),
      f("b", "contradicted"),
      f("c", "corroborated"),
      f("d", "diverges"),
      f("e", "untestable"),
      f("g", "corroborated"),
    ]);
    expect(a.for.map((x) => x.finding.id)).toEqual(["a", "d"]);
    expect(a.against.map((x) => x.finding.id)).toEqual(["b", "c"]);
    expect(a.untestable.map((x) => x.finding.id)).toEqual(["e"]);
    expect(a.context.map((x) => x.finding.id)).toEqual(["g"]);
    expect(a.absent.map((l) => l.finding)).toEqual(["missing"]);
    expect(summarise(a)).toBe(
      "2 of 4 tested findings bear it out and 2 go against it (2 of the 4 rest on the report's own figures, 2 on open data). For: a, d. Against: b, c. Untestable: e.",
    );
    expect(summarise(a, { context: true })).toContain("Context, not counted: g (corroborated).");
  });
});
