/**
 * locationQuotient on small frames, in plain TypeScript (see smallFrame.ts: building polars expressions costs
 * far more than the work on a notebook's few hundred rows). Taken only where the result is bit for bit the
 * polars path's: integer amounts whose totals stay below 2^53 (every sum exact in any order), every quotient
 * defined. `undefined` otherwise — on any input the checks would refuse, a total of 0, a reference that lacks a
 * sector, an undefined quotient — and the polars path decides (and names the error).
 * @internal
 */
import * as pl from "nodejs-polars";
import { compareRowsAt, frameOf, longRows, plainNames } from "./smallFrame";

/** Totals of `value` over the rows, keyed by the cells at `at` (one cell: the cell; several: JSON of them). */
function totals(rows: unknown[][], at: number[], value: (row: unknown[]) => number): Map<unknown, number> {
  const m = new Map<unknown, number>();
  for (const row of rows) {
    const id = keyOf(row, at);
    m.set(id, (m.get(id) ?? 0) + value(row));
  }
  return m;
}

const keyOf = (row: unknown[], at: number[]): unknown => (at.length === 1 ? row[at[0]!] : JSON.stringify(at.map((i) => row[i])));

/** The location quotients of a small frame as the polars path computes them, or undefined (see above). */
export function locationQuotientSmall(
  df: pl.DataFrame,
  o: { region: string; sector: string; value: string; reference?: string; by: string[] },
): pl.DataFrame | undefined {
  const keys = [...o.by, o.region, o.sector];
  if (!plainNames([...keys, "share", "reference_share", "lq"])) return undefined;
  const read = longRows(df, keys, o.value);
  if (!read) return undefined;
  const b = o.by.length;
  const [r, s, v] = [b, b + 1, b + 2];
  for (const row of read.rows) if (!Number.isSafeInteger(row[v])) return undefined;
  const by = [...Array(b).keys()];
  const amount = (row: unknown[]): number => row[v] as number;
  // the reference's amount: the named region's rows, or every row
  const ref = o.reference === undefined ? amount : (row: unknown[]): number => (row[r] === o.reference ? amount(row) : 0);
  const regionTotal = totals(read.rows, [...by, r], amount);
  const refSector = totals(read.rows, [...by, s], ref);
  const refTotal = b ? totals(read.rows, by, ref) : new Map([[undefined, read.rows.reduce((t, row) => t + ref(row), 0)]]);
  for (const t of [...regionTotal.values(), ...refTotal.values()]) if (!(t > 0 && t <= Number.MAX_SAFE_INTEGER)) return undefined;
  const out: unknown[][] = [];
  for (const row of read.rows) {
    // as polars: (e / total) · 100, (Σ reference / reference total) · 100, their ratio; polars divides a column of
    // more than one row by a scalar (the reference total without `by`) as a product with the scalar's reciprocal
    const share = (amount(row) / regionTotal.get(keyOf(row, [...by, r]))!) * 100;
    const refSum = refSector.get(keyOf(row, [...by, s]))!;
    const scalar = b === 0 && read.rows.length > 1;
    const referenceShare = (scalar ? refSum * (1 / refTotal.get(undefined)!) : refSum / refTotal.get(b ? keyOf(row, by) : undefined)!) * 100;
    const lq = share / referenceShare;
    if (!Number.isFinite(lq)) return undefined;
    out.push([...row.slice(0, v), share, referenceShare, lq]);
  }
  out.sort(compareRowsAt([...by, r, s]));
  return frameOf(
    [...keys.map((k, i): [string, pl.DataType] => [k, read.dtypes[i]!]), ["share", pl.Float64], ["reference_share", pl.Float64], ["lq", pl.Float64]],
    out,
  );
}
