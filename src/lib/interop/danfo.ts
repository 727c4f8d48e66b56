/**
 * Interop with danfojs-node, column by column over plain arrays. danfojs is
 * loaded lazily (it pulls in TensorFlow.js, ~1–2 s), so importing this module
 * costs nothing until a conversion is made. Not exported from the index.
 *
 * danfojs stores numbers as float32/int32 and returns integers as floats:
 * `fromDanfo` casts columns back to the polars dtypes you name (or to the
 * dtype danfo reports: int32 → Int64, float32 → Float64, string → Utf8,
 * boolean → Bool).
 */
import * as pl from "nodejs-polars";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type DanfoFrame = any;

function danfo(): { DataFrame: new (data: Record<string, unknown[]>, opts?: Record<string, unknown>) => DanfoFrame } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("danfojs-node");
}

/**
 * A polars frame as a danfojs DataFrame (same column names and order).
 * @example
 * const d = toDanfo(pl.DataFrame({ region: ["a"], value: [1.5] }));
 * d.shape; // [1, 2]
 */
export function toDanfo(df: pl.DataFrame): DanfoFrame {
  const data: Record<string, unknown[]> = {};
  for (const name of df.columns) data[name] = df.getColumn(name).toArray() as unknown[];
  return new (danfo().DataFrame)(data, { columns: df.columns });
}

const FROM_DANFO: Record<string, pl.DataType> = {
  int32: pl.Int64,
  float32: pl.Float64,
  string: pl.Utf8,
  boolean: pl.Bool,
};

/**
 * A danfojs DataFrame as a polars frame.
 * @param dtypes polars dtypes per column, overriding what danfo reports
 */
export function fromDanfo(d: DanfoFrame, dtypes: Record<string, pl.DataType> = {}): pl.DataFrame {
  const columns = d.columns as string[];
  const reported = d.dtypes as string[];
  return pl.DataFrame(
    columns.map((name, i) => {
      const values = d.column(name).values as unknown[];
      const dtype = dtypes[name] ?? FROM_DANFO[reported[i] ?? ""] ?? pl.Float64;
      const cleaned = dtype === pl.Int64 ? values.map((v) => (typeof v === "number" && Number.isFinite(v) ? Math.round(v) : null)) : values;
      return pl.Series(name, cleaned as never[], dtype);
    }),
  );
}
