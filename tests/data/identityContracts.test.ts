/**
 * Contracts for identities and assumptions (issue 21, item 2 a–e): plausible wrong
 * values in claims.csv, the phrase rules, the region mappings, the job-growth rates
 * and the innovation survey must fail at load with a typed one-line error naming
 * file, row, column and values. Each case edits a re-hashed copy of data/.
 */
import { describe, expect, it } from "vitest";
import {
  BalanceError,
  DataError,
  DisagreementError,
  DisallowedValueError,
  IncompleteKeysError,
  InconsistentGroupError,
  MissingValueError,
  OrderError,
  OutOfRangeError,
  PrintedValueError,
  RollupError,
  ValueError,
  loadMapping,
  loadTable,
} from "../../src/lib/index";
import { all, badCopy, failure, line, setField } from "../support/badCopy";

const CLAIMS = "report/claims.csv";
const RULES = "assumptions/phrase_rules.csv";
const MAPPINGS = "regions/mappings.csv";
const JOBS = "report/job_growth_1998_2008.csv";
const INNOVATION = "ssb/innovation_2006_county_economic_region.csv";

function check(
  path: string,
  edit: (t: string) => string,
  cls: new (...a: never[]) => DataError,
  where: { row?: number; column?: string },
): DataError {
  const e = failure(() => loadTable(path, badCopy({ [path]: edit })));
  expect(e, e.message).toBeInstanceOf(cls);
  expect(e.file).toBe(`data/${path}`);
  if (where.row !== undefined) expect(e.row).toBe(where.row);
  if (where.column !== undefined) expect(e.column).toBe(where.column);
  expect(e.message).not.toMatch(/\n/);
  return e;
}

describe("(a) claims.csv: the value agrees with the figure as printed; parts where the tolerance uses them", () => {
  it('value 43.5 with printed "44" is refused', () => {
    const e = check(CLAIMS, line("private_services_share_innlandet_2008,", setField(5, "43.5")), PrintedValueError, { row: 3, column: "value" });
    expect(e.message).toBe(
      `data/report/claims.csv, row 3, key key=private_services_share_innlandet_2008, column 'value': expected the value printed in column 'printed' ("44" = 44), found 43.5`,
    );
  });

  it.each([
    ['a decimal comma: "2,5" with value 2.4', "city_regions_population_change_2001_07,", 5, "2.4", "value", /"2,5" = 2\.5\), found 2\.4$/],
    ['thousands: "220.000" with value 22000', "mjos_towns_and_kongsvinger_population,", 5, "22000", "value", /"220\.000" = 220000\), found 22000$/],
    ['a sign: "-3,7" with value 3.7', "small_town_regions_population_change_2001_07,", 5, "3.7", "value", /"-3,7" = -3\.7\), found 3\.7$/],
    ['a range\'s low end: "10–15" with low 11', "job_growth_hamar,", 6, "11", "low", /"10–15": 10\), found 11$/],
    ['a range\'s high end: "19–20" with high 21', "job_growth_tynset,", 7, "21", "high", /"19–20": 20\), found 21$/],
  ])("%s is refused", (_what, prefix, field, v, column, msg) => {
    const e = check(CLAIMS, line(prefix, setField(field, v)), PrintedValueError, { column });
    expect(e.message).toMatch(msg);
  });

  it('a printed figure not in the report\'s notation is refused ("4.5": neither a decimal comma nor thousands groups)', () => {
    check(CLAIMS, line("private_services_share_innlandet_2008,", all(setField(5, "4.5"), setField(8, "4.5"))), PrintedValueError, {
      column: "printed",
    });
  });

  it("parts missing where the tolerance uses them (kind number or interval) is refused", () => {
    const e = check(CLAIMS, line("services_share_innlandet_2008,", setField(9, "")), MissingValueError, { row: 2, column: "parts" });
    expect(e.message).toMatch(/expected a value in every row where kind matches \/number\|interval\/ \(.+\), found an empty cell$/);
  });
});

describe("(b) phrase rules: thresholds within the bounds of their unit", () => {
  const sub =
    (from: string, to: string) =>
    (l: string): string => {
      if (!l.includes(from)) throw new Error(`test setup: no ${from}`);
      return l.replace(from, to);
    };
  it.each([
    ["klart = 200 (percentage points)", "klart,", sub(",2,percentage points (or per 1000", ",200,percentage points (or per 1000"), 5],
    ["paa_nivaa_med = 0 (an equality that rounded figures cannot meet)", "paa_nivaa_med,", sub(",1,percentage points", ",0,percentage points"), 6],
    ["association α = 0.5", "association,", sub(",0.05,significance level,", ",0.5,significance level,"), 9],
    ["nullvekst = 8 % a year", "nullvekst,", sub(",0.25,percent,", ",8,percent,"), 7],
    ["litt = 1 (a direction-only rule)", "litt,", sub(",0,same unit as the compared figures,", ",1,same unit as the compared figures,"), 4],
  ])("%s is refused", (_what, prefix, edit, row) => {
    const e = check(RULES, line(prefix, edit), OutOfRangeError, { row, column: "threshold" });
    expect(e.message).toMatch(/expected a value .* \(.+\), found /);
  });

  it("a threshold in a unit without stated bounds is refused", () => {
    check(RULES, (t) => t.replace(",0,units,", ",0,furlongs,"), ValueError, { row: 10, column: "unit" });
  });
});

describe("(c) region mappings: one type per region, every municipality once, every report region filled, names agree with codes", () => {
  it("a municipality whose type differs from its region's is refused at load (not a LookupError in a notebook)", () => {
    const edit = line("report13,0412,", (l) => l.replace(",Hamar,Hamar,city,", ",Hamar,Hamar,small_town,"));
    const e = check(MAPPINGS, edit, InconsistentGroupError, { row: 52, column: "region_type" });
    expect(e.message).toBe(
      "data/regions/mappings.csv, row 52, key mapping=report13, municipality_code_2008=0412, column 'region_type': expected one region_type per mapping=report13, region=Hamar (row 51 has city), found small_town",
    );
    expect(() => loadMapping("report13", badCopy({ [MAPPINGS]: edit }))).toThrow(InconsistentGroupError);
  });

  it("a municipality left out of one mapping is refused by loadTable itself", () => {
    const e = check(
      MAPPINGS,
      (t) =>
        t
          .split("\n")
          .filter((l) => !l.startsWith("ba2020,0545,"))
          .join("\n"),
      IncompleteKeysError,
      {},
    );
    expect(e.key).toBe("mapping=ba2020, municipality_code_2008=0545");
  });

  it("a report region with no municipality under a mapping is refused", () => {
    const edit = (t: string): string => t.replace(/^(ba2020,05\d\d,[^,]+,Nord-Aurdal,)Valdres,/gm, "$1,");
    const e = failure(() => loadTable(MAPPINGS, badCopy({ [MAPPINGS]: edit })));
    expect(e).toBeInstanceOf(IncompleteKeysError);
    expect(e.key).toBe("mapping=ba2020, report_region=Valdres");
  });

  it("a municipality in a report region the report does not have is refused by the schema (its 13 regions are the codes)", () => {
    const e = check(
      MAPPINGS,
      line("report13,0415,", (l) => l.replace(",Hamar,Hamar,city,", ",Hamar,Nowhere,city,")),
      ValueError,
      {
        row: 53,
        column: "report_region",
      },
    );
    expect(e.message).toMatch(/expected one of the codes \["Kongsvinger","Hamar",.*"Valdres"\], found "Nowhere"$/);
  });

  it("a whole city region given a small-centre KRD type is refused (the KRD type agrees with the region type)", () => {
    // every municipality of report13's Hamar region: one type per region still holds, so only the allowed types see it
    const edit = (t: string): string =>
      t.replace(/^(report13,\d{4},[^,]+,Hamar,Hamar,city,)smaa_og_mellomstore_byregionar_utanfor_DPV,/gm, "$1smaasenterregionar,");
    const e = check(MAPPINGS, edit, DisallowedValueError, { row: 51, column: "krd_type" });
    expect(e.message).toMatch(
      /expected a value matching \/smaa_og_mellomstore_byregionar_\(innanfor\|utanfor\)_DPV\/ where region_type matches \/city\/ .*found "smaasenterregionar"$/,
    );
    // a small-town region typed as a city region, and a region outside given a KRD type
    check(
      MAPPINGS,
      line("report13,0428,", (l) => l.replace(",small_town,smaasenterregionar,", ",small_town,smaa_og_mellomstore_byregionar_utanfor_DPV,")),
      InconsistentGroupError,
      {
        column: "krd_type",
      },
    );
    check(
      MAPPINGS,
      (t) => t.replace(/^(report13,\d{4},[^,]+,Trysil,Trysil,small_town,)smaasenterregionar,/gm, "$1smaa_og_mellomstore_byregionar_utanfor_DPV,"),
      DisallowedValueError,
      {
        column: "krd_type",
      },
    );
    const outside = (t: string): string => t.replace(/^(report13,\d{4},[^,]+,[^,]+,,outside,),/gm, "$1smaasenterregionar,");
    check(MAPPINGS, outside, DisallowedValueError, { column: "krd_type" });
  });

  it("a municipality name that does not belong to its code is refused (reference: the population file's names)", () => {
    const e = check(
      MAPPINGS,
      line("report13,0403,", (l) => l.replace(",Hamar,Hamar,Hamar,", ",Ringsaker,Hamar,Hamar,")),
      DisagreementError,
      {
        row: 51,
        column: "municipality_name",
      },
    );
    expect(e.message).toMatch(
      /expected "Hamar" as in data\/ssb\/population_municipality_2000_2009\.csv row \d+ column 'municipality_name'.*found "Ringsaker"$/,
    );
  });
});

describe("(d) job growth: low ≤ high", () => {
  it("Hamar's range 10–15 with low 16 is refused", () => {
    const e = check(JOBS, line("Hamar,", setField(2, "16")), OrderError, { row: 9, column: "low" });
    expect(e.message).toMatch(/key area=Hamar, column 'low': expected low ≤ high.*, found low = 16 > high = 15$/);
  });
});

describe("(e) innovation 2006: shares, counts and totals", () => {
  it.each([
    ["a share above 100", line("0492,", setField(4, "120")), ValueError, "pct_product_or_process"],
    ["a negative count", line("0492,", setField(3, "-4")), ValueError, "firms_in_population"],
    ["a fractional count", line("0492,", setField(3, "463.5")), ValueError, "firms_in_population"],
  ])("%s is refused by the schema", (_w, edit, cls, column) => {
    check(INNOVATION, edit, cls, { row: 8, column });
  });

  it("product or process ≠ product + process − both (beyond the rounding of three figures) is refused", () => {
    const e = check(INNOVATION, line("0492,", setField(4, "23")), BalanceError, { row: 8, column: "pct_product_or_process" });
    expect(e.message).toMatch(/found 21 vs pct_product_or_process = 23/);
  });

  it("a part above its whole (new to the market > product innovation) is refused", () => {
    check(INNOVATION, line("0492,", setField(6, "14")), OrderError, { row: 8, column: "pct_product_new_to_market" });
  });

  it("Hedmark's firms ≠ the sum of its four economic regions (beyond rounding) is refused", () => {
    const e = check(INNOVATION, line("0492,", setField(3, "473")), RollupError, { row: 6, column: "firms_in_population" });
    expect(e.message).toMatch(/key area_code=04, column 'firms_in_population': expected .*967.*found a sum of 976$/);
  });

  it("Oppland's firms below the sum of the regions present is refused", () => {
    check(INNOVATION, line("05,", setField(3, "700")), RollupError, { column: "firms_in_population" });
  });

  it("Hedmark's share outside the range of its regions' shares is refused", () => {
    const e = check(INNOVATION, line("04,", setField(13, "60")), RollupError, { row: 6, column: "pct_cooperators_abroad" });
    expect(e.message).toMatch(/between .*16.* and .*56.*found 60$/);
  });
});
