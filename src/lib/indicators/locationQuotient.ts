/**
 * Location quotient (LQ) against a reference.
 *
 * LQ_ij = (e_ij / e_j) / (e_iR / e_R)
 *
 * e_ij: employment in sector i of region j; e_j: region j's total;
 * e_iR, e_R: the same for the reference R — a named region (e.g. the whole
 * country) or, when none is named, the sum of all regions given.
 * LQ > 1: the sector's share in j is above its share in R (specialisation).
 *
 * One query: the totals are windows (`over`) on the rows, each over one
 * packed number column when the key columns are integers. The checks that
 * need a pass over the rows are read off the result (a NaN share means a
 * zero total; equal neighbours in key order mean a duplicate key), and the
 * full checks, which throw the precise error, run only when something is wrong.
 */
import * as pl from "nodejs-polars";
import { IndicatorInputError } from "../data/errors";
import { checkByNames, checkReferenceKey } from "./keyChecks";
import { codeTextKeys } from "./keyCodes";
import { locationQuotientSmall } from "./locationQuotientSmall";
import {
  Columns,
  col,
  checkComposition,
  looksValid,
  packInto,
  packedKey,
  restoreNames,
  sqlName,
  sqlSelect,
  sqlText,
  type Packed,
  type RegionSectorOptions,
} from "./validate";

export interface LocationQuotientOptions extends RegionSectorOptions {
  /** Value of the `region` column whose structure is the benchmark; omit to use the sum of all regions. */
  reference?: string;
}

/*
 * The window query reads fixed internal columns — value (Float64), __e (the
 * named reference's amount: value on its rows, else 0), __kr, __ks, __kb
 * (partition keys of region, sector and `by`) — so its expressions are built
 * once per process: each nodejs-polars expression costs a JS wrapper.
 */
const V = pl.col("value");
const SHARE = V.div(V.sum().over("__kr")).mul(100).alias("share");
const RS = pl.col("reference_share");
// no reference share (0, or NaN where a named reference has no rows in a `by` group) → lq null
const RATIO = pl.col("share").div(RS);
const LQ = pl.when(RATIO.isFinite()).then(RATIO).otherwise(pl.lit(null)).alias("lq");
const MISSING = RS.eq(0).or(RS.isNan()).and(pl.col("share").gt(0));
const SHARE_SUM = pl.col("share").sum().alias("s");
const K = pl.col("__k");
const IN_ORDER = K.gt(K.shift(1)).all().alias("in_order");
const windows = new Map<string, pl.Expr[]>();
function windowExprs(withBy: boolean, named: boolean): pl.Expr[] {
  const id = `${withBy}${named}`;
  let w = windows.get(id);
  if (!w) {
    const e = named ? pl.col("__e") : V;
    const total = withBy ? e.sum().over("__kb") : e.sum();
    windows.set(id, (w = [SHARE, e.sum().over("__ks").div(total).mul(100).alias("reference_share")]));
  }
  return w;
}

/**
 * Location quotients of every (region, sector) row, per `by` group if given.
 * Shares are percent of each region's total over the rows given; a sector
 * absent from a region's rows counts as 0 there.
 *
 * @remarks
 * The location quotient of sector i in region j against a reference R:
 *
 * $$\mathrm{LQ}_{ij} = \frac{e_{ij} / e_j}{e_{iR} / e_R}$$
 *
 * with $e_{ij}$ the employment in sector i of region j, $e_j$ the region's total, and $e_{iR}$, $e_R$ the same for the
 * reference R — a named region (e.g. the country) or, when none is named, the sum of all regions given.
 * LQ > 1: the sector's share in j is above its share in R (the region is specialised in it).
 *
 * References: Isard, W. (1960). *Methods of Regional Analysis: An Introduction to Regional Science*. Cambridge, MA: MIT
 * Press. Miller, R. E. & Blair, P. D. (2009). *Input–Output Analysis: Foundations and Extensions* (2nd ed.). Cambridge:
 * Cambridge University Press.
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
  checkByNames(fn, by);
  checkReferenceKey(fn, df, region, reference);
  // notebook-sized frames in plain TypeScript, where the result is the same (locationQuotientSmall.ts)
  const small = locationQuotientSmall(df, { region, sector, value, reference, by });
  if (small) return small;
  const fullChecks = (): void => void checkComposition(fn, df, [...by, region], sector, value);
  const keys = [...by, region, sector];
  const plain = new Columns(df, keys, value);
  if (!looksValid(plain)) fullChecks();
  // partition keys: one packed number column where the keys are integers or coded text (keyCodes.ts), else a
  // struct of the columns
  const coded = codeTextKeys(df, keys);
  // the statistics of the frame as given serve the packing too, unless codes were added (one more pass then)
  const cols = coded ? new Columns(coded.df, coded.names, value) : plain;
  const [byK, regionK, sectorK] = coded ? [coded.names.slice(0, by.length), coded.names[by.length]!, coded.names[by.length + 1]!] : [by, region, sector];
  const q = sqlName;
  const kr = packedKey(cols, [...byK, regionK]);
  const ks = packedKey(cols, [...byK, sectorK]);
  const kb = by.length ? packedKey(cols, byK) : undefined;
  const rowKey = kr && packInto(cols, kr, sectorK);
  const v = `CAST(${q(value)} AS DOUBLE)`;
  const items = [...by.map(q), `${q(region)} AS region`, `${q(sector)} AS sector`, `${v} AS value`];
  const structs: pl.Expr[] = [];
  // `last`: the caller's name of the key's last column, renamed in the selection (a struct is built after it)
  const key = (packed: Packed | undefined, last: string | undefined, internal: string[], name: string): void => {
    if (packed) items.push(`${packed.sql} AS ${name}`);
    else if (internal.length === 1) items.push(`${q(last ?? internal[0]!)} AS ${name}`);
    else structs.push(pl.struct(internal.map((c) => pl.col(c))).alias(name));
  };
  key(kr, region, [...by, "region"], "__kr");
  key(ks, sector, [...by, "sector"], "__ks");
  if (by.length) key(kb, undefined, by, "__kb");
  if (rowKey) items.push(`${rowKey.sql} AS __k`);
  if (reference !== undefined) items.push(`CASE WHEN ${q(region)} = ${sqlText(reference)} THEN ${v} ELSE 0 END AS __e`);
  const stage1 = sqlSelect(cols.df, items);
  let out = (structs.length ? stage1.withColumns(...structs) : stage1)
    .select(...[...by, "region", "sector", ...(rowKey ? ["__k"] : [])].map(col), ...windowExprs(by.length > 0, reference !== undefined))
    .withColumns(LQ)
    .collectSync();
  // a share is NaN only under a zero total; input already in strictly increasing key order (common): no sort, no duplicate
  const [shareSum, inOrder] = out.select(...(rowKey ? [SHARE_SUM, IN_ORDER] : [SHARE_SUM])).row(0) as [number, boolean | undefined];
  if (!Number.isFinite(shareSum)) fullChecks();
  if (inOrder !== true) {
    const keyCols = rowKey ? ["__k"] : [...by, "region", "sector"];
    out = out.sort(keyCols);
    const dup = keyCols.map((k) => pl.col(k).eq(pl.col(k).shift(1))).reduce((a, b) => a.and(b));
    if (out.select(dup.any()).row(0)[0] === true) fullChecks();
  }
  const result = rowKey ? out.drop("__k") : out;
  if (result.getColumn("lq").nullCount() > 0) {
    if (reference !== undefined && !result.select(pl.col("region").eq(pl.lit(reference)).any()).row(0)[0]) {
      throw new IndicatorInputError(fn, `reference region '${reference}' not found in column '${region}'`);
    }
    const missing = result.filter(MISSING);
    if (missing.height > 0) {
      const rec = missing.head(1).toRecords()[0] ?? {};
      throw new IndicatorInputError(
        fn,
        `the reference region '${reference}' has no '${String(rec["sector"])}', which '${String(rec["region"])}' has: LQ undefined`,
      );
    }
  }
  return restoreNames(result, { region, sector });
}
