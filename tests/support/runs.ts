/**
 * The chapter notebooks' module runs made once by tests/support/globalSetup.ts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { inject } from "vitest";
import type { ModuleRunAll } from "../../scripts/lib/notebooks";
import type { Finding } from "../../src/lib/findings/types";

const cache = new Map<string, ModuleRunAll>();

/** The runs under the default parameters or under regions=ba2020. */
export function notebookRuns(which: "default" | "ba2020" = "default"): ModuleRunAll {
  if (!cache.has(which)) cache.set(which, JSON.parse(readFileSync(join(inject("notebookRuns"), `${which}.json`), "utf8")) as ModuleRunAll);
  return cache.get(which)!;
}

/** Every finding emitted (default parameters unless asked). */
export function emitted(which: "default" | "ba2020" = "default"): Finding[] {
  return notebookRuns(which).findings;
}

/** One emitted finding by id; throws naming the id when no cell emitted it. */
export function finding(id: string, which: "default" | "ba2020" = "default"): Finding {
  const f = emitted(which).find((x) => x.id === id);
  if (!f) throw new Error(`no notebook cell emitted ${id} (${which})`);
  return f;
}
