import { FIGUR_3_6_COLUMNS, loadTable } from "./data/load";
import { dataDir } from "./data/manifest";

/** English display labels for the report's area codes (glossary: README.md). */
export const FIGUR_3_6_AREA_LABELS: Record<string, string> = {
  norway: "Norway",
  norway_big_city_regions: "Norway: big-city regions",
  norway_smb_city_regions: "Norway: small and medium city regions",
  norway_small_town_regions: "Norway: small-town regions",
  innlandet: "Innlandet",
  innlandet_city_regions: "Innlandet: city regions",
  innlandet_small_town_regions: "Innlandet: small-town regions",
};

/**
 * English names of Figur 3.6's three sector groups: the report's group headings
 * "Vareproduksjon", "Privat tjenesteyting", "Off.tjenesteyting" (seed line 822;
 * data/assumptions/figur_3_6_columns.csv, column group_label_as_printed).
 */
export const FIGUR_3_6_GROUP_LABELS: Record<string, string> = {
  goods: "goods production",
  private: "private services",
  public: "public services",
};

/**
 * Display names of Figur 3.6's 13 sector columns. The report's sector headings were not
 * extracted (only its group headings), so each is named by its group and its place in it,
 * saying so: "goods production 2 (unnamed in the source)"; where the assumptions file
 * infers a meaning, it is given as inferred: "goods production 1 (unnamed; inferred: primary industries)".
 * Read from data/assumptions/figur_3_6_columns.csv.
 * @example
 * figur36SectorLabels()["private_3"]; // "private services 3 (unnamed in the source)"
 */
export function figur36SectorLabels(dir: string = dataDir()): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of loadTable(FIGUR_3_6_COLUMNS, dir).rows) {
    if (r["role"] !== "part") continue;
    const column = String(r["column"]);
    const group = String(r["group"]);
    const n = /_(\d+)$/.exec(column)?.[1] ?? column;
    const name = `${FIGUR_3_6_GROUP_LABELS[group] ?? group} ${n}`;
    const meaning = String(r["inferred_meaning"] ?? "");
    const known = r["confidence"] !== "none" && meaning !== "" && meaning !== "unknown";
    // the inferred meaning up to its first qualification ("primary industries incl. agriculture (landbruk)" → "primary industries")
    const short = meaning.split(/ incl\.| \(|,/)[0]!.trim();
    out[column] = known ? `${name} (unnamed; inferred: ${short})` : `${name} (unnamed in the source)`;
  }
  return out;
}
