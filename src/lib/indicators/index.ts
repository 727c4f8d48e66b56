export { shares, type SharesOptions } from "./shares";
export { locationQuotient, type LocationQuotientOptions } from "./locationQuotient";
export { diversity, type DiversityOptions } from "./diversity";
export { sumBy, type SumByOptions } from "./aggregate";
export type { RegionSectorOptions } from "./validate";
export { growthRate, growthIndex, yearlyRate, type GrowthOptions, type GrowthIndexOptions } from "./growth";
export { demographicComponents, type ComponentsOptions } from "./demography";
export { classifyGrowth, GROWTH_TYPE_LABELS, type ClassifyGrowthOptions } from "./typology";
export { shiftShare, shiftShareEM, shiftShareTotals, type ShiftShareOptions } from "./shiftShare";
export { weightedRate, type WeightedRateOptions } from "./weighted";
export { firmDynamics, type FirmDynamicsOptions } from "./firmDynamics";
export { specialization, hoover, type SpecializationOptions } from "./specialization";
export { theil, type TheilOptions } from "./theil";
export { variety, relatedVariety, unrelatedVariety, type VarietyOptions } from "./variety";
export {
  cooperationUnits,
  partnerAreaShare,
  cooperationAtPrinted,
  cooperatorsBasis,
  PARTNER_AREA_COLUMNS,
  type PartnerArea,
  type CooperationUnit,
} from "./cooperation";
