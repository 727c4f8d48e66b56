/**
 * `toRegions` on large frames: polars codes the text, one typed-array pass sums (the counterpart of
 * aggregateSmall.ts). Text columns are cast once to categoricals (a code per distinct text); each municipality's
 * code is looked up to its target's number (targets numbered in their sorted order) and each text key's code to its
 * rank among the sorted distinct texts; then one loop over the rows checks for duplicate rows and adds each value
 * into a dense array indexed by (target, kept keys) — the index order is the general path's sort order, so the
 * result needs no group-by and no sort. The texts come back from the small frames of distinct values.
 * (polars' group-by and sort on the text keys were most of `toRegions`' time on a national panel.)
 *
 * The path runs only where its result is bit for bit the general path's: the municipality and every kept key an
 * integer (up to 32 bits) or text column without nulls, the values whole numbers (any order of summing gives the
 * same exact sum; no −0), Σ|value| within ±Number.MAX_SAFE_INTEGER, no duplicate row, no municipality mapped twice,
 * and key ranges dense enough for the arrays. Anything else — and every refusal — goes the general way, which names
 * the problem. `tests/regions/toRegionsLarge.test.ts` checks that both paths give identical frames.
 */
import * as pl from "nodejs-polars";
import { CODE_ROWS } from "../indicators/keyCodes";
import { codedFrame, type Dense } from "../indicators/denseKeys";
import { NUMERIC } from "../indicators/validate";

let minRows = CODE_ROWS;

/** Set the row count from which this path runs (tests lower it); returns the previous one. */
export function setLargeAggregateRows(n: number): number {
  const old = minRows;
  minRows = n;
  return old;
}

const LIMIT = Number.MAX_SAFE_INTEGER;

/** Whether every target of the mapping has one value of each `extra` column (and no target is null or kept). */
export function followsFromTarget(map: pl.DataFrame, to: string, extra: string[], keep: string[]): boolean {
  if (extra.some((c) => keep.includes(c)) || keep.includes(to) || map.getColumn(to).nullCount() > 0) return false;
  return map.select(to, ...extra).unique().height === map.select(to).unique().height;
}

/**
 * Σ value per target and kept keys, as `toRegions` returns it, or `undefined` when the frame is below the row limit
 * or this path cannot promise the general path's result (see the module's note).
 * @param mapping the mapping (municipality code column `o.code`); this path needs `to` without nulls and each `extra`
 *   a function of `to`, every municipality of `df` in it, and every region the data touches whole
 */
export function toRegionsLarge(
  df: pl.DataFrame,
  mapping: pl.DataFrame,
  o: { muni: string; code: string; to: string; value: string; keep: string[]; extra: string[] },
): pl.DataFrame | undefined {
  const n = df.height;
  if (n < minRows) return undefined;
  const keys = [o.muni, ...o.keep];
  const mine = [...keys, o.value];
  const named = [...mine, o.to, ...o.extra];
  if (named.some((c) => c.startsWith("__")) || new Set(named).size !== named.length) return undefined;
  if (![o.to, ...o.extra].every((c) => mapping.columns.includes(c))) return undefined;
  if (!NUMERIC.has(df.dtypes[df.columns.indexOf(o.value)]?.variant ?? "")) return undefined;
  // a float target: its −0 and NaN join and group otherwise than its distinct values come out (the general path)
  if (["Float32", "Float64"].includes(mapping.getColumn(o.to).dtype.variant)) return undefined;
  const map = mapping.select(pl.col(o.code).alias(o.muni), o.to, ...o.extra);
  if (!followsFromTarget(map, o.to, o.extra, o.keep)) return undefined;
  // the unit that must be whole is the region (also when summing to types): the mapping's members of each
  const unit = mapping.columns.includes("region") ? "region" : o.to;
  const units = mapping
    .filter(pl.col(unit).isNotNull().and(pl.col(o.code).isNotNull()))
    .select(pl.col(o.code).alias(o.muni), pl.col(unit).alias("__unit"))
    .unique();
  const unitIds = units.select("__unit").unique().withRowIndex("__u");
  const memberUnits = units.join(unitIds, { on: "__unit" });
  const need = new Int32Array(unitIds.height);
  for (const u of memberUnits.getColumn("__u").toArray() as number[]) need[u] += 1;
  const targets = map.select(o.to, ...o.extra).unique().sort(o.to);
  // a mapping row without a municipality code names no municipality (no data row can match it)
  const members = map
    .filter(pl.col(o.muni).isNotNull())
    .select(o.muni, o.to)
    .join(targets.select(o.to).withRowIndex("__t"), { on: o.to });
  if (members.select(o.muni).unique().height !== members.height) return undefined; // mapped twice: the general path says so

  // the keys as codes (text through categoricals: denseKeys.ts); no key or value may be null
  const maxSpan = 8 * n + 1_000_000;
  const f = codedFrame(df, keys, o.value, maxSpan);
  if (!f) return undefined;

  // the municipality: its code for the duplicate check, and its target's number
  const muni: { codes: Int32Array; lo: number; span: number; dict?: pl.DataFrame } | undefined = f.text(o.muni) ? f.textKey(o.muni) : f.codes(o.muni);
  if (!muni) return undefined;
  const targetOf = new Int32Array(muni.span).fill(-1);
  const known = muni.dict ? muni.dict.join(members, { on: o.muni, how: "inner" }) : members;
  const [mc, tc] = [known.getColumn(muni.dict ? "__p" : o.muni).toArray() as number[], known.getColumn("__t").toArray() as number[]];
  const shift = muni.dict ? 0 : muni.lo;
  mc.forEach((m, j) => {
    if (typeof m === "number" && m - shift >= 0 && m - shift < muni.span) targetOf[m - shift] = tc[j]!;
  });
  const unitOf = new Int32Array(muni.span).fill(-1);
  const inUnits = muni.dict ? muni.dict.join(memberUnits, { on: o.muni, how: "inner" }) : memberUnits;
  const [uc, uu] = [inUnits.getColumn(muni.dict ? "__p" : o.muni).toArray() as number[], inUnits.getColumn("__u").toArray() as number[]];
  uc.forEach((m, j) => {
    if (typeof m === "number" && m - shift >= 0 && m - shift < muni.span) unitOf[m - shift] = uu[j]!;
  });
  // each kept key as dense codes in sort order: a text key's code → its rank; an integer key less its minimum
  const dense: Dense[] = [];
  for (const k of o.keep) {
    const d = f.dense(k);
    if (!d) return undefined;
    dense.push(d);
  }
  const groups = dense.reduce((s, d) => s * d.span, targets.height);
  const rows = dense.reduce((s, d) => s * d.span, muni.span);
  if (groups > maxSpan || rows > 8 * maxSpan) return undefined;

  // one pass: whole values, no duplicate (municipality, kept keys), Σ into the dense array
  const value = f.value();
  const sums = new Float64Array(groups);
  const present = new Uint8Array(groups);
  const seen = new Uint8Array(rows);
  // presence of each municipality in each year (or at all, without a kept year), for the whole-region check
  const perYear = o.keep.indexOf("year");
  const [yc, ys] = perYear >= 0 ? [dense[perYear]!.codes, dense[perYear]!.span] : [undefined, 1];
  const presence = new Uint8Array(muni.span * ys);
  let absSum = 0;
  const [mcodes, a, b] = [muni.codes, dense[0]?.codes, dense[1]?.codes];
  const [sa, sb] = [dense[0]?.span ?? 1, dense[1]?.span ?? 1];
  for (let r = 0; r < n; r += 1) {
    const v = value[r]!;
    if (v !== Math.floor(v) || (v === 0 && 1 / v < 0)) return undefined; // NaN, a fraction or −0: the general path
    absSum += Math.abs(v);
    const m = mcodes[r]!;
    const t = targetOf[m]!;
    if (t < 0) return undefined;
    // (target | municipality, kept keys) packed in index order; the first two kept keys unrolled (a pass per key into
    // whole-frame key arrays, the plainer way, measured about 100 ms slower a call at 1×)
    let g = t;
    let d = m;
    if (a) {
      g = g * sa + a[r]!;
      d = d * sa + a[r]!;
      if (b) {
        g = g * sb + b[r]!;
        d = d * sb + b[r]!;
        for (let j = 2; j < dense.length; j += 1) {
          const k = dense[j]!;
          g = g * k.span + k.codes[r]!;
          d = d * k.span + k.codes[r]!;
        }
      }
    }
    if (seen[d]) return undefined; // a duplicate row: the general path names it
    seen[d] = 1;
    presence[yc ? m * ys + yc[r]! : m] = 1;
    sums[g] += v;
    present[g] = 1;
  }
  if (!(absSum <= LIMIT)) return undefined; // ±inf or sums past 2^53: the general path says which
  // a region is summed only whole: every member municipality present in each year the region appears in
  const have = new Int32Array(unitIds.height * ys);
  for (let m = 0; m < muni.span; m += 1)
    for (let y = 0; y < ys; y += 1) {
      if (!presence[m * ys + y]) continue;
      if (unitOf[m]! < 0) return undefined;
      have[unitOf[m]! * ys + y] += 1;
    }
  for (let i = 0; i < have.length; i += 1) if (have[i]! > 0 && have[i]! < need[Math.floor(i / ys)]!) return undefined; // the general path names it

  // the groups present, in index order (= target, then each kept key, in sort order), decoded
  let count = 0;
  for (let g = 0; g < groups; g += 1) count += present[g]!;
  const tIdx = new Array<number>(count);
  const keyIdx = dense.map(() => new Int32Array(count));
  const out = new Float64Array(count);
  for (let g = 0, i = 0; g < groups; g += 1) {
    if (!present[g]) continue;
    let rest = g;
    for (let j = dense.length - 1; j >= 0; j -= 1) {
      const span = dense[j]!.span;
      keyIdx[j]![i] = rest % span;
      rest = (rest - keyIdx[j]![i]!) / span;
    }
    tIdx[i] = rest;
    out[i] = sums[g]!;
    i += 1;
  }
  return pl.DataFrame([
    ...[o.to, ...o.extra].map((c) => targets.getColumn(c).gather(tIdx)),
    ...dense.map((d, j) => d.decode(keyIdx[j]!)),
    pl.Series(o.value, out, pl.Float64),
  ]);
}
