import { defineConfig } from "vitest/config";

// One run, two tiers: the unit/property/finding-cell tier (fast, in-process) and the pipeline tier
// (kernel, site in Chromium, parameter runs), whose heavy work runs in child processes spawned
// asynchronously, so no worker is blocked for long. Workers are forked processes: a worker busy
// with synchronous polars work cannot starve another's RPC (the failure seen under load with threads).
export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    reporters: ["default", "./tests/support/countReporter.ts"],
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 600_000,
    teardownTimeout: 30_000,
    globalSetup: ["./tests/support/globalSetup.ts"],
  },
});
