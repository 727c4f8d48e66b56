/**
 * Project rules that would otherwise break silently:
 * - tslab resolves `./lib/index` but not bare folder imports (`./indicators`);
 * - notebooks hold no transform logic: no polars calls of their own;
 * - notebooks are committed without outputs (build/ holds the executed ones).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

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

  it("notebooks only call the library and display: no polars of their own, no outputs committed", () => {
    const nbs = readdirSync(join(root, "notebooks")).filter((f) => f.endsWith(".ipynb"));
    expect(nbs.length).toBeGreaterThan(0);
    for (const nb of nbs) {
      const doc = JSON.parse(readFileSync(join(root, "notebooks", nb), "utf8")) as {
        cells: { cell_type: string; source: string[] | string; outputs?: unknown[] }[];
      };
      for (const c of doc.cells.filter((x) => x.cell_type === "code")) {
        const src = Array.isArray(c.source) ? c.source.join("") : c.source;
        expect(src, nb).not.toMatch(/nodejs-polars|\.groupBy\(|\.agg\(|\.withColumns?\(|\.join\(|\bpl\.|lib\.(col|lit)\(|\.filter\(lib/);
        expect(c.outputs ?? [], `${nb}: outputs committed`).toEqual([]);
      }
    }
  });
});
