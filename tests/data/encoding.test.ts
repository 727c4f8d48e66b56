/** A data file that is not UTF-8 is reported as such, before any row is read (issue 14: a UTF-16 file was "row 963"). */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dataDir, EncodingError, loadTable, sha256 } from "../../src/lib/index";

const FILE = "ssb/population_municipality_2000_2009.csv";

function copyWith(bytes: Buffer): string {
  const d = mkdtempSync(join(tmpdir(), "encoding-"));
  cpSync(dataDir(), d, { recursive: true });
  writeFileSync(join(d, FILE), bytes);
  const m = JSON.parse(readFileSync(join(d, "manifest.json"), "utf8")) as { files: { path: string; sha256: string }[] };
  for (const e of m.files) if (e.path === FILE) e.sha256 = sha256(bytes); // as data:rehash would
  writeFileSync(join(d, "manifest.json"), JSON.stringify(m, null, 2));
  return d;
}

describe("text encoding of data files", () => {
  const text = readFileSync(join(dataDir(), FILE), "utf8");
  it("a UTF-16 copy (with its byte-order mark) is an EncodingError saying UTF-16", () => {
    const d = copyWith(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    expect(() => loadTable(FILE, d)).toThrow(EncodingError);
    expect(() => loadTable(FILE, d)).toThrow(/UTF-16/);
  });
  it("a Latin-1 copy (ø as one byte F8) is an EncodingError naming the byte, not a silently garbled name", () => {
    const d = copyWith(Buffer.from(text, "latin1"));
    expect(() => loadTable(FILE, d)).toThrow(/not UTF-8: invalid byte sequence F8/);
  });
});
