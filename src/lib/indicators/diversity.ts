/**
 * Sector diversity of regions.
 *
 * With s_i = e_i / Σ e (fractions) over the n sectors listed for a region:
 *   Shannon entropy     H  = −Σ s_i · ln s_i        (0 · ln 0 = 0; higher = more varied)
 *   normalised Shannon  H* = H / ln n               (0 … 1; null when n = 1)
 *   Herfindahl–Hirschman HHI = Σ s_i²               (1/n … 1; higher = more concentrated)
 *
 * Computed from one group-by of S = Σ e, L = Σ e · ln e and Q = Σ e²:
 *   H = ln S − L / S   (since −Σ (e/S) ln(e/S) = −(1/S) Σ e ln e + ln S),   HHI = Q / S².
 * The same group-by counts rows and distinct sectors (a duplicate key) and
 * gives the totals (a zero total), so the input checks cost no extra pass
 * unless something is wrong.
 */
import * as pl from "nodejs-polars";
import {
  Columns,
  col,
  checkComposition,
  looksValid,
  packInto,
  packedKey,
  restoreNames,
  sqlName,
  sqlSelect,
  type RegionSectorOptions,
} from "./validate";

export type DiversityOptions = RegionSectorOptions;

// built once: every nodejs-polars expression costs a JS wrapper
const V = pl.col("value");
const AGGS = [
  V.sum().alias("__S"),
  // e · ln e with 0 · ln 0 = 0 (values are checked ≥ 0 first)
  pl.when(V.gt(0)).then(V.mul(V.log())).otherwise(pl.lit(0)).sum().alias("__L"),
  V.mul(V).sum().alias("__Q"),
  V.max().alias("__M"),
  pl.len().cast(pl.Int64).alias("n_sectors"),
];
// distinct sectors per region, against the row count: a duplicate key (only when the keys cannot be packed)
const DISTINCT = pl.col("sector").nUnique().cast(pl.Int64).alias("__U");
const S = pl.col("__S");
// one positive sector (max = total): exactly 0; otherwise ln S − L/S, which rounding could push a hair below 0
const H = pl.col("__S").log().sub(pl.col("__L").div(S));
const SHANNON = pl.when(pl.col("__M").eq(S)).then(pl.lit(0)).when(H.gt(0)).then(H).otherwise(pl.lit(0)).alias("shannon");
const HHI = pl.col("__Q").div(S.mul(S)).alias("hhi");
const NORMALIZED = pl
  .when(pl.col("n_sectors").gt(1))
  .then(pl.col("shannon").div(pl.col("n_sectors").cast(pl.Float64).log()))
  .otherwise(pl.lit(null))
  .alias("shannon_normalized");
/** `first()` of a column in a group, built once per name. */
const firsts = new Map<string, pl.Expr>();
function firstOf(name: string): pl.Expr {
  let e = firsts.get(name);
  if (!e) firsts.set(name, (e = pl.col(name).first()));
  return e;
}
const ZERO_TOTAL = S.eq(0).any().alias("zero");
const DUPLICATE = pl.col("__U").neq(pl.col("n_sectors")).any().alias("dup");

/**
 * Shannon entropy (natural log), normalised Shannon and HHI per region.
 * `n_sectors` counts the sector rows given for the region, zeros included:
 * pass a zero row for each absent sector to normalise over the full
 * classification.
 *
 * @returns `...by, <region>, shannon, shannon_normalized, hhi, n_sectors`, sorted by `by` and region.
 * @example
 * const df = pl.DataFrame({ region: ["a", "a"], sector: ["x", "y"], value: [1, 1] });
 * diversity(df, { region: "region", sector: "sector", value: "value" });
 * // shannon = ln 2 ≈ 0.6931, shannon_normalized = 1, hhi = 0.5, n_sectors = 2
 */
export function diversity(df: pl.DataFrame, opts: DiversityOptions): pl.DataFrame {
  const { region, sector, value } = opts;
  const by = opts.by ?? [];
  const fullChecks = (): void => void checkComposition("diversity", df, [...by, region], sector, value);
  const columns = new Columns(df, [...by, region, sector], value);
  if (!looksValid(columns)) fullChecks();
  // integer keys: group by one packed column, and a duplicate shows as fewer distinct packed row keys than rows
  const group = by.length ? packedKey(columns, [...by, region]) : undefined;
  const rowKey = group && packInto(columns, group, sector);
  if (
    rowKey &&
    (sqlSelect(df, [`COUNT(DISTINCT ${rowKey.sql}) AS n`])
      .collectSync()
      .row(0)[0] as number) < df.height
  )
    fullChecks();
  const items = [...by.map(sqlName), `${sqlName(region)} AS region`, `${sqlName(sector)} AS sector`, `CAST(${sqlName(value)} AS DOUBLE) AS value`];
  const base = sqlSelect(df, group ? [...items, `${group.sql} AS __g`] : items);
  const grouped = group
    ? base
        .groupBy(col("__g"), false)
        .agg(...by.map(firstOf), firstOf("region"), ...AGGS, ...(rowKey ? [] : [DISTINCT]))
        .sort("__g")
    : base
        .groupBy([...by, "region"].map(col), false)
        .agg(...AGGS, DISTINCT)
        .sort([...by, "region"].map(col));
  const out = grouped.withColumns(SHANNON, HHI).withColumns(NORMALIZED).collectSync();
  if (out.select(rowKey ? ZERO_TOTAL : ZERO_TOTAL.or(DUPLICATE)).row(0)[0] === true) fullChecks();
  return restoreNames(out.select(...by, "region", "shannon", "shannon_normalized", "hhi", "n_sectors"), { region });
}
