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

/**
 * Read "nullvekst" / "stagnasjon" (rule `nullvekst`) on yearly growth rates, in three zones: `true` when every
 * rate is inside the calibrated band (|rate| < band: the report's own usage), `false` when every rate is at least
 * the visible limit (|rate| ≥ visible: growth that shows at whole-percent precision a year), and `"undecided"`
 * otherwise — between the two, where the report's usage neither includes nor excludes the word, or when the
 * rates (e.g. the two ends of a rounding interval) fall in different zones.
 * @param yearly yearly growth rates in percent (one reading, or every value the rounding allows)
 * @param o `band`: the rule's threshold; `visible`: the whole-percent rounding band (the `printed` rule's 0.5)
 * @example
 * readZeroGrowth([0.05], { band: 0.25, visible: 0.5 }); // true
 * readZeroGrowth([0.12, 0.37], { band: 0.25, visible: 0.5 }); // "undecided"
 * readZeroGrowth([-0.8], { band: 0.25, visible: 0.5 }); // false
 */
export function readZeroGrowth(yearly: readonly number[], o: { band: number; visible: number }): boolean | "undecided" {
  if (!(Number.isFinite(o.band) && o.band > 0 && Number.isFinite(o.visible) && o.visible >= o.band))
    throw new FindingError(`readZeroGrowth: needs 0 < band ≤ visible, both finite; got band ${o.band}, visible ${o.visible}`);
  if (yearly.length === 0 || !yearly.every(Number.isFinite))
    throw new FindingError(`readZeroGrowth: needs at least one finite yearly rate, got [${yearly.join(", ")}]`);
  if (yearly.every((r) => Math.abs(r) < o.band)) return true;
  if (yearly.every((r) => Math.abs(r) >= o.visible)) return false;
  return "undecided";
}
