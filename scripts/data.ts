/**
 * `npm run data:verify` — check every data file's sha256, schema and data contracts,
 * list sources, and report files under data/ that the manifest does not list.
 * `npm run data:rehash -- --reason "…"` — record the current sha256 of every file in the
 * manifest after an intended, reviewed change to a data file, like a lockfile: a changed
 * checksum needs a one-line reason, and each change is appended to data/CHANGES.md (date,
 * file, old → new sha256, rows added/removed/changed, reason). The contracts are checked
 * right after, so a rehash never makes implausible data pass.
 *
 * Exit codes: 0 done (or help shown), 2 the arguments cannot be used (one line, see
 * parseDataArgs) or a checksum would change without --reason (one line naming the files),
 * 1 the data failed a check or could not be read (one line).
 */
import { Command, CommanderError } from "commander";
import { verifyReport } from "../src/lib/data/verify";
import { reviewedRehash } from "../src/lib/data/review";
import { UnreviewedChangeError } from "../src/lib/data/errors";
import { CliArgumentError } from "../src/lib/ssb/cli";

export type DataCliCommand = { kind: "verify" } | { kind: "rehash"; reason?: string } | { kind: "help"; text: string };

/**
 * Parse the arguments of `data` (without node and the script name).
 * @throws CliArgumentError with a one-line message (exit code 2)
 * @example
 * parseDataArgs(["verify"]); // { kind: "verify" }
 * parseDataArgs(["rehash", "--reason", "SSB revised 2025"]); // { kind: "rehash", reason: "SSB revised 2025" }
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
    .description(
      "write the current sha256 of every listed file into data/manifest.json (a changed one only with --reason, logged in data/CHANGES.md), then check the contracts",
    )
    .option("--reason <text>", "why the data changed (one line; required when a recorded checksum changes)")
    .allowExcessArguments(false)
    .action((opts: { reason?: string }) => {
      if (opts.reason !== undefined && (opts.reason.trim() === "" || /[\r\n]/.test(opts.reason)))
        throw new CliArgumentError(`--reason must be one non-empty line, got ${JSON.stringify(opts.reason)}`);
      result = opts.reason === undefined ? { kind: "rehash" } : { kind: "rehash", reason: opts.reason.trim() };
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

function rehash(reason: string | undefined): void {
  try {
    const updated = reviewedRehash(reason);
    for (const c of updated) console.log(`updated ${c.path} (rows: ${c.rows}; logged in data/CHANGES.md)`);
    if (updated.length === 0) console.log("no checksum changed");
    if (printReport().length > 0) {
      console.error(
        "data:rehash recorded the checksums, but the data above break their contracts or schema: fix the data (or, for a reviewed and intended change, the contract in data/manifest.json)",
      );
      process.exitCode = 1;
    }
  } catch (e) {
    if (e instanceof UnreviewedChangeError) {
      console.error(
        `data:rehash refused: the recorded checksum of ${e.files.join(", ")} would change; say why with --reason "…" (one line; it goes into data/CHANGES.md) — nothing was re-hashed`,
      );
      process.exitCode = 2;
      return;
    }
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
    else rehash(cmd.reason);
    return process.exitCode === 1 || process.exitCode === 2 ? process.exitCode : 0;
  } catch (e) {
    console.error(`data:${cmd.kind} failed: ${(e instanceof Error ? e.message : String(e)).replace(/\s*\n\s*/g, " ")}`);
    return 1;
  }
}

if (typeof require !== "undefined" && typeof module !== "undefined" && require.main === module) process.exitCode = main(process.argv.slice(2));
