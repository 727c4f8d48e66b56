/**
 * Text keys as dictionary codes that sort like the text, so that the kernels' packed-key path (one number
 * column to window, group and sort over; see `packedKey` in validate.ts) serves string keys as it serves
 * integer keys. Each text column's distinct values are sorted (polars' order: bytewise, as the kernels' own
 * sort of the text) and numbered 0 … n − 1; a left join adds the number to every row. Windows, group-bys and
 * sorts over text columns hash or compare every string; over the codes they do not.
 */
import * as pl from "nodejs-polars";

/** Frames below this many rows keep their text keys: two joins cost more than they save there. */
export const CODE_ROWS = 50_000;

/** A frame with a code column for each text key, and the names to pack in place of the keys. */
export interface CodedKeys {
  df: pl.DataFrame;
  /** For each key asked for, in order: its code column when it is text, else the key itself. */
  names: string[];
}

const TEXT = new Set(["String", "Utf8"]);

/**
 * Add a UInt32 code column for every text column among `keys` (named `__code_<i>` for the i-th key, with
 * underscores added until no column of `df` has the name; null keys get a null code). `undefined` when no key is text or the frame is below `CODE_ROWS` rows.
 * @example
 * const c = codeTextKeys(df, ["year", "region", "sector"]); // c.names: ["year", "__code_1", "__code_2"]
 */
export function codeTextKeys(df: pl.DataFrame, keys: string[], minRows = CODE_ROWS): CodedKeys | undefined {
  if (df.height < minRows) return undefined;
  const types = new Map(df.columns.map((c, i) => [c, df.dtypes[i]!.variant]));
  if (!keys.some((k) => TEXT.has(types.get(k) ?? ""))) return undefined;
  let out = df;
  const names = keys.map((k, i) => {
    if (!TEXT.has(types.get(k) ?? "")) return k;
    let code = `__code_${i}`;
    while (out.columns.includes(code)) code = `_${code}`;
    const dict = pl.DataFrame([df.getColumn(k).unique().sort()]).withRowIndex(code).select(k, code);
    out = out.join(dict, { on: k, how: "left" });
    return code;
  });
  return { df: out, names };
}
