/**
 * The national inputs (issue 24): loaders against values read by hand from the raw CSV files, the identities
 * recomputed from the raw text (not through the loaders), and deliberately broken copies refused with typed errors.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import * as pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import {
  DisagreementError,
  DisallowedValueError,
  CrossFileError,
  DuplicateKeyError,
  IncompleteKeysError,
  ValueError,
  dataDir,
  loadBa2020All,
  loadCodeHistory,
  loadNationalPopulation,
  loadRestGroupSplit,
  loadTable,
  municipalities2024,
  num,
  one,
} from "../../src/lib/index";
import { all, badCopy, failure, line, setField } from "../support/badCopy";

const POP = "national/population_municipality_2024codes_1986_2026.csv";
const BA = "national/ba2020_2024codes.csv";
const raw = (path: string) => parse(readFileSync(join(dataDir(), path), "utf8"), { columns: true }) as Record<string, string>[];
/** Replace `from` by `to` in the one line starting with `prefix` (for lines with a quoted field before the edit). */
const swap = (prefix: string, from: string, to: string) => line(prefix, (l) => l.replace(from, to));

describe("national population (SSB 07459, 2024 codes)", () => {
  const nat = loadNationalPopulation();

  it("gives the values of the raw CSV rows, read by hand", () => {
    // data/national/population_municipality_2024codes_1986_2026.csv: "1804,Bodø,2008,46049,published,…"
    expect(num(nat.municipalities, { municipality_code_2024: "1804", year: 2008 })).toBe(46049);
    // "1806,Narvik,2020,21845,published,…" — Narvik's first year on 2024 borders
    expect(num(nat.municipalities, { municipality_code_2024: "1806", year: 2020 })).toBe(21845);
    // "REST,…,2008,52531,derived: …"; population_norway_1986_2026.csv "Norway,2008,4737171,…"
    expect(num(nat.rest, { year: 2008 })).toBe(52531);
    expect(num(nat.norway, { year: 2008 })).toBe(4737171);
    expect(nat.municipalities.columns).toEqual(["municipality_code_2024", "municipality_name", "year", "value"]);
    expect(nat.municipalities.getColumn("value").dtype.equals(pl.Int64)).toBe(true);
  });

  it("surfaces every cell not on 2024 borders: the five REST municipalities 1986–2019 and Haram 2020–2023, nothing dropped", () => {
    const expected = [
      ...["1806", "1875", "5055", "5056", "5059"].flatMap((c) => Array.from({ length: 34 }, (_, i) => `${c}|${1986 + i}|REST`)),
      ...[2020, 2021, 2022, 2023].map((y) => `1580|${y}|1508 Ålesund`),
    ].sort();
    const got = (nat.notOn2024Borders.toRecords() as Record<string, string | number>[])
      .map((r) => `${r["municipality_code_2024"]}|${r["year"]}|${r["counted_in"]}`)
      .sort();
    expect(got).toEqual(expected);
    // published + not on 2024 borders = 357 municipalities × 41 years: no cell silently lost
    expect(nat.municipalities.height + nat.notOn2024Borders.height).toBe(357 * 41);
  });

  it("municipalities + REST = Norway in every year 1986–2026, summed from the raw text", () => {
    const sums = new Map<number, number>();
    for (const r of raw(POP)) if (r["population_1jan"]) sums.set(Number(r["year"]), (sums.get(Number(r["year"])) ?? 0) + Number(r["population_1jan"]));
    const norway = raw("national/population_norway_1986_2026.csv");
    expect(norway).toHaveLength(41);
    for (const r of norway) expect(sums.get(Number(r["year"])), r["year"]).toBe(Number(r["population_1jan"]));
  });

  it("Innlandet's 48 equal the 1992–2026 file in all 1,680 cells (raw text, 2008 → 2024 codes through the code history)", () => {
    const to2024 = new Map(raw("national/municipality_code_history_1994_2024.csv").map((r) => [r["original_code"]!, r["code_2024"]!]));
    const national = new Map(raw(POP).map((r) => [`${r["municipality_code_2024"]}|${r["year"]}`, r["population_1jan"]]));
    const innlandet = raw("ssb/population_municipality_1992_2026.csv");
    expect(innlandet).toHaveLength(1680);
    for (const r of innlandet) {
      const key = `${to2024.get(r["municipality_code_2008"]!)}|${r["year"]}`;
      expect(national.get(key), key).toBe(r["population_1jan"]);
    }
  });

  it("the REST split adds up to REST, Nordland part 2001 = 25534 (raw row)", () => {
    const split = loadRestGroupSplit();
    expect(split.height).toBe(38);
    expect(num(split, { county_code: "18", year: 2001 })).toBe(25534);
  });
});

describe("national classifications", () => {
  it("BA-2020 assigns each of the 357 municipalities of 2024 once; Narvik is its own region", () => {
    const ba = loadBa2020All();
    expect(ba.height).toBe(357);
    expect(new Set(ba.getColumn("municipality_code").toArray()).size).toBe(357);
    expect(one(ba, { municipality_code: "1806" }, "ba2020_name")).toBe("Narvik");
  });

  it("the 2024 municipalities with county, economic region and BA region; Nordland has the raw file's 41", () => {
    const m = municipalities2024();
    const nordlandRaw = raw("national/economic_region_by_year_2002_2025.csv").filter((r) => r["year"] === "2024" && r["county_code"] === "18");
    expect(nordlandRaw).toHaveLength(41);
    expect(m.filter(pl.col("county_name").eq(pl.lit("Nordland"))).height).toBe(41);
    expect(one(m, { municipality_code_2024: "3234" }, "county_name")).toBe("Akershus"); // Lunner left Innlandet in 2024
  });

  it("the code history takes Lunner's 2008 code to its 2024 code", () => {
    expect(one(loadCodeHistory(), { from: "0533" }, "to")).toBe("3234");
  });
});

describe("national data: broken copies are refused with typed errors", () => {
  it("a municipal value off by one breaks municipalities + REST = Norway, naming the year", () => {
    const dir = badCopy({ [POP]: line("1804,Bodø,2008,", setField(3, "46050")) });
    const e = failure(() => loadTable(POP, dir));
    expect(e).toBeInstanceOf(CrossFileError);
    expect(e.message).toContain("year=2008");
    expect(e.message).toContain("difference +1");
  });

  it("a deleted municipality-year → IncompleteKeysError naming it", () => {
    const dir = badCopy({ [POP]: line("1804,Bodø,1990,", () => "") }); // an empty line: the row is gone
    const e = failure(() => loadTable(POP, dir));
    expect(e).toBeInstanceOf(IncompleteKeysError);
    expect(e.message).toContain("municipality_code_2024=1804, year=1990");
  });

  it("Kongsvinger +1 with REST −1 keeps the identity but breaks the equality with the 1992–2026 file", () => {
    const dir = badCopy({ [POP]: all(line("3401,Kongsvinger,2005,", setField(3, "17280")), (t: string) => t.replace(/^(REST,"[^"]*",2005,)52504,/m, "$152503,")) });
    const e = failure(() => loadTable(POP, dir));
    expect(e).toBeInstanceOf(DisagreementError);
    expect(e.message).toContain("17280");
    expect(e.message).toContain("17279");
  });

  it("a value filled in for Narvik before 2020 (a guess for a cell SSB keeps in REST) is refused", () => {
    const dir = badCopy({ [POP]: swap("1806,Narvik,2005,", "1806,Narvik,2005,,", "1806,Narvik,2005,18000,") });
    const e = failure(() => loadTable(POP, dir));
    expect(e).toBeInstanceOf(DisallowedValueError);
    expect(e.message).toContain("municipality_code_2024=1806, year=2005");
  });

  it("BA-2020: a municipality twice → DuplicateKeyError; Hamar moved to Lillehammer's region → DisagreementError with the Innlandet file", () => {
    const hamar = readFileSync(join(dataDir(), BA), "utf8")
      .split("\n")
      .find((l) => l.startsWith("3403,"))!;
    const twice = failure(() => loadTable(BA, badCopy({ [BA]: (t) => `${t.trimEnd()}\n${hamar}\n` })));
    expect(twice).toBeInstanceOf(DuplicateKeyError);
    const moved = failure(() => loadTable(BA, badCopy({ [BA]: line("3403,", all(setField(4, "17"), setField(5, "Lillehammer"))) })));
    expect(moved).toBeInstanceOf(DisagreementError);
    expect(moved.message).toContain("Hamar");
  });

  it("a REST part that no longer adds up to REST → ValueError naming the year", () => {
    const edit = (t: string) => t.replace(/^(Nordland part[^\n]*?,18,2002,)25389,/m, "$125390,");
    const e = failure(() => loadRestGroupSplit(badCopy({ "national/population_rest_group_split_2001_2019.csv": edit })));
    expect(e).toBeInstanceOf(ValueError);
    expect(e.message).toContain("year=2002");
  });
});
