/**
 * runGuarded end to end: a separate process (tests/runner/fixtures/guarded.ts) takes the lock,
 * stages a build and starts detached `sh` children with `sleep` grandchildren (one group ignores
 * SIGTERM); we signal it as a user would and check that it exits 143/130, that no child or
 * grandchild is left, that the previous build is exactly as it was and that the lock is free.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = join(__dirname, "..", "..");
const tsx = join(root, "node_modules", ".bin", "tsx");

/** Independent of the code under test: ESRCH from kill(0), or a zombie nobody reaped yet. */
function gone(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] === "Z";
  } catch {
    return true;
  }
}

const seen: number[] = [];
afterAll(() => {
  // hygiene when a test failed: leave no sleeper behind
  for (const p of seen.filter((q) => !gone(q))) process.kill(p, "SIGKILL");
});

/** Start the fixture; resolve with its first stdout JSON line and a promise of its exit. */
function startFixture(args: string[]) {
  const p = spawn(tsx, [join(__dirname, "fixtures", "guarded.ts"), ...args], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  p.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  // "exit", not "close": a surviving grandchild would hold the inherited stderr pipe open
  const exited = new Promise<{ code: number | null; stderr: string; stdout: string }>((r) =>
    p.on("exit", (code) => setTimeout(() => r({ code, stderr, stdout }), 100)),
  );
  const ready = new Promise<{ pids: number[]; stage: string }>((resolve, reject) => {
    p.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
      const line = stdout.split("\n").find((l) => l.startsWith("{"));
      if (!line) return;
      const r = JSON.parse(line) as { pids: number[]; stage: string };
      seen.push(...r.pids);
      resolve(r);
    });
    void exited.then((e) => reject(new Error(`fixture ended early (${e.code}): ${e.stderr}`)));
  });
  return { p, ready, exited };
}

function previousBuild(): string {
  const build = join(mkdtempSync(join(tmpdir(), "innlandet-guard-")), "build");
  mkdirSync(build);
  writeFileSync(join(build, "findings.json"), "previous synthetic build");
  return build;
}

async function waitGone(pids: number[], ms = 3000): Promise<number[]> {
  for (const end = Date.now() + ms; Date.now() < end && pids.some((p) => !gone(p)); ) await new Promise((r) => setTimeout(r, 50));
  return pids.filter((p) => !gone(p));
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
  }, 20_000);

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
    for (const [b, r] of [[b1, r1], [b2, r2]] as const) {
      expect(existsSync(r.stage)).toBe(false);
      expect(existsSync(`${b}.lock`)).toBe(false);
      expect(readFileSync(join(b, "findings.json"), "utf8")).toBe("previous synthetic build");
    }
  }, 20_000);
});
