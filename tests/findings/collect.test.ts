import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ChapterSession, collectFindings, evaluateAll, findingsMarkdown, type Finding } from "../../src/lib/index";

const registry = evaluateAll();

describe("collectFindings", () => {
  it("accepts notebooks that showed every finding identically, in registry order", () => {
    const c = collectFindings(registry, [...registry].reverse());
    expect(c).toMatchObject({ missing: [], differing: [], unknown: [] });
    expect(c.findings.map((f) => f.id)).toEqual(registry.map((f) => f.id));
  });

  it("reports missing, differing and unknown findings", () => {
    const changed: Finding = { ...registry[1]!, computed: 99 };
    const extra: Finding = { ...registry[0]!, id: "ch9.extra" };
    const c = collectFindings(registry, [changed, extra, ...registry.slice(2)]);
    expect(c.missing).toEqual([registry[0]!.id]);
    expect(c.differing).toEqual([registry[1]!.id]);
    expect(c.unknown).toEqual(["ch9.extra"]);
  });
});

describe("ChapterSession", () => {
  const before = process.env["INNLANDET_BUILD_DIR"];
  afterEach(() => {
    if (before === undefined) delete process.env["INNLANDET_BUILD_DIR"];
    else process.env["INNLANDET_BUILD_DIR"] = before;
  });

  it("records what it shows, equal to the registry's evaluation", () => {
    const dir = mkdtempSync(join(tmpdir(), "innlandet-build-"));
    process.env["INNLANDET_BUILD_DIR"] = dir;
    const ch = new ChapterSession("03-test");
    const id = registry[0]!.id; // any finding still in the registry (the others are emitted by notebook cells)
    const html = ch.show(id);
    expect(html).toContain(id);
    expect(html).toContain(registry[0]!.verdict);
    const saved = JSON.parse(readFileSync(join(dir, "notebook-findings", "03-test.json"), "utf8")) as Finding[];
    expect(saved).toEqual([registry[0]]);
    expect(() => ch.show("no_such_claim")).toThrow(/no finding/);
  });
});

describe("findingsMarkdown", () => {
  it("has a summary line and one row per finding, escaping pipes", () => {
    const md = findingsMarkdown(registry);
    expect(md).toMatch(new RegExp(`${registry.length} findings — reproduced: \\d+`));
    expect(md.split("\n").filter((l) => l.startsWith("| ch")).length).toBe(registry.length);
  });
});
