/**
 * The national typology and the REST apportioning. Expectations by hand from the CSVs: the centre municipality
 * (`Senterkommune` in data/national/ba2020_2024codes.csv) and its class in centrality_classes_2013_2016codes.csv.
 */
import * as pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import { apportionedRest, loadNationalPopulation, nationalTypology, typedBa2020Mapping } from "../../src/lib";

const typeOf = (df: pl.DataFrame, region: string) => df.filter(pl.col("region").eq(pl.lit(region))).getColumn("region_type").get(0);

describe("nationalTypology", () => {
  const centrality = nationalTypology("centrality");

  it("159 regions: 6 big-city, 68 city, 85 small-town", () => {
    const counts = Object.fromEntries((centrality.groupBy("region_type").agg(pl.col("region").count().alias("n")).toRecords() as { region_type: string; n: number }[]).map((r) => [r.region_type, r.n]));
    expect(counts).toEqual({ big_city: 6, city: 68, small_town: 85 });
  });

  it("Innlandet: Nord-Aurdal (centre class 0) small-town, Hamar (class 3) and Lillehammer (class 2) city; Oslo/Bærum big-city", () => {
    expect(typeOf(centrality, "Nord-Aurdal")).toBe("small_town");
    expect(typeOf(centrality, "Hamar")).toBe("city");
    expect(typeOf(centrality, "Lillehammer")).toBe("city");
    expect(typeOf(centrality, "Oslo/Bærum")).toBe("big_city");
  });

  it("a REST municipality's class comes from the municipalities it was formed from: Narvik (1805 Narvik, class 2) a city region", () => {
    expect(typeOf(centrality, "Narvik")).toBe("city");
  });

  it("size: Åsnes (7 600 residents in 2008, one municipality) is a small-town region; Narvik is sized on 1 Jan 2020", () => {
    const size = nationalTypology("size");
    expect(typeOf(size, "Åsnes")).toBe("small_town");
    expect(size.filter(pl.col("region").eq(pl.lit("Narvik"))).getColumn("size_year").get(0)).toBe(2020);
  });

  it("typedBa2020Mapping types every one of the 357 municipalities", () => {
    const m = typedBa2020Mapping(centrality);
    expect(m.height).toBe(357);
    expect(m.filter(pl.col("region_type").isNull()).height).toBe(0);
  });
});

describe("apportionedRest", () => {
  it("fills the five municipalities 1986–2019 (170 cells) and their sum equals SSB's REST every year", () => {
    const df = apportionedRest();
    const imputed = df.filter(pl.col("imputed"));
    expect(imputed.height).toBe(170);
    const rest = loadNationalPopulation().rest;
    const sums = imputed.groupBy("year").agg(pl.col("value").sum().alias("sum")).join(rest, { on: "year" });
    for (const r of sums.toRecords() as { sum: number; value: number }[]) expect(r.sum).toBeCloseTo(r.value, 6);
  });
});
