/**
 * build/tables/: every table the findings computed (the intermediate tables
 * the notebooks show), as CSV, Parquet and Markdown, named after the first
 * finding that produced it; identical tables are written once.
 */
import { createHash } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { FindingContext } from "../../src/lib/findings/context";
import { activeSpecs, evaluateSpec } from "../../src/lib/findings/registry";
import { frameMarkdown } from "../../src/lib/findings/render";

export function exportTables(build: string, ctx: FindingContext): string[] {
  const dir = join(build, "tables");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const seen = new Set<string>();
  const written: string[] = [];
  for (const spec of activeSpecs(ctx)) {
    for (const [name, df] of Object.entries(evaluateSpec(spec, ctx).tables ?? {})) {
      const csv = df.writeCSV().toString();
      const hash = createHash("sha256").update(csv).digest("hex");
      if (seen.has(hash)) continue;
      seen.add(hash);
      const base = `${spec.id}__${name}`.replace(/[^A-Za-z0-9_.-]/g, "_");
      writeFileSync(join(dir, `${base}.csv`), csv);
      df.writeParquet(join(dir, `${base}.parquet`));
      writeFileSync(join(dir, `${base}.md`), `# ${name} (from ${spec.id})\n\n${frameMarkdown(df)}`);
      written.push(base);
    }
  }
  return written;
}
