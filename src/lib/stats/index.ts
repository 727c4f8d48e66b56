export { StatisticsInputError } from "./errors";
export { rank, pearson, spearman } from "./rank";
export { permutationTest, EXACT_MAX_LIMIT, type PermutationOptions, type PermutationResult, type Alternative } from "./permutation";
export { atLeastKExceedM, spearmanOverRanges, type Interval, type ExceedResult, type RhoRange } from "./intervals";
export { associationOverRanges, type AssociationTest } from "./association";
export { spearmanPower, type PowerOptions, type PowerResult } from "./power";
export { roundingSet, roundingVertices, type RoundingSet, type RoundingGroup, type RoundingSetOptions } from "./rounding";
export { rangeOver, projectOnRoundingSet, type RangeOverResult, type Shape } from "./roundingRange";
export { shannonOf, hhiOf } from "./concentration";
