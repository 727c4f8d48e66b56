/**
 * Generated argument vectors for the `ssb` CLI. The argument parsing is the
 * pure function parseSsbArgs, fuzzed in-process (≥ 200 vectors): every vector
 * ends in a command, help, or a CliArgumentError with a one-line message
 * (exit code 2) — never another exception. A few vectors run the real script
 * with `npx tsx` to check exit codes and that stderr is one line, no stack.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { limit } from "../support/limits";
import { buildRequest, cacheKey } from "../../src/lib/index";
import { CliArgumentError, parseSsbArgs, type SsbCliCommand } from "../../src/lib/ssb/cli";
import { argOutcome } from "../support/cli";

let vectors = 0;
const outcomes = { fetch: 0, help: 0, refused: 0 };

function outcome(argv: string[]): SsbCliCommand | CliArgumentError {
  vectors += 1;
  return argOutcome(parseSsbArgs, argv, outcomes);
}

const flags = ["--region", "--years", "--var", "--api", "--online", "--refresh", "--timeout", "--out", "--help", "-h", "--bogus", "--", "-"];
const values = [
  ...["K-0501", "K-0501,K-0502", "K-0501,,K-0502", ",", "", " ", "Gjøvik", "--region=K-0501", "--timeout=abc", "--api=v3"],
  ...["2000-2009", "2009-2000", "2000,2000", "2000-", "1999", "0000-0001", "v0", "v2", "v3", "abc", "0", "-5", "1e3", "30000", "3600001"],
  ...["ContentsCode=Personer1", "=x", "Kjonn=", "Kjonn=1,2", "out.csv", "/"],
];
const token = fc.oneof(
  { arbitrary: fc.constantFrom("fetch", "07459", "7459", "074590", "abcde"), weight: 2 },
  { arbitrary: fc.constantFrom(...flags), weight: 4 },
  { arbitrary: fc.constantFrom(...values), weight: 4 },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
);
const randomVector = fc.oneof(
  fc.array(token, { maxLength: 8 }),
  fc.tuple(fc.constantFrom("07459", "7459"), fc.array(token, { maxLength: 8 })).map(([t, rest]) => ["fetch", t, ...rest]),
);

/** A valid invocation built from parts, with the selection it must give (computed here, not by the parser). */
const valid = fc
  .record({
    regions: fc.uniqueArray(fc.constantFrom("K-0501", "K-0502", "K-0412", "0403", "EAK"), { minLength: 1, maxLength: 3 }),
    from: fc.integer({ min: 1990, max: 2020 }),
    span: fc.integer({ min: 0, max: 9 }),
    api: fc.constantFrom("v2", "v0", undefined),
    timeout: fc.option(fc.integer({ min: 1, max: 3_600_000 }), { nil: undefined }),
    online: fc.boolean(),
    contents: fc.option(fc.constantFrom("Personer1", "Folketallet11"), { nil: undefined }),
  })
  .map((p) => {
    const years = Array.from({ length: p.span + 1 }, (_, i) => String(p.from + i));
    const argv = ["fetch", "07459", "--region", p.regions.join(","), "--years", `${p.from}-${p.from + p.span}`];
    if (p.api) argv.push("--api", p.api);
    if (p.timeout !== undefined) argv.push(`--timeout=${p.timeout}`);
    if (p.online) argv.push("--online");
    if (p.contents) argv.push("--var", `ContentsCode=${p.contents}`);
    const selection: Record<string, string[]> = { Region: p.regions, Tid: years };
    if (p.contents) selection["ContentsCode"] = [p.contents];
    return { argv, selection, api: p.api ?? "v2", timeoutMs: p.timeout ?? 30_000, online: p.online, from: p.from, span: p.span };
  });

type Fault = "years-reversed" | "timeout" | "api" | "region" | "table" | "refresh" | "unknown-option" | "var" | "twice" | "out";
const faults: [Fault, RegExp][] = [
  ["years-reversed", /--years: .* runs backwards/],
  ["timeout", /--timeout must be a whole number/],
  ["api", /--api must be v2 or v0/],
  ["region", /--region (expects codes|lists .* twice)/],
  ["table", /table must be a 5-digit/],
  ["refresh", /--refresh .* needs --online/],
  ["unknown-option", /unknown option/],
  ["var", /--var (expects CODE=v1,v2|Kjonn expects codes)/],
  ["twice", /^--(region|years) is given twice/],
  ["out", /^--out expects a file name/],
];

function inject(argv: string[], fault: Fault, from: number, pick: number): string[] {
  const a = argv.filter((t) => t !== "--online");
  /** Give `flag` the value `v`: in place of an earlier occurrence (`--flag v` or `--flag=v`), else appended. */
  const set = (flag: string, v: string): void => {
    const i = a.findIndex((t) => t === flag || t.startsWith(`${flag}=`));
    if (i < 0) a.push(flag, v);
    else if (a[i] === flag) a[i + 1] = v;
    else a.splice(i, 1, flag, v);
  };
  if (fault === "years-reversed") set("--years", `${from + 1 + (pick % 9)}-${from}`);
  if (fault === "timeout") set("--timeout", ["abc", "-5", "0", "1.5", "1e3", "3600001", ""][pick % 7]!);
  if (fault === "api") set("--api", ["v3", "V2", "v1", "", "2"][pick % 5]!);
  if (fault === "region") set("--region", ["K 0501", "K-0501,", ",K-0501", "--online", "K-0501,K-0501", "Gjøvik"][pick % 6]!);
  if (fault === "table") a[1] = ["7459", "074590", "abcde", "", "07459 "][pick % 5]!;
  if (fault === "refresh") a.push("--refresh");
  if (fault === "unknown-option") a.push(["--regions", "--year", "--offline", "-x"][pick % 4]!);
  if (fault === "var") a.push("--var", ["=x", "Kjonn", "1x=2", "Kjonn=", "Kjonn=1,,2"][pick % 5]!);
  if (fault === "twice") a.push(pick % 2 ? "--region" : "--years", pick % 2 ? "K-0502" : "2001");
  if (fault === "out") a.push("--out", ["", "--online", "folder/"][pick % 3]!);
  return a;
}

describe("parseSsbArgs on generated argument vectors", () => {
  it("random vectors: a command, help, or a one-line CliArgumentError", () => {
    fc.assert(
      fc.property(randomVector, (argv) => {
        const r = outcome(argv);
        if (r instanceof CliArgumentError || r.kind === "help") return;
        expect(argv[0]).toBe("fetch");
        expect(["v2", "v0"]).toContain(r.query.api);
        expect(Number.isInteger(r.options.timeoutMs) && r.options.timeoutMs >= 1 && r.options.timeoutMs <= 3_600_000).toBe(true);
        expect(() => buildRequest(r.query)).not.toThrow();
        for (const y of r.query.selection["Tid"] ?? []) expect(y).toMatch(/^\d{4}$/);
      }),
      { numRuns: 250, seed: 2009 },
    );
  });

  it("valid vectors give exactly the selection asked for; one injected fault gives an error naming it", () => {
    fc.assert(
      fc.property(valid, fc.constantFrom(...faults.map((f) => f[0])), fc.nat(), (v, fault, pick) => {
        const ok = outcome(v.argv);
        expect(ok).toEqual({
          kind: "fetch",
          query: { table: "07459", selection: v.selection, api: v.api },
          options: { online: v.online, refresh: false, timeoutMs: v.timeoutMs },
          out: undefined,
        });
        const bad = outcome(inject(v.argv, fault, v.from, pick));
        expect(bad).toBeInstanceOf(CliArgumentError);
        expect((bad as CliArgumentError).message).toMatch(faults.find((f) => f[0] === fault)![1]);
      }),
      { numRuns: 150, seed: 14 },
    );
  });
});

/** Run the real script: exit code, stdout, stderr. */
function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const p = spawn("npx", ["tsx", join("scripts", "ssb.ts"), ...args], { cwd: resolve(__dirname, "..", ".."), env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    p.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    p.on("close", (code) => done({ code, stdout, stderr }));
  });
}

function oneLine(stderr: string): void {
  expect(stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(stderr).not.toMatch(/^\s+at /m);
}

describe("the ssb script (spawned with npx tsx)", () => {
  const query = { table: "07459", selection: { Region: ["K-0501"], Tid: ["2000", "2001"] } };
  const doc = {
    version: "2.0",
    class: "dataset",
    id: ["Region", "Tid"],
    size: [1, 2],
    dimension: { Region: { category: { index: ["K-0501"], label: { "K-0501": "Synthetic town" } } }, Tid: { category: { index: ["2000", "2001"] } } },
    value: [100, 101],
  };
  const dataDirWith = (content: string): { dir: string; file: string } => {
    const dir = mkdtempSync(join(tmpdir(), "ssb-cli-"));
    mkdirSync(join(dir, "cache", "ssb"), { recursive: true });
    const file = join(dir, "cache", "ssb", `${cacheKey(query)}.json`);
    writeFileSync(file, content);
    return { dir, file };
  };

  it("exit 2 with one line for unusable arguments, 0 from the cache, 1 with one line naming a corrupt cache file", async () => {
    const good = dataDirWith(JSON.stringify({ request: buildRequest(query), query, fetched_at: "2026-01-01T00:00:00Z", response: doc }));
    const bad = dataDirWith("{ not json");
    const cacheArgs = ["fetch", "07459", "--region", "K-0501", "--years", "2000-2001"];
    const [none, reversed, timeout, api, fromCache, corrupt] = await Promise.all([
      runCli([]),
      runCli(["fetch", "07459", "--years", "2009-2000"]),
      runCli(["fetch", "07459", "--region", "K-0501", "--timeout", "abc"]),
      runCli(["fetch", "07459", "--region", "K-0501", "--api", "v3"]),
      runCli(cacheArgs, { INNLANDET_DATA_DIR: good.dir }),
      runCli(cacheArgs, { INNLANDET_DATA_DIR: bad.dir }),
    ]);
    for (const [r, msg] of [
      [none, "ssb: expected a command: fetch <table> [options] (see ssb --help)"],
      [reversed, "ssb: --years: 2009-2000 runs backwards (write 2000-2009)"],
      [timeout, "ssb: --timeout must be a whole number of milliseconds from 1 to 3600000, got 'abc'"],
      [api, "ssb: --api must be v2 or v0, got 'v3'"],
    ] as const) {
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toBe(msg);
    }
    expect(fromCache.code).toBe(0);
    oneLine(fromCache.stderr);
    expect(fromCache.stderr).toContain(`from cache: ${good.file} (2 rows)`);
    expect(fromCache.stdout).toContain("Synthetic town");
    expect(corrupt.code).toBe(1);
    oneLine(corrupt.stderr);
    expect(corrupt.stderr).toContain(`ssb fetch failed: SSB table 07459: cache file ${bad.file}: is not valid JSON`);
  }, limit(20_000));
});

afterAll(() => {
  process.stdout.write(
    `\ngenerated argument vectors (ssb): ${vectors} tried — ${outcomes.fetch} commands, ${outcomes.help} help, ${outcomes.refused} refused with a one-line message\n`,
  );
});
