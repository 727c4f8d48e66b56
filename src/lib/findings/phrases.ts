/**
 * The project's reading rules for the report's vague phrases ("på nivå med", "klart", …):
 * one rule and one threshold per phrase, in data/assumptions/phrase_rules.csv.
 */
import { loadTable } from "../data/load";
import { dataDir } from "../data/manifest";
import { FindingError } from "./errors";

export const PHRASE_RULES_FILE = "assumptions/phrase_rules.csv";

export interface PhraseRule {
  rule: string;
  phrasesNo: string;
  phrasesEn: string;
  test: string;
  threshold: number;
  unit: string;
  reason: string;
}

/**
 * Every phrase rule, by id.
 * @example loadPhraseRules().get("paa_nivaa_med")!.threshold; // 1 (percentage point)
 */
export function loadPhraseRules(dir: string = dataDir()): Map<string, PhraseRule> {
  const t = loadTable(PHRASE_RULES_FILE, dir);
  return new Map(
    t.rows.map((r) => [
      String(r["rule"]),
      {
        rule: String(r["rule"]),
        phrasesNo: String(r["phrases_no"]),
        phrasesEn: String(r["phrases_en"]),
        test: String(r["test"]),
        threshold: r["threshold"] as number,
        unit: String(r["unit"]),
        reason: String(r["reason"]),
      },
    ]),
  );
}

/**
 * One rule; a typed error names the known ones when the id is unknown.
 * @example phraseRule("klart").threshold; // 2
 */
export function phraseRule(id: string, rules: Map<string, PhraseRule> = loadPhraseRules()): PhraseRule {
  const r = rules.get(id);
  if (!r) throw new FindingError(`no phrase rule '${id}' in data/${PHRASE_RULES_FILE} (known: ${[...rules.keys()].join(", ")})`);
  return r;
}
