/**
 * The `ssb` command line as a pure function: `parseSsbArgs(argv)` turns the
 * arguments into a checked query and options, or throws a CliArgumentError
 * with a one-line message (the script prints it and exits with code 2). No
 * I/O here, so generated argument vectors can be tried in-process.
 */
import { Command, CommanderError } from "commander";
import { SsbError } from "./errors";
import { MAX_TIMEOUT_MS } from "./client";
import { API_VERSIONS, VALUE_CODE, VARIABLE_CODE, buildRequest, yearRange, type ApiVersion, type SsbQuery } from "./query";

/** A command-line argument that cannot be used; `exitCode` is 2 (usage error). */
export class CliArgumentError extends Error {
  readonly exitCode = 2;
  /**
   * @example
   * throw new CliArgumentError("--timeout must be a whole number of milliseconds, got 'abc'");
   */
  constructor(message: string) {
    super(
      message
        .replace(/^error:\s*/, "")
        .replace(/\s*\n\s*/g, " ")
        .trim(),
    );
    this.name = "CliArgumentError";
  }
}

export type SsbCliCommand =
  | { kind: "help"; text: string }
  | {
      kind: "fetch";
      query: SsbQuery;
      options: { online: boolean; refresh: boolean; timeoutMs: number };
      /** CSV file to write; printed to stdout when absent. */
      out?: string;
    };

interface FetchFlags {
  region?: string;
  years?: string;
  var: string[];
  api?: string;
  online: boolean;
  refresh: boolean;
  timeout?: string;
  out?: string;
}

/** A commander option parser that refuses a second occurrence (instead of the last one silently winning). */
function once(flag: string): (value: string, previous: string | undefined) => string {
  return (value, previous) => {
    if (previous !== undefined) throw new CliArgumentError(`${flag} is given twice ('${previous}' and '${value}')`);
    return value;
  };
}

function codeList(option: string, spec: string): string[] {
  const items = spec.split(",").map((s) => s.trim());
  const bad = items.find((s) => !VALUE_CODE.test(s));
  if (bad !== undefined) {
    const hint = spec.startsWith("-") ? " (an option where the codes should be?)" : "";
    throw new CliArgumentError(
      `${option} expects codes separated by commas (letters, digits, _ . + -, starting with a letter or digit), got '${spec}'${hint}`,
    );
  }
  const dup = items.find((s, i) => items.indexOf(s) !== i);
  if (dup !== undefined) throw new CliArgumentError(`${option} lists '${dup}' twice`);
  return items;
}

function fetchCommand(table: string, flags: FetchFlags): SsbCliCommand {
  const o = { ...flags, api: flags.api ?? "v2", timeout: flags.timeout ?? "30000" };
  if (!/^[0-9]{5}$/.test(table)) throw new CliArgumentError(`table must be a 5-digit StatBank id (e.g. 07459), got '${table}'`);
  if (!API_VERSIONS.includes(o.api as ApiVersion)) throw new CliArgumentError(`--api must be ${API_VERSIONS.join(" or ")}, got '${o.api}'`);
  if (!/^[0-9]{1,7}$/.test(o.timeout) || Number(o.timeout) < 1 || Number(o.timeout) > MAX_TIMEOUT_MS) {
    throw new CliArgumentError(`--timeout must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}, got '${o.timeout}'`);
  }
  if (o.refresh && !o.online) throw new CliArgumentError("--refresh fetches again and needs --online");
  if (o.out !== undefined && (o.out.trim() === "" || o.out.endsWith("/") || o.out.startsWith("-"))) {
    throw new CliArgumentError(
      `--out expects a file name, got '${o.out}'${o.out.startsWith("-") ? " (an option where the file name should be?)" : ""}`,
    );
  }
  const selection: Record<string, string[]> = {};
  const add = (code: string, values: string[], from: string): void => {
    if (code in selection) throw new CliArgumentError(`variable '${code}' is selected twice (${from})`);
    selection[code] = values;
  };
  if (o.region !== undefined) add("Region", codeList("--region", o.region), "--region");
  if (o.years !== undefined) {
    try {
      add("Tid", yearRange(o.years), "--years");
    } catch (e) {
      if (e instanceof SsbError) throw new CliArgumentError(`--years: ${e.message.replace(/^SSB query: years: /, "")}`);
      throw e;
    }
  }
  for (const v of o.var) {
    const m = /^([^=]*)=(.*)$/.exec(v);
    if (!m || !VARIABLE_CODE.test(m[1]!)) throw new CliArgumentError(`--var expects CODE=v1,v2 (e.g. ContentsCode=Personer1), got '${v}'`);
    add(m[1]!, codeList(`--var ${m[1]}`, m[2]!), `--var ${v}`);
  }
  if (Object.keys(selection).length === 0) {
    throw new CliArgumentError(
      "give a selection with --region, --years or --var (without one SSB answers with a default extract that cannot be checked)",
    );
  }
  const query: SsbQuery = { table, selection, api: o.api as ApiVersion };
  try {
    buildRequest(query);
  } catch (e) {
    if (e instanceof SsbError) throw new CliArgumentError(e.message);
    throw e;
  }
  return { kind: "fetch", query, options: { online: o.online, refresh: o.refresh, timeoutMs: Number(o.timeout) }, out: o.out };
}

/**
 * Parse the arguments of `ssb` (without node and the script name).
 * @throws CliArgumentError with a one-line message for any argument that cannot be used
 * @example
 * parseSsbArgs(["fetch", "07459", "--region", "K-0501", "--years", "2000-2009"]);
 * // { kind: "fetch", query: { table: "07459", selection: { Region: ["K-0501"], Tid: ["2000", …, "2009"] }, api: "v2" }, … }
 * parseSsbArgs(["fetch", "07459", "--years", "2009-2000"]); // throws CliArgumentError "--years: 2009-2000 runs backwards (write 2000-2009)"
 */
export function parseSsbArgs(argv: readonly string[]): SsbCliCommand {
  if (!Array.isArray(argv) || argv.some((a) => typeof a !== "string")) throw new CliArgumentError("arguments must be strings");
  let out = "";
  let result: SsbCliCommand | undefined;
  const program = new Command("ssb")
    .description("Fetch SSB StatBank tables (JSON-stat 2) with an offline cache")
    .exitOverride()
    .configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (out += s), outputError: () => undefined })
    .allowExcessArguments(false);
  program
    .command("fetch <table>")
    .description("fetch a table for a selection; prints the long table (or writes --out as CSV)")
    .option("--region <codes>", "Region value codes, comma separated (e.g. K-0501,K-0502)", once("--region"))
    .option("--years <spec>", "Tid value codes as a range or list (e.g. 2000-2009)", once("--years"))
    .option(
      "--var <code=values>",
      "other variables, e.g. ContentsCode=Personer1 (repeatable)",
      (v: string, prev: string[]) => [...prev, v],
      [] as string[],
    )
    .option("--api <version>", `PxWebApi version: ${API_VERSIONS.join(" (default) or ")}`, once("--api"))
    .option("--online", "allow network access (otherwise only the cache is read)", false)
    .option("--refresh", "fetch again even if cached (with --online)", false)
    .option("--timeout <ms>", `request time limit in ms (1 to ${MAX_TIMEOUT_MS}, default 30000)`, once("--timeout"))
    .option("--out <file>", "write the table as CSV", once("--out"))
    .allowExcessArguments(false)
    .action((table: string, o: FetchFlags) => {
      result = fetchCommand(table, o);
    });
  try {
    program.parse([...argv], { from: "user" });
  } catch (e) {
    if (e instanceof CliArgumentError) throw e;
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version") return { kind: "help", text: out };
      if (e.code === "commander.help" || e.code === "commander.executeSubCommandAsync")
        throw new CliArgumentError("expected a command: fetch <table> [options] (see ssb --help)");
      throw new CliArgumentError(e.message);
    }
    throw e;
  }
  if (result === undefined) throw new CliArgumentError("expected a command: fetch <table> [options] (see ssb --help)");
  return result;
}
