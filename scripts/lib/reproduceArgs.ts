/**
 * The arguments of `npm run reproduce`, parsed by a pure function (fuzzed in tests/cli): either the
 * options or a one-line CliArgumentError (exit code 2), never a stack trace. The parameters file
 * named by --params is read here too, so a missing file, invalid JSON, `null` or an array are
 * refused with the file's name.
 */
import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { CliArgumentError } from "../../src/lib/ssb/cli";
import { parseParams, type RunParameters } from "../../src/lib/params";

export interface ReproduceOptions {
  params: RunParameters;
  only?: string;
  out?: string;
  cellTimeout: number;
}

export type ReproduceCommand = { kind: "run"; options: ReproduceOptions } | { kind: "help"; text: string };

function readParamsFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new CliArgumentError(`--params ${file}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new CliArgumentError(`--params ${file}: not valid JSON (${(e as Error).message.split("\n")[0]})`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw new CliArgumentError(
      `--params ${file}: expected a JSON object such as {"regions": "ba2020"}, found ${value === null ? "null" : Array.isArray(value) ? "an array" : typeof value}`,
    );
  return value as Record<string, unknown>;
}

/**
 * Parse reproduce's arguments (without node and the script name).
 * @throws CliArgumentError with a one-line message (exit code 2)
 * @example
 * parseReproduceArgs(["--param", "regions=ba2020"]).kind; // "run"
 * parseReproduceArgs(["--param", "region=ba2020"]); // throws: unknown parameter 'region' — did you mean 'regions'? …
 */
export function parseReproduceArgs(argv: readonly string[]): ReproduceCommand {
  if (!Array.isArray(argv) || argv.some((a) => typeof a !== "string")) throw new CliArgumentError("arguments must be strings");
  let out = "";
  // a single-valued option given twice is refused (commander would keep the last one silently)
  const once =
    (name: string) =>
    (value: string, previous: string | undefined): string => {
      if (previous !== undefined) throw new CliArgumentError(`${name} given twice ('${previous}', then '${value}'); give it once`);
      return value;
    };
  const program = new Command("reproduce")
    .description("verify data, run every chapter notebook headless, collect their findings, write build/")
    .option("--only <name>", "rerun only the chapter notebooks whose name contains <name>, inside an existing full build", once("--only"))
    .option("--param <key=value...>", "run parameter, e.g. regions=ba2020 or period=jan2001_jan2008 (repeatable, each key once)")
    .option("--params <file>", "run parameters from a JSON file", once("--params"))
    .option("--out <dir>", "build folder (default: build/, or $INNLANDET_BUILD_DIR)", once("--out"))
    .option("--cell-timeout <seconds>", "stop a cell that runs longer than this (default 600)", once("--cell-timeout"))
    .exitOverride()
    .allowExcessArguments(false)
    .configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (out += s), outputError: () => undefined });
  try {
    program.parse([...argv], { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version") return { kind: "help", text: out };
      throw new CliArgumentError(e.message.replace(/^error: /, "").split("\n")[0]!);
    }
    throw e;
  }
  const o = program.opts<{ only?: string; param?: string[]; params?: string; out?: string; cellTimeout?: string }>();
  for (const [name, v] of [
    ["--only", o.only],
    ["--out", o.out],
    ["--params", o.params],
  ] as const)
    if (v !== undefined && (v.trim() === "" || v.startsWith("-"))) throw new CliArgumentError(`${name} needs a value, got '${v}'`);
  const cellTimeout = o.cellTimeout === undefined ? 600 : Number(o.cellTimeout);
  if (!/^\d+$/.test(o.cellTimeout ?? "600") || !Number.isSafeInteger(cellTimeout) || cellTimeout <= 0 || cellTimeout > 86_400)
    throw new CliArgumentError(`--cell-timeout expects a whole number of seconds from 1 to 86400, got '${o.cellTimeout}'`);
  const fromFile = o.params !== undefined ? readParamsFile(o.params) : {};
  let params: RunParameters;
  try {
    params = parseParams(o.param ?? [], fromFile);
  } catch (e) {
    throw new CliArgumentError((e as Error).message.split("\n")[0]!);
  }
  return { kind: "run", options: { params, only: o.only, out: o.out, cellTimeout } };
}
