/**
 * The whole pipeline as a user runs it: `npm run reproduce` into a temporary
 * build folder. Needs Jupyter's nbclient (Debian: jupyter-nbconvert
 * python3-nbclient; .ci/run installs them); skipped, saying so, without it.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { limit } from "./support/limits";
import type { Finding } from "../src/lib/index";
import { emitted } from "./support/runs";
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
/** Every file under `dir` as "relative/path sha256", sorted. */
function fileTree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(`${relative(dir, p)} ${createHash("sha256").update(readFileSync(p)).digest("hex")}`);
    }
  };
  walk(dir);
  return out.sort();
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
  }, limit(240_000));

  it("executes every notebook on the kernel and collects exactly the findings the cells emit", () => {
    expect(run!.status, `${run!.stdout}\n${run!.stderr}`).toBe(0);
    expect(run!.stdout).toMatch(/\[\d+\/\d+\] 03-structures\.ipynb … ok/);
    const findings = JSON.parse(readFileSync(join(build, "findings.json"), "utf8")) as Finding[];
    // the kernel run and the module run (no Jupyter) of the same notebooks agree on every finding
    const strip = (f: Finding): Finding => ({ ...f, notebook: undefined, cell: undefined });
    const byModule = new Map(emitted().map((f) => [f.id, f]));
    expect(findings.map((f) => f.id).sort()).toEqual([...byModule.keys()].sort());
    for (const f of findings) expect(strip(f), f.id).toEqual(strip(byModule.get(f.id)!));
    for (const f of findings) expect(typeof f.cell === "number" && f.notebook?.endsWith(".ipynb"), f.id).toBe(true);
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
    expect(readdirSync(join(build, "tables")).filter((f) => f.endsWith(".csv")).length).toBeGreaterThan(0);
    // every verdict compared with the reviewed record (issue 21): the record is this checkout's, so nothing changed,
    // and the run, the build and the site's index say so
    const n = findings.length;
    expect(run!.stdout).toContain(`[reviewed] no change (${n} findings)`);
    expect(readFileSync(join(build, "changes-since-reviewed.md"), "utf8")).toContain(`    no change (${n} findings)`);
    expect(readFileSync(join(build, "site", "index.html"), "utf8")).toMatch(new RegExp(`id="reviewed"[^\\n]*no change \\(${n} findings\\)`));
  });

  it.skipIf(!chromium)(
    "the site renders in Chromium: every chart as SVG passing the figure rules, every finding listed, no console errors",
    { timeout: limit(180_000) },
    async () => {
      const findings = (JSON.parse(readFileSync(join(build, "findings.json"), "utf8")) as unknown[]).length;
      const reports = await checkSite(join(build, "site"), join(build, "screenshots"));
      expect(reports.map((r) => r.page)).toEqual(expect.arrayContaining(["index.html", "03-structures.html", "04-innovation.html"]));
      for (const r of reports) {
        expect(r.consoleErrors, r.page).toEqual([]);
        expect(r.renderedFigures, r.page).toBe(r.figures);
        expect(existsSync(r.screenshot)).toBe(true);
        // every figure passes the figure rules (scripts/lib/site/figureChecks.ts) at the page's width and at 390 px
        expect(r.figureChecks.length, r.page).toBe(2 * r.figures);
        for (const c of r.figureChecks) expect(c.ok, `${r.page}: ${c.name}: ${c.detail}`).toBe(true);
      }
      expect(reports.find((r) => r.page === "03-structures.html")!.figures).toBeGreaterThanOrEqual(4);
      expect(reports.find((r) => r.page === "index.html")!.findingRows).toBe(findings);
      // every page at a phone's width: no horizontal overflow, nothing sticky over the content (issue 22)
      for (const r of reports.filter((x) => !x.page.startsWith("api/")))
        for (const c of r.checks.filter((x) => /^no horizontal overflow|^sticky bars/.test(x.name))) expect(c.ok, `${r.page}: ${c.name}: ${c.detail}`).toBe(true);
      // the index's first screen, at both sizes, states the counts by the mapping it gives (reproduced + corroborated
      // hold, diverges + contradicted fail), counted here from findings.json
      const all = JSON.parse(readFileSync(join(build, "findings.json"), "utf8")) as Finding[];
      const claims = all.filter((f) => f.kind === "claim");
      const n = (...v: string[]): number => claims.filter((f) => v.includes(f.verdict)).length;
      const sentence =
        `Of the report's ${new Set(claims.map((f) => f.claim)).size} quantitative statements, tested as ${claims.length} readings, ` +
        `${n("reproduced", "corroborated")} hold, ${n("diverges", "contradicted")} fail, ${n("inconclusive")} cannot be decided and ${n("untestable")} cannot be tested on public data.`;
      const index = reports.find((r) => r.page === "index.html")!;
      expect(index.firstScreen?.desktop.headline).toBe(sentence);
      expect(index.firstScreen?.phone.headline).toBe(sentence);
      for (const c of index.checks.filter((x) => x.name.startsWith("the first screen"))) expect(c.ok, `${c.name}: ${c.detail}`).toBe(true);
    },
  );

  it("--only 04 after the full run keeps every finding and page, and refuses other parameters", { timeout: limit(120_000) }, async () => {
    const before = JSON.parse(readFileSync(join(build, "findings.json"), "utf8")) as Finding[];
    const sensitivityBefore = readFileSync(join(build, "mapping-sensitivity.md"), "utf8");
    const r = await runCmd(
      join(root, "node_modules", ".bin", "tsx"),
      [join(root, "scripts", "reproduce.ts"), "--only", "04", "--out", build],
      process.env,
    );
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    const after = JSON.parse(readFileSync(join(build, "findings.json"), "utf8")) as Finding[];
    expect(after.map((f) => f.id)).toEqual(before.map((f) => f.id));
    // chapter 4 ran again (kernel and module), and the chapters that weigh its findings (2, 5) on the kernel;
    // the sensitivity table still covers every chapter, unchanged
    expect(r.stdout).toMatch(/\[\d\/3\] 04-innovation\.ipynb … ok/);
    expect(r.stdout).toMatch(/\[\d\/3\] 05-synthesis\.ipynb … ok/);
    expect(r.stdout).not.toMatch(/03-structures\.ipynb … ok/);
    expect(readFileSync(join(build, "mapping-sensitivity.md"), "utf8")).toBe(sensitivityBefore);
    expect(readdirSync(join(build, "sensitivity", "ba2020")).sort()).toEqual([
      "03-structures.json",
      "04-innovation.json",
      "06-fifteen-years-on.json",
      "07-norway.json",
    ]);
    for (const page of ["index.html", "03-structures.html", "04-innovation.html"]) expect(existsSync(join(build, "site", page)), page).toBe(true);
    const other = await runCmd(
      join(root, "node_modules", ".bin", "tsx"),
      [join(root, "scripts", "reproduce.ts"), "--only", "04", "--param", "regions=ba2020", "--out", build],
      process.env,
    );
    expect(other.status).toBe(1);
    expect(other.stderr).toMatch(/--only .* parameters/);
    // a build whose recorded inputs differ from the checkout's (here: its data manifest) is not updated piecemeal
    const paramsFile = join(build, "parameters.json");
    const recorded = readFileSync(paramsFile, "utf8");
    const tampered = JSON.parse(recorded) as { fingerprint: { inputs: Record<string, string> } };
    tampered.fingerprint.inputs["data/manifest.json"] = "0".repeat(64);
    writeFileSync(paramsFile, JSON.stringify(tampered));
    const stale = await runCmd(join(root, "node_modules", ".bin", "tsx"), [join(root, "scripts", "reproduce.ts"), "--only", "04", "--out", build], process.env);
    writeFileSync(paramsFile, recorded);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toMatch(/--only 04: data\/manifest\.json changed since .* was built, so the other chapters would be stale/);
    // a build missing a chapter it would keep is not updated either (chapter 6's findings were dropped silently)
    const six = join(build, "findings", "06-fifteen-years-on.json");
    const sixText = readFileSync(six, "utf8");
    rmSync(six);
    const treeBefore = fileTree(build);
    const lacking = await runCmd(join(root, "node_modules", ".bin", "tsx"), [join(root, "scripts", "reproduce.ts"), "--only", "04", "--out", build], process.env);
    writeFileSync(six, sixText);
    expect(lacking.status, lacking.stderr).toBe(1);
    expect(lacking.stderr.trimEnd().split("\n")).toEqual([
      `reproduce failed: --only 04: in ${build}, findings/06-fifteen-years-on.json is missing (chapters it would keep); run npm run reproduce without --only`,
    ]);
    expect([...fileTree(build)].filter((l) => !l.startsWith("findings/06-"))).toEqual(treeBefore);
  });

  it("a failing --only through a symlinked build folder leaves the previous build byte-identical (issue 21)", { timeout: limit(30_000) }, async () => {
    const link = join(mkdtempSync(join(tmpdir(), "innlandet-link-")), "build");
    symlinkSync(build, link);
    // a Python that has nbclient (for the check) but whose notebook runner fails at once, after the stage is made
    const failing = join(mkdtempSync(join(tmpdir(), "innlandet-py-")), "python3");
    writeFileSync(failing, `#!/bin/sh\ncase "$1" in -c) exec "${python}" "$@";; esac\necho "synthetic runner failure" >&2\nexit 3\n`, {
      mode: 0o755,
    });
    const before = fileTree(build);
    const r = await runCmd(join(root, "node_modules", ".bin", "tsx"), [join(root, "scripts", "reproduce.ts"), "--only", "04", "--out", link], {
      ...process.env,
      INNLANDET_PYTHON: failing,
    });
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(1);
    expect(r.stderr).toMatch(/synthetic runner failure[\s\S]*the previous build is unchanged/);
    expect(fileTree(build)).toEqual(before);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    // no stage or old copy of this build left beside it (the folder is shared: other builds may be there)
    expect(readdirSync(dirname(build)).filter((n) => n.startsWith(`${basename(build)}.`) && /\.(tmp|old)-/.test(n))).toEqual([]);
  });
});

describe.skipIf(!python)("npm run reproduce -- --only", () => {
  it("refuses without a full build, saying so", { timeout: limit(10_000) }, async () => {
    const build = mkdtempSync(join(tmpdir(), "innlandet-build-"));
    const r = await runCmd(
      join(root, "node_modules", ".bin", "tsx"),
      [join(root, "scripts", "reproduce.ts"), "--only", "04", "--out", build],
      process.env,
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/reproduce failed: --only needs a full build/);
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
  it("fails on a throwing cell, naming notebook and cell, and still writes the notebook", { timeout: limit(20_000) }, async () => {
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
