// Preloaded into every vitest worker (vitest.config.ts: poolOptions.forks.execArgv). Issue 21: vitest's worker ↔ main
// RPC has a fixed 60 s deadline (birpc's DEFAULT_TIMEOUT, no option reaches it in vitest 3.2), so a worker whose
// event loop a loaded machine holds past 60 s fails the run with "[vitest-worker]: Timeout calling onTaskUpdate" though
// every test passed. This registers a module hook that raises that deadline (rpcDeadlineHooks.mjs).
import { register } from "node:module";

register("./rpcDeadlineHooks.mjs", import.meta.url);
