/**
 * `npm run nb` runs a notebook on tslab's own executor: the kernel's semantics, and every failure is one line
 * naming the notebook, the cell as numbered on the page (cell [n]) and the line within it — no stack trace,
 * nothing left behind. Bad arguments: one line, exit 2, before any notebook runs.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { limit } from "../support/limits";

const root = join(__dirname, "..", "..");

function nb(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(join(root, "node_modules", ".bin", "tsx"), [join(root, "scripts", "nbcheck.ts"), ...args], { cwd: root });
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    p.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    p.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** A notebook of a markdown cell and the given code cells, in a fresh folder; returns [path, folder]. */
function notebook(name: string, cells: string[]): [string, string] {
  const dir = mkdtempSync(join(tmpdir(), "innlandet-nb-"));
  const doc = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: [
      { cell_type: "markdown", metadata: {}, source: "# a test notebook" },
      ...cells.map((source) => ({ cell_type: "code", metadata: {}, execution_count: null, outputs: [], source })),
    ],
  };
  const path = join(dir, `${name}.ipynb`);
  writeFileSync(path, JSON.stringify(doc));
  return [path, dir];
}

const oneLine = (s: string): string[] => s.split("\n").filter((l) => l.trim().length > 0);

describe.concurrent("npm run nb: a failing cell is one line naming it", { timeout: limit(30_000) }, () => {
  const cases: [string, string[], RegExp][] = [
    ["type error", ["const a = 1;", 'const x: number = "a";'], /type-error\.ipynb, cell \[2\], line 1: TypeScript: Type 'string' is not assignable to type 'number'/],
    ["syntax error", ["const a = 1;", "const b = (;"], /syntax-error\.ipynb, cell \[2\], line 1: TypeScript: Expression expected/],
    ["top-level return", ["const a = 1;", "const b = 2;\nreturn;"], /top-level-return\.ipynb, cell \[2\], line 2: TypeScript: A 'return' statement can only be used within a function body/],
    ["runtime error", ["const a = 1;", "const o: any = undefined;\nconst y = 2;\nconsole.log(o.foo);"], /runtime-error\.ipynb, cell \[2\], line 3: TypeError: Cannot read properties of undefined/],
    ["never resolves", ["const a = 1;", "await new Promise(() => setInterval(() => undefined, 1000));"], /never-resolves\.ipynb, cell \[2\]: Timeout: the cell did not finish within 5 s/],
    ["process.exit(0)", ["const a = 1;", "process.exit(0);"], /process-exit-0-\.ipynb, cell \[2\]: ProcessExit: the process exited with code 0 before the notebook finished/],
  ];
  it.each(cases)("%s", async (what, cells, expected) => {
    const [path, dir] = notebook(what.replace(/[^a-z0-9]+/g, "-"), cells);
    const r = await nb([path, "--cell-timeout", "5"]);
    expect(r.code, r.stderr).toBe(1);
    expect(oneLine(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(expected);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(dir)).toEqual([path.slice(dir.length + 1)]); // nothing written beside the notebook
  });

  it("names declared again in a later cell run as in the kernel (tslab accepts them)", async () => {
    const [path] = notebook("redeclared", ["const a = 1;", "const a = 2;\nif (a !== 2) throw new Error('not the later a');"]);
    const r = await nb([path]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });
});

describe.concurrent("npm run nb: bad arguments are one line, exit 2, before any notebook runs", { timeout: limit(10_000) }, () => {
  const dir = mkdtempSync(join(tmpdir(), "innlandet-nb-args-"));
  writeFileSync(join(dir, "script.py"), "print(1)\n");
  writeFileSync(join(dir, "broken.ipynb"), "{ not json");
  writeFileSync(join(dir, "a-file"), "");
  mkdirSync(join(dir, "folder.ipynb"));
  const good = join(root, "explore", "worked-example.ipynb");
  const cases: [string, string[], RegExp][] = [
    ["a missing file", [join(dir, "missing.ipynb")], /no such file/],
    ["a folder", [join(dir, "folder.ipynb")], /is a folder/],
    ["a .py file", [join(dir, "script.py")], /not a notebook: expected a \.ipynb file/],
    ["a file that is not JSON", [join(dir, "broken.ipynb")], /not valid notebook JSON/],
    ["--compare on a missing file", [good, "--compare", join(dir, "nope.json")], /--compare .*no such file/],
    ["--compare given twice", [good, "--compare", "a", "--compare", "b"], /--compare given twice/],
    ["an unknown mapping", [good, "--param", "regions=xx"], /regions/],
    ["--findings-dir under a file", [good, "--findings-dir", join(dir, "a-file", "sub")], /is a file, not a folder/],
    ["a cell timeout of zero", [good, "--cell-timeout", "0"], /--cell-timeout must be a positive number/],
  ];
  it.each(cases)("%s", async (_what, args, expected) => {
    const r = await nb(args);
    expect(r.code, r.stdout + r.stderr).toBe(2);
    expect(oneLine(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(expected);
    expect(r.stdout).not.toMatch(/findings from/); // nothing ran
  });
});
