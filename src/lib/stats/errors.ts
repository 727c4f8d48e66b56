/**
 * The typed error of the statistics: the input does not define the statistic
 * (a constant vector, unequal lengths, too few pairs, a non-finite value, a
 * reversed interval, an impossible option). It extends RangeError, so callers
 * that caught RangeError before still do.
 */
export class StatisticsInputError extends RangeError {
  /** The function that refused, e.g. "spearman". */
  readonly fn: string;
  /** What the input should have been, e.g. "x with at least two distinct values". */
  readonly expected: string;
  /** What was found instead, when it can be said briefly. */
  readonly found?: string;

  /**
   * @example
   * throw new StatisticsInputError("spearman", "x with at least two distinct values", "all 4 values equal 1");
   * // message: "spearman: expected x with at least two distinct values, found all 4 values equal 1"
   */
  constructor(fn: string, expected: string, found?: string) {
    super(`${fn}: expected ${expected}${found !== undefined ? `, found ${found}` : ""}`);
    this.name = "StatisticsInputError";
    this.fn = fn;
    this.expected = expected;
    this.found = found;
  }
}
