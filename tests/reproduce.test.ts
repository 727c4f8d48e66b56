/**
 * The whole pipeline as a user runs it: `npm run reproduce` into a temporary
 * build folder. Needs Jupyter's nbclient (Debian: jupyter-nbconvert
 * python3-nbclient; .ci/run installs them); skipped, saying so, without it.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluateAll, FindingContext, type Finding } from "../src/lib/index";
import { checkSite, CHROMIUM } from "../scripts/lib/browser";
import { existingPython } from "../scripts/lib/jupyter";

const root = join(__dirname, "..");

/** Run a command without blocking the test worker (a blocked worker misses vitest's RPC deadlines). */
function runCmd(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(cmd, args, { cwd: root, env });
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    p.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    p.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}
const python = existingPython();
if (!python) console.warn("reproduce.test: Jupyter's nbclient not found — notebook execution skipped (see README)");

const chromium = existsSync(CHROMIUM);
if (!chromium) console.warn("reproduce.test: Debian's chromium not found — browser test of the site skipped (.ci/run installs it)");

describe.skipIf(!python)("npm run reproduce", () => {
  let build = "";
  let run: { status: number | null; stdout: string; stderr: string } | null = null;
  beforeAll(async () => {
    build = mkdtempSync(join(tmpdir(), "innlandet-build-"));
    run = await runCmd(join(root, "node_modules", ".bin", "tsx"), [join(root, "scripts", "reproduce.ts")], {
      ...process.env,
      INNLANDET_BUILD_DIR: build,
      ...(python ? { INNLANDET_PYTHON: python } : {}),
    });
  }, 600_000);

  it("executes every notebook and writes findings equal to the registry's", () => {
    expect(run!.status, `${run!.stdout}\n${run!.stderr}`).toBe(0);
    expect(run!.stdout).toMatch(/\[\d+\/\d+\] 03-structures\.ipynb … ok/);
    const findings = JSON.parse(readFileSync(join(build, "findings.json"), "utf8")) as Finding[];
    expect(findings).toEqual(evaluateAll());
    for (const f of [
      "findings.md",
      "mapping-sensitivity.md",
      "parameters.json",
      "site/index.html",
      "site/03-structures.html",
      "site/assets/plotly-cartesian.min.js",
    ]) {
      expect(existsSync(join(build, f)), f).toBe(true);
    }
    expect(readdirSync(join(build, "tables")).filter((f) => f.endsWith(".parquet")).length).toBeGreaterThan(5);
  });

  it.skipIf(!chromium)(
    "the site renders in Chromium: every chart as SVG, every finding listed, no console errors",
    { timeout: 180_000 },
    async () => {
      const findings = (JSON.parse(readFileSync(join(build, "findings.json"), "utf8")) as unknown[]).length;
      const reports = await checkSite(join(build, "site"), join(build, "screenshots"));
      expect(reports.map((r) => r.page)).toEqual(expect.arrayContaining(["index.html", "03-structures.html", "04-innovation.html"]));
      for (const r of reports) {
        expect(r.consoleErrors, r.page).toEqual([]);
        expect(r.renderedFigures, r.page).toBe(r.figures);
        expect(existsSync(r.screenshot)).toBe(true);
      }
      expect(reports.find((r) => r.page === "03-structures.html")!.figures).toBeGreaterThanOrEqual(4);
      expect(reports.find((r) => r.page === "index.html")!.findingRows).toBe(findings);
    },
  );
});

describe.skipIf(!python)("npm run reproduce -- --param regions=ba2020", () => {
  it("changes the chapter-3 population findings and says which parameters produced them", { timeout: 300_000 }, async () => {
    const build = mkdtempSync(join(tmpdir(), "innlandet-build-"));
    const r = await runCmd(
      join(root, "node_modules", ".bin", "tsx"),
      [join(root, "scripts", "reproduce.ts"), "--only", "03", "--param", "regions=ba2020"],
      {
        ...process.env,
        INNLANDET_BUILD_DIR: build,
        ...(python ? { INNLANDET_PYTHON: python } : {}),
      },
    );
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(r.stdout).toContain("[parameters] regions=ba2020, period=both");
    const findings = JSON.parse(readFileSync(join(build, "findings.json"), "utf8")) as Finding[];
    const expected = evaluateAll(new FindingContext({ params: { regions: "ba2020" } })).filter((f) => findings.some((g) => g.id === f.id));
    expect(findings).toEqual(expected);
    const krd = findings.find((f) => f.id === "ch3.krd_check.population_2009.smaa_og_mellomstore_byregionar_innanfor_DPV")!;
    expect(krd).toMatchObject({ computed: 41693, verdict: "contradicted" });
    expect(krd.note).toContain("run parameters: regions=ba2020");
    expect(readFileSync(join(build, "site", "index.html"), "utf8")).toContain("regions=ba2020, period=both");
    const nb = JSON.parse(readFileSync(join(build, "notebooks", "03-structures.ipynb"), "utf8")) as {
      metadata: { innlandet: { parameters: unknown } };
      cells: { metadata: { tags?: string[] } }[];
    };
    expect(nb.metadata.innlandet.parameters).toEqual({ regions: "ba2020", period: "both" });
    expect(nb.cells.some((c) => (c.metadata.tags ?? []).includes("injected-parameters"))).toBe(true);
  });
});

describe("reproduce refuses changed data", () => {
  it("fails with a checksum error naming the file before running any notebook", async () => {
    const data = mkdtempSync(join(tmpdir(), "innlandet-data-"));
    cpSync(join(root, "data"), data, { recursive: true });
    const file = join(data, "report", "claims.csv");
    writeFileSync(file, readFileSync(file, "utf8").replace("82", "83"));
    const r = await runCmd(join(root, "node_modules", ".bin", "tsx"), [join(root, "scripts", "reproduce.ts")], {
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
    const r = await runCmd(python!, [join(root, "scripts", "run_notebook.py"), join(dir, "broken.ipynb"), join(dir, "out", "broken.ipynb")], {
      ...process.env,
      JUPYTER_PATH: join(root, "jup"),
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/broken\.ipynb: cell 1 failed \(throw new Error/);
    expect(existsSync(join(dir, "out", "broken.ipynb"))).toBe(true);
  });
});
