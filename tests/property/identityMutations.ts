/**
 * Generators of copies that break the contracts for identities and assumptions
 * (required, printed, order, determines, rollup, sameValues), each naming the typed
 * error it must produce. Values stay within the schema (type, min, max, codes), and
 * a mutation is aimed at one contract; where an earlier-checked contract on the same
 * column must fire first, the expected error says so.
 */
import fc from "fast-check";
import {
  CrossFileError,
  DisagreementError,
  InconsistentGroupError,
  MissingValueError,
  OrderError,
  PrintedValueError,
  RollupError,
  type Contract,
  type FileSpec,
} from "../../src/lib/index";
import type { ContractMutation } from "./contractMutations";

type Of<K extends Contract["kind"]> = Extract<Contract, { kind: K }>;

export function identityMutations(spec: FileSpec, recs: string[][], other: (path: string) => string[][]): fc.Arbitrary<ContractMutation>[] {
  const header = recs[0]!;
  const data = recs.slice(1);
  const idx = (c: string): number => header.indexOf(c);
  const setCell = (r: number, c: number, v: string): string[][] => [
    header,
    ...data.map((d, k) => (k === r ? d.map((x, j) => (j === c ? v : x)) : d)),
  ];
  const matches = (d: string[], w?: { column: string; pattern: string }): boolean => !w || new RegExp(`^(?:${w.pattern})$`).test(d[idx(w.column)]!);
  const col = (name: string) => spec.columns.find((x) => x.name === name)!;
  const inSchema = (name: string, v: number): boolean => {
    const c = col(name);
    return (c.min === undefined || v >= c.min) && (c.max === undefined || v <= c.max) && (c.type !== "integer" || Number.isInteger(v));
  };
  const contracts = spec.contracts ?? [];
  const printedOn = (name: string): boolean => contracts.some((c) => c.kind === "printed" && [c.value, c.low, c.high].includes(name));
  const completeOn = (name: string): boolean => contracts.some((c) => c.kind === "complete" && c.dimensions.some((d) => d.column === name));
  const gens: fc.Arbitrary<ContractMutation>[] = [];
  const rowsWhere = (ok: (d: string[]) => boolean): number[] => data.map((d, k) => (ok(d) ? k : -1)).filter((k) => k >= 0);

  for (const c of contracts) {
    if (c.kind === "required" && col(c.column).nullable) {
      const rows = rowsWhere((d) => matches(d, c.where) && d[idx(c.column)] !== "");
      if (rows.length)
        gens.push(
          fc
            .constantFrom(...rows)
            .map((r) => ({ records: setCell(r, idx(c.column), ""), error: MissingValueError, what: `${c.column} emptied on row ${r + 2}` })),
        );
    }
    if (c.kind === "order") {
      const rows = rowsWhere(
        (d) => matches(d, c.where) && d[idx(c.lower)] !== "" && d[idx(c.upper)] !== "" && inSchema(c.lower, Number(d[idx(c.upper)]) + 1),
      );
      if (rows.length)
        gens.push(
          fc.constantFrom(...rows).map((r) => ({
            records: setCell(r, idx(c.lower), String(Number(data[r]![idx(c.upper)]) + 1)),
            error: printedOn(c.lower) ? PrintedValueError : OrderError, // printed is checked before order
            what: `${c.lower} = ${c.upper} + 1 on row ${r + 2}`,
          })),
        );
    }
    if (c.kind === "printed") {
      const rows = rowsWhere((d) => d[idx(c.value)] !== "" && d[idx(c.printed)] !== "");
      if (rows.length)
        gens.push(
          fc.tuple(fc.constantFrom(...rows), fc.constantFrom(-1, 1, 0.1)).map(([r, delta]) => ({
            records: setCell(r, idx(c.value), String(Number(data[r]![idx(c.value)]) + delta)),
            error: PrintedValueError,
            what: `${c.value} ${delta > 0 ? "+" : ""}${delta} on row ${r + 2}`,
          })),
        );
    }
    if (c.kind === "determines") {
      const group = (d: string[]): string => c.by.map((b) => d[idx(b)]).join("|");
      const free = c.columns.filter((x) => !completeOn(x));
      const options = data.flatMap((d, r) =>
        free.flatMap((x) => {
          // rows of a group with another member, given a value of another group (any schema-valid value of the column)
          if (data.filter((e) => group(e) === group(d)).length < 2) return [];
          return [...new Set(data.map((e) => e[idx(x)]!))].filter((v) => v !== d[idx(x)] && v !== "").map((v) => [r, x, v] as const);
        }),
      );
      if (options.length)
        gens.push(
          fc
            .constantFrom(...options)
            .map(([r, x, v]) => ({ records: setCell(r, idx(x), v), error: InconsistentGroupError, what: `${x} = ${v} on row ${r + 2}` })),
        );
    }
    if (c.kind === "rollup") {
      const rows = rowsWhere((d) => c.children.includes(d[idx(c.code)]!));
      const sums = c.sum.filter(
        (s) =>
          !contracts.some(
            (o) =>
              (o.kind === "order" && (o.lower === s || o.upper === s)) || (o.kind === "balance" && [...o.plus, ...o.minus, o.equals].includes(s)),
          ),
      );
      if (rows.length && sums.length) {
        const total = (s: string): number => Number(data.find((d) => d[idx(c.code)] === c.parent)![idx(s)]);
        gens.push(
          fc.tuple(fc.constantFrom(...rows), fc.constantFrom(...sums), fc.integer({ min: 1, max: 1000 })).map(([r, s, k]) => ({
            // + the parent's total + k: beyond any rounding allowance, complete or not
            records: setCell(r, idx(s), String(Number(data[r]![idx(s)]) + total(s) + k)),
            error: RollupError,
            what: `${s} + ${total(s) + k} on row ${r + 2}`,
            key: `${c.code}=${c.parent}`,
          })),
        );
      }
    }
    if (c.kind === "sameValues" && c.columns.length === 1 && col(c.columns[0]!).type === "integer") {
      const o = other(c.against.file);
      const oi = (n: string): number => o[0]!.indexOf(n);
      const shift = c.against.shift;
      const keys = new Set(
        o
          .slice(1)
          .filter((r) => !c.against.where || new RegExp(`^(?:${c.against.where.pattern})$`).test(r[oi(c.against.where.column)]!))
          .map((r) => c.against.key.map((k) => (k === shift?.column ? String(Number(r[oi(k)]) + shift.by) : r[oi(k)])).join("|")),
      );
      const crossSums = contracts.filter((x): x is Of<"crossSum"> => x.kind === "crossSum");
      // a county sum declared before (crossSum, whose key is its group) sees the bump first
      const summed = (d: string[]): Of<"crossSum"> | undefined =>
        crossSums.find((x) => {
          const t = other(x.against.file);
          return t.slice(1).some((r) => x.against.match.every((m, i) => r[t[0]!.indexOf(m)] === d[idx(x.groupBy[i]!)]));
        });
      const rows = rowsWhere((d) => keys.has(c.key.map((k) => d[idx(k)]).join("|")));
      if (rows.length)
        gens.push(
          fc.tuple(fc.constantFrom(...rows), fc.integer({ min: 1, max: 30 })).map(([r, k]) => {
            const d = data[r]!;
            const delta = (c.tolerance ?? 0) + k;
            const sum = summed(d);
            return {
              records: setCell(r, idx(c.columns[0]!), String(Number(d[idx(c.columns[0]!)]) + delta)),
              error: sum ? CrossFileError : DisagreementError,
              what: `${c.columns[0]} + ${delta} on row ${r + 2} (against ${c.against.file})`,
              key: (sum ? sum.groupBy : c.key).map((g) => `${g}=${d[idx(g)]}`).join(", "),
            };
          }),
        );
    }
  }
  return gens;
}
