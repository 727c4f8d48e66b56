/**
 * Interop with danfojs-node, for pandas users: {@link toDanfo} and {@link fromDanfo}, column by
 * column over plain arrays. danfojs is required lazily (it pulls in TensorFlow.js, ~1–2 s), so
 * importing the library costs nothing until a conversion is made.
 *
 * A round trip polars → danfo → polars is exact (dtypes, values, nulls) for the dtypes listed in
 * `SUPPORTED`; any other dtype is refused with an {@link InteropError}, never changed. What danfojs
 * 1.2.0 does, by experiment, and what this module does about it:
 * - danfo infers its dtypes from the values: a Float64 column holding only whole numbers becomes
 *   `int32`, a Bool column with a null becomes `float32`, strings of digits become `int32`. So
 *   `toDanfo` names danfo's dtypes explicitly and records the polars schema against the danfo
 *   frame (a WeakMap); `fromDanfo` uses it for each column whose danfo dtype is still the one
 *   `toDanfo` gave it. An explicit `dtypes` argument overrides both.
 * - danfo keeps the JS values it is given: null stays null, NaN stays NaN, ±Infinity and −0 stay.
 *   NaN is a real float value in polars, so it is carried as NaN and read back as NaN, never as
 *   null (danfo's own `isNa`/`fillNa`/`dropNa` treat NaN as missing, pandas-style; use polars'
 *   `fillNan(null)` if a NaN made in danfo means "missing"). undefined is read as null.
 * - Int64 values travel as JS numbers, so an Int64 column holding a value beyond ±(2^53 − 1) is
 *   refused by `toDanfo`.
 * - Values are checked, not cast: a value that does not fit its column's dtype (1.5 in an Int64
 *   column, "x" in a Bool column) is refused with an InteropError, never rounded or nulled.
 * - A frame made in danfo (no recorded schema): strings → Utf8, booleans → Bool, numbers → Int64
 *   when danfo reports `int32` and every value is a safe integer, else Float64 (never rounded). An
 *   all-null column takes danfo's reported dtype. A Float64 column whose values are all whole
 *   numbers comes back Int64 here: pass `dtypes` to keep it Float64.
 */
import * as pl from "nodejs-polars";
import { InteropError } from "./errors";

/** A danfojs-node DataFrame (danfojs ships no types this project uses). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DanfoFrame = any;

interface Danfo {
  DataFrame: new (data: unknown, options?: Record<string, unknown>) => DanfoFrame;
}

function danfo(): Danfo {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("danfojs-node");
}

type DanfoDtype = "string" | "boolean" | "float32" | "int32";

/** How a supported polars dtype is carried: danfo's dtype, and for integers the range a value must lie in. */
interface Carrier {
  danfo: DanfoDtype;
  min?: number;
  max?: number;
  float32?: boolean;
}

const integer = (min: number, max: number): Carrier => ({ danfo: "int32", min, max });
const CARRIERS: Partial<Record<string, Carrier>> = {
  String: { danfo: "string" },
  Utf8: { danfo: "string" },
  Bool: { danfo: "boolean" },
  Float64: { danfo: "float32" },
  Float32: { danfo: "float32", float32: true },
  Int8: integer(-(2 ** 7), 2 ** 7 - 1),
  Int16: integer(-(2 ** 15), 2 ** 15 - 1),
  Int32: integer(-(2 ** 31), 2 ** 31 - 1),
  Int64: integer(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
  UInt8: integer(0, 2 ** 8 - 1),
  UInt16: integer(0, 2 ** 16 - 1),
  UInt32: integer(0, 2 ** 32 - 1),
};
const SUPPORTED = "supported: String/Utf8, Bool, Float32, Float64, Int8–Int64 (Int64 within ±(2^53 − 1)), UInt8–UInt32, nulls in any";

/** The polars dtype a danfo dtype maps to when nothing else says (all-null columns of a frame made in danfo). */
const FROM_REPORTED: Partial<Record<string, pl.DataType>> = { int32: pl.Int64, float32: pl.Float64, string: pl.Utf8, boolean: pl.Bool };

/** The polars schema `toDanfo` recorded, per column, with the danfo dtype it gave the column. */
const recorded = new WeakMap<object, Map<string, { dtype: pl.DataType; danfo: DanfoDtype }>>();

const dtypeName = (dtype: pl.DataType): string => String(dtype).replace(/^DataType\((.*)\)$/, "$1");

function carrier(where: string, name: string, dtype: pl.DataType): Carrier {
  const c = CARRIERS[dtype.variant];
  if (!c)
    throw new InteropError(`${where}: column '${name}' has dtype ${dtypeName(dtype)}, which danfojs cannot carry losslessly; ${SUPPORTED}`, name);
  return c;
}

/**
 * A polars frame as a danfojs DataFrame: same column names and order, danfo dtypes named
 * explicitly (String → `string`, Bool → `boolean`, floats → `float32`, integers → `int32`; the
 * values stay JS numbers, not 32-bit), and the polars schema recorded so {@link fromDanfo} gives
 * back exactly this frame.
 * @throws InteropError for a dtype it cannot carry (Date, Datetime, List, Struct, Categorical,
 *   Decimal, UInt64, …) or an Int64 value beyond ±(2^53 − 1), naming the column
 * @example
 * const d = toDanfo(pl.DataFrame({ region: ["a", "b"], value: [1.5, 6] }));
 * d.shape; // [2, 2]
 * d["value"].mean(); // 3.75
 */
export function toDanfo(df: pl.DataFrame): DanfoFrame {
  const columns = df.columns;
  const schema = columns.map((name) => {
    const s = df.getColumn(name);
    const c = carrier("toDanfo", name, s.dtype);
    if (c.min !== undefined && c.max !== undefined && s.length > s.nullCount()) {
      for (const v of [s.min(), s.max()] as number[]) {
        if (v < c.min || v > c.max) {
          throw new InteropError(
            `toDanfo: column '${name}' (${dtypeName(s.dtype)}) holds ${v}, beyond ±(2^53 − 1) that a JS number carries exactly; ${SUPPORTED}`,
            name,
          );
        }
      }
    }
    return { name, dtype: s.dtype, danfo: c.danfo };
  });
  // danfo cannot build a 0-row frame from an object of empty arrays; an empty row list works
  const data = df.height === 0 ? [] : Object.fromEntries(columns.map((name) => [name, df.getColumn(name).toArray()]));
  const quoted = (names: string[]): string => names.map((c) => `'${c}'`).join(", ");
  let d: DanfoFrame;
  let built: string[];
  try {
    d = new (danfo().DataFrame)(data, { columns, dtypes: schema.map((c) => c.danfo) });
    built = Array.from(d.columns as string[]);
  } catch (e) {
    throw new InteropError(`toDanfo: danfojs could not build a frame with columns ${quoted(columns)}: ${(e as Error).message}`);
  }
  if (built.length !== columns.length || built.some((c, i) => c !== columns[i])) {
    throw new InteropError(`toDanfo: danfojs changed the columns ${quoted(columns)} to ${quoted(built)}`);
  }
  recorded.set(d, new Map(schema.map((c) => [c.name, { dtype: c.dtype, danfo: c.danfo }])));
  return d;
}

/**
 * A danfojs DataFrame as a polars frame. Each column's dtype is, in this order: the one named in
 * `dtypes`; the polars dtype {@link toDanfo} recorded for it (if danfo's dtype for the column is
 * unchanged); or one read from the values (strings → Utf8, booleans → Bool, numbers → Int64 when
 * danfo reports `int32` and all are safe integers, else Float64). Values are checked, never cast:
 * null and undefined → null, NaN stays NaN.
 * @param dtypes polars dtypes per column, overriding the recorded schema and danfo's dtypes
 * @throws InteropError for a value that does not fit its column's dtype, or an unsupported dtype in `dtypes`
 * @example
 * const d = toDanfo(pl.DataFrame({ region: ["a", "b"], population: [1200, 800] }));
 * d.addColumn("share", d["population"].div(d["population"].sum()), { inplace: true });
 * fromDanfo(d).schema; // { region: String, population: Int64, share: Float64 }
 */
export function fromDanfo(d: DanfoFrame, dtypes: Record<string, pl.DataType> = {}): pl.DataFrame {
  const columns = d.columns as string[];
  const reported = d.dtypes as (string | undefined)[];
  const kept = recorded.get(d);
  return pl.DataFrame(
    columns.map((name, i) => {
      const values = Array.from(d.column(name).values as ArrayLike<unknown>);
      const rec = kept?.get(name);
      const dtype = dtypes[name] ?? (rec && rec.danfo === reported[i] ? rec.dtype : fromValues(name, values, reported[i]));
      return pl.Series(name, checked(name, values, dtype) as never[], dtype);
    }),
  );
}

const missing = (v: unknown): boolean => v === null || v === undefined;

/** The polars dtype of a column without a recorded or requested one. */
function fromValues(name: string, values: unknown[], reported: string | undefined): pl.DataType {
  const present = values.filter((v) => !missing(v));
  const types = new Set(present.map((v) => typeof v));
  if (types.size === 0) return FROM_REPORTED[reported ?? ""] ?? pl.Float64;
  if (types.size === 1 && types.has("string")) return pl.Utf8;
  if (types.size === 1 && types.has("boolean")) return pl.Bool;
  if (types.size === 1 && types.has("number")) return reported === "int32" && present.every((v) => Number.isSafeInteger(v)) ? pl.Int64 : pl.Float64;
  throw new InteropError(
    `fromDanfo: column '${name}' (danfo ${reported}) holds ${[...types].join(" and ")} values; pass dtypes: { '${name}': … } naming one dtype`,
    name,
  );
}

/** The values as polars takes them for `dtype` (undefined → null), refusing any that do not fit it. */
function checked(name: string, values: unknown[], dtype: pl.DataType): unknown[] {
  const c = carrier("fromDanfo", name, dtype);
  const fits = (v: unknown): boolean => {
    switch (c.danfo) {
      case "string":
        return typeof v === "string";
      case "boolean":
        return typeof v === "boolean";
      case "float32":
        return typeof v === "number" && (!c.float32 || Number.isNaN(v) || Math.fround(v) === v);
      case "int32":
        return Number.isSafeInteger(v) && (v as number) >= c.min! && (v as number) <= c.max!;
    }
  };
  return values.map((v, row) => {
    if (missing(v)) return null;
    if (!fits(v)) {
      const shown = typeof v === "string" ? JSON.stringify(v) : String(v);
      throw new InteropError(
        `fromDanfo: column '${name}' (${dtypeName(dtype)}) holds ${shown} (${typeof v}) at index ${row}, which does not fit ${dtypeName(dtype)}; pass dtypes to read it as another dtype`,
        name,
      );
    }
    return v;
  });
}
