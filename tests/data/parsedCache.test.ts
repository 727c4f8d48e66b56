/**
 * A table loaded again is not parsed again when its bytes still match the manifest's sha256 (src/lib/data/load.ts):
 * the checksum is still verified on every load, each load gets its own rows, and a changed manifest entry
 * (another schema) is parsed afresh.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ChecksumError, dataDir, loadTable } from "../../src/lib/index";

const dir = mkdtempSync(join(tmpdir(), "innlandet-parsed-"));
cpSync(dataDir(), dir, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const PATH = "ssb/population_county_national.csv";

describe("loading a table twice", () => {
  it("gives equal rows that are not shared: changing one load's rows leaves the next load as the file says", () => {
    const a = loadTable(PATH, dir);
    const b = loadTable(PATH, dir);
    expect(b.rows).toEqual(a.rows);
    expect(b.rows[0]).not.toBe(a.rows[0]);
    const first = { ...a.rows[0]! };
    const key = Object.keys(first)[0]!;
    a.rows[0]![key] = "changed";
    a.rows.pop();
    const c = loadTable(PATH, dir);
    expect(c.rows[0]).toEqual(first);
    expect(c.rows).toHaveLength(b.rows.length);
  });

  it("still verifies the checksum on every load: a byte changed after the first load is a ChecksumError", () => {
    const other = mkdtempSync(join(tmpdir(), "innlandet-parsed-"));
    try {
      cpSync(dataDir(), other, { recursive: true });
      loadTable(PATH, other);
      const file = join(other, PATH);
      const bytes = readFileSync(file);
      const i = bytes.lastIndexOf(0x31); // a '1' in the data
      bytes[i] = 0x32;
      writeFileSync(file, bytes);
      expect(() => loadTable(PATH, other)).toThrow(ChecksumError);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it("parses afresh under a changed manifest entry: a tightened maximum is enforced", () => {
    const other = mkdtempSync(join(tmpdir(), "innlandet-parsed-"));
    try {
      cpSync(dataDir(), other, { recursive: true });
      loadTable(PATH, other);
      const mf = join(other, "manifest.json");
      const manifest = JSON.parse(readFileSync(mf, "utf8")) as { files: { path: string; columns: { name: string; type: string; max?: number }[] }[] };
      const col = manifest.files.find((f) => f.path === PATH)!.columns.find((c) => c.type === "integer" || c.type === "number")!;
      col.max = -1; // no count is below 0, so every row now breaks it
      writeFileSync(mf, JSON.stringify(manifest, null, 2));
      expect(() => loadTable(PATH, other)).toThrow(new RegExp(col.name));
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
