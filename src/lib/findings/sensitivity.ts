/**
 * How much each verdict depends on the region mapping: the findings that read a mapping, as
 * emitted by the same notebooks run under each mapping, side by side.
 */
import * as pl from "nodejs-polars";
import { MAPPINGS_FILE } from "../regions/mapping";
import { formatValue } from "./render";
import type { Finding } from "./types";

/**
 * The mapping-dependent findings of several runs side by side, and whether their verdict changes.
 * @param runs the findings of one run per mapping, e.g. { report13: [...], ba2020: [...] }
 * @returns one row per mapping-dependent finding (its inputs include data/regions/mappings.csv):
 *   `id`, `computed_<mapping>` and `verdict_<mapping>` per mapping ("(not emitted)" where a run has no such finding), and
 *   `verdict_changes` (two runs that emitted it gave different verdicts); sorted by id
 * @example mappingSensitivity({ report13: a, ba2020: b }).filter(pl.col("verdict_changes"))
 */
export function mappingSensitivity(runs: Record<string, Finding[]>): pl.DataFrame {
  const names = Object.keys(runs);
  const byRun = names.map((n) => new Map(runs[n]!.map((f) => [f.id, f])));
  const ids = [...new Set(names.flatMap((n) => runs[n]!.filter((f) => f.inputs.includes(`data/${MAPPINGS_FILE}`)).map((f) => f.id)))].sort();
  const columns: Record<string, (string | boolean)[]> = { id: ids };
  names.forEach((n, k) => {
    columns[`computed_${n}`] = ids.map((id) => (byRun[k]!.has(id) ? formatValue(byRun[k]!.get(id)!.computed) : "(not emitted)"));
    columns[`verdict_${n}`] = ids.map((id) => byRun[k]!.get(id)?.verdict ?? "(not emitted)");
  });
  // a change between verdicts given: a finding one mapping does not emit (its row says so) is not a change of verdict
  columns["verdict_changes"] = ids.map((id) => new Set(byRun.flatMap((m) => (m.has(id) ? [m.get(id)!.verdict] : []))).size > 1);
  return pl.DataFrame(columns);
}
