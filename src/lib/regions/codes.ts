/**
 * Municipality code vintages: move a series from one vintage of municipality
 * numbers to another with a correspondence table (old → new). Renumberings
 * and transfers are 1:1; mergers (several old → one new) are summed only when
 * asked; splits (one old → several new) are refused, since the series cannot
 * be divided without information it does not have.
 */
import * as pl from "nodejs-polars";
import { IndicatorInputError } from "../data/errors";
import { loadTable, tableToFrame } from "../data/load";
import { dataDir } from "../data/manifest";

export const MUNICIPALITY_CODES = "regions/municipality_codes_2008_2020.csv";

/**
 * The 2008 → 2020 table for Hedmark and Oppland: `from, to, name, change`.
 * @example
 * one(loadCodeChanges2008To2020(), { from: "0402" }, "to"); // "3401" (Kongsvinger)
 */
export function loadCodeChanges2008To2020(dir: string = dataDir()): pl.DataFrame {
  return tableToFrame(loadTable(MUNICIPALITY_CODES, dir)).select(
    pl.col("code_2008").alias("from"),
    pl.col("code_2020").alias("to"),
    "name",
    "change",
  );
}

export interface HarmoniseOptions {
  /** Column with the municipality code. */
  code: string;
  /** Correspondence `from, to` (e.g. loadCodeChanges2008To2020()). */
  table: pl.DataFrame;
  /** Column to sum when several old codes become one (needed only for mergers). */
  value?: string;
  /** "refuse" (default) or "sum" old codes merged into one new code. */
  merges?: "refuse" | "sum";
}

/**
 * Move a municipal series to another vintage of municipality codes with a correspondence table.
 * @returns `df` with `code` in the new vintage (merged rows summed when asked), sorted by code.
 * @throws IndicatorInputError for a code not in the table, a split, a merger not asked for, a merger whose old codes
 *   differ in another column (a name, or a year one of them lacks: the rows would not add up), or missing columns.
 * @example
 * harmoniseCodes(pop, { code: "municipality_code", table: loadCodeChanges2008To2020() });
 * // Kongsvinger's row: code "0402" becomes "3401"
 */
export function harmoniseCodes(df: pl.DataFrame, opts: HarmoniseOptions): pl.DataFrame {
  const fn = "harmoniseCodes";
  const { code, table } = opts;
  if (!df.columns.includes(code)) throw new IndicatorInputError(fn, `column '${code}' not found`);
  for (const c of ["from", "to"])
    if (!table.columns.includes(c)) throw new IndicatorInputError(fn, `the correspondence table needs columns 'from' and 'to' (found ${table.columns.join(", ")})`);
  if (opts.value !== undefined && !df.columns.includes(opts.value)) throw new IndicatorInputError(fn, `column '${opts.value}' (the value) not found`);
  const pairs = table.select(pl.col("from").cast(pl.Utf8), pl.col("to").cast(pl.Utf8)).unique().sort(["from", "to"]);
  const splits = pairs.groupBy("from").agg(pl.col("to").count().alias("n")).filter(pl.col("n").gt(1)).sort("from");
  const used = df.select(pl.col(code).cast(pl.Utf8).alias("from")).unique();
  const ambiguous = used.join(splits, { on: "from", how: "inner" });
  if (ambiguous.height > 0) {
    throw new IndicatorInputError(
      fn,
      `code ${String(ambiguous.getColumn("from").get(0))} was split into several new codes: the series cannot be divided between them`,
    );
  }
  const unknown = used.join(pairs, { on: "from", how: "anti" }).sort("from");
  if (unknown.height > 0) throw new IndicatorInputError(fn, `code ${String(unknown.getColumn("from").get(0))} is not in the correspondence table`);
  const mapped = df
    .withColumns(pl.col(code).cast(pl.Utf8))
    .join(pairs.rename({ from: code }), { on: code, how: "left" })
    .drop(code)
    .rename({ to: code });
  const merged = used.join(pairs, { on: "from", how: "inner" }).groupBy("to").agg(pl.col("from").count().alias("n")).filter(pl.col("n").gt(1));
  if (merged.height === 0) return mapped.select(...df.columns).sort(code);
  if ((opts.merges ?? "refuse") === "refuse" || !opts.value) {
    throw new IndicatorInputError(fn, `several old codes become one new code (a merger); pass merges: "sum" and the value column to add them up`);
  }
  const others = mapped.columns.filter((c) => c !== code && c !== opts.value);
  // a column whose values differ between the old codes of one merger (a name; years one of them lacks) keeps their rows
  // apart: the "sum" would be each old code alone, or a part of the new one
  const withOld = df.withColumns(pl.col(code).cast(pl.Utf8).alias("__old")).join(pairs.rename({ from: "__old", to: "__new" }), { on: "__old", how: "left" });
  const mergers = merged.getColumn("to").toArray() as string[];
  for (const c of others) {
    const perOld = withOld
      .filter(pl.col("__new").isIn(mergers))
      .groupBy(["__new", "__old"])
      .agg(pl.col(c).cast(pl.Utf8).unique().sort().str.concat("|").alias("__set"));
    const apart = perOld.groupBy("__new").agg(pl.col("__set").nUnique().alias("n"), pl.col("__old").sort().str.concat(", ").alias("olds")).filter(pl.col("n").gt(1)).sort("__new");
    if (apart.height > 0)
      throw new IndicatorInputError(fn, `the old codes ${String(apart.getColumn("olds").get(0))} merged into ${String(apart.getColumn("__new").get(0))} differ in '${c}': their rows would not add up (drop '${c}' first, or give every old code the same ${c} values)`);
  }
  return mapped
    .groupBy([code, ...others])
    .agg(pl.col(opts.value).sum())
    .select(...df.columns)
    .sort([code, ...others]);
}
