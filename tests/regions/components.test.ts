import { describe, expect, it } from "vitest";
import * as pl from "nodejs-polars";
import { componentsByRegion } from "../../src/lib/index";

// Synthetic: region R = {0001, 0002}, region S = {0003}; 0002 missing in 2006; 0003 migration not published.
const mapping = pl.DataFrame({
  municipality_code_2008: ["0001", "0002", "0003"],
  region: ["R", "R", "S"],
  region_type: ["city", "city", "small_town"],
});
const int = (v: (number | null)[]): pl.Series => pl.Series("", v, pl.Int64);
const comps = pl.DataFrame({
  municipality_code_2008: ["0001", "0002", "0001", "0003", "04"],
  year: int([2005, 2005, 2006, 2005, 2005]).alias("year"),
  population_start: int([100, 50, 101, 30, 999]).alias("population_start"),
  births: int([2, 1, 2, 0, 9]).alias("births"),
  deaths: int([1, 1, 1, 1, 9]).alias("deaths"),
  in_migration: int([5, 2, 4, null, 9]).alias("in_migration"),
  out_migration: int([5, 1, 3, null, 9]).alias("out_migration"),
  population_end: int([101, 51, 103, 29, 999]).alias("population_end"),
});

describe("componentsByRegion", () => {
  const out = componentsByRegion(comps, mapping);
  const row = (region: string, year: number): Record<string, unknown> =>
    out.filter(pl.col("region").eq(pl.lit(region)).and(pl.col("year").eq(year))).toRecords()[0]!;

  it("sums complete region-years and ignores county rows", () => {
    expect(out.height).toBe(3);
    expect(row("R", 2005)).toMatchObject({
      complete: true,
      missing: "",
      municipalities_present: 2,
      births: 3,
      deaths: 2,
      in_migration: 7,
      out_migration: 6,
      population_end: 152,
    });
  });

  it("marks incomplete region-years and names the missing municipalities", () => {
    expect(row("R", 2006)).toMatchObject({ complete: false, missing: "0002", municipalities_present: 1, municipalities_total: 2 });
  });

  it("keeps a migration sum null when any part is unpublished", () => {
    expect(row("S", 2005)).toMatchObject({ complete: true, in_migration: null, out_migration: null, births: 0 });
  });
});
