/**
 * The report's growth typology (§3.4): regions by the sign of their
 * population change and job change over a period.
 *
 *   type 1  population +, jobs +   growth region ("vekstregion")
 *   type 2  population +, jobs −   population growth with job loss
 *   type 3  population −, jobs +   thinning region with job growth ("uttynningsregion med vekst i arbeidsplasser")
 *   type 4  population −, jobs −   thinning region with job loss
 */
import * as pl from "nodejs-polars";
import { IndicatorInputError } from "../data/errors";
import { cachedExprs, keyOf } from "./exprCache";
import { checkNumericColumn } from "./keyChecks";

export interface ClassifyGrowthOptions {
  populationChange: string;
  jobChange: string;
  /** How a change of exactly 0 counts; default "unclassified" (type null). */
  zeroAs?: "growth" | "decline" | "unclassified";
}

export const GROWTH_TYPE_LABELS: Record<number, string> = {
  1: "growth: population and jobs up",
  2: "population up, jobs down",
  3: "thinning: population down, jobs up",
  4: "thinning: population and jobs down",
};

function typeExpr(p: string, j: string, zero: NonNullable<ClassifyGrowthOptions["zeroAs"]>): pl.Expr {
  const up = (c: string): pl.Expr => (zero === "growth" ? pl.col(c).gtEq(0) : pl.col(c).gt(0));
  const down = (c: string): pl.Expr => (zero === "decline" ? pl.col(c).ltEq(0) : pl.col(c).lt(0));
  // NaN is a missing change (polars orders NaN above every number: NaN > 0 would read as growth)
  const nan = (c: string): pl.Expr => pl.col(c).cast(pl.Float64).isNan();
  return pl
    .when(nan(p).or(nan(j)))
    .then(pl.lit(null))
    .when(up(p).and(up(j)))
    .then(pl.lit(1))
    .when(up(p).and(down(j)))
    .then(pl.lit(2))
    .when(down(p).and(up(j)))
    .then(pl.lit(3))
    .when(down(p).and(down(j)))
    .then(pl.lit(4))
    .otherwise(pl.lit(null))
    .cast(pl.Int64)
    .alias("growth_type");
}

let labels: pl.DataFrame | undefined;
/** growth_type → growth_type_label (built once). */
function labelFrame(): pl.DataFrame {
  return (labels ??= pl.DataFrame({
    growth_type: pl.Series("growth_type", [1, 2, 3, 4], pl.Int64),
    growth_type_label: [1, 2, 3, 4].map((k) => GROWTH_TYPE_LABELS[k]!),
  }));
}

/**
 * Adds `growth_type` (1–4, null when a change is missing (null or NaN) or, by default, exactly 0)
 * and `growth_type_label`; other columns are kept, row order unchanged.
 * @example
 * classifyGrowth(df, { populationChange: "pop_pct", jobChange: "jobs_pct" });
 */
export function classifyGrowth(df: pl.DataFrame, opts: ClassifyGrowthOptions): pl.DataFrame {
  const { populationChange: p, jobChange: j } = opts;
  for (const c of [p, j]) {
    if (!df.columns.includes(c)) throw new IndicatorInputError("classifyGrowth", `column '${c}' not found`);
    checkNumericColumn("classifyGrowth", df, c);
  }
  const zero = opts.zeroAs ?? "unclassified";
  const type = cachedExprs("classifyGrowth", keyOf(p, j, zero), () => typeExpr(p, j, zero));
  return df.withColumns(type).withRowIndex("__row").join(labelFrame(), { on: "growth_type", how: "left" }).sort("__row").drop("__row");
}
