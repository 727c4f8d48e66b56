/**
 * Chapter 3 claims that the report's own printed numbers settle, and those
 * that no public data can test (each with what is missing).
 */
import { finding, publishedNumber, untestable, type Spec } from "../spec";
import { CLAIMS_FILE } from "../claims";

const NATIONAL_TYPES =
  "population and its components 2001–07 by the report's national region types (Juvkam 2002's 161 regions) are not in the open data found";

export const chapter3OtherFindings: Spec[] = [
  untestable(
    "ch3.thirteen_functional_regions",
    "thirteen_functional_regions",
    "Juvkam (2002)'s municipality list was not found; the reconstruction 'report13' has 13 regions by design, so counting them would test nothing",
  ),
  untestable(
    "ch3.population_growth_1950_80_then_stagnation",
    "population_growth_1950_80_then_stagnation",
    "SSB's municipal population before 2000 is not in the project's data",
  ),
  untestable("ch3.innlandet_types_slightly_weaker_than_national_types", "innlandet_types_slightly_weaker_than_national_types", NATIONAL_TYPES),
  finding("ch3.city_regions_growth_below_national_cities", "city_regions_growth_below_national_cities", "report", [CLAIMS_FILE], (ctx) => {
    const [inn, no] = [
      publishedNumber(ctx, "city_regions_population_change_2001_07"),
      publishedNumber(ctx, "norway_city_regions_population_change_2001_07"),
    ];
    return {
      value: inn < no,
      note: `From the report's own printed changes: Innlandet's city regions +${inn} %, the country's +${no} % (the national figure itself cannot be checked: ${NATIONAL_TYPES})`,
    };
  }),
  finding("ch3.small_town_decline_as_national_small_towns", "small_town_decline_as_national_small_towns", "report", [CLAIMS_FILE], (ctx) => {
    const [inn, no] = [
      publishedNumber(ctx, "small_town_regions_population_change_2001_07"),
      publishedNumber(ctx, "norway_small_town_regions_population_change_2001_07"),
    ];
    return {
      value: Math.abs(inn - no) <= 0.5,
      note: `From the report's own printed changes: ${inn} % against ${no} %, a gap of ${Math.abs(inn - no).toFixed(1)} pp ('about as much' read as within 0.5 pp)`,
    };
  }),
  untestable(
    "ch3.small_towns_bigger_deficit_less_out_migration_than_national",
    "small_towns_bigger_deficit_less_out_migration_than_national",
    NATIONAL_TYPES,
  ),
  untestable(
    "ch3.highly_educated_leakage_hamar_only_net_gain",
    "highly_educated_leakage_hamar_only_net_gain",
    "migration by education 1996–2006 per region (Figur 3.5, SSB) is not in the open data found",
  ),
];
