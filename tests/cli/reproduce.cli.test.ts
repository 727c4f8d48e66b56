/**
 * Generated argument vectors for `npm run reproduce`: the parsing is the pure function
 * parseReproduceArgs (scripts/lib/reproduceArgs.ts), fuzzed in-process (≥ 200 vectors): options,
 * help, or a one-line CliArgumentError (exit code 2), never another exception. A few vectors run the
 * real script (it stops at the argument check, before any notebook).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { limit } from "../support/limits";
import { CliArgumentError } from "../../src/lib/ssb/cli";
import { argOutcome } from "../support/cli";
import { parseReproduceArgs } from "../../scripts/lib/reproduceArgs";

const dir = mkdtempSync(join(tmpdir(), "reproduce-args-"));
const files = {
  good: join(dir, "good.json"),
  nul: join(dir, "null.json"),
  arr: join(dir, "array.json"),
  bad: join(dir, "bad.json"),
  typo: join(dir, "typo.json"),
};
writeFileSync(files.good, '{"regions": "ba2020"}');
writeFileSync(files.nul, "null");
writeFileSync(files.arr, '["x"]');
writeFileSync(files.bad, "{regions: ba2020");
writeFileSync(files.typo, '{"region": "ba2020"}');

const counts = { run: 0, help: 0, refused: 0 };
const SINGLE = ["--only", "--out", "--params", "--cell-timeout"];
function outcome(argv: string[]): void {
  const r = argOutcome(parseReproduceArgs, argv, counts);
  // a single-valued option given twice never runs (issue 21)
  const upTo = argv.includes("--") ? argv.slice(0, argv.indexOf("--")) : argv;
  if (SINGLE.some((o) => upTo.filter((a) => a === o || a.startsWith(`${o}=`)).length > 1))
    expect(r instanceof CliArgumentError || r.kind === "help").toBe(true);
  if (!(r instanceof CliArgumentError) && r.kind === "run") {
    expect(["report13", "ba2020"]).toContain(r.options.params.regions);
    expect(Number.isInteger(r.options.cellTimeout) && r.options.cellTimeout > 0).toBe(true);
  }
}

const token = fc.oneof(
  fc.constantFrom("--only", "--param", "--params", "--out", "--cell-timeout", "--help", "-h", "--", "-x", "--onyl", "run"),
  fc.constantFrom(
    "03",
    "04",
    "99",
    "",
    " ",
    "regions=ba2020",
    "regions=report13",
    "region=ba2020",
    "period=both",
    "period=jan2001_jan2008",
    "regions",
    "=x",
    "a=b=c",
    "__proto__=x",
    "constructor=x",
    "--out=x",
  ),
  fc.constantFrom("120", "0", "-5", "abc", "1e3", "86401", "600"),
  fc.constantFrom(...Object.values(files), join(dir, "missing.json")),
  fc.string({ maxLength: 12 }),
);

describe("reproduce's arguments (generated vectors)", () => {
  it("every vector gives options, help, or a one-line CliArgumentError", () => {
    fc.assert(
      fc.property(fc.array(token, { maxLength: 7 }), (argv) => outcome(argv)),
      { numRuns: 300, seed: 20091114 },
    );
    console.log(
      `generated argument vectors (reproduce): ${counts.run + counts.help + counts.refused} tried — ${counts.run} runs, ${counts.help} help, ${counts.refused} refused with a one-line message`,
    );
    expect(counts.run + counts.help + counts.refused).toBeGreaterThanOrEqual(200);
    expect(counts.refused).toBeGreaterThan(0);
    expect(counts.run).toBeGreaterThan(0);
  });

  it("a single-valued option given twice is refused wherever it stands, with or without '=' (generated, issue 21)", () => {
    const values: Record<string, string[]> = {
      "--only": ["03", "04"],
      "--out": ["/tmp/a", "b"],
      "--params": [files.good],
      "--cell-timeout": ["60", "120"],
    };
    const other = fc.constantFrom<string[]>(
      ["--param", "period=both"],
      ["--param", "regions=ba2020"],
      ["--only", "04"],
      ["--out", "/tmp/x"],
      ["--cell-timeout", "90"],
    );
    fc.assert(
      fc.property(fc.constantFrom(...SINGLE), fc.array(other, { maxLength: 4 }), fc.nat(), fc.nat(), fc.boolean(), (opt, rest, i, v, eq) => {
        const pick = (k: number): string[] =>
          eq ? [`${opt}=${values[opt]![k % values[opt]!.length]}`] : [opt, values[opt]![k % values[opt]!.length]!];
        const groups: string[][] = rest.filter((g, k) => g[0] !== opt && (g[0] === "--param" || rest.findIndex((h) => h[0] === g[0]) === k));
        groups.splice(i % (groups.length + 1), 0, pick(v), pick(v + 1));
        const r = argOutcome(parseReproduceArgs, groups.flat(), {});
        expect(r).toBeInstanceOf(CliArgumentError);
        expect((r as CliArgumentError).message).toMatch(new RegExp(`^${opt} given twice`));
      }),
      { numRuns: 200, seed: 20260121 },
    );
  });

  it("the faults of issue 14 get clear messages", () => {
    const msg = (argv: string[]): string => {
      try {
        parseReproduceArgs(argv);
        return "accepted";
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(msg(["--params", files.nul])).toMatch(/null\.json: expected a JSON object .* found null/);
    expect(msg(["--params", files.arr])).toMatch(/array\.json: expected a JSON object .* found an array/);
    expect(msg(["--params", files.bad])).toMatch(/bad\.json: not valid JSON/);
    expect(msg(["--params", join(dir, "missing.json")])).toMatch(/missing\.json: cannot read it \(ENOENT\)/);
    expect(msg(["--params", files.typo])).toMatch(/unknown parameter 'region' — did you mean 'regions'\?/);
    expect(msg(["--cell-timeout", "abc"])).toMatch(/--cell-timeout expects a whole number of seconds/);
    expect(msg(["--param", "regions=ba2020", "--params", files.good])).toBe("accepted");
  });

  it("refuses a single-valued option given twice, a parameter key given twice, and unknown keys such as __proto__ (issue 21)", () => {
    const refused = (argv: string[]): string => {
      const r = argOutcome(parseReproduceArgs, argv, {});
      expect(r, JSON.stringify(argv)).toBeInstanceOf(CliArgumentError);
      return (r as CliArgumentError).message;
    };
    expect(refused(["--out", "a", "--out", "b"])).toMatch(/^--out given twice \('a', then 'b'\); give it once$/);
    expect(refused(["--out=a", "--out", "a"])).toMatch(/^--out given twice/);
    expect(refused(["--only", "03", "--only", "04"])).toMatch(/^--only given twice/);
    expect(refused(["--cell-timeout", "60", "--param", "period=both", "--cell-timeout", "60"])).toMatch(/^--cell-timeout given twice/);
    expect(refused(["--params", files.good, "--params", files.good])).toMatch(/^--params given twice/);
    expect(refused(["--param", "regions=report13", "--param", "regions=ba2020"])).toMatch(
      /^parameter 'regions' given twice \(report13, then ba2020\); give each parameter once$/,
    );
    expect(refused(["--param", "period=both", "period=both"])).toMatch(/^parameter 'period' given twice/);
    for (const key of ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf", "__defineGetter__", "Regions"])
      expect(refused(["--param", `${key}=x`]), key).toMatch(new RegExp(`^unknown parameter '${key.replace(/[$_]/g, "\\$&")}'`));
    const proto = join(dir, "proto.json");
    writeFileSync(proto, '{"__proto__": {"regions": "ba2020"}}');
    expect(refused(["--params", proto])).toMatch(/^unknown parameter '__proto__'/);
    // the same key from the file and from --param: --param wins (as before)
    const r = parseReproduceArgs(["--params", files.good, "--param", "regions=report13"]);
    expect(r.kind === "run" && r.options.params.regions).toBe("report13");
  });
});

describe("the reproduce script (spawned)", () => {
  const root = resolve(__dirname, "..", "..");
  const run = (args: string[]): Promise<{ code: number | null; stderr: string }> =>
    new Promise((res) => {
      const p = spawn(join(root, "node_modules", ".bin", "tsx"), [join(root, "scripts", "reproduce.ts"), ...args], { cwd: root });
      let stderr = "";
      p.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      p.on("close", (code) => res({ code, stderr }));
    });
  it("exits 2 with one line for unusable arguments", { timeout: limit(15_000) }, async () => {
    for (const args of [["--param", "region=ba2020"], ["--cell-timeout", "0"], ["--params", files.nul], ["--bogus"]]) {
      const r = await run(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr.trimEnd().split("\n"), r.stderr).toHaveLength(1);
      expect(r.stderr).toMatch(/^reproduce: /);
    }
  });

  it("refuses a build folder that is the project, one of its source folders, a file or a folder of other content", { timeout: limit(15_000) }, async () => {
    const other = mkdtempSync(join(tmpdir(), "not-a-build-"));
    writeFileSync(join(other, "keep.txt"), "mine");
    for (const [out, why] of [
      [root, /project folder or holds it/],
      [join(root, "data"), /inside the project's own 'data\/'/],
      [files.good, /it is a file/],
      [other, /other content/],
    ] as const) {
      const r = await run(["--out", out]);
      expect(r.code, out).toBe(2);
      expect(r.stderr, out).toMatch(why);
    }
  });

  it(
    "refuses an --out that reaches data/ through a symbolic link, in one line, exit 2, writing nothing there (issue 21)",
    { timeout: limit(10_000) },
    async () => {
      const link = join(mkdtempSync(join(tmpdir(), "link-to-data-")), "link");
      symlinkSync(join(root, "data"), link);
      const before = readdirSync(join(root, "data")).sort();
      const r = await run(["--out", join(link, "x")]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr.trimEnd().split("\n"), r.stderr).toHaveLength(1);
      expect(r.stderr).toMatch(/^reproduce: --out .*link\/x \(resolved: .*data\/x\): it is inside the project's own 'data\/'/);
      expect(readdirSync(join(root, "data")).sort()).toEqual(before);
    },
  );
});
