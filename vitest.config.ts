import { availableParallelism } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { defineConfig } from "vitest/config";
import LongFirstSequencer from "./tests/support/sequencer";
import { limit } from "./tests/support/limits";

// vitest's worker ↔ main RPC deadline (60 s, fixed in vitest 3.2) raised to a loaded machine's scale in every worker
// (tests/support/rpcDeadline.mjs); the workers inherit this variable.
process.env["INNLANDET_RPC_DEADLINE_MS"] ??= String(limit(60_000));

// One run, two tiers: the unit/property/finding-cell tier (fast, in-process) and the pipeline tier
// (kernel, site in Chromium, parameter runs), whose heavy work runs in child processes spawned
// asynchronously, so no worker is blocked for long. Workers are forked processes: a worker busy
// with synchronous polars work cannot starve another's RPC (the failure seen under load with threads).
export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    reporters: ["default", "./tests/support/countReporter.ts"],
    pool: "forks",
    poolOptions: { forks: { execArgv: ["--import", pathToFileURL(join(__dirname, "tests", "support", "rpcDeadline.mjs")).href] } },
    // vitest's default is one worker fewer than the cores: a single worker on a 2-core machine, which ran
    // the 70-odd files one after another (3 m 30 s). Two workers there: the pipeline test mostly waits on
    // its child processes while the other worker runs the rest (about 3 min).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Limits stop hangs; they never measure speed (issue 21). Sized for a busy machine, a load of 12–30 on 2 cores
    // (tests/support/limits.ts: idle time × 15): a test 300 s, a hook 15 min, the teardown 150 s. A test that
    // needs longer says so with limit(…); none asserts wall time. vitest's worker RPC deadline (60 s, fixed) is raised to
    // 15 min by a module hook (tests/support/rpcDeadline.mjs), and workers are rarely blocked long anyway: CLIs run as async child processes (tests/support/spawn.ts), the long property
    // tests let the loop turn between runs (tests/support/turn.ts).
    testTimeout: limit(20_000),
    hookTimeout: limit(60_000),
    teardownTimeout: limit(10_000),
    globalSetup: ["./tests/support/globalSetup.ts"],
    sequence: { sequencer: LongFirstSequencer },
  },
});
