/**
 * The report's published claims (data/report/claims.csv) as typed values.
 */
import { loadTable } from "../data/load";
import { ValueError } from "../data/errors";
import { dataDir } from "../data/manifest";
import type { PublishedValue } from "./types";
import { printedTolerance } from "./verdict";
import { loadPhraseRules, phraseRule } from "./phrases";

export const CLAIMS_FILE = "report/claims.csv";
export const SEED_FILE = "shared/seed/000_71fac511997fe12e.txt";

export interface Claim {
  key: string;
  chapter: number;
  section: string;
  statement: string;
  published: PublishedValue;
  tolerance: number;
  unit: string;
  /** The figure exactly as printed (numbers and intervals), e.g. "18,7" or "10–15". */
  printed?: string;
  /** Number of rounded figures the published figure is built from. */
  parts: number;
  /** Phrase rule reading the claim's wording (data/assumptions/phrase_rules.csv). */
  rule: string;
  /** Where the wording stands: section and seed-text lines. */
  location: string;
  /** The data file (and row) holding the published value, when not data/report/claims.csv. */
  source?: string;
}

/**
 * Load and check the claims: each kind carries exactly the fields it needs.
 * @example
 * loadClaims().get("services_share_innlandet_2008")?.published; // 82
 */
export function loadClaims(dir: string = dataDir()): Map<string, Claim> {
  const table = loadTable(CLAIMS_FILE, dir);
  // the allowance per rounded figure is the `printed` rule's threshold, read from the rules file
  const half = phraseRule("printed", loadPhraseRules(dir)).threshold;
  const out = new Map<string, Claim>();
  table.rows.forEach((r, k) => {
    const row = k + 2;
    const need = (col: string): number => {
      const v = r[col];
      if (typeof v !== "number")
        throw new ValueError({ file: table.file, row, column: col }, `a number for kind '${String(r["kind"])}'`, "an empty cell");
      return v;
    };
    const kind = r["kind"];
    let published: PublishedValue;
    let tolerance = 0;
    const printed = typeof r["printed"] === "string" && r["printed"] !== "" ? r["printed"] : undefined;
    const parts = typeof r["parts"] === "number" ? r["parts"] : 1;
    const needPrinted = (): string => {
      if (printed === undefined)
        throw new ValueError({ file: table.file, row, column: "printed" }, `the figure as printed for kind '${String(kind)}'`, "an empty cell");
      return printed;
    };
    if (kind === "comparison") {
      published = true;
    } else if (kind === "interval") {
      const low = need("low");
      const high = need("high");
      if (low > high) throw new ValueError({ file: table.file, row, column: "high" }, `high ≥ low (${low})`, String(high));
      published = [low, high];
      // a printed range is read to the finer of its two ends
      tolerance = Math.min(...needPrinted().split("–").map((p) => printedTolerance(p, parts, half)));
    } else {
      published = need("value");
      tolerance = printedTolerance(needPrinted(), parts, half);
    }
    const from = r["seed_from"] as number;
    const to = r["seed_to"] as number;
    if (to < from) throw new ValueError({ file: table.file, row, column: "seed_to" }, `a line ≥ seed_from (${from})`, String(to));
    const section = String(r["section"]);
    out.set(String(r["key"]), {
      key: String(r["key"]),
      chapter: Number(section.split(".")[0]),
      section,
      statement: String(r["statement"]),
      published,
      tolerance,
      printed,
      parts,
      rule: typeof r["rule"] === "string" && r["rule"] !== "" ? r["rule"] : kind === "comparison" ? "direction" : "printed",
      unit: kind === "comparison" ? "comparison (true = holds)" : String(r["unit"] ?? ""),
      location: `NIBR-rapport 2009:14 §${section}, ${SEED_FILE} ${from === to ? `line ${from}` : `lines ${from}–${to}`}`,
    });
  });
  return out;
}
