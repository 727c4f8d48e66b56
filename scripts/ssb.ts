/**
 * `npm run ssb -- fetch 07459 --region K-0501,K-0502 --years 2000-2009 [--online]`
 * Reads SSB StatBank tables through PxWebApi (v2 by default, v0 with --api v0)
 * into a long table; offline by default (cache under data/cache/ssb/).
 *
 * Exit codes: 0 done (or help shown), 2 an argument cannot be used (one line
 * on stderr, see parseSsbArgs), 1 the fetch or the output failed (one line).
 */
import { existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { CliArgumentError, parseSsbArgs } from "../src/lib/ssb/cli";
import { fetchSsb } from "../src/lib/ssb/index";

const oneLine = (e: unknown): string => (e instanceof Error ? e.message : String(e)).replace(/\s*\n\s*/g, " ");

async function main(argv: string[]): Promise<number> {
  let cmd;
  try {
    cmd = parseSsbArgs(argv);
  } catch (e) {
    if (e instanceof CliArgumentError) {
      console.error(`ssb: ${e.message}`);
      return 2;
    }
    throw e;
  }
  if (cmd.kind === "help") {
    process.stdout.write(cmd.text);
    return 0;
  }
  if (cmd.out !== undefined) {
    const folder = dirname(resolve(cmd.out));
    if (!existsSync(folder) || !statSync(folder).isDirectory()) {
      console.error(`ssb: --out: the folder ${folder} does not exist`);
      return 2;
    }
  }
  try {
    const r = await fetchSsb(cmd.query, cmd.options);
    console.error(`${r.fromCache ? "from cache" : "fetched"}: ${r.cacheFile} (${r.frame.height} rows)`);
    if (cmd.out !== undefined) {
      try {
        r.frame.writeCSV(cmd.out);
      } catch (e) {
        throw new Error(`cannot write ${cmd.out}: ${oneLine(e)}`);
      }
      console.error(`wrote ${cmd.out}`);
    } else {
      console.log(r.frame.toString());
    }
    return 0;
  } catch (e) {
    console.error(`ssb fetch failed: ${oneLine(e)}`);
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    console.error(`ssb: unexpected error: ${oneLine(e)}`);
    process.exitCode = 1;
  },
);
