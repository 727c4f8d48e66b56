/**
 * A published value from another publication than the report (e.g. KRD's Tabell 1.1), as a
 * Claim that `nb.check(id, { reference, … })` compares with — tolerance from its printed precision.
 */
import type { Claim } from "./claims";
import { FindingError } from "./errors";
import { printedTolerance } from "./verdict";
import { parsePrinted } from "../stats/printed";

export interface ReferenceInput {
  /** A key for the value, e.g. "krd_population_totalt". */
  key: string;
  /** The report section the check belongs to, e.g. "3.1". */
  section: string;
  /** What the value is, in English. */
  statement: string;
  /** The figure exactly as the publication prints it (Norwegian style), e.g. "-1,0" or "220064". */
  printed: string;
  unit: string;
  /** Where it is published (publication, table, row). */
  location: string;
  /** The data file (and row) holding it, e.g. "data/krd/….csv#Innlandet/totalt". */
  source: string;
  /** The allowance per rounded figure, in units of its last digit: `nb.rule("printed").threshold` (default 0.5). */
  half?: number;
}

/**
 * A value published outside the report as a Claim, its tolerance read from its printed precision.
 * @throws FindingError when `printed` is not a number as printed
 * @example
 * referenceClaim({ key: "krd_growth_totalt", section: "3.1", statement: "KRD: growth 2002–09", printed: "0,9",
 *   unit: "percent", location: "St.meld. 25, Tabell 1.1", source: "data/krd/x.csv#Innlandet/totalt" });
 * // published 0.9, tolerance 0.05, rule "printed"
 */
export function referenceClaim(r: ReferenceInput): Claim {
  const chapter = Number(r.section.split(".")[0]);
  if (!Number.isInteger(chapter) || chapter < 1)
    throw new FindingError(`reference ${r.key}: section '${r.section}' must start with a chapter number`);
  return {
    key: r.key,
    chapter,
    section: r.section,
    statement: r.statement,
    published: parsePrinted(r.printed),
    tolerance: printedTolerance(r.printed, 1, r.half),
    unit: r.unit,
    printed: r.printed,
    parts: 1,
    rule: "printed",
    location: r.location,
    source: r.source,
  };
}
