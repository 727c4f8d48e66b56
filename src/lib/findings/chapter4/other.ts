/**
 * Chapter 4 (and 5.2) claims that need tables that are not public, and the
 * comparisons the report's own printed numbers settle.
 */
import { CLAIMS_FILE } from "../claims";
import { finding, publishedNumber, untestable, type Spec } from "../spec";

const SURVEY_TABLES = "SSB's innovation survey 2006 is public here only as shares of innovating and cooperating firms by county and economic region";
const BOF = "entries and exits of firms by region (SSB's business register extract, Tabell 4.6) are not public";
const BARRIERS = `barriers to innovation by region (Tabell 4.7) are not public; ${SURVEY_TABLES}`;

export const chapter4OtherFindings: Spec[] = [
  untestable(
    "ch4.higher_education_share_below_norway",
    "higher_education_share_below_norway",
    "education of employees by region and industry (Tabell 4.1, SSB's education register) is not in the project's data",
  ),
  untestable(
    "ch4.experience_based_industries_dominate",
    "experience_based_industries_dominate",
    "employment by knowledge base (Tabell 4.1–4.2, SSB) is not in the project's data",
  ),
  untestable(
    "ch4.resource_industries_highest_innovation",
    "resource_industries_highest_innovation",
    `innovation rates by industry for Innlandet (Tabell 4.4) are not public; ${SURVEY_TABLES}`,
  ),
  untestable(
    "ch4.innovation_rises_with_region_size_nationally",
    "innovation_rises_with_region_size_nationally",
    `innovation rates by national region type (Tabell 4.5) are not public; ${SURVEY_TABLES}`,
  ),
  untestable(
    "ch4.cities_above_national_cities_small_towns_as_national",
    "cities_above_national_cities_small_towns_as_national",
    `innovation rates by national region type (Tabell 4.5) are not public; ${SURVEY_TABLES}`,
  ),
  untestable(
    "ch4.few_radical_innovations",
    "few_radical_innovations",
    `patent applications by region (Tabell 4.4–4.5) are not public; ${SURVEY_TABLES} (no patents)`,
  ),
  untestable(
    "ch4.value_chain_partners_more_rd_partners_less",
    "value_chain_partners_more_rd_partners_less",
    `cooperation partners by type (Figur 4.2) are not public; ${SURVEY_TABLES}`,
  ),
  untestable("ch4.entry_rates_rise_with_size_nationally", "entry_rates_rise_with_size_nationally", BOF),
  untestable("ch4.innlandet_lower_entry_than_norway", "innlandet_lower_entry_than_norway", BOF),
  untestable("ch4.cities_higher_entry_districts_net_decline", "cities_higher_entry_districts_net_decline", BOF),
  untestable("ch4.costs_main_barrier", "costs_main_barrier", BARRIERS),
  untestable("ch4.innlandet_slightly_more_barriers", "innlandet_slightly_more_barriers", BARRIERS),
  untestable("ch4.oppland_small_towns_fewer_barriers_than_hedmark", "oppland_small_towns_fewer_barriers_than_hedmark", BARRIERS),
  untestable(
    "ch4.processing_innovation_above_high_tech",
    "processing_innovation_above_high_tech",
    `innovation rates by industry for Innlandet (Tabell 4.4, 4.8) are not public; ${SURVEY_TABLES}`,
  ),
  untestable(
    "ch5.innovation_industries_job_growth_innlandet",
    "innovation_industries_job_growth_innlandet",
    "employment 2004–08 by industry and region (SSB/BoF, Tabell 4.8) is not public",
  ),
  untestable(
    "ch5.innovation_industries_job_growth_norway",
    "innovation_industries_job_growth_norway",
    "employment 2004–08 by the report's 'innovation industries' (SSB/BoF, Tabell 4.8) is not in the project's data",
  ),
  finding("ch5.innovation_industries_below_norway", "innovation_industries_below_norway", "report", [CLAIMS_FILE], (ctx) => {
    const [i, n] = [
      publishedNumber(ctx, "innovation_industries_job_growth_innlandet"),
      publishedNumber(ctx, "innovation_industries_job_growth_norway"),
    ];
    return {
      value: i < n,
      note: `From the report's own printed rates: Innlandet +${i} %, Norway +${n} %, 2004–08 (the rates themselves cannot be recomputed)`,
    };
  }),
  finding("ch4.innovation_industries_zero_growth_4_7", "innovation_industries_zero_growth_4_7", "report", [CLAIMS_FILE], (ctx) => ({
    value: publishedNumber(ctx, "innovation_industries_job_growth_innlandet"),
    note: "Internal consistency: §4.7 calls the 2004–08 job growth of Innlandet's innovation industries zero, §5.2 prints +1 % for the same quantity; the report's own two statements are compared",
  })),
  untestable(
    "ch5.innovation_industries_cities_zero_small_towns_growth",
    "innovation_industries_cities_zero_small_towns_growth",
    "employment 2004–08 by industry and region (SSB/BoF, Tabell 4.8) is not public",
  ),
];
