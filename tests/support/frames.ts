/** Small helpers for tests: build long frames with explicit dtypes, read rows. */
import * as pl from "nodejs-polars";

/** A long frame region/sector/value with Int64 values (integer counts, as registers give). */
export function intFrame(rows: [string, string, number][]): pl.DataFrame {
  return pl.DataFrame({
    region: pl.Series(
      "region",
      rows.map((r) => r[0]),
      pl.Utf8,
    ),
    sector: pl.Series(
      "sector",
      rows.map((r) => r[1]),
      pl.Utf8,
    ),
    value: pl.Series(
      "value",
      rows.map((r) => r[2]),
      pl.Int64,
    ),
  });
}

/** The value of `col` on the row where every `where` column equals the given value. */
export function cell(df: pl.DataFrame, where: Record<string, string>, col: string): unknown {
  let sel = df;
  for (const [k, v] of Object.entries(where)) sel = sel.filter(pl.col(k).eq(pl.lit(v)));
  if (sel.height !== 1) throw new Error(`expected one row for ${JSON.stringify(where)}, found ${sel.height}`);
  return sel.getColumn(col).get(0);
}
