/**
 * Prints one plain closing line "N passed, N failed[, N skipped]" with the
 * real counts, for CI logs that do not read vitest's own summary.
 */
import type { Reporter } from "vitest/reporters";
import type { RunnerTestFile, RunnerTask } from "vitest";

function walk(tasks: RunnerTask[], acc: { passed: number; failed: number; skipped: number }): void {
  for (const t of tasks) {
    if (t.type === "test") {
      const state = t.result?.state;
      if (state === "pass") acc.passed += 1;
      else if (state === "fail") acc.failed += 1;
      else acc.skipped += 1;
    } else if ("tasks" in t) {
      walk(t.tasks, acc);
    }
  }
}

export default class CountReporter implements Reporter {
  onFinished(files: RunnerTestFile[] = [], errors: unknown[] = []): void {
    const acc = { passed: 0, failed: 0, skipped: 0 };
    walk(files, acc);
    // a file that failed to load counts as a failure
    acc.failed += files.filter((f) => f.result?.state === "fail" && f.tasks.length === 0).length + errors.length;
    const skipped = acc.skipped > 0 ? `, ${acc.skipped} skipped` : "";
    process.stdout.write(`\n${acc.passed} passed, ${acc.failed} failed${skipped}\n`);
  }
}
