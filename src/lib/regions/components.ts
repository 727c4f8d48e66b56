/**
 * Population components summed from municipalities to regions, with the
 * coverage said: a region-year is `complete` only when every municipality
 * the mapping puts in it has a row. Migration sums are null when any
 * municipality's migration is missing (a partial sum would be wrong).
 */
import * as pl from "nodejs-polars";

const COUNTS = ["population_start", "births", "deaths", "in_migration", "out_migration", "population_end"];

/** The expressions, built once (they name fixed columns; see indicators/exprCache.ts for why). */
let built: ReturnType<typeof exprs> | undefined;
function exprs() {
  const code = pl.col("municipality_code_2008");
  return {
    municipal: code.str.lengths().eq(4),
    total: code.count().cast(pl.Int64).alias("municipalities_total"),
    present: code.count().cast(pl.Int64).alias("municipalities_present"),
    sums: COUNTS.map((c) => pl.when(pl.col(c).isNull().any()).then(pl.lit(null)).otherwise(pl.col(c).cast(pl.Float64).sum()).alias(c)),
    missingList: code.sort().alias("missing_list"),
    missing: pl.col("missing_list").lst.join(", ").alias("missing"),
    complete: [pl.col("municipalities_present").eq(pl.col("municipalities_total")).alias("complete"), pl.col("missing").fillNull("")],
  };
}

/**
 * Population components summed from municipalities to regions, each region-year marked complete or not.
 * @param components SSB components per municipality (municipal rows only are used: 4-digit codes)
 * @param mapping a region mapping (loadMapping)
 * @returns `region, region_type, year, municipalities_present, municipalities_total, complete, missing,
 *   population_start, births, deaths, in_migration, out_migration, population_end`, sorted.
 * @example
 * componentsByRegion(loadPopulationComponents(), loadMapping("report13")).filter(pl.col("complete").not());
 * // Valdres 2005 and 2006 (3 and 4 of its 6 municipalities published)
 */
export function componentsByRegion(components: pl.DataFrame, mapping: pl.DataFrame): pl.DataFrame {
  const e = (built ??= exprs());
  const muni = components.filter(e.municipal);
  const sizes = mapping.groupBy("region").agg(e.total);
  const joined = muni.join(mapping.select("municipality_code_2008", "region", "region_type"), { on: "municipality_code_2008", how: "inner" });
  const agg = joined.groupBy(["region", "region_type", "year"]).agg(e.present, ...e.sums);
  // municipalities the mapping expects in each region-year that has rows, minus those present
  const expected = mapping.select("region", "municipality_code_2008").join(agg.select("region", "year"), { on: "region", how: "inner" });
  const missing = expected
    .join(joined.select("municipality_code_2008", "year"), { on: ["municipality_code_2008", "year"], how: "anti" })
    .sort("municipality_code_2008")
    .groupBy(["region", "year"])
    .agg(e.missingList)
    .withColumns(e.missing)
    .select("region", "year", "missing");
  return agg
    .join(sizes, { on: "region", how: "left" })
    .join(missing, { on: ["region", "year"], how: "left" })
    .withColumns(...e.complete)
    .select("region", "region_type", "year", "municipalities_present", "municipalities_total", "complete", "missing", ...COUNTS)
    .sort(["region", "year"]);
}
