/**
 * Plain-TypeScript paths for small frames.
 *
 * nodejs-polars wraps every expression, series and lazy frame built from JavaScript in an object of
 * some hundred closures (1–1.5 ms each in the published 0.25.2 on Node 20, about 0.02 ms with
 * patches/nodejs-polars), and each polars query has a fixed cost; a transform of a dozen expressions
 * cost 10–50 ms whatever the frame's size (about 2–6 ms with the patch), while the notebooks call the
 * transforms hundreds of times on frames of 28–400 rows. Up to {@link smallFrameRows} rows, the transforms
 * that take these paths (growthRate, growthIndex, the long-frame checks, sumBy, toRegions, the
 * finding lookups) read the frame's rows once (`select(...).rows()`, no wrapper) and compute in
 * plain TypeScript, giving the same frame as the polars path, value for value and dtype for dtype.
 *
 * A plain path computes only what it can compute exactly as polars does; for anything else — a
 * refusal (a null, a duplicate key, a missing year …), a dtype it does not handle, a sum whose
 * rounding could depend on the order of addition — it returns `undefined` and the polars path
 * runs, so refusals are the polars path's own typed errors, word for word.
 * @internal
 */
import * as pl from "nodejs-polars";

/** Rows up to which the plain paths are taken (the default; see {@link setSmallFrameRows}). */
export const SMALL_FRAME_ROWS = 10_000;
let limit = SMALL_FRAME_ROWS;

/** Rows up to which the plain paths are taken now. @internal */
export function smallFrameRows(): number {
  return limit;
}

/**
 * Set the row limit of the plain paths (0: polars always), returning the previous one — for the
 * tests that check both paths agree, and for benchmarks.
 * @internal
 * @example
 * const before = setSmallFrameRows(0); try { growthRate(df, opts); } finally { setSmallFrameRows(before); }
 */
export function setSmallFrameRows(rows: number): number {
  const before = limit;
  limit = rows;
  return before;
}

/** How a plain path treats a column: text, integer (every value a safe integer), float (Float64). */
export type Kind = "text" | "int" | "float";
const KIND: Record<string, Kind> = {
  String: "text",
  Int8: "int",
  Int16: "int",
  Int32: "int",
  Int64: "int",
  UInt8: "int",
  UInt16: "int",
  UInt32: "int",
  Float64: "float",
};
/** Value dtypes the plain paths read (cast to Float64 exactly as polars does: every one widens). */
const VALUE = new Set(["Int8", "Int16", "Int32", "Int64", "UInt8", "UInt16", "UInt32", "Float32", "Float64"]);

/** The kind of a dtype, or undefined when the plain paths leave it to polars. */
export function kindOf(dtype: pl.DataType): Kind | undefined {
  return KIND[dtype.variant];
}

/** Rows of some columns of a frame, with their dtypes. */
export interface Rows {
  /** The columns read, in the order of each row's cells. */
  names: string[];
  rows: unknown[][];
  dtypes: pl.DataType[];
}

const PLAIN_NAME = /^(?!__proto__$)(?!(0|[1-9]\d*)$)/;

/**
 * The columns `names` of `df` as rows, when the frame has 1 to smallFrameRows() rows, every name
 * is a column, no name repeats, and no name would change order as an object key (e.g. "2001").
 */
export function readRows(df: pl.DataFrame, names: string[]): Rows | undefined {
  if (df.height === 0 || df.height > limit || new Set(names).size !== names.length) return undefined;
  const columns = df.columns;
  const types = df.dtypes;
  const dtypes: pl.DataType[] = [];
  for (const n of names) {
    const i = columns.indexOf(n);
    if (i < 0 || !PLAIN_NAME.test(n)) return undefined;
    dtypes.push(types[i]!);
  }
  return { names, rows: df.select(...names).rows() as unknown[][], dtypes };
}

/** Whether a cell of the given kind is one the plain paths compare exactly (nulls only where allowed). */
function plainCell(v: unknown, kind: Kind, nullable: boolean): boolean {
  if (v === null) return nullable;
  if (kind === "text") return typeof v === "string";
  if (kind === "int") return Number.isSafeInteger(v);
  return typeof v === "number" && Number.isFinite(v);
}

export interface LongFrameOptions {
  allowNegative?: boolean;
  /** Further columns to read (after keys and value), each text or integer, nulls allowed. */
  extra?: string[];
}

/**
 * The rows `[...keys, value, ...extra]` of `df` when `checkLongFrame(fn, df, keys, value, opts)`
 * would accept it (value as a Float64 number); undefined when it would refuse, or when the plain
 * paths leave the frame to polars (too many rows, a key that is not text, integer or finite
 * Float64, a value dtype other than integer or float).
 */
export function longRows(df: pl.DataFrame, keys: string[], value: string, opts: LongFrameOptions = {}): Rows | undefined {
  const extra = (opts.extra ?? []).filter((c) => !keys.includes(c) && c !== value);
  if (keys.includes(value)) return undefined;
  const read = readRows(df, [...keys, value, ...extra]);
  if (!read) return undefined;
  const k = keys.length;
  const kinds = read.dtypes.map(kindOf);
  if (!VALUE.has(read.dtypes[k]!.variant)) return undefined;
  for (let i = 0; i < kinds.length; i += 1) if (i !== k && (kinds[i] === undefined || (i > k && kinds[i] === "float"))) return undefined;
  const intValue = kinds[k] === "int";
  const seen = new Set<unknown>();
  for (const row of read.rows) {
    for (let i = 0; i < k; i += 1) if (!plainCell(row[i], kinds[i]!, false)) return undefined;
    for (let i = k + 1; i < row.length; i += 1) if (!plainCell(row[i], kinds[i]!, true)) return undefined;
    const v = row[k];
    if (typeof v !== "number" || !Number.isFinite(v) || (intValue && !Number.isSafeInteger(v))) return undefined;
    if (!opts.allowNegative && v < 0) return undefined;
    // one key: its value (a Set's SameValueZero equals polars' grouping here: -0 = 0); several: JSON
    // of the tuple (injective for text, safe integers and finite floats; JSON writes -0 as 0 too)
    const id = k === 1 ? row[0] : JSON.stringify(row.slice(0, k));
    if (seen.has(id)) return undefined;
    seen.add(id);
  }
  return read;
}

const floatExprs = new Map<string, pl.Expr>();
/** `pl.col(name).cast(pl.Float64)`, built once per name. */
function asFloat(name: string): pl.Expr {
  let e = floatExprs.get(name);
  if (!e) floatExprs.set(name, (e = pl.col(name).cast(pl.Float64)));
  return e;
}

/** checkLongFrame's result (`df`, the value cast to Float64) when it would accept `df` and the frame is small; else undefined. */
export function checkedSmall(df: pl.DataFrame, keys: string[], value: string, opts: { allowNegative?: boolean }): pl.DataFrame | undefined {
  return longRows(df, keys, value, opts) ? df.withColumns(asFloat(value)) : undefined;
}

/**
 * checkComposition's result when it would accept `df` and the frame is small; else undefined. A whole's
 * total is checked by a sum whose rounding cannot matter: non-negative values total 0 only when all are
 * 0, and totals must stay far below overflow (else polars decides).
 */
export function compositionSmall(df: pl.DataFrame, whole: string[], part: string, value: string): pl.DataFrame | undefined {
  const read = whole.length > 0 ? longRows(df, [...whole, part], value) : undefined;
  if (!read) return undefined;
  const totals = new Map<unknown, number>();
  for (const row of read.rows) {
    const id = whole.length === 1 ? row[0] : JSON.stringify(row.slice(0, whole.length));
    totals.set(id, (totals.get(id) ?? 0) + (row[whole.length + 1] as number));
  }
  for (const t of totals.values()) if (!(t > 0 && t < 1e300)) return undefined;
  return df.withColumns(asFloat(value));
}

/** UTF-16 code unit mapped so that comparing mapped units orders strings by code point (as polars, on UTF-8 bytes). */
function unit(c: number): number {
  return c < 0xd800 ? c : c < 0xe000 ? c + 0x2000 : c - 0x800;
}

/** Strings in code-point order (polars' order: UTF-8 bytes), not JavaScript's UTF-16 order. */
export function compareText(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return unit(x) - unit(y);
  }
  return a.length - b.length;
}

/** Cells of one column in polars' default sort order: null first, numbers ascending, text by code point. */
export function compareCells(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === "number") return a < (b as number) ? -1 : a > (b as number) ? 1 : 0;
  return compareText(a as string, b as string);
}

/** Rows compared on the cells at `at`, in turn (a multi-column sort). */
export function compareRowsAt(at: number[]): (a: unknown[], b: unknown[]) => number {
  return (a, b) => {
    for (const i of at) {
      const c = compareCells(a[i], b[i]);
      if (c !== 0) return c;
    }
    return 0;
  };
}

/** A frame of the given columns (name, dtype) from rows of cells, built natively from records. */
export function frameOf(columns: [string, pl.DataType][], rows: unknown[][]): pl.DataFrame {
  const schema: Record<string, pl.DataType> = {};
  for (const [n, t] of columns) schema[n] = t;
  const records = rows.map((r) => {
    const o: Record<string, unknown> = {};
    columns.forEach(([n], i) => (o[n] = r[i]));
    return o;
  });
  return pl.DataFrame(records, { schema });
}

/** Whether names can be output columns of frameOf (distinct, none reordered as an object key). */
export function plainNames(names: string[]): boolean {
  return new Set(names).size === names.length && names.every((n) => PLAIN_NAME.test(n));
}

/**
 * The value of `column` in the one row of `df` where every `where` column equals its value, as
 * `lookup.one` finds it (polars' `eq`: text to text, numbers to numbers, null matching nothing);
 * undefined when no single row with a non-null value matches (`one` then throws its typed error)
 * or when the plain path leaves the lookup to polars (e.g. a number sought in a text column).
 */
export function singleCell(df: pl.DataFrame, where: Record<string, string | number>, column: string): number | string | undefined {
  const keys = Object.keys(where);
  const names = keys.includes(column) ? keys : [...keys, column];
  const read = readRows(df, names);
  if (!read) return undefined;
  const sought = keys.map((k) => where[k]);
  for (let i = 0; i < keys.length; i += 1) {
    const kind = kindOf(read.dtypes[i]!);
    const v = sought[i];
    if (kind === "text" ? typeof v !== "string" : kind === undefined || typeof v !== "number" || !Number.isFinite(v)) return undefined;
  }
  const at = names.indexOf(column);
  const kind = kindOf(read.dtypes[at]!);
  let found: unknown[] | undefined;
  for (const row of read.rows) {
    let match = true;
    for (let i = 0; i < keys.length && match; i += 1) match = row[i] === sought[i];
    if (!match) continue;
    if (found) return undefined;
    found = row;
  }
  const v = found?.[at];
  if (v === undefined || !kind || !plainCell(v, kind, false)) return undefined;
  return v as number | string;
}
