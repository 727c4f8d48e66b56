/**
 * `npm run data:verify` / `data:rehash` end to end on temp copies of data/:
 * exit 1 with a one-line message (no stack trace) for a missing listed file,
 * an unlisted file, and data that break a contract after a rehash.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dataDir } from "../../src/lib/index";
import { limit } from "../support/limits";
import { runProcess, type ProcessResult } from "../support/spawn";

const root = join(__dirname, "..", "..");

function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), "innlandet-cli-"));
  cpSync(dataDir(), dir, { recursive: true });
  return dir;
}

function run(cmd: "verify" | "rehash", dir: string, ...args: string[]): Promise<ProcessResult> {
  return runProcess(join(root, "node_modules", ".bin", "tsx"), [join(root, "scripts", "data.ts"), cmd, ...args], {
    env: { ...process.env, INNLANDET_DATA_DIR: dir },
  });
}

describe("data CLI", { timeout: limit(20_000) }, () => {
  it("rehash with a listed file missing: exit 1, one line naming the file, manifest untouched", async () => {
    const dir = copy();
    const before = readFileSync(join(dir, "manifest.json"), "utf8");
    rmSync(join(dir, "ssb", "population_county_national.csv"));
    const r = await run("rehash", dir);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toEqual([
      "data:rehash failed: data/ssb/population_county_national.csv: expected every file listed in data/manifest.json to exist (restore it, or remove its entry from the manifest); nothing was re-hashed, found missing: data/ssb/population_county_national.csv",
    ]);
    expect(readFileSync(join(dir, "manifest.json"), "utf8")).toBe(before);
  });

  it("verify reports an unlisted file (exit 1) and ignores data/cache/", async () => {
    const dir = copy();
    writeFileSync(join(dir, "ssb", "stray.csv"), "a\n1\n");
    const r = await run("verify", dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("FAIL data/ssb/stray.csv: not listed in data/manifest.json");
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("rehash (with a reason) after a ×10 edit records and logs the checksum but fails on the change bound (exit 1)", async () => {
    const dir = copy();
    const file = join(dir, "ssb", "population_municipality_1992_2026.csv");
    writeFileSync(file, readFileSync(file, "utf8").replace("0403,3403,Hamar,Hedmark,2005,27439,", "0403,3403,Hamar,Hedmark,2005,274390,"));
    const r = await run("rehash", dir, "--reason", "a typo, on purpose");
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("updated ssb/population_municipality_1992_2026.csv");
    expect(readFileSync(join(dir, "CHANGES.md"), "utf8")).toMatch(
      /ssb\/population_municipality_1992_2026\.csv: sha256 .*; reason: a typo, on purpose\n$/,
    );
    expect(r.stdout).toContain(
      "ChangeBoundError: data/ssb/population_municipality_1992_2026.csv, row 50, key municipality_code_2008=0403, year=2005",
    );
    expect((await run("verify", dir)).status).toBe(1);
  });
});
