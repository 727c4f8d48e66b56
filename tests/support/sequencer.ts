/**
 * Longest files first. On a fresh clone vitest has no timings of earlier runs and orders test files
 * by size, which can start the pipeline test (a full `reproduce`, about a minute and a half) late and
 * leave one worker running it alone at the end. Starting the long files first lets the many short
 * ones fill the other worker meanwhile.
 */
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** The slowest files, slowest first (measured on the 2-core machine; the rest keep vitest's order). */
export const LONG_FIRST = [
  "tests/reproduce.test.ts",
  "tests/site/site.test.ts",
  "tests/runner/notebook.test.ts",
  "tests/property/indicators.property.test.ts",
  "tests/determinism.test.ts",
];

export default class LongFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification): number => {
      const i = LONG_FIRST.findIndex((p) => f.moduleId.replaceAll("\\", "/").endsWith(p));
      return i < 0 ? LONG_FIRST.length : i;
    };
    return [...sorted].sort((a, b) => rank(a) - rank(b)); // stable: the others keep vitest's order
  }
}
