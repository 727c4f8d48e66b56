/**
 * Run a helper process to the end without blocking the event loop, inside a guarded run tracked by
 * its guard (its own process group, stopped with the run on SIGINT/SIGTERM or a failure).
 */
import { spawn } from "node:child_process";
import { currentGuard } from "./guard";

export interface SpawnResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Set when the process could not be started. */
  error?: Error;
}

/**
 * Spawn `cmd` with `args`, write `input` to its stdin (if given) and resolve when it has ended or was killed
 * after `timeoutMs`
 * (never, when the guard was interrupted meanwhile: it exits the process).
 * @example
 * const r = await spawnTracked(python, ["scripts/nbconvert_html.py"], { input: JSON.stringify(nbs) });
 * if (r.status !== 0) throw new Error(r.stderr);
 */
export function spawnTracked(
  cmd: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string; timeoutMs?: number } = {},
): Promise<SpawnResult> {
  const guard = currentGuard();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, detached: guard !== undefined, stdio: ["pipe", "pipe", "pipe"] });
    const untrack = guard && child.pid !== undefined ? guard.track(child.pid) : () => undefined;
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let error: Error | undefined;
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => err.push(d));
    child.on("error", (e) => (error = e));
    child.stdin.on("error", () => undefined); // a process that exits without reading its input
    child.stdin.end(opts.input ?? "");
    // past timeoutMs the process (its group, when it has one) is killed; `signal` then says SIGKILL
    const timer =
      opts.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            try {
              if (guard && child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
              else child.kill("SIGKILL");
            } catch {
              /* already gone */
            }
          }, opts.timeoutMs);
    child.on("close", (status, signal) => {
      clearTimeout(timer);
      untrack();
      if (guard?.interrupted) return; // the guard is stopping everything and will exit: nothing to report
      resolve({
        status,
        signal,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
        ...(error ? { error } : {}),
      });
    });
  });
}
