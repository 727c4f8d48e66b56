/**
 * Property tests of the CSV loaders: generated malformed copies of every data
 * file must give a typed DataError naming the file (and row/column where it
 * has one), or — for harmless variants such as a BOM or CRLF line ends — parse
 * to exactly the same rows. Never another exception, never a dropped row.
 * Then the data contracts: generated contract-breaking copies (a key's rows
 * deleted, a value at its plausibility bound, ×10 or ÷10, a balancing term
 * bumped, a county part off by one, a 20-digit integer) are written into a temp
 * copy of data/, RE-HASHED like `npm run data:rehash`, and loading must still
 * fail with the contract's typed error.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { afterAll, describe, expect, it } from "vitest";
import { turn } from "../support/turn";
import { DataError, HeaderError, dataDir, loadTable, parseTable, readManifest, rehashManifest, type FileSpec } from "../../src/lib/index";
import { contractMutation } from "./contractMutations";

// The national files (data/national/: up to 14,637 rows) are left out of these generated runs: each run parses and checks a
// whole copy synchronously, 90 and 40 runs a file held a test worker's loop past vitest's 60 s RPC deadline (issue 21),
// and a mutation that picks one value out of every row overflows fast-check's argument list. Their loaders and contracts
// are tested on hand-made broken copies in tests/data/national.test.ts.
const files = readManifest().files.filter((f) => (f.format ?? "csv") === "csv" && !f.path.startsWith("national/"));
let tried = 0;
let unhandled = 0;

function recordsOf(spec: FileSpec): string[][] {
  return parse(readFileSync(join(dataDir(), spec.path), "utf8"), { bom: true }) as string[][];
}

type Outcome = { kind: "benign"; text: string } | { kind: "bad"; text: string };

function mutation(spec: FileSpec): fc.Arbitrary<Outcome> {
  const recs = recordsOf(spec);
  const header = recs[0]!;
  const data = recs.slice(1);
  const text = (r: string[][]): string => stringify(r);
  const nCols = header.length;
  const row = fc.integer({ min: 0, max: data.length - 1 });
  const colIdx = fc.integer({ min: 0, max: nCols - 1 });
  const numericCols = spec.columns.map((c, i) => (c.type === "number" || c.type === "integer" ? i : -1)).filter((i) => i >= 0);
  const codeCols = spec.columns.map((c, i) => (c.type === "code" ? i : -1)).filter((i) => i >= 0);
  const setCell = (r: number, c: number, v: string): string[][] => [
    header,
    ...data.map((d, k) => (k === r ? d.map((x, j) => (j === c ? v : x)) : d)),
  ];
  const gens: fc.Arbitrary<Outcome>[] = [
    colIdx.chain((c) =>
      fc
        .string({ minLength: 1, maxLength: 12 })
        .filter((s) => s !== header[c])
        .map((s) => ({ kind: "bad" as const, text: text([header.map((h, j) => (j === c ? s : h)), ...data]) })),
    ),
    colIdx.map((c) => ({ kind: "bad" as const, text: text(recs.map((r) => r.filter((_, j) => j !== c))) })),
    fc
      .tuple(colIdx, colIdx)
      .filter(([a, b]) => a !== b && header[a] !== header[b])
      .map(([a, b]) => ({ kind: "bad" as const, text: text(recs.map((r) => r.map((x, j) => (j === a ? r[b]! : j === b ? r[a]! : x)))) })),
    row.map((r) => ({ kind: "bad" as const, text: text([...recs, data[r]!]) })),
    fc.constantFrom("", "\n", " \n", "\ufeff").map((t) => ({ kind: "bad" as const, text: t })),
    fc.constant({ kind: "benign" as const, text: "\ufeff" + text(recs) }),
    fc.constant({ kind: "benign" as const, text: text(recs).replace(/\n/g, "\r\n") }),
    fc.constant({ kind: "bad" as const, text: recs.map((r) => r.join(";")).join("\n") + "\n" }),
  ];
  if (numericCols.length) {
    const nc = fc.constantFrom(...numericCols);
    gens.push(
      fc
        .tuple(
          row,
          nc,
          fc.constantFrom("NaN", "Infinity", "-Infinity", "1e999", "abc", "1 000", "12,5", "-", "0x10", "1.2.3", "12345678901234567890"),
        )
        .map(([r, c, v]) => ({ kind: "bad" as const, text: text(setCell(r, c, v)) })),
      fc
        .tuple(
          row,
          nc.filter((c) => (spec.columns[c]!.min ?? -Infinity) >= 0),
          fc.integer({ min: 1, max: 10_000 }),
        )
        .map(([r, c, v]) => ({ kind: "bad" as const, text: text(setCell(r, c, `-${v}`)) })),
    );
  }
  if (codeCols.length) {
    const cc = fc.constantFrom(...codeCols);
    gens.push(
      fc
        .tuple(row, cc, fc.string({ minLength: 1, maxLength: 10 }))
        .filter(([, c, v]) => !(spec.columns[c]!.codes ?? []).includes(v) && !(spec.columns[c]!.nullable && v === ""))
        .map(([r, c, v]) => ({ kind: "bad" as const, text: text(setCell(r, c, v)) })),
    );
  }
  if (spec.sums?.length) {
    const parts = spec.sums.map((s) => spec.columns.findIndex((c) => c.name === s.parts[0]));
    gens.push(
      fc.tuple(row, fc.constantFrom(...parts), fc.integer({ min: 1, max: 50 })).map(([r, c, bump]) => {
        const v = Number(data[r]![c]) + bump;
        return { kind: "bad" as const, text: text(setCell(r, c, v.toFixed(1))) };
      }),
    );
  }
  return fc.oneof(...gens);
}

describe.each(files.map((f) => [f.path, f] as const))("loader of %s", (_path, spec) => {
  const original = parseTable(readFileSync(join(dataDir(), spec.path), "utf8"), spec).rows;
  it("gives a typed error or the same rows for generated variants", async () => {
    await fc.assert(
      fc.asyncProperty(mutation(spec), async (m) => {
        await turn();
        tried += 1;
        let rows;
        try {
          rows = parseTable(m.text, spec, "copy.csv").rows;
        } catch (e) {
          if (!(e instanceof DataError)) {
            unhandled += 1;
            throw e;
          }
          expect(e.file).toBe("copy.csv");
          if (!(e instanceof HeaderError) && m.text.trim() !== "") expect(e.row).toBeGreaterThanOrEqual(1);
          return;
        }
        // parsed: then nothing may be lost or changed
        expect(rows).toEqual(original);
      }),
      { numRuns: 90, seed: 20091114 },
    );
  });
});

let contractTried = 0;
describe.each(files.filter((f) => (f.contracts ?? []).length > 0).map((f) => [f.path, f] as const))(
  "contracts of %s after a rehash",
  (_path, spec) => {
    it("a generated contract-breaking copy fails with the contract's typed error", async () => {
      const dir = mkdtempSync(join(tmpdir(), "innlandet-contracts-"));
      cpSync(dataDir(), dir, { recursive: true });
      const other = (p: string): string[][] => recordsOf(readManifest().files.find((f) => f.path === p)!);
      await fc.assert(
        fc.asyncProperty(contractMutation(spec, recordsOf(spec), other), async (m) => {
          await turn();
          contractTried += 1;
          writeFileSync(join(dir, spec.path), stringify(m.records));
          rehashManifest(dir);
          let error: unknown;
          try {
            loadTable(spec.path, dir);
          } catch (e) {
            error = e;
          }
          expect(error, m.what).toBeInstanceOf(m.error);
          expect((error as DataError).file, m.what).toBe(`data/${spec.path}`);
          if (m.key !== undefined) expect((error as DataError).key, m.what).toContain(m.key);
        }),
        { numRuns: 40, seed: 20091114 },
      );
    });
  },
);

afterAll(() => {
  process.stdout.write(`\nproperty tests (loaders): ${tried} generated bad inputs tried, ${unhandled} unhandled errors\n`);
  process.stdout.write(`property tests (contracts): ${contractTried} generated contract-breaking copies tried after a rehash\n`);
});
