/**
 * Generated argument vectors for the `data` CLI (`verify | rehash`). The
 * parsing is the pure function parseDataArgs in scripts/data.ts, fuzzed
 * in-process (≥ 200 vectors): a command, help, or a one-line
 * CliArgumentError (exit code 2), never another exception. A few vectors run
 * the real script with `npx tsx` on temporary copies of data/ (never the
 * project's own manifest): exit 0, 2, or 1 with one line for data failures.
 */
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { limit } from "../support/limits";
import { dataDir } from "../../src/lib/index";
import { CliArgumentError } from "../../src/lib/ssb/cli";
import { argOutcome } from "../support/cli";
import { parseDataArgs, type DataCliCommand } from "../../scripts/data";

let vectors = 0;
const outcomes = { verify: 0, rehash: 0, help: 0, refused: 0 };

function outcome(argv: string[]): DataCliCommand | CliArgumentError {
  vectors += 1;
  return argOutcome(parseDataArgs, argv, outcomes);
}

const token = fc.oneof(
  { arbitrary: fc.constantFrom("verify", "rehash"), weight: 4 },
  { arbitrary: fc.constantFrom("--help", "-h", "help", "--", "-", "--force", "-x", "verfy", "VERIFY", "extra", "", " ", "data/x.csv"), weight: 3 },
  { arbitrary: fc.string({ maxLength: 10 }), weight: 1 },
);

describe("parseDataArgs on generated argument vectors", () => {
  it("a command, help, or a one-line CliArgumentError; a command only for exactly `verify` or `rehash`", () => {
    fc.assert(
      fc.property(fc.array(token, { maxLength: 5 }), (argv) => {
        const r = outcome(argv);
        if (r instanceof CliArgumentError) return;
        if (r.kind === "help") {
          expect(r.text).toMatch(/^Usage: data/);
          expect(argv.some((t) => t === "--help" || t === "-h" || t === "help")).toBe(true);
          return;
        }
        // oracle: the only vectors that may run a command are the command alone (commander drops a trailing "--")
        expect(argv.filter((t) => t !== "--")).toEqual([r.kind]);
      }),
      { numRuns: 250, seed: 2009 },
    );
  });

  it("the two commands, and typical mistakes", () => {
    expect(outcome(["verify"])).toEqual({ kind: "verify" });
    expect(outcome(["rehash"])).toEqual({ kind: "rehash" });
    for (const [argv, msg] of [
      [[], "expected a command: verify or rehash (see data --help)"],
      [["verfy"], "unknown command 'verfy' (Did you mean verify?)"],
      [["verify", "extra"], "too many arguments for 'verify'. Expected 0 arguments but got 1."],
      [["rehash", "--force"], "unknown option '--force'"],
    ] as const) {
      expect((outcome([...argv]) as Error).message).toBe(msg);
    }
  });
});

function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const p = spawn("npx", ["tsx", join("scripts", "data.ts"), ...args], { cwd: resolve(__dirname, "..", ".."), env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    p.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    p.on("close", (code) => done({ code, stdout, stderr }));
  });
}

describe("the data script (spawned with npx tsx, on copies of data/)", () => {
  const copy = (): string => {
    const dir = mkdtempSync(join(tmpdir(), "data-cli-"));
    cpSync(dataDir(), dir, { recursive: true });
    return dir;
  };

  it("exit 0 for verify, 2 for unusable arguments, 1 with one line for data failures", async () => {
    const clean = copy();
    const changed = copy(); // one byte appended to a listed file: a checksum failure
    const manifest = JSON.parse(readFileSync(join(changed, "manifest.json"), "utf8")) as { files: { path: string }[] };
    const first = manifest.files[0]!.path;
    writeFileSync(join(changed, first), readFileSync(join(changed, first), "utf8") + "\n");
    const missing = copy(); // a listed file deleted: rehash used to crash with a stack trace
    rmSync(join(missing, first));
    const before = readFileSync(join(missing, "manifest.json"), "utf8");
    const [ok, bogus, extra, failed, rehashMissing] = await Promise.all([
      runCli(["verify"], { INNLANDET_DATA_DIR: clean }),
      runCli(["bogus"], { INNLANDET_DATA_DIR: clean }),
      runCli(["verify", "extra"], { INNLANDET_DATA_DIR: clean }),
      runCli(["verify"], { INNLANDET_DATA_DIR: changed }),
      runCli(["rehash"], { INNLANDET_DATA_DIR: missing }),
    ]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`ok  ${first}`);
    expect(ok.stderr).toBe("");
    expect([bogus.code, bogus.stderr.trim()]).toEqual([2, "data: unknown command 'bogus'"]);
    expect([extra.code, extra.stderr.trim()]).toEqual([2, "data: too many arguments for 'verify'. Expected 0 arguments but got 1."]);
    for (const r of [failed, rehashMissing]) {
      expect(r.code).toBe(1);
      expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(r.stderr).toContain(first);
    }
    expect(failed.stderr).toMatch(/^data:verify failed: /);
    expect(rehashMissing.stderr).toMatch(/^data:rehash failed: .*figur_3_6_sector_shares_2008\.csv: expected every file listed/);
    expect(readFileSync(join(missing, "manifest.json"), "utf8")).toBe(before); // nothing half-written
  }, limit(20_000));
});

afterAll(() => {
  process.stdout.write(
    `\ngenerated argument vectors (data): ${vectors} tried — ${outcomes.verify} verify, ${outcomes.rehash} rehash, ${outcomes.help} help, ${outcomes.refused} refused with a one-line message\n`,
  );
});
