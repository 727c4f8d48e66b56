/**
 * danfojs-node at a large scale in a process of its own (bench/run.ts
 * starts it with a larger heap: a danfojs frame of the 10× panel alone takes
 * about 2.4 GB of JS heap). Builds the same seeded SYNTHETIC panel, runs
 * danfojs once and checks its full output against the library's and the
 * floor's (bench/indicators.ts `check`), then times `runs` more danfojs runs
 * (wall and CPU). Prints one JSON line: { build, agreementRunWall, runs, valuesCompared }.
 *
 * Usage: tsx bench/danfoChild.ts <scale> <indicator name> <runs>
 */
import { toDanfo } from "./danfo";
import { INDICATORS, check } from "./indicators";
import { syntheticPanel, toPolars } from "./synthetic";

function timed<T>(fn: () => T): { wall: number; cpu: number; result: T } {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const result = fn();
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1e6, result };
}

const [scale, name, runs] = [Number(process.argv[2]), process.argv[3], Number(process.argv[4])];
const ind = INDICATORS.find((i) => i.name === name);
if (!ind?.danfo || !(scale > 0) || !(runs >= 0))
  throw new Error(`usage: tsx bench/danfoChild.ts <scale> <indicator with danfojs> <runs>; got ${process.argv.slice(2).join(" ")}`);
const p = syntheticPanel(scale);
const build = timed(() => toDanfo(p));
const first = timed(() => ind.danfo!(build.result, p));
const valuesCompared = check(ind, ind.library(toPolars(p), p), ind.floor(p), first.result);
const timedRuns: { wall: number; cpu: number }[] = [];
for (let r = 0; r < runs; r += 1) {
  const t = timed(() => ind.danfo!(build.result, p));
  timedRuns.push({ wall: t.wall, cpu: t.cpu });
}
process.stdout.write(JSON.stringify({ build: build.wall, agreementRunWall: first.wall, runs: timedRuns, valuesCompared }) + "\n");
