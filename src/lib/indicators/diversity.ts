/**
 * Sector diversity of regions.
 *
 * With s_i = e_i / Σ e (fractions) over the n sectors listed for a region:
 *   Shannon entropy     H  = −Σ s_i · ln s_i        (0 · ln 0 = 0; higher = more varied)
 *   normalised Shannon  H* = H / ln n               (0 … 1; null when n = 1)
 *   Herfindahl–Hirschman HHI = Σ s_i²               (1/n … 1; higher = more concentrated)
 */
import * as pl from "nodejs-polars";
import { checkComposition, fractionOf, restoreNames, type RegionSectorOptions } from "./validate";

export type DiversityOptions = RegionSectorOptions;

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
  const clean = checkComposition("diversity", df, [...by, region], sector, value);
  const s = pl.col("s");
  return restoreNames(
    clean
      .lazy()
      .select(...by, pl.col(region).alias("region"), pl.col(value).alias("value"))
      .withColumns(fractionOf("value", [...by, "region"]).alias("s"))
      // each term s·ln s ≤ 0, so −Σ = |Σ| (abs also avoids a −0 for a one-sector region)
      .withColumns(pl.when(s.gt(0)).then(s.mul(s.log())).otherwise(pl.lit(0)).alias("plogp"))
      .groupBy([...by, "region"])
      .agg(pl.col("plogp").sum().abs().alias("shannon"), s.pow(2).sum().alias("hhi"), pl.col("s").count().cast(pl.Int64).alias("n_sectors"))
      .withColumns(
        pl
          .when(pl.col("n_sectors").gt(1))
          .then(pl.col("shannon").div(pl.col("n_sectors").cast(pl.Float64).log()))
          .otherwise(pl.lit(null))
          .alias("shannon_normalized"),
      )
      .select(...by, "region", "shannon", "shannon_normalized", "hhi", "n_sectors")
      .sort([...by, "region"])
      .collectSync(),
    { region },
  );
}
