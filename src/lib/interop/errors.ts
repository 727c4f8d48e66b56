/** Typed errors of the interop layer. */

/**
 * A frame cannot be carried between nodejs-polars and danfojs without changing it: a dtype the
 * conversion does not carry, an integer beyond what a JS number holds exactly, or a value of the
 * wrong type for its column. The message is one line naming the column and its dtype.
 */
export class InteropError extends Error {
  override name = "InteropError";
  constructor(
    message: string,
    /** The column that could not be carried, when one is to blame. */
    readonly column?: string,
  ) {
    super(message);
  }
}
