/**
 * CSV reading and validation against a manifest entry. Cells are checked with
 * zod schemas built from the column specs; every failure becomes a typed
 * error naming file, row (header = row 1), column and what was expected.
 */
import { parse } from "csv-parse/sync";
import { z } from "zod";
import { DuplicateKeyError, HeaderError, SumError, ValueError } from "./errors";
import type { ColumnSpec, FileSpec } from "./manifest";

export type Cell = string | number | null;
export type Row = Record<string, Cell>;

/** A validated table: its manifest entry and rows keyed by column name. */
export interface Table {
  spec: FileSpec;
  file: string;
  rows: Row[];
}

const NUMBER = /^-?(?:\d+)(?:\.\d+)?$/;
const INTEGER = /^-?\d+$/;

function cellSchema(col: ColumnSpec): z.ZodType<Cell> {
  let base: z.ZodType<Cell>;
  const range = (n: number): boolean => (col.min === undefined || n >= col.min) && (col.max === undefined || n <= col.max);
  const rangeText = col.min !== undefined || col.max !== undefined ? ` in [${col.min ?? "-∞"}, ${col.max ?? "∞"}]` : "";
  switch (col.type) {
    case "integer":
      base = z
        .string()
        .regex(INTEGER, { message: `an integer (digits only, no thousands separator)${rangeText}` })
        .transform(Number)
        .refine(range, { message: `an integer${rangeText}` });
      break;
    case "number":
      base = z
        .string()
        .regex(NUMBER, { message: `a number with '.' as decimal separator${rangeText}` })
        .transform(Number)
        .refine((n) => Number.isFinite(n) && range(n), { message: `a finite number${rangeText}` });
      break;
    case "code":
      base = z.string().refine((s) => (col.codes ?? []).includes(s), {
        message: `one of the codes ${JSON.stringify(col.codes ?? [])}`,
      });
      break;
    default:
      base = z.string().min(1, { message: "a non-empty text" });
  }
  if (col.pattern !== undefined) {
    const re = new RegExp(`^(?:${col.pattern})$`);
    const inner = base;
    base = z
      .string()
      .refine((s) => re.test(s), { message: `text matching /${col.pattern}/` })
      .pipe(inner as z.ZodType<Cell, string>);
  }
  if (col.nullable) {
    const inner = base;
    return z.string().transform((s, ctx) => {
      if (s === "") return null;
      const r = (inner as z.ZodType<Cell, string>).safeParse(s);
      if (!r.success) {
        ctx.addIssue({ code: "custom", message: r.error.issues[0]?.message ?? "a valid value" });
        return z.NEVER;
      }
      return r.data;
    });
  }
  return base;
}

function parseRecords(text: string, file: string): string[][] {
  try {
    return parse(text, { bom: true, relax_column_count: false, skip_empty_lines: true }) as string[][];
  } catch (e) {
    const err = e as { lines?: number; message?: string };
    throw new ValueError({ file, row: err.lines }, "well-formed CSV with the same number of fields on every row", err.message);
  }
}

/**
 * Parse CSV text and validate it against a manifest entry.
 * @param text the file's content
 * @param spec its manifest entry (columns, key, sums)
 * @param file the name used in error messages
 * @throws HeaderError | ValueError | DuplicateKeyError | SumError
 */
export function parseTable(text: string, spec: FileSpec, file: string = `data/${spec.path}`): Table {
  const records = parseRecords(text, file);
  const expected = spec.columns.map((c) => c.name);
  const header = records[0];
  if (header === undefined) throw new HeaderError({ file, row: 1 }, `header ${expected.join(",")}`, "an empty file");
  if (header.length !== expected.length || header.some((h, i) => h !== expected[i])) {
    const i = expected.findIndex((name, k) => header[k] !== name);
    throw new HeaderError({ file, row: 1, column: expected[i] ?? header[i] }, `header ${expected.join(",")}`, header.join(","));
  }
  const schemas = spec.columns.map(cellSchema);
  const rows: Row[] = [];
  const seen = new Map<string, number>();
  records.slice(1).forEach((rec, k) => {
    const rowNo = k + 2;
    const row: Row = {};
    spec.columns.forEach((col, j) => {
      const raw = rec[j] ?? "";
      const r = (schemas[j] as z.ZodType<Cell, string>).safeParse(raw);
      if (!r.success) {
        throw new ValueError({ file, row: rowNo, column: col.name }, r.error.issues[0]?.message ?? "a valid value", JSON.stringify(raw));
      }
      row[col.name] = r.data;
    });
    const key = JSON.stringify(spec.key.map((c) => row[c]));
    const first = seen.get(key);
    if (first !== undefined) {
      throw new DuplicateKeyError(
        { file, row: rowNo, column: spec.key.join("+") },
        `a unique key (${spec.key.join(", ")})`,
        `${key} already on row ${first}`,
      );
    }
    seen.set(key, rowNo);
    rows.push(row);
  });
  if (rows.length === 0) throw new ValueError({ file, row: 2 }, "at least one data row", "none");
  checkSums(rows, spec, file);
  return { spec, file, rows };
}

/**
 * Rounding allowance for a sum of `n` parts published with `decimals`
 * decimals: each part may be off by half a unit of its last digit, so the
 * sum may miss the stated total by up to n × ½ × 10^−decimals.
 */
export function roundingAllowance(nParts: number, decimals: number): number {
  return nParts * 0.5 * 10 ** -decimals;
}

function checkSums(rows: Row[], spec: FileSpec, file: string): void {
  for (const check of spec.sums ?? []) {
    const decimals = Math.max(...check.parts.map((p) => spec.columns.find((c) => c.name === p)?.decimals ?? 0));
    const allowance = roundingAllowance(check.parts.length, decimals);
    rows.forEach((row, k) => {
      const values = check.parts.map((p) => row[p]);
      const total = row[check.total];
      if (values.some((v) => typeof v !== "number") || typeof total !== "number") return;
      const sum = (values as number[]).reduce((a, b) => a + b, 0);
      if (Math.abs(sum - total) > allowance + 1e-9) {
        throw new SumError(
          { file, row: k + 2, column: check.total },
          `${check.parts.join(" + ")} to equal ${check.total} = ${total} within ±${allowance.toFixed(decimals + 2)} (${check.parts.length} parts rounded to ${decimals} decimal(s))`,
          `a sum of ${sum.toFixed(decimals + 2)}`,
        );
      }
    });
  }
}
