/**
 * Errors thrown outside a cell's own execution, in the module runner (no Jupyter): a rejected promise
 * nobody awaited is raised by the notebook session in the next cell that uses it, or, after the last
 * such cell, when the module ends. Synthetic notebooks in a temp folder with a `lib` link to dist/lib.
 */
import { mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { limit } from "../support/limits";
import { ensureLibBuilt } from "../../scripts/lib/buildLib";
import { runAsModule } from "../../scripts/lib/nbmodule";

const root = join(__dirname, "..", "..");
let dir = "";
beforeAll(async () => {
  await ensureLibBuilt();
  dir = mkdtempSync(join(tmpdir(), "innlandet-async-"));
  symlinkSync(join(root, "dist", "lib"), join(dir, "lib"));
}, limit(30_000));

function notebook(name: string, cells: string[]): string {
  const nb = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } },
    cells: cells.map((source, i) => ({ cell_type: "code", id: `c${i}`, metadata: {}, execution_count: null, outputs: [], source })),
  };
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(nb));
  return path;
}

const SESSION = 'import * as tslab from "tslab";\nimport * as lib from "./lib/index";\nconst nb = new lib.Notebook("synthetic", tslab.display);';

describe("errors thrown outside a cell's own execution (module runner)", () => {
  it(
    "an unawaited rejection in cell 1 fails cell 2, the next cell that uses the session, naming the original error",
    { timeout: limit(10_000) },
    async () => {
      const r = await runAsModule(
        notebook("unawaited.ipynb", [
          SESSION, // cell 0
          'Promise.reject(new Error("synthetic unawaited failure"));\nconst after = 1;', // cell 1: ends normally
          'await new Promise((r) => setTimeout(r, 50));\nnb.say("cell 2");', // cell 2
          'nb.say("cell 3 never runs");', // cell 3
        ]),
      );
      expect(r.ok).toBe(false);
      expect(r.error).toMatchObject({ cell: 2, name: "AsyncCellError" });
      expect(r.error!.message).toMatch(/outside a cell's own execution .* Error: synthetic unawaited failure$/);
      expect(r.outputs.some((o) => o.data.includes("cell 2"))).toBe(false);
    },
  );

  it("a timer callback throwing in cell 1 fails cell 2 the same way", { timeout: limit(10_000) }, async () => {
    const r = await runAsModule(
      notebook("timer.ipynb", [
        SESSION,
        'setTimeout(() => {\n  throw new TypeError("synthetic timer failure");\n}, 10);',
        'await new Promise((r) => setTimeout(r, 100));\nnb.say("cell 2");',
      ]),
    );
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({ cell: 2, name: "AsyncCellError" });
    expect(r.error!.message).toMatch(/TypeError: synthetic timer failure$/);
  });

  it("a rejection after the last cell that uses the session still fails the run when the module ends", { timeout: limit(10_000) }, async () => {
    const r = await runAsModule(
      notebook("late.ipynb", [
        SESSION,
        'nb.say("fine");',
        'setTimeout(() => Promise.reject(new Error("synthetic late failure")), 10);\nawait new Promise((r) => setTimeout(r, 100));',
      ]),
    );
    expect(r.ok).toBe(false);
    expect(r.error?.name).toBe("AsyncCellError");
    expect(r.error!.message).toMatch(/synthetic late failure/);
  });

  it(
    "a timer that throws after the last cell has ended (nothing awaits it) fails the run when the event loop empties",
    { timeout: limit(10_000) },
    async () => {
      const r = await runAsModule(
        notebook("after-end.ipynb", [SESSION, 'nb.say("fine");\nsetTimeout(() => {\n  throw new Error("synthetic failure after the end");\n}, 20);']),
      );
      expect(r.ok).toBe(false);
      expect(r.error?.name).toBe("AsyncCellError");
      expect(r.error!.message).toMatch(/synthetic failure after the end$/);
    },
  );

  it("a module whose process exits non-zero after its last cell fails, saying how it ended", { timeout: limit(10_000) }, async () => {
    const r = await runAsModule(notebook("exit.ipynb", ["const a = 1;", "setTimeout(() => process.exit(3), 20);"]));
    expect(r.ok).toBe(false);
    expect(r.stderr).toMatch(/exited 3/);
  });

  it("a notebook without such errors passes", { timeout: limit(10_000) }, async () => {
    const r = await runAsModule(notebook("clean.ipynb", [SESSION, 'await Promise.resolve(1);\nnb.say("fine");']));
    expect(r.ok, r.error?.message ?? r.stderr).toBe(true);
  });
});
