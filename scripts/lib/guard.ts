/**
 * Interruptible runs: SIGINT/SIGTERM/SIGHUP stop every tracked child process group (SIGTERM,
 * then SIGKILL after a grace period), run the cleanups (abort the stage, release the lock) and
 * exit 130/143/129, leaving the previous build intact and no process behind.
 */
import { groupAlive } from "./atomic";

/** What {@link runGuarded} hands to the guarded work. */
export interface Guard {
  /** Track a child spawned with `detached: true` (its pid is its process-group id); returns an untrack function. */
  track(pgid: number): () => void;
  /** Register a synchronous cleanup (e.g. `stage.abort`, `lock.release`); all run once, newest first, however the run ends. */
  onCleanup(fn: () => void): void;
  /** The signal that interrupted the run, if any (the process then exits once the children are gone). */
  readonly interrupted: NodeJS.Signals | undefined;
}

let active: Guard | undefined;
/**
 * The guard of the {@link runGuarded} call in progress, if any (runNotebook tracks its children there).
 * @example
 * currentGuard()?.track(child.pid!);
 */
export function currentGuard(): Guard | undefined {
  return active;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * SIGTERM each process group, wait up to `graceMs` for them to end, then SIGKILL what remains.
 * @example
 * await killGroups([child.pid!], 2000);
 */
export async function killGroups(pgids: number[], graceMs = 3000): Promise<void> {
  const signal = (g: number, s: NodeJS.Signals) => {
    try {
      process.kill(-g, s);
    } catch {
      /* already gone */
    }
  };
  pgids.forEach((g) => signal(g, "SIGTERM"));
  for (const deadline = Date.now() + graceMs; Date.now() < deadline && pgids.some(groupAlive);) await sleep(50);
  pgids.filter(groupAlive).forEach((g) => signal(g, "SIGKILL"));
  for (const deadline = Date.now() + 2000; Date.now() < deadline && pgids.some(groupAlive);) await sleep(20);
}

const EXIT: Record<string, number> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

/**
 * Run `fn` so that no tracked child outlives it and every cleanup runs: on SIGINT/SIGTERM/SIGHUP the
 * tracked process groups are stopped (SIGTERM, SIGKILL after `graceMs`), the cleanups run (abort the
 * stage, release the lock) and the process exits 130/143/129; when `fn` settles, or the process exits
 * early (`process.exit` inside `fn`), remaining groups are killed and the cleanups run too.
 * A second signal kills the groups at once.
 * @example
 * await runGuarded(async (guard) => {
 *   const lock = acquireLock(build); guard.onCleanup(() => lock.release());
 *   const stage = stageBuild(build); guard.onCleanup(() => stage.abort());
 *   await runNotebook({ ..., guard }); stage.commit();
 * });
 */
export async function runGuarded<T>(
  fn: (guard: Guard) => Promise<T>,
  opts: { graceMs?: number; log?: (line: string) => void; exit?: (code: number) => void } = {},
): Promise<T> {
  const log = opts.log ?? ((s: string) => console.error(s));
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  const groups = new Set<number>();
  const cleanups: (() => void)[] = [];
  let interrupted: NodeJS.Signals | undefined;
  // once the run is ending (settled or interrupted), a child started late (e.g. by a loop still running
  // beside a failed step) is stopped at once instead of outliving the run
  let closing = false;
  const guard: Guard = {
    track(pgid) {
      if (closing) {
        try {
          process.kill(-pgid, "SIGKILL");
        } catch {
          /* gone */
        }
        return () => undefined;
      }
      groups.add(pgid);
      return () => groups.delete(pgid);
    },
    onCleanup: (f) => cleanups.push(f),
    get interrupted() {
      return interrupted;
    },
  };
  const runCleanups = () => {
    for (const f of cleanups.splice(0).reverse()) {
      try {
        f();
      } catch (e) {
        log(`cleanup failed: ${(e as Error).message}`);
      }
    }
  };
  const onExit = () => {
    for (const g of groups) {
      try {
        process.kill(-g, "SIGKILL");
      } catch {
        /* gone */
      }
    }
    runCleanups();
  };
  const onSignal = (sig: NodeJS.Signals) => {
    if (interrupted) {
      for (const g of groups) void killGroups([g], 0);
      return;
    }
    interrupted = sig;
    closing = true;
    log(`interrupted (${sig}): stopping ${groups.size} child process group(s); the previous build is kept`);
    void killGroups([...groups], opts.graceMs).finally(() => {
      groups.clear();
      runCleanups();
      exit(EXIT[sig] ?? 1);
    });
  };
  const signals: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
  signals.forEach((s) => process.on(s, onSignal));
  process.on("exit", onExit);
  const previous = active;
  active = guard;
  try {
    return await fn(guard);
  } finally {
    closing = true;
    if (!interrupted) {
      await killGroups([...groups], opts.graceMs);
      groups.clear();
      runCleanups();
      signals.forEach((s) => process.off(s, onSignal));
      process.off("exit", onExit);
    }
    active = previous;
  }
}
