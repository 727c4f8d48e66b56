/**
 * Typed errors of the data layer. Every error says which file, and where it
 * can, which row (1-based, counting the header as row 1) and which column,
 * and what was expected, so a reviewer can open the file at the right place.
 */

/** Where in a file something went wrong. `row` is the 1-based line of the CSV (header = 1). */
export interface DataLocation {
  file: string;
  row?: number;
  column?: string;
}

/** Base class: a problem with an input file. */
export class DataError extends Error {
  readonly file: string;
  readonly row?: number;
  readonly column?: string;
  readonly expected: string;
  readonly found?: string;

  constructor(loc: DataLocation, expected: string, found?: string) {
    const where = [loc.file, loc.row !== undefined ? `row ${loc.row}` : undefined, loc.column !== undefined ? `column '${loc.column}'` : undefined]
      .filter((x) => x !== undefined)
      .join(", ");
    super(`${where}: expected ${expected}${found !== undefined ? `, found ${found}` : ""}`);
    this.name = new.target.name;
    this.file = loc.file;
    this.row = loc.row;
    this.column = loc.column;
    this.expected = expected;
    this.found = found;
  }
}

/** The file's sha256 differs from the one recorded in the manifest. */
export class ChecksumError extends DataError {
  constructor(file: string, expectedSha: string, actualSha: string) {
    super(
      { file },
      `sha256 ${expectedSha} (as recorded in data/manifest.json)`,
      `sha256 ${actualSha} — the file was changed; if the change is intended, update the manifest`,
    );
  }
}

/** The header row does not match the columns declared in the manifest. */
export class HeaderError extends DataError {}

/** A cell does not satisfy its column's type, range or code list. */
export class ValueError extends DataError {}

/** Two rows share the same key. */
export class DuplicateKeyError extends DataError {}

/** Parts do not add up to their stated subtotal or total within rounding. */
export class SumError extends DataError {}

/** The manifest itself is malformed or does not describe a file. */
export class ManifestError extends DataError {}

/** Inputs to an indicator are inconsistent (negative counts, missing reference, duplicates …). */
export class IndicatorInputError extends Error {
  constructor(fn: string, message: string) {
    super(`${fn}: ${message}`);
    this.name = "IndicatorInputError";
  }
}
