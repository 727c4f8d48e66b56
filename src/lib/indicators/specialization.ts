/**
 * Specialisation of regions and concentration of sectors, on the complete
 * region × sector grid (a sector missing from a region's rows counts as 0).
 *
 *   Krugman specialisation  K_j = Σ_i |s_ij − s_iR|        s = shares as fractions; 0 … 2
 *   Hoover (localisation)   H_i = ½ Σ_j |e_ij/e_i − e_j/e|  0 (spread like all employment) … 1
 */
import * as pl from "nodejs-polars";
import { IndicatorInputError } from "../data/errors";
import { checkByNames, checkReferenceKey } from "./keyChecks";
import { checkComposition, fractionOf, sumOver, type RegionSectorOptions } from "./validate";

/** The complete grid `...by, region, sector, value` with zeros for absent combinations. */
function completeGrid(clean: pl.DataFrame, by: string[], region: string, sector: string, value: string): pl.LazyDataFrame {
  const base = clean.lazy().select(...by, pl.col(region).alias("region"), pl.col(sector).alias("sector"), pl.col(value).alias("value"));
  const regions = base.select(...by, "region").unique();
  const sectors = base.select(...by, "sector").unique();
  const grid = by.length ? regions.join(sectors, { on: by, how: "inner" }) : regions.join(sectors, { how: "cross" });
  return grid.join(base, { on: [...by, "region", "sector"], how: "left" }).withColumns(pl.col("value").fillNull(0));
}

export interface SpecializationOptions extends RegionSectorOptions {
  /** Reference region (e.g. the country); omit to use the sum of all regions. */
  reference?: string;
}

/**
 * Krugman's specialisation index of each region against the reference.
 * @remarks
 * Krugman's specialisation index of region j against a reference R (a named region, or the sum of all regions given):
 *
 * $$K_j = \sum_i \left| s_{ij} - s_{iR} \right|, \qquad s_{ij} = e_{ij} / e_j$$
 *
 * (shares as fractions, over the complete region × sector grid: a sector missing from a region counts as 0).
 * K = 0: the same sector mix as the reference; the largest value, 2, means no sector in common.
 *
 * References: Krugman, P. (1991). *Geography and Trade*. Cambridge, MA: MIT Press. Midelfart-Knarvik, K. H., Overman,
 * H. G., Redding, S. J. & Venables, A. J. (2000). *The Location of European Industry*. Economic Papers 142. Brussels:
 * European Commission.
 * @returns `...by, region, krugman`, sorted.
 * @example
 * // A: 75 % / 25 % against NO: 50 % / 50 % → |0.75 − 0.5| + |0.25 − 0.5| = 0.5
 * specialization(df, { region: "region", sector: "sector", value: "value", reference: "NO" });
 */
export function specialization(df: pl.DataFrame, opts: SpecializationOptions): pl.DataFrame {
  const fn = "specialization";
  const by = opts.by ?? [];
  checkByNames(fn, by);
  checkReferenceKey(fn, df, opts.region, opts.reference);
  const clean = checkComposition(fn, df, [...by, opts.region], opts.sector, opts.value);
  const grid = completeGrid(clean, by, opts.region, opts.sector, opts.value).withColumns(fractionOf("value", [...by, "region"]).alias("s"));
  let ref: pl.LazyDataFrame;
  if (opts.reference === undefined) {
    ref = grid
      .groupBy([...by, "sector"])
      .agg(pl.col("value").sum().alias("v"))
      .withColumns(fractionOf("v", by).alias("s_ref"))
      .select(...by, "sector", "s_ref");
  } else {
    ref = grid.filter(pl.col("region").eq(pl.lit(opts.reference))).select(...by, "sector", pl.col("s").alias("s_ref"));
    if (ref.select(pl.len()).collectSync().getColumn("len").get(0) === 0) {
      throw new IndicatorInputError(fn, `reference region '${opts.reference}' not found in column '${opts.region}'`);
    }
    if (by.length) {
      // every group needs its reference: a missing one would read as shares of 0 (K = 1 for any region)
      const lacking = grid.select(...by).unique().join(ref.select(...by).unique(), { on: by, how: "anti" }).sort(by).collectSync();
      if (lacking.height > 0)
        throw new IndicatorInputError(fn, `reference region '${opts.reference}' is missing for ${by.map((b) => `${b} ${String(lacking.getColumn(b).get(0))}`).join(", ")}`);
    }
  }
  return grid
    .join(ref, { on: [...by, "sector"], how: "left" })
    .groupBy([...by, "region"])
    .agg(pl.col("s").sub(pl.col("s_ref").fillNull(0)).abs().sum().alias("krugman"))
    .sort([...by, "region"])
    .collectSync()
    .rename(opts.region === "region" ? {} : { region: opts.region });
}

/**
 * Hoover's coefficient of localisation of each sector across the regions given.
 * @remarks
 * Hoover's coefficient of localisation of sector i over the regions j given:
 *
 * $$H_i = \frac{1}{2} \sum_j \left| \frac{e_{ij}}{e_i} - \frac{e_j}{e} \right|$$
 *
 * with $e_i$ the sector's total, $e_j$ region j's total and e the grand total. H = 0: the sector is spread over the
 * regions exactly like all employment; values near 1: nearly all of the sector's jobs are in regions that hold only a
 * small part of all jobs (the sector is concentrated). The differences sum to zero (both sets of shares add up to 1), so
 * every job "too many" in one region is matched by a job "too few" in another, and the sum of absolute differences
 * counts each misplaced job twice; the ½ undoes that. H is the share of the sector's jobs that would have to move for it
 * to be spread like all jobs, from 0 to 1. Krugman's K is by convention not halved, so it runs from 0 to 2.
 *
 * References: Hoover, E. M. (1936). The measurement of industrial localization. *Review of Economics and Statistics*
 * 18(4), 162–171. Combes, P.-P., Mayer, T. & Thisse, J.-F. (2008). *Economic Geography: The Integration of Regions and
 * Nations*. Princeton, NJ: Princeton University Press.
 * @returns `...by, sector, hoover`, sorted.
 * @example
 * // x all in A, the total split 40/60 between A and B → ½(|1 − 0.4| + |0 − 0.6|) = 0.6
 * hoover(df, { region: "region", sector: "sector", value: "value" });
 */
export function hoover(df: pl.DataFrame, opts: RegionSectorOptions): pl.DataFrame {
  const fn = "hoover";
  const by = opts.by ?? [];
  checkByNames(fn, by);
  const clean = checkComposition(fn, df, [...by, opts.sector], opts.region, opts.value);
  return completeGrid(clean, by, opts.region, opts.sector, opts.value)
    .withColumns(
      fractionOf("value", [...by, "sector"]).alias("s_sector"),
      sumOver(pl.col("value"), [...by, "region"])
        .div(sumOver(pl.col("value"), by))
        .alias("s_region"),
    )
    .groupBy([...by, "sector"])
    .agg(pl.col("s_sector").sub(pl.col("s_region")).abs().sum().mul(0.5).alias("hoover"))
    .sort([...by, "sector"])
    .collectSync()
    .rename(opts.sector === "sector" ? {} : { sector: opts.sector });
}
