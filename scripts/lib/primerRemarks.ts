/**
 * The formulas and references of the methods primer, written once: each `<!-- remarks: fn … -->` block of
 * notebooks/01-methods.ipynb is the TypeDoc `@remarks` of the named library functions (the markers stand on lines of
 * their own with a blank line inside them, so Markdown renders the text between). `npm run primer:remarks` copies
 * the blocks into the JSDoc; tests/primer/remarks.test.ts fails when the two differ.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** A remarks block of the primer: the functions it documents and its Markdown text. */
export interface RemarksBlock {
  functions: string[];
  text: string;
}

/** The remarks blocks of a notebook's markdown cells, in order. */
export function primerRemarks(notebookJson: string): RemarksBlock[] {
  const cells = (JSON.parse(notebookJson) as { cells: { cell_type: string; source: string | string[] }[] }).cells;
  const out: RemarksBlock[] = [];
  for (const c of cells) {
    if (c.cell_type !== "markdown") continue;
    const src = Array.isArray(c.source) ? c.source.join("") : c.source;
    for (const m of src.matchAll(/<!-- remarks: ([\w ]+?) -->\n([\s\S]*?)\n<!-- \/remarks -->/g)) out.push({ functions: m[1]!.split(/\s+/), text: m[2]!.trim() });
  }
  return out;
}

/** Where a function's JSDoc lies in a source file: the comment's start and end offsets, or undefined. */
function docOf(source: string, fn: string): { start: number; end: number } | undefined {
  const decl = new RegExp(`^export (?:async )?function\\*? ${fn}\\b`, "m").exec(source);
  if (!decl) return undefined;
  const end = source.lastIndexOf("*/", decl.index);
  const start = source.lastIndexOf("/**", end);
  // the comment must be the one right before the declaration
  if (start < 0 || end < 0 || source.slice(end + 2, decl.index).trim() !== "") return undefined;
  return { start, end: end + 2 };
}

/** The comment's lines without the leading " * ". */
function commentLines(comment: string): string[] {
  return comment
    .replace(/^\/\*\*\s*\n?/, "")
    .replace(/\s*\*\/$/, "")
    .split("\n")
    .map((l) => l.replace(/^\s*\* ?/, ""));
}

/**
 * The `@remarks` text of an exported function's JSDoc in a source file (undefined when it has none).
 * @example jsdocRemarks("/**\n * Sum.\n * @remarks\n * a + b\n *\/\nexport function add() {}", "add"); // "a + b"
 */
export function jsdocRemarks(source: string, fn: string): string | undefined {
  const at = docOf(source, fn);
  if (!at) return undefined;
  const lines = commentLines(source.slice(at.start, at.end));
  const i = lines.findIndex((l) => /^@remarks\b/.test(l));
  if (i < 0) return undefined;
  const rest = lines.slice(i + 1);
  const stop = rest.findIndex((l) => /^@\w/.test(l));
  return (stop < 0 ? rest : rest.slice(0, stop)).join("\n").trim();
}

/** The source with the function's `@remarks` set to `text` (put before its first tag, or replacing the old one). */
export function withRemarks(source: string, fn: string, text: string): string {
  const at = docOf(source, fn);
  if (!at) throw new Error(`no JSDoc comment right before 'export function ${fn}'`);
  const indent = /^([ \t]*)/.exec(source.slice(source.lastIndexOf("\n", at.start) + 1))![1]!;
  let lines = commentLines(source.slice(at.start, at.end));
  const old = lines.findIndex((l) => /^@remarks\b/.test(l));
  if (old >= 0) {
    const next = lines.slice(old + 1).findIndex((l) => /^@\w/.test(l));
    lines = [...lines.slice(0, old), ...(next < 0 ? [] : lines.slice(old + 1 + next))];
  }
  while (lines.length && lines[lines.length - 1]!.trim() === "") lines.pop();
  const firstTag = lines.findIndex((l) => /^@\w/.test(l));
  const remarks = ["@remarks", ...text.split("\n")];
  const merged = firstTag < 0 ? [...lines, ...remarks] : [...lines.slice(0, firstTag), ...remarks, ...lines.slice(firstTag)];
  const comment = `/**\n${merged.map((l) => `${indent} *${l ? ` ${l}` : ""}`).join("\n")}\n${indent} */`;
  return source.slice(0, at.start) + comment + source.slice(at.end);
}

/** Every .ts file under a folder. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

/** The file of `files` that exports function `fn`. */
export function fileDefining(files: string[], fn: string): string | undefined {
  const decl = new RegExp(`^export (?:async )?function\\*? ${fn}\\b`, "m");
  return files.find((f) => decl.test(readFileSync(f, "utf8")));
}

/** Copy every remarks block of the primer into the JSDoc of its functions; returns the files changed. */
export function updateRemarks(notebook: string, libDir: string): string[] {
  const files = sourceFiles(libDir);
  const changed = new Set<string>();
  for (const block of primerRemarks(readFileSync(notebook, "utf8"))) {
    for (const fn of block.functions) {
      const file = fileDefining(files, fn);
      if (!file) throw new Error(`the primer documents '${fn}', which no file under ${libDir} exports as a function`);
      const before = readFileSync(file, "utf8");
      const after = withRemarks(before, fn, block.text);
      if (after !== before) {
        writeFileSync(file, after);
        changed.add(file);
      }
    }
  }
  return [...changed];
}
