/**
 * Municipal series summed to regions (or region types) under a mapping.
 */
import * as pl from "nodejs-polars";
import { IndicatorInputError } from "../data/errors";
import { sumBy } from "../indicators/aggregate";
import { followsFromTarget, toRegionsLarge } from "./aggregateLarge";
import { toRegionsSmall, wholeRegionsSmall } from "./aggregateSmall";

export interface ToRegionsOptions {
  /** Column of `df` with the municipality code (default: `municipality_code_2008`, or `municipality_code_2024` when only that is present). */
  municipality?: string;
  /** Mapping column to sum to: `region` (default), `region_type` or `krd_type`. */
  to?: string;
  /** Column to sum (default `value`). */
  value?: string;
  /** Further key columns kept (default `["year"]`). */
  keep?: string[];
}

/**
 * Σ value per mapped unit. Every municipality of `df` must be in the mapping
 * (no silent drop); rows whose target is null (e.g. an unknown KRD type) are
 * summed under null and can be filtered by the caller.
 * @remarks
 * A region's value is the sum over the municipalities the mapping assigns to it:
 *
 * $$X_r = \sum_{m:\ \mathrm{map}(m) = r} x_m$$
 *
 * Every municipality must be in the mapping (none is dropped silently). Rates and growth are computed after summing (a
 * region's growth is not the mean of its municipalities' growth rates). Results depend on the mapping — the modifiable
 * areal unit problem: its scale effect (how many regions) and its zoning effect (where their borders run).
 *
 * References: Gehlke, C. E. & Biehl, K. (1934). Certain effects of grouping upon the size of the correlation coefficient
 * in census tract material. *Journal of the American Statistical Association* 29(185A), 169–170. Openshaw, S. (1984).
 * *The Modifiable Areal Unit Problem*. Concepts and Techniques in Modern Geography 38. Norwich: Geo Books.
 * Fotheringham, A. S. & Wong, D. W. S. (1991). The modifiable areal unit problem in multivariate statistical analysis.
 * *Environment and Planning A* 23(7), 1025–1044.
 * @returns `<to>, ...keep, value` sorted; for `to = "region"` also `region_type` (and `report_region` when the mapping has it).
 * @example
 * toRegions(population, loadMapping("report13")); // region, region_type, year, value
 */
export function toRegions(df: pl.DataFrame, mapping: pl.DataFrame, opts: ToRegionsOptions = {}): pl.DataFrame {
  const muni = opts.municipality ?? municipalityColumn(df);
  const code = municipalityColumn(mapping);
  const to = opts.to ?? "region";
  const value = opts.value ?? "value";
  const keep = opts.keep ?? ["year"];
  const extra = to === "region" ? ["region_type", ...(mapping.columns.includes("report_region") ? ["report_region"] : [])] : [];
  for (const [frame, c, what] of [[df, muni, "the data"], [mapping, code, "the mapping"]] as const)
    if (!frame.columns.includes(c)) throw new IndicatorInputError("toRegions", `column '${c}' not found in ${what}`);
  // SSB's codes are text ("0403"): a numeric column would lose the leading zero and cannot be joined with text
  const [dataType, mapType] = [df.getColumn(muni).dtype, mapping.getColumn(code).dtype];
  if (dataType.variant !== mapType.variant)
    throw new IndicatorInputError("toRegions", `municipality codes are ${dataType.variant} in the data ('${muni}') but ${mapType.variant} in the mapping ('${code}'): cast both to text (codes such as "0403" keep their leading zero)`);
  // large frames: the text coded by polars, one typed-array pass, the whole-region check in it (aggregateLarge.ts),
  // when the result is sure to be the general path's; refusals and the rest below
  const large = toRegionsLarge(df, mapping, { muni, code, to, value, keep, extra });
  if (large) return large;
  checkWholeRegions(df, mapping, { muni, code, to, keep });
  // small frames in plain TypeScript (aggregateSmall.ts); refusals and the rest here
  const small = toRegionsSmall(df, mapping, { muni, code, to, value, keep, extra });
  if (small) return small;
  const map = mapping.select(pl.col(code).alias(muni), to, ...extra);
  const unmapped = df.select(muni).join(map, { on: muni, how: "anti" });
  if (unmapped.height > 0) {
    throw new IndicatorInputError("toRegions", `municipality ${String(unmapped.getColumn(muni).get(0))} is not in the mapping`);
  }
  if (extra.length && followsFromTarget(map, to, extra, keep)) {
    // region_type (and report_region) follow from the region: sum by the region alone, then add them (one key less
    // to group and sort by, and one text column joined to the rows instead of three); the order is the same
    const joined = df.select(muni, ...keep, value).join(map.select(muni, to), { on: muni, how: "left" });
    const sums = sumBy(joined, { by: [to, ...keep], value, keys: [muni, ...keep] });
    return sums.join(map.select(to, ...extra).unique(), { on: to, how: "left" }).select(to, ...extra, ...keep, value);
  }
  const joined = df.select(muni, ...keep, value).join(map, { on: muni, how: "left" });
  return sumBy(joined, { by: [to, ...extra, ...keep], value, keys: [muni, ...keep] });
}

/**
 * A region is summed only whole: every municipality the mapping assigns to it must be in the data in each year summed
 * (a region the data does not touch at all is simply absent, e.g. one left out by `completeFor`). Summing to region
 * types, the unit that must be whole is still the region (a type is the sum of the whole regions given). Presence is
 * judged per `year` when it is kept — not per sector or other keys, where a long frame may leave out zeros.
 * @throws IndicatorInputError naming the region, the year and a municipality missing from it
 */
function checkWholeRegions(df: pl.DataFrame, mapping: pl.DataFrame, opts: { muni: string; code: string; to: string; keep: string[] }): void {
  if (!mapping.columns.includes(opts.to)) return; // the refusal comes from the join below, as before
  const o = { ...opts, to: mapping.columns.includes("region") ? "region" : opts.to };
  const per = o.keep.includes("year") && df.columns.includes("year") ? ["year"] : [];
  if (wholeRegionsSmall(df, mapping, { muni: o.muni, code: o.code, to: o.to, per })) return; // small frames in plain TypeScript
  // a mapping row without a code names no municipality (no data row can match it): not a member
  const members = mapping
    .filter(pl.col(o.to).isNotNull().and(pl.col(o.code).isNotNull()))
    .select(pl.col(o.code).alias(o.muni), pl.col(o.to).alias("__target"))
    .unique();
  const need = members.groupBy("__target").agg(pl.len().alias("__need"));
  const partial = df
    .select(o.muni, ...per)
    .unique()
    .join(members, { on: o.muni, how: "inner" })
    .groupBy(["__target", ...per])
    .agg(pl.len().alias("__have"))
    .join(need, { on: "__target", how: "left" })
    .filter(pl.col("__have").lt(pl.col("__need")))
    .sort(["__target", ...per]);
  if (partial.height === 0) return;
  const region = partial.getColumn("__target").get(0);
  const year = per.length ? partial.getColumn("year").get(0) : undefined;
  const present = (per.length ? df.filter(pl.col("year").eq(pl.lit(year))) : df).select(o.muni);
  const missing = members.filter(pl.col("__target").eq(pl.lit(region))).join(present, { on: o.muni, how: "anti" }).sort(o.muni);
  throw new IndicatorInputError(
    "toRegions",
    `${o.to} '${String(region)}' lacks municipality ${String(missing.getColumn(o.muni).get(0))}${year !== undefined ? ` in ${String(year)}` : ""}: the sum of part of a region is not its value (leave the region out, or complete the data)`,
  );
}

/**
 * The municipality code column of a series or a mapping: `municipality_code_2008` (the report's 48, 2008 codes) when
 * present, else `municipality_code_2024` (the national series and the mappings of any area), else `municipality_code_2008`.
 * @example
 * municipalityColumn(loadNationalPopulation().municipalities); // "municipality_code_2024"
 */
export function municipalityColumn(df: pl.DataFrame): string {
  if (df.columns.includes("municipality_code_2008")) return "municipality_code_2008";
  return df.columns.includes("municipality_code_2024") ? "municipality_code_2024" : "municipality_code_2008";
}
