/**
 * Fetch a table from SSB's PxWebApi with an offline cache. The network is
 * used only when `online` is set; otherwise the cached response (under
 * data/cache/ssb/, keyed by table + query) is read, or an SsbOfflineError
 * says how to fetch it. Timeouts and a size cap bound every request.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type * as pl from "nodejs-polars";
import { dataDir } from "../data/manifest";
import { SsbHttpError, SsbLimitError, SsbOfflineError, SsbFormatError } from "./errors";
import { checkDimensions, jsonStatToFrame } from "./jsonstat";
import { buildRequest, cacheKey, type SsbQuery, type SsbRequest } from "./query";

export interface FetchOptions {
  /** Allow network access (default false: cache only). */
  online?: boolean;
  /** Fetch even when a cached response exists (needs `online`). */
  refresh?: boolean;
  /** Cache folder (default data/cache/ssb). */
  cacheDir?: string;
  /** Milliseconds before a request is abandoned (default 30 000). */
  timeoutMs?: number;
  /** Largest response accepted, in bytes (default 20 MB). */
  maxBytes?: number;
  /** The fetch implementation (default the global fetch); tests pass a stub. */
  fetchImpl?: typeof fetch;
}

export interface FetchResult {
  frame: pl.DataFrame;
  fromCache: boolean;
  cacheFile: string;
  request: SsbRequest;
}

interface CacheEntry {
  request: SsbRequest;
  query: SsbQuery;
  fetched_at: string;
  response: unknown;
}

export function defaultCacheDir(): string {
  return join(dataDir(), "cache", "ssb");
}

async function readCapped(res: Response, maxBytes: number, table: string): Promise<string> {
  const declared = Number(res.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new SsbLimitError(table, `response of ${declared} bytes exceeds the cap of ${maxBytes}`);
  if (!res.body) return "";
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new SsbLimitError(table, `response exceeds the cap of ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * @example
 * const { frame } = await fetchSsb({ table: "07459", selection: { Region: ["K-0501"], Tid: ["2000", "2001"] } }, { online: true });
 */
export async function fetchSsb(query: SsbQuery, opts: FetchOptions = {}): Promise<FetchResult> {
  const request = buildRequest(query);
  const dir = opts.cacheDir ?? defaultCacheDir();
  const cacheFile = join(dir, `${cacheKey(query)}.json`);
  if (existsSync(cacheFile) && !opts.refresh) {
    const entry = JSON.parse(readFileSync(cacheFile, "utf8")) as CacheEntry;
    checkDimensions(entry.response, query.selection, query.table);
    return { frame: jsonStatToFrame(entry.response, query.table), fromCache: true, cacheFile, request };
  }
  if (!opts.online) {
    throw new SsbOfflineError(query.table, `no cached response for this query (${cacheFile}); fetch it once with --online (network access)`);
  }
  const doFetch = opts.fetchImpl ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let text: string;
  try {
    const res = await doFetch(request.url, {
      method: request.method,
      body: request.body,
      headers: request.body ? { "content-type": "application/json" } : undefined,
      signal: controller.signal,
    });
    if (!res.ok) throw new SsbHttpError(query.table, request.url, res.status, await readCapped(res, 10_000, query.table).catch(() => ""));
    text = await readCapped(res, opts.maxBytes ?? 20_000_000, query.table);
  } catch (e) {
    if ((e as Error).name === "AbortError") throw new SsbLimitError(query.table, `no complete answer within ${timeoutMs} ms from ${request.url}`);
    throw e;
  } finally {
    clearTimeout(timer);
  }
  let response: unknown;
  try {
    response = JSON.parse(text);
  } catch {
    throw new SsbFormatError(query.table, `the response is not JSON (${text.slice(0, 80)})`);
  }
  checkDimensions(response, query.selection, query.table);
  const frame = jsonStatToFrame(response, query.table);
  mkdirSync(dir, { recursive: true });
  const entry: CacheEntry = { request, query, fetched_at: new Date().toISOString(), response };
  writeFileSync(cacheFile, JSON.stringify(entry, null, 1));
  return { frame, fromCache: false, cacheFile, request };
}
