/**
 * `npm run ssb -- fetch 07459 --region K-0501,K-0502 --years 2000-2009 [--online]`
 * Reads SSB StatBank tables through PxWebApi (v2 by default, v0 with --api v0)
 * into a long table; offline by default (cache under data/cache/ssb/).
 */
import { Command } from "commander";
import { fetchSsb, yearRange, type ApiVersion } from "../src/lib/ssb/index";

const program = new Command("ssb").description("Fetch SSB StatBank tables (JSON-stat 2) with an offline cache");

program
  .command("fetch <table>")
  .description("fetch a table for a selection; prints the long table (or writes --out as CSV)")
  .option("--region <codes>", "Region value codes, comma separated (e.g. K-0501,K-0502)")
  .option("--years <spec>", "Tid value codes as a range or list (e.g. 2000-2009)")
  .option("--var <code=values...>", "other variables, e.g. ContentsCode=Personer1 (repeatable)")
  .option("--api <version>", "v2 (default) or v0", "v2")
  .option("--online", "allow network access (otherwise only the cache is read)", false)
  .option("--refresh", "fetch again even if cached (with --online)", false)
  .option("--timeout <ms>", "request time limit", "30000")
  .option("--out <file>", "write the table as CSV")
  .action(
    async (
      table: string,
      o: { region?: string; years?: string; var?: string[]; api: string; online: boolean; refresh: boolean; timeout: string; out?: string },
    ) => {
      const selection: Record<string, string[]> = {};
      if (o.region) selection["Region"] = o.region.split(",").map((s) => s.trim());
      if (o.years) selection["Tid"] = yearRange(o.years);
      for (const v of o.var ?? []) {
        const [k, vals] = v.split("=");
        if (!k || !vals) throw new Error(`--var expects CODE=v1,v2, got '${v}'`);
        selection[k] = vals.split(",");
      }
      try {
        const r = await fetchSsb(
          { table, selection, api: o.api as ApiVersion },
          { online: o.online, refresh: o.refresh, timeoutMs: Number(o.timeout) },
        );
        console.error(`${r.fromCache ? "from cache" : "fetched"}: ${r.cacheFile} (${r.frame.height} rows)`);
        if (o.out) {
          r.frame.writeCSV(o.out);
          console.error(`wrote ${o.out}`);
        } else {
          console.log(r.frame.toString());
        }
      } catch (e) {
        console.error(`ssb fetch failed: ${(e as Error).message}`);
        process.exitCode = 1;
      }
    },
  );

program.parseAsync();
