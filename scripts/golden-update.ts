/**
 * `npm run golden:update` — rewrite tests/golden/findings.json from a fresh module run of every
 * chapter notebook (default parameters and regions=ba2020) and print what changed. Run it only
 * after a change you meant; review the printed diff and explain it in the commit.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runAllAsModules, ROOT } from "./lib/notebooks";
import { goldenRecord, type GoldenRow } from "../tests/support/golden";
import { formatValue } from "../src/lib/findings/render";

async function main(): Promise<void> {
  const file = join(ROOT, "tests", "golden", "findings.json");
  const old = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, GoldenRow[]>) : {};
  const dir = mkdtempSync(join(tmpdir(), "golden-"));
  const out: Record<string, GoldenRow[]> = {};
  for (const [which, params] of [["default", undefined], ["ba2020", { regions: "ba2020" as const }]] as const) {
    const r = await runAllAsModules(join(dir, which), params);
    const failed = Object.entries(r.runs).find(([, x]) => !x.ok);
    if (failed) throw new Error(`${failed[0]} failed: ${failed[1].error?.message ?? failed[1].stderr}`);
    out[which] = goldenRecord(r.findings);
    const before = new Map((old[which] ?? []).map((x) => [x.id, x]));
    for (const row of out[which]!) {
      const o = before.get(row.id);
      if (!o) console.log(`${which} + ${row.id}: ${row.verdict} ${formatValue(row.computed)}`);
      else if (JSON.stringify(o) !== JSON.stringify(row)) console.log(`${which} ~ ${row.id}: ${o.verdict} ${formatValue(o.computed)} ${o.robustness} → ${row.verdict} ${formatValue(row.computed)} ${row.robustness}`);
    }
    const now = new Set(out[which]!.map((x) => x.id));
    for (const id of before.keys()) if (!now.has(id)) console.log(`${which} - ${id}`);
  }
  writeFileSync(file, JSON.stringify(out, null, 1) + "\n");
  console.log(`wrote ${file}`);
}

main().catch((e: Error) => {
  console.error(`golden:update failed: ${e.message}`);
  process.exit(1);
});
