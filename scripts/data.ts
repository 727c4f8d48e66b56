/**
 * `npm run data:verify` — check every data file's sha256, schema and data contracts,
 * list sources, and report files under data/ that the manifest does not list.
 * `npm run data:rehash` — record the current sha256 of every file in the manifest
 * (run only after an intended, reviewed change to a data file); the contracts are
 * checked right after, so a rehash never makes implausible data pass.
 *
 * Exit codes: 0 done (or help shown), 2 the arguments cannot be used (one line,
 * see parseDataArgs), 1 the data failed a check or could not be read (one line).
 */
import { Command, CommanderError } from "commander";
import { verifyReport, rehashManifest } from "../src/lib/data/verify";
import { CliArgumentError } from "../src/lib/ssb/cli";

export type DataCliCommand = { kind: "verify" } | { kind: "rehash" } | { kind: "help"; text: string };

/**
 * Parse the arguments of `data` (without node and the script name).
 * @throws CliArgumentError with a one-line message (exit code 2)
 * @example
 * parseDataArgs(["verify"]); // { kind: "verify" }
 * parseDataArgs(["verfy"]); // throws CliArgumentError "unknown command 'verfy' (Did you mean verify?)"
 */
export function parseDataArgs(argv: readonly string[]): DataCliCommand {
  if (!Array.isArray(argv) || argv.some((a) => typeof a !== "string")) throw new CliArgumentError("arguments must be strings");
  let out = "";
  let result: DataCliCommand | undefined;
  const program = new Command("data")
    .description("Check or re-hash the project's data manifest")
    .exitOverride()
    .configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (out += s), outputError: () => undefined })
    .allowExcessArguments(false);
  program
    .command("verify")
    .description("verify sha256, header, types, keys, sums and data contracts of every file in data/manifest.json; report unlisted files")
    .allowExcessArguments(false)
    .action(() => {
      result = { kind: "verify" };
    });
  program
    .command("rehash")
    .description("write the current sha256 of every listed file into data/manifest.json, then check the contracts")
    .allowExcessArguments(false)
    .action(() => {
      result = { kind: "rehash" };
    });
  try {
    program.parse([...argv], { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version") return { kind: "help", text: out };
      if (e.code === "commander.help") throw new CliArgumentError("expected a command: verify or rehash (see data --help)");
      throw new CliArgumentError(e.message);
    }
    throw e;
  }
  if (result === undefined) throw new CliArgumentError("expected a command: verify or rehash (see data --help)");
  return result;
}

/** Print a verification report (a FAIL line per problem); returns the problems (file: message). */
function printReport(): string[] {
  const report = verifyReport();
  for (const f of report.files) {
    const kinds = [...new Set(f.contracts)].map(
      (k) => `${k}${f.contracts.filter((x) => x === k).length > 1 ? ` ×${f.contracts.filter((x) => x === k).length}` : ""}`,
    );
    const contracts = kinds.length ? `; contracts: ${kinds.join(", ")}` : "";
    if (f.error) console.log(`FAIL ${f.path}: ${f.error.name}: ${f.error.message.replace(/\s*\n\s*/g, " ")}`);
    else console.log(`ok  ${f.path} (${f.rows} rows${contracts}) — ${f.source}`);
  }
  for (const u of report.unlisted)
    console.log(`FAIL ${u}: not listed in data/manifest.json (add an entry with source, licence and schema, or remove the file)`);
  return [
    ...report.files.filter((f) => f.error).map((f) => `${f.path}: ${f.error!.name}: ${f.error!.message.replace(/\s*\n\s*/g, " ")}`),
    ...report.unlisted.map((u) => `${u}: not listed in data/manifest.json`),
  ];
}

function verify(): void {
  try {
    const problems = printReport();
    if (problems.length > 0) {
      console.error(`data:verify failed: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more, listed above)` : ""}`);
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
    if (printReport().length > 0) {
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

function main(argv: string[]): number {
  let cmd: DataCliCommand;
  try {
    cmd = parseDataArgs(argv);
  } catch (e) {
    if (e instanceof CliArgumentError) {
      console.error(`data: ${e.message}`);
      return 2;
    }
    throw e;
  }
  if (cmd.kind === "help") {
    process.stdout.write(cmd.text);
    return 0;
  }
  try {
    if (cmd.kind === "verify") verify();
    else rehash();
    return process.exitCode === 1 ? 1 : 0;
  } catch (e) {
    console.error(`data:${cmd.kind} failed: ${(e instanceof Error ? e.message : String(e)).replace(/\s*\n\s*/g, " ")}`);
    return 1;
  }
}

if (typeof require !== "undefined" && typeof module !== "undefined" && require.main === module) process.exitCode = main(process.argv.slice(2));
