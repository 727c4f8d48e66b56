/**
 * Project rules that would otherwise break silently:
 * - tslab resolves `./lib/index` but not bare folder imports (`./indicators`);
 * - a finding cell is the analysis: § and claim first, computation, evidence, one check (issue 10);
 * - notebooks are committed without outputs (build/ holds the executed ones).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Finding } from "../src/lib/findings/types";
import { emitted } from "./support/runs";

const root = join(__dirname, "..");

function files(dir: string, ext: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p, ext) : p.endsWith(ext) ? [p] : [];
  });
}

describe("project layout", () => {
  it("library imports name files, never bare folders (tslab cannot load those)", () => {
    const src = join(root, "src", "lib");
    for (const f of files(src, ".ts")) {
      for (const m of readFileSync(f, "utf8").matchAll(/from "(\.[^"]*)"/g)) {
        const target = join(f, "..", m[1]!);
        let isDir = false;
        try {
          isDir = statSync(target).isDirectory();
        } catch {
          /* a file import without extension */
        }
        expect(isDir, `${f}: import "${m[1]}" is a folder`).toBe(false);
      }
    }
  });

  it("notebooks are committed without outputs, import the library as ./lib/index, one-line imports", () => {
    for (const dir of ["notebooks", "explore"]) {
      for (const nb of readdirSync(join(root, dir)).filter((f) => f.endsWith(".ipynb"))) {
        for (const c of cells(join(root, dir, nb)).filter((x) => x.cell_type === "code")) {
          expect(c.outputs ?? [], `${dir}/${nb}: outputs committed`).toEqual([]);
          for (const line of src(c).split("\n").filter((l) => /^import\s/.test(l))) {
            expect(line, `${dir}/${nb}: imports are one line each and name files`).toMatch(/from "(tslab|nodejs-polars|\.\/lib\/index|\.\/lib\/interop\/danfo)";$/);
          }
        }
      }
    }
  });

  it("a finding cell starts with the § and the claim, and ≥ 90 % of testable finding cells compute ≥ 3 lines besides check", () => {
    const emittedBy = new Map<string, Finding[]>();
    for (const f of emitted()) emittedBy.set(`${f.notebook}#${f.cell}`, [...(emittedBy.get(`${f.notebook}#${f.cell}`) ?? []), f]);
    let testable = 0;
    let computing = 0;
    const thin: string[] = [];
    for (const [key, fs] of emittedBy) {
      const [nb, cell] = key.split("#");
      const c = cells(join(root, "notebooks", nb!))[Number(cell)]!;
      const lines = src(c).split("\n").map((l) => l.trim());
      if (fs.every((f) => f.verdict === "untestable")) continue;
      expect(lines[0], `${key}: a finding cell opens with '// §…' naming the claim`).toMatch(/^\/\/ §\d/);
      testable += 1;
      // computation lines: code that is not a comment, blank, a bracket, or part of the check(...) call
      const body = src(c).replace(/nb\.check\([\s\S]*?\n\}\);/g, "").replace(/nb\.check\([^;]*\);/g, "");
      const n = body.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("//") && !/^[)\]}]+[,;]?$/.test(l)).length;
      if (n >= 3) computing += 1;
      else thin.push(`${key} (${fs.map((f) => f.id).join(", ")})`);
    }
    expect(testable).toBeGreaterThan(0);
    expect(computing / testable, `cells with < 3 lines of computation: ${thin.join("; ")}`).toBeGreaterThanOrEqual(0.9);
  });
});

interface NbCell {
  cell_type: string;
  source: string[] | string;
  outputs?: unknown[];
}
function cells(path: string): NbCell[] {
  return (JSON.parse(readFileSync(path, "utf8")) as { cells: NbCell[] }).cells;
}
function src(c: NbCell): string {
  return Array.isArray(c.source) ? c.source.join("") : c.source;
}

describe("notebook scope (cells share one scope in the kernel and in the module runner)", () => {
  it("no top-level name is declared twice in a notebook", () => {
    for (const dir of ["notebooks", "explore"]) {
      for (const nb of readdirSync(join(root, dir)).filter((f) => f.endsWith(".ipynb"))) {
        const seen = new Map<string, number>();
        cells(join(root, dir, nb)).forEach((c, i) => {
          if (c.cell_type !== "code") return;
          for (const m of src(c).matchAll(/^(?:const|let|var|function|class)\s+([A-Za-z_$][\w$]*)/gm)) {
            expect(seen.has(m[1]!), `${dir}/${nb}: '${m[1]}' declared in cell ${seen.get(m[1]!)} and cell ${i}`).toBe(false);
            seen.set(m[1]!, i);
          }
        });
      }
    }
  });
});
