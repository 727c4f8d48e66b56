// Module hook (node:module register) for vitest's worker processes: raises birpc's fixed RPC deadline from 60 s to
// INNLANDET_RPC_DEADLINE_MS (set by vitest.config.ts from tests/support/limits.ts; default 15 min). A deadline still
// exists, so a dead main process is still noticed. If vitest's bundled birpc no longer has the constant, it says so
// once on stderr and leaves the source alone (tests/support/rpcDeadline.test.ts fails on the installed vitest then).

/** The line in vitest's bundled birpc (vitest/dist/chunks/index.*.js) that sets the deadline. */
export const BIRPC_DEADLINE = "const DEFAULT_TIMEOUT = 6e4;";

/** The deadline in ms: INNLANDET_RPC_DEADLINE_MS when a positive number, else 15 min. */
export function deadlineMs(env = process.env) {
  const ms = Number(env.INNLANDET_RPC_DEADLINE_MS);
  return Number.isFinite(ms) && ms > 0 ? Math.round(ms) : 900_000;
}

/** vitest's birpc source with the deadline raised, or null when `source` is not that module. */
export function raiseDeadline(source, ms = deadlineMs()) {
  if (!source.includes("function createBirpc(")) return null;
  if (!source.includes(BIRPC_DEADLINE)) {
    process.stderr.write("rpcDeadline: vitest's birpc has no 60 s DEFAULT_TIMEOUT line; its RPC deadline is unchanged\n");
    return null;
  }
  return source.replace(BIRPC_DEADLINE, `const DEFAULT_TIMEOUT = ${ms};`);
}

export async function load(url, context, nextLoad) {
  const result = await nextLoad(url, context);
  if (!url.includes("/vitest/dist/chunks/") || result.source == null) return result;
  const raised = raiseDeadline(String(result.source));
  return raised === null ? result : { ...result, source: raised };
}
