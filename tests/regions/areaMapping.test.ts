/**
 * Areas and region mappings for any part of Norway (issue 24): the `area` parameter read against the data, the
 * built-in mappings of an area, and a user's mapping file refused with one line naming file and row.
 * Expected counts are read from the raw CSV files, not through the code under test.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { isAbsolute, join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import {
  MappingFileError,
  ParameterError,
  completeFor,
  dataDir,
  loadAreaData,
  loadAreaMapping,
  loadUserMapping,
  one,
  parseParams,
  resolveArea,
} from "../../src/lib/index";

const raw = (path: string) => parse(readFileSync(join(dataDir(), path), "utf8"), { columns: true }) as Record<string, string>[];
// Nordland's municipalities in SSB's classification of 2024, read from the raw file
const nordland = raw("national/economic_region_by_year_2002_2025.csv")
  .filter((r) => r["year"] === "2024" && r["county_code"] === "18")
  .map((r) => r["municipality_code"]!)
  .sort();

describe("the area parameter", () => {
  it("a county by name or code, the report's Innlandet (48, incl. Jevnaker 3236 and Lunner 3234), or Norway", () => {
    expect(nordland).toHaveLength(41);
    expect(resolveArea("Nordland").municipalities).toEqual(nordland);
    expect(resolveArea("18").municipalities).toEqual(nordland);
    const inn = resolveArea(undefined);
    expect(inn.key).toBe("innlandet");
    expect(inn.municipalities).toHaveLength(48);
    expect(inn.municipalities).toEqual(expect.arrayContaining(["3234", "3236", "3401", "3454"]));
    expect(resolveArea("34").municipalities).toEqual(inn.municipalities);
    expect(resolveArea("norway").municipalities).toHaveLength(357);
    expect(resolveArea("trondelag").label).toBe("Trøndelag");
  });

  it("an unknown area is refused in one line listing the counties", () => {
    const e = (() => {
      try {
        resolveArea("Nordlan");
      } catch (x) {
        return x as Error;
      }
      throw new Error("no error");
    })();
    expect(e).toBeInstanceOf(ParameterError);
    expect(e.message).toContain("'Nordlan' is not a county of 2024");
    expect(e.message).toContain("Nordland 18");
    expect(e.message).not.toContain("\n");
  });

  it("parseParams takes area and any .csv mapping, refuses other regions values", () => {
    expect(parseParams(["area=Nordland", "regions=economic"])).toEqual({ regions: "economic", period: "both", area: "Nordland" });
    expect(parseParams(["regions=/tmp/x.csv"]).regions).toBe("/tmp/x.csv");
    // a relative path is made absolute where npm started (the notebooks run in notebooks/, elsewhere)
    const rel = parseParams(["regions=my/regions.csv"]).regions;
    expect(isAbsolute(rel) && rel.endsWith("/my/regions.csv")).toBe(true);
    expect(() => parseParams(["regions=counties"])).toThrow(/parameter regions: expected report13 \| ba2020 \| economic or a path/);
  });
});

describe("built-in mappings of an area", () => {
  it("BA-2020 for Nordland: every municipality once; Narvik and Hamarøy (in REST before 2020) left out of 1998–2008, by name", () => {
    const area = resolveArea("Nordland");
    const m = loadAreaMapping("ba2020", area);
    expect((m.mapping.getColumn("municipality_code_2024").toArray() as string[]).sort()).toEqual(nordland);
    expect(one(m.mapping, { municipality_code_2024: "1806" }, "region")).toBe("Narvik");
    const d = loadAreaData(area, m);
    expect(d.notOn2024Borders.height).toBe(2 * 34); // 1806, 1875 × 1986–2019
    expect(completeFor(d, [1998, 2008]).leftOut).toEqual(["Hamarøy - Hábmer", "Narvik"]);
    expect(completeFor(d, [2020, 2026]).leftOut).toEqual([]);
  });

  it("report13 for another area is BA-2020, and says so; the economic regions of 2024 stay inside the county", () => {
    const area = resolveArea("Nordland");
    const r = loadAreaMapping("report13", area);
    expect(r.name).toBe("ba2020");
    expect(r.notes[0]).toContain("exist for Innlandet only");
    const e = loadAreaMapping("economic", area);
    expect(e.mapping.height).toBe(41);
    expect(e.notes).toEqual([]);
  });

  it("Innlandet with report13 is the report's data on 2008 codes, unchanged", () => {
    const m = loadAreaMapping("report13", resolveArea("innlandet"));
    expect(m.reportData).toBe(true);
    expect(m.code).toBe("municipality_code_2008");
    expect(m.mapping.height).toBe(48);
  });
});

describe("a user's mapping file", () => {
  const area = resolveArea("Nordland");
  const dir = mkdtempSync(join(tmpdir(), "innlandet-mapping-"));
  const good = ["municipality_code,region,region_type", ...nordland.map((c, i) => `${c},${i < 20 ? "South" : "North"},${i < 20 ? "city" : "small_town"}`)];
  const write = (name: string, lines: string[]) => {
    const f = join(dir, name);
    writeFileSync(f, lines.join("\n") + "\n");
    return f;
  };
  const refusal = (f: string): MappingFileError => {
    try {
      loadUserMapping(f, area);
    } catch (e) {
      if (e instanceof MappingFileError) return e;
      throw e;
    }
    throw new Error("expected a MappingFileError");
  };

  it("a complete file loads: every municipality of the area once, two regions", () => {
    const m = loadUserMapping(write("good.csv", good), area);
    expect(m.height).toBe(41);
    expect(new Set(m.getColumn("region").toArray())).toEqual(new Set(["South", "North"]));
  });

  const cases: [string, (l: string[]) => string[], string, RegExp][] = [
    ["a duplicated municipality", (l) => [...l, l[3]!], "duplicate", /row 43.*already on row 4/],
    ["an unknown code", (l) => l.map((x, i) => (i === 5 ? x.replace(/^\d{4}/, "9998") : x)), "unknown_code", /row 6, column 'municipality_code'.*"9998"/],
    ["a code outside the area", (l) => [...l, "0301,South,city"], "outside_area", /row 43.*a municipality of Nordland, found 0301/],
    ["an empty region", (l) => l.map((x, i) => (i === 7 ? x.replace(",South,", ",,") : x)), "empty_region", /row 8.*column 'region'/],
    ["a region of two types", (l) => l.map((x, i) => (i === 9 ? x.replace(",city", ",small_town") : x)), "two_types", /row 10.*one type per region \('South' is 'city' on row 2\)/],
    ["a municipality left out", (l) => l.filter((_, i) => i !== 10), "missing", /every one of the 41 municipalities of Nordland.*1 left out/],
    // rows are the file's lines: a blank line after line 5 moves the duplicate of line 4 to line 44 (was "row 43 … row 4"
    // counted without the blank line, off by one after it)
    ["a duplicate after a blank line", (l) => [...l.slice(0, 5), "", ...l.slice(5), l[3]!], "duplicate", /row 44.*already on row 4/],
  ];
  for (const [what, edit, problem, message] of cases) {
    it(`${what} is refused with one line naming the file and the row`, () => {
      const f = write(`${problem}.csv`, edit(good));
      const e = refusal(f);
      expect(e.problem).toBe(problem);
      expect(e.message).toMatch(message);
      expect(e.message.startsWith(f)).toBe(true);
      expect(e.message).not.toContain("\n");
    });
  }
});
