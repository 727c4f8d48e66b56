/**
 * The report's chapter-5 conclusions (§5.1–5.3) as propositions, each linked to the findings that
 * bear on it under the reading rule (rules.ts). Statements are paraphrases; lines refer to
 * shared/seed/000_71fac511997fe12e.txt.
 */
import type { Link, LinkReading, Proposition } from "./types";

/**
 * The two readings of the report's "2001–07" (1 Jan 2001 → 1 Jan 2007, or → 1 Jan 2008): one piece of evidence.
 * @example PERIOD_READINGS("ch3.x"); // ["ch3.x.jan2001_jan2007", "ch3.x.jan2001_jan2008"]
 */
export const PERIOD_READINGS = (id: string): string[] => [`${id}.jan2001_jan2007`, `${id}.jan2001_jan2008`];

/** The id of the report's main conclusion (§5.3). */
export const MAIN_CONCLUSION = "c.main_conclusion_decentralised_growth";

/** "Every region" findings linked to a statement about the region type as a group. */
const EACH_REGION = (about: string): { alternative: LinkReading; reason: string } => ({
  alternative: { reading: "context", about },
  reason: `the statement speaks of the regions as a group; the finding tests ${about}, a different unit`,
});

/** The report's +18 % (small towns) against +14 % (cities); its two-group size reading is an alternative of ch3.inverse_size_job_growth.regions, not a finding of its own. */
const SMALL_TOWNS_OUTGREW_CITIES = "ch3.small_town_job_growth_above_city";

const POPULATION_AS_CONDITION: { alternative: LinkReading; reason: string } = {
  alternative: { reading: "context", about: "population change" },
  reason: "the conclusion names dispersed settlement as a condition of its growth, not as a result; population change can be read as a different quantity",
};

/** Population change 2001–07 of the small-town and the city regions, read for its direction (the statements assert no figure). */
const populationLinks = (reading: "supports" | "weakens", parts: [smallTowns: string, cities: string], what: string, judgement?: Link["judgement"]): Link[] =>
  (
    [
      ["ch3.small_town_regions_population_change_2001_07", "negative", "the small-town regions shrank", parts[0]],
      ["ch3.city_regions_population_change_2001_07", "positive", "the city regions grew", parts[1]],
    ] as const
  ).map(([id, sign, why, part]) => ({
    finding: PERIOD_READINGS(id),
    reading,
    part,
    sign,
    why: `${why} (2001–07, both readings of the period, read for the direction${what})`,
    ...(judgement ? { judgement } : {}),
  }));

/** The county splits of Innlandet's city / small-town innovation gap: other units than the statements' (all of Innlandet). */
const COUNTY_SPLITS: Link[] = [
  { finding: "ch4.hedmark_small_towns_above_cities", reading: "context", about: "one county's regions", why: "innovation by region type in one county's regions (Hedmark: the small towns above)" },
  { finding: "ch4.oppland_cities_above_small_towns", reading: "context", about: "one county's regions", why: "innovation by region type in one county's regions (Oppland: the cities above)" },
];

export const CONCLUSIONS: Proposition[] = [
  {
    id: "c.stagnation_weaker_than_norway",
    chapter: 5,
    source: "§5.1",
    lines: [1642, 1644],
    statement: "Innlandet's population stagnated in the last decade (+1 %, 2001–07) while its jobs grew (+15 %, 1998–2008); both grew less than in the country.",
    parts: ["population growth", "job growth"],
    links: [
      {
        finding: PERIOD_READINGS("ch5.innlandet_population_change_2001_07"),
        reading: "supports",
        part: "population growth",
        why: "the printed +1 % (both readings of the period)",
        judgement: {
          alternative: { reading: "supports", part: "population growth", sign: "positive" },
          reason: "the +1 % can be read as the report's illustration of 'stagnation' (a small growth), not as a figure asserted",
        },
      },
      ...[PERIOD_READINGS("ch3.innlandet_growth_2001_07_below_norway")].map((finding) => ({
        finding,
        reading: "supports" as const,
        part: "population growth",
        why: "population grew less than the country's (both readings of the period)",
      })),
      {
        finding: "ch3.population_growth_1950_80_then_stagnation",
        reading: "context",
        about: "population change since 1980",
        why: "population change since 1980, a longer period than the statement's",
      },
      { finding: "ch3.innlandet_job_growth_below_norway", reading: "supports", part: "job growth", why: "jobs +15 % against +24 %" },
    ],
  },
  {
    id: "c.cities_gain_small_towns_lose",
    chapter: 5,
    source: "§5.1",
    lines: [1645, 1649],
    statement:
      "The small-town regions lost population through birth deficits and out-migration, while the cities grew through in-migration: within Innlandet the cities are the more attractive places to live.",
    parts: ["small-town population", "city population"],
    links: [
      ...populationLinks("supports", ["small-town population", "city population"], ""),
      {
        finding: "ch3.small_towns_out_migration_and_birth_deficit",
        reading: "supports",
        part: "small-town population",
        why: "each small-town region had out-migration and a birth deficit",
        judgement: EACH_REGION("each region separately"),
      },
      {
        finding: "ch3.cities_net_in_migration",
        reading: "supports",
        part: "city population",
        why: "each city region had net in-migration",
        judgement: EACH_REGION("each region separately"),
      },
      {
        finding: "ch3.all_small_town_regions_type_3",
        reading: "supports",
        part: "small-town population",
        why: "each small-town region lost population (with job growth), 2000–09",
        judgement: EACH_REGION("each region separately"),
      },
      {
        finding: "ch3.all_city_regions_type_1",
        reading: "supports",
        part: "city population",
        why: "each city region gained population (and jobs), 2000–09",
        judgement: EACH_REGION("each region separately"),
      },
    ],
  },
  {
    id: "c.inverse_size_growth",
    chapter: 5,
    source: "§5.1",
    lines: [1652, 1661],
    statement:
      "Job growth was far more even between cities and small towns in Innlandet than nationally; the small-town regions even grew faster than the cities and clearly faster than small-town regions nationally, so job growth was inversely related to region size, and most small-town regions (6 of 8) grew faster than most city regions (4 of 5).",
    parts: ["more even than nationally", "small towns above cities", "small towns above national small towns", "inverse to size", "six of eight"],
    links: [
      { finding: "ch3.job_growth_more_even_than_norway", reading: "supports", part: "more even than nationally", why: "a 4 pp gap against 10 pp nationally" },
      { finding: SMALL_TOWNS_OUTGREW_CITIES, reading: "supports", part: "small towns above cities", why: "+18 % against +14 %" },
      { finding: "ch3.small_town_job_growth_above_norway_small_town", reading: "supports", part: "small towns above national small towns", why: "above the national small-town rate" },
      { finding: "ch3.inverse_size_job_growth.regions", reading: "supports", part: "inverse to size", why: "across the regions (Spearman ρ over the printed ranges)" },
      { finding: "ch3.six_of_eight_small_towns_above_four_of_five_cities", reading: "supports", part: "six of eight", why: "the rank claim" },
    ],
  },
  {
    id: "c.innovation_despite_few_resources",
    chapter: 5,
    source: "§5.2",
    lines: [1742, 1752],
    statement:
      "Innlandet innovates more than the country despite less higher education and R&D, lifted above all by processing industry, which there innovates more than high-tech industry (the reverse nationally); its cities innovate somewhat more than its small towns.",
    parts: ["innovation level", "formal resources", "processing industry", "cities above small towns"],
    links: [
      { finding: "ch4.innovation_rate_above_norway", reading: "supports", part: "innovation level", why: "innovation rate above Norway's" },
      { finding: "ch4.higher_education_share_below_norway", reading: "supports", part: "formal resources", why: "a lower share with higher education" },
      { finding: "ch4.all_sectors_lower_rd_intensity", reading: "supports", part: "formal resources", why: "lower R&D intensity in every sector" },
      { finding: "ch4.regions_weaker_rd_than_national_types", reading: "supports", part: "formal resources", why: "lower R&D intensity in both region types" },
      {
        finding: "ch4.rd_figures_consistent",
        reading: "context",
        about: "the consistency of the report's R&D figures",
        why: "the consistency of the report's R&D figures with its 78 % share (a project check)",
      },
      { finding: "ch4.resource_industries_highest_innovation", reading: "supports", part: "processing industry", why: "processing industry innovates most" },
      { finding: "ch4.processing_innovation_above_high_tech", reading: "supports", part: "processing industry", why: "processing above high-tech, the reverse of the national pattern" },
      { finding: "ch4.city_regions_innovation_above_small_town", reading: "supports", part: "cities above small towns", why: "cities above small towns" },
      ...COUNTY_SPLITS,
    ],
  },
  {
    id: "c.innovation_industries_weak_jobs",
    chapter: 5,
    source: "§5.2",
    lines: [1757, 1784],
    statement:
      "The most innovative industries added few jobs in Innlandet (+1 % against +10 % nationally, 2004–08): none in the city regions, some in the small-town regions.",
    parts: ["Innlandet below Norway", "cities and small towns"],
    links: [
      {
        finding: "ch5.innovation_industries_below_norway",
        reading: "supports",
        part: "Innlandet below Norway",
        why: "+1 % against +10 %",
        cannotFail: "both figures, +1 % and +10 %, are printed in the statement's own sentence (seed l.1757–1759): comparing them checks the sentence against itself",
      },
      { finding: "ch5.innovation_industries_job_growth_innlandet", reading: "supports", part: "Innlandet below Norway", why: "the printed +1 %" },
      { finding: "ch5.innovation_industries_job_growth_norway", reading: "supports", part: "Innlandet below Norway", why: "the printed +10 %" },
      {
        finding: "ch4.innovation_industries_zero_growth_4_7",
        reading: "context",
        about: "the agreement of §4.7 with §5.2",
        why: "the agreement of §4.7 with §5.2 on the same growth (zero against +1 %)",
      },
      { finding: "ch5.innovation_industries_cities_zero_small_towns_growth", reading: "supports", part: "cities and small towns", why: "zero in the cities, growth in the small towns" },
    ],
  },
  {
    id: "c.home_oriented_cooperation",
    chapter: 5,
    source: "§5.2",
    lines: [1795, 1805],
    statement:
      "Innlandet's firms cooperate on innovation mostly in value chains and with regional and national partners, more so than firms nationally; both patterns grow stronger from city to small-town firms.",
    parts: ["value chains", "home orientation", "city to small town"],
    links: [
      { finding: "ch4.value_chain_partners_more_rd_partners_less", reading: "supports", part: "value chains", why: "more value-chain and fewer R&D partners than nationally" },
      { finding: "ch4.home_orientation_stronger_than_norway", reading: "supports", part: "home orientation", why: "more partners nearby, fewer abroad than nationally" },
      {
        finding: "ch4.small_town_firms_rest_of_norway_cities_international",
        reading: "supports",
        part: "city to small town",
        why: "small-town firms lean on Norwegian partners, city firms on foreign ones",
      },
    ],
  },
  {
    id: MAIN_CONCLUSION,
    chapter: 5,
    source: "§5.3",
    lines: [1840, 1884],
    statement:
      "Main conclusion: Innlandet is a good example of considerable decentralised creativity, innovation capacity and job growth. Its patterns of innovation and growth break with the view that such processes concentrate in larger city regions (the international 'urban turn'): high innovation capacity (above Norway's big cities, and in both region types above their national equivalents), job growth balanced between cities and small towns and inversely related to region size against national and international trends, in a pattern of dispersed production and settlement. The international models have limited relevance for Innlandet.",
    parts: ["job growth", "innovation", "population"],
    links: [
      { finding: SMALL_TOWNS_OUTGREW_CITIES, reading: "supports", part: "job growth", why: "the small towns out-grew the cities in jobs (+18 % against +14 %)" },
      { finding: "ch3.inverse_size_job_growth.regions", reading: "supports", part: "job growth", why: "across the regions, job growth falls with size" },
      { finding: "ch3.job_growth_more_even_than_norway", reading: "supports", part: "job growth", why: "job growth more even between the region types than nationally" },
      { finding: "ch3.small_town_job_growth_above_norway_small_town", reading: "supports", part: "job growth", why: "the small towns out-grew small towns nationally" },
      { finding: "ch3.national_growth_increases_with_size", reading: "supports", part: "job growth", why: "the national trend it breaks with" },
      { finding: "ch4.innovation_rate_above_norway", reading: "supports", part: "innovation", why: "high innovation capacity: a rate above the national average" },
      {
        finding: "ch4.city_regions_innovation_above_small_town",
        reading: "weakens",
        part: "innovation",
        why: "decentralised innovation: within Innlandet innovation is higher in the city regions",
      },
      ...COUNTY_SPLITS,
      {
        finding: "ch4.cities_above_national_cities_small_towns_as_national",
        reading: "supports",
        part: "innovation",
        why: "both region types at or above their national equivalents",
      },
      { finding: "ch5.innovation_above_big_cities", reading: "supports", part: "innovation", why: "high innovation capacity: a rate above Norway's big cities (the statement's own comparison, seed 1872–1874)" },
      { finding: "ch5.region_types_above_national_equivalents", reading: "supports", part: "innovation", why: "in both region types above their national equivalents (seed 1874–1876)" },
      // one piece of evidence (reading rule 4): growth in the cities and decline in the small towns together are the
      // concentration the statement's dispersed settlement denies, so the two findings form one link (issue 25 audit)
      {
        finding: [...PERIOD_READINGS("ch3.city_regions_population_change_2001_07"), ...PERIOD_READINGS("ch3.small_town_regions_population_change_2001_07")],
        reading: "weakens",
        part: "population",
        sign: Object.fromEntries([
          ...PERIOD_READINGS("ch3.city_regions_population_change_2001_07").map((id) => [id, "positive"] as const),
          ...PERIOD_READINGS("ch3.small_town_regions_population_change_2001_07").map((id) => [id, "negative"] as const),
        ]),
        why: "the city regions grew and the small-town regions shrank (2001–07, both readings of the period, read for the direction): concentration, one comparison",
        judgement: POPULATION_AS_CONDITION,
      },
    ],
  },
];
