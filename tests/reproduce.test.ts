/**
 * The whole pipeline as a user runs it: `npm run reproduce` into a temporary
 * build folder. Needs Jupyter's nbclient (Debian: jupyter-nbconvert
 * python3-nbclient; .ci/run installs them); skipped, saying so, without it.
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateAll, type Finding } from "../src/lib/index";

const root = join(__dirname, "..");

/** Run a command without blocking the test worker (a blocked worker misses vitest's RPC deadlines). */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(cmd, args, { cwd: root, env });
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    p.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    p.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}
const python = [process.env["INNLANDET_PYTHON"], "/usr/bin/python3", "python3"].find(
  (p) => !!p && spawnSync(p, ["-c", "import nbclient, nbformat"], { stdio: "ignore" }).status === 0,
);
if (!python) console.warn("reproduce.test: Jupyter's nbclient not found — notebook execution skipped (see README)");

describe.skipIf(!python)("npm run reproduce", () => {
  it("executes every notebook and writes findings equal to the registry's", { timeout: 300_000 }, async () => {
    const build = mkdtempSync(join(tmpdir(), "innlandet-build-"));
    const r = await run(join(root, "node_modules", ".bin", "tsx"), [join(root, "scripts", "reproduce.ts")], {
      ...process.env,
      INNLANDET_BUILD_DIR: build,
      ...(python ? { INNLANDET_PYTHON: python } : {}),
    });
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(r.stdout).toMatch(/\[1\/\d+\] 03-structures\.ipynb … ok/);
    const findings = JSON.parse(readFileSync(join(build, "findings.json"), "utf8")) as Finding[];
    expect(findings).toEqual(evaluateAll());
    expect(existsSync(join(build, "findings.md"))).toBe(true);
    expect(existsSync(join(build, "notebooks", "03-structures.ipynb"))).toBe(true);
  });
});

describe("reproduce refuses changed data", () => {
  it("fails with a checksum error naming the file before running any notebook", async () => {
    const data = mkdtempSync(join(tmpdir(), "innlandet-data-"));
    cpSync(join(root, "data"), data, { recursive: true });
    const file = join(data, "report", "claims.csv");
    writeFileSync(file, readFileSync(file, "utf8").replace("82", "83"));
    const r = await run(join(root, "node_modules", ".bin", "tsx"), [join(root, "scripts", "reproduce.ts")], {
      ...process.env,
      INNLANDET_DATA_DIR: data,
      INNLANDET_BUILD_DIR: mkdtempSync(join(tmpdir(), "innlandet-build-")),
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/reproduce failed: data\/report\/claims\.csv: expected sha256/);
    expect(r.stdout).not.toMatch(/ipynb/);
  });
});

describe.skipIf(!python)("the notebook runner", () => {
  it("fails on a throwing cell, naming notebook and cell, and still writes the notebook", { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "innlandet-nb-"));
    const nb = {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } },
      cells: [
        { cell_type: "code", id: "a", metadata: {}, execution_count: null, outputs: [], source: "const x: number = 1;" },
        { cell_type: "code", id: "b", metadata: {}, execution_count: null, outputs: [], source: 'throw new Error("synthetic failure");' },
        { cell_type: "code", id: "c", metadata: {}, execution_count: null, outputs: [], source: "const y = 2;" },
      ],
    };
    writeFileSync(join(dir, "broken.ipynb"), JSON.stringify(nb));
    const r = await run(python!, [join(root, "scripts", "run_notebook.py"), join(dir, "broken.ipynb"), join(dir, "out", "broken.ipynb")], {
      ...process.env,
      JUPYTER_PATH: join(root, "jup"),
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/broken\.ipynb: cell 1 failed \(throw new Error/);
    expect(existsSync(join(dir, "out", "broken.ipynb"))).toBe(true);
  });
});
