/**
 * JSON-stat 2 datasets (SSB's PxWebApi output) as long polars frames, parsed
 * with jsonstat-toolkit: one column per dimension (its codes), one
 * `<dimension>_label` column per dimension, `value` (Float64, null where SSB
 * has no figure) and `status` (SSB's symbol, e.g. "." or ":", else null).
 *
 * A value must be a finite number or null. Anything else (a string such as
 * "12,5" or "..", a boolean, an object) is an SsbFormatError naming the cell —
 * unless SSB's status symbol for that cell says there is no figure
 * (MISSING_SYMBOLS), in which case the value is null and the symbol is kept.
 */
import * as pl from "nodejs-polars";
import { SsbFormatError } from "./errors";

/** The part of jsonstat-toolkit's API used here (the package ships no types). */
interface JsonStatDataset {
  toTable(opts: { type: "arrobj"; content: "id" | "label"; status?: boolean }): Record<string, unknown>[];
  Dimension(id: string): { label: string | null };
}
// CommonJS require: the package exports a function, which tslab and vitest both load this way
// eslint-disable-next-line @typescript-eslint/no-require-imports
const JSONstat = require("jsonstat-toolkit") as (doc: unknown) => JsonStatDataset;

interface JsonStatDoc {
  version?: string;
  class?: string;
  id?: string[];
  size?: number[];
  dimension?: Record<string, { label?: string; category?: { index?: string[] | Record<string, number>; label?: Record<string, string> } }>;
  value?: unknown[] | Record<string, unknown>;
  status?: string | (string | null)[] | Record<string, string | null>;
}

/**
 * SSB's standard symbols that stand in place of a figure: "." not applicable,
 * ".." not available, "..." not yet available, ":" confidential, "-" nil
 * (nothing to report; kept as a symbol, not turned into 0).
 */
export const MISSING_SYMBOLS: readonly string[] = [".", "..", "...", ":", "-"];

/** The raw value and status symbol of cell `i` (row-major index). */
function cell(d: JsonStatDoc, i: number): { value: unknown; status: string | null } {
  const v = Array.isArray(d.value) ? d.value[i] : (d.value ?? {})[String(i)];
  const st = d.status;
  const raw = typeof st === "string" ? st : Array.isArray(st) ? st[i] : st && typeof st === "object" ? st[String(i)] : undefined;
  return { value: v === undefined ? null : v, status: raw === undefined || raw === null ? null : String(raw) };
}

/** A JSON value on one line, cut to `max` characters. */
function brief(v: unknown, max = 120): string {
  const t = JSON.stringify(v) ?? String(v);
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

/**
 * The codes of dimension `dim` in position order. Its category index must be an array of distinct
 * codes or an object {code: position} whose positions are a permutation of 0…n−1 (a dimension of
 * one category may give only its label), and n must equal the dimension's entry in `size`: a gap
 * or a repeated position would make the toolkit put one category's label on another's value.
 * The caller has checked that `id` and `size` are arrays.
 */
function categoryCodes(doc: JsonStatDoc, dim: string, table: string): string[] {
  const cat = doc.dimension?.[dim]?.category;
  const index: unknown = cat?.index;
  const refuse = (n: number, why: string): never => {
    throw new SsbFormatError(table, `dimension '${dim}' has the category index ${brief(index)}, expected a permutation of 0…${n - 1} (${why})`);
  };
  let codes: string[];
  if (Array.isArray(index)) {
    const n = index.length;
    const seen = new Map<string, number>();
    index.forEach((c: unknown, i) => {
      if (typeof c !== "string") refuse(n, `position ${i} holds ${brief(c)}, not a code`);
      if (seen.has(c as string)) refuse(n, `'${String(c)}' at positions ${seen.get(c as string)} and ${i}`);
      seen.set(c as string, i);
    });
    codes = index as string[];
  } else if (index !== null && typeof index === "object") {
    const entries = Object.entries(index as Record<string, unknown>);
    const n = entries.length;
    codes = new Array<string>(n);
    for (const [code, p] of entries) {
      if (typeof p !== "number" || !Number.isInteger(p) || p < 0 || p >= n) refuse(n, `'${code}' at ${brief(p)}`);
      const at = p as number;
      if (codes[at] !== undefined) refuse(n, `'${codes[at]}' and '${code}' both at ${at}`);
      codes[at] = code;
    }
  } else {
    const labels = cat?.label;
    if (index !== undefined || !labels || typeof labels !== "object" || Object.keys(labels).length !== 1)
      throw new SsbFormatError(table, `dimension '${dim}' has no category index`);
    codes = Object.keys(labels);
  }
  const i = doc.id!.indexOf(dim);
  if (i < 0) throw new SsbFormatError(table, `dimension '${dim}' is not listed in id (${doc.id!.join(", ")})`);
  if (codes.length !== doc.size![i])
    throw new SsbFormatError(table, `dimension '${dim}' has ${codes.length} categories but size says ${brief(doc.size![i])}`);
  return codes;
}

/**
 * A JSON-stat 2 dataset as a long frame: per dimension its codes and labels, then `value` and `status`.
 * @param doc a parsed JSON-stat 2 dataset
 * @param table table id for error messages
 * @throws SsbFormatError when it is not a JSON-stat 2 dataset, its sizes do not add up, a category
 *   index is not a permutation of 0…n−1 (n the dimension's size),
 *   or a cell holds something other than a number or null that no status symbol explains
 * @example
 * jsonStatToFrame(JSON.parse(text), "07459"); // Region, Region_label, Tid, Tid_label, value, status
 */
export function jsonStatToFrame(doc: unknown, table = "?"): pl.DataFrame {
  const d = doc as JsonStatDoc;
  if (!d || typeof d !== "object" || d.class !== "dataset" || !Array.isArray(d.id) || !Array.isArray(d.size) || !d.dimension) {
    throw new SsbFormatError(table, "expected a JSON-stat 2 dataset (class 'dataset' with id, size and dimension)");
  }
  if (d.id.length !== d.size.length) throw new SsbFormatError(table, `id has ${d.id.length} dimensions but size has ${d.size.length}`);
  const codes = d.id.map((dim) => categoryCodes(d, dim, table));
  const cells = d.size.reduce((a, b) => a * b, 1);
  const nValues = Array.isArray(d.value) ? d.value.length : Object.keys(d.value ?? {}).length;
  if (Array.isArray(d.value) && nValues !== cells) throw new SsbFormatError(table, `value has ${nValues} cells, dimensions give ${cells}`);
  if (d.value !== undefined && (d.value === null || typeof d.value !== "object"))
    throw new SsbFormatError(table, `value must be an array or an object of cells, got ${typeof d.value}`);
  if (!Array.isArray(d.value)) {
    const badKey = Object.keys(d.value ?? {}).find((k) => !/^(0|[1-9][0-9]*)$/.test(k) || Number(k) >= cells);
    if (badKey !== undefined) throw new SsbFormatError(table, `value has a cell '${badKey}' outside 0…${cells - 1}`);
  }
  let ds: JsonStatDataset;
  let rows: Record<string, unknown>[];
  let labelled: Record<string, unknown>[];
  try {
    ds = JSONstat(doc);
    rows = ds.toTable({ type: "arrobj", content: "id" });
    labelled = ds.toTable({ type: "arrobj", content: "label" });
  } catch (e) {
    throw new SsbFormatError(table, `jsonstat-toolkit could not read the dataset: ${(e as Error).message}`);
  }
  if (!Array.isArray(rows) || !Array.isArray(labelled) || labelled.length !== rows.length)
    throw new SsbFormatError(table, "jsonstat-toolkit could not read the dataset");
  if (rows.length !== cells) throw new SsbFormatError(table, `jsonstat-toolkit gave ${rows.length} rows for ${cells} cells`);
  // values are taken by row-major position (cell i), codes from the toolkit's rows: they must agree
  rows.forEach((r, i) => {
    let rest = i;
    for (let k = d.id!.length - 1; k >= 0; k -= 1) {
      const n = d.size![k]!;
      const want = codes[k]![rest % n];
      if (String(r[d.id![k]!]) !== want)
        throw new SsbFormatError(
          table,
          `cell ${i}: jsonstat-toolkit gives ${d.id![k]}=${String(r[d.id![k]!])}, its position in the index is ${want}`,
        );
      rest = Math.floor(rest / n);
    }
  });
  const values: (number | null)[] = [];
  const status: (string | null)[] = [];
  rows.forEach((r, i) => {
    const c = cell(d, i);
    status.push(c.status);
    if (c.value === null || (typeof c.value === "number" && Number.isFinite(c.value))) values.push(c.value as number | null);
    else if (c.status !== null && MISSING_SYMBOLS.includes(c.status)) values.push(null);
    else {
      const where = d.id!.map((dim) => `${dim}=${String(r[dim])}`).join(", ");
      throw new SsbFormatError(
        table,
        `cell ${i} (${where}) has the value ${JSON.stringify(c.value) ?? String(c.value)} (${typeof c.value}); expected a number, or null with a status symbol` +
          (c.status === null
            ? " — the cell has no status symbol"
            : ` — its status '${c.status}' is not one of ${MISSING_SYMBOLS.map((m) => `'${m}'`).join(", ")}`),
      );
    }
  });
  const columns: pl.Series[] = [];
  for (const dim of d.id) {
    columns.push(
      pl.Series(
        dim,
        rows.map((r) => String(r[dim])),
        pl.Utf8,
      ),
    );
    // each category's label from the document, its code where it has none (the toolkit's label table is keyed by the
    // dimensions' labels, which may repeat another dimension's id, and gives "undefined" for a category without one)
    const catLabels = (d.dimension?.[dim]?.category?.label ?? {}) as Record<string, unknown>;
    columns.push(
      pl.Series(
        `${dim}_label`,
        rows.map((r) => {
          const code = String(r[dim]);
          const label = catLabels[code];
          return typeof label === "string" ? label : code;
        }),
        pl.Utf8,
      ),
    );
  }
  columns.push(pl.Series("value", values, pl.Float64));
  columns.push(pl.Series("status", status, pl.Utf8));
  return pl.DataFrame(columns);
}

/**
 * Check that a response holds exactly the categories the query selected, each selected
 * dimension's category index being a permutation of 0…n−1 with n its entry in `size`.
 * @throws SsbFormatError naming the dimension and the codes missing or extra, or the bad index
 * @example
 * checkDimensions(doc, { Region: ["K-0501"], Tid: ["2000", "2001"] }, "07459");
 */
export function checkDimensions(doc: unknown, selection: Record<string, string[]>, table = "?"): void {
  const d = doc as JsonStatDoc;
  if (
    !d ||
    typeof d !== "object" ||
    !d.dimension ||
    typeof d.dimension !== "object" ||
    !Array.isArray(d.id) ||
    !Array.isArray(d.size) ||
    d.id.length !== d.size.length
  ) {
    throw new SsbFormatError(table, "expected a JSON-stat 2 dataset with a 'dimension' object and 'id' and 'size' of equal length");
  }
  for (const [dim, wanted] of Object.entries(selection)) {
    if (!d.dimension?.[dim]) throw new SsbFormatError(table, `the response has no dimension '${dim}' (has: ${(d.id ?? []).join(", ")})`);
    const got = new Set(categoryCodes(d, dim, table));
    const missing = wanted.filter((w) => !got.has(w));
    const extra = [...got].filter((g) => !wanted.includes(g));
    if (missing.length || extra.length) {
      throw new SsbFormatError(
        table,
        `dimension '${dim}' does not match the query${missing.length ? `; missing ${missing.join(", ")}` : ""}${extra.length ? `; unexpected ${extra.join(", ")}` : ""}`,
      );
    }
  }
}
