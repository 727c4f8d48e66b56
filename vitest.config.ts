import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    reporters: ["default", "./tests/support/countReporter.ts"],
    testTimeout: 30_000,
    globalSetup: ["./tests/support/globalSetup.ts"],
  },
});
