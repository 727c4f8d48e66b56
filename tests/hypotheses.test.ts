/**
 * The weighing of chapter 2's hypotheses and chapter 5's conclusions: the registry keeps the reading
 * rule's form, and the assessment follows from hand-built (synthetic) findings by the stated rules.
 * No test reads the findings of a run: every finding here is built in the test.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  assess,
  assessmentFrame,
  assessmentTable,
  assessmentText,
  claimKeyOf,
  CONCLUSIONS,
  countOutcomes,
  countsText,
  findingBasis,
  HYPOTHESES,
  HypothesisError,
  judgementFlips,
  linkIds,
  linkProblems,
  loadClaims,
  MAIN_CONCLUSION,
  Notebook,
  partAssessments,
  proposition,
  READING_RULE,
  signOf,
  SUMMARY_RULE,
  summaryOf,
  type ComputedValue,
  type Finding,
  type Link,
  type Proposition,
} from "../src/lib/index";
import { syntheticFinding } from "./support/syntheticFinding";

/** A synthetic finding: a comparison (computed true) unless told otherwise. */
const f = syntheticFinding;

const prop = (links: Link[], parts = ["a", "b"]): Proposition => ({ id: "p", chapter: 2, source: "s", lines: [1, 2], statement: "s", parts, links });
const ALL = [...HYPOTHESES, ...CONCLUSIONS];

describe("the registry keeps the reading rule", () => {
  it("every context link names the different quantity it is about, in its why", () => {
    let n = 0;
    for (const p of ALL)
      for (const l of p.links) {
        const alt = l.judgement?.alternative;
        for (const r of [l, ...(alt ? [alt] : [])]) {
          if (r.reading !== "context") continue;
          n += 1;
          expect(r.about, `${p.id} → ${linkIds(l).join("+")}`).toBeTruthy();
          expect(`${l.why} ${l.judgement?.reason ?? ""}`.toLowerCase(), `${p.id} → ${linkIds(l).join("+")}`).toContain(r.about!.toLowerCase());
          expect(p.parts, `${p.id}: context about a part of the statement`).not.toContain(r.about);
        }
      }
    expect(n).toBeGreaterThan(0);
  });

  it("every link passes linkProblems (a part for counted links, each id once, judgement calls with another reading)", () => {
    for (const p of ALL) expect(linkProblems(p), p.id).toEqual([]);
  });

  it("links stand for claims of data/report/claims.csv (or the one project check linked as context)", () => {
    const claims = loadClaims();
    const checks = new Set(["ch4.rd_figures_consistent"]); // the project's consistency check: its reference is built in its cell
    for (const p of ALL)
      for (const id of p.links.flatMap(linkIds)) if (!checks.has(id)) expect(() => claimKeyOf(id, claims), `${p.id} → ${id}`).not.toThrow();
  });

  it("the fixes of issues 15 and 16 hold", () => {
    // the two-group size reading rests on the same +18 % vs +14 % as "small towns above cities": it is an alternative
    // of the region-level size test (one reading per phrase), never a link of its own
    for (const p of ALL) expect(p.links.flatMap(linkIds), p.id).not.toContain("ch3.inverse_size_job_growth.groups");
    // "Innlandet innovates more than Norway" is not counted as evidence about region size
    const geo = proposition("h.geographic_innovation_patterns").links.find((l) => l.finding === "ch4.innovation_rate_above_norway");
    expect(geo?.reading).toBe("context");
    // the main conclusion counts the region-level size test and the city/small-town innovation gap
    const main = proposition(MAIN_CONCLUSION);
    const reading = (id: string): string | undefined => main.links.find((l) => linkIds(l).includes(id))?.reading;
    expect(reading("ch3.inverse_size_job_growth.regions")).toBe("supports");
    expect(reading("ch4.city_regions_innovation_above_small_town")).toBe("weakens");
    expect(main.parts).toEqual(["job growth", "innovation", "population"]);
  });

  it("the fixes of issue 25's audit hold: a perspective is not counted on what it predicts nothing about", () => {
    // attraction shows in migration: total population change is context (its sign the flagged alternative), so the
    // perspective cannot be supported by the direction of total change alone
    const attractive = proposition("h.attractive_creative").links.filter((l) => linkIds(l).some((id) => id.includes("population_change_2001_07")));
    expect(attractive).toHaveLength(2);
    for (const l of attractive) expect([l.reading, l.judgement?.alternative.reading]).toEqual(["context", "supports"]);
    // home orientation relative to Norway is context for the value-chain perspective (which predicts nothing about Norway)
    const home = proposition("h.value_chains_innovation_systems").links.find((l) => l.finding === "ch4.home_orientation_stronger_than_norway");
    expect([home?.reading, home?.judgement?.alternative.reading]).toEqual(["context", "supports"]);
  });

  it("chapter 2's notebook states both rules word for word", () => {
    const nb = JSON.parse(readFileSync(join(__dirname, "..", "notebooks", "02-perspectives.ipynb"), "utf8")) as { cells: { cell_type: string; source: string | string[] }[] };
    const md = nb.cells
      .filter((c) => c.cell_type === "markdown")
      .map((c) => (Array.isArray(c.source) ? c.source.join("") : c.source))
      .join("\n");
    for (const line of [...READING_RULE.split("\n"), ...SUMMARY_RULE.split("\n")].filter((l) => l.trim())) expect(md).toContain(line);
  });

  it("proposition() names the known ids when one is unknown", () => {
    expect(() => proposition("h.nope")).toThrow(HypothesisError);
    expect(() => proposition("h.nope")).toThrow(/h\.agglomeration/);
  });
});

describe("linkProblems", () => {
  it("finds each breach of the form", () => {
    const bad = prop([
      { finding: "ch3.x", reading: "context", why: "shown" }, // no about
      { finding: "ch3.y", reading: "context", about: "prices", why: "something else" }, // why does not name it
      { finding: "ch3.z", reading: "context", about: "a", why: "about a" }, // a part of the statement
      { finding: "ch3.w", reading: "supports", why: "w" }, // no part
      { finding: ["ch3.v", "ch3.x"], reading: "weakens", part: "b", why: "v" }, // ch3.x twice
      { finding: "ch3.u", reading: "supports", part: "a", why: "u", judgement: { alternative: { reading: "supports", part: "a" }, reason: "r" } },
      { finding: "chapter3", reading: "supports", part: "a", why: "t" },
    ]);
    const problems = linkProblems(bad).join("\n");
    expect(problems).toContain("p → ch3.x: a context link must name the different quantity");
    expect(problems).toContain('p → ch3.y: its why must name the quantity it is about ("prices")');
    expect(problems).toContain('p → ch3.z: context is about "a", a part of the statement');
    expect(problems).toContain("p → ch3.w: a counted link must name a part of the statement");
    expect(problems).toContain("ch3.x is linked twice");
    expect(problems).toContain("p → ch3.u: the alternative reading is the same reading");
    expect(problems).toContain("'chapter3' is not a finding id");
    expect(linkProblems(bad)).toHaveLength(7);
  });
});

describe("assess", () => {
  it("counts a finding by its verdict and the link's reading", () => {
    const links: Link[] = [
      ...(["reproduced", "corroborated", "diverges", "contradicted", "inconclusive", "untestable"] as const).flatMap((v) => [
        { finding: `ch3.s_${v}`, reading: "supports" as const, part: "a", why: "" },
        { finding: `ch3.w_${v}`, reading: "weakens" as const, part: "b", why: "" },
      ]),
      { finding: "ch3.ctx", reading: "context", about: "q", why: "q" },
      { finding: "ch3.chk", reading: "supports", part: "a", why: "" },
      { finding: "ch3.missing", reading: "supports", part: "a", why: "" },
    ];
    const fs = [
      ...(["reproduced", "corroborated", "diverges", "contradicted", "inconclusive", "untestable"] as const).flatMap((v) => [f(`ch3.s_${v}`, v), f(`ch3.w_${v}`, v)]),
      f("ch3.ctx", "corroborated"),
      f("ch3.chk", "corroborated", { kind: "check" }),
    ];
    const a = assess(prop(links), fs);
    expect(a.links.map((l) => l.outcome)).toEqual([
      "for", "against", // reproduced: supports → for, weakens → against
      "for", "against", // corroborated
      "against", "for", // diverges
      "against", "for", // contradicted
      "inconclusive", "inconclusive",
      "untestable", "untestable",
      "context", "check", "absent",
    ]);
    // 4 for, 4 against, 2 inconclusive, 2 untestable, 1 each of context, check, absent
    expect(a.counts).toEqual({ for: 4, against: 4, inconclusive: 2, untestable: 2, context: 1, check: 1, cannot_fail: 0, absent: 1 });
    expect(a.summary).toBe("mixed");
    expect(countsText(a.counts)).toBe("4 for, 4 against, 2 inconclusive, 2 untestable; not counted: 1 context, 1 project checks, 0 that cannot fail, 1 not in this run");
  });

  it("reads an exact-number finding for its sign when the link says so", () => {
    const read = (computed: ComputedValue, sign: "positive" | "negative", verdict: Finding["verdict"] = "contradicted"): string =>
      assess(prop([{ finding: "ch3.n", reading: "supports", part: "a", sign, why: "" }]), [f("ch3.n", verdict, { computed, published: 2.5 })]).links[0]!.outcome;
    expect(read(1.0, "positive")).toBe("for"); // 1.0 > 0: the growth is real though the +2.5 is contradicted
    expect(read(-3.3, "negative")).toBe("for"); // −3.3 < 0
    expect(read(-3.3, "positive")).toBe("against"); // −3.3 ≤ 0
    expect(read(0, "positive")).toBe("against"); // 0 is not positive, and not above it
    expect(read([-0.5, 0.2], "positive")).toBe("inconclusive"); // the interval straddles 0
    expect(read([0.1, 0.2], "positive")).toBe("for");
    expect(read("undecided", "negative")).toBe("inconclusive");
    expect(read(null, "negative", "untestable")).toBe("untestable");
    expect(() => read(true, "positive")).toThrow(HypothesisError);
  });

  it("counts the findings of one link once: agreeing, or inconclusive when they disagree", () => {
    const one = (...fs: Finding[]): string =>
      assess(prop([{ finding: ["ch3.x.r1", "ch3.x.r2"], reading: "supports", part: "a", why: "" }]), fs).links[0]!.outcome;
    expect(one(f("ch3.x.r1", "reproduced"), f("ch3.x.r2", "corroborated"))).toBe("for");
    expect(one(f("ch3.x.r1", "contradicted"), f("ch3.x.r2", "diverges"))).toBe("against");
    expect(one(f("ch3.x.r1", "corroborated"), f("ch3.x.r2", "contradicted"))).toBe("inconclusive");
    expect(one(f("ch3.x.r1", "corroborated"), f("ch3.x.r2", "inconclusive"))).toBe("inconclusive");
    expect(one(f("ch3.x.r1", "untestable"), f("ch3.x.r2", "corroborated"))).toBe("for"); // the untestable reading is left out
    expect(one(f("ch3.x.r2", "corroborated"))).toBe("for"); // the other reading not in this run
    expect(one(f("ch3.x.r1", "untestable"), f("ch3.x.r2", "untestable"))).toBe("untestable");
    expect(one(f("ch3.x.r1", "corroborated", { kind: "check" }), f("ch3.x.r2", "contradicted"))).toBe("against"); // the check is not evidence
    expect(one(f("ch3.x.r1", "corroborated", { kind: "check" }))).toBe("check");
    const disagree = assess(prop([{ finding: ["ch3.x.r1", "ch3.x.r2"], reading: "supports", part: "a", why: "" }]), [
      f("ch3.x.r1", "corroborated"),
      f("ch3.x.r2", "contradicted"),
    ]);
    expect(disagree.links[0]!.detail).toBe("the readings disagree");
    expect(disagree.counts.for + disagree.counts.against).toBe(0);
  });

  it("takes the basis from the note, else from the verdict", () => {
    expect(findingBasis(f("ch3.a", "inconclusive", { note: "reading: x\nbasis: open data\nsource: y" }))).toBe("open_data");
    expect(findingBasis(f("ch3.a", "untestable", { note: "basis: the report's own figures (a check of the project's, not a claim of the report)" }))).toBe("report");
    expect(findingBasis(f("ch3.a", "diverges"))).toBe("report");
    expect(findingBasis(f("ch3.a", "corroborated"))).toBe("open_data");
    expect(findingBasis(f("ch3.a", "untestable"))).toBeNull();
  });
});

describe("the summary rule", () => {
  it("follows from the counts for and against only", () => {
    const c = (n: number[]) => ({ ...countOutcomes([]), for: n[0]!, against: n[1]!, inconclusive: n[2]!, untestable: n[3]! });
    expect(summaryOf(c([2, 0, 1, 3]))).toBe("supported");
    expect(summaryOf(c([0, 1, 4, 0]))).toBe("weakened");
    expect(summaryOf(c([1, 1, 0, 0]))).toBe("mixed");
    expect(summaryOf(c([2, 0, 3, 0]))).toBe("supported"); // inconclusive counts neither way
    expect(summaryOf(c([0, 0, 2, 5]))).toBe("inconclusive"); // tested, undecided
    expect(summaryOf(c([0, 0, 0, 5]))).toBe("untestable");
  });

  it("summarises each part from its own links", () => {
    const a = assess(
      prop([
        { finding: "ch3.a1", reading: "supports", part: "a", why: "" },
        { finding: "ch3.a2", reading: "supports", part: "a", why: "" },
        { finding: "ch3.b1", reading: "weakens", part: "b", why: "" },
        { finding: "ch3.c1", reading: "context", about: "q", why: "q" },
      ]),
      [f("ch3.a1", "corroborated"), f("ch3.a2", "inconclusive"), f("ch3.b1", "corroborated"), f("ch3.c1", "contradicted")],
    );
    // a: 1 for + 1 inconclusive → supported; b: weakens + holds → 1 against → weakened
    expect(partAssessments(a).map((p) => [p.part, p.summary, p.counts.for, p.counts.against, p.counts.inconclusive])).toEqual([
      ["a", "supported", 1, 0, 1],
      ["b", "weakened", 0, 1, 0],
    ]);
    expect(a.summary).toBe("mixed");
  });

  it("names the single judgement call whose flip changes the summary", () => {
    const p = prop([
      { finding: "ch3.a1", reading: "supports", part: "a", why: "" },
      {
        finding: "ch3.b1",
        reading: "supports",
        part: "b",
        why: "b, or the birth side",
        judgement: { alternative: { reading: "context", about: "the birth side" }, reason: "r" },
      },
      { finding: "ch3.a2", reading: "supports", part: "a", why: "", judgement: { alternative: { reading: "weakens", part: "a" }, reason: "r2" } },
    ]);
    const fs = [f("ch3.a1", "corroborated"), f("ch3.b1", "contradicted"), f("ch3.a2", "untestable")];
    // base: a1 for, b1 against, a2 untestable → mixed. Flip b1 to context: 1 for → supported. Flip a2: still untestable → mixed.
    expect(assess(p, fs).summary).toBe("mixed");
    expect(judgementFlips(p, fs).map((x) => [linkIds(x.link)[0], x.summary, x.changes])).toEqual([
      ["ch3.b1", "supported", true],
      ["ch3.a2", "mixed", false],
    ]);
    const table = assessmentTable([p], fs).toRecords()[0]!;
    expect(table["sensitivity"]).toBe("ch3.b1 → supported");
    expect(table["summary"]).toBe("mixed");
  });

  it("shows one row per link: finding, what it tests, verdict, basis, reading, how it counts", () => {
    const a = assess(
      prop([
        { finding: ["ch3.x.r1", "ch3.x.r2"], reading: "supports", part: "a", sign: "positive", why: "grew" },
        { finding: "ch3.ctx", reading: "context", about: "prices", why: "prices" },
      ]),
      [f("ch3.x.r1", "contradicted", { computed: 1.5 }), f("ch3.ctx", "reproduced", { robustness: { status: "fragile", alternatives: [], flips: ["y"] } })],
    );
    const df = assessmentFrame(a);
    expect(df.columns).toEqual(["finding", "tests", "verdict", "basis", "reading", "counts", "detail"]);
    expect(df.toRecords()).toEqual([
      { finding: "ch3.x.r1, ch3.x.r2", tests: "a: grew", verdict: "contradicted", basis: "open data", reading: "supports (sign: positive)", counts: "for", detail: "computed 1.5: read for a positive sign" },
      { finding: "ch3.ctx", tests: "(prices) prices", verdict: "reproduced (fragile)", basis: "the report's own figures", reading: "context (about prices)", counts: "not counted (context)", detail: "about prices" },
    ]);
  });
});

describe("the main conclusion (§5.3), on synthetic findings", () => {
  /** Every linked finding holding: comparisons true, population changes with the sign their links read. */
  const holding = (): Finding[] =>
    proposition(MAIN_CONCLUSION).links.flatMap((l) =>
      linkIds(l).map((id) => f(id, "corroborated", signOf(l, id) ? { computed: signOf(l, id) === "positive" ? 1 : -3 } : {})),
    );

  it("counts the region-level size test and the innovation gap, and its summary follows from the rule", () => {
    const a = assess(proposition(MAIN_CONCLUSION), holding());
    const outcome = (id: string): string => a.links.find((l) => linkIds(l.link).includes(id))!.outcome;
    expect(outcome("ch3.inverse_size_job_growth.regions")).toBe("for");
    expect(outcome("ch4.city_regions_innovation_above_small_town")).toBe("against");
    // job growth: 5 supports links hold → 5 for; innovation: 4 supports hold (above Norway, both types above their national
    // equivalents twice over, above the big cities: 4 for), 1 weakens holds (1 against), the two county splits are context;
    // population: 1 weakens link (the cities grew and the small towns shrank: one concentration, issue 25 audit) whose
    // four signs hold → 1 against. 9 for, 2 against → mixed.
    expect([a.counts.for, a.counts.against, a.counts.context]).toEqual([9, 2, 2]);
    expect(a.summary).toBe("mixed");
    expect(partAssessments(a).map((p) => `${p.part}:${p.summary}`)).toEqual(["job growth:supported", "innovation:mixed", "population:weakened"]);
  });

  it("an inconclusive region-level test counts neither way; a project check not at all", () => {
    const fs = holding().map((x) =>
      x.id === "ch3.inverse_size_job_growth.regions" ? f(x.id, "inconclusive") : x.id === "ch4.innovation_rate_above_norway" ? { ...x, kind: "check" as const } : x,
    );
    const a = assess(proposition(MAIN_CONCLUSION), fs);
    // from 9 for / 2 against: the regions test → inconclusive (8 for), the innovation rate → check (7 for)
    expect([a.counts.for, a.counts.against, a.counts.inconclusive, a.counts.check]).toEqual([7, 2, 1, 1]);
  });

  it("a mixed or weakened summary decided on the report's own figures alone says so (issue 25 audit)", () => {
    const p = { id: "c.test", chapter: 5 as const, source: "§5", lines: [1, 2] as [number, number], statement: "s", parts: ["a", "b"],
      links: [{ finding: "ch3.x", reading: "supports" as const, part: "a", why: "x" }, { finding: "ch3.y", reading: "supports" as const, part: "b", why: "y" }] };
    const reportOnly = assess(p, [f("ch3.x", "reproduced"), f("ch3.y", "diverges")]); // both verdicts rest on the report's figures
    expect(reportOnly.summary).toBe("mixed");
    expect(assessmentText(reportOnly, [])).toContain("`mixed` on the report's own figures only: no deciding link rests on open data.");
    const withOpenData = assess(p, [f("ch3.x", "corroborated"), f("ch3.y", "diverges")]);
    expect(assessmentText(withOpenData, [])).not.toContain("no deciding link rests on open data");
  });

  it("the cities' growth and the small towns' decline are one piece of evidence, each finding read for its own sign", () => {
    const population = proposition(MAIN_CONCLUSION).links.filter((l) => l.part === "population");
    expect(population).toHaveLength(1);
    const [link] = population;
    expect(signOf(link!, "ch3.city_regions_population_change_2001_07.jan2001_jan2007")).toBe("positive");
    expect(signOf(link!, "ch3.small_town_regions_population_change_2001_07.jan2001_jan2008")).toBe("negative");
    // the small towns grew in one reading: that finding fails its sign, the others hold → the readings disagree → inconclusive
    const fs = holding().map((x) => (x.id === "ch3.small_town_regions_population_change_2001_07.jan2001_jan2008" ? f(x.id, "corroborated", { computed: 0.5 }) : x));
    expect(assess(proposition(MAIN_CONCLUSION), fs).links.find((l) => l.link.part === "population")!.outcome).toBe("inconclusive");
    // a sign map that does not name exactly the link's findings is refused
    const broken = { ...proposition(MAIN_CONCLUSION), links: [{ ...link!, sign: { "ch3.city_regions_population_change_2001_07.jan2001_jan2007": "positive" as const } }] };
    expect(linkProblems(broken).join("\n")).toMatch(/a sign by finding must name each of the link's findings/);
  });

  it("chapter 5 reads population growth for its direction where the statement asserts no figure", () => {
    // the city regions' +2.5 % contradicted by +1.0 and +1.5: the cities still grew, so the link counts for
    const fs = ["jan2001_jan2007", "jan2001_jan2008"].map((r, i) =>
      f(`ch3.city_regions_population_change_2001_07.${r}`, "contradicted", { computed: [1.0, 1.5][i]!, published: 2.5 }),
    );
    const a = assess(proposition("c.cities_gain_small_towns_lose"), fs);
    expect(a.links.find((l) => l.link.part === "city population" && l.link.sign)!.outcome).toBe("for");
  });
});

describe("chapters 2 and 5 read the findings the chapter notebooks emitted", () => {
  it("findingsOf skips a missing optional notebook and still refuses a missing required one", () => {
    const dir = mkdtempSync(join(tmpdir(), "hypotheses-findings-"));
    writeFileSync(join(dir, "03-structures.json"), JSON.stringify([f("ch3.a", "corroborated"), f("ch3.b", "untestable")]));
    const quiet = { html: () => undefined, markdown: () => undefined, raw: () => undefined };
    const before = process.env["INNLANDET_FINDINGS_DIR"];
    process.env["INNLANDET_FINDINGS_DIR"] = dir;
    try {
      const nb = new Notebook("02-perspectives", quiet);
      expect(nb.findingsOf(["03-structures", "06-fifteen-years-on"], { optional: ["06-fifteen-years-on"] }).map((x) => x.id)).toEqual(["ch3.a", "ch3.b"]);
      expect(() => nb.findingsOf(["03-structures", "06-fifteen-years-on"])).toThrow(/06-fifteen-years-on\.json does not exist/);
      expect(() => nb.findingsOf(["04-innovation"], { optional: ["06-fifteen-years-on"] })).toThrow(/04-innovation\.json does not exist/);
    } finally {
      if (before === undefined) delete process.env["INNLANDET_FINDINGS_DIR"];
      else process.env["INNLANDET_FINDINGS_DIR"] = before;
    }
  });
});
