export { shares, type SharesOptions } from "./shares";
export { locationQuotient, type LocationQuotientOptions } from "./locationQuotient";
export { diversity, type DiversityOptions } from "./diversity";
export { sumBy, type SumByOptions } from "./aggregate";
export type { RegionSectorOptions } from "./validate";
