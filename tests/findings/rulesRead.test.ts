/**
 * Every threshold in data/assumptions/phrase_rules.csv is read by the code that decides a verdict — a threshold
 * shown on the rules page but used nowhere is a rule the reader is misled by (issue #25). Read statically, from the
 * notebooks' code cells and src/lib: a rule counts as read when its threshold is taken (`nb.rule("id").threshold`,
 * a variable holding `nb.rule("id")` whose `.threshold` is used, or the library's `phraseRule("id"…)`/`rules.get("id")`).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPhraseRules } from "../../src/lib/findings/phrases";

const root = join(__dirname, "..", "..");
const notebookCode = readdirSync(join(root, "notebooks"))
  .filter((f) => f.endsWith(".ipynb"))
  .flatMap((f) => (JSON.parse(readFileSync(join(root, "notebooks", f), "utf8")).cells as { cell_type: string; source: string[] }[]))
  .filter((c) => c.cell_type === "code")
  .map((c) => c.source.join(""))
  .join("\n");
const libFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? libFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
const libCode = libFiles(join(root, "src", "lib")).map((f) => readFileSync(f, "utf8")).join("\n");
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Whether the code reads rule `id`'s threshold. */
export function thresholdRead(id: string, nbCode: string, lib: string): boolean {
  const q = `["']${esc(id)}["']`;
  if (new RegExp(`rule\\(${q}\\)\\.threshold`).test(nbCode)) return true;
  for (const m of nbCode.matchAll(new RegExp(`(\\w+) = nb\\.rule\\(${q}\\)`, "g")))
    if (new RegExp(`\\b${m[1]}\\.threshold\\b`).test(nbCode)) return true;
  return new RegExp(`(phraseRule\\(${q}|rules\\.get\\(${q}\\))`).test(lib);
}

describe("phrase rules: every threshold is read", () => {
  const rules = [...loadPhraseRules().values()];
  it("the detector tells a read threshold from an unread one (synthetic code)", () => {
    expect(thresholdRead("klart", 'const t = nb.rule("klart").threshold;', "")).toBe(true);
    expect(thresholdRead("klart", 'const k = nb.rule("klart");\nif (x > k.threshold) {}', "")).toBe(true);
    expect(thresholdRead("klart", 'const k = nb.rule("klart");\nnote(k.rule)', "")).toBe(false);
    expect(thresholdRead("klart", 'nb.check("x", { rule: "klart" })', "")).toBe(false);
    expect(thresholdRead("printed", "", 'phraseRule("printed", rules).threshold')).toBe(true);
  });
  it.each(rules.filter((r) => r.threshold > 0).map((r) => [r.rule]))("rule %s: its threshold is read", (id) => {
    expect(thresholdRead(id, notebookCode, libCode)).toBe(true);
  });
  it("a rule with threshold 0 says in its unit that it reads no size (direction only, or an exact count)", () => {
    for (const r of rules.filter((r) => r.threshold === 0)) expect([r.rule, r.unit]).toEqual([r.rule, expect.stringMatching(/^(same unit as the compared figures|units)$/)]);
  });
});
