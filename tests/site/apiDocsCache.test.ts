/**
 * The API reference's cache (scripts/lib/site/apiDocsCache.ts) on a one-file project in a temporary
 * folder, whose `node_modules/typedoc` is a stand-in that logs each run to a file and then runs the real
 * TypeDoc: a second rendering with the same inputs does not run TypeDoc and gives the same pages, a
 * changed source file does run it; the key moves with each input it names.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApiDocs } from "../../scripts/lib/site/apiDocs";
import { apiDocsKey } from "../../scripts/lib/site/apiDocsCache";

const REPO = join(__dirname, "..", "..");
const REAL_TYPEDOC = join(REPO, "node_modules", "typedoc");

const tmp = mkdtempSync(join(tmpdir(), "apidocs-cache-test-"));
const root = join(tmp, "project");
const cacheDir = join(tmp, "cache");
const runsLog = join(root, "typedoc-runs.log");
const runs = (): number => (existsSync(runsLog) ? readFileSync(runsLog, "utf8").split("\n").filter(Boolean).length : 0);

/** Every file under `dir` (relative path → contents). */
function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p, "latin1"));
    }
  };
  walk(dir);
  return out;
}

const SOURCE =
  "/**\n * Adds two numbers.\n * @example\n * add(1, 2); // 3\n */\nexport function add(a: number, b: number): number {\n  return a + b;\n}\n";

beforeAll(() => {
  mkdirSync(join(root, "src", "lib"), { recursive: true });
  writeFileSync(join(root, "src", "lib", "index.ts"), SOURCE);
  for (const f of ["typedoc.json", "tsconfig.json", "tsconfig.lib.json", "scripts/lib/site/api-readme.md"]) {
    mkdirSync(join(root, f, ".."), { recursive: true });
    cpSync(join(REPO, f), join(root, f));
  }
  // a stand-in TypeDoc package: logs the run, then runs the real command line (which forks the real TypeDoc)
  const fake = join(root, "node_modules", "typedoc");
  mkdirSync(join(fake, "bin"), { recursive: true });
  const { version } = JSON.parse(readFileSync(join(REAL_TYPEDOC, "package.json"), "utf8")) as { version: string };
  writeFileSync(join(fake, "package.json"), JSON.stringify({ name: "typedoc", version }));
  writeFileSync(
    join(fake, "bin", "typedoc"),
    `require("node:fs").appendFileSync(${JSON.stringify(runsLog)}, "run\\n");\nrequire(${JSON.stringify(join(REAL_TYPEDOC, "bin", "typedoc"))});\n`,
  );
  symlinkSync(join(REPO, "node_modules", "@types"), join(root, "node_modules", "@types"));
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("the API reference's cache", () => {
  it("renders once for the same inputs, and again when a source file changes", async () => {
    const first = await buildApiDocs(join(tmp, "site1"), { root, cacheDir });
    expect(runs()).toBe(1);
    expect(first.cached).toBe(false);
    expect(first.functions).toEqual(["add"]);

    const second = await buildApiDocs(join(tmp, "site2"), { root, cacheDir });
    expect(runs()).toBe(1); // TypeDoc did not run
    expect(second.cached).toBe(true);
    expect({ ...second, dir: "", cached: false }).toEqual({ ...first, dir: "", cached: false });
    const [a, b] = [tree(join(tmp, "site1", "api")), tree(join(tmp, "site2", "api"))];
    expect(a.has("index.html")).toBe(true);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [f, text] of a) expect(b.get(f), f).toBe(text);
    // the site links are made relative on the copy too (typedoc.json's SITE_ROOT/ placeholder)
    expect(b.get("index.html")).not.toContain("SITE_ROOT/");

    writeFileSync(
      join(root, "src", "lib", "index.ts"),
      `${SOURCE}\n/** Subtracts. @example sub(3, 1); // 2 */\nexport const sub = (a: number, b: number): number => a - b;\n`,
    );
    const third = await buildApiDocs(join(tmp, "site3"), { root, cacheDir });
    expect(runs()).toBe(2);
    expect(third.cached).toBe(false);
    expect(existsSync(join(tmp, "site3", "api", "variables", "sub.html")) || existsSync(join(tmp, "site3", "api", "functions", "sub.html"))).toBe(
      true,
    );
  }, 240_000);

  it("keys on every input it names, and on nothing else", () => {
    const key = apiDocsKey(root);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(apiDocsKey(root)).toBe(key);
    writeFileSync(join(root, "notes.txt"), "not an input");
    expect(apiDocsKey(root)).toBe(key);
    const change = (file: string, text: string): void => {
      const before = readFileSync(join(root, file), "utf8");
      writeFileSync(join(root, file), text);
      expect(apiDocsKey(root), file).not.toBe(key);
      writeFileSync(join(root, file), before);
      expect(apiDocsKey(root), file).toBe(key);
    };
    change("typedoc.json", readFileSync(join(root, "typedoc.json"), "utf8").replace('"innlandet library"', '"another name"'));
    change("tsconfig.lib.json", "{}");
    change("tsconfig.json", "{}");
    change("scripts/lib/site/api-readme.md", "Another readme.");
    change("node_modules/typedoc/package.json", JSON.stringify({ version: "0.0.1" }));
    writeFileSync(join(root, "src", "lib", "new.ts"), "export const x = 1;\n");
    expect(apiDocsKey(root)).not.toBe(key);
  });
});
