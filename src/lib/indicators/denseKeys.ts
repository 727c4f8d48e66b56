/**
 * Key columns of a large frame as dense integer codes in typed arrays, for the kernels' typed-array paths
 * (regions/aggregateLarge.ts). polars does the part that touches text: one select casts
 * every text key to a categorical (a number per distinct text, hashed natively); the codes then come out as typed
 * arrays. A text key's codes can be ranked (the rank of its text among the distinct texts, in polars' sort order,
 * so that packing codes gives the general path's sort order); an integer key's code is the value less its minimum.
 * In this polars version categorical codes are shared by the whole process, so a text key's codes span every text cast
 * so far; past `maxSpan` the caller gets `undefined` and takes its general path (speed only, never the result).
 */
import * as pl from "nodejs-polars";

/** Integer key types whose typed arrays hold plain numbers. */
const INT32 = new Set(["Int8", "Int16", "Int32", "UInt8", "UInt16", "UInt32"]);

/** A key as codes 0 … span − 1 per row. */
export interface Codes {
  codes: Int32Array;
  /** Added to a code to get the column's value (integer keys) or its categorical code (text keys). */
  lo: number;
  span: number;
}

/** A key as codes in sort order, and the column's values for given codes. */
export interface Dense extends Codes {
  decode: (codes: Int32Array) => pl.Series;
}

/**
 * The codes of a numeric column (a categorical's code, or an integer key), less their minimum; undefined when the
 * range is wider than `maxSpan` (too sparse for dense arrays).
 * @example
 * offsets(Int32Array.from([2003, 2001, 2003]), 10); // { codes: [2, 0, 2], lo: 2001, span: 3 }
 */
export function offsets(values: ArrayLike<number>, maxSpan: number): Codes | undefined {
  let [lo, hi] = [Infinity, -Infinity];
  for (let r = 0; r < values.length; r += 1) {
    const x = values[r]!;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  if (values.length === 0 || hi - lo + 1 > maxSpan) return undefined;
  const codes = new Int32Array(values.length);
  for (let r = 0; r < values.length; r += 1) codes[r] = values[r]! - lo;
  return { codes, lo, span: hi - lo + 1 };
}

/** The key columns (text as categorical codes) and the value as Float64, read once; see {@link codedFrame}. */
export interface CodedFrame {
  /** The input frame. */
  df: pl.DataFrame;
  /** Whether each key is text. */
  text: (k: string) => boolean;
  /** The key's codes less their minimum (text: categorical codes). */
  codes: (k: string) => Codes | undefined;
  /** A text key's codes and its distinct texts with their categorical code (`__p`), sorted by the text. */
  textKey: (k: string) => (Codes & { dict: pl.DataFrame }) | undefined;
  /** The key's codes in sort order (text: ranks), with the values for codes. */
  dense: (k: string) => Dense | undefined;
  /** The value column as Float64. */
  value: () => Float64Array;
}

/**
 * Read `keys` (each text or an integer type of up to 32 bits) and `value` (numeric) of `df` for a typed-array path;
 * undefined when a key has another type or any key or value is null.
 * @param maxSpan the widest range of codes a key may have
 * @example
 * const f = codedFrame(df, ["year", "region"], "value", 8 * df.height)!;
 * f.dense("region")!.codes; // each row's region as its rank among the distinct regions
 */
export function codedFrame(df: pl.DataFrame, keys: string[], value: string, maxSpan: number): CodedFrame | undefined {
  const types = new Map(df.columns.map((c, i) => [c, df.dtypes[i]!.variant]));
  const text = (k: string): boolean => types.get(k) === "String";
  if (!keys.every((k) => text(k) || INT32.has(types.get(k) ?? ""))) return undefined;
  const phys = df.select(...keys.map((k) => (text(k) ? pl.col(k).cast(pl.Categorical).toPhysical() : pl.col(k))), pl.col(value).cast(pl.Float64));
  if ([...keys, value].some((c) => phys.getColumn(c).nullCount() > 0)) return undefined;
  const n = df.height;
  const codes = (k: string): Codes | undefined => offsets(phys.getColumn(k).toTypedArray() as ArrayLike<number>, maxSpan);
  const textKey = (k: string): (Codes & { dict: pl.DataFrame }) | undefined => {
    const x = codes(k);
    if (!x) return undefined;
    // each code's text from its first row (a gather of one row per distinct text)
    const first = new Int32Array(x.span).fill(-1);
    for (let r = 0; r < n; r += 1) if (first[x.codes[r]!]! < 0) first[x.codes[r]!] = r;
    const rows: number[] = [];
    const present: number[] = [];
    first.forEach((r, c) => r >= 0 && (rows.push(r), present.push(c)));
    return { ...x, dict: pl.DataFrame([pl.Series("__p", present, pl.Int32), df.getColumn(k).gather(rows)]).sort(k) };
  };
  const dense = (k: string): Dense | undefined => {
    if (!text(k)) {
      const x = codes(k);
      if (!x) return undefined;
      const dtype = df.getColumn(k).dtype;
      const decode = (c: Int32Array): pl.Series => {
        const values = new Float64Array(c.length);
        for (let i = 0; i < c.length; i += 1) values[i] = c[i]! + x.lo;
        return pl.Series(k, values, pl.Float64).cast(dtype);
      };
      return { ...x, decode };
    }
    const x = textKey(k);
    if (!x) return undefined;
    const rank = new Int32Array(x.span);
    (x.dict.getColumn("__p").toArray() as number[]).forEach((code, r) => (rank[code] = r));
    const ranked = new Int32Array(n);
    for (let r = 0; r < n; r += 1) ranked[r] = rank[x.codes[r]!]!;
    // codes back to texts by replaceStrict (a typed array in, one native pass; a gather would need a JS array)
    const texts = x.dict.getColumn(k).toArray() as string[];
    const decode = (c: Int32Array): pl.Series =>
      pl
        .DataFrame([pl.Series("__c", c, pl.Int32)])
        .select(pl.col("__c").replaceStrict(texts.map((_, i) => i), texts).alias(k))
        .getColumn(k);
    return { codes: ranked, lo: 0, span: x.dict.height, decode };
  };
  return { df, text, codes, textKey, dense, value: () => phys.getColumn(value).toTypedArray() as Float64Array };
}
