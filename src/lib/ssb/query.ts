/**
 * A PxWebApi query (table + selection) and the HTTP request it becomes under
 * SSB's PxWebApi v2 (GET with valueCodes[...]) or v0 (POST with a JSON query).
 */
import { createHash } from "node:crypto";
import { SsbQueryError } from "./errors";

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

/** The PxWebApi versions this client speaks. */
export const API_VERSIONS: readonly ApiVersion[] = ["v2", "v0"];
const LANGS = ["en", "no"] as const;
/** A variable code as SSB writes them: Region, Tid, ContentsCode, Kjonn … */
export const VARIABLE_CODE = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
/** A value code: K-0501, 2000, Personer1, 0-4 … (starts with a letter or digit; no spaces, commas, wildcards or control characters). */
export const VALUE_CODE = /^[A-Za-z0-9][A-Za-z0-9_.+-]{0,63}$/;

function normalised(q: SsbQuery): Required<SsbQuery> {
  if (!q || typeof q !== "object") throw new SsbQueryError("", `expected a query object { table, selection }, got ${String(q)}`);
  if (typeof q.table !== "string" || !/^[0-9]{5}$/.test(q.table))
    throw new SsbQueryError("", `table id must be 5 digits (e.g. 07459), got '${String(q.table)}'`);
  const t = q.table;
  const api = q.api ?? "v2";
  if (!API_VERSIONS.includes(api)) throw new SsbQueryError(t, `API version must be ${API_VERSIONS.join(" or ")}, got '${String(api)}'`);
  const lang = q.lang ?? "en";
  if (!LANGS.includes(lang)) throw new SsbQueryError(t, `language must be ${LANGS.join(" or ")}, got '${String(lang)}'`);
  if (!q.selection || typeof q.selection !== "object" || Array.isArray(q.selection))
    throw new SsbQueryError(t, "selection must be an object of variable code → value codes");
  const selection = Object.fromEntries(
    Object.keys(q.selection)
      .sort()
      .map((k) => {
        if (!VARIABLE_CODE.test(k)) throw new SsbQueryError(t, `variable code must be a letter followed by letters, digits, '_' or '-', got '${k}'`);
        const values = q.selection[k];
        if (!Array.isArray(values)) throw new SsbQueryError(t, `selection for '${k}' must be a list of value codes`);
        if (values.length === 0) throw new SsbQueryError(t, `selection for '${k}' is empty`);
        const bad = values.find((v) => typeof v !== "string" || !VALUE_CODE.test(v));
        if (bad !== undefined)
          throw new SsbQueryError(
            t,
            `value codes of '${k}' must be 1–64 letters, digits or _ . + - (starting with a letter or digit), got '${String(bad)}'`,
          );
        const dup = values.find((v, i) => values.indexOf(v) !== i);
        if (dup !== undefined) throw new SsbQueryError(t, `value code '${dup}' is selected twice for '${k}'`);
        return [k, [...values]];
      }),
  );
  return { table: t, selection, api, lang };
}

/**
 * The HTTP request for a query.
 * @throws SsbQueryError on a table id that is not 5 digits, an unknown API version or language, or a bad selection
 * @example
 * buildRequest({ table: "07459", selection: { Region: ["K-0501"] } });
 * // { method: "GET", url: "https://data.ssb.no/api/pxwebapi/v2/tables/07459/data?lang=en&outputFormat=json-stat2&valueCodes[Region]=K-0501" }
 */
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

/**
 * A stable cache key: table + sha256 of the normalised query (selection order does not matter for variables).
 * @example
 * cacheKey({ table: "07459", selection: { Region: ["K-0501"] } }); // "07459-" + 16 hex digits
 */
export function cacheKey(q: SsbQuery): string {
  const n = normalised(q);
  return `${n.table}-${createHash("sha256").update(JSON.stringify(n)).digest("hex").slice(0, 16)}`;
}

/** Most year codes one range spec may give. */
export const MAX_YEARS = 500;

/**
 * Parse "2000-2009" or "2000,2003" into year codes.
 * @throws SsbQueryError on anything else, a range that runs backwards, a year given twice, or more than MAX_YEARS years
 * @example
 * yearRange("2000-2002,2005"); // ["2000", "2001", "2002", "2005"]
 */
export function yearRange(spec: string): string[] {
  const out: string[] = [];
  if (typeof spec !== "string") throw new SsbQueryError("", `years: expected e.g. 2000-2009 or 2000,2005, got ${String(spec)}`);
  for (const part of spec.split(",")) {
    const m = /^\s*(\d{4})\s*(?:-\s*(\d{4}))?\s*$/.exec(part);
    if (!m) throw new SsbQueryError("", `years: expected e.g. 2000-2009 or 2000,2005, got '${spec}'`);
    const [a, b] = [Number(m[1]), Number(m[2] ?? m[1])];
    if (a < 1000 || b < 1000) throw new SsbQueryError("", `years: expected years from 1000 to 9999, got '${spec}'`);
    if (b < a) throw new SsbQueryError("", `years: ${a}-${b} runs backwards (write ${b}-${a})`);
    if (out.length + b - a + 1 > MAX_YEARS) throw new SsbQueryError("", `years: '${spec}' gives more than ${MAX_YEARS} years`);
    for (let y = a; y <= b; y += 1) {
      if (out.includes(String(y))) throw new SsbQueryError("", `years: ${y} is given twice in '${spec}'`);
      out.push(String(y));
    }
  }
  return out;
}
