/**
 * CSV reading and validation against a manifest entry. Cells are checked with
 * zod schemas built from the column specs; every failure becomes a typed
 * error naming file, row (header = row 1), column and what was expected.
 */
import { parse } from "csv-parse/sync";
import { z } from "zod";
import { checkContracts } from "./contracts";
import { DuplicateKeyError, HeaderError, ManifestError, SumError, UnsafeIntegerError, ValueError } from "./errors";
import type { ColumnSpec, FileSpec } from "./manifest";

export type Cell = string | number | null;
export type Row = Record<string, Cell>;

/** A validated table: its manifest entry and rows keyed by column name (`unit` "feature" for GeoJSON: row k = feature k + 1). */
export interface Table {
  spec: FileSpec;
  file: string;
  rows: Row[];
  unit?: "row" | "feature";
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

/** Significant digits of a decimal literal (leading zeros, and trailing zeros after the point, do not count). */
function significantDigits(s: string): number {
  const [int = "", frac = ""] = s.replace(/^-/, "").split(".");
  return (int + frac.replace(/0+$/, "")).replace(/^0+/, "").length;
}

/** Why a numeric cell cannot be held exactly: an integer beyond ±(2^53 − 1), or more than 15 significant digits. */
function unsafeNumber(col: ColumnSpec, raw: string): string | undefined {
  if (col.type === "integer" && INTEGER.test(raw) && !Number.isSafeInteger(Number(raw))) {
    return `an integer within ±${Number.MAX_SAFE_INTEGER} (Number.MAX_SAFE_INTEGER; larger values cannot be held exactly)`;
  }
  if (col.type === "number" && NUMBER.test(raw) && significantDigits(raw) > 15) {
    return "a number with at most 15 significant digits (what a Float64 holds exactly)";
  }
  return undefined;
}

/**
 * Validate data records (without header) against a manifest entry's columns and key:
 * typed cells, safe integers, no duplicate keys. `firstRow` is the number of
 * `records[0]` in error messages (2 for a CSV below its header, 1 for GeoJSON features).
 * @throws ValueError (UnsafeIntegerError) | DuplicateKeyError
 * @example
 * validateRecords([["0402", "2000", "17349"]], spec, "data/x.csv", 2);
 */
export function validateRecords(records: string[][], spec: FileSpec, file: string, firstRow: number, unit: "row" | "feature" = "row"): Row[] {
  const schemas = spec.columns.map(cellSchema);
  const rows: Row[] = [];
  const seen = new Map<string, number>();
  records.forEach((rec, k) => {
    const rowNo = k + firstRow;
    const row: Row = {};
    spec.columns.forEach((col, j) => {
      const raw = rec[j] ?? "";
      const unsafe = unsafeNumber(col, raw);
      if (unsafe !== undefined) throw new UnsafeIntegerError({ file, row: rowNo, unit, column: col.name }, unsafe, raw);
      const r = (schemas[j] as z.ZodType<Cell, string>).safeParse(raw);
      if (!r.success) {
        throw new ValueError({ file, row: rowNo, unit, column: col.name }, r.error.issues[0]?.message ?? "a valid value", JSON.stringify(raw));
      }
      row[col.name] = r.data;
    });
    const key = JSON.stringify(spec.key.map((c) => row[c]));
    const first = seen.get(key);
    if (first !== undefined) {
      throw new DuplicateKeyError(
        { file, row: rowNo, unit, column: spec.key.join("+") },
        `a unique key (${spec.key.join(", ")})`,
        `${key} already on ${unit} ${first}`,
      );
    }
    seen.set(key, rowNo);
    rows.push(row);
  });
  if (rows.length === 0) throw new ValueError({ file, row: firstRow, unit }, `at least one data ${unit}`, "none");
  return rows;
}

/**
 * Parse CSV text and validate it against a manifest entry: header, cells, key,
 * sums, then the entry's single-file contracts (complete, range, change, balance).
 * @param text the file's content
 * @param spec its manifest entry (columns, key, sums, contracts)
 * @param file the name used in error messages
 * @throws HeaderError | ValueError (UnsafeIntegerError) | DuplicateKeyError | SumError | ContractError
 * @example
 * parseTable(readFileSync("data/report/claims.csv", "utf8"), fileSpec("report/claims.csv")).rows.length;
 */
export function parseTable(text: string, spec: FileSpec, file: string = `data/${spec.path}`): Table {
  if (spec.format !== undefined && spec.format !== "csv")
    throw new ManifestError({ file }, "a CSV entry (use parseGeoJsonTable for GeoJSON)", `format '${spec.format}'`);
  const records = parseRecords(text, file);
  const expected = spec.columns.map((c) => c.name);
  const header = records[0];
  if (header === undefined) throw new HeaderError({ file, row: 1 }, `header ${expected.join(",")}`, "an empty file");
  if (header.length !== expected.length || header.some((h, i) => h !== expected[i])) {
    const i = expected.findIndex((name, k) => header[k] !== name);
    throw new HeaderError({ file, row: 1, column: expected[i] ?? header[i] }, `header ${expected.join(",")}`, header.join(","));
  }
  const rows = validateRecords(records.slice(1), spec, file, 2);
  checkSums(rows, spec, file);
  const table: Table = { spec, file, rows };
  checkContracts(table);
  return table;
}

/**
 * Rounding allowance for a sum of `n` parts published with `decimals`
 * decimals: each part may be off by half a unit of its last digit, so the
 * sum may miss the stated total by up to n × ½ × 10^−decimals.
 * @example
 * roundingAllowance(4, 1); // 0.2 (four parts printed with one decimal)
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
