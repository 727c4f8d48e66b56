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
export { findingsMarkdown, findingHtml, findingsTableHtml, frameHtml, frameMarkdown, formatValue, verdictCounts } from "./findings/render";
export * from "./plots/plotly";
export { FIGUR_3_6_AREA_LABELS, FIGUR_3_6_GROUP_LABELS, figur36SectorLabels } from "./labels";
export * from "./stats/index";
export { mappingSensitivity } from "./findings/sensitivity";
export { loadMapping, MAPPING_NAMES, MAPPINGS_FILE, type MappingName } from "./regions/mapping";
export { toRegions, municipalityColumn, type ToRegionsOptions } from "./regions/aggregate";
export { componentsByRegion } from "./regions/components";
export * from "./data/open";
export * from "./data/national";
export { syntheticFirmPanel } from "./synthetic/firms";
export * from "./ssb/index";
export { harmoniseCodes, loadCodeChanges2008To2020, MUNICIPALITY_CODES, type HarmoniseOptions } from "./regions/codes";
export { paramsSchema, parseParams, describeParams, isActive, DEFAULT_PARAMS, BUILT_IN_REGIONS, ParameterError, type RunParameters } from "./params";
export * from "./hypotheses/index";
export { Notebook, FINDING_MIME, ENV_FINDINGS_DIR, ENV_TABLES_DIR, type Display, type HypothesisInput } from "./notebook/session";
export { minimumBasis, sideSupport, periodProxy, type SideSupport, type BasisDecision, type PeriodCoverage } from "./findings/basis";
export { compareFindings, findingChanges, comparisonLines, type FindingChange, type FindingsComparison } from "./findings/changes";
export { showTypedErrorsInOneLine } from "./errorDisplay";
export { AsyncCellError } from "./notebook/asyncErrors";
export { toDanfo, fromDanfo, type DanfoFrame } from "./interop/danfo";
export { InteropError } from "./interop/errors";
export { makeFinding, claimKeyOf, type CheckInput } from "./findings/check";
export { loadPhraseRules, phraseRule, readZeroGrowth, PHRASE_RULES_FILE, type PhraseRule } from "./findings/phrases";
export { FindingError, LookupError } from "./findings/errors";
export { decideAll, printedDecimals, printedTolerance } from "./findings/verdict";
export { one, num } from "./findings/lookup";
export {
  roundingBounds,
  weightedMeanBounds,
  weightedMeanBoundsBy,
  exceedsAtEveryValue,
  spreadBounds,
  cornerBounds,
  allOf,
  type Bounds,
  type WeightedUnit,
} from "./stats/bounds";
export {
  leaveOutSets,
  leaveKOut,
  leaveOutReadings,
  leaveOutUntested,
  leaveOutSkippedText,
  type LeaveOutCase,
  type LeaveOutSkip,
  type LeaveOutResult,
} from "./stats/leaveOut";
export {
  typePopulation,
  krdTypePopulation,
  regionComponents,
  incompleteRegionYears,
  countyComponents,
  KRD_TYPES,
  KRD_TYPE_LABELS,
} from "./regions/tables";
export { PERIOD_2001_07, activePeriods, otherPeriod, type PeriodReading } from "./findings/periods";
export { referenceClaim, type ReferenceInput } from "./findings/reference";
export {
  parsePrinted,
  printedBounds,
  boundsAdd,
  boundsSub,
  boundsAbs,
  boundsGrowth,
  bracketed,
  holdsForEvery,
  holdsForShare,
  countBounds,
  type BracketOptions,
} from "./stats/printed";
export { poolComponents, type PoolOptions } from "./indicators/pooled";
export { printedRowSet, type PrintedRow } from "./data/printedRow";
export {
  changeThenAndSince,
  regionPopulationAt,
  regionPopulationChange,
  type LabelledPeriod,
  type RegionPopulationOptions,
  type RegionChangeOptions,
  type RegionUnit,
} from "./regions/population";
export { resolveArea, innlandetCodes, type Area } from "./regions/area";
export { loadAreaMapping, isInnlandetMapping, type AreaMapping } from "./regions/areaMapping";
export { loadUserMapping, MappingFileError, type MappingProblem } from "./regions/userMapping";
export { loadAreaData, completeFor, type AreaData } from "./regions/areaData";
export { byHand, byHandOutcome, boldResults, worked, PrimerCheckError, type WorkedValue } from "./primer/check";
export { METHODS, PRIMER_NOTEBOOK, libCalls, methodsOf, methodHref, type Method } from "./primer/methods";
export {
  BIG_CITY_REGIONS,
  SMALL_TOWN_REGION_MAX_POPULATION,
  NATIONAL_TYPES,
  centralityClasses2024,
  REST_FORMED_FROM,
  nationalTypology,
  typedBa2020Mapping,
  apportionedRest,
  type NationalTypologyName,
} from "./regions/nationalTypes";
