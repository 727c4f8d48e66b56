import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import LongFirstSequencer from "./tests/support/sequencer";

// One run, two tiers: the unit/property/finding-cell tier (fast, in-process) and the pipeline tier
// (kernel, site in Chromium, parameter runs), whose heavy work runs in child processes spawned
// asynchronously, so no worker is blocked for long. Workers are forked processes: a worker busy
// with synchronous polars work cannot starve another's RPC (the failure seen under load with threads).
export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    reporters: ["default", "./tests/support/countReporter.ts"],
    pool: "forks",
    // vitest's default is one worker fewer than the cores: a single worker on a 2-core machine, which ran
    // the 70-odd files one after another (3 m 30 s). Two workers there: the pipeline test mostly waits on
    // its child processes while the other worker runs the rest (about 3 min).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 60_000,
    hookTimeout: 600_000,
    teardownTimeout: 30_000,
    globalSetup: ["./tests/support/globalSetup.ts"],
    sequence: { sequencer: LongFirstSequencer },
  },
});
