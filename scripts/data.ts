/**
 * `npm run data:verify` — check every data file's sha256 and schema, list sources.
 * `npm run data:rehash` — record the current sha256 of every file in the manifest
 * (run only after an intended, reviewed change to a data file).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Command } from "commander";
import { dataDir, sha256 } from "../src/lib/data/manifest";
import { verifyAll } from "../src/lib/data/load";

const program = new Command("data").description("Check or re-hash the project's data manifest");

program
  .command("verify")
  .description("verify sha256, header, types, keys and sums of every file in data/manifest.json")
  .action(() => {
    try {
      for (const f of verifyAll()) console.log(`ok  ${f.path} (${f.rows} rows) — ${f.source}`);
    } catch (e) {
      console.error(`data:verify failed: ${(e as Error).message}`);
      process.exitCode = 1;
    }
  });

program
  .command("rehash")
  .description("write the current sha256 of every listed file into data/manifest.json")
  .action(() => {
    const dir = dataDir();
    const path = join(dir, "manifest.json");
    const manifest = JSON.parse(readFileSync(path, "utf8")) as { files: { path: string; sha256: string }[] };
    for (const f of manifest.files) {
      const now = sha256(readFileSync(join(dir, f.path)));
      if (now !== f.sha256) console.log(`updated ${f.path}`);
      f.sha256 = now;
    }
    writeFileSync(path, JSON.stringify(manifest, null, 2) + "\n");
  });

program.parse();
