/**
 * innlandet — the library behind the reproduction of NIBR-rapport 2009:14.
 * Notebooks import from here ("./lib/index"); so can researchers.
 */
export * from "./indicators/index";
export * from "./data/errors";
export { dataDir, readManifest, fileSpec, sha256, type Manifest, type FileSpec, type ColumnSpec } from "./data/manifest";
export { parseTable, roundingAllowance, type Table, type Row } from "./data/csv";
export { loadTable, tableToFrame, verifyAll, loadFigur36, loadFigur36Wide, FIGUR_3_6, FIGUR_3_6_COLUMNS } from "./data/load";
export * from "./findings/types";
export { decideVerdict, roundingTolerance } from "./findings/verdict";
export { loadClaims, type Claim } from "./findings/claims";
export { FindingContext } from "./findings/context";
export { FINDING_SPECS, activeSpecs, evaluateAll, evaluateSpec, findingSpec, checkRegistry } from "./findings/registry";
export { findingsMarkdown, findingHtml, findingsTableHtml, frameHtml, frameMarkdown, formatValue, verdictCounts } from "./findings/render";
export { ChapterSession, buildDir } from "./findings/notebook";
export { groupShares, figur36Diversity, figur36LocationQuotients } from "./findings/chapter3/sectors";
export * from "./plots/plotly";
export { FIGUR_3_6_AREA_LABELS } from "./labels";
export * from "./stats/index";
export { mappingSensitivity } from "./findings/sensitivity";
export { loadMapping, MAPPING_NAMES, MAPPINGS_FILE, type MappingName } from "./regions/mapping";
export { toRegions, type ToRegionsOptions } from "./regions/aggregate";
export { componentsByRegion } from "./regions/components";
export * from "./data/open";
export { typePopulation, regionPopulationIn, PERIOD_2001_07 } from "./findings/chapter3/population";
export { krdTypePopulation } from "./findings/chapter3/krd";
export { regionComponents, incompleteRegionYears, countyComponents } from "./findings/chapter3/components";
export { regionSizeAndJobs } from "./findings/chapter3/jobs";
export { regionTypology } from "./findings/chapter3/typology";
export { syntheticFirmPanel } from "./synthetic/firms";
export {
  economicRegionInnovation,
  rateBy,
  nationalInnovationRate,
  regionalInnovation,
  innovationByCountyAndType,
} from "./findings/chapter4/innovation";
export { rdImplications, rdByRegion } from "./findings/chapter4/rd";
export * from "./ssb/index";
export { harmoniseCodes, loadCodeChanges2008To2020, MUNICIPALITY_CODES, type HarmoniseOptions } from "./regions/codes";
export { paramsSchema, parseParams, describeParams, isActive, DEFAULT_PARAMS, type RunParameters } from "./params";
export * from "./hypotheses/index";
export { Notebook, FINDING_MIME, ENV_FINDINGS_DIR, ENV_TABLES_DIR, type Display } from "./notebook/session";
export { makeFinding, claimKeyOf, type CheckInput } from "./findings/check";
export { loadPhraseRules, phraseRule, PHRASE_RULES_FILE, type PhraseRule } from "./findings/phrases";
export { FindingError, LookupError } from "./findings/errors";
export { decideAll, printedDecimals, printedTolerance } from "./findings/verdict";
export { one, num } from "./findings/lookup";
export { regionPopulationAt, regionPopulationChange, type RegionPopulationOptions, type RegionChangeOptions, type RegionUnit } from "./regions/population";
export { lineFigure, type LineOptions } from "./plots/lines";
