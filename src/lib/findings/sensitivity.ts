/**
 * How much each verdict depends on the region mapping: evaluate the findings
 * that read a mapping under every mapping and put the results side by side.
 */
import * as pl from "nodejs-polars";
import { MAPPINGS_FILE, MAPPING_NAMES, type MappingName } from "../regions/mapping";
import { FindingContext } from "./context";
import { evaluateSpec, FINDING_SPECS } from "./registry";
import { formatValue } from "./render";
import type { FindingSpec } from "./types";

/**
 * @returns one row per mapping-dependent finding: `id`, then `computed_<mapping>` and
 *   `verdict_<mapping>` for each mapping, and `verdict_changes` (true when the verdicts differ).
 */
export function mappingSensitivity(
  mappings: readonly MappingName[] = MAPPING_NAMES,
  specs: FindingSpec<FindingContext>[] = FINDING_SPECS,
  dir?: string,
): pl.DataFrame {
  const dependent = specs.filter((s) => s.inputs.includes(MAPPINGS_FILE));
  const contexts = mappings.map((m) => new FindingContext({ mapping: m, dir }));
  const columns: Record<string, (string | boolean)[]> = { id: dependent.map((s) => s.id) };
  const verdicts: string[][] = [];
  contexts.forEach((ctx, k) => {
    const evaluated = dependent.map((s) => evaluateSpec(s, ctx).finding);
    columns[`computed_${mappings[k]}`] = evaluated.map((f) => formatValue(f.computed));
    columns[`verdict_${mappings[k]}`] = evaluated.map((f) => f.verdict);
    verdicts.push(evaluated.map((f) => f.verdict));
  });
  columns["verdict_changes"] = dependent.map((_, i) => new Set(verdicts.map((v) => v[i])).size > 1);
  return pl.DataFrame(columns);
}
