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
    const noSection: string[] = [];
    for (const [key, fs] of emittedBy) {
      const [nb, cell] = key.split("#");
      const c = cells(join(root, "notebooks", nb!))[Number(cell)]!;
      const lines = src(c).split("\n").map((l) => l.trim());
      if (fs.every((f) => f.verdict === "untestable")) continue;
      if (!/^\/\/ §\d/.test(lines[0] ?? "")) noSection.push(`${key}: ${lines[0]}`);
      testable += 1;
      // computation lines: code that is not a comment, blank, a bracket, or part of the check(...) call
      const body = src(c).replace(/nb\.check\([\s\S]*?\n\}\);/g, "").replace(/nb\.check\([^;]*\);/g, "");
      const n = body.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("//") && !/^[)\]}]+[,;]?$/.test(l)).length;
      if (n >= 3) computing += 1;
      else thin.push(`${key} (${fs.map((f) => f.id).join(", ")})`);
    }
    expect(noSection, "finding cells must open with '// §… — claim'").toEqual([]);
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

describe("tslab's compilation of top-level names", () => {
  // tslab turns a top-level `const x` into `exports.x` but leaves the object shorthand `{ x }` as it is, so the
  // kernel fails with "x is not defined" where the module runner passes: write `{ x: x }` for top-level names.
  it("no object shorthand refers to a top-level name of the notebook", () => {
    for (const dir of ["notebooks", "explore"]) {
      for (const nb of readdirSync(join(root, dir)).filter((f) => f.endsWith(".ipynb"))) {
        const code = cells(join(root, dir, nb)).map((c, i) => ({ i, s: c.cell_type === "code" ? src(c) : "" }));
        const names = new Set(code.flatMap(({ s }) => [...s.matchAll(/^(?:const|let|var|function|class)\s+([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]!)));
        for (const { i, s } of code) {
          for (const m of s.matchAll(/(?<![$\w])\{([^{}]*)\}/g)) {
            const before = s.slice(Math.max(0, m.index! - 12), m.index);
            const after = s.slice(m.index! + m[0].length, m.index! + m[0].length + 6);
            if (/(const|let|var)\s*$/.test(before) || /^\s*\)?\s*(:|=>|=)/.test(after)) continue; // destructuring
            // split the braces' content at commas outside parentheses and brackets
            let depth = 0;
            let tok = "";
            const toks: string[] = [];
            for (const ch of m[1]!) {
              if ("([".includes(ch)) depth += 1;
              if (")]".includes(ch)) depth -= 1;
              if (ch === "," && depth === 0) {
                toks.push(tok.trim());
                tok = "";
              } else tok += ch;
            }
            toks.push(tok.trim());
            for (const t of toks) expect(names.has(t), `${dir}/${nb} cell ${i}: shorthand { ${t} } of a top-level name; write { ${t}: ${t} }`).toBe(false);
          }
        }
      }
    }
  });
});
