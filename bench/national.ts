/**
 * `npm run bench:national [-- --rounds N] [--chapter]` — the national frame of issue 24, in CPU time per call
 * (process.cpuUsage: wall time means little on a shared machine), measured, never asserted:
 * - the national aggregation: SSB's 357 municipalities × 41 years summed to the 159 BA-2020 regions and to the three
 *   national types for one period (regionPopulationChange), with the REST regions left out first (completeFor), and
 *   the typology itself (nationalTypology);
 * - the size–growth test of chapter 7 on n = 154 regions: two one-sided seeded permutation tests (2 000 draws each),
 *   the bootstrap interval of ρ (2 000 resamples) and the power (500 samples, 5 000 null orderings); and the same
 *   test as chapters 3 and 6 make it (associationOverRanges: 20 000 draws, both directions);
 * - with `--chapter`: notebooks/07-norway.ipynb run as a module (scripts/lib/nbmodule.ts, as reproduce runs the
 *   sensitivity), its CPU time read from /proc/self/stat (the waited-for children's user + system time).
 * Prints a Markdown table (median, min–max over rounds) with the load average before and after; writes
 * bench/results/national.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import * as lib from "../src/lib/index";
import { runAsModule } from "../scripts/lib/nbmodule";

interface Case {
  name: string;
  run: () => unknown;
}

function cpuMs(run: () => unknown): number {
  const c0 = process.cpuUsage();
  run();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

/** CPU seconds of this process's waited-for children (Linux /proc; fields 16–17, clock ticks of 1/100 s). */
function childrenCpuSeconds(): number {
  const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const roundsAt = args.indexOf("--rounds");
  const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 5;
  if (!Number.isInteger(rounds) || rounds < 1) {
    console.error(`bench:national: --rounds must be a positive integer, got ${args[roundsAt + 1]}`);
    process.exit(2);
  }
  const loadBefore = loadavg()[0]!;
  const nat = lib.loadNationalPopulation();
  const norway = lib.resolveArea("norway");
  const typology = lib.nationalTypology("centrality", { population: nat.municipalities });
  const mapping = lib.typedBa2020Mapping(typology);
  const data = { ...lib.loadAreaData(norway, lib.loadAreaMapping("ba2020", norway)), population: nat.municipalities, notOn2024Borders: nat.notOn2024Borders };
  const complete = lib.completeFor(data, [1998, 2008], mapping).population;
  const byRegion = lib.regionPopulationChange(complete, mapping, { from: 1998, to: 2008, municipality: "municipality_code_2024" });
  const x = byRegion.getColumn("value_from").toArray() as number[];
  const y = byRegion.getColumn("change_pct").toArray() as number[];
  const cases: Case[] = [
    { name: `completeFor: REST regions left out (${nat.municipalities.height} rows)`, run: () => lib.completeFor(data, [1998, 2008], mapping) },
    { name: "aggregation → 159 BA-2020 regions, one period", run: () => lib.regionPopulationChange(complete, mapping, { from: 1998, to: 2008, municipality: "municipality_code_2024" }) },
    { name: "aggregation → 3 national types, one period", run: () => lib.regionPopulationChange(complete, mapping, { from: 1998, to: 2008, by: "region_type", municipality: "municipality_code_2024" }) },
    { name: "nationalTypology (centrality)", run: () => lib.nationalTypology("centrality", { population: nat.municipalities }) },
    {
      name: `size–growth: 2 permutation tests × 2 000 draws (n = ${x.length})`,
      run: () => [lib.permutationTest(x, y, { alternative: "greater", draws: 2000 }), lib.permutationTest(x, y, { alternative: "less", draws: 2000 })],
    },
    {
      name: `associationOverRanges, 20 000 draws each way, as chapters 3 and 6 call it (n = ${x.length})`,
      run: () => lib.associationOverRanges(x, y.map((v) => [v, v] as [number, number]), { direction: "positive" }),
    },
    { name: `size–growth: bootstrap interval, 2 000 resamples (n = ${x.length})`, run: () => lib.bootstrapInterval(x, y, { draws: 2000 }) },
    { name: `size–growth: power, 500 samples, 5 000 null orderings (n = ${x.length})`, run: () => lib.spearmanPower({ n: x.length, rho: 0.3, alternative: "greater", draws: 500, nullDraws: 5000 }) },
  ];
  for (const c of cases) c.run(); // warm-up
  const ms = new Map(cases.map((c) => [c.name, [] as number[]]));
  for (let r = 0; r < rounds; r += 1) for (const c of cases) ms.get(c.name)!.push(cpuMs(c.run));
  const rows = cases.map((c) => {
    const v = ms.get(c.name)!;
    return { case: c.name, median_ms: median(v), min_ms: Math.min(...v), max_ms: Math.max(...v) };
  });
  let chapter: { cpu_s: number; wall_s: number; ok: boolean; findings: number } | null = null;
  if (args.includes("--chapter")) {
    const c0 = childrenCpuSeconds();
    const t0 = Date.now();
    const run = await runAsModule(join(__dirname, "..", "notebooks", "07-norway.ipynb"));
    chapter = { cpu_s: childrenCpuSeconds() - c0, wall_s: (Date.now() - t0) / 1000, ok: run.ok, findings: run.findings.length };
  }
  const loadAfter = loadavg()[0]!;
  const report = { date: new Date().toISOString(), cores: cpus().length, load_before: loadBefore, load_after: loadAfter, rounds, rows, chapter };
  mkdirSync(join(__dirname, "results"), { recursive: true });
  writeFileSync(join(__dirname, "results", "national.json"), JSON.stringify(report, null, 2) + "\n");
  console.log(`National frame (issue 24), CPU ms per call, ${rounds} rounds; ${cpus().length} cores, load ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)}\n`);
  console.log("| case | median ms | min–max ms |\n|---|---:|---:|");
  for (const r of rows) console.log(`| ${r.case} | ${r.median_ms.toFixed(1)} | ${r.min_ms.toFixed(1)}–${r.max_ms.toFixed(1)} |`);
  if (chapter) console.log(`| chapter 7 as a module (${chapter.ok ? "ok" : "FAILED"}, ${chapter.findings} findings) | CPU ${chapter.cpu_s.toFixed(1)} s | wall ${chapter.wall_s.toFixed(1)} s |`);
}

void main();
