/**
 * Checksums: a one-byte change in any data file must fail loading, naming the file.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ChecksumError, ManifestError, dataDir, loadTable, readManifest, sha256, verifyAll } from "../../src/lib/index";

function copyData(): string {
  const dir = mkdtempSync(join(tmpdir(), "innlandet-data-"));
  cpSync(dataDir(), dir, { recursive: true });
  return dir;
}

describe("data manifest", () => {
  it("every listed file matches its recorded sha256 and schema", () => {
    const checked = verifyAll();
    expect(checked.map((c) => c.path).sort()).toEqual(
      readManifest()
        .files.map((f) => f.path)
        .sort(),
    );
  });

  it("every file has a source, a licence and described columns", () => {
    for (const f of readManifest().files) {
      expect(f.source.document.length).toBeGreaterThan(5);
      expect(f.source.location.length).toBeGreaterThan(5);
      expect(f.licence.length).toBeGreaterThan(2);
      for (const c of f.columns) expect(c.description.length).toBeGreaterThan(2);
    }
  });

  it.each(readManifest().files.map((f) => f.path))("changing one byte of %s fails with a ChecksumError naming it", (path) => {
    const dir = copyData();
    const file = join(dir, path);
    const bytes = readFileSync(file);
    const i = bytes.lastIndexOf(0x2e) > 0 ? bytes.lastIndexOf(0x2e) - 1 : bytes.length - 2; // a byte inside the data
    bytes[i] = bytes[i] === 0x31 ? 0x32 : 0x31;
    writeFileSync(file, bytes);
    expect(() => loadTable(path, dir)).toThrow(ChecksumError);
    expect(() => loadTable(path, dir)).toThrow(new RegExp(`data/${path.replace(/\./g, "\\.")}: expected sha256`));
    expect(() => verifyAll(dir)).toThrow(ChecksumError);
  });

  it("a file missing from the manifest is refused", () => {
    expect(() => loadTable("report/nonexistent.csv")).toThrow(ManifestError);
  });

  it("sha256 is the standard digest", () => {
    expect(sha256("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});
