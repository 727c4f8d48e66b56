export { shares, type SharesOptions } from "./shares";
export { locationQuotient, type LocationQuotientOptions } from "./locationQuotient";
export { diversity, type DiversityOptions } from "./diversity";
export { sumBy, type SumByOptions } from "./aggregate";
export type { RegionSectorOptions } from "./validate";
export { growthRate, type GrowthOptions } from "./growth";
export { demographicComponents, type ComponentsOptions } from "./demography";
export { classifyGrowth, GROWTH_TYPE_LABELS, type ClassifyGrowthOptions } from "./typology";
export { shiftShare, type ShiftShareOptions } from "./shiftShare";
