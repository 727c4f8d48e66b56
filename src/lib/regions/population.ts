/**
 * Region population for any years of a municipal population series (e.g. SSB 07459,
 * 1 January 1992–2026) under a region mapping, and its change between two years — so that a
 * finding can use the report's own period (1 Jan 1998 → 1 Jan 2008) or a later one.
 *
 * change_pct = 100 · (P_to − P_from) / P_from
 * annual_pct = 100 · ((P_to / P_from)^(1 / (to − from)) − 1)   (mean yearly growth, compounded)
 */
import * as pl from "nodejs-polars";
import { IndicatorInputError } from "../data/errors";
import { growthRate } from "../indicators/growth";
import { municipalityColumn, toRegions } from "./aggregate";

/** The mapping columns a series can be summed to. */
export type RegionUnit = "region" | "region_type" | "krd_type";

export interface RegionPopulationOptions {
  /** The years (1 January) wanted; each must be in the series for every municipality. */
  years: readonly number[];
  /** Sum to `region` (default), `region_type` or `krd_type`. */
  to?: RegionUnit;
  /** Column of the series with the municipality code (default `municipality_code_2008`, or `municipality_code_2024` when only that is present). */
  municipality?: string;
}

/**
 * Population per region (or region type) in the given years.
 * @param pop municipal series: `<municipality>, year, value` (e.g. loadMunicipalPopulation1992To2026())
 * @param mapping a region mapping (loadMapping(...)): `municipality_code_2008, region, region_type, …`
 * @returns `<to>, [region_type, report_region], year, value` (value Float64), sorted
 * @throws IndicatorInputError when a year is not in the series or a municipality lacks it
 * @example
 * regionPopulationAt(loadMunicipalPopulation1992To2026(), loadMapping("report13"), { years: [1998, 2008] });
 * // region, region_type, report_region, year, value — 2 rows per region
 */
export function regionPopulationAt(pop: pl.DataFrame, mapping: pl.DataFrame, opts: RegionPopulationOptions): pl.DataFrame {
  const fn = "regionPopulationAt";
  const muni = opts.municipality ?? municipalityColumn(pop);
  for (const c of [muni, "year", "value"]) {
    if (!pop.columns.includes(c)) throw new IndicatorInputError(fn, `column '${c}' not found (columns: ${pop.columns.join(", ")})`);
  }
  if (opts.years.length === 0) throw new IndicatorInputError(fn, "no years asked for");
  const have = (pop.getColumn("year").toArray() as number[]).filter((y) => y !== null);
  const first = Math.min(...have);
  const last = Math.max(...have);
  const wanted = [...new Set(opts.years)].sort((a, b) => a - b);
  const municipalities = pop.select(muni).unique();
  for (const y of wanted) {
    const inYear = pop.filter(pl.col("year").eq(pl.lit(y))).select(muni);
    if (inYear.height === 0) throw new IndicatorInputError(fn, `year ${y} is not in the series (it covers ${first}–${last})`);
    const lacking = municipalities.join(inYear, { on: muni, how: "anti" }).sort(muni);
    if (lacking.height > 0) throw new IndicatorInputError(fn, `municipality ${String(lacking.getColumn(muni).get(0))} has no value for ${y}`);
  }
  const rows = pop.filter(pl.col("year").isIn(wanted));
  return toRegions(rows, mapping, { municipality: muni, to: opts.to ?? "region" });
}

export interface RegionChangeOptions {
  from: number;
  to: number;
  /** Unit (default `region`). */
  by?: RegionUnit;
  municipality?: string;
}

/**
 * Population change per region (or region type) between two years.
 * @returns `<by>, [region_type, report_region], value_from, value_to, change, change_pct, annual_pct`, sorted by `<by>`
 * @throws IndicatorInputError when `to` ≤ `from`, or a year is missing (see regionPopulationAt)
 * @example
 * regionPopulationChange(pop, loadMapping("report13"), { from: 1998, to: 2008, by: "region_type" });
 * // city: value_from 260 957, value_to 267 868, change_pct 2.65, annual_pct 0.26
 */
export function regionPopulationChange(pop: pl.DataFrame, mapping: pl.DataFrame, opts: RegionChangeOptions): pl.DataFrame {
  const { from, to } = opts;
  if (!(to > from)) throw new IndicatorInputError("regionPopulationChange", `'to' (${to}) must be after 'from' (${from})`);
  const by: string = opts.by ?? "region";
  const at = regionPopulationAt(pop, mapping, { years: [from, to], to: opts.by ?? "region", municipality: opts.municipality });
  const labels: pl.DataFrame = at.drop("year", "value").unique().sort(by);
  const growth: pl.DataFrame = growthRate(at, { region: by, time: "year", value: "value", from, to }).withColumns(
    pl
      .col("value_to")
      .div(pl.col("value_from"))
      .pow(1 / (to - from))
      .sub(1)
      .mul(100)
      .alias("annual_pct"),
  );
  return labels.join(growth, { on: by, how: "left" }).sort(by);
}

/** One period of {@link changeThenAndSince}: two 1 Januaries and the label its columns carry. */
export interface LabelledPeriod {
  from: number;
  to: number;
  /** Used in the column names: `change_<label>_pct`, `yearly_<label>_pct`. */
  label: string;
}

/**
 * Population change per region (or region type) over two periods, side by side — e.g. the report's
 * period and the years since. Per unit: the population at the start of the first period and at the
 * end of the second, and each period's change and compounded yearly rate (see regionPopulationChange).
 * @param pop municipal series: `municipality_code_2008, year, value` (e.g. loadMunicipalPopulation1992To2026())
 * @param mapping a region mapping (loadMapping(...)): `municipality_code_2008, region, region_type, …`
 * @param by sum to `region`, `region_type` or `krd_type`
 * @param first the earlier period, e.g. the report's (its start gives the `pop_` column)
 * @param second the later period (its end gives the other `pop_` column)
 * @returns `region, region_type` (or the unit alone), `pop_<first.from>, change_<first>_pct, yearly_<first>_pct,
 *   pop_<second.to>, change_<second>_pct, yearly_<second>_pct`; regions sorted by type, then name
 * @throws IndicatorInputError as regionPopulationChange, or when the two labels (or the first start and the second end) are the same
 * @example
 * changeThenAndSince(pop, loadMapping("report13"), "region_type", { from: 1998, to: 2008, label: "then" }, { from: 2008, to: 2026, label: "since" });
 * // region_type, pop_1998, change_then_pct, yearly_then_pct, pop_2026, change_since_pct, yearly_since_pct
 */
export function changeThenAndSince(
  pop: pl.DataFrame,
  mapping: pl.DataFrame,
  by: RegionUnit,
  first: LabelledPeriod,
  second: LabelledPeriod,
): pl.DataFrame {
  const fn = "changeThenAndSince";
  if (first.label === second.label) throw new IndicatorInputError(fn, `the two periods need different labels, both are '${first.label}'`);
  if (first.from === second.to) throw new IndicatorInputError(fn, `the first period's start and the second's end are both ${first.from}`);
  const keys = by === "region" ? ["region", "region_type"] : [by];
  const part = (p: LabelledPeriod, popColumn: "value_from" | "value_to", year: number, withKeys: string[]) =>
    regionPopulationChange(pop, mapping, { from: p.from, to: p.to, by }).select(
      ...withKeys,
      pl.col(popColumn).alias(`pop_${year}`),
      pl.col("change_pct").alias(`change_${p.label}_pct`),
      pl.col("annual_pct").alias(`yearly_${p.label}_pct`),
    );
  const then = part(first, "value_from", first.from, keys);
  const since = part(second, "value_to", second.to, [by]);
  return then.join(since, { on: by }).sort([...keys].reverse());
}
