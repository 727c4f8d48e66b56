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
