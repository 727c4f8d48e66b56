/**
 * Related and unrelated variety (Frenken, Van Oort & Verburg 2007): the
 * entropy of a region's sectors split by a sector → group classification
 * (e.g. 4-digit industries within 2-digit groups), given as data.
 *
 *   p_i = share of sector i, P_g = Σ_{i∈g} p_i
 *   unrelated variety  UV = Σ_g P_g log(1/P_g)                 (entropy between groups)
 *   related variety    RV = Σ_g P_g H_g,  H_g = Σ_{i∈g} (p_i/P_g) log(P_g/p_i)   (entropy within groups)
 *   entropy            H  = Σ_i p_i log(1/p_i) = UV + RV
 *
 * Logarithms to base 2 by default, as Frenken et al.; `base: "e"` for natural logs.
 */
import * as pl from "nodejs-polars";
import { IndicatorInputError } from "../data/errors";
import { checkByNames } from "./keyChecks";
import { checkComposition, fractionOf, type RegionSectorOptions } from "./validate";

export interface VarietyOptions extends RegionSectorOptions {
  /** Frame `sector, group` assigning every sector to exactly one group. */
  groups: pl.DataFrame;
  base?: "2" | "e";
}

/**
 * Entropy of sector shares per region, split into unrelated (between groups) and related (within groups) variety.
 * @remarks
 * Related and unrelated variety (Frenken, Van Oort & Verburg 2007): with sectors i in groups g (e.g. 4-digit industries
 * within 2-digit groups: industry classifications number industries with codes, where a 2-digit code is a broad group,
 * such as 10, food products, and a 4-digit code a finer industry within it, such as 10.51, dairies) and $P_g = \sum_{i \in g} p_i$,
 *
 * $$\mathrm{UV} = \sum_g P_g \log_2 \frac{1}{P_g}, \qquad \mathrm{RV} = \sum_g P_g H_g, \quad H_g = \sum_{i \in g} \frac{p_i}{P_g} \log_2 \frac{P_g}{p_i}$$
 *
 * and the entropy $H = \sum_i p_i \log_2 (1 / p_i) = \mathrm{UV} + \mathrm{RV}$ (logarithms to base 2 by default, as
 * Frenken et al.).
 *
 * References: Theil, H. (1972). *Statistical Decomposition Analysis*. Amsterdam: North-Holland. Frenken, K., Van Oort,
 * F. & Verburg, T. (2007). Related variety, unrelated variety and regional economic growth. *Regional Studies* 41(5),
 * 685–697.
 * @returns `...by, region, entropy, unrelated_variety, related_variety`, sorted.
 * @throws IndicatorInputError when a sector has no group or more than one.
 * @example
 * // sectors a1, a2 in group A and b1 in B, each 1/3: UV = H(2/3, 1/3), RV = 2/3 · log2 2
 * variety(df, { region: "region", sector: "sector", value: "value", groups });
 * // entropy 1.585, unrelated_variety 0.918, related_variety 0.667
 */
export function variety(df: pl.DataFrame, opts: VarietyOptions): pl.DataFrame {
  const fn = "variety";
  const by = opts.by ?? [];
  checkByNames(fn, by, ["region", "sector", "value", "group"]);
  for (const c of ["sector", "group"])
    if (!opts.groups.columns.includes(c)) throw new IndicatorInputError(fn, `the groups frame needs columns 'sector' and 'group'`);
  const map = opts.groups.select(pl.col("sector").cast(pl.Utf8), pl.col("group").cast(pl.Utf8)).unique();
  const multi = map.groupBy("sector").agg(pl.len().alias("n")).filter(pl.col("n").gt(1)).sort("sector");
  if (multi.height > 0) throw new IndicatorInputError(fn, `sector '${String(multi.getColumn("sector").get(0))}' has more than one group`);
  const clean = checkComposition(fn, df, [...by, opts.region], opts.sector, opts.value).withColumns(pl.col(opts.sector).cast(pl.Utf8));
  const unmapped = clean.select(pl.col(opts.sector).alias("sector")).unique().join(map, { on: "sector", how: "anti" }).sort("sector");
  if (unmapped.height > 0)
    throw new IndicatorInputError(fn, `sector '${String(unmapped.getColumn("sector").get(0))}' has no group in the groups frame`);
  const lg = opts.base === "e" ? (x: pl.Expr): pl.Expr => x.log() : (x: pl.Expr): pl.Expr => x.log(2);
  const plogp = (p: pl.Expr): pl.Expr =>
    pl
      .when(p.gt(0))
      .then(p.mul(lg(p)))
      .otherwise(pl.lit(0));
  const shares = clean
    .lazy()
    .select(...by, pl.col(opts.region).alias("region"), pl.col(opts.sector).alias("sector"), pl.col(opts.value).alias("value"))
    .join(map.lazy(), { on: "sector", how: "left" })
    .withColumns(fractionOf("value", [...by, "region"]).alias("p"));
  const perGroup = shares
    .groupBy([...by, "region", "group"])
    .agg(pl.col("p").sum().alias("P"), pl.col("p"))
    .explode("p")
    .withColumns(
      pl
        .when(pl.col("P").gt(0))
        .then(pl.col("p").div(pl.col("P")))
        .otherwise(pl.lit(0))
        .alias("q"),
    )
    .groupBy([...by, "region", "group"])
    .agg(
      pl.col("P").first(),
      pl
        .lit(0)
        .sub(plogp(pl.col("q")).sum())
        .alias("H_g"),
    )
    .groupBy([...by, "region"])
    .agg(
      pl
        .lit(0)
        .sub(plogp(pl.col("P")).sum())
        .alias("unrelated_variety"),
      pl.col("P").mul(pl.col("H_g")).sum().alias("related_variety"),
    );
  const total = shares.groupBy([...by, "region"]).agg(
    pl
      .lit(0)
      .sub(plogp(pl.col("p")).sum())
      .alias("entropy"),
  );
  return total
    .join(perGroup, { on: [...by, "region"], how: "inner" })
    .select(...by, "region", pl.col("entropy").abs(), pl.col("unrelated_variety").abs(), pl.col("related_variety").abs())
    .sort([...by, "region"])
    .collectSync()
    .rename(opts.region === "region" ? {} : { region: opts.region });
}

/**
 * Related variety alone: `...by, region, related_variety`.
 * @example
 * relatedVariety(df, { region: "region", sector: "sector", value: "value", groups }); // 0.667 (as in variety)
 */
export function relatedVariety(df: pl.DataFrame, opts: VarietyOptions): pl.DataFrame {
  return variety(df, opts).select(...(opts.by ?? []), opts.region, "related_variety");
}

/**
 * Unrelated variety alone: `...by, region, unrelated_variety`.
 * @example
 * unrelatedVariety(df, { region: "region", sector: "sector", value: "value", groups }); // 0.918 (as in variety)
 */
export function unrelatedVariety(df: pl.DataFrame, opts: VarietyOptions): pl.DataFrame {
  return variety(df, opts).select(...(opts.by ?? []), opts.region, "unrelated_variety");
}
