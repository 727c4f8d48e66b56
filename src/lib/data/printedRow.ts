/**
 * One row of a published table as the set of true values its rounding allows: every printed
 * value ± half a unit of its last digit (the column's `decimals` in the manifest), with the
 * table's subtotals respected (the manifest's `sums`: parts → subtotal, subtotals → total).
 */
import { ValueError } from "./errors";
import { loadTable } from "./load";
import { dataDir } from "./manifest";
import { roundingSet, type RoundingSet } from "../stats/rounding";

export interface PrintedRow {
  /** The leaf columns (parts that are no subtotal), in the order of the file. */
  columns: string[];
  /** Their values as printed. */
  printed: number[];
  /** Indices into `columns` of the parts each subtotal column adds. */
  subtotals: Record<string, number[]>;
  /** The true values the printing allows. */
  set: RoundingSet;
}

/**
 * The row of `file` where every `where` column equals its value, as a rounding set.
 * The manifest's sums must be two levels at most: parts → subtotals, and subtotals → one total
 * (which must be implied by the subtotals; see roundingSet).
 * @throws ValueError when no row or several rows match, a column lacks `decimals` or a value,
 *   or the sums nest deeper
 * @example
 * const inn = printedRowSet("report/figur_3_6_sector_shares_2008.csv", { area: "innlandet" });
 * inn.columns.length; // 13 sectors
 * inn.subtotals["private_subtotal"]; // [5, 6, 7, 8, 9, 10]
 */
export function printedRowSet(file: string, where: Record<string, string | number>, dir: string = dataDir()): PrintedRow {
  const table = loadTable(file, dir);
  const rows = table.rows.filter((r) => Object.entries(where).every(([k, v]) => r[k] === v));
  const what = Object.entries(where).map(([k, v]) => `${k} = ${v}`).join(", ");
  if (rows.length !== 1) throw new ValueError({ file: table.file }, `exactly one row where ${what}`, `${rows.length}`);
  const row = rows[0]!;
  const sums = table.spec.sums ?? [];
  const totals = new Set(sums.map((s) => s.total));
  const order = table.spec.columns.map((c) => c.name);
  const columns = order.filter((c) => sums.some((s) => s.parts.includes(c)) && !totals.has(c));
  const value = (c: string): number => {
    const v = row[c];
    if (typeof v !== "number") throw new ValueError({ file: table.file, column: c }, `a printed number where ${what}`, String(v));
    return v;
  };
  const decimals = (c: string): number => {
    const d = table.spec.columns.find((x) => x.name === c)?.decimals;
    if (d === undefined) throw new ValueError({ file: table.file, column: c }, "the printed decimals of the column in the manifest", "none");
    return d;
  };
  const subtotals: Record<string, number[]> = {};
  let total: { value: number; decimals: number } | undefined;
  for (const s of sums) {
    if (s.parts.every((p) => columns.includes(p))) subtotals[s.total] = s.parts.map((p) => columns.indexOf(p));
  }
  for (const s of sums) {
    if (subtotals[s.total]) continue;
    if (!s.parts.every((p) => subtotals[p]) || total)
      throw new ValueError({ file: table.file, column: s.total }, "sums of parts, and at most one total of those subtotals", `a sum of ${s.parts.join(" + ")}`);
    total = { value: value(s.total), decimals: decimals(s.total) };
  }
  const set = roundingSet(
    columns.map(value),
    {
      decimals: columns.map(decimals),
      subtotals: Object.entries(subtotals).map(([c, members]) => ({ members, value: value(c), decimals: decimals(c) })),
      total,
      min: Math.min(...columns.map((c) => table.spec.columns.find((x) => x.name === c)?.min ?? -Infinity)),
    },
  );
  return { columns, printed: columns.map(value), subtotals, set };
}
