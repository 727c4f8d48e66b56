/**
 * Helpers shared by the contract checks: where a row is (file, row or feature,
 * key, column), row selection by a `where` pattern, and number formatting.
 */
import type { DataLocation } from "./errors";
import type { Cell, Row, Table } from "./csv";

/** The location of row `k` of `t` (1-based line of the CSV, header = 1; or feature number), with its key. */
export function loc(t: Table, k: number, column?: string): DataLocation {
  const unit = t.unit ?? "row";
  return { file: t.file, row: rowNumber(t, k), unit, key: keyText(t.spec.key, t.rows[k]!), column };
}

/** The 1-based number of row `k` as the error messages give it. */
export function rowNumber(t: Table, k: number): number {
  return k + ((t.unit ?? "row") === "feature" ? 1 : 2);
}

/** `col=value, …` for the given columns of a row. */
export function keyText(cols: readonly string[], row: Row): string {
  return cols.map((c) => `${c}=${String(row[c])}`).join(", ");
}

/** Does the row satisfy the `where` selection (its column matches the pattern in full)? */
export function matches(row: Row, where: { column: string; pattern: string } | undefined): boolean {
  return where === undefined || new RegExp(`^(?:${where.pattern})$`).test(String(row[where.column] ?? ""));
}

/** A number for a message: integers as they are, others to 4 decimals. */
export const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(4));

/** A cell for a message: text quoted, numbers as read, an empty cell said so. */
export const cellText = (v: Cell | undefined): string =>
  v === null || v === undefined ? "(empty)" : typeof v === "string" ? JSON.stringify(v) : String(v);
