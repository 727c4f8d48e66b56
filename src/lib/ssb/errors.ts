/** Typed errors of the SSB loader: each says the table, the request and what was expected. */
export class SsbError extends Error {
  readonly table: string;
  /** @param table the table id, or "" when the problem is not tied to one table */
  constructor(table: string, message: string, options?: { cause?: unknown }) {
    super(`SSB ${table ? `table ${table}` : "query"}: ${message}`, options);
    this.name = new.target.name;
    this.table = table;
  }
}

/** The API answered with an HTTP error status. */
export class SsbHttpError extends SsbError {
  readonly status: number;
  constructor(table: string, url: string, status: number, body: string) {
    super(table, `HTTP ${status} from ${url}${body ? `: ${body.slice(0, 300)}` : ""}`);
    this.status = status;
  }
}

/** No answer within the time limit, or the response grew past the size cap. */
export class SsbLimitError extends SsbError {}

/** Not online and nothing cached for this query. */
export class SsbOfflineError extends SsbError {}

/** The response is not a JSON-stat 2 dataset, or its dimensions do not match the query. */
export class SsbFormatError extends SsbError {}

/** Text (a response or a cache file) that is not UTF-8. */
export class SsbEncodingError extends SsbFormatError {}

/** A query or an option that cannot be sent: table id, selection, API version, years, timeout, size cap. */
export class SsbQueryError extends SsbError {}

/**
 * The request did not reach SSB or broke off (DNS, refused connection, TLS, reset):
 * names the URL and the underlying cause (`err.cause` of fetch's "fetch failed").
 */
export class SsbNetworkError extends SsbError {
  readonly url: string;
  constructor(table: string, url: string, cause: unknown) {
    super(table, `request to ${url} failed: ${describeCause(cause)}`, { cause });
    this.url = url;
  }
}

/** A cache file that cannot be read, is not UTF-8 or JSON, or does not hold a valid answer for its query. */
export class SsbCacheError extends SsbError {
  readonly file: string;
  constructor(table: string, file: string, message: string, options?: { cause?: unknown }) {
    super(table, `cache file ${file}: ${message}`, options);
    this.file = file;
  }
}

/**
 * One line describing an error and its chain of causes, e.g.
 * "fetch failed — getaddrinfo ENOTFOUND data.ssb.no (ENOTFOUND)".
 * @example
 * describeCause(new TypeError("fetch failed", { cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" }) }));
 * // "fetch failed — connect ECONNREFUSED 127.0.0.1:9 (ECONNREFUSED)"
 */
export function describeCause(e: unknown): string {
  const parts: string[] = [];
  let cur: unknown = e;
  for (let depth = 0; cur !== undefined && cur !== null && depth < 5; depth += 1) {
    if (cur instanceof Error || (typeof cur === "object" && "message" in cur)) {
      const err = cur as Error & { code?: unknown; errors?: unknown[] };
      let msg = err.message || err.name || "error";
      if (!err.message && Array.isArray(err.errors) && err.errors[0] instanceof Error) msg = err.errors[0].message;
      const code = typeof err.code === "string" && !msg.includes(err.code) ? ` (${err.code})` : "";
      parts.push(`${msg}${code}`);
      cur = err.cause;
    } else {
      parts.push(String(cur));
      break;
    }
  }
  return (parts.join(" — ") || "unknown error").replace(/\s*\n\s*/g, " ");
}
