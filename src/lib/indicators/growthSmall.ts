/**
 * growthRate and growthIndex on small frames, in plain TypeScript (see smallFrame.ts): the same
 * frame as the polars path, or `undefined` — a refusal or a frame these paths leave to polars —
 * and the polars path runs and gives its own typed error.
 * @internal
 */
import * as pl from "nodejs-polars";
import type { GrowthIndexOptions, GrowthOptions } from "./growth";
import { compareCells, compareRowsAt, frameOf, kindOf, longRows, plainNames } from "./smallFrame";

/**
 * growthRate's result (its arguments already checked), or undefined. Per region:
 * change = to − from, change_pct = (change / from) · 100, in that order, as the polars expressions.
 */
export function growthRateSmall(df: pl.DataFrame, opts: GrowthOptions): pl.DataFrame | undefined {
  const { region, time, value, from, to } = opts;
  if (!plainNames([region, "value_from", "value_to", "change", "change_pct"])) return undefined;
  const read = longRows(df, [region, time], value);
  if (!read) return undefined;
  const [regionType, timeType] = read.dtypes as [pl.DataType, pl.DataType];
  // a float region (its -0 and 0 are one key) and a text time (a refusal) go to polars
  if (kindOf(regionType) === "float" || kindOf(timeType) === "text") return undefined;
  const start = new Map<unknown, number>();
  const end = new Map<unknown, number>();
  const regions = new Set<unknown>();
  for (const [r, t, v] of read.rows) {
    regions.add(r);
    if (t === from) start.set(r, v as number);
    else if (t === to) end.set(r, v as number);
  }
  // a time point absent from the data, a region lacking one of them (or both): refusals
  if (start.size === 0 || start.size !== end.size || start.size !== regions.size) return undefined;
  const out: unknown[][] = [];
  for (const [r, f] of start) {
    const t = end.get(r);
    if (t === undefined || f === 0) return undefined;
    const change = t - f;
    out.push([r, f, t, change, (change / f) * 100]);
  }
  out.sort((a, b) => compareCells(a[0], b[0]));
  return frameOf(
    [
      [region, regionType],
      ["value_from", pl.Float64],
      ["value_to", pl.Float64],
      ["change", pl.Float64],
      ["change_pct", pl.Float64],
    ],
    out,
  );
}

/** growthIndex's result (its arguments already checked), or undefined. index = (value / base value) · 100. */
export function growthIndexSmall(df: pl.DataFrame, opts: GrowthIndexOptions): pl.DataFrame | undefined {
  const { region, time, value, base } = opts;
  // the polars path renames its internal region and time columns back: crossed or clashing names go to it
  if (!plainNames([region, time, "value", "index"]) || region === "time" || time === "region") return undefined;
  const read = longRows(df, [region, time], value);
  if (!read) return undefined;
  const [regionType, timeType] = read.dtypes as [pl.DataType, pl.DataType];
  if (kindOf(regionType) === "float" || kindOf(timeType) === "text") return undefined;
  const baseOf = new Map<unknown, number>();
  for (const [r, t, v] of read.rows) if (t === base) baseOf.set(r, v as number);
  if (baseOf.size === 0) return undefined;
  const out: unknown[][] = [];
  for (const [r, t, v] of read.rows) {
    const b = baseOf.get(r);
    if (b === undefined || b === 0) return undefined;
    out.push([r, t, v, ((v as number) / b) * 100]);
  }
  out.sort(compareRowsAt([0, 1]));
  return frameOf(
    [
      [region, regionType],
      [time, timeType],
      ["value", pl.Float64],
      ["index", pl.Float64],
    ],
    out,
  );
}
