/**
 * Areas of Norway for the run parameter `area`: the report's Innlandet, any county of 2024, or all of Norway —
 * each a set of 2024 municipality codes (SSB's 2024 division, which the national series uses).
 *
 * What a name means on 2024 codes (counties changed in 2020 and 2024):
 * - `innlandet` (or `34`, or `hedmark+oppland`) is the report's Innlandet: Hedmark (04) + Oppland (05) of 2008, all 48
 *   municipalities on 2024 codes. That is county 34 of 2020–2023; since 2024 county 34 has 46 of them, because
 *   Jevnaker (3236) and Lunner (3234) moved to Akershus. The report's definition is kept, so the default reproduces it.
 * - any other county name or code (`Nordland`, `18`, `Trøndelag`, `50`, …) is that county as of 1 January 2024
 *   (SSB's classification of 2024, data/national/economic_region_by_year_2002_2025.csv), e.g. Nordland = 41 municipalities.
 * - `norway`: all 357 municipalities.
 * A county's municipalities before 2020 are on their 2024 borders; the five SSB keeps in REST before 2020 (Narvik,
 * Hamarøy in Nordland; Heim, Hitra, Orkland in Trøndelag) have no series there (see loadNationalPopulation).
 */
import * as pl from "nodejs-polars";
import { dataDir } from "../data/manifest";
import { loadCodeHistory, municipalities2024 } from "../data/national";
import { loadMunicipalPopulation1992To2026 } from "../data/open";
import { ParameterError } from "../params";

/** An area: which municipalities (2024 codes), and how its name was read. */
export interface Area {
  /** Normalised key: "innlandet", "norway", or the 2024 county code ("18"). */
  key: string;
  /** For titles: "Innlandet", "Nordland", "Norway". */
  label: string;
  kind: "report" | "county" | "norway";
  /** 2024 municipality codes, sorted. */
  municipalities: string[];
  /** One sentence: what the area is on 2024 codes (for the notebook). */
  definition: string;
}

const REPORT_NAMES = ["innlandet", "34", "hedmark+oppland"];

/** Lower case, without diacritics (Trøndelag → trondelag; ø and æ folded as well). */
const fold = (s: string): string =>
  s
    .trim()
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ø/g, "o")
    .replace(/æ/g, "ae")
    .replace(/å/g, "a");

/**
 * The report's Innlandet on 2024 codes: the 48 municipalities of Hedmark and Oppland (2008) through SSB's code history.
 * @returns rows `municipality_code_2008 → municipality_code_2024`, sorted by the 2008 code
 * @example
 * innlandetCodes().find((r) => r.code2008 === "0533")?.code2024; // "3234" (Lunner)
 */
export function innlandetCodes(dir: string = dataDir()): { code2008: string; code2024: string }[] {
  const codes2008 = [...new Set(loadMunicipalPopulation1992To2026(dir).getColumn("municipality_code_2008").toArray() as string[])].sort();
  const history = new Map((loadCodeHistory(dir).select("from", "to").toRecords() as { from: string; to: string }[]).map((r) => [r.from, r.to]));
  return codes2008.map((c) => {
    const to = history.get(c);
    if (to === undefined || !/^\d{4}$/.test(to)) throw new ParameterError(`area innlandet: 2008 code ${c} has no single 2024 code in SSB's code history`);
    return { code2008: c, code2024: to };
  });
}

/**
 * Read the `area` parameter.
 * @param value a county name or code of 2024 (case and diacritics ignored), `innlandet` (the report's, 48), or `norway`
 * @throws ParameterError (one line) naming the value and the areas allowed
 * @example
 * resolveArea("Nordland").municipalities.length; // 41
 * resolveArea("innlandet").municipalities.length; // 48 (the report's Hedmark + Oppland, incl. Jevnaker and Lunner)
 */
export function resolveArea(value: string | undefined, dir: string = dataDir()): Area {
  const v = fold(value ?? "innlandet");
  const munis = municipalities2024(dir);
  if (REPORT_NAMES.includes(v)) {
    const codes = innlandetCodes(dir).map((r) => r.code2024).sort();
    return {
      key: "innlandet",
      label: "Innlandet",
      kind: "report",
      municipalities: codes,
      definition:
        "Innlandet as the report defines it: Hedmark + Oppland of 2008, all 48 municipalities, on 2024 codes (county 34 of 2020–2023; " +
        "since 2024 Jevnaker and Lunner belong to Akershus, and county 34 has 46 of them)",
    };
  }
  if (v === "norway" || v === "norge" || v === "noreg") {
    return {
      key: "norway",
      label: "Norway",
      kind: "norway",
      municipalities: (munis.getColumn("municipality_code_2024").toArray() as string[]).sort(),
      definition: "Norway: all 357 municipalities of 2024",
    };
  }
  const counties = countyList(munis);
  const hit = counties.find((c) => c.code === v || fold(c.name) === v);
  if (!hit) {
    throw new ParameterError(
      `parameter area: '${value}' is not a county of 2024 (${counties.map((c) => `${c.name} ${c.code}`).join(", ")}), 'innlandet' or 'norway'`,
    );
  }
  const codes = (munis.filter(pl.col("county_code").eq(pl.lit(hit.code))).getColumn("municipality_code_2024").toArray() as string[]).sort();
  return {
    key: hit.code,
    label: hit.name,
    kind: "county",
    municipalities: codes,
    definition: `${hit.name}: county ${hit.code} as of 1 January 2024, ${codes.length} municipalities on 2024 codes and borders`,
  };
}

function countyList(munis: pl.DataFrame): { code: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const r of munis.select("county_code", "county_name").toRecords() as { county_code: string; county_name: string }[]) seen.set(r.county_code, r.county_name);
  return [...seen].map(([code, name]) => ({ code, name })).sort((a, b) => a.code.localeCompare(b.code));
}
