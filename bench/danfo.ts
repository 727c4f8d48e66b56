/**
 * The same three computations with danfojs-node (group-bys and merges), for
 * the side-by-side benchmark. Results come back as maps keyed by the row keys
 * so they can be checked against the other implementations.
 */
import type { Panel } from "./synthetic";

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

export function lqDanfo(df: D): Map<string, number> {
  let m = dfd.merge({ left: df, right: total(df, ["year", "region"], "region_total"), on: ["year", "region"], how: "left" });
  m = dfd.merge({ left: m, right: total(df, ["year", "sector"], "sector_total"), on: ["year", "sector"], how: "left" });
  m = dfd.merge({ left: m, right: total(df, ["year"], "year_total"), on: ["year"], how: "left" });
  const lq = m["value"].div(m["region_total"]).div(m["sector_total"].div(m["year_total"]));
  const [y, r, s, v] = [m["year"].values, m["region"].values, m["sector"].values, lq.values];
  const out = new Map<string, number>();
  for (let i = 0; i < v.length; i += 1) out.set(`${y[i]}|${r[i]}|${s[i]}`, v[i]);
  return out;
}

export function diversityDanfo(df: D): Map<string, { shannon: number; hhi: number }> {
  const m = dfd.merge({ left: df, right: total(df, ["year", "region"], "region_total"), on: ["year", "region"], how: "left" });
  const share = m["value"].div(m["region_total"]);
  m.addColumn(
    "plogp",
    share.apply((x: number) => (x > 0 ? -x * Math.log(x) : 0)),
    { inplace: true },
  );
  m.addColumn(
    "s2",
    share.apply((x: number) => x * x),
    { inplace: true },
  );
  const g = m.groupby(["year", "region"]).agg({ plogp: "sum", s2: "sum" });
  const [y, r, h, q] = [g["year"].values, g["region"].values, g["plogp_sum"].values, g["s2_sum"].values];
  const out = new Map<string, { shannon: number; hhi: number }>();
  for (let i = 0; i < y.length; i += 1) out.set(`${y[i]}|${r[i]}`, { shannon: h[i], hhi: q[i] });
  return out;
}

export function shiftShareDanfo(df: D, from: number, to: number): Map<string, { national: number; mix: number; regional: number }> {
  const at = (t: number, name: string): D =>
    df
      .query(df["year"].eq(t))
      .loc({ columns: ["region", "sector", "value"] })
      .rename({ value: name });
  const w = dfd.merge({ left: at(from, "e0"), right: at(to, "e1"), on: ["region", "sector"], how: "inner" });
  const sec = w.groupby(["sector"]).agg({ e0: "sum", e1: "sum" });
  const m = dfd.merge({ left: w, right: sec, on: ["sector"], how: "left" });
  const g = (w["e1"].sum() as number) / (w["e0"].sum() as number) - 1;
  const gi = m["e1_sum"].div(m["e0_sum"]).sub(1);
  const national = m["e0"].mul(g);
  const mix = m["e0"].mul(gi.sub(g));
  const regional = m["e1"].sub(m["e0"]).sub(national).sub(mix);
  const [r, s, n, x, c] = [m["region"].values, m["sector"].values, national.values, mix.values, regional.values];
  const out = new Map<string, { national: number; mix: number; regional: number }>();
  for (let i = 0; i < r.length; i += 1) out.set(`${r[i]}|${s[i]}`, { national: n[i], mix: x[i], regional: c[i] });
  return out;
}
