/**
 * The researcher's loop in a live tslab kernel (scripts/kernel_loop.py through jupyter_client): every chapter
 * notebook run, every code cell re-executed, then one constant changed in a finding cell and every cell re-executed again —
 * every execution `ok`, every finding emitted again, the edited finding's key numbers moved and its card saying so.
 * Needs Debian's Jupyter (python3-jupyter-client); skipped, saying so, without it.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { limit } from "../support/limits";
import { existingPython } from "../../scripts/lib/jupyter";
import { ensureLibBuilt } from "../../scripts/lib/buildLib";

const root = join(__dirname, "..", "..");
const python = existingPython();
if (!python) console.warn("tests/runner/kernelLoop.test: Jupyter not found — the live-kernel loop is skipped (see README)");

interface Report {
  ok: boolean;
  notebooks: { notebook: string; findings?: number; problems: string[]; edit?: { finding: string; moved: Record<string, [unknown, unknown]> } }[];
}

describe.skipIf(!python)("the researcher's loop in a live kernel", () => {
  it("runs every chapter, re-executes every cell, and a changed constant moves the key numbers", { timeout: limit(300_000) }, async () => {
    await ensureLibBuilt();
    const report = join(mkdtempSync(join(tmpdir(), "kernel-loop-")), "report.json");
    const code = await new Promise<number | null>((resolve) => {
      const p = spawn(python!, [join(root, "scripts", "kernel_loop.py"), root, "--report", report], { stdio: ["ignore", "ignore", "pipe"] });
      let err = "";
      p.stderr.on("data", (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
      p.on("close", (c) => {
        if (c !== 0 && c !== 1) console.error(err);
        resolve(c);
      });
    });
    const r = JSON.parse(readFileSync(report, "utf8")) as Report;
    expect(r.notebooks.flatMap((n) => n.problems)).toEqual([]);
    expect(code).toBe(0);
    expect(r.notebooks.map((n) => n.notebook)).toEqual(["03-structures", "04-innovation", "06-fifteen-years-on", "07-norway", "02-perspectives", "05-synthesis"]);
    const ch3 = r.notebooks.find((n) => n.notebook === "03-structures")!;
    expect(ch3.edit?.finding).toBe("ch3.inverse_size_job_growth.regions");
    expect(Object.keys(ch3.edit?.moved ?? {})).toContain("power");
    expect(r.notebooks.find((n) => n.notebook === "04-innovation")!.edit?.moved).toHaveProperty("threshold_pp");
    // another cell emitting an id that belongs to a cell: one line naming both cells, no stack trace
    const other = (r.notebooks.find((n) => n.notebook === "04-innovation") as { other_cell_error?: string[] }).other_cell_error ?? [];
    expect(other).toHaveLength(1);
    expect(other[0]).toMatch(/^FindingError: finding ch4\.city_regions_innovation_above_small_town is already emitted by the cell starting "\/\/ §4\.3/);
  });
});
