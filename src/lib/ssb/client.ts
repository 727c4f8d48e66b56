/**
 * Fetch a table from SSB's PxWebApi with an offline cache. The network is
 * used only when `online` is set; otherwise the cached response (under
 * data/cache/ssb/, keyed by table + query) is read, or an SsbOfflineError
 * says how to fetch it. Timeouts and a size cap bound every request.
 *
 * Every failure is a typed SsbError: a network failure names the URL and its
 * cause, a cache problem names the cache file, text that is not UTF-8 says so.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type * as pl from "nodejs-polars";
import { dataDir } from "../data/manifest";
import {
  SsbCacheError,
  SsbEncodingError,
  SsbError,
  SsbFormatError,
  SsbHttpError,
  SsbLimitError,
  SsbNetworkError,
  SsbOfflineError,
  SsbQueryError,
} from "./errors";
import { checkDimensions, jsonStatToFrame } from "./jsonstat";
import { buildRequest, cacheKey, type SsbQuery, type SsbRequest } from "./query";
import { decodeUtf8 } from "../data/text";

export interface FetchOptions {
  /** Allow network access (default false: cache only). */
  online?: boolean;
  /** Fetch even when a cached response exists (needs `online`). */
  refresh?: boolean;
  /** Cache folder (default data/cache/ssb). */
  cacheDir?: string;
  /** Milliseconds before a request is abandoned (default 30 000; 1 … 3 600 000). */
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

/** Longest timeout accepted, in ms (one hour). */
export const MAX_TIMEOUT_MS = 3_600_000;

/**
 * Where SSB answers are cached: `cache/ssb` in the data folder.
 * @example
 * defaultCacheDir(); // "<repo>/data/cache/ssb"
 */
export function defaultCacheDir(): string {
  return join(dataDir(), "cache", "ssb");
}

function checkOptions(table: string, opts: FetchOptions): { timeoutMs: number; maxBytes: number } {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  if (typeof timeoutMs !== "number" || !Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > MAX_TIMEOUT_MS) {
    throw new SsbQueryError(table, `timeout must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}, got ${String(timeoutMs)}`);
  }
  const maxBytes = opts.maxBytes ?? 20_000_000;
  if (typeof maxBytes !== "number" || !Number.isInteger(maxBytes) || maxBytes < 1) {
    throw new SsbQueryError(table, `maxBytes must be a whole number of bytes ≥ 1, got ${String(maxBytes)}`);
  }
  if (opts.refresh && !opts.online) throw new SsbQueryError(table, "refresh needs online (network access) to fetch again");
  return { timeoutMs, maxBytes };
}

async function readCapped(res: Response, maxBytes: number, table: string): Promise<Buffer> {
  const declared = Number(res.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new SsbLimitError(table, `response of ${declared} bytes exceeds the cap of ${maxBytes}`);
  if (!res.body) return Buffer.alloc(0);
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
  return Buffer.concat(chunks);
}

/** The frame of a cache file, or an SsbCacheError naming the file and what is wrong with it. */
function readCache(cacheFile: string, query: SsbQuery, request: SsbRequest): pl.DataFrame {
  const t = query.table;
  let bytes: Buffer;
  try {
    bytes = readFileSync(cacheFile);
  } catch (e) {
    throw new SsbCacheError(t, cacheFile, `cannot be read (${(e as Error).message})`, { cause: e });
  }
  const decoded = decodeUtf8(bytes, "the file");
  if (decoded.error !== undefined) throw new SsbCacheError(t, cacheFile, `${decoded.error}; delete it, or fetch again with --online --refresh`);
  let entry: CacheEntry;
  try {
    entry = JSON.parse(decoded.text) as CacheEntry;
  } catch (e) {
    throw new SsbCacheError(t, cacheFile, `is not valid JSON (${(e as Error).message}); delete it, or fetch again with --online --refresh`, {
      cause: e,
    });
  }
  if (!entry || typeof entry !== "object" || !("response" in entry)) {
    throw new SsbCacheError(t, cacheFile, "is not a cache entry (expected an object with request, query, fetched_at and response)");
  }
  if (entry.request && entry.request.url !== request.url) {
    throw new SsbCacheError(t, cacheFile, `was written for ${String(entry.request.url)}, not for ${request.url}`);
  }
  try {
    checkDimensions(entry.response, query.selection, t);
    return jsonStatToFrame(entry.response, t);
  } catch (e) {
    if (e instanceof SsbFormatError) throw new SsbCacheError(t, cacheFile, `holds an answer that fails its checks: ${e.message}`, { cause: e });
    throw e;
  }
}

/**
 * An SSB table as a long frame: from the cache, or with `online` from PxWebApi (then cached).
 * @throws SsbQueryError (bad query or options), SsbOfflineError, SsbNetworkError (URL and cause),
 *   SsbHttpError, SsbLimitError, SsbEncodingError, SsbFormatError, SsbCacheError (naming the file)
 * @example
 * const { frame } = await fetchSsb({ table: "07459", selection: { Region: ["K-0501"], Tid: ["2000", "2001"] } }, { online: true });
 */
export async function fetchSsb(query: SsbQuery, opts: FetchOptions = {}): Promise<FetchResult> {
  const request = buildRequest(query);
  const { timeoutMs, maxBytes } = checkOptions(query.table, opts);
  const dir = opts.cacheDir ?? defaultCacheDir();
  const cacheFile = join(dir, `${cacheKey(query)}.json`);
  if (existsSync(cacheFile) && !opts.refresh) {
    return { frame: readCache(cacheFile, query, request), fromCache: true, cacheFile, request };
  }
  if (!opts.online) {
    throw new SsbOfflineError(query.table, `no cached response for this query (${cacheFile}); fetch it once with --online (network access)`);
  }
  const doFetch = opts.fetchImpl ?? fetch;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let bytes: Buffer;
  try {
    const res = await doFetch(request.url, {
      method: request.method,
      body: request.body,
      headers: request.body ? { "content-type": "application/json" } : undefined,
      signal: controller.signal,
    });
    if (!res.ok) {
      const body = await readCapped(res, 10_000, query.table).catch(() => Buffer.alloc(0));
      throw new SsbHttpError(query.table, request.url, res.status, decodeUtf8(body, "body").text ?? "");
    }
    bytes = await readCapped(res, maxBytes, query.table);
  } catch (e) {
    if (controller.signal.aborted || (e as Error)?.name === "AbortError") {
      throw new SsbLimitError(query.table, `no complete answer within ${timeoutMs} ms from ${request.url}`);
    }
    if (e instanceof SsbError) throw e;
    throw new SsbNetworkError(query.table, request.url, e);
  } finally {
    clearTimeout(timer);
  }
  const decoded = decodeUtf8(bytes, `the response from ${request.url}`);
  if (decoded.error !== undefined) throw new SsbEncodingError(query.table, decoded.error);
  let response: unknown;
  try {
    response = JSON.parse(decoded.text);
  } catch {
    throw new SsbFormatError(query.table, `the response from ${request.url} is not JSON (${JSON.stringify(decoded.text.slice(0, 80))})`);
  }
  checkDimensions(response, query.selection, query.table);
  const frame = jsonStatToFrame(response, query.table);
  const entry: CacheEntry = { request, query, fetched_at: new Date().toISOString(), response };
  try {
    mkdirSync(dir, { recursive: true });
    // write beside, then rename: an interrupted write never leaves a half cache file
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(entry, null, 1));
    renameSync(tmp, cacheFile);
  } catch (e) {
    throw new SsbCacheError(query.table, cacheFile, `cannot be written (${(e as Error).message})`, { cause: e });
  }
  return { frame, fromCache: false, cacheFile, request };
}
