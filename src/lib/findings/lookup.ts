/**
 * Typed lookups for finding cells: one value from a frame, or a typed error naming what was
 * missing (never `undefined > 1` silently false).
 */
import * as pl from "nodejs-polars";
import { singleCell } from "../indicators/smallFrame";
import { LookupError } from "./errors";

/**
 * The value of `column` in the one row where every `where` column equals the given value.
 * @throws LookupError when no row or several rows match, the value is null or NaN, a key's column holds another kind
 *   than its value (text against numbers), or the column read holds neither numbers nor text
 * @example
 * one(toRegions(ctx.municipalPopulation, ctx.regions), { region: "Hamar", year: 2007 }, "value"); // 85817
 */
export function one(df: pl.DataFrame, where: Record<string, string | number>, column: string): number | string {
  checkTypes(df, where, column);
  const found = singleCell(df, where, column); // small frames in plain TypeScript; errors and the rest below
  if (found !== undefined) return checkValue(found, where, column);
  let expr: pl.Expr | null = null;
  for (const [k, v] of Object.entries(where)) {
    if (!df.columns.includes(k)) throw new LookupError(`${k} = ${v}`, `frame with columns ${df.columns.join(", ")}`, 0);
    const e = pl.col(k).eq(pl.lit(v));
    expr = expr === null ? e : expr.and(e);
  }
  if (!df.columns.includes(column)) throw new LookupError(`column ${column}`, `frame with columns ${df.columns.join(", ")}`, 0);
  const rows = expr === null ? df : df.filter(expr);
  const what = Object.entries(where).map(([k, v]) => `${k} = ${v}`).join(", ");
  if (rows.height !== 1) throw new LookupError(what, `column ${column}`, rows.height);
  const v = rows.getColumn(column).get(0) as number | string | null;
  if (v === null || v === undefined) throw new LookupError(`${what} (non-null ${column})`, `column ${column}`, 0);
  return checkValue(v, where, column);
}

const TEXT = new Set(["String", "Utf8", "Categorical", "Enum"]);
const kind = (s: pl.Series): "number" | "text" | "other" => (s.isNumeric() ? "number" : TEXT.has(s.dtype.variant) ? "text" : "other");

/** Keys compared with values of their own kind, and a target column of numbers or text: one typed line, not polars'. */
function checkTypes(df: pl.DataFrame, where: Record<string, string | number>, column: string): void {
  for (const [k, v] of Object.entries(where)) {
    if (!df.columns.includes(k)) continue; // the lookup below says which columns there are
    const have = kind(df.getColumn(k));
    const want = typeof v === "number" ? "number" : "text";
    if (have !== want)
      throw new LookupError(`${k} = ${JSON.stringify(v)}`, `column ${k}`, 0, `holds ${df.getColumn(k).dtype.variant}, but ${k} = ${JSON.stringify(v)} is ${want === "number" ? "a number" : "text"}`);
  }
  if (df.columns.includes(column) && kind(df.getColumn(column)) === "other")
    throw new LookupError(`column ${column}`, `column ${column}`, 0, `holds ${df.getColumn(column).dtype.variant}: one() reads numbers or text`);
}

/** NaN is a missing value too (NaN > 1 is silently false). */
function checkValue(v: number | string, where: Record<string, string | number>, column: string): number | string {
  if (typeof v === "number" && Number.isNaN(v))
    throw new LookupError(`${Object.entries(where).map(([k, x]) => `${k} = ${x}`).join(", ")} (non-NaN ${column})`, `column ${column}`, 0);
  return v;
}

/**
 * A number from `one`; a typed error when the value is not a finite number.
 * @example num(figur36, { region: "innlandet", sector: "goods_1" }, "value"); // 6.3
 */
export function num(df: pl.DataFrame, where: Record<string, string | number>, column = "value"): number {
  const v = one(df, where, column);
  if (typeof v !== "number" || !Number.isFinite(v)) throw new LookupError(`${JSON.stringify(where)} (a finite number in ${column}, got ${typeof v === "number" ? String(v) : JSON.stringify(v)})`, `column ${column}`, 0);
  return v;
}
