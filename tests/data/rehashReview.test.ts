/**
 * `npm run data:rehash` is reviewed like a lockfile (issue 21, item 1): a changed
 * checksum is recorded only with `--reason "…"` (else exit 2, one line naming the
 * changed files, nothing written), and every change is appended to data/CHANGES.md
 * (date, file, old → new sha256, rows added/removed/changed against the copy in
 * git's HEAD, reason). A rehash with nothing changed changes nothing. All on
 * temporary copies of data/ (one of them inside a throwaway git repository).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dataDir, readManifest, sha256, unlistedFiles } from "../../src/lib/index";
import { CliArgumentError } from "../../src/lib/ssb/cli";
import { parseDataArgs } from "../../scripts/data";
import { limit } from "../support/limits";
import { runProcess, type ProcessResult } from "../support/spawn";

const root = join(__dirname, "..", "..");
const CLAIMS = "report/claims.csv";

/** A copy of data/ as `<tmp>/data`; with `git`, `<tmp>` is a repository whose HEAD holds the copy. */
async function copy(git: boolean): Promise<string> {
  const top = mkdtempSync(join(tmpdir(), "innlandet-review-"));
  const dir = join(top, "data");
  mkdirSync(dir);
  cpSync(dataDir(), dir, { recursive: true });
  if (git) {
    const g = async (...args: string[]): Promise<void> => {
      const r = await runProcess("git", ["-C", top, "-c", "user.name=t", "-c", "user.email=t@t", ...args]);
      if (r.status !== 0) throw new Error(`test setup: git ${args.join(" ")}: ${r.stderr}`);
    };
    await g("init", "-q");
    await g("add", "-A");
    await g("commit", "-q", "-m", "data");
  }
  return dir;
}

/** claims.csv with one statement reworded, one claim removed and one added. */
function editClaims(dir: string): void {
  const file = join(dir, CLAIMS);
  const lines = readFileSync(file, "utf8").split("\n");
  const out = lines
    .filter((l) => !l.startsWith("few_radical_innovations,"))
    .map((l) =>
      l.startsWith("innlandet_lower_entry_than_norway,") ? l.replace(/,[^,]*$/, ",Innlandet has fewer firm entries than Norway (reworded)") : l,
    );
  out.splice(out.length - 1, 0, "a_new_comparison,4.6,1452,1457,comparison,,,,,,direction,,A claim added for the test");
  writeFileSync(file, out.join("\n"));
}

function run(dir: string, ...args: string[]): Promise<ProcessResult> {
  return runProcess(join(root, "node_modules", ".bin", "tsx"), [join(root, "scripts", "data.ts"), "rehash", ...args], {
    env: { ...process.env, INNLANDET_DATA_DIR: dir },
  });
}

const read = (dir: string, p: string): string => (existsSync(join(dir, p)) ? readFileSync(join(dir, p), "utf8") : "");

describe("data:rehash is reviewed", { timeout: limit(30_000) }, () => {
  it("refuses a changed checksum without --reason; with one, records it and appends data/CHANGES.md; a second run changes nothing", async () => {
    const dir = await copy(true);
    const oldSha = readManifest(dir).files.find((f) => f.path === CLAIMS)!.sha256;
    editClaims(dir);
    const newSha = sha256(readFileSync(join(dir, CLAIMS)));
    const manifestBefore = read(dir, "manifest.json");
    const changesBefore = read(dir, "CHANGES.md");

    const refused = await run(dir);
    expect(refused.status).toBe(2);
    expect(refused.stderr.trimEnd().split("\n")).toEqual([
      `data:rehash refused: the recorded checksum of ${CLAIMS} would change; say why with --reason "…" (one line; it goes into data/CHANGES.md) — nothing was re-hashed`,
    ]);
    expect(read(dir, "manifest.json")).toBe(manifestBefore);
    expect(read(dir, "CHANGES.md")).toBe(changesBefore);

    const done = await run(dir, "--reason", "Reword one claim | drop one, add one");
    expect(done.status, done.stderr).toBe(0);
    expect(done.stdout).toContain(`updated ${CLAIMS}`);
    expect(readManifest(dir).files.find((f) => f.path === CLAIMS)!.sha256).toBe(newSha);
    const log = read(dir, "CHANGES.md");
    expect(log.startsWith(changesBefore)).toBe(true); // appended, never rewritten
    const added = log.slice(changesBefore.length).trim().split("\n");
    expect(added.length).toBeGreaterThanOrEqual(1);
    const entry = added[added.length - 1]!;
    expect(entry).toBe(
      `- ${entry.slice(2, 12)} report/claims.csv: sha256 ${oldSha.slice(0, 12)} → ${newSha.slice(0, 12)}; rows: 1 added, 1 removed, 1 changed; reason: Reword one claim | drop one, add one`,
    );
    expect(entry.slice(2, 12)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(unlistedFiles(dir)).toEqual([]); // CHANGES.md is the log, not an input

    const manifestAfter = read(dir, "manifest.json");
    const again = await run(dir);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain("no checksum changed");
    expect(read(dir, "manifest.json")).toBe(manifestAfter);
    expect(read(dir, "CHANGES.md")).toBe(log);
  });

  it("without a previous copy in git, the entry says the rows are unknown", async () => {
    const dir = await copy(false);
    editClaims(dir);
    const r = await run(dir, "--reason", "Reworded");
    expect(r.status, r.stderr).toBe(0);
    const entry = read(dir, "CHANGES.md").trim().split("\n").pop()!;
    expect(entry).toMatch(
      /^- \d{4}-\d{2}-\d{2} report\/claims\.csv: sha256 [0-9a-f]{12} → [0-9a-f]{12}; rows: unknown \(no previous copy\); reason: Reworded$/,
    );
  });

  it("--reason must be one non-empty line (exit 2)", () => {
    expect(parseDataArgs(["rehash", "--reason", "SSB revised 2025"])).toEqual({ kind: "rehash", reason: "SSB revised 2025" });
    for (const bad of ["", "  ", "two\nlines"]) {
      expect(() => parseDataArgs(["rehash", "--reason", bad])).toThrow(CliArgumentError);
    }
    expect(() => parseDataArgs(["rehash", "--reason"])).toThrow(/argument missing/);
    expect(() => parseDataArgs(["verify", "--reason", "x"])).toThrow(CliArgumentError);
  });
});
