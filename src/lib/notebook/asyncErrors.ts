/**
 * Errors thrown outside a cell's own execution — a rejected promise nobody awaited, a throw inside a
 * timer callback — end no cell: tslab only logs them (into whichever cell happens to be running, or
 * nowhere), and a run would pass. A notebook session records them from the moment it is created and
 * raises the first one in the next cell that uses the session; the module runner also checks at the end.
 */

/** An error thrown outside a cell's own execution, raised at the next use of the notebook session or when the run ends. */
export class AsyncCellError extends Error {
  override name = "AsyncCellError";
  constructor(readonly original: unknown) {
    const e = original instanceof Error ? original : null;
    super(
      `an error was thrown outside a cell's own execution (an unawaited promise or a timer callback), ` +
        `raised at the next use of the notebook session (or when the run ends): ${e ? `${e.name}: ${e.message}` : String(original)}`,
    );
    if (e?.stack) this.stack = `${this.name}: ${this.message}\n--- thrown at ---\n${e.stack}`;
  }
}

// one list per process, however many copies of the library are loaded (src and dist); the key is also read by
// the tail cell scripts/run_notebook.py runs after a notebook's last cell on the kernel
const KEY = Symbol.for("innlandet.asyncErrors");
interface Store {
  pending: unknown[];
  installed: boolean;
}
function store(): Store {
  const g = globalThis as unknown as Record<symbol, Store | undefined>;
  return (g[KEY] ??= { pending: [], installed: false });
}

/**
 * Start recording unhandled promise rejections and uncaught exceptions of this process (once per process).
 * @example
 * watchAsyncErrors(); // the Notebook constructor does this
 */
export function watchAsyncErrors(): void {
  const s = store();
  if (s.installed) return;
  s.installed = true;
  process.on("unhandledRejection", (reason) => s.pending.push(reason));
  process.on("uncaughtException", (err) => s.pending.push(err));
}

/**
 * The errors recorded since the last call, emptied.
 * @example
 * const errors = takeAsyncErrors(); // [] when nothing was thrown outside a cell
 */
export function takeAsyncErrors(): unknown[] {
  return store().pending.splice(0);
}

/**
 * Throw an AsyncCellError for the first error recorded since the last call (the others are dropped with it).
 * @example
 * raiseAsyncErrors(); // at the start of every Notebook method
 */
export function raiseAsyncErrors(): void {
  const [first] = takeAsyncErrors();
  if (first !== undefined) throw new AsyncCellError(first);
}
