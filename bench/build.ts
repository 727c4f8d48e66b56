/**
 * `npm run bench:build [-- --runs N]` — where the build's time goes, measured (issue 23): `npm run reproduce`
 * (into a temporary folder; build/ is left alone), chapter 3 as a module (the tests' runner) and chapter 3 on
 * tslab's executor (`npm run nb`, the kernel's semantics), N times each (default 2; 3 for the module).
 *
 * Each command's total CPU (user + system of it and everything it started, from /usr/bin/time when installed) and
 * wall time are recorded with the 1-minute load average before and after; before each, up to 45 s are given for the
 * load of the one before to fade below 2. While `reproduce` runs, /proc is read
 * every 200 ms and each process it started is charged to a part — a notebook on its kernel, a notebook run as a
 * module for the sensitivity table, the Python runners, the site — so the table says where the CPU went (a
 * process's last 200 ms and processes shorter than that are not seen: the parts add up to a little less than
 * the total). Writes bench/results/build.json and prints a Markdown summary. Linux only (/proc). Measured, never
 * asserted: on a busy machine the figures are upper bounds.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { RESULTS_DIR } from "./output";
import { buildTable, partOf, type Measured, type Proc } from "./buildParts";

const ROOT = join(__dirname, "..");
const TICK = 100; // clock ticks per second on Linux (sysconf(_SC_CLK_TCK))


function readProcs(): Map<number, Proc> {
  const out = new Map<number, Proc>();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const cmd = readFileSync(`/proc/${d}/cmdline`, "utf8").replace(/\0/g, " ").trim();
      out.set(Number(d), { ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12])) / TICK, cmd });
    } catch {
      // the process ended between the listing and the read
    }
  }
  return out;
}


/** Wait (up to 45 s) for the 1-minute load average to fall below 2: the previous command's load fades first. */
async function settle(): Promise<void> {
  for (let waited = 0; waited < 45 && loadavg()[0]! >= 2; waited += 5) await new Promise((r) => setTimeout(r, 5000));
}

/** Run a command; its wall and CPU time, and with `sample`, the CPU of each part it started. */
async function measure(label: string, cmd: string[], sample: boolean): Promise<Measured> {
  await settle();
  const timeBin = existsSync("/usr/bin/time");
  const argv = timeBin ? ["/usr/bin/time", "-f", "__time %U %S", ...cmd] : cmd;
  const load0 = loadavg()[0]!;
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(argv[0]!, argv.slice(1), { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-20_000)));
    const seen = new Map<number, { part: string; cpu: number }>();
    const timer = setInterval(() => {
      if (!sample) return;
      const procs = readProcs();
      const mine = (pid: number): boolean => {
        for (let p = pid, hops = 0; p > 1 && hops < 50; p = procs.get(p)?.ppid ?? 0, hops += 1) if (p === child.pid) return true;
        return false;
      };
      for (const [pid, p] of procs) {
        if (pid === child.pid || !mine(pid)) continue;
        // a process seen between fork and exec has its parent's command line, or none: classify it again each time
        const part = partOf(pid, procs);
        const before = seen.get(pid)?.part;
        seen.set(pid, { part: part === "other" && before ? before : part, cpu: p.cpu });
      }
    }, 200);
    child.on("exit", (code) => {
      clearInterval(timer);
      const wall = (Date.now() - t0) / 1000;
      const m = /__time ([\d.]+) ([\d.]+)/.exec(stderr);
      const parts: Record<string, number> = {};
      for (const { part, cpu } of seen.values()) parts[part] = (parts[part] ?? 0) + cpu;
      const sampled = Object.values(parts).reduce((a, b) => a + b, 0);
      resolve({
        label,
        wall,
        cpu: m ? Number(m[1]) + Number(m[2]) : sampled,
        cpuFrom: m ? "/usr/bin/time" : "/proc samples",
        load: [load0, loadavg()[0]!],
        ...(sample ? { parts } : {}),
        ok: code === 0,
      });
    });
  });
}

async function main(runs: number): Promise<void> {
  const started = new Date().toISOString();
  const out = mkdtempSync(join(tmpdir(), "innlandet-bench-build-"));
  const results: Measured[] = [];
  const show = (r: Measured): void =>
    console.log(`${r.label}: ${r.wall.toFixed(1)} s wall, ${r.cpu.toFixed(1)} s CPU, load ${r.load[0].toFixed(2)} → ${r.load[1].toFixed(2)}${r.ok ? "" : " (FAILED)"}`);
  try {
    for (let i = 1; i <= runs; i += 1) {
      const r = await measure(`reproduce, run ${i}`, ["node", "--import", "tsx", "scripts/reproduce.ts", "--out", join(out, "build")], true);
      results.push(r);
      show(r);
    }
    for (let i = 1; i <= Math.max(3, runs); i += 1) {
      const r = await measure(`chapter 3 as a module, run ${i}`, ["node", "--import", "tsx", join("bench", "chapterModule.ts"), "03-structures"], false);
      results.push(r);
      show(r);
    }
    for (let i = 1; i <= runs; i += 1) {
      const r = await measure(`chapter 3 on tslab's executor (npm run nb), run ${i}`, ["node", "--import", "tsx", "scripts/nbcheck.ts", "notebooks/03-structures.ipynb", "--quiet"], false);
      results.push(r);
      show(r);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  const report = { generated_by: "npm run bench:build (bench/build.ts)", started, finished: new Date().toISOString(), cpus: cpus().length, node: process.version, results };
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, "build.json"), JSON.stringify(report, null, 1) + "\n");
  const md = buildTable(results, report);
  writeFileSync(join(RESULTS_DIR, "build.md"), md);
  console.log(`\n${md}\nwrote bench/results/build.json and bench/results/build.md`);
}


const at = process.argv.indexOf("--runs");
const runs = at > 0 ? Number(process.argv[at + 1]) : 2;
if (!Number.isInteger(runs) || runs < 1 || runs > 10) {
  console.error(`bench:build: --runs must be an integer from 1 to 10, got ${process.argv[at + 1]}`);
  process.exit(2);
}
void main(runs);
