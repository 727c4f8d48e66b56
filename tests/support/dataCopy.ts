/**
 * A temporary copy of data/ with one file edited and its checksum updated in
 * the copy's manifest — for testing validation other than the checksum.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dataDir, sha256 } from "../../src/lib/index";

export function dataCopy(path: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), "innlandet-data-"));
  cpSync(dataDir(), dir, { recursive: true });
  const file = join(dir, path);
  const text = edit(readFileSync(file, "utf8"));
  writeFileSync(file, text);
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as { files: { path: string; sha256: string }[] };
  for (const f of manifest.files) if (f.path === path) f.sha256 = sha256(text);
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2));
  return dir;
}
