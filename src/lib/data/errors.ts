/**
 * Typed errors of the data layer. Every error says which file, and where it
 * can, which row (1-based, counting the header as row 1) and which column,
 * and what was expected, so a reviewer can open the file at the right place.
 */

/**
 * Where in a file something went wrong. `row` is the 1-based line of the CSV (header = 1),
 * or for a GeoJSON file the 1-based feature number (`unit: "feature"`). `key` names the
 * row's key values (`municipality_code_2008=0541, year=2026`) where a contract checks them.
 */
export interface DataLocation {
  file: string;
  row?: number;
  column?: string;
  key?: string;
  unit?: "row" | "feature";
}

/** Base class: a problem with an input file. */
export class DataError extends Error {
  readonly file: string;
  readonly row?: number;
  readonly column?: string;
  readonly key?: string;
  readonly expected: string;
  readonly found?: string;

  constructor(loc: DataLocation, expected: string, found?: string) {
    const where = [
      loc.file,
      loc.row !== undefined ? `${loc.unit ?? "row"} ${loc.row}` : undefined,
      loc.key !== undefined ? `key ${loc.key}` : undefined,
      loc.column !== undefined ? `column '${loc.column}'` : undefined,
    ]
      .filter((x) => x !== undefined)
      .join(", ");
    super(`${where}: expected ${expected}${found !== undefined ? `, found ${found}` : ""}`);
    this.name = new.target.name;
    this.file = loc.file;
    this.row = loc.row;
    this.column = loc.column;
    this.key = loc.key;
    this.expected = expected;
    this.found = found;
  }
}

/** The file is not UTF-8 text (UTF-16, Latin-1, binary): says which, before any row is read. */
export class EncodingError extends DataError {}

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

/** An integer cell too large to be held exactly (beyond ±Number.MAX_SAFE_INTEGER), or a number with more significant digits than a Float64 keeps. */
export class UnsafeIntegerError extends ValueError {}

/** Two rows share the same key. */
export class DuplicateKeyError extends DataError {}

/** Parts do not add up to their stated subtotal or total within rounding. */
export class SumError extends DataError {}

/** The manifest itself is malformed or does not describe a file. */
export class ManifestError extends DataError {}

/** A file listed in the manifest does not exist. */
export class MissingFileError extends ManifestError {}

/** Files under data/ that the manifest does not list (data/cache/ excepted). */
export class UnlistedFileError extends DataError {
  readonly files: string[];
  constructor(files: string[]) {
    super(
      { file: files[0] ?? "data/" },
      "every file under data/ (except data/cache/) to be listed in data/manifest.json",
      `unlisted: ${files.join(", ")}`,
    );
    this.files = files;
  }
}

/**
 * `data:rehash` would change a file's recorded checksum without a reason (a reviewed change
 * needs one line saying why; it goes into data/CHANGES.md). `files` are the changed paths.
 */
export class UnreviewedChangeError extends DataError {
  readonly files: string[];
  constructor(files: string[]) {
    super(
      { file: "data/manifest.json" },
      `a --reason "…" for a change to the recorded checksum of ${files.join(", ")} (nothing was re-hashed)`,
      "none",
    );
    this.files = files;
  }
}

/** A GeoJSON file is not a FeatureCollection of (Multi)Polygon features with valid WGS84 rings. */
export class GeometryError extends DataError {}

/** Base class of the data contracts declared per file in the manifest (beyond the schema). */
export class ContractError extends DataError {}

/** A key the file claims (every municipality × every year) has no row. */
export class IncompleteKeysError extends ContractError {}

/** A value outside its plausible range (e.g. a municipality's population 0 or ≥ 1,000,000). */
export class OutOfRangeError extends ContractError {}

/** A series changes by more than its stated bound from one year to the next. */
export class ChangeBoundError extends ContractError {}

/** An accounting identity (e.g. start + births − deaths + in − out = end) misses by more than its stated residual. */
export class BalanceError extends ContractError {}

/** Sums over this file disagree with the totals of another file (e.g. municipal sums vs SSB's county totals). */
export class CrossFileError extends ContractError {}

/** The set of codes in a column differs from the set in another file. */
export class KeySetError extends ContractError {}

/** A cell a contract requires is empty (e.g. claims.csv `parts` where the tolerance uses it). */
export class MissingValueError extends ContractError {}

/** A published value disagrees with the figure as printed beside it (claims.csv `value` vs `printed`). */
export class PrintedValueError extends ContractError {}

/** Two columns out of their stated order on one row (e.g. a range's low > high; a part above its whole). */
export class OrderError extends ContractError {}

/** A group (e.g. one region of a mapping) has more than one value where it must have one (e.g. its type). */
export class InconsistentGroupError extends ContractError {}

/** A value outside the values allowed on its row (e.g. a city region typed as one of KRD's small-centre regions). */
export class DisallowedValueError extends ContractError {}

/** A total disagrees with its parts in the same file (a county vs its economic regions). */
export class RollupError extends ContractError {}

/** A cell disagrees with the same cell of another file (the two population files; a name vs its code). */
export class DisagreementError extends ContractError {}

/** Inputs to an indicator are inconsistent (negative counts, missing reference, duplicates …). */
export class IndicatorInputError extends Error {
  constructor(fn: string, message: string) {
    super(`${fn}: ${message}`);
    this.name = "IndicatorInputError";
  }
}
