/**
 * `npm run data:verify` — check every data file's sha256, schema and data contracts,
 * list sources, and report files under data/ that the manifest does not list.
 * `npm run data:rehash` — record the current sha256 of every file in the manifest
 * (run only after an intended, reviewed change to a data file); the contracts are
 * checked right after, so a rehash never makes implausible data pass.
 */
import { Command } from "commander";
import { verifyReport, rehashManifest } from "../src/lib/data/verify";

const program = new Command("data").description("Check or re-hash the project's data manifest");

/** Print a verification report; returns false when anything failed. */
function printReport(): boolean {
  const report = verifyReport();
  for (const f of report.files) {
    const kinds = [...new Set(f.contracts)].map(
      (k) => `${k}${f.contracts.filter((x) => x === k).length > 1 ? ` ×${f.contracts.filter((x) => x === k).length}` : ""}`,
    );
    const contracts = kinds.length ? `; contracts: ${kinds.join(", ")}` : "";
    if (f.error) console.error(`FAIL ${f.path}: ${f.error.name}: ${f.error.message}`);
    else console.log(`ok  ${f.path} (${f.rows} rows${contracts}) — ${f.source}`);
  }
  for (const u of report.unlisted)
    console.error(`FAIL ${u}: not listed in data/manifest.json (add an entry with source, licence and schema, or remove the file)`);
  return report.ok;
}

function verify(): void {
  try {
    if (!printReport()) {
      console.error("data:verify failed");
      process.exitCode = 1;
    }
  } catch (e) {
    console.error(`data:verify failed: ${(e as Error).message}`);
    process.exitCode = 1;
  }
}

function rehash(): void {
  try {
    const updated = rehashManifest();
    for (const p of updated) console.log(`updated ${p}`);
    if (updated.length === 0) console.log("no checksum changed");
    if (!printReport()) {
      console.error(
        "data:rehash recorded the checksums, but the data above break their contracts or schema: fix the data (or, for a reviewed and intended change, the contract in data/manifest.json)",
      );
      process.exitCode = 1;
    }
  } catch (e) {
    console.error(`data:rehash failed: ${(e as Error).message}`);
    process.exitCode = 1;
  }
}

program
  .command("verify")
  .description("verify sha256, header, types, keys, sums and data contracts of every file in data/manifest.json; report unlisted files")
  .action(verify);

program
  .command("rehash")
  .description("write the current sha256 of every listed file into data/manifest.json, then check the contracts")
  .action(rehash);

program.parse();
