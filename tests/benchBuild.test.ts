import { describe, expect, it } from "vitest";
import { partOf, type Proc } from "../bench/buildParts";

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
