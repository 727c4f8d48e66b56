/**
 * Temporary copies of data/ with files edited, then re-hashed (so the checksum no
 * longer protects them and only schema and contracts can catch the edit), and the
 * helpers to edit one line and to catch the typed error.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DataError, dataDir, rehashManifest } from "../../src/lib/index";

/** A re-hashed copy of data/ with `edits` applied (path relative to data/ → new text). */
export function badCopy(edits: Record<string, (text: string) => string>): string {
  const dir = mkdtempSync(join(tmpdir(), "innlandet-bad-"));
  cpSync(dataDir(), dir, { recursive: true });
  for (const [path, edit] of Object.entries(edits)) writeFileSync(join(dir, path), edit(readFileSync(join(dir, path), "utf8")));
  rehashManifest(dir);
  return dir;
}

/** Edit the one line starting with `prefix` (the test setup fails unless exactly one does). */
export function line(prefix: string, edit: (l: string) => string): (text: string) => string {
  return (text) => {
    const lines = text.split("\n");
    const hits = lines.filter((l) => l.startsWith(prefix));
    if (hits.length !== 1) throw new Error(`test setup: ${hits.length} lines start with ${prefix}`);
    return lines.map((l) => (l.startsWith(prefix) ? edit(l) : l)).join("\n");
  };
}

/** Set field `i` of a CSV line (fields before any quoted one), keeping a CRLF line ending. */
export const setField = (i: number, v: string) => (l: string) => {
  const cr = l.endsWith("\r") ? "\r" : "";
  return (
    l
      .slice(0, l.length - cr.length)
      .split(",")
      .map((x, j) => (j === i ? v : x))
      .join(",") + cr
  );
};

/** Apply several edits in turn. */
export const all =
  (...edits: ((t: string) => string)[]) =>
  (text: string): string =>
    edits.reduce((t, e) => e(t), text);

/** The DataError `fn` throws (the test fails if it throws nothing or something else). */
export function failure(fn: () => unknown): DataError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DataError) return e;
    throw e;
  }
  throw new Error("expected a DataError, nothing was thrown");
}

/**
 * Add `delta` persons to municipality `code` on 1 January `year` in a population file (field 4 is the year, field 5
 * the value, in both of SSB's municipal files).
 */
export const bump =
  (code: string, year: number, delta: number) =>
  (text: string): string => {
    const lines = text.split("\n");
    const i = lines.findIndex((l) => l.startsWith(`${code},`) && l.split(",")[4] === String(year));
    if (i < 0) throw new Error(`test setup: no row ${code} ${year}`);
    lines[i] = setField(5, String(Number(lines[i]!.split(",")[5]) + delta))(lines[i]!);
    return lines.join("\n");
  };
