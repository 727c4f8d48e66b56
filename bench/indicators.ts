/**
 * The three benchmarked computations, each by the library (nodejs-polars),
 * danfojs-node and a typed-array pass, with the checks that they agree.
 */
import type * as pl from "nodejs-polars";
import { diversity, locationQuotient, shiftShare } from "../src/lib/indicators/index";
import { diversityDanfo, lqDanfo, shiftShareDanfo } from "./danfo";
import type { Panel } from "./synthetic";
import { diversityTyped, lqTyped, shiftShareTyped } from "./typed";

export const TOL = 1e-9;

export function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= TOL * Math.max(1, Math.abs(a), Math.abs(b));
}

export function agree(name: string, a: ArrayLike<number>, b: ArrayLike<number>): void {
  if (a.length !== b.length) throw new Error(`${name}: ${a.length} vs ${b.length} values`);
  for (let i = 0; i < a.length; i += 1) if (!close(a[i]!, b[i]!)) throw new Error(`${name}: value ${i} differs (${a[i]} vs ${b[i]})`);
}

export interface Indicator {
  name: string;
  polars: (df: pl.DataFrame, p: Panel) => pl.DataFrame;
  typed: (p: Panel) => Record<string, Float64Array>;
  /** Check polars (and danfojs, when given) against the typed-array result. */
  check: (out: pl.DataFrame, typed: Record<string, Float64Array>, p: Panel, danfo?: Map<string, unknown>) => void;
  danfo: (d: unknown, p: Panel) => Map<string, unknown>;
}

export const last = (p: Panel): number => p.firstYear + p.nYears - 1;

export const INDICATORS: Indicator[] = [
  {
    name: "location quotient",
    polars: (df) => locationQuotient(df, { region: "region", sector: "sector", value: "value", by: ["year"] }),
    typed: (p) => ({ lq: lqTyped(p) }),
    danfo: (d) => lqDanfo(d),
    check: (out, t, p, dan) => {
      agree("polars LQ", out.getColumn("lq").toArray() as number[], t["lq"]!);
      if (dan)
        for (let i = 0; i < p.value.length; i += 997)
          if (!close(dan.get(`${p.year[i]}|${p.region[i]}|${p.sector[i]}`) as number, t["lq"]![i]!))
            throw new Error(`danfojs LQ differs at row ${i}`);
    },
  },
  {
    name: "Shannon/HHI diversity",
    polars: (df) => diversity(df, { region: "region", sector: "sector", value: "value", by: ["year"] }),
    typed: (p) => diversityTyped(p),
    danfo: (d) => diversityDanfo(d),
    check: (out, t, p, dan) => {
      agree("polars Shannon", out.getColumn("shannon").toArray() as number[], t["shannon"]!);
      agree("polars HHI", out.getColumn("hhi").toArray() as number[], t["hhi"]!);
      if (dan) {
        for (let k = 0; k < p.nYears * p.nRegions; k += 7) {
          const v = dan.get(`${p.firstYear + Math.floor(k / p.nRegions)}|${k % p.nRegions}`) as { shannon: number; hhi: number };
          if (!close(v.shannon, t["shannon"]![k]!) || !close(v.hhi, t["hhi"]![k]!)) throw new Error(`danfojs diversity differs at ${k}`);
        }
      }
    },
  },
  {
    name: "Dunn shift-share",
    polars: (df, p) => shiftShare(df, { region: "region", sector: "sector", time: "year", value: "value", from: p.firstYear, to: last(p) }),
    typed: (p) => shiftShareTyped(p),
    danfo: (d, p) => shiftShareDanfo(d, p.firstYear, last(p)),
    check: (out, t, p, dan) => {
      agree("polars national", out.getColumn("national").toArray() as number[], t["national"]!);
      agree("polars industry mix", out.getColumn("industry_mix").toArray() as number[], t["mix"]!);
      agree("polars regional share", out.getColumn("regional_share").toArray() as number[], t["regional"]!);
      if (dan) {
        for (let k = 0; k < p.nRegions * p.nSectors; k += 13) {
          const v = dan.get(`${Math.floor(k / p.nSectors)}|${k % p.nSectors}`) as { national: number; mix: number; regional: number };
          if (!close(v.mix, t["mix"]![k]!) || !close(v.regional, t["regional"]![k]!)) throw new Error(`danfojs shift-share differs at ${k}`);
        }
      }
    },
  },
];
