/**
 * The report's chapter-2 perspectives (Tabell 2.1 and the "geographic
 * innovation patterns" of the literature) as hypotheses about city vs
 * small-town regions, and its chapter-5 conclusions, each linked to findings.
 * Statements are paraphrases; lines refer to shared/seed/000_71fac511997fe12e.txt.
 */
import type { Proposition } from "./types";

export const HYPOTHESES: Proposition[] = [
  {
    id: "h.agglomeration",
    chapter: 2,
    source: "§2.2, Tabell 2.1 (1)",
    lines: [463, 515],
    statement:
      "Agglomeration economies: large, varied regions have the resources, spill-overs and related variety that bring innovation, new firms and growth; small places rely on specialised or dispersed resources and process innovation.",
    predicts: "Big-city regions > city regions > small-town regions in innovation, new firms and job growth; cities more varied than small towns.",
    links: [
      {
        finding: "ch3.city_regions_more_diverse_than_small_town.shannon_normalized",
        reading: "supports",
        why: "premise: the cities' sector structure is more varied",
      },
      { finding: "ch3.city_regions_more_diverse_than_small_town.hhi", reading: "supports", why: "the same premise by another measure" },
      { finding: "ch4.city_regions_innovation_above_small_town", reading: "supports", why: "cities innovate more" },
      { finding: "ch3.small_town_job_growth_above_city", reading: "weakens", why: "small towns gained jobs faster than cities" },
      { finding: "ch3.inverse_size_job_growth.groups", reading: "weakens", why: "the larger group of regions grew less" },
      { finding: "ch3.inverse_size_job_growth.regions", reading: "context", why: "across single regions job growth shows no clear relation to size" },
    ],
  },
  {
    id: "h.attractive_creative",
    chapter: 2,
    source: "§2.2, Tabell 2.1 (2)",
    lines: [445, 461],
    statement:
      "Attractive and creative regions: economic and socio-cultural diversity draws people, in particular the highly educated, and with them innovation and new industries; mostly the largest cities, but smaller places can share in it.",
    predicts: "City regions gain people by migration and keep the highly educated; small-town regions lose them.",
    links: [
      { finding: "ch3.cities_net_in_migration", reading: "supports", why: "the cities gain people by migration" },
      { finding: "ch3.small_towns_out_migration_and_birth_deficit", reading: "supports", why: "the small towns lose people by migration" },
      { finding: "ch3.highly_educated_leakage_hamar_only_net_gain", reading: "supports", why: "migration of the highly educated" },
      { finding: "ch3.kongsvinger_strongest_growth.jan2001_jan2008", reading: "context", why: "which city grew most" },
    ],
  },
  {
    id: "h.value_chains_innovation_systems",
    chapter: 2,
    source: "§2.2, Tabell 2.1 (3)",
    lines: [529, 560],
    statement:
      "Value chains and innovation systems: firms innovate through relations with suppliers, customers and knowledge organisations, in systems that may be regional, national or global.",
    predicts: "Innovation rests on cooperation; its geography depends on the firms' systems rather than on region size alone.",
    links: [
      { finding: "ch4.home_orientation_stronger_than_norway", reading: "supports", why: "Innlandet's innovators cooperate mostly within Norway" },
      {
        finding: "ch4.small_town_firms_rest_of_norway_cities_international",
        reading: "supports",
        why: "small-town firms rely on national partners, city firms on international ones",
      },
      { finding: "ch4.value_chain_partners_more_rd_partners_less", reading: "supports", why: "partners by type" },
    ],
  },
  {
    id: "h.export_base",
    chapter: 2,
    source: "§2.2, Tabell 2.1 (4)",
    lines: [538, 544],
    statement:
      "Export base and demand: demanding outside markets upgrade local firms and bring growth, while local innovation can raise exports or replace imports.",
    predicts: "Regions with exposed, exporting industries grow with external demand; sheltered sectors grow with local and public demand.",
    links: [
      {
        finding: "ch3.innlandet_job_gap_from_private_sector_and_cities",
        reading: "supports",
        why: "the weaker growth lies in the exposed private sector of the cities",
      },
      { finding: "ch3.sector_growth_patterns_small_towns_and_cities", reading: "supports", why: "growth in sheltered sectors of the small towns" },
    ],
  },
  {
    id: "h.geographic_innovation_patterns",
    chapter: 2,
    source: "§2.3, Geografiske innovasjonsmønstre",
    lines: [617, 641],
    statement:
      "In the international literature, big cities have the highest innovation and entry rates, small towns less, and rural regions the least.",
    predicts: "Innovation and entry rates rise with region size.",
    links: [
      { finding: "ch4.city_regions_innovation_above_small_town", reading: "supports", why: "Innlandet's cities innovate more than its small towns" },
      { finding: "ch4.hedmark_small_towns_above_cities", reading: "weakens", why: "in Hedmark the small towns innovate more" },
      {
        finding: "ch4.innovation_rate_above_norway",
        reading: "weakens",
        why: "Innlandet, without a big city, innovates more than the country with its big cities",
      },
      { finding: "ch4.innovation_rises_with_region_size_nationally", reading: "supports", why: "the national pattern by region type" },
      { finding: "ch4.entry_rates_rise_with_size_nationally", reading: "supports", why: "entry rates by region size" },
    ],
  },
];

const R = ["jan2001_jan2007", "jan2001_jan2008"];

/** The id of the report's main conclusion (§5.3). */
export const MAIN_CONCLUSION = "c.main_conclusion_decentralised_growth";

export const CONCLUSIONS: Proposition[] = [
  {
    id: "c.stagnation_weaker_than_norway",
    chapter: 5,
    source: "§5.1",
    lines: [1642, 1645],
    statement: "Innlandet's population stagnated (+1 %, 2001–07) and its jobs grew (+15 %, 1998–2008), both less than in the country.",
    links: [
      ...R.map((r) => ({ finding: `ch5.innlandet_population_change_2001_07.${r}`, reading: "supports" as const, why: `the +1 % (${r})` })),
      ...R.map((r) => ({
        finding: `ch3.innlandet_growth_2001_07_below_norway.${r}`,
        reading: "supports" as const,
        why: `weaker than Norway (${r})`,
      })),
      { finding: "ch3.innlandet_job_growth_below_norway", reading: "supports", why: "+15 % against +24 %" },
    ],
  },
  {
    id: "c.cities_gain_small_towns_lose",
    chapter: 5,
    source: "§5.1",
    lines: [1645, 1650],
    statement: "Small-town regions lost population through birth deficits and out-migration; cities grew through in-migration.",
    links: [
      ...R.map((r) => ({
        finding: `ch3.small_town_regions_population_change_2001_07.${r}`,
        reading: "supports" as const,
        why: `small-town decline (${r})`,
      })),
      ...R.map((r) => ({ finding: `ch3.city_regions_population_change_2001_07.${r}`, reading: "supports" as const, why: `city growth (${r})` })),
      { finding: "ch3.cities_net_in_migration", reading: "supports", why: "cities' net in-migration" },
      { finding: "ch3.small_towns_out_migration_and_birth_deficit", reading: "supports", why: "small towns' out-migration and deficit" },
      { finding: "ch3.all_small_town_regions_type_3", reading: "supports", why: "thinning with job growth" },
      { finding: "ch3.all_city_regions_type_1", reading: "supports", why: "population and jobs up" },
    ],
  },
  {
    id: "c.inverse_size_growth",
    chapter: 5,
    source: "§5.1",
    lines: [1655, 1662],
    statement: "Job growth in Innlandet was inversely related to region size: most small-town regions grew faster than most city regions.",
    links: [
      { finding: "ch3.inverse_size_job_growth.groups", reading: "supports", why: "group reading" },
      { finding: "ch3.inverse_size_job_growth.regions", reading: "supports", why: "region reading (Spearman)" },
      { finding: "ch3.six_of_eight_small_towns_above_four_of_five_cities", reading: "supports", why: "the rank claim" },
      { finding: "ch3.small_town_job_growth_above_city", reading: "supports", why: "+18 % against +14 %" },
    ],
  },
  {
    id: "c.innovation_despite_few_resources",
    chapter: 5,
    source: "§5.2",
    lines: [1740, 1752],
    statement: "Innlandet innovates more than the country despite less education and R&D, and its cities somewhat more than its small towns.",
    links: [
      { finding: "ch4.innovation_rate_above_norway", reading: "supports", why: "innovation rate above Norway's" },
      { finding: "ch4.city_regions_innovation_above_small_town", reading: "supports", why: "cities above small towns" },
      { finding: "ch4.rd_figures_consistent", reading: "context", why: "the R&D figures are small and consistent" },
      { finding: "ch4.higher_education_share_below_norway", reading: "supports", why: "lower education" },
    ],
  },
  {
    id: "c.innovation_industries_weak_jobs",
    chapter: 5,
    source: "§5.2",
    lines: [1757, 1781],
    statement:
      "The most innovative industries added few jobs in Innlandet (+1 % against +10 % nationally, 2004–08): none in the cities, some in the small towns.",
    links: [
      { finding: "ch5.innovation_industries_below_norway", reading: "supports", why: "+1 % against +10 %" },
      { finding: "ch4.innovation_industries_zero_growth_4_7", reading: "context", why: "§4.7 and §5.2 give different figures" },
      { finding: "ch5.innovation_industries_cities_zero_small_towns_growth", reading: "supports", why: "city / small-town contrast" },
    ],
  },
  {
    id: "c.home_oriented_cooperation",
    chapter: 5,
    source: "§5.2",
    lines: [1793, 1803],
    statement: "Innlandet's firms cooperate on innovation mostly in value chains and close to home, the more so in the small towns.",
    links: [
      { finding: "ch4.home_orientation_stronger_than_norway", reading: "supports", why: "nearby partners" },
      { finding: "ch4.small_town_firms_rest_of_norway_cities_international", reading: "supports", why: "small towns vs cities" },
      { finding: "ch4.value_chain_partners_more_rd_partners_less", reading: "supports", why: "value-chain partners" },
    ],
  },
  {
    id: "c.main_conclusion_decentralised_growth",
    chapter: 5,
    source: "§5.3",
    lines: [1838, 1885],
    statement:
      "Main conclusion: Innlandet shows decentralised creativity, innovation and job growth, against the international 'urban turn' in which growth concentrates in large city regions; those models have limited relevance for Innlandet.",
    links: [
      { finding: "ch3.small_town_job_growth_above_city", reading: "supports", why: "small towns out-grew cities in jobs" },
      { finding: "ch3.inverse_size_job_growth.groups", reading: "supports", why: "the larger group grew less" },
      { finding: "ch3.job_growth_more_even_than_norway", reading: "supports", why: "growth more even than nationally" },
      { finding: "ch4.innovation_rate_above_norway", reading: "supports", why: "high innovation without a big city" },
      { finding: "ch3.inverse_size_job_growth.regions", reading: "context", why: "across single regions: no relation to size either way" },
      { finding: "ch4.city_regions_innovation_above_small_town", reading: "context", why: "innovation itself is higher in the cities" },
      ...R.map((r) => ({
        finding: `ch3.small_town_regions_population_change_2001_07.${r}`,
        reading: "context" as const,
        why: `yet population concentrates (${r})`,
      })),
    ],
  },
];
