/**
 * Run a command from a test without blocking the test worker: a worker blocked in spawnSync for a minute on a busy
 * machine misses vitest's RPC deadline ("[vitest-worker]: Timeout calling onTaskUpdate", issue 21). No time limit
 * of its own: the test's limit (tests/support/limits.ts) stops a hang.
 */
import { spawn } from "node:child_process";

export interface ProcessResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Run `cmd` with `args` to its end; resolves with the exit status and the output.
 * @example
 * const r = await runProcess("git", ["-C", dir, "init", "-q"]);
 */
export function runProcess(cmd: string, args: readonly string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, [...args], { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    p.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    p.on("error", reject);
    p.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}
