/**
 * Region mappings as data: loaded with their checks, and the reconstruction of
 * the report's 13 regions tested against KRD's published table.
 */
import { bothPaths } from "../support/bothPaths";
import { describe, expect, it } from "vitest";
import * as pl from "nodejs-polars";
import {
  FindingContext,
  IncompleteKeysError,
  IndicatorInputError,
  krdTypePopulation,
  loadKrdRegionTypes,
  loadMapping,
  loadMunicipalPopulation,
  mappingSensitivity,
  toRegions,
} from "../../src/lib/index";
import type { Finding } from "../../src/lib/findings/types";
import { dataCopy } from "../support/dataCopy";

describe("loadMapping", () => {
  it("report13: 48 municipalities, 5 city + 8 small-town regions, 4 municipalities outside", () => {
    const m = loadMapping("report13");
    expect(m.height).toBe(48);
    const regions = (type: string): string[] =>
      [
        ...new Set(
          m
            .filter(pl.col("region_type").eq(pl.lit(type)))
            .getColumn("region")
            .toArray() as string[],
        ),
      ].sort();
    expect(regions("city")).toEqual(["Elverum", "Gjøvik", "Hamar", "Kongsvinger", "Lillehammer"]);
    expect(regions("small_town")).toEqual(["Dovre", "Sel", "Sjåk/Lom", "Stor-Elvdal/Rendalen", "Trysil", "Tynset", "Valdres", "Vinstra"]);
    expect(
      m
        .filter(pl.col("region_type").eq(pl.lit("outside")))
        .getColumn("municipality_name")
        .toArray()
        .sort(),
    ).toEqual(["Gran", "Jevnaker", "Lunner", "Os"]);
  });

  it("report13 marks every deviation from BA-2020", () => {
    const notes = loadMapping("report13").filter(pl.col("note").str.contains("DEVIATION")).getColumn("municipality_name").toArray().sort();
    expect(notes).toEqual(["Rendalen", "Åsnes"]);
  });

  it("refuses a mapping that leaves a municipality out (the file's contract, on load)", () => {
    const dir = dataCopy("regions/mappings.csv", (t) =>
      t
        .split("\n")
        .filter((l) => !l.startsWith("report13,0545"))
        .join("\n"),
    );
    expect(() => loadMapping("report13", dir)).toThrow(IncompleteKeysError);
    expect(() => loadMapping("report13", dir)).toThrow(/key mapping=report13, municipality_code_2008=0545: expected a row for every/);
  });

  it("refuses a 'ba2020' row that departs from TØI's division, naming row and column", () => {
    // Åsnes moved into the Kongsvinger region with that region's types, so only the comparison with TØI can see it
    const dir = dataCopy("regions/mappings.csv", (t) =>
      t.replace("ba2020,0425,Åsnes,Åsnes,,small_town,,", "ba2020,0425,Åsnes,Kongsvinger,Kongsvinger,city,smaa_og_mellomstore_byregionar_innanfor_DPV,"),
    );
    expect(() => loadMapping("ba2020", dir)).toThrow(/row 11, column 'region': expected TØI's BA-2020 region 'Åsnes'/);
  });

  it("refuses a municipality mapped twice (duplicate key)", () => {
    const dir = dataCopy("regions/mappings.csv", (t) => t + t.split("\n").find((l) => l.startsWith("report13,0402"))! + "\n");
    expect(() => loadMapping("report13", dir)).toThrow(/duplicate|unique key/);
  });
});

describe("the reconstruction against KRD (St.meld. 25, Tabell 1.1)", () => {
  const krd = loadKrdRegionTypes().filter(pl.col("landsdel").eq(pl.lit("Innlandet")));
  const published = (type: string, col: string): number =>
    krd
      .filter(pl.col("region_type").eq(pl.lit(type)))
      .getColumn(col)
      .get(0) as number;
  const computed = krdTypePopulation(new FindingContext({ mapping: "report13" }));
  const at = (type: string, year: number): number =>
    computed
      .filter(pl.col("krd_type").eq(pl.lit(type)).and(pl.col("year").eq(year)))
      .getColumn("value")
      .get(0) as number;

  it.each([
    "smaa_og_mellomstore_byregionar_utanfor_DPV",
    "smaa_og_mellomstore_byregionar_innanfor_DPV",
    "smaasenterregionar",
    "omraade_med_spreidd_busetjing",
    "totalt",
  ])("reproduces the population on 1 Jan 2009 of %s to the person", (type) => {
    expect(at(type, 2009)).toBe(published(type, "population_2009"));
  });

  it("reproduces growth 2002–09 within rounding for four of five rows; small-centre regions miss by 0.1 pp", () => {
    for (const type of [
      "smaa_og_mellomstore_byregionar_utanfor_DPV",
      "smaa_og_mellomstore_byregionar_innanfor_DPV",
      "omraade_med_spreidd_busetjing",
      "totalt",
    ]) {
      expect(Math.abs(100 * (at(type, 2009) / at(type, 2002) - 1) - published(type, "growth_2002_2009_pct"))).toBeLessThanOrEqual(0.05);
    }
    // 70 213 / 72 379 − 1 = −2.99 % against the printed −3.1 %
    expect(at("smaasenterregionar", 2002)).toBe(72379);
    expect(100 * (70213 / 72379 - 1)).toBeCloseTo(-2.9926, 4);
  });

  it("TØI's BA-2020 as published does not reproduce it (Åsnes is a region of its own there)", () => {
    const ba = krdTypePopulation(new FindingContext({ mapping: "ba2020" }));
    const v = ba
      .filter(pl.col("krd_type").eq(pl.lit("smaa_og_mellomstore_byregionar_innanfor_DPV")).and(pl.col("year").eq(2009)))
      .getColumn("value")
      .get(0);
    expect(v).toBe(49303 - 7610); // Kongsvinger without Åsnes's 7,610 residents
  });
});

describe("toRegions", () => {
  it("sums municipalities to regions and refuses an unmapped municipality", () => {
    const pop = loadMunicipalPopulation();
    const r = toRegions(pop, loadMapping("report13")).filter(pl.col("region").eq(pl.lit("Dovre")).and(pl.col("year").eq(2009)));
    expect(r.getColumn("value").get(0)).toBe(4942); // Dovre 0511 + Lesja 0512
    const extra = pl.concat([
      pop,
      pl
        .DataFrame({ municipality_code_2008: ["0999"], municipality_name: ["X"], county: ["Oppland"], year: [2009], value: [1] })
        .withColumns(pl.col("year").cast(pl.Int64), pl.col("value").cast(pl.Int64)),
    ]);
    expect(() => toRegions(extra, loadMapping("report13"))).toThrow(IndicatorInputError);
  });

  it("sums a region only whole: a year missing one of its municipalities is refused, on both paths (was a silent part-sum)", () => {
    const pop = loadMunicipalPopulation().filter(pl.col("year").eq(2007));
    // Dovre region = Dovre 0511 + Lesja 0512 (the report13 mapping); Lesja left out of 2007
    const partial = pop.filter(pl.col("municipality_code_2008").neq(pl.lit("0512")));
    const [small, polars] = bothPaths(() => toRegions(partial, loadMapping("report13")));
    expect(small).toEqual({
      error:
        "IndicatorInputError: toRegions: region 'Dovre' lacks municipality 0512 in 2007: the sum of part of a region is not its value (leave the region out, or complete the data)",
    });
    expect(polars).toEqual(small);
    // leaving the whole region out is fine: the other 15 regions are summed
    const withoutDovre = partial.filter(pl.col("municipality_code_2008").neq(pl.lit("0511")));
    expect(toRegions(withoutDovre, loadMapping("report13")).height).toBe(15);
    // to region types the unit that must be whole is still the region: a type over whole regions is summed, a type
    // holding part of a region is refused, naming the region
    expect(toRegions(withoutDovre, loadMapping("report13"), { to: "region_type" }).height).toBe(3);
    expect(() => toRegions(partial, loadMapping("report13"), { to: "region_type" })).toThrow(/region 'Dovre' lacks municipality 0512 in 2007/);
    // presence is per year, not per further key: a municipality without a row for one sector is a zero, not a gap
    const bySector = pl.DataFrame({
      municipality_code_2008: ["0511", "0512", "0512"],
      year: [2007, 2007, 2007],
      sector: ["a", "a", "b"],
      value: [1, 2, 3],
    });
    const dovre = toRegions(bySector, loadMapping("report13"), { keep: ["year", "sector"] });
    expect(dovre.select("region", "sector", "value").toRecords()).toEqual([
      { region: "Dovre", sector: "a", value: 3 },
      { region: "Dovre", sector: "b", value: 3 },
    ]);
  });

  it("numeric municipality codes against the mapping's text codes: one typed line on both paths (was a raw join error)", () => {
    const numeric = pl.DataFrame({ municipality_code_2008: [403, 511], year: [2009, 2009], value: [10, 20] });
    const [small, polars] = bothPaths(() => toRegions(numeric, loadMapping("report13")));
    expect(polars).toEqual({
      error:
        'IndicatorInputError: toRegions: municipality codes are Float64 in the data (\'municipality_code_2008\') but String in the mapping (\'municipality_code_2008\'): cast both to text (codes such as "0403" keep their leading zero)',
    });
    expect(small).toEqual(polars);
  });
});

describe("mappingSensitivity", () => {
  const f = (id: string, verdict: Finding["verdict"], computed: number, mapping = true): Finding => ({
    id, kind: "claim", chapter: 3, section: "3.4", claim: "c", published: 1, computed, unit: "", tolerance: 0.5, rule: "printed", verdict,
    robustness: { status: "not_assessed", alternatives: [], flips: [] }, inputs: mapping ? ["data/regions/mappings.csv"] : [], note: "",
  });
  it("lists the findings that read a mapping, side by side, and marks changed verdicts", () => {
    const s = mappingSensitivity({
      report13: [f("ch3.b", "corroborated", 1), f("ch3.a", "contradicted", 2), f("ch3.z", "reproduced", 1, false)],
      ba2020: [f("ch3.a", "corroborated", 1.2), f("ch3.b", "corroborated", 1)],
    });
    expect(s.columns).toEqual(["id", "computed_report13", "verdict_report13", "computed_ba2020", "verdict_ba2020", "verdict_changes"]);
    expect(s.toRecords()).toEqual([
      { id: "ch3.a", computed_report13: "2", verdict_report13: "contradicted", computed_ba2020: "1.2", verdict_ba2020: "corroborated", verdict_changes: true },
      { id: "ch3.b", computed_report13: "1", verdict_report13: "corroborated", computed_ba2020: "1", verdict_ba2020: "corroborated", verdict_changes: false },
    ]);
  });
  it("a finding one mapping does not emit is shown so, not counted as a change of verdict", () => {
    const s = mappingSensitivity({ report13: [f("ch3.only", "contradicted", 2)], ba2020: [] });
    expect(s.toRecords()).toEqual([
      { id: "ch3.only", computed_report13: "2", verdict_report13: "contradicted", computed_ba2020: "(not emitted)", verdict_ba2020: "(not emitted)", verdict_changes: false },
    ]);
  });
});
