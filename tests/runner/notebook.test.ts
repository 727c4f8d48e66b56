/**
 * Exact failure reports of run_notebook.py through runNotebook, on tiny synthetic notebooks run on
 * the project's tslab kernel (each run starts a kernel, ~2.5 s; the cases run concurrently).
 * Needs Jupyter's nbclient (Debian: python3-nbclient); skipped, saying so, without it.
 * Cell indices below are counted by hand: 0-based, markdown cells included.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { acquireLock, stageBuild } from "../../scripts/lib/atomic";
import { existingPython, formatFailure, runNotebook } from "../../scripts/lib/jupyter";
import { gone, killLeftovers, startFixture, waitGone } from "./fixtures/processes";
import { limit } from "../support/limits";

const root = join(__dirname, "..", "..");
const python = existingPython();
if (!python) console.warn("tests/runner/notebook.test: Jupyter's nbclient not found — notebook runner tests skipped (see README)");
afterAll(killLeftovers);

type Cell = { source: string; md?: boolean; tags?: string[] };
/** Write a synthetic nbformat-4 notebook into a fresh temp dir; returns its path. */
function notebook(name: string, cells: Cell[]): string {
  const dir = mkdtempSync(join(tmpdir(), "innlandet-runner-"));
  const nb = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } },
    cells: cells.map((c, i) =>
      c.md
        ? { cell_type: "markdown", id: `c${i}`, metadata: {}, source: c.source }
        : { cell_type: "code", id: `c${i}`, metadata: c.tags ? { tags: c.tags } : {}, execution_count: null, outputs: [], source: c.source },
    ),
  };
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(nb));
  return path;
}

function run(input: string, cellTimeout?: number) {
  return runNotebook({
    python: python!,
    root,
    input,
    output: join(input, "..", "out", "executed.ipynb"),
    cwd: join(input, ".."),
    env: { JUPYTER_PATH: join(root, "jup") },
    ...(cellTimeout !== undefined ? { cellTimeout } : {}),
  });
}

describe.skipIf(!python).concurrent("run_notebook.py failure reports", { timeout: limit(40_000) }, () => {
  it("(a) an Error with an empty message in cell 2: names cell 2, ename Error, a stack line", async () => {
    const input = notebook("empty-error.ipynb", [
      { source: 'function thrower(): never {\n  throw new Error("");\n}' }, // cell 0
      { source: "Some text.", md: true }, // cell 1
      { source: "// cell two: calls thrower()\nthrower();" }, // cell 2
      { source: "const never = 1;" }, // cell 3
    ]);
    const r = await run(input);
    expect(r.ok).toBe(false);
    const f = r.failure!;
    expect(f).toMatchObject({
      kind: "error",
      notebook: "empty-error.ipynb",
      cell: 2,
      cellId: "c2",
      firstLine: "// cell two: calls thrower()",
      ename: "Error",
      evalue: "",
    });
    expect(
      f.stack.some((l) => /^\s+at (\w+\.)?thrower \(evalmachine/.test(l)),
      f.stack.join("\n"),
    ).toBe(true);
    const text = formatFailure(f);
    expect(text.split("\n")[0]).toBe("empty-error.ipynb: cell 2 failed (// cell two: calls thrower())");
    expect(text).toContain("  Error (empty message)");
    expect(r.stderr).toContain("empty-error.ipynb: cell 2 failed (// cell two: calls thrower())"); // the runner's own print
    // the partly executed notebook is written: cell 0 ran, cell 3 did not
    const out = JSON.parse(readFileSync(join(input, "..", "out", "executed.ipynb"), "utf8")) as { cells: { execution_count: number | null }[] };
    expect(out.cells[0]!.execution_count).toBe(1);
    expect(out.cells[3]!.execution_count).toBe(null);
    expect(gone(r.kernelPid!)).toBe(true);
  });

  it("(b) process.exit(1) in cell 1: a kernel death names cell 1, not the cell before", async () => {
    const input = notebook("dies.ipynb", [
      { source: "const a = 1;" }, // cell 0
      { source: "// exits the kernel\nprocess.exit(1);" }, // cell 1
      { source: "const b = 2;" }, // cell 2
    ]);
    const r = await run(input);
    expect(r.ok).toBe(false);
    expect(r.failure).toMatchObject({ kind: "dead-kernel", cell: 1, firstLine: "// exits the kernel", ename: "DeadKernelError" });
    expect(r.failure!.evalue).toBe("the kernel died while this cell ran (exit code 1)");
    expect(gone(r.kernelPid!)).toBe(true);
  });

  it("(c) with an injected parameters cell: the index is the committed notebook's", async () => {
    // input cells: 0 md, 1 parameters, 2 injected, 3 check, 4 throws → committed (without 2): 0 md, 1, 2 check, 3 throws
    const input = notebook("injected.ipynb", [
      { source: "# Synthetic", md: true },
      { source: "const params = { n: 1 };", tags: ["parameters"] },
      { source: "params.n = 2;", tags: ["injected-parameters"] },
      { source: '// check\nif (params.n !== 2) throw new Error("not injected");' },
      { source: '// fails here\nthrow new RangeError("synthetic n=" + params.n);' },
    ]);
    const r = await run(input);
    expect(r.failure).toMatchObject({ kind: "error", cell: 3, injectedCell: 2, isInjectedCell: false, firstLine: "// fails here" });
    expect(r.failure).toMatchObject({ ename: "RangeError", evalue: "synthetic n=2" });
    expect(r.failure!.throwingLine).toMatch(/^throw new RangeError\("synthetic n=" \+ (exports\.)?params\.n\);$/); // as tslab compiled it
    expect(formatFailure(r.failure!)).toContain("the injected parameters cell not counted");
  });

  it("(d) a cell sleeping past --timeout 3: the timeout names that cell", async () => {
    const input = notebook("sleeps.ipynb", [
      { source: "# Synthetic", md: true }, // cell 0
      { source: "Text.", md: true }, // cell 1
      { source: "// sleeps 60 s\nawait new Promise((r) => setTimeout(r, 60_000));" }, // cell 2
    ]);
    // no wall-clock assertion (issue 21): the failure's kind and its 3 s limit say the cell was stopped, not finished.
    // The cells before it are text: on a busy machine tslab's first compile alone can take 3 s, which timed out a
    // code cell before it.
    const r = await run(input, 3);
    expect(r.failure).toMatchObject({ kind: "timeout", cell: 2, firstLine: "// sleeps 60 s", timeoutSeconds: 3, ename: "CellTimeoutError" });
    expect(r.failure!.evalue).toBe("the cell ran longer than --timeout 3 s");
    expect(gone(r.kernelPid!)).toBe(true);
  });

  it("(e) a timer callback throwing after its cell ended: the cell during which tslab logged it fails", async () => {
    const input = notebook("late-timer.ipynb", [
      // cell 0 ends at once, leaving a timer that throws once cell 1 has opened the gate: the throw falls inside cell 1
      // however long the gap between the cells (with a fixed 2 s delay, a busy machine could fire it in the gap, where
      // it reaches no cell's output; the notebook session catches that case, tests/runner/asyncErrors.test.ts). Cell 1's
      // 15 s timer is due after the interval's next tick, so it cannot end first, whatever the load.
      {
        source:
          "const gate = { open: false };\nconst poll = setInterval(() => {\n  if (!gate.open) return;\n  clearInterval(poll);\n" +
          '  throw new Error("synthetic late failure");\n}, 100);',
      },
      { source: "// waits while the timer fires\ngate.open = true;\nawait new Promise((r) => setTimeout(r, 15000));" }, // cell 1
      { source: "const never = 2;" }, // cell 2
    ]);
    const r = await run(input);
    expect(r.ok).toBe(false);
    expect(r.failure).toMatchObject({ kind: "async-error", cell: 1, firstLine: "// waits while the timer fires", ename: "Error" });
    expect(r.failure!.evalue).toMatch(
      /^synthetic late failure\n\(thrown outside a cell's own execution — UncaughtException, logged while this cell ran\)$/,
    );
    // a timer's frame (an interval's callback shows as Timeout.<anonymous>, a timeout's as Timeout._onTimeout)
    expect(r.failure!.stack.some((l) => /^\s+at Timeout\.(_onTimeout|<anonymous>) /.test(l)), r.failure!.stack.join("\n")).toBe(true);
  });

  it("(f) a timer from the last cell throwing after it ended: the run fails after the last cell, the notebook is written without the runner's own cell", async () => {
    // cell 0 records errors thrown outside a cell as a notebook session does (src/lib/notebook/asyncErrors.ts, same
    // global key), so the runner's tail cell finds the error whenever the timer fires before its check. Without a
    // recorder, a throw in the gap between the last cell's end and the tail cell reaches no cell's output: that race
    // made this test fail on a busy machine (the chapter notebooks all create a session).
    const input = notebook("after-end.ipynb", [
      {
        source:
          'const store = ((globalThis as any)[Symbol.for("innlandet.asyncErrors")] ??= { pending: [], installed: true });\n' +
          'process.on("uncaughtException", (e) => store.pending.push(e));',
      }, // cell 0
      { source: 'setTimeout(() => {\n  throw new Error("synthetic failure after the end");\n}, 50);\nconst last = 1;' }, // cell 1
    ]);
    const r = await run(input);
    expect(r.ok).toBe(false);
    expect(r.failure).toMatchObject({ kind: "async-error", cell: null, ename: "Error" });
    expect(r.failure!.evalue).toMatch(/^synthetic failure after the end\n[\s\S]*after the last cell had ended\)$/); // (the recorded error keeps its stack lines)
    expect(formatFailure(r.failure!).split("\n")[0]).toBe("after-end.ipynb: an error surfaced after the last cell");
    const out = JSON.parse(readFileSync(join(input, "..", "out", "executed.ipynb"), "utf8")) as { cells: unknown[] };
    expect(out.cells).toHaveLength(2);
  });

  it("SIGTERM to a guarded run stops the runner and its kernel and keeps the previous build", async () => {
    const input = notebook("sleeps.ipynb", [{ source: "await new Promise((r) => setTimeout(r, 3_600_000)); // stopped by the signal long before" }]);
    const build = join(input, "..", "build");
    mkdirSync(build);
    writeFileSync(join(build, "findings.json"), "previous synthetic build");
    const f = startFixture(["notebook", build, input, python!, root]);
    const { pids } = await f.ready; // the runner's group and the kernel's
    expect(pids).toHaveLength(2);
    f.p.kill("SIGTERM");
    const e = await f.exited;
    expect(e.code, e.stderr).toBe(143);
    expect(e.stdout).not.toContain("notebook finished");
    expect(await waitGone(pids)).toEqual([]);
    expect(readdirSync(join(build, ".."))).toEqual(["build", "sleeps.ipynb"]); // no stage, no lock left
    expect(readdirSync(build)).toEqual(["findings.json"]);
  });

  it("SIGKILL of the guarded process: the runner notices, kills its kernel and exits; the next run takes over", async () => {
    const input = notebook("sleeps.ipynb", [{ source: "await new Promise((r) => setTimeout(r, 3_600_000)); // stopped by the signal long before" }]);
    const build = join(input, "..", "build");
    const f = startFixture(["notebook", build, input, python!, root]);
    const { pids, stage, self } = await f.ready;
    process.kill(self!, "SIGKILL"); // no handler can run: only the runner's parent watch is left
    expect(await waitGone(pids)).toEqual([]); // returns as soon as they are gone; the limit is for a busy machine
    const notes: string[] = [];
    const lock = acquireLock(build, { onNote: (l) => notes.push(l) });
    stageBuild(build, { onNote: (l) => notes.push(l) }).abort();
    lock.release();
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatch(new RegExp(`^taking over a stale lock .*build\\.lock: process ${self} \\(.*guarded\\.ts notebook`));
    expect(notes[1]).toBe(`removed ${stage} (left by process ${self}, which is gone)`);
    expect(readdirSync(join(build, ".."))).toEqual(["sleeps.ipynb"]);
  });
});
