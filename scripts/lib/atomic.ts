/**
 * Atomic, exclusive and interruptible runs of `reproduce`:
 * - {@link stageBuild}: build into a fresh folder beside `build/`, swap it in only on success;
 * - {@link acquireLock}: `<build>.lock` refuses a second concurrent run on the same output;
 * - {@link runGuarded}: SIGINT/SIGTERM kill the tracked child process groups (runner + kernel),
 *   abort the stage, release the lock and exit 130/143.
 */
import { randomBytes } from "node:crypto";
import {
  closeSync,
  cpSync,
  existsSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";
import { resolvedPath } from "./paths";

const HAS_PROC = existsSync("/proc/self/stat");
/** Fields of /proc/<pid>/stat after the command name (state first, pgrp third); null when gone. */
function procStat(pid: number | string): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}
/** kill(0): false on ESRCH, true on success or EPERM (exists, not ours). */
function signalable(target: number): boolean {
  try {
    process.kill(target, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Whether a process exists and is not a zombie (an exited child nobody reaped yet counts as gone).
 * @example
 * isAlive(process.pid); // true
 */
export function isAlive(pid: number): boolean {
  if (!signalable(pid)) return false;
  return HAS_PROC ? (procStat(pid)?.[0] ?? "Z") !== "Z" : true;
}

/**
 * Whether any live (non-zombie) process is in process group `pgid`.
 * @example
 * groupAlive(child.pid!); // for a child spawned with detached: true
 */
export function groupAlive(pgid: number): boolean {
  if (!signalable(-pgid)) return false;
  if (!HAS_PROC) return true;
  return readdirSync("/proc").some((n) => {
    const f = /^\d+$/.test(n) ? procStat(n) : null;
    return f !== null && Number(f[2]) === pgid && f[0] !== "Z";
  });
}

const rand = () => randomBytes(4).toString("hex");

/** A build being written; see {@link stageBuild}. */
export interface Stage {
  /** The temporary folder to write the build into. */
  readonly dir: string;
  /** Swap the stage in as the build folder (the previous build is removed). Throws after abort. */
  commit(): void;
  /** Remove the stage; the previous build stays untouched. No-op after commit or a previous abort. */
  abort(): void;
}

/** Restore `build` if an earlier swap died between its two renames, and remove stages of dead runs. */
function sweep(build: string): string[] {
  const notes: string[] = [];
  const parent = dirname(build);
  if (!existsSync(parent)) return notes;
  const base = basename(build);
  const re = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(tmp|old)-(\\d+)-[0-9a-f]+$`);
  for (const name of readdirSync(parent)) {
    const m = re.exec(name);
    if (!m || isAlive(Number(m[2]))) continue;
    const p = join(parent, name);
    if (m[1] === "old" && !existsSync(build)) {
      renameSync(p, build);
      notes.push(`restored ${build} from ${p} (a run died while swapping builds)`);
    } else {
      rmSync(p, { recursive: true, force: true });
      notes.push(`removed ${p} (left by process ${m[2]}, which is gone)`);
    }
  }
  return notes;
}

/**
 * Start a build in a fresh temporary folder `<build>.tmp-<pid>-<random>` beside `buildDir` (same
 * file system, so the swap is a rename). Hold the lock ({@link acquireLock}) while staging.
 * The swap renames the old build aside, the stage in, then removes the old one: `buildDir` is absent
 * only between two renames; a run killed right there is repaired by the next `stageBuild`.
 * A build folder reached through a symbolic link is staged and swapped at the link's target (the
 * link is left as it is); the stage is always a real folder, a copy of the target's content.
 * @param buildDir the build folder (need not exist)
 * @param opts.fromPrevious copy the current build into the stage first (for partial runs, `--only`)
 * @param opts.onNote receives a line for each leftover of a dead run that was cleaned up
 * @example
 * const stage = stageBuild("build", { fromPrevious: true });
 * try { writeFileSync(join(stage.dir, "findings.json"), "[]"); stage.commit(); } finally { stage.abort(); }
 */
export function stageBuild(buildDir: string, opts: { fromPrevious?: boolean; onNote?: (line: string) => void } = {}): Stage {
  const build = resolvedPath(buildDir);
  mkdirSync(dirname(build), { recursive: true });
  for (const n of sweep(build)) opts.onNote?.(n);
  const dir = `${build}.tmp-${process.pid}-${rand()}`;
  if (opts.fromPrevious && existsSync(build)) cpSync(build, dir, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
  else mkdirSync(dir);
  let state: "open" | "committed" | "aborted" = "open";
  return {
    dir,
    commit() {
      if (state !== "open") throw new Error(`stage ${dir} was already ${state}`);
      if (!existsSync(build)) {
        renameSync(dir, build);
      } else {
        const old = `${build}.old-${process.pid}-${rand()}`;
        renameSync(build, old);
        try {
          renameSync(dir, build);
        } catch (e) {
          renameSync(old, build);
          throw e;
        }
        rmSync(old, { recursive: true, force: true });
      }
      state = "committed";
    },
    abort() {
      if (state !== "open") return;
      rmSync(dir, { recursive: true, force: true });
      state = "aborted";
    },
  };
}

/** What a lock file records. */
export interface LockInfo {
  pid: number;
  host: string;
  started: string;
  command: string;
}

/** Another live process holds the build lock. */
export class BuildLockedError extends Error {
  readonly lockFile: string;
  readonly holder: LockInfo;
  constructor(lockFile: string, holder: LockInfo) {
    super(
      `${lockFile}: expected no other run on this build folder, found process ${holder.pid} (${holder.command}) ` +
        `running since ${holder.started}${holder.host !== hostname() ? ` on host ${holder.host}` : ""}; ` +
        `wait for it to finish or stop it (kill ${holder.pid})`,
    );
    this.name = "BuildLockedError";
    this.lockFile = lockFile;
    this.holder = holder;
  }
}

/** A held build lock. */
export interface BuildLock {
  readonly file: string;
  /** Remove the lock file (only if it is still ours). Idempotent. */
  release(): void;
}

function readLock(file: string): LockInfo | undefined {
  try {
    const j = JSON.parse(readFileSync(file, "utf8")) as Partial<LockInfo>;
    return typeof j.pid === "number" && Number.isInteger(j.pid) && j.pid > 0
      ? { pid: j.pid, host: String(j.host ?? ""), started: String(j.started ?? "?"), command: String(j.command ?? "?") }
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Take `<build>.lock` beside the resolved build folder (created exclusively; it records pid, host, start time and command line).
 * A lock whose process is gone (or that is unreadable) is taken over, with a note.
 * @throws BuildLockedError when a live process (or one on another host) holds it
 * @example
 * const lock = acquireLock("build", { onNote: console.log });
 * try { ... } finally { lock.release(); }
 */
export function acquireLock(buildDir: string, opts: { onNote?: (line: string) => void; command?: string } = {}): BuildLock {
  const build = resolvedPath(buildDir); // a link and its target share one lock
  const file = `${build}.lock`;
  mkdirSync(dirname(build), { recursive: true });
  const me: LockInfo = { pid: process.pid, host: hostname(), started: new Date().toISOString(), command: opts.command ?? process.argv.join(" ") };
  const body = JSON.stringify(me) + "\n";
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, body);
      closeSync(fd);
      let released = false;
      return {
        file,
        release() {
          if (released) return;
          released = true;
          if (readLock(file)?.pid === me.pid) rmSync(file, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    const holder = readLock(file);
    if (holder && (holder.host !== me.host || isAlive(holder.pid))) throw new BuildLockedError(file, holder);
    // stale: move it aside atomically; if what we moved is not what we judged stale, put it back
    const aside = `${file}.stale-${process.pid}-${rand()}`;
    try {
      renameSync(file, aside);
    } catch {
      continue; // someone else took it over first
    }
    const moved = readLock(aside);
    if (moved && holder && moved.pid !== holder.pid && isAlive(moved.pid)) {
      try {
        linkSync(aside, file);
      } catch {
        /* a third run created one meanwhile */
      }
      unlinkSync(aside);
      throw new BuildLockedError(file, moved);
    }
    unlinkSync(aside);
    opts.onNote?.(
      holder
        ? `taking over a stale lock ${file}: process ${holder.pid} (${holder.command}, started ${holder.started}) is gone`
        : `taking over an unreadable lock file ${file}`,
    );
  }
  throw new Error(`${file}: could not take the lock after 5 attempts (other runs keep taking it)`);
}
