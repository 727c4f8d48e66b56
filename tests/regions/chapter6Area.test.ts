/**
 * Chapter 6 for another area (issue 24): `--param area=Nordland` runs the chapter on SSB's national series for
 * Nordland's 41 municipalities. The findings about the report's own regions are skipped with the reason; the others are
 * project checks about Nordland that say so (no statement about Innlandet carried over), read the national files, and
 * the maps draw Nordland. Expected values are read from the data files here, by plain CSV parsing, not by the library.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ModuleRun } from "../../scripts/lib/nbmodule";
import { limit } from "../support/limits";

const ROOT = join(__dirname, "..", "..");
const data = (f: string): string => readFileSync(join(ROOT, "data", f), "utf8");

/** CSV rows as records (the files' quoted fields hold commas only in `source`/`group`, handled here). */
function rows(text: string): Record<string, string>[] {
  const split = (line: string): string[] => {
    const out: string[] = [];
    let cur = "";
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (ch === "," && !quoted) (out.push(cur), (cur = ""));
      else cur += ch;
    }
    return [...out, cur];
  };
  const [head, ...lines] = text.trim().split("\n");
  const names = split(head!);
  return lines.map((l) => Object.fromEntries(split(l).map((v, i) => [names[i]!, v])));
}

// Nordland by hand: the 2024 county code 18; its municipalities from Kartverket's boundaries
const geo = JSON.parse(data("geo/municipalities_norway_2024.geojson")) as { features: { properties: { kommunenummer: string } }[] };
const nordlandCodes = geo.features.map((f) => f.properties.kommunenummer).filter((c) => c.startsWith("18"));
const population = rows(data("national/population_municipality_2024codes_1986_2026.csv"));
const restSplit = rows(data("national/population_rest_group_split_2001_2019.csv"));
/** Nordland's population on 1 January: its municipalities' published cells plus, 2001–2019, its part of SSB's REST. */
const nordlandTotal = (year: number): number =>
  population
    .filter((r) => r["municipality_code_2024"]!.startsWith("18") && Number(r["year"]) === year && r["status"] === "published")
    .reduce((s, r) => s + Number(r["population_1jan"]), 0) +
  restSplit.filter((r) => r["county_2020"] === "18" && Number(r["year"]) === year).reduce((s, r) => s + Number(r["population_1jan"]), 0);
const yearly = (from: number, to: number): number => 100 * ((nordlandTotal(to) / nordlandTotal(from)) ** (1 / (to - from)) - 1);

let run: ModuleRun;
beforeAll(async () => {
  const { runAsModule } = await import("../../scripts/lib/nbmodule");
  run = await runAsModule(join(ROOT, "notebooks", "06-fifteen-years-on.ipynb"), { params: { area: "Nordland" } });
}, limit(60_000));

describe("chapter 6 with --param area=Nordland", () => {
  it("runs, and every finding is a project check about Nordland with its own id", () => {
    expect(run.ok, run.error ? `${run.error.message} (cell ${run.error.cell})` : run.stderr).toBe(true);
    expect(run.findings.map((f) => f.id).sort()).toEqual([
      "ch6.national_growth_increases_with_size.area_population_report_period.area_18",
      "ch6.national_growth_increases_with_size.area_population_since_2008.area_18",
      "ch6.population_stagnation_after_2008.area_18",
      "ch6.population_stagnation_from_series_start.area_18",
    ]);
    for (const f of run.findings) {
      expect(f.kind, f.id).toBe("check");
      expect(f.claim, f.id).toMatch(/Nordland/);
      expect(f.claim, f.id).not.toMatch(/^Innlandet/);
      // the national series, never the report's 48-municipality file
      expect(f.inputs.filter((i) => i.startsWith("data/ssb/")), f.id).toEqual([]);
      expect(f.inputs, f.id).toContain("data/national/population_municipality_2024codes_1986_2026.csv");
      expect(f.note, f.id).toMatch(/run: .*area=Nordland/);
    }
  });

  it("each finding lists the files it reads: the size tests the series and the mapping, the total the REST split too", () => {
    const inputs = (id: string) => run.findings.find((f) => f.id === id)!.inputs.filter((i) => !i.startsWith("data/report/"));
    const series = "data/national/population_municipality_2024codes_1986_2026.csv";
    expect(inputs("ch6.national_growth_increases_with_size.area_population_since_2008.area_18")).toEqual([series, "data/national/ba2020_2024codes.csv"]);
    expect(inputs("ch6.population_stagnation_after_2008.area_18")).toEqual([series, "data/national/population_rest_group_split_2001_2019.csv"]);
  });

  it("the statements about the report's own regions are skipped, each with the reason", () => {
    const skipped = run.outputs.filter((o) => o.mime === "text/markdown" && o.data.startsWith("*Skipped for Nordland"));
    expect(skipped).toHaveLength(3);
    for (const s of skipped) expect(s.data).toMatch(/a statement about the report's own regions of Innlandet/);
    expect(skipped.map((s) => s.data).join(" ")).toMatch(/Kongsvinger/);
  });

  it("the stagnation readings are Nordland's total (with its part of REST) from 2001, by hand", () => {
    const byId = (id: string) => run.findings.find((f) => f.id === id)!;
    const fromStart = byId("ch6.population_stagnation_from_series_start.area_18");
    // 2001: the first year Nordland's total can be formed (Narvik and Hamarøy are in REST until 2019)
    expect(fromStart.numbers?.["yearly_pct"] as number).toBeCloseTo(yearly(2001, 2008), 6);
    expect(fromStart.note).toMatch(/from 1 Jan 2001/);
    expect(fromStart.inputs).toContain("data/national/population_rest_group_split_2001_2019.csv");
    expect(byId("ch6.population_stagnation_after_2008.area_18").numbers?.["yearly_pct"] as number).toBeCloseTo(yearly(2008, 2026), 6);
  });

  it("the maps draw Nordland's 41 municipalities, and their titles name Nordland", () => {
    expect(nordlandCodes).toHaveLength(41);
    const figures = run.outputs.filter((o) => o.mime === "text/html" && o.data.includes("plotly-figure") && o.data.includes('"fill":"toself"'));
    expect(figures.length).toBe(3); // the regions, and the change in the two periods
    for (const fig of figures) {
      // each municipality's polygons carry its hover text "name (code)<br>…" (the "<" escaped in the page's JSON)
      const drawn = new Set([...fig.data.matchAll(/"name":"[^"]*? \((\d{4})\)\\u003cbr>/g)].map((m) => m[1]));
      expect([...drawn].sort()).toEqual([...nordlandCodes].sort());
      expect(fig.data).toMatch(/"text":"[^"]*\(Nordland, mapping ba2020\)|Regions of mapping ba2020 \(Nordland\)/);
    }
  });
});
