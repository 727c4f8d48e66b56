/**
 * Shift-share decompositions of employment change in a region's sectors
 * against a reference (a named region such as the country, or the sum of all
 * regions given).
 *
 * Classic (Dunn 1960), for region r, sector i, from t0 to t1, e = employment:
 *   g    = E_R(t1) / E_R(t0) − 1           reference total growth (over the sectors given)
 *   g_i  = E_Ri(t1) / E_Ri(t0) − 1         reference growth of sector i
 *   national       = e_ri(t0) · g
 *   industry_mix   = e_ri(t0) · (g_i − g)   structural effect
 *   regional_share = actual − national − industry_mix = e_ri(t0) · (r_i − g_i)   competitive effect
 *   actual         = e_ri(t1) − e_ri(t0)
 *
 * Esteban-Marquillas (1972) splits the competitive effect with the
 * homothetic employment e*_ri = e_r(t0) · E_Ri(t0) / E_R(t0) (the region's
 * total spread like the reference):
 *   competitive_homothetic = e*_ri · (r_i − g_i)
 *   allocation             = (e_ri(t0) − e*_ri) · (r_i − g_i)
 * so national + industry_mix + competitive_homothetic + allocation = actual.
 *
 * One query: both years filtered, fully joined on (region, sector), the
 * reference's sums as windows (`over`). The input checks are read off the
 * joined frame (nulls, negative or non-finite amounts, equal neighbours in key
 * order); the full checks, which throw the precise error, run only when
 * something is wrong.
 */
import * as pl from "nodejs-polars";
import { IndicatorInputError } from "../data/errors";
import { checkNumericColumn, checkReferenceKey } from "./keyChecks";
import { NUMERIC, checkLongFrame, sqlName, sqlSelect, sqlText } from "./validate";

export interface ShiftShareOptions {
  region: string;
  sector: string;
  time: string;
  value: string;
  /** Start year; must be before `to`. */
  from: number;
  to: number;
  /** Value of `region` whose growth is the benchmark; omit to use the sum of all regions. */
  reference?: string;
}

const FN = "shiftShare";
const DUNN_COLUMNS = ["region", "sector", "value_from", "value_to", "national", "industry_mix", "regional_share", "actual"];
const EM_COLUMNS = [...DUNN_COLUMNS.slice(0, -1), "homothetic", "competitive_homothetic", "allocation", "actual"];

/*
 * Expressions over the joined frame's fixed columns (region, sector,
 * value_from, value_to, and __ref: the row is the named reference's), built
 * once per process: each nodejs-polars expression costs a JS wrapper.
 */
const F = pl.col("value_from");
const T = pl.col("value_to");
const REGION = pl.col("region");
const SECTOR = pl.col("sector");
const NOT_REF = pl.col("__ref").not();
const KEYS = [REGION, SECTOR];
// the join takes expressions too (its typing says names only); names would each become a new expression
const JOIN_ON = KEYS as unknown as string[];
// a named reference's rows (flagged on both sides of the join: a gap leaves one side null)
const REF = pl.col("__ref").fillNull(pl.col("__ref_to")).alias("__ref");
/** Signs of bad input in the joined frame: null keys, gaps (a year missing, or a null amount), negative or non-finite amounts, duplicates. */
const INPUT_CHECKS = [
  REGION.nullCount().add(SECTOR.nullCount()).alias("null_keys"),
  F.nullCount().add(T.nullCount()).alias("gaps"),
  pl.minHorizontal([F.min(), T.min()]).alias("min"),
  F.sum().add(T.sum()).alias("sum"),
  REGION.eq(REGION.shift(1))
    .and(SECTOR.eq(SECTOR.shift(1)))
    .any()
    .alias("dup"),
];
const GAP = F.isNull().or(T.isNull());

interface Plan {
  /** Column groups, each computed from the ones before. */
  stages: pl.Expr[][];
  checks: pl.Expr[];
}
const plans = new Map<string, Plan>();
/** The component columns and the reference checks, for a named reference or all regions, Dunn or Esteban-Marquillas. */
function plan(named: boolean, em: boolean): Plan {
  const id = `${named}${em}`;
  const cached = plans.get(id);
  if (cached) return cached;
  const rf = named ? pl.when(pl.col("__ref")).then(F).otherwise(pl.lit(0)) : F;
  const rt = named ? pl.when(pl.col("__ref")).then(T).otherwise(pl.lit(0)) : T;
  const refFrom = rf.sum();
  const gi = rt.sum().over("sector").div(rf.sum().over("sector")).sub(1);
  const g = rt.sum().div(refFrom).sub(1);
  const growth = [rf.sum().over("sector").alias("__rf"), gi.alias("__gi"), g.alias("__g")];
  const G = pl.col("__g");
  const dunn = [F.mul(G).alias("national"), F.mul(pl.col("__gi").sub(G)).alias("industry_mix"), T.sub(F).alias("actual")];
  const regional = pl.col("actual").sub(pl.col("national")).sub(pl.col("industry_mix")).alias("regional_share");
  const p: Plan = { stages: [], checks: [] };
  // the output's rows: every region but a named reference
  const out = (e: pl.Expr): pl.Expr => (named ? NOT_REF.and(e) : e);
  p.checks = [
    ...INPUT_CHECKS,
    (named ? pl.col("__ref").any() : pl.lit(true)).alias("ref_found"),
    refFrom.alias("ref_from"),
    out(pl.col("__rf").eq(0)).any().alias("ref_lacks"),
    out(F.eq(0)).any().alias("zero_from"),
  ];
  if (!em) {
    p.stages = [growth, dunn, [regional]];
  } else {
    const homothetic = F.sum().over("region").mul(pl.col("__rf").div(refFrom)).alias("homothetic");
    const diff = T.div(F).sub(1).sub(pl.col("__gi")).alias("__diff");
    const h = pl.col("homothetic");
    const d = pl.col("__diff");
    p.stages = [growth, [...dunn, homothetic, diff], [regional, h.mul(d).alias("competitive_homothetic"), F.sub(h).mul(d).alias("allocation")]];
  }
  plans.set(id, p);
  return p;
}

/** Both years side by side, sorted by region and sector, with the components; `__ref` marks a named reference's rows. */
function compute(df: pl.DataFrame, opts: ShiftShareOptions, em: boolean): pl.DataFrame {
  const { region, sector, time, value, from, to, reference } = opts;
  if (!(Number.isFinite(from) && Number.isFinite(to) && from < to)) {
    throw new IndicatorInputError(em ? "shiftShareEM" : FN, `'from' (${from}) must be before 'to' (${to}), both finite`);
  }
  for (const c of [region, sector, time, value]) if (!df.columns.includes(c)) throw new IndicatorInputError(FN, `column '${c}' not found`);
  const fnName = em ? "shiftShareEM" : FN;
  checkReferenceKey(fnName, df, region, reference);
  checkNumericColumn(fnName, df, time, { what: "the time" });
  const q = sqlName;
  const isRef = reference === undefined ? "FALSE" : `${q(region)} = ${sqlText(reference)}`;
  const year = (y: number, name: string, ref: string): pl.LazyDataFrame =>
    sqlSelect(
      df,
      [`${q(region)} AS region`, `${q(sector)} AS sector`, `CAST(${q(value)} AS DOUBLE) AS ${name}`, `${isRef} AS ${ref}`],
      `${q(time)} = ${y}`,
    );
  // only the two years enter the decomposition: the full checks look at those rows
  const fullChecks = (): void => {
    const twoYears = df.filter(pl.col(time).isIn([from, to]));
    checkLongFrame(FN, twoYears.height ? twoYears : df, [region, sector, time], value);
  };
  if (!NUMERIC.has(df.dtypes[df.columns.indexOf(value)]!.variant)) fullChecks();
  const p = plan(reference !== undefined, em);
  const joined = year(from, "value_from", "__ref")
    .join(year(to, "value_to", "__ref_to"), { on: JOIN_ON, how: "full", coalesce: true })
    .withColumns(REF)
    .sort(KEYS);
  const wide = p.stages.reduce((q, stage) => q.withColumns(...stage), joined).collectSync();
  const [nullKeys, gaps, min, sum, dup, found, refFrom, lacks, zeroFrom] = wide.select(...p.checks).row(0) as [
    number,
    number,
    number | null,
    number | null,
    boolean,
    boolean,
    number,
    boolean,
    boolean,
  ];
  if (wide.height === 0 || nullKeys > 0 || gaps > 0 || (min ?? 0) < 0 || !Number.isFinite(sum ?? 0) || dup) fullChecks();
  if (gaps > 0) {
    const r = wide.filter(GAP).head(1).toRecords()[0]!;
    throw new IndicatorInputError(FN, `${String(r["region"])} / ${String(r["sector"])} lacks ${time} ${from} or ${to}`);
  }
  if (!found) throw new IndicatorInputError(FN, `reference region '${reference}' not found`);
  if (!refFrom) throw new IndicatorInputError(FN, `the reference has 0 employment in ${from}`);
  const rows = reference === undefined ? wide : wide.filter(NOT_REF);
  if (lacks) {
    const bad = rows.filter(pl.col("__rf").eq(0)).getColumn("sector").get(0);
    throw new IndicatorInputError(FN, `the reference has no employment in sector '${String(bad)}' in ${from}`);
  }
  if (em && zeroFrom) {
    const r = rows.filter(F.eq(0)).head(1).toRecords()[0]!;
    throw new IndicatorInputError(
      "shiftShareEM",
      `${String(r["region"])} / ${String(r["sector"])} has 0 employment in ${from}: its growth rate is undefined`,
    );
  }
  const out = rows.select(...(em ? EM_COLUMNS : DUNN_COLUMNS));
  const rename = names(opts);
  return Object.keys(rename).length ? out.rename(rename) : out;
}

/** The caller's key column names for the output. */
function names(opts: ShiftShareOptions): Record<string, string> {
  const m: Record<string, string> = {};
  if (opts.region !== "region") m["region"] = opts.region;
  if (opts.sector !== "sector") m["sector"] = opts.sector;
  return m;
}

/**
 * Classic (Dunn) shift-share.
 * @remarks
 * Classic shift-share (Dunn 1960) of the change of employment e in sector i of region r from $t_0$ to $t_1$ against a
 * reference R (a named region such as the country, or the sum of all regions given). Write $e_{ri}(t)$ for the region's
 * employment in sector i at time t, $E_R(t)$ for the reference's total employment and $E_{Ri}(t)$ for the reference's
 * employment in sector i. With the reference's total growth
 * $g = E_R(t_1) / E_R(t_0) - 1$, its growth in sector i $g_i = E_{Ri}(t_1) / E_{Ri}(t_0) - 1$ and the region's own
 * $r_i = e_{ri}(t_1) / e_{ri}(t_0) - 1$:
 *
 * $$\text{actual} = e_{ri}(t_1) - e_{ri}(t_0) = \text{national} + \text{industry mix} + \text{regional share}$$
 *
 * $$\text{national} = e_{ri}(t_0) \cdot g$$
 *
 * $$\text{industry mix} = e_{ri}(t_0) \cdot (g_i - g)$$
 *
 * $$\text{regional share} = e_{ri}(t_0) \cdot (r_i - g_i)$$
 *
 * References: Dunn, E. S. (1960). A statistical and analytical technique for regional analysis. *Papers and
 * Proceedings of the Regional Science Association* 6, 97–112. Loveridge, S. & Selting, A. C. (1998). A review and
 * comparison of shift-share identities. *International Regional Science Review* 21(1), 37–58.
 * @returns `region, sector, value_from, value_to, national, industry_mix, regional_share, actual`
 *   for every region but a named reference, sorted by region and sector.
 * @throws IndicatorInputError when `from` is not before `to`, a (region, sector) lacks a year, or the
 *   reference is missing or has 0 employment in a sector at the start.
 * @example
 * shiftShare(df, { region: "region", sector: "sector", time: "year", value: "value", from: 1995, to: 2000, reference: "Norway" });
 */
export function shiftShare(df: pl.DataFrame, opts: ShiftShareOptions): pl.DataFrame {
  return compute(df, opts, false);
}

/**
 * Esteban-Marquillas shift-share: the Dunn columns plus `homothetic`,
 * `competitive_homothetic` and `allocation` (which add up to `regional_share`).
 * @remarks
 * Esteban-Marquillas (1972) split the regional share with the *homothetic* employment (what the region would employ in the sector if its
 * jobs were split across sectors like the reference's)
 * $e^{\ast}_{ri} = e_r(t_0) \cdot E_{Ri}(t_0) / E_R(t_0)$ — the region's total spread over the sectors like the reference's:
 *
 * $$\text{regional share} = \underbrace{e^{\ast}_{ri} \cdot (r_i - g_i)}_{\text{competitive (homothetic)}} + \underbrace{(e_{ri}(t_0) - e^{\ast}_{ri}) \cdot (r_i - g_i)}_{\text{allocation}}$$
 *
 * so national + industry mix + competitive + allocation = actual. The allocation effect is positive when the region
 * is specialised in the sectors where it does better than the reference.
 *
 * References: Esteban-Marquillas, J. M. (1972). A reinterpretation of shift-share analysis. *Regional and Urban
 * Economics* 2(3), 249–255. Loveridge, S. & Selting, A. C. (1998). A review and comparison of shift-share identities.
 * *International Regional Science Review* 21(1), 37–58.
 * @throws IndicatorInputError also when a region has 0 employment in a sector at
 *   the start (its growth rate, and so the split, is undefined).
 * @example
 * shiftShareEM(df, { region: "region", sector: "sector", time: "year", value: "value", from: 1995, to: 2000, reference: "Norway" });
 */
export function shiftShareEM(df: pl.DataFrame, opts: ShiftShareOptions): pl.DataFrame {
  return compute(df, opts, true);
}

/**
 * A shift-share result summed over sectors: one row per region with the total
 * of every component column present (the identity still holds for the totals).
 * @param region the region column of the result (default "region")
 * @example
 * shiftShareTotals(shiftShare(df, opts)); // region, value_from, value_to, national, industry_mix, regional_share, actual
 */
export function shiftShareTotals(result: pl.DataFrame, region = "region"): pl.DataFrame {
  const components = [
    "value_from",
    "value_to",
    "national",
    "industry_mix",
    "regional_share",
    "homothetic",
    "competitive_homothetic",
    "allocation",
    "actual",
  ].filter((c) => result.columns.includes(c));
  if (!result.columns.includes(region) || !components.includes("actual")) {
    throw new IndicatorInputError("shiftShareTotals", `expected a shift-share result with columns '${region}' and 'actual'`);
  }
  return result
    .lazy()
    .groupBy(region)
    .agg(...components.map((c) => pl.col(c).sum()))
    .sort(region)
    .collectSync();
}
