/**
 * Generators of contract-breaking copies of a data file, derived from the
 * contracts its manifest entry declares. Each generated copy names the typed
 * error it must produce. Only values the schema still accepts are written, so
 * the contract — not the schema — must catch them.
 */
import fc from "fast-check";
import { identityMutations } from "./identityMutations";
import {
  BalanceError,
  ChangeBoundError,
  CrossFileError,
  DataError,
  IncompleteKeysError,
  KeySetError,
  OrderError,
  OutOfRangeError,
  UnsafeIntegerError,
  type Contract,
  type FileSpec,
} from "../../src/lib/index";

export interface ContractMutation {
  records: string[][];
  error: new (...args: never[]) => DataError;
  what: string;
  /** A fragment the error's `key` must contain. */
  key?: string;
}

type Range = Extract<Contract, { kind: "range" }>;
type Complete = Extract<Contract, { kind: "complete" }>;
type Order = Extract<Contract, { kind: "order" }>;

function violatesRange(v: number, c: Range): boolean {
  return (
    (c.gt !== undefined && !(v > c.gt)) ||
    (c.gte !== undefined && !(v >= c.gte)) ||
    (c.lt !== undefined && !(v < c.lt)) ||
    (c.lte !== undefined && !(v <= c.lte))
  );
}

/**
 * Contract-breaking variants of `recs` (header + data, as strings) for the contracts of `spec`.
 * `other` reads another manifest file's records (for cross-file sums).
 */
export function contractMutation(spec: FileSpec, recs: string[][], other: (path: string) => string[][]): fc.Arbitrary<ContractMutation> {
  const header = recs[0]!;
  const data = recs.slice(1);
  const idx = (c: string): number => header.indexOf(c);
  const setCell = (r: number, c: number, v: string): string[][] => [
    header,
    ...data.map((d, k) => (k === r ? d.map((x, j) => (j === c ? v : x)) : d)),
  ];
  const matches = (d: string[], w?: { column: string; pattern: string }): boolean => !w || new RegExp(`^(?:${w.pattern})$`).test(d[idx(w.column)]!);
  const ranges = (spec.contracts ?? []).filter((c): c is Range => c.kind === "range");
  const rangeBroken = (d: string[], col: string, v: number): boolean =>
    ranges.some((c) => c.column === col && matches(d, c.where) && violatesRange(v, c));
  const gens: fc.Arbitrary<ContractMutation>[] = [];
  const dimsOf = (c: Complete) =>
    c.dimensions.map((d) => ({
      column: d.column,
      values:
        d.from !== undefined
          ? Array.from({ length: d.to! - d.from + 1 }, (_, i) => String(d.from! + i))
          : spec.columns.find((x) => x.name === d.column)!.codes!,
    }));
  // the key the first broken `complete` contract (in declaration order) names: its first missing combination
  const firstMissing = (rows: string[][]): string | undefined => {
    for (const c of (spec.contracts ?? []).filter((x): x is Complete => x.kind === "complete")) {
      const dims = dimsOf(c);
      const have = new Set(rows.map((d) => dims.map((x) => d[idx(x.column)]).join("|")));
      let combos: string[][] = [[]];
      for (const x of dims) combos = combos.flatMap((k) => x.values.map((v) => [...k, v]));
      const miss = combos.find((k) => !have.has(k.join("|")));
      if (miss) return dims.map((x, i) => `${x.column}=${miss[i]}`).join(", ");
    }
    return undefined;
  };
  const orders = (spec.contracts ?? []).filter((c): c is Order => c.kind === "order");
  const orderBroken = (d: string[], col: string, v: number): boolean =>
    orders.some((o) => matches(d, o.where) && o.lower === col && d[idx(o.upper)] !== "" && v > Number(d[idx(o.upper)]));

  const intCols = spec.columns.filter((c) => c.type === "integer").map((c) => idx(c.name));
  if (intCols.length) {
    gens.push(
      fc.tuple(fc.nat(data.length - 1), fc.constantFrom(...intCols), fc.bigInt({ min: 10n ** 16n, max: 10n ** 25n })).map(([r, c, v]) => ({
        records: setCell(r, c, v.toString()),
        error: UnsafeIntegerError,
        what: `${v} in ${header[c]} row ${r + 2}`,
      })),
    );
  }

  for (const c of spec.contracts ?? []) {
    if (c.kind === "complete") {
      const dims = dimsOf(c);
      gens.push(
        fc
          .constantFrom(...dims)
          .chain((d) => fc.constantFrom(...d.values).map((v) => [d.column, v] as const))
          .map(([col, v]) => {
            const rows = data.filter((d) => d[idx(col)] !== v);
            return {
              records: [header, ...rows],
              error: IncompleteKeysError,
              what: `rows with ${col}=${v} deleted`,
              key: firstMissing(rows) ?? `${col}=${v}`,
            };
          }),
      );
    }
    if (c.kind === "range") {
      const rows = data.map((d, k) => (matches(d, c.where) && d[idx(c.column)] !== "" ? k : -1)).filter((k) => k >= 0);
      const bad = [c.gt, c.lt, c.gte !== undefined ? c.gte - 1 : undefined, c.lte !== undefined ? c.lte + 1 : undefined].filter(
        (x): x is number => x !== undefined,
      );
      const col = spec.columns.find((x) => x.name === c.column)!;
      const allowed = bad.filter(
        (v) => (col.min === undefined || v >= col.min) && (col.max === undefined || v <= col.max) && (col.type !== "integer" || Number.isInteger(v)),
      );
      if (rows.length && allowed.length) {
        gens.push(
          fc.tuple(fc.constantFrom(...rows), fc.constantFrom(...allowed)).map(([r, v]) => ({
            records: setCell(r, idx(c.column), String(v)),
            error: OutOfRangeError,
            what: `${c.column} = ${v} on row ${r + 2}`,
          })),
        );
      }
    }
    if (c.kind === "change") {
      const seriesKey = (d: string[]): string => c.series.map((s) => d[idx(s)]).join("|");
      const have = new Set(data.map((d) => `${seriesKey(d)}|${d[idx(c.step)]}`));
      const rows = data.map((d, k) => (have.has(`${seriesKey(d)}|${Number(d[idx(c.step)]) - 1}`) ? k : -1)).filter((k) => k >= 0);
      gens.push(
        fc.tuple(fc.constantFrom(...rows), fc.constantFrom(10, 0.1)).map(([r, f]) => {
          const d = data[r]!;
          const v = Math.max(1, Math.round(Number(d[idx(c.column)]) * f));
          return {
            records: setCell(r, idx(c.column), String(v)),
            error: rangeBroken(d, c.column, v) ? OutOfRangeError : ChangeBoundError,
            what: `${c.column} ×${f} on row ${r + 2}`,
            key: c.series.map((s) => `${s}=${d[idx(s)]}`).join(", "),
          };
        }),
      );
    }
    if (c.kind === "balance") {
      const terms = [...c.plus, ...c.minus].filter((t) => !ranges.some((r) => r.column === t));
      // (row, term, largest k) such that the bumped value stays within the column's declared max
      const options = data.flatMap((d, r) => {
        if (!matches(d, c.where) || ![...c.plus, ...c.minus, c.equals].every((t) => d[idx(t)] !== "")) return [];
        return terms.flatMap((t) => {
          const max = spec.columns.find((x) => x.name === t)!.max;
          const kMax = max === undefined ? 99_999 : Math.floor(max - Number(d[idx(t)]) - 2 * c.maxResidual);
          return kMax >= 1 ? [[r, t, kMax] as const] : [];
        });
      });
      if (options.length) {
        gens.push(
          fc
            .constantFrom(...options)
            .chain(([r, t, kMax]) => fc.integer({ min: 1, max: kMax }).map((k) => [r, t, k] as const))
            .map(([r, t, k]) => {
              // a bump of 2 × maxResidual + k moves the residual (at most maxResidual before) beyond the bound
              const v = Number(data[r]![idx(t)]) + 2 * c.maxResidual + k;
              return {
                records: setCell(r, idx(t), String(v)),
                error: orderBroken(data[r]!, t, v) ? OrderError : BalanceError, // order is checked before balance
                what: `${t} + ${2 * c.maxResidual + k} on row ${r + 2}`,
              };
            }),
        );
      }
    }
    if (c.kind === "crossSum") {
      const o = other(c.against.file);
      const groups = new Set(o.slice(1).map((r) => c.against.match.map((m) => r[o[0]!.indexOf(m)]).join("|")));
      const rows = data.map((d, k) => (groups.has(c.groupBy.map((g) => d[idx(g)]).join("|")) ? k : -1)).filter((k) => k >= 0);
      gens.push(
        fc.tuple(fc.constantFrom(...rows), fc.constantFrom(-3, -2, -1, 1, 2, 3)).map(([r, delta]) => ({
          records: setCell(r, idx(c.column), String(Number(data[r]![idx(c.column)]) + delta)),
          error: CrossFileError,
          what: `${c.column} ${delta > 0 ? "+" : ""}${delta} on row ${r + 2}`,
          key: c.groupBy.map((g) => `${g}=${data[r]![idx(g)]}`).join(", "),
        })),
      );
    }
    if (c.kind === "sameKeys") {
      const values = [...new Set(data.map((d) => d[idx(c.column)]!))];
      gens.push(
        fc.constantFrom(...values).map((v) => ({
          records: [header, ...data.filter((d) => d[idx(c.column)] !== v)],
          // a complete contract on the same column, if declared, is checked first (single-file contracts run before cross-file ones)
          error: (spec.contracts ?? []).some((x) => x.kind === "complete" && x.dimensions.some((d) => d.column === c.column))
            ? IncompleteKeysError
            : KeySetError,
          what: `rows with ${c.column}=${v} deleted`,
          key: `${c.column}=${v}`,
        })),
      );
    }
  }
  gens.push(...identityMutations(spec, recs, other));
  return fc.oneof(...gens);
}
