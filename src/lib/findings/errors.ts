/** Typed errors of the findings layer. */

/** A finding cannot be built as asked (unknown claim, a value of the wrong type, a missing row). */
export class FindingError extends Error {
  override name = "FindingError";
}

/** A lookup in a frame found no row (or more than one) where exactly one was expected. */
export class LookupError extends FindingError {
  override name = "LookupError";
  constructor(
    readonly what: string,
    readonly where: string,
    found: number,
    /** Another reason than the count of rows (e.g. a key of the wrong type), said instead. */
    detail?: string,
  ) {
    super(detail ? `${where}: ${detail}` : `${where}: expected exactly one row for ${what}, found ${found}`);
  }
}
