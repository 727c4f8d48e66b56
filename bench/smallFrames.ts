/**
 * `npx tsx bench/smallFrames.ts [--rounds N]` — the transforms the notebooks call hundreds of times on small
 * frames, on their plain-TypeScript path (src/lib/indicators/smallFrame.ts) and on their polars path (the row
 * limit set to 0), interleaved in random order round by round, in CPU time per call (process.cpuUsage: wall
 * time means little on a shared machine). Frames are the notebooks' shapes on the report's 13-region mapping
 * and SSB's municipal population (data/); also growthRate at 1 000 and 10 000 rows, where the plain path stops.
 * Prints a Markdown table (median, min–max over rounds) with the load average before and after. Measured,
 * never asserted.
 */
import { loadavg } from "node:os";
import * as pl from "nodejs-polars";
import { growthIndex, growthRate, loadMapping, loadMunicipalPopulation1992To2026, num, sumBy, toRegions } from "../src/lib/index";
import { checkLongFrame } from "../src/lib/indicators/validate";
import { SMALL_FRAME_ROWS, setSmallFrameRows } from "../src/lib/indicators/smallFrame";

interface Case {
  name: string;
  rows: number;
  run: () => unknown;
  /** Calls per round (fewer on large frames). */
  calls: number;
}

function cpuMs(run: () => unknown, calls: number): number {
  const c0 = process.cpuUsage();
  for (let i = 0; i < calls; i += 1) run();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000 / calls;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function cases(): Case[] {
  const mapping = loadMapping("report13");
  const pop = loadMunicipalPopulation1992To2026();
  const municipal = pop.filter(pl.col("year").isIn([2001, 2007]));
  const regions = toRegions(municipal, mapping); // region, region_type, report_region, year, value: 13 regions × 2 years
  const regionYears = toRegions(pop.filter(pl.col("year").gtEq(1998).and(pl.col("year").ltEq(2025))), mapping); // 13 × 28 = 364 rows
  const growth = growthRate(regions, { region: "region", time: "year", value: "value", from: 2001, to: 2007 });
  const panel = (n: number): pl.DataFrame => {
    const r = Array.from({ length: n }, (_, i) => `r${Math.floor(i / 2)}`);
    return pl.DataFrame({
      region: r,
      year: pl.Series(
        "year",
        r.map((_, i) => 2001 + 6 * (i % 2)),
        pl.Int64,
      ),
      value: r.map((_, i) => 1000 + i),
    });
  };
  const [k1, k10] = [panel(1_000), panel(10_000)];
  const rate = { region: "region", time: "year", value: "value", from: 2001, to: 2007 };
  return [
    { name: "growthRate", rows: regions.height, run: () => growthRate(regions, rate), calls: 20 },
    {
      name: "growthIndex",
      rows: regionYears.height,
      run: () => growthIndex(regionYears, { region: "region", time: "year", value: "value", base: 1998 }),
      calls: 10,
    },
    { name: "checkLongFrame", rows: regionYears.height, run: () => checkLongFrame("bench", regionYears, ["region", "year"], "value"), calls: 10 },
    { name: "num (lookup)", rows: growth.height, run: () => num(growth, { region: "Hamar" }, "change_pct"), calls: 40 },
    {
      name: "sumBy (to region types)",
      rows: regions.height,
      run: () => sumBy(regions, { by: ["region_type", "year"], value: "value", keys: ["region", "year"] }),
      calls: 20,
    },
    { name: "toRegions", rows: municipal.height, run: () => toRegions(municipal, mapping), calls: 10 },
    { name: "growthRate", rows: k1.height, run: () => growthRate(k1, rate), calls: 5 },
    { name: "growthRate", rows: k10.height, run: () => growthRate(k10, rate), calls: 2 },
  ];
}

function main(): void {
  const roundsArg = process.argv.indexOf("--rounds");
  const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 7;
  const loadBefore = loadavg();
  const all = cases();
  const times = all.map(() => ({ plain: [] as number[], polars: [] as number[] }));
  for (const c of all) for (const limit of [SMALL_FRAME_ROWS, 0]) (setSmallFrameRows(limit), c.run()); // warm-up
  for (let r = 0; r < rounds; r += 1) {
    all.forEach((c, i) => {
      const order = Math.random() < 0.5 ? (["plain", "polars"] as const) : (["polars", "plain"] as const);
      for (const path of order) {
        setSmallFrameRows(path === "plain" ? SMALL_FRAME_ROWS : 0);
        times[i]![path].push(cpuMs(c.run, c.calls));
      }
    });
  }
  setSmallFrameRows(SMALL_FRAME_ROWS);
  const loadAfter = loadavg();
  const span = (xs: number[]): string => `${median(xs).toFixed(2)} (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})`;
  console.log("| transform | rows | plain TypeScript, ms CPU per call | polars, ms CPU per call | ratio (medians) |");
  console.log("|---|---:|---:|---:|---:|");
  all.forEach((c, i) => {
    const t = times[i]!;
    const path = c.rows <= SMALL_FRAME_ROWS ? "" : " (over the limit: polars)";
    console.log(`| ${c.name}${path} | ${c.rows} | ${span(t.plain)} | ${span(t.polars)} | ${(median(t.polars) / median(t.plain)).toFixed(1)}× |`);
  });
  const fmt = (l: number[]): string => l.map((x) => x.toFixed(2)).join(" ");
  console.log(`\n${rounds} rounds, median (min–max); load average ${fmt(loadBefore)} before, ${fmt(loadAfter)} after; node ${process.version}`);
}

main();
