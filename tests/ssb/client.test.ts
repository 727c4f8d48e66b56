/**
 * The SSB client's failures, on hand-built documents and stubbed fetches (no
 * network): non-numeric cells, cache files, network causes, text that is not
 * UTF-8, and queries or options that cannot be sent.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  SsbCacheError,
  SsbEncodingError,
  SsbFormatError,
  SsbNetworkError,
  SsbQueryError,
  buildRequest,
  cacheKey,
  fetchSsb,
  jsonStatToFrame,
  yearRange,
} from "../../src/lib/index";
import { describeCause } from "../../src/lib/ssb/errors";
import { decodeUtf8 } from "../../src/lib/data/text";

/** A synthetic 1 × 3 dataset: Region K-0501, Tid 2000–2002, with the given values and status. */
function doc(value: unknown[] | Record<string, unknown>, status?: unknown): Record<string, unknown> {
  return {
    version: "2.0",
    class: "dataset",
    id: ["Region", "Tid"],
    size: [1, 3],
    dimension: {
      Region: { label: "region", category: { index: ["K-0501"], label: { "K-0501": "Synthetic town" } } },
      Tid: { label: "year", category: { index: ["2000", "2001", "2002"] } },
    },
    value,
    ...(status !== undefined ? { status } : {}),
  };
}

const query = { table: "07459", selection: { Region: ["K-0501"], Tid: ["2000", "2001", "2002"] } };
const respond = (body: string | Uint8Array): typeof fetch => (async () => new Response(body, { status: 200 })) as unknown as typeof fetch;
const tmp = (): string => mkdtempSync(join(tmpdir(), "ssb-client-"));

describe("non-numeric values in a JSON-stat answer", () => {
  it("a string value without a status symbol is a typed error naming the cell (it used to become null)", () => {
    expect(() => jsonStatToFrame(doc([1, "12,5", 3]), "07459")).toThrow(SsbFormatError);
    expect(() => jsonStatToFrame(doc([1, "12,5", 3]), "07459")).toThrow(
      /cell 1 \(Region=K-0501, Tid=2001\) has the value "12,5" \(string\).*no status symbol/,
    );
    expect(() => jsonStatToFrame(doc([true, 2, 3]), "07459")).toThrow(/cell 0 .* has the value true \(boolean\)/);
    expect(() => jsonStatToFrame(doc([1, 2, { v: 3 }]), "07459")).toThrow(/cell 2 /);
  });

  it("SSB's status symbol for the cell explains a symbol in place of a figure: value null, symbol kept", () => {
    const f = jsonStatToFrame(doc([1, "..", ":"], { "1": "..", "2": ":" }), "07459");
    expect(f.getColumn("value").toArray()).toEqual([1, null, null]);
    expect(f.getColumn("status").toArray()).toEqual([null, "..", ":"]);
    // status as an array, and a numeric value with a status ("*" provisional) kept as it is
    const g = jsonStatToFrame(doc([1, "-", 3], [null, "-", "*"]), "07459");
    expect(g.getColumn("value").toArray()).toEqual([1, null, 3]);
    expect(g.getColumn("status").toArray()).toEqual([null, "-", "*"]);
  });

  it("a status that does not say 'no figure' does not explain a string", () => {
    expect(() => jsonStatToFrame(doc([1, "12", 3], { "1": "*" }), "07459")).toThrow(/its status '\*' is not one of/);
  });

  it("sparse values: missing cells are null, keys outside the cube are refused", () => {
    expect(
      jsonStatToFrame(doc({ "0": 5, "2": 7 }), "07459")
        .getColumn("value")
        .toArray(),
    ).toEqual([5, null, 7]);
    expect(() => jsonStatToFrame(doc({ "0": 5, "3": 7 }), "07459")).toThrow(/cell '3' outside 0…2/);
    expect(() => jsonStatToFrame(doc({ a: 5 }), "07459")).toThrow(/cell 'a'/);
    expect(() => jsonStatToFrame(doc({ "1": "x" }), "07459")).toThrow(/cell 1 /);
  });
});

describe("cache files", () => {
  const entryFor = (response: unknown): string =>
    JSON.stringify({ request: buildRequest(query), query, fetched_at: "2026-01-01T00:00:00Z", response });
  const cached = (content: string | Buffer): { dir: string; file: string } => {
    const dir = tmp();
    const file = join(dir, `${cacheKey(query)}.json`);
    writeFileSync(file, content);
    return { dir, file };
  };

  it("a good entry is read offline", async () => {
    const { dir } = cached(entryFor(doc([1, 2, 3])));
    const r = await fetchSsb(query, { cacheDir: dir });
    expect(r.fromCache).toBe(true);
    expect(r.frame.getColumn("value").toArray()).toEqual([1, 2, 3]);
  });

  it("a corrupt entry names the cache file (it used to be a bare JSON error)", async () => {
    const { dir, file } = cached('{"request": ');
    const err = await fetchSsb(query, { cacheDir: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SsbCacheError);
    expect((err as SsbCacheError).file).toBe(file);
    expect((err as Error).message).toContain(`cache file ${file}: is not valid JSON`);
  });

  it("an entry whose answer fails the checks names the file and the check", async () => {
    const { dir, file } = cached(entryFor(doc([1, "x", 3])));
    await expect(fetchSsb(query, { cacheDir: dir })).rejects.toThrow(
      new RegExp(`cache file ${file}: holds an answer that fails its checks: .*cell 1`),
    );
    const other = cached(JSON.stringify({ nothing: 1 }));
    await expect(fetchSsb(query, { cacheDir: other.dir })).rejects.toThrow(/is not a cache entry/);
  });

  it("an entry that is not UTF-8 says so, naming the file", async () => {
    // UTF-16LE with a byte-order mark: FF FE then "{" 00
    const utf16 = cached(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(entryFor(doc([1, 2, 3])), "utf16le")]));
    await expect(fetchSsb(query, { cacheDir: utf16.dir })).rejects.toThrow(
      /cache file .*: the file is UTF-16 \(little-endian byte-order mark FF FE\), expected UTF-8/,
    );
    // Latin-1 "ø" is the single byte F8, not valid UTF-8
    const latin1 = cached(Buffer.from(entryFor(doc([1, 2, 3])).replace("Synthetic town", "Gjøvik"), "latin1"));
    await expect(fetchSsb(query, { cacheDir: latin1.dir })).rejects.toThrow(/is not UTF-8: invalid byte sequence F8 .* at byte \d+/);
  });

  it("a cache path that cannot be read names the file", async () => {
    const dir = tmp();
    mkdirSync(join(dir, `${cacheKey(query)}.json`)); // a folder where the file should be: EISDIR
    await expect(fetchSsb(query, { cacheDir: dir })).rejects.toThrow(/cache file .*\.json: cannot be read \(EISDIR/);
  });

  it("a cache that cannot be written names the file", async () => {
    const blocker = join(tmp(), "not-a-folder");
    writeFileSync(blocker, "x");
    await expect(fetchSsb(query, { online: true, cacheDir: blocker, fetchImpl: respond(JSON.stringify(doc([1, 2, 3]))) })).rejects.toThrow(
      /cache file .*not-a-folder\/07459-[0-9a-f]{16}\.json: cannot be written/,
    );
  });
});

describe("network failures and encodings", () => {
  it("a failed request names the URL and the cause (it used to say only 'fetch failed')", async () => {
    const cause = Object.assign(new Error("getaddrinfo ENOTFOUND data.ssb.no"), { code: "ENOTFOUND" });
    const offline = (async () => {
      throw new TypeError("fetch failed", { cause });
    }) as unknown as typeof fetch;
    const err = await fetchSsb(query, { online: true, cacheDir: tmp(), fetchImpl: offline }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SsbNetworkError);
    expect((err as SsbNetworkError).url).toBe(buildRequest(query).url);
    expect((err as Error).message).toBe(
      `SSB table 07459: request to ${buildRequest(query).url} failed: fetch failed — getaddrinfo ENOTFOUND data.ssb.no`,
    );
    expect((err as Error).cause).toBeInstanceOf(TypeError);
  });

  it("a connection that breaks off while the body is read is a network error too", async () => {
    const broken = (async () =>
      new Response(
        new ReadableStream({
          start(c) {
            c.enqueue(new TextEncoder().encode('{"class":'));
            c.error(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }));
          },
        }),
      )) as unknown as typeof fetch;
    await expect(fetchSsb(query, { online: true, cacheDir: tmp(), fetchImpl: broken })).rejects.toThrow(/failed: socket hang up \(ECONNRESET\)/);
  });

  it("describeCause follows the chain and error codes", () => {
    const e = new TypeError("fetch failed", {
      cause: Object.assign(new AggregateError([new Error("connect ECONNREFUSED ::1:443")], ""), { code: "ECONNREFUSED" }),
    });
    // an AggregateError with an empty message (Node's happy-eyeballs connect) is described by its first error; the code is not repeated
    expect(describeCause(e)).toBe("fetch failed — connect ECONNREFUSED ::1:443");
    expect(describeCause("plain")).toBe("plain");
  });

  it("a response that is not UTF-8 is reported as such", async () => {
    const latin1 = Buffer.from(JSON.stringify(doc([1, 2, 3])).replace("Synthetic town", "Gjøvik"), "latin1");
    await expect(fetchSsb(query, { online: true, cacheDir: tmp(), fetchImpl: respond(latin1) })).rejects.toThrow(SsbEncodingError);
    const bom16 = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from("{}", "utf16le").swap16()]);
    await expect(fetchSsb(query, { online: true, cacheDir: tmp(), fetchImpl: respond(bom16) })).rejects.toThrow(/is UTF-16 \(big-endian/);
    // a UTF-8 byte-order mark is allowed and dropped
    const bom8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(doc([1, 2, 3])))]);
    expect((await fetchSsb(query, { online: true, cacheDir: tmp(), fetchImpl: respond(bom8) })).frame.height).toBe(3);
  });

  it("decodeUtf8: cut-off sequences, surrogates and NUL bytes are not UTF-8", () => {
    expect(decodeUtf8(Buffer.from([0x41, 0xc3]), "t").error).toMatch(/invalid byte sequence C3 at byte 1/);
    expect(decodeUtf8(Buffer.from([0xed, 0xa0, 0x80]), "t").error).toMatch(/at byte 0/); // U+D800 encoded: a surrogate
    expect(decodeUtf8(Buffer.from("a\u0000b", "utf8"), "t").error).toMatch(/NUL byte at byte 1/);
    expect(decodeUtf8(Buffer.from("Gjøvik – Åmot", "utf8"), "t")).toEqual({ text: "Gjøvik – Åmot" });
  });
});

describe("queries and options that cannot be sent", () => {
  it("unknown API version, bad codes, empty or duplicated selections", () => {
    expect(() => buildRequest({ ...query, api: "v3" as never })).toThrow(/API version must be v2 or v0, got 'v3'/);
    expect(() => buildRequest({ ...query, lang: "de" as never })).toThrow(SsbQueryError);
    expect(() => buildRequest({ table: "07459", selection: { "Re gion": ["x"] } })).toThrow(/variable code/);
    expect(() => buildRequest({ table: "07459", selection: { Region: ["K 0501"] } })).toThrow(/value codes of 'Region'/);
    expect(() => buildRequest({ table: "07459", selection: { Region: ["a", "a"] } })).toThrow(/selected twice/);
    expect(() => buildRequest({ table: "07459", selection: { Region: [] } })).toThrow(/is empty/);
  });

  it("years: reversed, duplicated, malformed or too many", () => {
    expect(() => yearRange("2009-2000")).toThrow(SsbQueryError);
    expect(() => yearRange("2000-2002,2001")).toThrow(/2001 is given twice/);
    expect(() => yearRange("2000-")).toThrow(/expected e.g. 2000-2009/);
    expect(() => yearRange("1000-2000")).toThrow(/more than 500 years/); // 1001 years
  });

  it("timeout, size cap and refresh without online", async () => {
    for (const timeoutMs of [NaN, 0, -5, 1.5, 3_600_001]) {
      await expect(fetchSsb(query, { online: true, cacheDir: tmp(), timeoutMs, fetchImpl: respond("{}") })).rejects.toThrow(
        /timeout must be a whole number/,
      );
    }
    await expect(fetchSsb(query, { online: true, cacheDir: tmp(), maxBytes: 0 })).rejects.toThrow(/maxBytes/);
    await expect(fetchSsb(query, { refresh: true, cacheDir: tmp() })).rejects.toThrow(/refresh needs online/);
  });
});
