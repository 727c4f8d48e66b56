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
 * The same group-by gives the totals (a zero or overflowing total is an input error); a
 * duplicate key shows as rows out of strictly increasing key order (one
 * pass) and then as fewer distinct sectors than rows in a region, so the
 * input checks cost little unless something is wrong.
 */
import * as pl from "nodejs-polars";
import { checkByNames } from "./keyChecks";
import { Columns, checkComposition, col, inKeyOrder, looksValid, restoreNames, sqlName, sqlSelect, type RegionSectorOptions } from "./validate";

export type DiversityOptions = RegionSectorOptions;

// built once: every nodejs-polars expression costs a JS wrapper
const V = pl.col("value");
// e · ln e (0 · ln 0 = 0; values are checked ≥ 0 first) and e², as columns: plain sums in a group-by are far
// faster than expressions evaluated group by group
const TERMS = [pl.when(V.gt(0)).then(V.mul(V.log())).otherwise(pl.lit(0)).alias("__l"), V.mul(V).alias("__q")];
const AGGS = [
  V.sum().alias("__S"),
  pl.col("__l").sum().alias("__L"),
  pl.col("__q").sum().alias("__Q"),
  V.max().alias("__M"),
  pl.len().alias("n_sectors"),
];
// (casts after the group-by: one agg that is not a plain reduction puts the whole group-by on its slow path)
const N_INT64 = pl.col("n_sectors").cast(pl.Int64);
// distinct sectors per region, against the row count: a duplicate key (when the rows are not known to be in key order)
const DISTINCT = pl.col("sector").nUnique().alias("__U");
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
const ZERO_TOTAL = S.eq(0).any().alias("zero");
const DUPLICATE = pl.col("__U").neq(pl.col("n_sectors")).any().alias("dup");
// A region whose largest value lies outside [1e-100, 1e100]: its Σ e² (or S²) may overflow, or its
// e · ln e and e² underflow and lose digits. The measures depend only on the fractions e / S, so such
// input is computed again over e / max e (within [0, 1], S between 1 and n), where nothing over- or underflows.
const M = pl.col("__M");
const EXTREME = M.gt(1e100)
  .or(M.gt(0).and(M.lt(1e-100)))
  .any()
  .alias("extreme");

/**
 * Shannon entropy (natural log), normalised Shannon and HHI per region.
 * `n_sectors` counts the sector rows given for the region, zeros included:
 * pass a zero row for each absent sector to normalise over the full
 * classification.
 *
 * @remarks
 * For a region with shares $p_i = e_i / \sum_k e_k$ over its n sectors:
 *
 * $$H = -\sum_i p_i \ln p_i \quad (0 \cdot \ln 0 = 0), \qquad H^* = \frac{H}{\ln n}, \qquad \mathrm{HHI} = \sum_i p_i^2$$
 *
 * H runs from 0 (one sector) to ln n (all equal), H* from 0 to 1; HHI from 1/n (all equal) to 1 (one sector): higher
 * HHI = more concentrated. n counts the sector rows given, zeros included.
 *
 * References: Shannon, C. E. (1948). A mathematical theory of communication. *Bell System Technical Journal* 27,
 * 379–423 and 623–656. Hirschman, A. O. (1945). *National Power and the Structure of Foreign Trade*. Berkeley:
 * University of California Press. Frenken, K., Van Oort, F. & Verburg, T. (2007). Related variety, unrelated variety
 * and regional economic growth. *Regional Studies* 41(5), 685–697.
 * @returns `...by, <region>, shannon, shannon_normalized, hhi, n_sectors`, sorted by `by` and region.
 * @throws IndicatorInputError on missing columns, null/negative/non-finite values, duplicate
 *   (region, sector) rows, or a region whose total is 0 or overflows a 64-bit float.
 * @example
 * const df = pl.DataFrame({ region: ["a", "a"], sector: ["x", "y"], value: [1, 1] });
 * diversity(df, { region: "region", sector: "sector", value: "value" });
 * // shannon = ln 2 ≈ 0.6931, shannon_normalized = 1, hhi = 0.5, n_sectors = 2
 */
export function diversity(df: pl.DataFrame, opts: DiversityOptions): pl.DataFrame {
  const { region, sector, value } = opts;
  const by = opts.by ?? [];
  checkByNames("diversity", by);
  const fullChecks = (): void => void checkComposition("diversity", df, [...by, region], sector, value);
  const columns = new Columns(df, [...by, region, sector], value);
  if (!looksValid(columns)) fullChecks();
  // rows already in strictly increasing key order (common) have no duplicate key; otherwise distinct sectors are counted per region
  const inOrder = df.height > 1 && df.select(inKeyOrder([...by, region, sector])).row(0)[0] === true;
  const items = [...by.map(sqlName), `${sqlName(region)} AS region`, `${sqlName(sector)} AS sector`, `CAST(${sqlName(value)} AS DOUBLE) AS value`];
  const keys = [...by, "region"].map(col);
  const compute = (scaled: boolean): pl.DataFrame => {
    const rows = sqlSelect(df, items);
    return (scaled ? rows.withColumns(V.div(V.max().over(...(keys as [pl.Expr, ...pl.Expr[]])))) : rows)
      .withColumns(...TERMS)
      .groupBy(keys, false)
      .agg(...AGGS, ...(inOrder ? [] : [DISTINCT]))
      .sort(keys)
      .withColumns(N_INT64, SHANNON, HHI)
      .withColumns(NORMALIZED)
      .collectSync();
  };
  let out = compute(false);
  const [invalid, extreme] = out.select(inOrder ? ZERO_TOTAL : ZERO_TOTAL.or(DUPLICATE), EXTREME).row(0);
  if (invalid === true) fullChecks();
  if (extreme === true) out = compute(true);
  return restoreNames(out.select(...by, "region", "shannon", "shannon_normalized", "hhi", "n_sectors"), { region });
}
