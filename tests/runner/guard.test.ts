/**
 * runGuarded end to end: a separate process (tests/runner/fixtures/guarded.ts) takes the lock,
 * stages a build and starts detached `sh` children with `sleep` grandchildren (one group ignores
 * SIGTERM); we signal it as a user would and check that it exits 143/130, that no child or
 * grandchild is left, that the previous build is exactly as it was and that the lock is free.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { gone, killLeftovers, startFixture, waitGone } from "./fixtures/processes";
import { limit } from "../support/limits";

afterAll(killLeftovers);

function previousBuild(): string {
  const build = join(mkdtempSync(join(tmpdir(), "innlandet-guard-")), "build");
  mkdirSync(build);
  writeFileSync(join(build, "findings.json"), "previous synthetic build");
  return build;
}

describe("runGuarded", () => {
  it("SIGTERM: kills every child group (SIGKILL for the one ignoring SIGTERM), aborts the stage, frees the lock, exits 143", async () => {
    const build = previousBuild();
    const f = startFixture(["sleepers", build]);
    const { pids, stage } = await f.ready;
    expect(pids).toHaveLength(4); // 2 sh + 2 sleep
    expect(pids.every((p) => !gone(p))).toBe(true);
    expect(existsSync(join(stage, "partial.txt"))).toBe(true);
    expect(existsSync(`${build}.lock`)).toBe(true);
    f.p.kill("SIGTERM");
    const e = await f.exited;
    expect(e.code, e.stderr).toBe(143);
    expect(e.stderr).toMatch(/interrupted \(SIGTERM\): stopping 2 child process group\(s\)/);
    expect(await waitGone(pids)).toEqual([]);
    expect(existsSync(stage)).toBe(false);
    expect(existsSync(`${build}.lock`)).toBe(false);
    expect(readdirSync(build)).toEqual(["findings.json"]);
    expect(readFileSync(join(build, "findings.json"), "utf8")).toBe("previous synthetic build");
  }, limit(20_000));

  it("SIGINT exits 130; process.exit inside the run still kills the children and cleans up", async () => {
    const b1 = previousBuild();
    const b2 = previousBuild();
    const f1 = startFixture(["sleepers", b1]);
    const f2 = startFixture(["exit", b2]);
    const [r1, r2] = await Promise.all([f1.ready, f2.ready]);
    f1.p.kill("SIGINT");
    const [e1, e2] = await Promise.all([f1.exited, f2.exited]);
    expect(e1.code, e1.stderr).toBe(130);
    expect(e2.code, e2.stderr).toBe(1);
    expect(await waitGone([...r1.pids, ...r2.pids])).toEqual([]);
    for (const [b, r] of [
      [b1, r1],
      [b2, r2],
    ] as const) {
      expect(existsSync(r.stage)).toBe(false);
      expect(existsSync(`${b}.lock`)).toBe(false);
      expect(readFileSync(join(b, "findings.json"), "utf8")).toBe("previous synthetic build");
    }
  }, limit(20_000));
});
