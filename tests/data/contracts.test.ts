/**
 * Data contracts beyond the schema (issue 14): each contract is broken in a
 * generated bad copy of data/ in a temp dir, the copy is RE-HASHED (so the
 * checksum no longer protects it) and loading must fail with the contract's
 * typed error, naming file, row, key, column and both values. The real data
 * must pass. Expected values are computed by hand from the CSV rows quoted in
 * the comments.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { failure } from "../support/badCopy";
import {
  BalanceError,
  ChangeBoundError,
  CrossFileError,
  DataError,
  IncompleteKeysError,
  ManifestError,
  MissingFileError,
  OutOfRangeError,
  UnlistedFileError,
  UnsafeIntegerError,
  dataDir,
  loadTable,
  readManifest,
  rehashManifest,
  verifyAll,
  verifyReport,
} from "../../src/lib/index";

const MUNI = "ssb/population_municipality_1992_2026.csv";
const MUNI_0009 = "ssb/population_municipality_2000_2009.csv";
const COUNTY = "ssb/population_county_national.csv";
const COMPONENTS = "ssb/population_change_municipality_partial.csv";

type Manifest = { files: { path: string; contracts?: Record<string, unknown>[] }[] };

/** A copy of data/ with files edited (and optionally the manifest), then re-hashed like `npm run data:rehash`. */
function badCopy(edits: Record<string, (text: string) => string>, manifestEdit?: (m: Manifest) => void): string {
  const dir = mkdtempSync(join(tmpdir(), "innlandet-contract-"));
  cpSync(dataDir(), dir, { recursive: true });
  for (const [path, edit] of Object.entries(edits)) writeFileSync(join(dir, path), edit(readFileSync(join(dir, path), "utf8")));
  if (manifestEdit) {
    const m = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Manifest;
    manifestEdit(m);
    writeFileSync(join(dir, "manifest.json"), JSON.stringify(m, null, 2));
  }
  rehashManifest(dir);
  return dir;
}

/** Replace the line starting with `prefix` (exactly one) by `edit(line)`. */
function line(prefix: string, edit: (l: string) => string): (text: string) => string {
  return (text) => {
    const lines = text.split("\n");
    const hits = lines.filter((l) => l.startsWith(prefix));
    if (hits.length !== 1) throw new Error(`test setup: ${hits.length} lines start with ${prefix}`);
    return lines.map((l) => (l.startsWith(prefix) ? edit(l) : l)).join("\n");
  };
}

const setField = (i: number, v: string) => (l: string) =>
  l
    .split(",")
    .map((x, j) => (j === i ? v : x))
    .join(",");

describe("data contracts: the real data pass", () => {
  it("every file passes its contracts and nothing under data/ is unlisted", () => {
    const report = verifyReport();
    expect(report.files.filter((f) => f.error).map((f) => f.error!.message)).toEqual([]);
    expect(report.unlisted).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it("the municipal series declare complete keys, ranges, change bounds, county sums, agreement with each other and with SSB's components", () => {
    for (const path of [MUNI, MUNI_0009]) {
      const kinds = (readManifest().files.find((f) => f.path === path)!.contracts ?? []).map((c) => c.kind);
      expect(kinds).toEqual(["complete", "range", "change", "crossSum", "sameValues", "sameValues", "sameValues", "sameValues", "sameValues"]);
    }
  });
});

describe("data contracts: bad copies fail after a rehash", () => {
  it("deleting a municipality's rows → IncompleteKeysError naming file and missing key", () => {
    const dir = badCopy({
      [MUNI]: (t) =>
        t
          .split("\n")
          .filter((l) => !l.startsWith("0541,"))
          .join("\n"),
    });
    const e = failure(() => loadTable(MUNI, dir));
    expect(e).toBeInstanceOf(IncompleteKeysError);
    expect(e.file).toBe(`data/${MUNI}`);
    // Etnedal 0541 is gone for all 35 years 1992–2026; the first missing key is its 1992 row; 48 × 35 = 1680 keys claimed
    expect(e.key).toBe("municipality_code_2008=0541, year=1992");
    expect(e.message).toContain("1680 keys");
    expect(e.message).toContain("35 key(s) missing");
    expect(verifyReport(dir).ok).toBe(false);
  });

  it("a population ×10 → ChangeBoundError naming row, key, column and both values", () => {
    // row 50: 0403 Hamar 2005 = 27439 → 274390; row 49: 2004 = 27245; (274390 − 27245) / 27245 = 247145 / 27245 = 9.0712 → +907.1 %
    const dir = badCopy({ [MUNI]: line("0403,3403,Hamar,Hedmark,2005,", setField(5, "274390")) });
    const e = failure(() => loadTable(MUNI, dir));
    expect(e).toBeInstanceOf(ChangeBoundError);
    expect([e.file, e.row, e.key, e.column]).toEqual([`data/${MUNI}`, 50, "municipality_code_2008=0403, year=2005", "population_1jan"]);
    expect(e.found).toBe("27245 (row 49, year 2004) → 274390 (year 2005): +907.1 %");
    expect(e.expected).toMatch(/^\|change\| ≤ 15\.0 % per year/);
  });

  it("a population of 0 → OutOfRangeError", () => {
    const dir = badCopy({ [MUNI]: line("0403,3403,Hamar,Hedmark,2005,", setField(5, "0")) });
    const e = failure(() => loadTable(MUNI, dir));
    expect(e).toBeInstanceOf(OutOfRangeError);
    expect([e.row, e.key, e.column, e.found]).toEqual([50, "municipality_code_2008=0403, year=2005", "population_1jan", "0"]);
    expect(e.expected).toContain("> 0 and < 1000000");
  });

  it("a 20-digit population → UnsafeIntegerError, not a saturated Int64", () => {
    const dir = badCopy({ [MUNI]: line("0403,3403,Hamar,Hedmark,2005,", setField(5, "12345678901234567890")) });
    const e = failure(() => loadTable(MUNI, dir));
    expect(e).toBeInstanceOf(UnsafeIntegerError);
    expect([e.row, e.column, e.found]).toEqual([50, "population_1jan", "12345678901234567890"]);
    expect(e.expected).toContain(String(Number.MAX_SAFE_INTEGER));
  });

  it("births = 99999 → BalanceError with both sides and the residual", () => {
    // row 3: 0501 Lillehammer 2006: 25314 + 99999 − 230 + 1434 − 1250 = 125267 vs end 25537 → residual 99730
    const dir = badCopy({ [COMPONENTS]: line("0501,Lillehammer,2006,", setField(4, "99999")) });
    const e = failure(() => loadTable(COMPONENTS, dir));
    expect(e).toBeInstanceOf(BalanceError);
    expect([e.row, e.key, e.column]).toEqual([3, "municipality_code_2008=0501, year=2006", "population_end"]);
    expect(e.found).toBe("125267 vs population_end = 25537 (residual 99730)");
    expect(e.expected).toContain("within ±15");
  });

  it("a county total off by one → CrossFileError when the municipal file is loaded", () => {
    // Hedmark 2008: SSB 189289 (county file row 7) = sum of the 22 Hedmark municipalities; the copy says 189290
    const dir = badCopy({ [COUNTY]: line("04,Hedmark,2008,", setField(3, "189290")) });
    expect(() => loadTable(COUNTY, dir)).not.toThrow(); // the county file alone is plausible
    for (const path of [MUNI, MUNI_0009]) {
      const e = failure(() => loadTable(path, dir));
      expect(e).toBeInstanceOf(CrossFileError);
      expect([e.file, e.key, e.column]).toEqual([`data/${path}`, "county=Hedmark, year=2008", "population_1jan"]);
      expect(e.expected).toContain(`data/${COUNTY} row 7 population_1jan = 189290`);
      expect(e.found).toBe("a sum of 189289 (difference -1)");
    }
  });

  it("a municipal value off by one → CrossFileError (sum 189290 vs 189289)", () => {
    // 0403 Hamar 2008 in the 1992–2026 file is one of the Hedmark parts; +1 moves the sum from 189289 to 189290
    const dir = badCopy({ [MUNI]: (t) => t.replace(/^(0403,3403,Hamar,Hedmark,2008,)(\d+)/m, (_, a: string, v: string) => `${a}${Number(v) + 1}`) });
    const e = failure(() => loadTable(MUNI, dir));
    expect(e).toBeInstanceOf(CrossFileError);
    expect(e.found).toBe("a sum of 189290 (difference +1)");
  });
});

describe("data contracts: the bounds are live and chosen from the data", () => {
  const dropExceptions = (m: Manifest): void => {
    const change = m.files.find((f) => f.path === MUNI)!.contracts!.find((c) => c["kind"] === "change")!;
    delete change["exceptions"];
  };

  it("without its exception, Etnedal 2025→2026 (the largest real change) breaks the 15 % bound", () => {
    // Etnedal 0541: 1 Jan 2025 = 1254, 2026 = 1593: (1593 − 1254) / 1254 = 339 / 1254 = 0.2703 → +27.0 %
    const e = failure(() => loadTable(MUNI, badCopy({}, dropExceptions)));
    expect(e).toBeInstanceOf(ChangeBoundError);
    expect(e.key).toBe("municipality_code_2008=0541, year=2026");
    expect(e.found).toBe("1254 (row 1540, year 2025) → 1593 (year 2026): +27.0 %");
  });

  it("the Toten boundary change 2002→03 is admitted by the bound, and a 4 % bound would catch it", () => {
    // Vestre Toten 0529: 13169 → 12627: −542 / 13169 = −0.0412 → −4.1 %; Østre Toten 14167 → 14649 = +3.4 % (below 4 %)
    const e = failure(() =>
      loadTable(
        MUNI_0009,
        badCopy({}, (m) => {
          const c = m.files.find((f) => f.path === MUNI_0009)!.contracts!.find((x) => x["kind"] === "change")!;
          c["maxRelative"] = 0.04;
        }),
      ),
    );
    expect(e).toBeInstanceOf(ChangeBoundError);
    expect(e.key).toBe("municipality_code_2008=0529, year=2003");
    expect(e.found).toBe("13169 (row 364, year 2002) → 12627 (year 2003): -4.1 %");
  });

  it("the balance residuals: municipalities up to 8 (bound 15), counties up to 33 (bound 50)", () => {
    const withResidual = (pattern: string, max: number) => (m: Manifest) => {
      const c = m.files
        .find((f) => f.path === COMPONENTS)!
        .contracts!.find((x) => x["kind"] === "balance" && (x["where"] as { pattern: string }).pattern === pattern)!;
      c["maxResidual"] = max;
    };
    // row 45: Gran 2005: 13010 + 134 − 161 + 486 − 411 = 13058 vs 13066 → −8
    const m = failure(() => loadTable(COMPONENTS, badCopy({}, withResidual("0[45][0-9]{2}", 7))));
    expect([m.row, m.found]).toEqual([45, "13058 vs population_end = 13066 (residual -8)"]);
    // row 27: Oppland 2005: 183174 + 1819 − 2047 + 4884 − 4659 = 183171 vs 183204 → −33
    const c = failure(() => loadTable(COMPONENTS, badCopy({}, withResidual("0|0[45]", 32))));
    expect([c.row, c.found]).toEqual([27, "183171 vs population_end = 183204 (residual -33)"]);
  });
});

describe("data:verify and data:rehash", () => {
  it("files under data/ that the manifest does not list are reported; data/cache/ is not", () => {
    const dir = badCopy({});
    mkdirSync(join(dir, "cache", "ssb"), { recursive: true });
    writeFileSync(join(dir, "cache", "ssb", "x.json"), "{}");
    expect(verifyReport(dir).ok).toBe(true);
    writeFileSync(join(dir, "ssb", "extra.csv"), "a\n1\n");
    expect(verifyReport(dir).unlisted).toEqual(["data/ssb/extra.csv"]);
    const e = failure(() => verifyAll(dir));
    expect(e).toBeInstanceOf(UnlistedFileError);
    expect(e.message).toContain("data/ssb/extra.csv");
  });

  it("rehash with a listed file missing → MissingFileError naming it, manifest untouched", () => {
    const dir = badCopy({});
    const before = readFileSync(join(dir, "manifest.json"));
    rmSync(join(dir, COUNTY));
    const e = failure(() => rehashManifest(dir));
    expect(e).toBeInstanceOf(MissingFileError);
    expect(e).toBeInstanceOf(ManifestError);
    expect(e.found).toBe(`missing: data/${COUNTY}`);
    expect(readFileSync(join(dir, "manifest.json")).equals(before)).toBe(true);
    expect(existsSync(join(dir, MUNI))).toBe(true);
  });

  it("a contract naming an undeclared column or an unlisted file is a ManifestError", () => {
    const bad = (edit: (c: Record<string, unknown>) => void): string =>
      badCopy({}, (m) => edit(m.files.find((f) => f.path === MUNI)!.contracts!.find((c) => c["kind"] === "crossSum")!));
    expect(() => readManifest(bad((c) => (c["column"] = "nope")))).toThrow(ManifestError);
    expect(() => readManifest(bad((c) => ((c["against"] as { file: string }).file = "ssb/nope.csv")))).toThrow(/to be another file of the manifest/);
  });
});
