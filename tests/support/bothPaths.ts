/**
 * Run a transform on its small-frame path (plain TypeScript, src/lib/indicators/smallFrame.ts) and on
 * its polars path (the row limit set to 0), and describe each outcome so that the two can be compared
 * with toEqual: a frame as its column names, dtypes and rows (-0 and NaN spelled out), or an error as
 * its class and message.
 */
import * as pl from "nodejs-polars";
import { setSmallFrameRows } from "../../src/lib/indicators/smallFrame";

export type Outcome = { columns: string[]; dtypes: string[]; rows: unknown[][] } | { value: unknown } | { error: string };

const cell = (v: unknown): unknown => (typeof v === "number" && (Object.is(v, -0) || Number.isNaN(v)) ? String(v === 0 ? "-0" : v) : v);

/** What `run` gave: a frame, a value or an error. */
export function outcome(run: () => unknown): Outcome {
  try {
    const out = run();
    const df = out as pl.DataFrame;
    if (typeof df !== "object" || df === null || typeof df.height !== "number" || typeof df.rows !== "function") return { value: cell(out) };
    return { columns: df.columns, dtypes: df.dtypes.map((t) => String(t)), rows: (df.rows() as unknown[][]).map((r) => r.map(cell)) };
  } catch (e) {
    return { error: `${(e as Error).name}: ${(e as Error).message}` };
  }
}

/** [small-frame path, polars path] outcomes of `run`. */
export function bothPaths(run: () => unknown): [Outcome, Outcome] {
  const small = outcome(run);
  const before = setSmallFrameRows(0);
  try {
    return [small, outcome(run)];
  } finally {
    setSmallFrameRows(before);
  }
}

/** A frame whose columns are built as Float64 (nulls allowed) and cast to the given dtypes (non-strict: NaN → null in integer columns). */
export function castFrame(columns: Record<string, { values: (number | string | null)[]; dtype: pl.DataType }>): pl.DataFrame {
  const series = Object.entries(columns).map(([name, c]) =>
    c.values.some((v) => typeof v === "string")
      ? pl
          .Series(
            name,
            c.values.map((v) => (v === null ? null : String(v))),
            pl.Utf8,
          )
          .cast(c.dtype)
      : pl.Series(name, c.values, pl.Float64).cast(c.dtype),
  );
  return pl.DataFrame(series);
}
