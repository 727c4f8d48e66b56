/**
 * `npm run data:verify` — check every data file's sha256 and schema, list sources.
 * `npm run data:rehash` — record the current sha256 of every file in the manifest
 * (run only after an intended, reviewed change to a data file).
 *
 * Exit codes: 0 done (or help shown), 2 the arguments cannot be used (one line,
 * see parseDataArgs), 1 the data failed a check or could not be read (one line).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Command, CommanderError } from "commander";
import { dataDir, sha256 } from "../src/lib/data/manifest";
import { verifyAll } from "../src/lib/data/load";
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
    .description("verify sha256, header, types, keys and sums of every file in data/manifest.json")
    .allowExcessArguments(false)
    .action(() => {
      result = { kind: "verify" };
    });
  program
    .command("rehash")
    .description("write the current sha256 of every listed file into data/manifest.json")
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

function verify(): void {
  for (const f of verifyAll()) console.log(`ok  ${f.path} (${f.rows} rows) — ${f.source}`);
}

function rehash(): void {
  const dir = dataDir();
  const path = join(dir, "manifest.json");
  const manifest = JSON.parse(readFileSync(path, "utf8")) as { files: { path: string; sha256: string }[] };
  for (const f of manifest.files) {
    const now = sha256(readFileSync(join(dir, f.path)));
    if (now !== f.sha256) console.log(`updated ${f.path}`);
    f.sha256 = now;
  }
  writeFileSync(path, JSON.stringify(manifest, null, 2) + "\n");
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
    return 0;
  } catch (e) {
    console.error(`data:${cmd.kind} failed: ${(e instanceof Error ? e.message : String(e)).replace(/\s*\n\s*/g, " ")}`);
    return 1;
  }
}

if (typeof require !== "undefined" && typeof module !== "undefined" && require.main === module) process.exitCode = main(process.argv.slice(2));
