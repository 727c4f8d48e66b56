/**
 * Location quotient (LQ) against a reference.
 *
 * LQ_ij = (e_ij / e_j) / (e_iR / e_R)
 *
 * e_ij: employment in sector i of region j; e_j: region j's total;
 * e_iR, e_R: the same for the reference R — a named region (e.g. the whole
 * country) or, when none is named, the sum of all regions given.
 * LQ > 1: the sector's share in j is above its share in R (specialisation).
 */
import * as pl from "nodejs-polars";
import { IndicatorInputError } from "../data/errors";
import { checkComposition, fractionOf, restoreNames, sumOver, type RegionSectorOptions } from "./validate";

export interface LocationQuotientOptions extends RegionSectorOptions {
  /** Value of the `region` column whose structure is the benchmark; omit to use the sum of all regions. */
  reference?: string;
}

/**
 * Location quotients of every (region, sector) row, per `by` group if given.
 * Shares are percent of each region's total over the rows given; a sector
 * absent from a region's rows counts as 0 there.
 *
 * @returns `...by, <region>, <sector>, share, reference_share, lq` (shares in %; key columns keep the input's names),
 *   sorted by `by`, region, sector. A named reference region's own rows have lq = 1.
 * @throws IndicatorInputError when the reference region is missing, has 0 in
 *   a sector some region has, or the inputs fail the shared checks.
 * @example
 * const df = pl.DataFrame({ region: ["NO", "NO", "A", "A"], sector: ["x", "y", "x", "y"], value: [50, 50, 30, 10] });
 * locationQuotient(df, { region: "region", sector: "sector", value: "value", reference: "NO" });
 * // A/x: share 75, reference_share 50, lq 1.5
 */
export function locationQuotient(df: pl.DataFrame, opts: LocationQuotientOptions): pl.DataFrame {
  const { region, sector, value, reference } = opts;
  const by = opts.by ?? [];
  const fn = "locationQuotient";
  const clean = checkComposition(fn, df, [...by, region], sector, value);
  const base = clean
    .lazy()
    .select(...by, pl.col(region).alias("region"), pl.col(sector).alias("sector"), pl.col(value).alias("value"))
    .withColumns(
      fractionOf("value", [...by, "region"])
        .mul(100)
        .alias("share"),
    );
  let joined: pl.LazyDataFrame;
  if (reference === undefined) {
    joined = base.withColumns(
      sumOver(pl.col("value"), [...by, "sector"])
        .div(sumOver(pl.col("value"), by))
        .mul(100)
        .alias("reference_share"),
    );
  } else {
    const ref = base.filter(pl.col("region").eq(pl.lit(reference))).select(...by, "sector", pl.col("share").alias("reference_share"));
    if (ref.select(pl.len()).collectSync().getColumn("len").get(0) === 0) {
      throw new IndicatorInputError(fn, `reference region '${reference}' not found in column '${region}'`);
    }
    joined = base.join(ref, { on: [...by, "sector"], how: "left" }).withColumns(pl.col("reference_share").fillNull(0));
  }
  const out = joined
    .withColumns(
      pl
        .when(pl.col("reference_share").gt(0))
        .then(pl.col("share").div(pl.col("reference_share")))
        .otherwise(pl.lit(null))
        .alias("lq"),
    )
    .select(...by, "region", "sector", "share", "reference_share", "lq")
    .sort([...by, "region", "sector"])
    .collectSync();
  const missing = out.filter(pl.col("reference_share").eq(0).and(pl.col("share").gt(0)));
  if (missing.height > 0) {
    const rec = missing.head(1).toRecords()[0] ?? {};
    throw new IndicatorInputError(
      fn,
      `the reference region '${reference}' has no '${String(rec["sector"])}', which '${String(rec["region"])}' has: LQ undefined`,
    );
  }
  return restoreNames(out, { region, sector });
}
