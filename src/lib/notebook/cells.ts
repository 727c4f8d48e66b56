/**
 * Which cell is running, so that a finding cell can be rerun: `nb.check` replaces the finding the
 * same cell emitted before (the last run of a cell wins) and refuses an id another cell emitted.
 *
 * - Under the headless runner (scripts/lib/tslab-runner.cjs, tslab's own executor) the runner sets
 *   the cell's index and its number as the reader sees it before each cell.
 * - In a live tslab kernel the session records the code of every execution request (a wrapper around
 *   tslab's handler, installed once per kernel by `trackKernelCells`). A cell is then known by its first
 *   non-blank line — a finding cell's `// §… — claim` comment — so editing a constant below it keeps
 *   it the same cell.
 * - Elsewhere (a plain script) every call is its own execution and no cell is known.
 */

/** The cell that is running. */
export interface RunningCell {
  /** What identifies the cell across reruns: "cell 12" (runner) or its first line (kernel). */
  key: string;
  /** How a message names it, e.g. `cell [12]` or `the cell starting "// §3.3.3 — …"`. */
  label: string;
  /** One number per execution of any cell in this process (a rerun of a cell gets a new one). */
  execution: number;
}

interface CellState {
  execution: number;
  /** Set by the headless runner: committed index and the reader's number (In [n] of a top-down run). */
  runner?: { index: number; number: number };
  /** Set in a live kernel: the code of the execution request. */
  code?: string;
  patched: boolean;
}

const KEY = Symbol.for("innlandet.cells");

function state(): CellState {
  const g = globalThis as unknown as Record<symbol, CellState | undefined>;
  return (g[KEY] ??= { execution: 0, patched: false });
}

/**
 * Called by the headless runner before each code cell.
 * @param index the cell's index in the committed notebook (markdown counted)
 * @param number the cell's number as the reader sees it (1-based among code cells: In [n] of a fresh run)
 */
export function enterRunnerCell(index: number, number: number): void {
  const s = state();
  s.execution += 1;
  s.runner = { index, number };
}

/** The first non-blank line of a cell's code, shortened for messages. */
export function firstLine(code: string): string {
  const line = code.split("\n").find((l) => l.trim().length > 0)?.trim() ?? "";
  return line.length > 70 ? `${line.slice(0, 69)}…` : line;
}

/**
 * Wrap tslab's execute handler (once per process) so the session knows each request's code. Does nothing
 * outside a tslab kernel or when tslab's internals differ from the version this was written for (1.0.22).
 */
export function trackKernelCells(): void {
  const s = state();
  if (s.patched || s.runner) return;
  s.patched = true;
  // only inside a tslab kernel process (`tslab kernel --config-path …`), never in a script or a test
  if (!/tslab/.test(process.argv[1] ?? "") || !process.argv.includes("kernel")) return;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const jupyter = require("tslab/dist/jupyter") as { JupyterHandlerImpl?: { prototype: Record<string, unknown> } };
    const proto = jupyter.JupyterHandlerImpl?.prototype;
    const original = proto?.["handleExecuteImpl"];
    if (!proto || typeof original !== "function") return;
    proto["handleExecuteImpl"] = function (this: unknown, req: { code?: string }, ...rest: unknown[]) {
      s.execution += 1;
      s.code = typeof req?.code === "string" ? req.code : undefined;
      return (original as (...a: unknown[]) => unknown).call(this, req, ...rest);
    };
  } catch {
    /* not in a tslab kernel */
    return;
  }
  try {
    serializeSocketSends();
  } catch (e) {
    console.error(`innlandet: could not queue the kernel's socket sends (${e instanceof Error ? e.message : String(e)}); outputs may be lost under load`);
  }
}

/**
 * tslab sends each output on the kernel's ZeroMQ sockets without waiting for the previous send; zeromq 6 rejects
 * a send while another is in progress ("Socket is busy writing"), so under load a cell with many outputs loses
 * some of them — even the kernel's "idle" status, which leaves a Jupyter client waiting forever — and the
 * rejection surfaces in a later cell. Queue the sends of each socket one after another instead.
 */
function serializeSocketSends(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const zmq = require("zeromq") as { Publisher?: { prototype: object } };
  const base = zmq.Publisher ? (Object.getPrototypeOf(zmq.Publisher.prototype) as Record<string, unknown>) : undefined;
  const send = base?.["send"];
  if (!base || typeof send !== "function") return;
  const queues = new WeakMap<object, Promise<unknown>>();
  // zeromq defines `send` read-only (but configurable) on its native Socket class
  Object.defineProperty(base, "send", {
    configurable: true,
    writable: false,
    value: function (this: object, ...args: unknown[]): Promise<unknown> {
      const next = (queues.get(this) ?? Promise.resolve()).then(() => (send as (...a: unknown[]) => Promise<unknown>).apply(this, args));
      queues.set(this, next.catch(() => undefined));
      return next;
    },
  });
}

/**
 * The cell running now, or undefined when it cannot be known (a plain script, or the kernel's
 * first execution, before the session was created).
 * @example
 * currentCell(); // { key: "cell 64", label: "cell [41]", execution: 41 } under the runner
 */
export function currentCell(): RunningCell | undefined {
  const s = state();
  if (s.runner) return { key: `cell ${s.runner.index}`, label: `cell [${s.runner.number}]`, execution: s.execution };
  if (s.code !== undefined) {
    const line = firstLine(s.code);
    return { key: line || s.code, label: line ? `the cell starting "${line}"` : "an empty cell", execution: s.execution };
  }
  return undefined;
}
