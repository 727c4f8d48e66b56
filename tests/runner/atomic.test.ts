/**
 * Atomic builds and the build lock (scripts/lib/atomic.ts), on synthetic folders in a temp dir.
 * Each test compares whole file trees (every path and its content) before and after.
 */
import { spawnSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { acquireLock, BuildLockedError, stageBuild } from "../../scripts/lib/atomic";

/** Every file under `dir` as "relative/path=content", sorted. */
function tree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(`${relative(dir, p)}=${readFileSync(p, "utf8")}`);
    }
  };
  walk(dir);
  return out.sort();
}

/** A synthetic previous build: two files, one in a subfolder. */
function previousBuild(): { parent: string; build: string } {
  const parent = mkdtempSync(join(tmpdir(), "innlandet-atomic-"));
  const build = join(parent, "build");
  mkdirSync(join(build, "notebooks"), { recursive: true });
  writeFileSync(join(build, "findings.json"), "old findings");
  writeFileSync(join(build, "notebooks", "03.ipynb"), "old notebook");
  return { parent, build };
}
const OLD = ["findings.json=old findings", "notebooks/03.ipynb=old notebook"];

/** A pid that certainly ended: a child we ran to completion (its zombie is reaped by spawnSync). */
const deadPid = (): number => spawnSync("true").pid;

describe("stageBuild", () => {
  it("stages beside the build and commit replaces the old build exactly", () => {
    const { parent, build } = previousBuild();
    const stage = stageBuild(build);
    expect(stage.dir.startsWith(`${build}.tmp-${process.pid}-`)).toBe(true);
    expect(tree(stage.dir)).toEqual([]);
    writeFileSync(join(stage.dir, "findings.json"), "new findings");
    expect(tree(build)).toEqual(OLD); // nothing visible before commit
    stage.commit();
    expect(tree(build)).toEqual(["findings.json=new findings"]);
    expect(readdirSync(parent)).toEqual(["build"]); // no stage or old copy left beside it
    stage.abort(); // after commit: a no-op
    expect(tree(build)).toEqual(["findings.json=new findings"]);
    expect(() => stage.commit()).toThrow(/already committed/);
  });

  it("commit creates the build when there was none", () => {
    const parent = mkdtempSync(join(tmpdir(), "innlandet-atomic-"));
    const build = join(parent, "nested", "build");
    const stage = stageBuild(build);
    writeFileSync(join(stage.dir, "a.txt"), "a");
    stage.commit();
    expect(tree(build)).toEqual(["a.txt=a"]);
    expect(readdirSync(join(parent, "nested"))).toEqual(["build"]);
  });

  it("abort removes the stage and leaves the old build untouched", () => {
    const { parent, build } = previousBuild();
    const stage = stageBuild(build);
    writeFileSync(join(stage.dir, "findings.json"), "half-written");
    stage.abort();
    expect(tree(build)).toEqual(OLD);
    expect(readdirSync(parent)).toEqual(["build"]);
    expect(() => stage.commit()).toThrow(/already aborted/);
  });

  it("fromPrevious starts from a copy; abort keeps the old, commit keeps old files plus the change", () => {
    const { build } = previousBuild();
    const s1 = stageBuild(build, { fromPrevious: true });
    expect(tree(s1.dir)).toEqual(OLD);
    writeFileSync(join(s1.dir, "notebooks", "03.ipynb"), "changed");
    s1.abort();
    expect(tree(build)).toEqual(OLD);
    const s2 = stageBuild(build, { fromPrevious: true });
    writeFileSync(join(s2.dir, "notebooks", "03.ipynb"), "changed");
    s2.commit();
    expect(tree(build)).toEqual(["findings.json=old findings", "notebooks/03.ipynb=changed"]);
  });

  it("repairs what a killed run left: restores a build moved aside, removes dead stages", () => {
    const { parent, build } = previousBuild();
    const pid = deadPid();
    // as if a run died between the swap's two renames: the build sits under .old-, a full stage beside it
    renameSync(build, `${build}.old-${pid}-0a1b2c3d`);
    mkdirSync(`${build}.tmp-${pid}-deadbeef`);
    const notes: string[] = [];
    const stage = stageBuild(build, { onNote: (l) => notes.push(l) });
    expect(tree(build)).toEqual(OLD);
    expect(notes.join("\n")).toMatch(new RegExp(`restored .*build from .*build\\.old-${pid}-0a1b2c3d`));
    expect(notes.join("\n")).toMatch(new RegExp(`removed .*build\\.tmp-${pid}-deadbeef \\(left by process ${pid}, which is gone\\)`));
    stage.abort();
    expect(readdirSync(parent)).toEqual(["build"]);
  });
});

describe("stageBuild on a symlinked build folder (build → elsewhere)", () => {
  /** A previous build at `<parent>/real`, reached through the link `<parent>/build`. */
  function linkedBuild(): { parent: string; link: string; real: string } {
    const { parent, build } = previousBuild();
    const real = join(parent, "real");
    renameSync(build, real);
    symlinkSync(real, build);
    return { parent, link: build, real };
  }

  it("fromPrevious stages a real copy beside the target: writing into it and aborting leaves the previous build identical", () => {
    const { parent, link, real } = linkedBuild();
    const stage = stageBuild(link, { fromPrevious: true });
    expect(lstatSync(stage.dir).isSymbolicLink()).toBe(false);
    expect(stage.dir.startsWith(`${real}.tmp-`)).toBe(true);
    expect(tree(stage.dir)).toEqual(OLD);
    writeFileSync(join(stage.dir, "findings.json"), "half-written");
    writeFileSync(join(stage.dir, "notebooks", "04.ipynb"), "new notebook");
    expect(tree(real)).toEqual(OLD); // nothing visible before commit
    stage.abort();
    expect(tree(real)).toEqual(OLD);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readdirSync(parent).sort()).toEqual(["build", "real"]);
  });

  it("commit swaps the stage in at the target; the link still points at it", () => {
    const { parent, link, real } = linkedBuild();
    const stage = stageBuild(link, { fromPrevious: true });
    writeFileSync(join(stage.dir, "notebooks", "03.ipynb"), "changed");
    stage.commit();
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(tree(real)).toEqual(["findings.json=old findings", "notebooks/03.ipynb=changed"]);
    expect(tree(link)).toEqual(tree(real));
    expect(readdirSync(parent).sort()).toEqual(["build", "real"]);
  });

  it("a full run (not from the previous build): commit replaces the target's content and keeps the link a link (issue 21)", () => {
    const { parent, link, real } = linkedBuild();
    const stage = stageBuild(link);
    expect(stage.dir.startsWith(`${real}.tmp-`)).toBe(true);
    expect(tree(stage.dir)).toEqual([]);
    writeFileSync(join(stage.dir, "findings.json"), "new findings");
    expect(tree(real)).toEqual(OLD);
    stage.commit();
    expect(lstatSync(link).isSymbolicLink()).toBe(true); // was replaced by a folder
    expect(tree(real)).toEqual(["findings.json=new findings"]);
    expect(readdirSync(parent).sort()).toEqual(["build", "real"]);
  });

  it("a link whose target does not exist yet: the build is created at the target", () => {
    const parent = mkdtempSync(join(tmpdir(), "innlandet-atomic-"));
    const link = join(parent, "build");
    symlinkSync(join(parent, "later"), link);
    const stage = stageBuild(link);
    writeFileSync(join(stage.dir, "a.txt"), "a");
    stage.commit();
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(tree(join(parent, "later"))).toEqual(["a.txt=a"]);
  });

  it("the lock of a link and of its target is one lock", () => {
    const { link, real } = linkedBuild();
    const lock = acquireLock(link);
    expect(lock.file).toBe(`${real}.lock`);
    expect(() => acquireLock(real)).toThrow(BuildLockedError);
    lock.release();
  });
});

describe("acquireLock", () => {
  it("refuses a second holder, naming its pid and command; release frees it", () => {
    const { build } = previousBuild();
    const lock = acquireLock(build, { command: "tsx scripts/reproduce.ts --only 03" });
    expect(lock.file).toBe(`${build}.lock`);
    const held = JSON.parse(readFileSync(lock.file, "utf8")) as { pid: number; command: string; started: string };
    expect(held.pid).toBe(process.pid);
    expect(held.command).toBe("tsx scripts/reproduce.ts --only 03");
    expect(Number.isNaN(Date.parse(held.started))).toBe(false);
    let err: unknown;
    try {
      acquireLock(build);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(BuildLockedError);
    expect((err as Error).message).toContain(`process ${process.pid} (tsx scripts/reproduce.ts --only 03)`);
    expect((err as BuildLockedError).holder.pid).toBe(process.pid);
    lock.release();
    expect(existsSync(lock.file)).toBe(false);
    acquireLock(build).release();
  });

  it("takes over a stale lock (dead pid) or an unreadable one, with a note", () => {
    const { build } = previousBuild();
    const pid = deadPid();
    writeFileSync(`${build}.lock`, JSON.stringify({ pid, host: hostname(), started: "2026-01-01T00:00:00Z", command: "old run" }));
    const notes: string[] = [];
    const lock = acquireLock(build, { onNote: (l) => notes.push(l) });
    expect(notes).toEqual([`taking over a stale lock ${build}.lock: process ${pid} (old run, started 2026-01-01T00:00:00Z) is gone`]);
    expect((JSON.parse(readFileSync(lock.file, "utf8")) as { pid: number }).pid).toBe(process.pid);
    lock.release();
    writeFileSync(`${build}.lock`, "not json");
    const notes2: string[] = [];
    acquireLock(build, { onNote: (l) => notes2.push(l) }).release();
    expect(notes2).toEqual([`taking over an unreadable lock file ${build}.lock`]);
  });

  it("release leaves a lock that is no longer ours", () => {
    const { build } = previousBuild();
    const lock = acquireLock(build);
    const other = JSON.stringify({ pid: 1, host: "x", started: "s", command: "someone else" });
    writeFileSync(lock.file, other);
    lock.release();
    expect(readFileSync(`${build}.lock`, "utf8")).toBe(other);
  });
});
