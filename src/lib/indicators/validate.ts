/**
 * Input checks shared by the indicators. All vectorised (no row loops);
 * every failure is an IndicatorInputError naming the function, the column
 * and an offending key.
 */
import * as pl from "nodejs-polars";
import { IndicatorInputError } from "../data/errors";
import { checkedSmall, compositionSmall } from "./smallFrame";

function firstKey(df: pl.DataFrame, keys: string[]): string {
  const rec =
    df
      .select(...keys)
      .head(1)
      .toRecords()[0] ?? {};
  return keys.map((k) => `${k}=${String(rec[k])}`).join(", ");
}

/**
 * Whether two rows share all `keys`. Counting distinct values of the last key
 * within groups of the others is several times faster than grouping by all
 * keys, which matters on national panels; the exact duplicate is looked up
 * only when there is one.
 */
function hasDuplicateKeys(df: pl.DataFrame, keys: string[]): boolean {
  const last = keys[keys.length - 1]!;
  if (keys.length === 1) return (df.select(pl.col(last).nUnique()).getColumn(last).get(0) as number) !== df.height;
  const bad = df
    .lazy()
    .groupBy(keys.slice(0, -1))
    .agg(pl.len().alias("__n"), pl.col(last).nUnique().alias("__u"))
    .filter(pl.col("__n").neq(pl.col("__u")))
    .select(pl.len())
    .collectSync()
    .getColumn("len")
    .get(0) as number;
  return bad > 0;
}

/**
 * Check that `df` has the columns, that `value` is a finite number without
 * nulls (and non-negative unless `allowNegative`), and that `keys` identify rows uniquely.
 * Returns `df` with `value` cast to Float64 (integer counts would otherwise
 * divide as integers in polars).
 */
export function checkLongFrame(fn: string, df: pl.DataFrame, keys: string[], value: string, opts: { allowNegative?: boolean } = {}): pl.DataFrame {
  // a small frame that passes is checked in plain TypeScript (smallFrame.ts); any other, here
  const small = checkedSmall(df, keys, value, opts);
  if (small) return small;
  for (const c of [...keys, value]) {
    if (!df.columns.includes(c)) throw new IndicatorInputError(fn, `column '${c}' not found (columns: ${df.columns.join(", ")})`);
  }
  if (df.height === 0) throw new IndicatorInputError(fn, "the frame has no rows");
  for (const k of keys) {
    if (df.getColumn(k).nullCount() > 0) throw new IndicatorInputError(fn, `column '${k}' has null keys`);
  }
  const series = df.getColumn(value);
  if (!series.isNumeric() && series.dtype.variant !== "Null") {
    throw new IndicatorInputError(fn, `column '${value}' must be numeric (found ${String(series.dtype)})`);
  }
  const out = df.withColumns(pl.col(value).cast(pl.Float64));
  const v = pl.col(value);
  const invalid = v.isNull().or(v.isNan()).or(v.isInfinite());
  const bad = out.filter(opts.allowNegative ? invalid : invalid.or(v.lt(0)));
  if (bad.height > 0) {
    const rec = bad.head(1).toRecords()[0] ?? {};
    throw new IndicatorInputError(
      fn,
      `column '${value}' must be finite${opts.allowNegative ? "" : " and ≥ 0"}; found ${String(rec[value])} at ${firstKey(bad, keys)}`,
    );
  }
  if (hasDuplicateKeys(out, keys)) {
    const dup = out.lazy().groupBy(keys).agg(pl.len().alias("__n")).filter(pl.col("__n").gt(1)).sort(keys).collectSync();
    throw new IndicatorInputError(fn, `duplicate rows for ${firstKey(dup, keys)}; aggregate first`);
  }
  return out;
}

/** Throw when any group's total of `value` is zero or overflows a 64-bit float (a share would be undefined, or 0 for every part). */
export function checkPositiveTotals(fn: string, df: pl.DataFrame, group: string | string[], value: string): void {
  const keys = Array.isArray(group) ? group : [group];
  const t = pl.col("__total");
  const totals = df.lazy().groupBy(keys).agg(pl.col(value).sum().alias("__total")).filter(t.eq(0).or(t.isInfinite())).sort(keys).collectSync();
  if (totals.height === 0) return;
  const [where, zero] = [firstKey(totals, keys), totals.getColumn("__total").get(0) === 0];
  const why = zero ? `is 0 for ${where}; shares are undefined` : `for ${where} is not finite (it overflows a 64-bit float); scale the values down`;
  throw new IndicatorInputError(fn, `the total of '${value}' ${why}`);
}

const INTEGER = new Set(["Int8", "Int16", "Int32", "Int64", "UInt8", "UInt16", "UInt32"]);
const FLOAT = new Set(["Float32", "Float64"]);
/** Value dtypes the fast path takes (others, e.g. Decimal, go through the full checks first). */
export const NUMERIC = new Set([...INTEGER, ...FLOAT, "UInt64"]);

/**
 * What the fast kernels need to know of a frame's key and value columns —
 * dtypes, null counts, ranges of integer keys, minimum and sum of the value —
 * from one SQL aggregate over the frame (one query instead of a Series and
 * a query per column).
 * @example
 * const cols = new Columns(df, ["region", "sector"], "value");
 * cols.range("sector"); // [min, max], when "sector" is an integer column
 */
export class Columns {
  private readonly dtypes = new Map<string, string>();
  private stats?: Map<string, number>;
  constructor(
    readonly df: pl.DataFrame,
    readonly keys: string[],
    readonly value: string,
  ) {
    const types = df.dtypes;
    df.columns.forEach((c, i) => this.dtypes.set(c, types[i]!.variant));
  }
  has(name: string): boolean {
    return this.dtypes.has(name);
  }
  /** The polars dtype name ("Int32", "String", …). */
  dtype(name: string): string | undefined {
    return this.dtypes.get(name);
  }
  /** `nulls:<col>`, `min:<col>`, `max:<col>` (integer keys and a numeric value), `sum:<value>` (float value). */
  stat(label: string): number {
    if (!this.stats) {
      const items: [string, string][] = [];
      for (const c of [...this.keys, this.value].filter((c) => this.has(c))) {
        items.push([`nulls:${c}`, `COUNT(*) - COUNT(${sqlName(c)})`]);
        if (INTEGER.has(this.dtype(c)!) || (c === this.value && NUMERIC.has(this.dtype(c)!)))
          items.push([`min:${c}`, `MIN(${sqlName(c)})`], [`max:${c}`, `MAX(${sqlName(c)})`]);
      }
      if (FLOAT.has(this.dtype(this.value) ?? "")) items.push([`sum:${this.value}`, `SUM(${sqlName(this.value)})`]);
      const row = sqlSelect(
        this.df,
        items.map(([, e], i) => `${e} AS s${i}`),
      )
        .collectSync()
        .row(0);
      this.stats = new Map(items.map(([label], i) => [label, Number(row[i])]));
    }
    const v = this.stats.get(label);
    if (v === undefined) throw new Error(`internal: no statistic ${label}`);
    return v;
  }
  /** [min, max] of an integer key column or the value. */
  range(name: string): [number, number] {
    return [this.stat(`min:${name}`), this.stat(`max:${name}`)];
  }
}

/**
 * The cheap half of `checkLongFrame`, without building any frame: the
 * columns exist, there are rows, no key is null, and the value is numeric
 * with no null, negative or non-finite entry. Fast kernels run the full checks
 * (which throw the precise error) only when this says no or when their own
 * result shows a duplicate key or a zero total; a "no" for a valid frame
 * (e.g. a sum that overflows) costs time, never a wrong error.
 * @example
 * if (!looksValid(new Columns(df, ["region", "sector"], "value"))) checkLongFrame("f", df, ["region", "sector"], "value");
 */
export function looksValid(cols: Columns, opts: { allowNegative?: boolean } = {}): boolean {
  const { keys, value } = cols;
  for (const c of [...keys, value]) if (!cols.has(c)) return false;
  if (cols.df.height === 0) return false;
  const type = cols.dtype(value)!;
  if (!NUMERIC.has(type)) return false;
  for (const k of keys) if (cols.stat(`nulls:${k}`) > 0) return false;
  if (cols.stat(`nulls:${value}`) > 0) return false;
  if (!opts.allowNegative && cols.stat(`min:${value}`) < 0) return false;
  return !FLOAT.has(type) || Number.isFinite(cols.stat(`sum:${value}`));
}

const columnExprs = new Map<string, pl.Expr>();
/**
 * `pl.col(name)`, built once per name: nodejs-polars turns every column name
 * given to a lazy select, sort, join or group-by into a new expression and
 * its JS wrapper (see `sqlSelect`).
 * @example
 * df.lazy().sort([col("region"), col("sector")]);
 */
export function col(name: string): pl.Expr {
  let e = columnExprs.get(name);
  if (!e) columnExprs.set(name, (e = pl.col(name)));
  return e;
}

const orderExprs = new Map<string, pl.Expr>();
/**
 * Whether every row's `names` are above the previous row's
 * (lexicographically): rows in strictly increasing key order, hence no two
 * with the same key. One pass over the columns, no hashing; built once per
 * list of names. Evaluates to a one-row boolean column `in_order`.
 * @example
 * df.select(inKeyOrder(["year", "region", "sector"])).row(0)[0]; // true for a sorted, duplicate-free frame
 */
export function inKeyOrder(names: string[]): pl.Expr {
  const id = JSON.stringify(names);
  let e = orderExprs.get(id);
  if (!e) {
    // from the last key outwards: c > prev, or c = prev and the rest above
    let above: pl.Expr | undefined;
    for (const n of [...names].reverse()) {
      const c = pl.col(n);
      const prev = c.shift(1);
      above = above ? c.gt(prev).or(c.eq(prev).and(above)) : c.gt(prev);
    }
    orderExprs.set(id, (e = above!.all().alias("in_order")));
  }
  return e;
}

/** A column name as a SQL identifier. @example sqlName('a"b'); // "a""b" */
export function sqlName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A string as a SQL literal. @example sqlText("Sør-Fron's"); // 'Sør-Fron''s' */
export function sqlText(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * `SELECT items FROM df [WHERE where]` as a lazy frame. The per-call part of
 * a kernel's query (the caller's column names, literals, packed keys) is
 * written in SQL because nodejs-polars wraps every expression built from
 * JavaScript in an object of some hundred closures: 1.4 ms each in the
 * published 0.25.2 on Node 20, about 0.015 ms with patches/nodejs-polars
 * (see its README), while a SQL select is parsed natively in microseconds.
 * Fixed expressions are built once per process instead.
 * @example
 * sqlSelect(df, [`${sqlName("kommune")} AS region`, `CAST(${sqlName("n")} AS DOUBLE) AS value`]).collectSync();
 */
export function sqlSelect(df: pl.DataFrame, items: string[], where?: string): pl.LazyDataFrame {
  return pl.SQLContext({ t: df }).execute(`SELECT ${items.join(", ")} FROM t${where ? ` WHERE ${where}` : ""}`);
}

/** A packed key (see `packedKey`): SQL, and the product of its spans. */
export interface Packed {
  sql: string;
  /** Product of the spans: the number of possible key values. */
  size: number;
}

/**
 * Extend a packed key by one more integer column (Horner step
 * key · span + (c − lo)), or start one when `key` is undefined; `undefined`
 * when the column is not an integer type or the key would pass 2^53.
 * @example
 * const k = packInto(cols, packInto(cols, undefined, "year"), "region"); // year · span(region) + region
 */
export function packInto(cols: Columns, key: Packed | undefined, col: string): Packed | undefined {
  if (!INTEGER.has(cols.dtype(col) ?? "")) return undefined;
  const [min, max] = cols.range(col);
  // an Int64 beyond ±2^53 is not exact as a 64-bit float: distinct keys could fall together
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || max - Math.min(0, min) + 1 > 2 ** 53) return undefined;
  const lo = Math.min(0, min);
  const span = max - lo + 1;
  const c = lo === 0 ? sqlName(col) : `(CAST(${sqlName(col)} AS DOUBLE) + ${-lo})`;
  if (!key) return { sql: c, size: span };
  if (key.size * span > 2 ** 53) return undefined;
  const base = key.sql.startsWith("(") ? key.sql : `CAST(${key.sql} AS DOUBLE)`;
  return { sql: `(${base} * ${span} + ${c})`, size: key.size * span };
}

/**
 * SQL for one number that is equal for rows sharing all `cols` and orders
 * like them (lexicographically), when every column is an integer type and
 * the product of the value spans stays below 2^53 (so the Float64 arithmetic
 * is exact): Horner's ((c₀ − lo₀)·span₁ + (c₁ − lo₁))·span₂ + …, lo = min(0, min c).
 * Otherwise `undefined` (group or sort by the columns instead). A single
 * integer column is the column itself. Windows, group-bys and sorts over one
 * numeric column are several times faster than over several columns.
 * @example
 * packedKey(new Columns(pl.DataFrame({ y: [2000, 2001], r: [3, 1] })), ["y", "r"]); // (CAST("y" AS DOUBLE) * 4 + "r")
 */
export function packedKey(cols: Columns, names: string[]): Packed | undefined {
  let key: Packed | undefined;
  for (const n of names) if (!(key = packInto(cols, key, n))) return undefined;
  return key;
}

/** Options of indicators over a long region × sector frame. */
export interface RegionSectorOptions {
  /** Column identifying the region (the whole). */
  region: string;
  /** Column identifying the sector (the part). */
  sector: string;
  /** Non-negative amounts, e.g. employment counts (cast to Float64 first). */
  value: string;
  /** Further key columns computed separately, e.g. `["year"]` for a panel. */
  by?: string[];
}

/**
 * The checks of a composition (parts of wholes): `checkLongFrame` on the
 * (whole keys, part) key, then no whole may total 0. Returns the cleaned frame.
 */
export function checkComposition(fn: string, df: pl.DataFrame, whole: string | string[], part: string, value: string): pl.DataFrame {
  const wholeKeys = Array.isArray(whole) ? whole : [whole];
  const small = compositionSmall(df, wholeKeys, part, value);
  if (small) return small;
  const clean = checkLongFrame(fn, df, [...wholeKeys, part], value);
  checkPositiveTotals(fn, clean, wholeKeys, value);
  return clean;
}

/** `expr` summed over the partition `keys` (the whole frame when `keys` is empty). */
export function sumOver(expr: pl.Expr, keys: string[]): pl.Expr {
  return keys.length ? expr.sum().over(...(keys as [string, ...string[]])) : expr.sum();
}

/** Expression: `value` as a fraction of its total within `over` (all rows when `over` is empty). */
export function fractionOf(value: string, over: string | string[]): pl.Expr {
  const keys = Array.isArray(over) ? over : [over];
  return pl.col(value).div(sumOver(pl.col(value), keys));
}

/**
 * Give the output the caller's column names back: functions work internally
 * with `region`, `sector`, `time`; `names` maps those to the input's names.
 */
export function restoreNames(df: pl.DataFrame, names: Record<string, string | undefined>): pl.DataFrame {
  const mapping: Record<string, string> = {};
  for (const [internal, external] of Object.entries(names)) {
    if (external !== undefined && external !== internal && df.columns.includes(internal)) mapping[internal] = external;
  }
  return Object.keys(mapping).length ? df.rename(mapping) : df;
}
