/**
 * Where innovating firms find their cooperation partners (SSB's innovation survey, e.g. 2004–06):
 * each published row (county, economic region, Norway) becomes a unit whose weight is its number of
 * cooperating innovators and whose shares by partner area — own region, rest of Norway, abroad — are
 * known only to SSB's whole percent.
 *
 * cooperating innovators = firms × (% innovating / 100) × (% of innovators cooperating / 100)
 * A group's share with partners in an area = Σ weight · share / Σ weight over its units, kept as the
 * exact [low, high] the printed rounding allows (weightedMeanBounds).
 */
import * as pl from "nodejs-polars";
import { IndicatorInputError } from "../data/errors";
import { roundingBounds, weightedMeanBounds, type Bounds } from "../stats/bounds";

/** The survey table's column for the share of cooperating innovators with partners in each area (%). */
export const PARTNER_AREA_COLUMNS = {
  local: "pct_cooperators_local_regional",
  rest: "pct_cooperators_rest_of_norway",
  abroad: "pct_cooperators_abroad",
} as const;
export type PartnerArea = keyof typeof PARTNER_AREA_COLUMNS;
const AREAS = Object.keys(PARTNER_AREA_COLUMNS) as PartnerArea[];

/** One published row of the survey as a unit of cooperation shares. */
export interface CooperationUnit {
  /** `area_name` of the row. */
  name: string;
  /** `region_type` of the row ("" when the frame has none, e.g. a county or Norway). */
  type: string;
  firms: number;
  /** Cooperating innovators at SSB's printed percentages. */
  cooperators: number;
  /** Cooperating innovators at the low and high ends of the printed percentages (each ± 0.5). */
  weight: Bounds;
  /** Share with partners in each area as [low, high] (printed ± 0.5, within 0–100); null where SSB did not publish it. */
  shares: Record<PartnerArea, Bounds | null>;
  /** SSB's printed shares (null where not published). */
  printed: Record<PartnerArea, number | null>;
}

const REQUIRED = ["area_name", "firms_in_population", "pct_product_or_process", "pct_innovators_cooperating", ...Object.values(PARTNER_AREA_COLUMNS)];

/**
 * The rows of a survey frame as cooperation units; rows whose % of innovators cooperating is not
 * published are left out (never read as 0), and an unpublished area share leaves the unit out of that area only.
 * @throws IndicatorInputError when a column is missing, or a kept row lacks its firm count or innovation rate
 * @example
 * const units = cooperationUnits(loadInnovation2006().filter(pl.col("area_code").eq(pl.lit("0"))));
 * units[0].cooperators; // Norway's cooperating innovators at the printed percentages
 */
export function cooperationUnits(df: pl.DataFrame): CooperationUnit[] {
  const fn = "cooperationUnits";
  for (const c of REQUIRED)
    if (!df.columns.includes(c)) throw new IndicatorInputError(fn, `column '${c}' not found (columns: ${df.columns.join(", ")})`);
  const hasType = df.columns.includes("region_type");
  const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
  const bounds = (v: number | null): Bounds | null => (v === null ? null : roundingBounds(v, { min: 0, max: 100 }));
  return df
    .filter(pl.col("pct_innovators_cooperating").isNotNull())
    .toRecords()
    .map((r) => {
      const [firms, inn, coop] = [num(r["firms_in_population"]), num(r["pct_product_or_process"]), num(r["pct_innovators_cooperating"])];
      if (firms === null || inn === null || coop === null)
        throw new IndicatorInputError(fn, `${String(r["area_name"])}: firm count or innovation rate not published`);
      const [innB, coopB] = [roundingBounds(inn, { min: 0, max: 100 }), roundingBounds(coop, { min: 0, max: 100 })];
      const printed = Object.fromEntries(AREAS.map((a) => [a, num(r[PARTNER_AREA_COLUMNS[a]])])) as Record<PartnerArea, number | null>;
      return {
        name: String(r["area_name"]),
        type: hasType && r["region_type"] !== null ? String(r["region_type"]) : "",
        firms,
        cooperators: (firms * inn * coop) / 1e4,
        weight: [(firms * innB[0] * coopB[0]) / 1e4, (firms * innB[1] * coopB[1]) / 1e4] as const,
        shares: Object.fromEntries(AREAS.map((a) => [a, bounds(printed[a])])) as Record<PartnerArea, Bounds | null>,
        printed,
      };
    });
}

/**
 * The share of a group's cooperating innovators with partners in `area`, as exact bounds over the rounding
 * (units without a published share for that area stay out).
 * @param opts.type only the units of this region type
 * @throws IndicatorInputError when no unit is left
 * @param units from cooperationUnits(...)
 * @param area "local" (own region), "rest" (rest of Norway) or "abroad"
 * @example
 * const units = cooperationUnits(survey); // survey: the columns cooperationUnits names, one row per area
 * // two synthetic rows: A (city) 100 firms, 50 % innovating, 40 % cooperating, 30 % of them with local partners;
 * // B (small_town) 200 firms, 25 %, 20 %, 60 % local → weights 20 and 10 cooperating innovators
 * partnerAreaShare(units, "local"); // [39.05…, 40.95…] (40 at the printed values)
 * partnerAreaShare(units, "local", { type: "small_town" }); // B alone: [59.5, 60.5]
 */
export function partnerAreaShare(units: readonly CooperationUnit[], area: PartnerArea, opts: { type?: string } = {}): Bounds {
  const members = units.filter((u) => u.shares[area] !== null && (opts.type === undefined || u.type === opts.type));
  if (members.length === 0) throw new IndicatorInputError("partnerAreaShare", `no ${opts.type ?? ""} unit left with a published '${area}' share`);
  return weightedMeanBounds(members.map((u) => ({ rate: u.shares[area]!, weight: u.weight })));
}

/**
 * The same units read at SSB's printed values: weights and shares as exact figures (the reading without rounding).
 * @example
 * partnerAreaShare(cooperationAtPrinted(units), "local"); // rows A and B of partnerAreaShare's example: [40, 40]
 */
export function cooperationAtPrinted(units: readonly CooperationUnit[]): CooperationUnit[] {
  const exact = (v: number | null): Bounds | null => (v === null ? null : [v, v]);
  return units.map((u) => ({
    ...u,
    weight: [u.cooperators, u.cooperators] as const,
    shares: Object.fromEntries(AREAS.map((a) => [a, exact(u.printed[a])])) as Record<PartnerArea, Bounds | null>,
  }));
}

/**
 * What a comparison rests on, for a finding's note: the cooperating innovators per region type (or per unit
 * where there is no type), at the printed percentages.
 * @example
 * cooperatorsBasis(units); // rows A and B of partnerAreaShare's example: "city: ≈ 20.0 cooperating innovators; small_town: ≈ 10.0 cooperating innovators"
 */
export function cooperatorsBasis(units: readonly CooperationUnit[]): string {
  const group = (u: CooperationUnit) => u.type || u.name;
  return [...new Set(units.map(group))]
    .map(
      (g) =>
        `${g}: ≈ ${units
          .filter((u) => group(u) === g)
          .reduce((a, u) => a + u.cooperators, 0)
          .toFixed(1)} cooperating innovators`,
    )
    .join("; ");
}
