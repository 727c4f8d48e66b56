/**
 * The three benchmarked computations, each by the library (nodejs-polars),
 * the typed-array floor and danfojs-node, and the check that all three give
 * the same full output: every column, every row, in the library's order.
 */
import * as pl from "nodejs-polars";
import { diversity, locationQuotient, shiftShare } from "../src/lib/indicators/index";
import { danfoColumns, diversityDanfo, lqDanfo, shiftShareDanfo } from "./danfo";
import type { Panel } from "./synthetic";
import { diversityFloor, lqFloor, shiftShareFloor, type Columns } from "./typed";

export const TOL = 1e-9;

/** Equal within TOL (relative above 1); NaN matches NaN (a library null). */
export function close(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  return Math.abs(a - b) <= TOL * Math.max(1, Math.abs(a), Math.abs(b));
}

export function agree(name: string, a: ArrayLike<number>, b: ArrayLike<number>): void {
  if (a.length !== b.length) throw new Error(`${name}: ${a.length} vs ${b.length} values`);
  for (let i = 0; i < a.length; i += 1) if (!close(a[i]!, b[i]!)) throw new Error(`${name}: value ${i} differs (${a[i]} vs ${b[i]})`);
}

/** A library result as numeric columns (nulls → NaN), untimed. */
export function libraryColumns(out: pl.DataFrame): Columns {
  const cols: Columns = {};
  for (const c of out.columns) {
    const s = out.getColumn(c).cast(pl.Float64);
    cols[c] = s.nullCount() ? Float64Array.from(s.toArray() as (number | null)[], (x) => x ?? NaN) : (s.toTypedArray() as Float64Array);
  }
  return cols;
}

export interface Indicator {
  name: string;
  /** Key columns and value columns of the output, in the library's order. */
  keys: string[];
  values: string[];
  library: (df: pl.DataFrame, p: Panel) => pl.DataFrame;
  floor: (p: Panel) => Columns;
  /** Absent where danfojs is not run (see `why`). */
  danfo?: (d: unknown, p: Panel) => unknown;
  /** Fed the panel's rows in a shuffled order (the library then sorts; in key order it checks the order and skips the sort). */
  shuffled?: boolean;
  why?: string;
}

export const last = (p: Panel): number => p.firstYear + p.nYears - 1;

export const INDICATORS: Indicator[] = [
  {
    name: "location quotient",
    keys: ["year", "region", "sector"],
    values: ["share", "reference_share", "lq"],
    library: (df) => locationQuotient(df, { region: "region", sector: "sector", value: "value", by: ["year"] }),
    floor: (p) => lqFloor(p),
    danfo: (d) => lqDanfo(d),
  },
  {
    name: "location quotient, rows shuffled",
    keys: ["year", "region", "sector"],
    values: ["share", "reference_share", "lq"],
    library: (df) => locationQuotient(df, { region: "region", sector: "sector", value: "value", by: ["year"] }),
    floor: (p) => lqFloor(p),
    shuffled: true,
    why: "its output is unsorted, so the row order changes nothing for it",
  },
  {
    name: "Shannon/HHI diversity",
    keys: ["year", "region"],
    values: ["shannon", "shannon_normalized", "hhi", "n_sectors"],
    library: (df) => diversity(df, { region: "region", sector: "sector", value: "value", by: ["year"] }),
    floor: (p) => diversityFloor(p),
    danfo: (d) => diversityDanfo(d),
  },
  {
    name: "Dunn shift-share",
    keys: ["region", "sector"],
    values: ["value_from", "value_to", "national", "industry_mix", "regional_share", "actual"],
    library: (df, p) => shiftShare(df, { region: "region", sector: "sector", time: "year", value: "value", from: p.firstYear, to: last(p) }),
    floor: (p) => shiftShareFloor(p, p.firstYear, last(p)),
    danfo: (d, p) => shiftShareDanfo(d, p.firstYear, last(p)),
  },
];

/**
 * Check the full outputs: the library's columns are exactly `keys, values`;
 * the floor has the same columns and agrees on every row in the same order;
 * danfojs (when given) agrees on every row once placed in that order.
 * @returns the number of values compared
 */
export function check(ind: Indicator, library: pl.DataFrame, floor: Columns, danfo?: unknown): number {
  const names = [...ind.keys, ...ind.values];
  if (library.columns.join() !== names.join()) throw new Error(`${ind.name}: library columns ${library.columns.join()}`);
  if (Object.keys(floor).join() !== names.join()) throw new Error(`${ind.name}: floor columns ${Object.keys(floor).join()}`);
  const lib = libraryColumns(library);
  let compared = 0;
  for (const c of names) {
    agree(`${ind.name}: floor ${c}`, lib[c]!, floor[c]!);
    compared += lib[c]!.length;
  }
  if (danfo !== undefined) {
    const d = danfoColumns(danfo, lib, ind.keys, ind.values);
    for (const c of names) {
      agree(`${ind.name}: danfojs ${c}`, lib[c]!, d[c]!);
      compared += lib[c]!.length;
    }
  }
  return compared;
}
