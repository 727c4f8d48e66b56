/**
 * A finding's inputs are the data files it read: each must exist under data/ (a user's hypothesis lists
 * them itself, so they are checked before the finding is emitted).
 */
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { FindingError } from "../findings/errors";

/**
 * Throw a FindingError naming the first input that is not a file under `dataDir`.
 * @param what who lists them, e.g. "hypothesis explore.x"
 * @param inputs paths under data/ ("ssb/x.csv" or "data/ssb/x.csv"; a "#row" suffix is allowed)
 * @example
 * verifyInputs("hypothesis explore.x", ["ssb/population_municipality_1992_2026.csv"], dataDir());
 */
export function verifyInputs(what: string, inputs: string[], dataDir: string): void {
  if (!Array.isArray(inputs) || inputs.length === 0) throw new FindingError(`${what}: list the data files it reads in { inputs: ["ssb/….csv"] }`);
  for (const p of inputs) {
    const rel = p.replace(/^data\//, "").replace(/#.*$/, "");
    const file = join(dataDir, rel);
    if (!existsSync(file) || !statSync(file).isFile()) throw new FindingError(`${what}: input data/${rel} is not a file of the project's data/`);
  }
}
