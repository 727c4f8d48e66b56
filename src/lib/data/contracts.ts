/**
 * Checks of the data contracts declared per file in the manifest (see
 * contractSchema.ts). Single-file contracts run inside `parseTable` (the identities and
 * assumptions of issue 21 in identityContracts.ts); the cross-file ones (`crossSum`,
 * `sameKeys`, `sameValues`) run inside `loadTable`, which can
 * read the other file. Each violation is a typed ContractError naming file,
 * row, key, column and both values where they exist.
 */
import type {
  SameValuesContract,
  BalanceContract,
  ChangeContract,
  CompleteContract,
  Contract,
  CrossSumContract,
  RangeContract,
  SameKeysContract,
} from "./contractSchema";
import { BalanceError, ChangeBoundError, CrossFileError, DisagreementError, IncompleteKeysError, KeySetError, OutOfRangeError } from "./errors";
import type { Table } from "./csv";
import { cellText, fmt, keyText, loc, matches, rowNumber } from "./contractUtil";
import { checkAllowed, checkDetermines, checkOrder, checkPrinted, checkRequired, checkRollup } from "./identityContracts";

const SINGLE_ORDER = ["complete", "required", "range", "printed", "order", "change", "balance", "determines", "allowed", "rollup"] as const;

function checkComplete(t: Table, c: CompleteContract): void {
  const selected = c.where ? new RegExp(`^(?:${c.where.pattern})$`) : undefined;
  const values = c.dimensions.map((d) => {
    if (d.from !== undefined && d.to !== undefined) return Array.from({ length: d.to - d.from + 1 }, (_, i) => String(d.from! + i));
    const codes = t.spec.columns.find((x) => x.name === d.column)?.codes ?? [];
    return selected && c.where?.column === d.column ? codes.filter((v) => selected.test(v)) : codes;
  });
  const have = new Set(t.rows.filter((r) => matches(r, c.where)).map((r) => JSON.stringify(c.dimensions.map((d) => String(r[d.column])))));
  let combos: string[][] = [[]];
  for (const vs of values) combos = combos.flatMap((p) => vs.map((v) => [...p, v]));
  const missing = combos.filter((k) => !have.has(JSON.stringify(k)));
  if (missing.length === 0) return;
  const name = (k: string[]): string => c.dimensions.map((d, i) => `${d.column}=${k[i]}`).join(", ");
  const claim = c.dimensions
    .map((d, i) => (d.from !== undefined ? `${d.column} ${d.from}–${d.to}` : `${values[i]!.length} ${d.column} codes`))
    .join(" × ");
  const scope = c.where ? ` where ${c.where.column} matches /${c.where.pattern}/` : "";
  throw new IncompleteKeysError(
    { file: t.file, key: name(missing[0]!) },
    `a row for every ${claim} (${combos.length} keys)${scope}`,
    `no row for it; ${missing.length} key(s) missing${missing.length > 1 ? `, the first ${Math.min(5, missing.length)}: ${missing.slice(0, 5).map(name).join("; ")}` : ""}`,
  );
}

function checkRange(t: Table, c: RangeContract): void {
  const text = [
    c.gt !== undefined ? `> ${c.gt}` : "",
    c.gte !== undefined ? `≥ ${c.gte}` : "",
    c.lt !== undefined ? `< ${c.lt}` : "",
    c.lte !== undefined ? `≤ ${c.lte}` : "",
  ]
    .filter(Boolean)
    .join(" and ");
  t.rows.forEach((r, k) => {
    const v = r[c.column];
    if (typeof v !== "number" || !matches(r, c.where)) return;
    const ok =
      (c.gt === undefined || v > c.gt) &&
      (c.gte === undefined || v >= c.gte) &&
      (c.lt === undefined || v < c.lt) &&
      (c.lte === undefined || v <= c.lte);
    if (!ok) throw new OutOfRangeError(loc(t, k, c.column), `a value ${text}${c.note ? ` (${c.note})` : ""}`, String(v));
  });
}

function checkChange(t: Table, c: ChangeContract): void {
  const series = new Map<string, Map<number, number>>();
  t.rows.forEach((r, k) => {
    const s = JSON.stringify(c.series.map((col) => String(r[col])));
    const step = r[c.step];
    if (typeof step !== "number") return;
    if (!series.has(s)) series.set(s, new Map());
    series.get(s)!.set(step, k);
  });
  t.rows.forEach((r, k) => {
    const step = r[c.step];
    const v = r[c.column];
    if (typeof step !== "number" || typeof v !== "number") return;
    const prevRow = series.get(JSON.stringify(c.series.map((col) => String(r[col]))))?.get(step - 1);
    const prev = prevRow === undefined ? undefined : t.rows[prevRow]![c.column];
    if (typeof prev !== "number") return;
    const rel = prev === 0 ? (v === 0 ? 0 : Infinity) : (v - prev) / prev;
    const exception = (c.exceptions ?? []).find((e) => e.to === step && Object.entries(e.series).every(([col, val]) => String(r[col]) === val));
    const bound = exception?.maxRelative ?? c.maxRelative;
    if (Math.abs(rel) > bound + 1e-12) {
      const pct = (x: number): string => `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)} %`;
      throw new ChangeBoundError(
        loc(t, k, c.column),
        `|change| ≤ ${(bound * 100).toFixed(1)} % per ${c.step} (${exception ? `the exception for this ${c.step}: ${exception.reason}` : "the bound stated in the manifest"})`,
        `${prev} (${t.unit ?? "row"} ${loc(t, prevRow!).row}, ${c.step} ${step - 1}) → ${v} (${c.step} ${step}): ${pct(rel)}`,
      );
    }
  });
}

function checkBalance(t: Table, c: BalanceContract): void {
  t.rows.forEach((r, k) => {
    if (!matches(r, c.where)) return;
    const terms = [...c.plus, ...c.minus, c.equals].map((col) => r[col]);
    if (terms.some((v) => typeof v !== "number")) return; // an empty term: the identity cannot be evaluated (missing stays missing)
    const lhs = c.plus.reduce((a, col) => a + (r[col] as number), 0) - c.minus.reduce((a, col) => a + (r[col] as number), 0);
    const rhs = r[c.equals] as number;
    if (Math.abs(lhs - rhs) > c.maxResidual) {
      throw new BalanceError(
        loc(t, k, c.equals),
        `${c.plus.join(" + ")}${c.minus.map((m) => ` − ${m}`).join("")} = ${c.equals} within ±${c.maxResidual} (the residual stated in the manifest)`,
        `${fmt(lhs)} vs ${c.equals} = ${fmt(rhs)} (residual ${fmt(lhs - rhs)})`,
      );
    }
  });
}

/**
 * Check a parsed table's single-file contracts, kind by kind in this order: complete, required,
 * range, printed, order, change, balance, determines, allowed, rollup.
 * @throws IncompleteKeysError | MissingValueError | OutOfRangeError | PrintedValueError | OrderError |
 *   ChangeBoundError | BalanceError | InconsistentGroupError | DisallowedValueError | RollupError
 * @example
 * checkContracts(parseTable(text, spec)); // throws on the first violation
 */
export function checkContracts(t: Table): void {
  const contracts = t.spec.contracts ?? [];
  for (const kind of SINGLE_ORDER) {
    for (const c of contracts.filter((x): x is Contract => x.kind === kind)) {
      if (c.kind === "complete") checkComplete(t, c);
      else if (c.kind === "range") checkRange(t, c);
      else if (c.kind === "change") checkChange(t, c);
      else if (c.kind === "balance") checkBalance(t, c);
      else if (c.kind === "required") checkRequired(t, c);
      else if (c.kind === "printed") checkPrinted(t, c);
      else if (c.kind === "order") checkOrder(t, c);
      else if (c.kind === "determines") checkDetermines(t, c);
      else if (c.kind === "allowed") checkAllowed(t, c);
      else if (c.kind === "rollup") checkRollup(t, c);
    }
  }
}

function checkCrossSum(t: Table, c: CrossSumContract, other: Table): void {
  const sums = new Map<string, number | null>();
  for (const r of t.rows.filter((x) => matches(x, c.where))) {
    const g = JSON.stringify(c.groupBy.map((col) => String(r[col])));
    const v = r[c.column];
    const acc = sums.has(g) ? sums.get(g)! : 0;
    sums.set(g, acc === null || typeof v !== "number" ? null : acc + v);
  }
  other.rows.forEach((r, k) => {
    const g = JSON.stringify(c.against.match.map((col) => String(r[col])));
    const sum = sums.get(g);
    const total = r[c.against.column];
    if (sum === undefined || sum === null || typeof total !== "number") return; // not both present
    if (Math.abs(sum - total) > c.tolerance) {
      const key = c.groupBy.map((col, i) => `${col}=${String(r[c.against.match[i]!])}`).join(", ");
      throw new CrossFileError(
        { file: t.file, key, column: c.column },
        `the sum of ${c.column} over ${key} to equal ${other.file} row ${k + 2} ${c.against.column} = ${fmt(total)} (±${c.tolerance})`,
        `a sum of ${fmt(sum)} (difference ${sum - total > 0 ? "+" : ""}${fmt(sum - total)})`,
      );
    }
  });
}

function checkSameKeys(t: Table, c: SameKeysContract, other: Table): void {
  const mine = new Set(t.rows.map((r) => String(r[c.column])));
  const theirs = new Set(other.rows.map((r) => String(r[c.against.column])));
  const missing = [...theirs].filter((x) => !mine.has(x)).sort();
  const extra = [...mine].filter((x) => !theirs.has(x)).sort();
  if (missing.length === 0 && extra.length === 0) return;
  throw new KeySetError(
    { file: t.file, column: c.column, key: `${c.column}=${missing[0] ?? extra[0]}` },
    `the same ${theirs.size} ${c.column} values as ${other.file} column '${c.against.column}'`,
    [missing.length ? `missing: ${missing.join(", ")}` : "", extra.length ? `not in ${other.file}: ${extra.join(", ")}` : ""]
      .filter(Boolean)
      .join("; "),
  );
}

/** The `through` correspondence of a sameValues contract: `from` value → `to` value (one `to` per `from`). */
function correspondence(c: SameValuesContract, load: (path: string) => Table): Map<string, string> | undefined {
  const th = c.against.through;
  if (!th) return undefined;
  const table = load(th.file);
  const map = new Map<string, string>();
  table.rows.forEach((r, k) => {
    const [from, to] = [String(r[th.from]), String(r[th.to])];
    const before = map.get(from);
    if (before !== undefined && before !== to) {
      throw new DisagreementError(loc(table, k, th.to), `one ${th.to} per ${th.from} (a correspondence for ${c.against.file}: ${before})`, to);
    }
    map.set(from, to);
  });
  return map;
}

function checkSameValues(t: Table, c: SameValuesContract, other: Table, through?: Map<string, string>): void {
  const shift = c.against.shift;
  const th = c.against.through;
  const index = new Map<string, number[]>();
  other.rows.forEach((r, k) => {
    if (!matches(r, c.against.where)) return;
    const key = JSON.stringify(
      c.against.key.map((col) => {
        if (col === shift?.column && typeof r[col] === "number") return String((r[col] as number) + shift.by);
        if (th && through && col === th.column) {
          const to = through.get(String(r[col]));
          if (to === undefined) {
            throw new DisagreementError(
              loc(other, k, col),
              `a ${col} listed in ${th.file} column '${th.from}' (to compare with ${t.file})`,
              cellText(r[col]),
            );
          }
          return to;
        }
        return String(r[col]);
      }),
    );
    index.set(key, [...(index.get(key) ?? []), k]);
  });
  const tol = c.tolerance ?? 0;
  const matched = new Set<number>();
  t.rows.forEach((r, k) => {
    for (const h of index.get(JSON.stringify(c.key.map((col) => String(r[col])))) ?? []) {
      matched.add(h);
      const o = other.rows[h]!;
      c.columns.forEach((col, i) => {
        const theirCol = c.against.columns[i]!;
        const [mine, theirs] = [r[col] ?? null, o[theirCol] ?? null];
        if (mine === null || theirs === null) return; // an empty cell: nothing to compare (missing stays missing)
        const numbers = typeof mine === "number" && typeof theirs === "number";
        if (numbers ? Math.abs(mine - theirs) <= tol + 1e-9 : String(mine) === String(theirs)) return;
        throw new DisagreementError(
          loc(t, k, col),
          `${cellText(theirs)} as in ${other.file} ${other.unit ?? "row"} ${rowNumber(other, h)} column '${theirCol}' (${keyText(c.against.key, o)})${tol ? `, within ±${tol}` : ""}`,
          `${cellText(mine)}${numbers ? ` (difference ${mine - theirs > 0 ? "+" : ""}${fmt(mine - theirs)})` : ""}`,
        );
      });
    }
  });
  if (!c.against.all) return;
  const unmatched = [...index.values()].flat().filter((h) => !matched.has(h)).sort((a, b) => a - b);
  if (unmatched.length === 0) return;
  const h = unmatched[0]!;
  throw new KeySetError(
    { file: t.file, key: keyText(c.against.key, other.rows[h]!), column: c.key.join("+") },
    `a row for every row of ${other.file}${th ? ` (${th.column} translated through ${th.file})` : ""}`,
    `no row for ${other.file} ${other.unit ?? "row"} ${rowNumber(other, h)}; ${unmatched.length} unmatched`,
  );
}

/**
 * Check a table's cross-file contracts (crossSum, sameKeys, sameValues); `load` reads the other,
 * fully checked, file; `loadShallow` reads it without its own cross-file contracts (for
 * `sameValues` and its `through` correspondence, which files may declare against each other; each checks its own on its load).
 * @throws CrossFileError | KeySetError | DisagreementError
 * @example
 * checkCrossFileContracts(table, (path) => loadTable(path, dir));
 */
export function checkCrossFileContracts(t: Table, load: (path: string) => Table, loadShallow: (path: string) => Table = load): void {
  for (const c of t.spec.contracts ?? []) {
    if (c.kind === "crossSum") checkCrossSum(t, c, load(c.against.file));
    else if (c.kind === "sameKeys") checkSameKeys(t, c, load(c.against.file));
    else if (c.kind === "sameValues") checkSameValues(t, c, loadShallow(c.against.file), correspondence(c, loadShallow));
  }
}
