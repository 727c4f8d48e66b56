/**
 * Where `npm run bench` writes (bench/results/, not build/, which a full reproduce replaces) and its
 * BENCH_SCALES check: a comma list of positive finite numbers, anything else one line on stderr, exit 2,
 * nothing written.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { limit } from "./support/limits";
import { BENCH_JSON, BENCH_MD, BenchArgumentError, parseBenchRounds, parseBenchScales, RESULTS_DIR } from "../bench/output";
import { buildDir } from "../scripts/lib/notebooks";
import { within } from "../scripts/lib/paths";

const root = join(__dirname, "..");

describe("bench results", () => {
  it("live in bench/results/, outside the build folder", () => {
    expect(RESULTS_DIR).toBe(join(root, "bench", "results"));
    expect([BENCH_JSON, BENCH_MD]).toEqual([join(RESULTS_DIR, "bench.json"), join(RESULTS_DIR, "bench.md")]);
    expect(within(BENCH_JSON, buildDir())).toBe(false);
  });
});

describe("parseBenchScales", () => {
  it("takes a comma list of positive finite numbers, or the default scales when unset", () => {
    expect(parseBenchScales(undefined)).toEqual([0, 0.1, 1, 10]);
    expect(parseBenchScales("")).toEqual([0, 0.1, 1, 10]);
    expect(parseBenchScales("notebook,1")).toEqual([0, 1]); // the notebook-sized frame is scale 0
    expect(parseBenchScales("0.1")).toEqual([0.1]);
    expect(parseBenchScales("0.1, 1,2.5e0")).toEqual([0.1, 1, 2.5]);
    expect(parseBenchScales(".5")).toEqual([0.5]);
  });

  it.each(["abc", "-1", "0", "0.1,,1", "1,", ",1", "Infinity", "1e999", "NaN", "0x10", "1 2", "1,1", "-0", "notebook,notebook", "Notebook"])("refuses '%s' in one line", (text) => {
    let err: unknown;
    try {
      parseBenchScales(text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(BenchArgumentError);
    expect((err as Error).message).toMatch(/^BENCH_SCALES /);
    expect((err as Error).message).not.toMatch(/\n/);
  });
});

describe("parseBenchRounds", () => {
  it("takes an integer from 3 to 100, or 5 when unset", () => {
    expect([parseBenchRounds(undefined), parseBenchRounds(""), parseBenchRounds("3"), parseBenchRounds(" 100 ")]).toEqual([5, 5, 3, 100]);
  });
  it.each(["2", "101", "3.5", "x", "-4", "1e1"])("refuses '%s' in one line", (text) => {
    expect(() => parseBenchRounds(text)).toThrow(BenchArgumentError);
    expect(() => parseBenchRounds(text)).toThrow(/^BENCH_ROUNDS is '[^\n]*', not an integer from 3 to 100/);
  });
});

describe("npm run bench with a bad BENCH_SCALES (spawned)", () => {
  const run = (scales: string): Promise<{ code: number | null; stdout: string; stderr: string }> =>
    new Promise((res) => {
      const p = spawn(join(root, "node_modules", ".bin", "tsx"), [join(root, "bench", "run.ts")], {
        cwd: root,
        env: { ...process.env, BENCH_SCALES: scales },
      });
      let [stdout, stderr] = ["", ""];
      p.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
      p.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      p.on("close", (code) => res({ code, stdout, stderr }));
    });
  const listing = (): string[] =>
    [RESULTS_DIR, join(root, "build")].flatMap((d) => (existsSync(d) ? readdirSync(d).map((n) => `${n}@${statSync(join(d, n)).mtimeMs}`) : []));

  it("exits 2 with one line and writes nothing", { timeout: limit(20_000) }, async () => {
    for (const scales of ["abc", "-1", "0.1,,1"]) {
      const before = listing();
      const r = await run(scales);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr.trimEnd().split("\n"), r.stderr).toHaveLength(1);
      expect(r.stderr).toMatch(/^bench: BENCH_SCALES /);
      expect(r.stdout).toBe("");
      expect(listing()).toEqual(before);
    }
  });
});
