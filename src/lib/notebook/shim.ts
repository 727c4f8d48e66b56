/**
 * A stand-in for tslab's `display` when a notebook runs as a plain TypeScript module (the module
 * runner, scripts/lib/nbmodule.ts): every output is recorded with the index of the cell that made
 * it, and written as JSON to $INNLANDET_MODULE_OUT when the module ends.
 */
import { writeFileSync } from "node:fs";
import { AsyncCellError, takeAsyncErrors, watchAsyncErrors } from "./asyncErrors";
import { enterRunnerCell } from "./cells";

export interface RecordedOutput {
  /** Index of the cell in the committed notebook (markdown cells counted). */
  cell: number;
  mime: string;
  data: string;
}

const outputs: RecordedOutput[] = [];
// errors thrown outside a cell (timers, unawaited promises) are recorded from the start, session or not
watchAsyncErrors();
let current = -1;

function record(mime: string, data: string | Uint8Array): void {
  outputs.push({ cell: current, mime, data: typeof data === "string" ? data : Buffer.from(data).toString("base64") });
}

/** The recording display (same method names as tslab's). */
export const display = {
  html: (s: string): void => record("text/html", s),
  markdown: (s: string): void => record("text/markdown", s),
  text: (s: string): void => record("text/plain", s),
  svg: (s: string): void => record("image/svg+xml", s),
  png: (b: Uint8Array): void => record("image/png", b),
  jpeg: (b: Uint8Array): void => record("image/jpeg", b),
  raw: (contentType: string, b: string | Uint8Array): void => record(contentType, b),
};

/** Called by the generated module before each cell's code: its index as committed and its number as the reader sees it. */
export function __cell(i: number, n = 0): void {
  current = i;
  enterRunnerCell(i, n);
}

function write(extra: Record<string, unknown>): void {
  const file = process.env["INNLANDET_MODULE_OUT"];
  if (file) writeFileSync(file, JSON.stringify({ outputs, ...extra }));
}

/** Called when every cell has run. */
export function __finish(): void {
  // an error thrown outside a cell after the last cell that used the notebook session still fails the run:
  // now, or when the event loop has emptied (a timer or a rejection still pending after the last cell)
  const check = (): boolean => {
    const [late] = takeAsyncErrors();
    if (late !== undefined) __fail(new AsyncCellError(late));
    return late !== undefined;
  };
  if (!check()) write({ ok: true });
  process.once("beforeExit", check);
}

/** Called when a cell throws: records the cell, the error's name, message and the top of its stack. */
export function __fail(e: unknown): void {
  const err = e instanceof Error ? e : new Error(String(e));
  write({ ok: false, error: { cell: current, name: err.name, message: err.message, stack: (err.stack ?? "").split("\n").slice(0, 8).join("\n") } });
  process.exitCode = 1;
}
