/**
 * The population files agree with each other and with SSB's components of change
 * (issue 21, item 2 f–g), enforced on load of either file: a cell edited in one file
 * only, and 800 persons moved between two municipalities of one county (county sums
 * kept, so the county totals cannot see it). Also: the names the project uses as the
 * reference for municipality codes are SSB's (code history in ../shared, when present).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { DisagreementError, NATIONAL_POPULATION, dataDir, loadMunicipalPopulation, loadMunicipalPopulation1992To2026, loadTable } from "../../src/lib/index";
import { all, badCopy, bump, failure, line } from "../support/badCopy";

const P0009 = "ssb/population_municipality_2000_2009.csv";
const P9226 = "ssb/population_municipality_1992_2026.csv";


/** 800 persons moved from `from` to `to` on 1 January `year` (same county: its sum is kept). */
const move = (from: string, to: string, year: number) => all(bump(from, year, -800), bump(to, year, +800));

describe("(f) the two population files are equal on their overlap, on load of either", () => {
  it("a cell edited in the 2000–2009 file only is refused, naming both files, row, column and values", () => {
    const dir = badCopy({ [P0009]: bump("0403", 2005, 1) });
    for (const load of [() => loadTable(P0009, dir), () => loadMunicipalPopulation(dir)]) {
      const e = failure(load);
      expect(e).toBeInstanceOf(DisagreementError);
      expect(e.message).toBe(
        "data/ssb/population_municipality_2000_2009.csv, row 17, key municipality_code_2008=0403, year=2005, column 'population_1jan': expected 27439 as in data/ssb/population_municipality_1992_2026.csv row 50 column 'population_1jan' (municipality_code_2008=0403, year=2005), found 27440 (difference +1)",
      );
    }
  });

  it("a cell edited in the 1992–2026 file only is refused on loading that file too", () => {
    const dir = badCopy({ [P9226]: bump("0403", 2005, 1) });
    const e = failure(() => loadMunicipalPopulation1992To2026(dir));
    expect(e).toBeInstanceOf(DisagreementError);
    expect(e.file).toBe(`data/${P9226}`);
    expect([e.row, e.column]).toEqual([50, "population_1jan"]);
  });

  it("a name edited in one file only is refused", () => {
    const e = failure(() => loadTable(P9226, badCopy({ [P9226]: line("0403,3403,Hamar,Hedmark,2005,", (l) => l.replace(",Hamar,", ",Hamar by,")) })));
    expect(e).toBeInstanceOf(DisagreementError);
    expect(e.column).toBe("municipality_name");
  });
});

describe("(g) 800 persons moved between two municipalities of one county in one year", () => {
  it("in the 2000–2009 file only (Hamar ← Ringsaker, 2004): caught by (f)", () => {
    const e = failure(() => loadTable(P0009, badCopy({ [P0009]: move("0412", "0403", 2004) })));
    expect(e).toBeInstanceOf(DisagreementError);
    expect(e.message).toContain("population_municipality_1992_2026.csv");
  });

  it("in both files alike, in a year SSB's components cover (Gjøvik ← Lillehammer, 1 Jan 2006): caught by the components", () => {
    const edit = move("0501", "0502", 2006);
    const dir = badCopy({ [P0009]: edit, [P9226]: edit });
    for (const path of [P0009, P9226]) {
      const e = failure(() => loadTable(path, dir));
      expect(e).toBeInstanceOf(DisagreementError);
      expect(e.message).toMatch(
        /key municipality_code_2008=0501, year=2006, column 'population_1jan': expected 25314 as in data\/ssb\/population_change_municipality_partial\.csv row \d+ column 'population_(start|end)'/,
      );
    }
  });

  it("in a provisional year (Hedmark 2003 → 1 Jan 2004): caught beyond the ±15 persons of SSB's later corrections", () => {
    const edit = move("0412", "0403", 2004);
    const e = failure(() => loadTable(P9226, badCopy({ [P0009]: edit, [P9226]: edit })));
    expect(e).toBeInstanceOf(DisagreementError);
    expect(e.message).toMatch(
      /population_change_municipality_partial\.csv row \d+ column 'population_end' .*, within ±15, found 28045 \(difference \+798\)$/,
    );
  });

  it("in a year without components (2015, 1992–2026 file only): the file alone loads, the national series (2024 codes) catches it", () => {
    const dir = badCopy({ [P9226]: move("0501", "0502", 2015) });
    expect(loadTable(P9226, dir).rows).toHaveLength(1680); // no component covers 2015: this file's own contracts pass
    // Lillehammer: 0501 (2008) → 3405 (2024); the national pull (SSB 07459 on 2024 codes) must equal the 1992–2026 file in every cell
    const e = failure(() => loadTable(NATIONAL_POPULATION, dir));
    expect(e).toBeInstanceOf(DisagreementError);
    expect(e.message).toMatch(/key municipality_code_2024=3405, year=2015, column 'population_1jan': expected \d+ as in data\/ssb\/population_municipality_1992_2026\.csv .*\(difference \+800\)$/);
  });
});

const HISTORY = [process.env["INNLANDET_SHARED"], join(dataDir(), "..", "..", "shared")]
  .filter((d): d is string => typeof d === "string")
  .map((d) => join(d, "data", "national", "municipality_code_history_1994_2024_to_2024codes.csv"))
  .find((p) => existsSync(p));

describe("the reference for municipality names", () => {
  it.skipIf(!HISTORY)("the population file's names are SSB's for the same codes (code history, county qualifier dropped)", () => {
    const ssb = new Map<string, Set<string>>();
    for (const r of parse(readFileSync(HISTORY!, "utf8"), { columns: true }) as Record<string, string>[]) {
      const names = ssb.get(r["original_code"]!) ?? new Set();
      names.add(r["original_name"]!.replace(/ \((Hedmark|Oppland)\)$/, ""));
      ssb.set(r["original_code"]!, names);
    }
    const ours = new Map(loadTable(P0009).rows.map((r) => [String(r["municipality_code_2008"]), String(r["municipality_name"])]));
    expect(ours.size).toBe(48);
    for (const [code, name] of ours) expect([...(ssb.get(code) ?? [])], code).toEqual([name]);
  });
});
