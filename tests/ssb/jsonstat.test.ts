/**
 * JSON-stat 2 parsing and the SSB client, on documents the tests build
 * themselves (no network).
 */
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  SsbFormatError,
  SsbHttpError,
  SsbLimitError,
  SsbOfflineError,
  buildRequest,
  cacheKey,
  checkDimensions,
  fetchSsb,
  jsonStatToFrame,
  yearRange,
} from "../../src/lib/index";

/** Build a JSON-stat 2 dataset from dimensions (code → label) and row-major values. */
function dataset(
  dims: [string, string, Record<string, string>][],
  value: (number | null)[],
  status?: Record<string, string>,
): Record<string, unknown> {
  return {
    version: "2.0",
    class: "dataset",
    label: "synthetic test table",
    id: dims.map((d) => d[0]),
    size: dims.map((d) => Object.keys(d[2]).length),
    dimension: Object.fromEntries(dims.map(([id, label, cats]) => [id, { label, category: { index: Object.keys(cats), label: cats } }])),
    value,
    ...(status ? { status } : {}),
  };
}

const doc = dataset(
  [
    ["Region", "region", { "K-0501": "Lillehammer", "K-0502": "Gjøvik" }],
    ["ContentsCode", "contents", { Personer1: "Persons" }],
    ["Tid", "year", { "2000": "2000", "2001": "2001", "2002": "2002" }],
  ],
  [100, 101, null, 200, 201, 202],
  { "2": "." },
);

describe("jsonStatToFrame", () => {
  it("gives one row per cell: codes, labels, value (null where missing) and status, in row-major order", () => {
    const f = jsonStatToFrame(doc);
    expect(f.columns).toEqual(["Region", "Region_label", "ContentsCode", "ContentsCode_label", "Tid", "Tid_label", "value", "status"]);
    expect(f.toRecords()).toEqual([
      {
        Region: "K-0501",
        Region_label: "Lillehammer",
        ContentsCode: "Personer1",
        ContentsCode_label: "Persons",
        Tid: "2000",
        Tid_label: "2000",
        value: 100,
        status: null,
      },
      {
        Region: "K-0501",
        Region_label: "Lillehammer",
        ContentsCode: "Personer1",
        ContentsCode_label: "Persons",
        Tid: "2001",
        Tid_label: "2001",
        value: 101,
        status: null,
      },
      {
        Region: "K-0501",
        Region_label: "Lillehammer",
        ContentsCode: "Personer1",
        ContentsCode_label: "Persons",
        Tid: "2002",
        Tid_label: "2002",
        value: null,
        status: ".",
      },
      {
        Region: "K-0502",
        Region_label: "Gjøvik",
        ContentsCode: "Personer1",
        ContentsCode_label: "Persons",
        Tid: "2000",
        Tid_label: "2000",
        value: 200,
        status: null,
      },
      {
        Region: "K-0502",
        Region_label: "Gjøvik",
        ContentsCode: "Personer1",
        ContentsCode_label: "Persons",
        Tid: "2001",
        Tid_label: "2001",
        value: 201,
        status: null,
      },
      {
        Region: "K-0502",
        Region_label: "Gjøvik",
        ContentsCode: "Personer1",
        ContentsCode_label: "Persons",
        Tid: "2002",
        Tid_label: "2002",
        value: 202,
        status: null,
      },
    ]);
  });

  it("labels each category from the document, its code where it has none (was the text 'undefined'), whatever the dimensions' labels", () => {
    const partial = dataset([["Region", "region", { "0402": "Kongsvinger", "0403": "Hamar" }]], [1, 2]);
    delete (partial["dimension"] as Record<string, { category: { label: Record<string, string> } }>)["Region"]!.category.label["0403"];
    expect(jsonStatToFrame(partial).getColumn("Region_label").toArray()).toEqual(["Kongsvinger", "0403"]);
    // a dimension labelled with another dimension's id: Tid's labels stay the years
    const clash = dataset(
      [
        ["Region", "region", { "0402": "Kongsvinger" }],
        ["Tid", "Region", { "2000": "2000", "2001": "2001" }],
      ],
      [1, 2],
    );
    const f = jsonStatToFrame(clash);
    expect(f.getColumn("Tid_label").toArray()).toEqual(["2000", "2001"]);
    expect(f.getColumn("Region_label").toArray()).toEqual(["Kongsvinger", "Kongsvinger"]);
  });

  it("refuses documents that are not JSON-stat 2 datasets or whose sizes do not add up", () => {
    expect(() => jsonStatToFrame({ class: "collection" }, "07459")).toThrow(SsbFormatError);
    expect(() => jsonStatToFrame({ ...doc, size: [2, 1, 2] }, "07459")).toThrow(/dimension 'Tid' has 3 categories but size says 2/);
    expect(() => jsonStatToFrame({ ...doc, value: [1, 2, 3] }, "07459")).toThrow(/value has 3 cells, dimensions give 6/);
  });
});

describe("checkDimensions", () => {
  it("accepts a response with exactly the selected categories", () => {
    expect(() => checkDimensions(doc, { Region: ["K-0502", "K-0501"], Tid: ["2000", "2001", "2002"] })).not.toThrow();
  });
  it("names missing and unexpected categories, and missing dimensions", () => {
    expect(() => checkDimensions(doc, { Region: ["K-0501", "K-0503"] }, "07459")).toThrow(
      /dimension 'Region' does not match the query; missing K-0503; unexpected K-0502/,
    );
    expect(() => checkDimensions(doc, { Kjonn: ["1"] }, "07459")).toThrow(/no dimension 'Kjonn'/);
  });
});

describe("category indexes must be permutations of 0…n−1", () => {
  /** One dimension Tid with the given category index, two cells 10 (position 0) and 11 (position 1). */
  const withIndex = (index: unknown, size = 2): Record<string, unknown> => ({
    version: "2.0",
    class: "dataset",
    id: ["Tid"],
    size: [size],
    dimension: { Tid: { label: "year", category: { index, label: { "2000": "2000", "2001": "2001" } } } },
    value: [10, 11],
  });
  const selection = { Tid: ["2000", "2001"] };

  it("refuses a position outside 0…n−1 (was: 2001's value labelled 2000)", () => {
    const bad = withIndex({ "2000": 0, "2001": 5 });
    expect(() => checkDimensions(bad, selection, "07459")).toThrow(SsbFormatError);
    expect(() => checkDimensions(bad, selection, "07459")).toThrow(
      /SSB table 07459: dimension 'Tid' has the category index \{"2000":0,"2001":5\}, expected a permutation of 0…1/,
    );
    expect(() => jsonStatToFrame(bad, "07459")).toThrow(/dimension 'Tid' has the category index \{"2000":0,"2001":5\}/);
  });

  it("refuses repeated, negative, fractional or non-numeric positions and repeated codes", () => {
    for (const index of [
      { "2000": 0, "2001": 0 },
      { "2000": -1, "2001": 0 },
      { "2000": 0, "2001": 0.5 },
      { "2000": "0", "2001": "1" },
      ["2000", "2000"],
      ["2000", 2001],
    ]) {
      expect(() => checkDimensions(withIndex(index), selection, "07459")).toThrow(
        /dimension 'Tid' has the category index .*expected a permutation of 0…1/,
      );
      expect(() => jsonStatToFrame(withIndex(index), "07459")).toThrow(SsbFormatError);
    }
  });

  it("refuses an index whose length differs from the dimension's size", () => {
    const three = withIndex({ "2000": 0, "2001": 1, "2002": 2 });
    expect(() => checkDimensions(three, { Tid: ["2000", "2001", "2002"] }, "07459")).toThrow(/dimension 'Tid' has 3 categories but size says 2/);
    expect(() => checkDimensions({ ...withIndex(["2000", "2001"]), size: undefined }, selection, "07459")).toThrow(SsbFormatError);
  });

  it("an online answer with the index {2000: 0, 2001: 5} is refused and nothing is cached (it used to be labelled and cached)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ssb-"));
    const q = { table: "07459", selection };
    const answer = (async () => new Response(JSON.stringify(withIndex({ "2000": 0, "2001": 5 })), { status: 200 })) as unknown as typeof fetch;
    await expect(fetchSsb(q, { online: true, cacheDir: dir, fetchImpl: answer })).rejects.toThrow(
      /dimension 'Tid' has the category index \{"2000":0,"2001":5\}, expected a permutation of 0…1/,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it("places values by position whatever the order of the index object's keys", () => {
    const reversed = jsonStatToFrame(withIndex({ "2001": 0, "2000": 1 }), "07459");
    expect(reversed.select("Tid", "value").toRecords()).toEqual([
      { Tid: "2001", value: 10 },
      { Tid: "2000", value: 11 },
    ]);
    const listedOutOfOrder = jsonStatToFrame(withIndex({ "2001": 1, "2000": 0 }), "07459");
    expect(listedOutOfOrder.select("Tid", "value").toRecords()).toEqual([
      { Tid: "2000", value: 10 },
      { Tid: "2001", value: 11 },
    ]);
    expect(() => checkDimensions(withIndex({ "2001": 1, "2000": 0 }), selection, "07459")).not.toThrow();
  });
});

describe("queries", () => {
  const q = { table: "07459", selection: { Tid: ["2000", "2001"], Region: ["K-0501"] } };
  it("v2: GET with valueCodes, variables in sorted order", () => {
    expect(buildRequest(q)).toEqual({
      method: "GET",
      url: "https://data.ssb.no/api/pxwebapi/v2/tables/07459/data?lang=en&outputFormat=json-stat2&valueCodes[Region]=K-0501&valueCodes[Tid]=2000,2001",
    });
  });
  it("v0: POST with a JSON query", () => {
    const r = buildRequest({ ...q, api: "v0" });
    expect(r.url).toBe("https://data.ssb.no/api/v0/en/table/07459");
    expect(JSON.parse(r.body!)).toEqual({
      query: [
        { code: "Region", selection: { filter: "item", values: ["K-0501"] } },
        { code: "Tid", selection: { filter: "item", values: ["2000", "2001"] } },
      ],
      response: { format: "json-stat2" },
    });
  });
  it("cache keys ignore variable order and change with the selection", () => {
    expect(cacheKey(q)).toBe(cacheKey({ table: "07459", selection: { Region: ["K-0501"], Tid: ["2000", "2001"] } }));
    expect(cacheKey(q)).not.toBe(cacheKey({ ...q, selection: { ...q.selection, Tid: ["2000"] } }));
    expect(cacheKey(q)).toMatch(/^07459-[0-9a-f]{16}$/);
  });
  it("year ranges", () => {
    expect(yearRange("2000-2003")).toEqual(["2000", "2001", "2002", "2003"]);
    expect(yearRange("2000,2005")).toEqual(["2000", "2005"]);
    expect(() => yearRange("2009-2000")).toThrow(/backwards/);
    expect(() => buildRequest({ table: "7459", selection: {} })).toThrow(/5 digits/);
  });
});

describe("fetchSsb (stubbed network)", () => {
  const query = { table: "07459", selection: { Region: ["K-0501", "K-0502"], Tid: ["2000", "2001", "2002"] } };
  const ok = (body: unknown): typeof fetch => (async () => new Response(JSON.stringify(body), { status: 200 })) as unknown as typeof fetch;

  it("offline without a cache: a clear error, no request", async () => {
    let called = false;
    const stub = (async () => {
      called = true;
      return new Response("{}");
    }) as unknown as typeof fetch;
    await expect(fetchSsb(query, { cacheDir: mkdtempSync(join(tmpdir(), "ssb-")), fetchImpl: stub })).rejects.toThrow(SsbOfflineError);
    expect(called).toBe(false);
  });

  it("online: fetches, checks, caches; then offline reads the same frame from the cache", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ssb-"));
    const first = await fetchSsb(query, { online: true, cacheDir: dir, fetchImpl: ok(doc) });
    expect(first.fromCache).toBe(false);
    expect(existsSync(first.cacheFile)).toBe(true);
    const again = await fetchSsb(query, { cacheDir: dir });
    expect(again.fromCache).toBe(true);
    expect(again.frame.frameEqual(first.frame, true)).toBe(true);
  });

  it("HTTP errors, dimension mismatches, oversize bodies and timeouts are typed errors and leave no cache", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ssb-"));
    const fail = (async () => new Response("table not found", { status: 404 })) as unknown as typeof fetch;
    await expect(fetchSsb(query, { online: true, cacheDir: dir, fetchImpl: fail })).rejects.toMatchObject({ name: "SsbHttpError", status: 404 });
    await expect(fetchSsb({ ...query, selection: { Region: ["K-0501"] } }, { online: true, cacheDir: dir, fetchImpl: ok(doc) })).rejects.toThrow(
      SsbFormatError,
    );
    await expect(fetchSsb(query, { online: true, cacheDir: dir, fetchImpl: ok(doc), maxBytes: 100 })).rejects.toThrow(SsbLimitError);
    const slow = ((_: string, init: RequestInit) =>
      new Promise((_resolve, reject) =>
        init.signal?.addEventListener("abort", () => reject(Object.assign(new Error("aborted"), { name: "AbortError" }))),
      )) as unknown as typeof fetch;
    await expect(fetchSsb(query, { online: true, cacheDir: dir, fetchImpl: slow, timeoutMs: 50 })).rejects.toThrow(/no complete answer within 50 ms/);
    expect(existsSync(join(dir, `${cacheKey(query)}.json`))).toBe(false);
    expect(SsbHttpError.name).toBe("SsbHttpError");
  });
});
