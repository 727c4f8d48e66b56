/**
 * Run a notebook headless on **tslab's own executor** (scripts/lib/tslab-runner.cjs in a child process):
 * one semantics with the Jupyter kernel — each cell type-checked by tslab's compiler, names declared again
 * accepted as tslab accepts them, a top-level `return` a compile error. Used by `npm run nb`.
 *
 * Every failure — a type or syntax error, a runtime error, a cell past its timeout, a cell that ends the
 * process — is one line naming the notebook, the cell as numbered on the page (`cell [n]`: the n-th code
 * cell, In [n] of a fresh top-down run) and the line within the cell. The child runs in a process group of
 * its own, killed whole on a timeout; nothing is written next to the notebook.
 */
import { fork } from "node:child_process";
import { readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { RunParameters } from "../../src/lib/params";
import { parseParams } from "../../src/lib/params";
import type { RecordedOutput } from "../../src/lib/notebook/shim";
import { FINDING_MIME } from "../../src/lib/notebook/session";
import type { Finding } from "../../src/lib/findings/types";
import { injectParameters } from "./inject";
import { currentGuard } from "./guard";

/** The least time tslab's type-check of one cell is given, whatever the cell timeout (a busy machine is slow). */
const COMPILE_MS = 300_000;

interface NbCell {
  cell_type: string;
  source: string | string[];
  metadata?: { tags?: string[] };
}

/** Where and why a run failed. */
export interface CellFailure {
  /** Index in the committed notebook (markdown counted); -1 for the injected parameters cell. */
  index: number;
  /** The cell's number as the reader sees it: the n-th code cell (In [n] of a fresh run). */
  number: number;
  kind: "compile" | "runtime" | "async" | "timeout" | "exit";
  name: string;
  message: string;
  /** The line within the cell, when known. */
  line?: number;
}

export interface TslabRun {
  ok: boolean;
  outputs: RecordedOutput[];
  /** Findings emitted (a rerun cell's latest), each with notebook and cell (index as committed). */
  findings: Finding[];
  failure?: CellFailure;
  seconds: number;
}

/**
 * The failure as the one line a user reads.
 * @example
 * failureLine("explore/x.ipynb", { index: 3, number: 2, kind: "compile", name: "TypeScript", message: "Type 'string' is not assignable to type 'number'.", line: 1 });
 * // "explore/x.ipynb, cell [2], line 1: TypeScript: Type 'string' is not assignable to type 'number'."
 */
export function failureLine(notebook: string, f: CellFailure): string {
  const where = f.index === -1 ? "the injected parameters cell" : `cell [${f.number}]`;
  return `${notebook}, ${where}${f.line ? `, line ${f.line}` : ""}: ${f.name}: ${f.message}`;
}

/** The code cells to run, numbered as the reader sees them, with the run's parameters injected after the `parameters` cell. */
export function runnableCells(nb: { cells: NbCell[]; metadata?: Record<string, unknown> }, params?: Partial<RunParameters>): { index: number; number: number; source: string }[] {
  const text = (s: string | string[]): string => (Array.isArray(s) ? s.join("") : s);
  const hasParams = nb.cells.some((c) => c.cell_type === "code" && (c.metadata?.tags ?? []).includes("parameters"));
  const withParams = params && hasParams ? injectParameters({ cells: nb.cells as never[], metadata: nb.metadata ?? {} }, parseParams([], params as Record<string, unknown>)) : nb;
  let number = 0;
  let committed = -1;
  const out: { index: number; number: number; source: string }[] = [];
  for (const c of withParams.cells as (NbCell & { id?: string })[]) {
    const injected = c.id === "injected-parameters";
    if (!injected) committed += 1;
    if (c.cell_type !== "code") continue;
    if (!injected) number += 1;
    out.push({ index: injected ? -1 : committed, number: injected ? 0 : number, source: text(c.source) });
  }
  return out;
}

/**
 * Run one notebook on tslab's executor.
 * @param notebook path to the .ipynb (its folder must hold the `lib` link the cells import)
 * @param opts params: run parameters (injected after the `parameters` cell); env: extra environment;
 *   cellTimeoutMs: stop the run when one cell takes longer (default 600 s)
 */
export function runInTslab(
  notebook: string,
  opts: { params?: Partial<RunParameters>; env?: Record<string, string>; cellTimeoutMs?: number } = {},
): Promise<TslabRun> {
  const t0 = Date.now();
  const nbPath = resolve(notebook);
  const name = basename(nbPath, ".ipynb");
  const cells = runnableCells(JSON.parse(readFileSync(nbPath, "utf8")) as { cells: NbCell[] }, opts.params);
  const timeoutMs = opts.cellTimeoutMs ?? 600_000;
  const guard = currentGuard();
  return new Promise((resolveRun) => {
    const child = fork(join(__dirname, "tslab-runner.cjs"), [], {
      cwd: dirname(nbPath),
      env: { ...process.env, ...opts.env },
      detached: true, // a process group of its own: a timeout kills it with everything it started
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      execArgv: [],
    });
    const untrack = guard && child.pid !== undefined ? guard.track(child.pid) : () => undefined;
    child.stdout?.resume();
    let stderr = "";
    child.stderr?.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    const outputs: RecordedOutput[] = [];
    let running: { index: number; number: number } | undefined;
    let failure: CellFailure | undefined;
    let ended = false;
    let timer: NodeJS.Timeout | undefined;
    const startTimer = (ms: number, what: string): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        failure = { ...running!, kind: "timeout", name: "Timeout", message: `the cell ${what} ${ms / 1000} s (--cell-timeout); the run was stopped` };
        killGroup();
      }, ms);
    };
    const killGroup = (): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        /* already gone */
      }
    };
    child.on("message", (m: { t: string } & Record<string, unknown>) => {
      if (m.t === "cell") {
        running = { index: m["index"] as number, number: m["number"] as number };
        // tslab type-checks the cell first: that phase gets at least a minute (a busy machine), the run the timeout
        startTimer(Math.max(timeoutMs, COMPILE_MS), "was not compiled within");
      } else if (m.t === "compiled") startTimer(timeoutMs, "did not finish within");
      else if (m.t === "out") outputs.push({ cell: m["cell"] as number, mime: m["mime"] as string, data: m["data"] as string });
      else if (m.t === "fail") {
        failure ??= m as unknown as CellFailure;
        clearTimeout(timer);
        setTimeout(killGroup, 200).unref(); // what the failed cell left running goes with it
      } else if (m.t === "end") ended = true;
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      untrack();
      killGroup();
      if (!failure && !ended) {
        const at = running ?? { index: -1, number: 0 };
        const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
        const why = stderr.trim().split("\n").filter(Boolean).pop();
        failure = { ...at, kind: "exit", name: "ProcessExit", message: `the process ${how} before the notebook finished (process.exit in a cell would end the kernel too)${why ? `; last output: ${why}` : ""}` };
      }
      const byId = new Map<string, Finding>();
      for (const o of outputs.filter((x) => x.mime === FINDING_MIME)) {
        const f = JSON.parse(o.data) as Finding;
        byId.set(f.id, { ...f, notebook: `${name}.ipynb`, cell: o.cell });
      }
      resolveRun({ ok: !failure, outputs, findings: [...byId.values()], ...(failure ? { failure } : {}), seconds: (Date.now() - t0) / 1000 });
    });
    child.send({ dir: dirname(nbPath), cells });
  });
}
