/**
 * A PxWebApi query (table + selection) and the HTTP request it becomes under
 * SSB's PxWebApi v2 (GET with valueCodes[...]) or v0 (POST with a JSON query).
 */
import { createHash } from "node:crypto";

export type ApiVersion = "v2" | "v0";

export interface SsbQuery {
  /** StatBank table id, e.g. "07459". */
  table: string;
  /** Variable code → value codes to select, e.g. { Region: ["K-0501"], Tid: ["2000", "2001"] }. */
  selection: Record<string, string[]>;
  /** Default "v2". */
  api?: ApiVersion;
  /** Default "en". */
  lang?: "en" | "no";
}

export interface SsbRequest {
  url: string;
  method: "GET" | "POST";
  body?: string;
}

export const SSB_BASE = "https://data.ssb.no/api";

function normalised(q: SsbQuery): Required<SsbQuery> {
  if (!/^[0-9]{5}$/.test(q.table)) throw new RangeError(`SSB table id must be 5 digits, got '${q.table}'`);
  const selection = Object.fromEntries(
    Object.keys(q.selection)
      .sort()
      .map((k) => {
        const values = q.selection[k]!;
        if (values.length === 0) throw new RangeError(`selection for '${k}' is empty`);
        return [k, [...values]];
      }),
  );
  return { table: q.table, selection, api: q.api ?? "v2", lang: q.lang ?? "en" };
}

/** The HTTP request for a query. */
export function buildRequest(q: SsbQuery): SsbRequest {
  const n = normalised(q);
  if (n.api === "v2") {
    const params = [
      `lang=${n.lang}`,
      "outputFormat=json-stat2",
      ...Object.entries(n.selection).map(([k, v]) => `valueCodes[${encodeURIComponent(k)}]=${v.map(encodeURIComponent).join(",")}`),
    ];
    return { url: `${SSB_BASE}/pxwebapi/v2/tables/${n.table}/data?${params.join("&")}`, method: "GET" };
  }
  const body = {
    query: Object.entries(n.selection).map(([code, values]) => ({ code, selection: { filter: "item", values } })),
    response: { format: "json-stat2" },
  };
  return { url: `${SSB_BASE}/v0/${n.lang}/table/${n.table}`, method: "POST", body: JSON.stringify(body) };
}

/** A stable cache key: table + sha256 of the normalised query (selection order does not matter for variables). */
export function cacheKey(q: SsbQuery): string {
  const n = normalised(q);
  return `${n.table}-${createHash("sha256").update(JSON.stringify(n)).digest("hex").slice(0, 16)}`;
}

/** Parse "2000-2009" or "2000,2003" into year codes. */
export function yearRange(spec: string): string[] {
  const out: string[] = [];
  for (const part of spec.split(",")) {
    const m = /^\s*(\d{4})\s*(?:-\s*(\d{4}))?\s*$/.exec(part);
    if (!m) throw new RangeError(`years: expected e.g. 2000-2009 or 2000,2005, got '${spec}'`);
    const [a, b] = [Number(m[1]), Number(m[2] ?? m[1])];
    if (b < a) throw new RangeError(`years: ${a}-${b} runs backwards`);
    for (let y = a; y <= b; y += 1) out.push(String(y));
  }
  return out;
}
