/**
 * JSON-stat 2 datasets (SSB's PxWebApi output) as long polars frames, parsed
 * with jsonstat-toolkit: one column per dimension (its codes), one
 * `<dimension>_label` column per dimension, `value` (Float64, null where SSB
 * has no figure) and `status` (SSB's symbol, e.g. "." or ":", else null).
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
  value?: (number | null)[] | Record<string, number | null>;
}

function categoryCodes(doc: JsonStatDoc, dim: string): string[] {
  const cat = doc.dimension?.[dim]?.category;
  const index = cat?.index;
  if (Array.isArray(index)) return index;
  if (index && typeof index === "object")
    return Object.entries(index)
      .sort((a, b) => a[1] - b[1])
      .map(([k]) => k);
  const labels = cat?.label;
  if (labels && Object.keys(labels).length === 1) return Object.keys(labels);
  throw new SsbFormatError("?", `dimension '${dim}' has no category index`);
}

/**
 * @param doc a parsed JSON-stat 2 dataset
 * @param table table id for error messages
 * @throws SsbFormatError when it is not a JSON-stat 2 dataset or its sizes do not add up
 */
export function jsonStatToFrame(doc: unknown, table = "?"): pl.DataFrame {
  const d = doc as JsonStatDoc;
  if (!d || typeof d !== "object" || d.class !== "dataset" || !Array.isArray(d.id) || !Array.isArray(d.size) || !d.dimension) {
    throw new SsbFormatError(table, "expected a JSON-stat 2 dataset (class 'dataset' with id, size and dimension)");
  }
  if (d.id.length !== d.size.length) throw new SsbFormatError(table, `id has ${d.id.length} dimensions but size has ${d.size.length}`);
  d.id.forEach((dim, i) => {
    const n = categoryCodes(d, dim).length;
    if (n !== d.size![i]) throw new SsbFormatError(table, `dimension '${dim}' has ${n} categories but size says ${d.size![i]}`);
  });
  const cells = d.size.reduce((a, b) => a * b, 1);
  const nValues = Array.isArray(d.value) ? d.value.length : Object.keys(d.value ?? {}).length;
  if (Array.isArray(d.value) && nValues !== cells) throw new SsbFormatError(table, `value has ${nValues} cells, dimensions give ${cells}`);
  const ds = JSONstat(doc);
  const rows = ds.toTable({ type: "arrobj", content: "id", status: true }) as Record<string, unknown>[];
  const labelled = ds.toTable({ type: "arrobj", content: "label" }) as Record<string, unknown>[];
  const columns: pl.Series[] = [];
  for (const dim of d.id) {
    columns.push(
      pl.Series(
        dim,
        rows.map((r) => String(r[dim])),
        pl.Utf8,
      ),
    );
    const dimLabel = ds.Dimension(dim).label ?? dim;
    columns.push(
      pl.Series(
        `${dim}_label`,
        labelled.map((r) => String(r[dimLabel] ?? r[dim])),
        pl.Utf8,
      ),
    );
  }
  columns.push(
    pl.Series(
      "value",
      rows.map((r) => (typeof r["value"] === "number" ? r["value"] : null)),
      pl.Float64,
    ),
  );
  columns.push(
    pl.Series(
      "status",
      rows.map((r) => (r["status"] === null || r["status"] === undefined ? null : String(r["status"]))),
      pl.Utf8,
    ),
  );
  return pl.DataFrame(columns);
}

/**
 * Check that a response holds exactly the categories the query selected.
 * @throws SsbFormatError naming the dimension and the codes missing or extra
 */
export function checkDimensions(doc: unknown, selection: Record<string, string[]>, table = "?"): void {
  const d = doc as JsonStatDoc;
  for (const [dim, wanted] of Object.entries(selection)) {
    if (!d.dimension?.[dim]) throw new SsbFormatError(table, `the response has no dimension '${dim}' (has: ${(d.id ?? []).join(", ")})`);
    const got = new Set(categoryCodes(d, dim));
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
