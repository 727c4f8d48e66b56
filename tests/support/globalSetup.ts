/**
 * Before any test file: run every chapter notebook once as a module (no Jupyter), under the
 * default parameters and under regions=ba2020, and hand the results to the tests
 * (tests/support/runs.ts reads them). Spawned asynchronously: no worker is blocked.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { runAllAsModules } from "../../scripts/lib/notebooks";

export default async function setup(project: TestProject): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "innlandet-runs-"));
  const t0 = Date.now();
  const [defaults, ba2020] = await Promise.all([
    runAllAsModules(join(dir, "default")),
    runAllAsModules(join(dir, "ba2020"), { regions: "ba2020" }),
  ]);
  writeFileSync(join(dir, "default.json"), JSON.stringify(defaults));
  writeFileSync(join(dir, "ba2020.json"), JSON.stringify(ba2020));
  project.provide("notebookRuns", dir);
  console.log(`[setup] chapter notebooks run as modules (default and regions=ba2020) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

declare module "vitest" {
  export interface ProvidedContext {
    notebookRuns: string;
  }
}
