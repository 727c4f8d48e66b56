import { describe, expect, it } from "vitest";
import { buildTable, partOf, type Measured, type Proc } from "../bench/buildParts";

// command lines as /proc shows them during `npm run reproduce` (recorded from a run on this machine)
const procs = new Map<number, Proc>([
  [10, { ppid: 1, cpu: 9, cmd: "node --import tsx scripts/reproduce.ts --out /tmp/x" }],
  [11, { ppid: 10, cpu: 1, cmd: "/usr/bin/python3 /work/main/scripts/run_notebook.py /tmp/x.tmp-1-a/notebooks-input/03-structures.ipynb /tmp/x.tmp-1-a/notebooks/03-structures.ipynb" }],
  [12, { ppid: 11, cpu: 30, cmd: "node /work/main/jup/kernels/tslab/../../../node_modules/.bin/tslab kernel --config-path /tmp/tmph5.json" }],
  [13, { ppid: 10, cpu: 13, cmd: "/usr/bin/node --require /w/tsx/dist/preflight.cjs --import file:///w/tsx/dist/loader.mjs /work/main/notebooks/.module-07-norway-29050-s76z4v.ts" }],
  [14, { ppid: 10, cpu: 3, cmd: "/usr/bin/python3 /work/main/scripts/nbconvert_html.py" }],
  [15, { ppid: 1, cpu: 2, cmd: "node /work/main/jup/kernels/tslab/../../../node_modules/.bin/tslab kernel --config-path /tmp/orphan.json" }],
  [16, { ppid: 10, cpu: 0.5, cmd: "sh -c something" }],
]);

describe("bench:build's parts", () => {
  it("charges each process of a reproduce run to its part", () => {
    expect(partOf(10, procs)).toBe("reproduce (data checks, findings, site)");
    expect(partOf(11, procs)).toBe("Jupyter runner (run_notebook.py)");
    expect(partOf(12, procs)).toBe("kernel 03-structures");
    expect(partOf(13, procs)).toBe("module run 07-norway (sensitivity)");
    expect(partOf(14, procs)).toBe("site: nbconvert");
    expect(partOf(15, procs)).toBe("kernel ?"); // a kernel whose runner is not known
    expect(partOf(16, procs)).toBe("other");
  });
});

describe("bench:build's table", () => {
  // figures as one run recorded them (bench/results/build.json of 2026-12-07, run 1 and a module run)
  const results: Measured[] = [
    { label: "reproduce, run 1", wall: 80.7, cpu: 148.8, cpuFrom: "/usr/bin/time", load: [0.75, 4.63], parts: { "kernel 03-structures": 24.9, "site: nbconvert": 3.2 }, ok: true },
    { label: "chapter 3 as a module, run 1", wall: 5.9, cpu: 10, cpuFrom: "/usr/bin/time", load: [1.2, 1.3], ok: true },
    { label: "chapter 3 on tslab's executor (npm run nb), run 1", wall: 15.4, cpu: 23.4, cpuFrom: "/usr/bin/time", load: [1, 1], ok: false },
  ];
  const md = buildTable(results, { started: "2026-12-07T06:00:00Z", cpus: 2, node: "v20.20.2" });

  it("gives each command its target and verdict, computed from the figures", () => {
    expect(md).toContain("| reproduce, run 1 | 80.7 | 148.8 | 0.75 → 4.63 | ≤ 45 s wall and ≤ 80 s CPU: **missed** |");
    expect(md).toContain("| chapter 3 as a module, run 1 | 5.9 | 10.0 | 1.20 → 1.30 | ≤ 6 s: met |");
    expect(md).toContain("| chapter 3 on tslab's executor (npm run nb), run 1 (FAILED) | 15.4 | 23.4 | 1.00 → 1.00 | ≤ 15 s: **missed** |");
  });

  it("lists reproduce's parts, largest first, and their sum", () => {
    const rows = md.split("\n").filter((l) => /^\| (kernel|site|sum)/.test(l));
    expect(rows).toEqual(["| kernel 03-structures | 24.9 |", "| site: nbconvert | 3.2 |", "| sum of the parts | 28.1 |"]);
  });
});
