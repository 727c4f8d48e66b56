/**
 * The four benchmarked kernels — location quotients, Shannon/HHI diversity, Dunn shift-share and the
 * region aggregation — each by the library (nodejs-polars), the floor (bench/floor.ts) and pandas
 * (bench/pandas_kernels.py), and the check that they give the same full output: every column, every row,
 * in the library's order.
 */
import * as pl from "nodejs-polars";
import { diversity, locationQuotient, shiftShare, toRegions } from "../src/lib/index";
import { diversityFloor, lqFloor, type Columns } from "./floor";
import { aggregateFloor, shiftShareFloor } from "./floorShiftAggregate";
import type { Kernel } from "./pandas";
import { mappingFrame, mappingOf, rowsOf, toPolars, type KeyKind, type Mapping, type Panel, type RowOrder, type Rows } from "./synthetic";

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

/** A key or value column as numbers: a string key `M00012` as its code 12, a null as NaN. */
export function numeric(x: ArrayLike<unknown>): Float64Array {
  return Float64Array.from(x as ArrayLike<unknown>, (v) =>
    v === null || v === undefined ? NaN : typeof v === "string" ? Number(v.slice(1)) : Number(v),
  );
}

/** A library result as numeric columns (string keys as codes, nulls as NaN), untimed. */
export function libraryColumns(out: pl.DataFrame): Record<string, Float64Array> {
  const cols: Record<string, Float64Array> = {};
  for (const c of out.columns) cols[c] = numeric(out.getColumn(c).toArray() as unknown[]);
  return cols;
}

/** One benchmark input: the rows as the library, the floor and pandas get them. */
export interface Input {
  keys: KeyKind;
  order: RowOrder;
  rows: Rows;
  df: pl.DataFrame;
  /** The rows with `region` renamed `municipality`, for toRegions. */
  municipal: pl.DataFrame;
  mapping: Mapping;
  mappingDf: pl.DataFrame;
  panel: Panel;
}

export function inputOf(p: Panel, shuffled: Panel, keys: KeyKind, order: RowOrder): Input {
  const rows = rowsOf(order === "sorted" ? p : shuffled, keys);
  const df = toPolars(rows);
  const mapping = mappingOf(p, keys);
  return { keys, order, rows, df, municipal: df.rename({ region: "municipality" }), mapping, mappingDf: mappingFrame(mapping), panel: p };
}

export interface Indicator {
  name: string;
  kernel: Kernel;
  /** Key columns and value columns of the output, in the library's order. */
  keys: string[];
  values: string[];
  library: (x: Input) => pl.DataFrame;
  floor: (x: Input) => Columns;
}

const last = (p: Panel): number => p.firstYear + p.nYears - 1;
const rsv = { region: "region", sector: "sector", value: "value", by: ["year"] };

export const INDICATORS: Indicator[] = [
  {
    name: "location quotient",
    kernel: "lq",
    keys: ["year", "region", "sector"],
    values: ["share", "reference_share", "lq"],
    library: (x) => locationQuotient(x.df, rsv),
    floor: (x) => lqFloor(x.rows),
  },
  {
    name: "Shannon/HHI diversity",
    kernel: "diversity",
    keys: ["year", "region"],
    values: ["shannon", "shannon_normalized", "hhi", "n_sectors"],
    library: (x) => diversity(x.df, rsv),
    floor: (x) => diversityFloor(x.rows),
  },
  {
    name: "Dunn shift-share",
    kernel: "shift-share",
    keys: ["region", "sector"],
    values: ["value_from", "value_to", "national", "industry_mix", "regional_share", "actual"],
    library: (x) =>
      shiftShare(x.df, { region: "region", sector: "sector", time: "year", value: "value", from: x.panel.firstYear, to: last(x.panel) }),
    floor: (x) => shiftShareFloor(x.rows, x.panel.firstYear, last(x.panel)),
  },
  {
    name: "region aggregation",
    kernel: "aggregate",
    keys: ["region", "region_type", "year", "sector"],
    values: ["value"],
    library: (x) => toRegions(x.municipal, x.mappingDf, { municipality: "municipality", keep: ["year", "sector"] }),
    floor: (x) => aggregateFloor(x.rows, x.mapping),
  },
];

/**
 * Check the full outputs: the library's columns are exactly `keys, values`; the floor and pandas (when
 * given) have the same columns and agree on every row in the same order.
 * @returns the number of values compared
 */
export function check(ind: Indicator, library: pl.DataFrame, floor: Columns, pandas?: Record<string, Float64Array>): number {
  const names = [...ind.keys, ...ind.values];
  if (library.columns.join() !== names.join()) throw new Error(`${ind.name}: library columns ${library.columns.join()}`);
  if (Object.keys(floor).join() !== names.join()) throw new Error(`${ind.name}: floor columns ${Object.keys(floor).join()}`);
  if (pandas && Object.keys(pandas).join() !== names.join()) throw new Error(`${ind.name}: pandas columns ${Object.keys(pandas).join()}`);
  const lib = libraryColumns(library);
  let compared = 0;
  for (const c of names) {
    agree(`${ind.name}: floor ${c}`, lib[c]!, numeric(floor[c]!));
    compared += lib[c]!.length;
    if (pandas) {
      agree(`${ind.name}: pandas ${c}`, lib[c]!, pandas[c]!);
      compared += lib[c]!.length;
    }
  }
  return compared;
}
