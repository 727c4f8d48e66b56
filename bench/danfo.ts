/**
 * The same three computations with danfojs-node, as one would write them
 * there (group-bys, merges, column arithmetic; `apply` only where danfojs has
 * no vectorised function, i.e. the logarithm). Each returns danfojs's own
 * natural output — a danfojs DataFrame holding the library's value columns,
 * rows in whatever order the group-bys and merges leave them, no input checks
 * — and that is what is timed. `danfoColumns` (untimed) places those rows in
 * the library's order for the agreement check.
 */
import type { Panel } from "./synthetic";
import type { Columns } from "./typed";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type D = any;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const dfd: D = require("danfojs-node");

export function toDanfo(p: Panel): D {
  return new dfd.DataFrame({ region: Array.from(p.region), sector: Array.from(p.sector), year: Array.from(p.year), value: Array.from(p.value) });
}

function total(df: D, keys: string[], name: string): D {
  return df.groupby(keys).agg({ value: "sum" }).rename({ value_sum: name });
}

/** `share, reference_share, lq` (all-regions reference, by year) on every row. */
export function lqDanfo(df: D): D {
  let m = dfd.merge({ left: df, right: total(df, ["year", "region"], "region_total"), on: ["year", "region"], how: "left" });
  m = dfd.merge({ left: m, right: total(df, ["year", "sector"], "sector_total"), on: ["year", "sector"], how: "left" });
  m = dfd.merge({ left: m, right: total(df, ["year"], "year_total"), on: ["year"], how: "left" });
  const share = m["value"].div(m["region_total"]).mul(100);
  const ref = m["sector_total"].div(m["year_total"]).mul(100);
  m.addColumn("share", share, { inplace: true });
  m.addColumn("reference_share", ref, { inplace: true });
  m.addColumn("lq", share.div(ref), { inplace: true });
  return m;
}

/** `shannon, shannon_normalized, hhi, n_sectors` by year and region, from one group-by of Σv, Σ v ln v, Σv². */
export function diversityDanfo(df: D): D {
  // new frames with the added columns (no `loc`: selecting columns copies row by row, 2.4 s at 0.1×)
  const x = df
    .addColumn(
      "vlnv",
      df["value"].apply((v: number) => (v > 0 ? v * Math.log(v) : 0)),
      { inplace: false },
    )
    .addColumn("v2", df["value"].mul(df["value"]), { inplace: false });
  const g = x.groupby(["year", "region"]).agg({ value: ["sum", "count", "max"], vlnv: "sum", v2: "sum" });
  const S = g["value_sum"];
  const lnS = S.apply((v: number) => Math.log(v));
  const h = lnS.sub(g["vlnv_sum"].div(S));
  g.addColumn("shannon", h, { inplace: true });
  g.addColumn("shannon_normalized", h.div(g["value_count"].apply((n: number) => (n > 1 ? Math.log(n) : NaN))), { inplace: true });
  g.addColumn("hhi", g["v2_sum"].div(S.mul(S)), { inplace: true });
  g.addColumn("n_sectors", g["value_count"], { inplace: true });
  return g;
}

/** Dunn shift-share from `from` to `to` (reference = all regions) per region and sector. */
export function shiftShareDanfo(df: D, from: number, to: number): D {
  const at = (t: number, name: string): D =>
    df
      .query(df["year"].eq(t))
      .drop({ columns: ["year"] })
      .rename({ value: name });
  // inner: danfojs's outer merge spreads all keys into one call (stack overflow above ~10^5 keys, as at 10×);
  // on a complete panel both give the same rows
  const w = dfd.merge({ left: at(from, "value_from"), right: at(to, "value_to"), on: ["region", "sector"], how: "inner" });
  const sec = w.groupby(["sector"]).agg({ value_from: "sum", value_to: "sum" });
  const m = dfd.merge({ left: w, right: sec, on: ["sector"], how: "left" });
  const g = (w["value_to"].sum() as number) / (w["value_from"].sum() as number) - 1;
  const gi = m["value_to_sum"].div(m["value_from_sum"]).sub(1);
  const national = m["value_from"].mul(g);
  const mix = m["value_from"].mul(gi.sub(g));
  const actual = m["value_to"].sub(m["value_from"]);
  m.addColumn("national", national, { inplace: true });
  m.addColumn("industry_mix", mix, { inplace: true });
  m.addColumn("regional_share", actual.sub(national).sub(mix), { inplace: true });
  m.addColumn("actual", actual, { inplace: true });
  return m;
}

/**
 * Untimed: the danfojs result's `columns` placed in the order of `order` (a
 * result in the library's order with the same key columns), matched on `keys`.
 * Throws unless every row of `order` is matched exactly once.
 */
export function danfoColumns(d: D, order: Columns, keys: string[], columns: string[]): Columns {
  const n = order[keys[0]!]!.length;
  if (d.shape[0] !== n) throw new Error(`danfojs returned ${d.shape[0]} rows, expected ${n}`);
  const position = new Map<string, number>();
  for (let i = 0; i < n; i += 1) position.set(keys.map((k) => order[k]![i]).join("|"), i);
  const keyValues: number[][] = keys.map((k) => d[k].values);
  const at = new Int32Array(n).fill(-1);
  for (let j = 0; j < n; j += 1) {
    const i = position.get(keyValues.map((v) => v[j]).join("|"));
    if (i === undefined || at[i] !== -1) throw new Error(`danfojs row ${j} has an unknown or repeated key`);
    at[i] = j;
  }
  const out: Columns = {};
  for (const c of [...keys, ...columns]) {
    const v: number[] = d[c].values;
    const col = new Float64Array(n);
    for (let i = 0; i < n; i += 1) col[i] = v[at[i]!]!;
    out[c] = col;
  }
  return out;
}
