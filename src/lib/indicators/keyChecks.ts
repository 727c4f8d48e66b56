/**
 * Checks on the names and types of columns that the composition indicators (location quotient, diversity,
 * specialisation, Hoover, variety, shift-share) need before they build their queries, so a caller's frame that the
 * query cannot take is refused in one line instead of a raw polars error.
 */
import type * as pl from "nodejs-polars";
import { IndicatorInputError } from "../data/errors";

/**
 * A column of numbers (a Null-typed column, all missing, passes when `allowNull`); `what` says what it is for.
 * @throws IndicatorInputError "column 'c' (what) must be numeric, found String"
 * @example
 * checkNumericColumn("shiftShare", df, "year", { what: "the time" });
 */
export function checkNumericColumn(fn: string, df: pl.DataFrame, column: string, opts: { what?: string; allowNull?: boolean } = {}): void {
  const s = df.getColumn(column);
  if (s.isNumeric() || (opts.allowNull && s.dtype.variant === "Null")) return;
  throw new IndicatorInputError(fn, `column '${column}'${opts.what ? ` (${opts.what})` : ""} must be numeric, found ${s.dtype.variant}`);
}

/**
 * `by` columns may not take a name these functions use inside for the region, the sector, the value or a group.
 * @throws IndicatorInputError naming the column and a rename that avoids it
 * @example
 * checkByNames("diversity", ["year"]); // fine
 * checkByNames("diversity", ["region"]); // throws: a 'by' column may not be named 'region' …
 */
export function checkByNames(fn: string, by: readonly string[], internal: readonly string[] = ["region", "sector", "value"]): void {
  const clash = by.find((b) => internal.includes(b));
  if (clash !== undefined)
    throw new IndicatorInputError(
      fn,
      `a 'by' column may not be named '${clash}' (a name used inside for ${internal.map((n) => `'${n}'`).join(", ")}): rename it first, e.g. df.rename({ ${clash}: "${clash}_group" })`,
    );
}

/**
 * A named reference region is text: the region column must be text too (SSB's codes are text, "0301").
 * @throws IndicatorInputError when `reference` is given and the column holds numbers
 * @example
 * checkReferenceKey("locationQuotient", df, "region", "NO");
 */
export function checkReferenceKey(fn: string, df: pl.DataFrame, region: string, reference: string | undefined): void {
  if (reference === undefined || !df.columns.includes(region)) return;
  const s = df.getColumn(region);
  if (s.isNumeric())
    throw new IndicatorInputError(
      fn,
      `column '${region}' holds numbers (${s.dtype.variant}) but the reference '${reference}' is text: cast the column to text first (pl.col("${region}").cast(pl.Utf8))`,
    );
}
