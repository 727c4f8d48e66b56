/**
 * Run a notebook without Jupyter: its code cells, in order, as one TypeScript module under tsx,
 * with `tslab` replaced by a recording shim (src/lib/notebook/shim.ts). Used by the tests (every
 * finding cell against the golden file), the parameter runs and the mapping-sensitivity table.
 *
 * Conventions this needs (checked here): imports are one line each (they are hoisted to the top);
 * top-level names are unique within a notebook (cells share one scope, as in the kernel).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import type { RunParameters } from "../../src/lib/params";
import type { RecordedOutput } from "../../src/lib/notebook/shim";
import { FINDING_MIME } from "../../src/lib/notebook/session";
import type { Finding } from "../../src/lib/findings/types";
import { ensureLibBuilt } from "./buildLib";
import { currentGuard } from "./guard";
import { spawnTracked } from "./spawnTracked";

interface Cell {
  cell_type: string;
  source: string | string[];
  metadata?: { tags?: string[] };
}

export interface ModuleRun {
  ok: boolean;
  outputs: RecordedOutput[];
  /** Findings emitted, with notebook and cell. */
  findings: Finding[];
  error?: { cell: number; name: string; message: string; stack: string };
  stderr: string;
  seconds: number;
}

const text = (s: string | string[]): string => (Array.isArray(s) ? s.join("") : s);

/** The module's source for a notebook (exported for tests). */
export function moduleSource(nb: { cells: Cell[] }, params?: Partial<RunParameters>): string {
  const imports = new Set<string>();
  const body: string[] = [];
  let number = 0;
  nb.cells.forEach((c, i) => {
    if (c.cell_type !== "code") return;
    number += 1;
    const lines = text(c.source).split("\n");
    const code: string[] = [];
    for (const line of lines) {
      if (/^import\s/.test(line)) {
        if (!/;\s*$/.test(line) && !/from\s+"[^"]+"\s*$/.test(line)) throw new Error(`cell ${i}: imports must be one line each: ${line}`);
        imports.add(line.replace(/from\s+"tslab"/, 'from "./lib/notebook/shim"'));
      } else code.push(line);
    }
    body.push(`__shim.__cell(${i}, ${number});`, ...code);
    if (params && (c.metadata?.tags ?? []).includes("parameters")) {
      body.push(...Object.entries(params).map(([k, v]) => `params.${k} = ${JSON.stringify(v)};`));
    }
  });
  return [
    'import * as __shim from "./lib/notebook/shim";',
    ...imports,
    "(async () => {",
    ...body,
    "})().then(() => __shim.__finish(), (e) => __shim.__fail(e));",
    "",
  ].join("\n");
}

/**
 * Run one notebook as a module.
 * @param notebook path to the .ipynb (its folder must hold the `lib` symlink)
 * @param opts params: run parameters; env: extra environment (e.g. INNLANDET_FINDINGS_DIR)
 */
export async function runAsModule(
  notebook: string,
  opts: { params?: Partial<RunParameters>; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<ModuleRun> {
  const t0 = Date.now();
  const nbPath = resolve(notebook);
  const nb = JSON.parse(readFileSync(nbPath, "utf8")) as { cells: Cell[] };
  const dir = dirname(nbPath);
  const name = basename(nbPath, ".ipynb");
  const src = join(dir, `.module-${name}-${process.pid}-${Math.random().toString(36).slice(2, 8)}.ts`);
  const tmp = mkdtempSync(join(tmpdir(), "nbmodule-"));
  const out = join(tmp, "out.json");
  writeFileSync(src, moduleSource(nb, opts.params));
  const root = resolve(__dirname, "..", "..");
  try {
    // inside a guarded run (reproduce) the module gets a process group of its own, tracked by the guard,
    // so an interrupted or failed run stops it too; elsewhere it stays in ours (Ctrl-C reaches it)
    currentGuard()?.onCleanup(() => {
      rmSync(src, { force: true });
      rmSync(tmp, { recursive: true, force: true });
    });
    const run = await spawnTracked(join(root, "node_modules", ".bin", "tsx"), [src], {
      cwd: dir,
      env: { ...process.env, ...opts.env, INNLANDET_MODULE_OUT: out },
      // a hang guard, not a speed check: a chapter that takes 25 s idle took over 2 min at a load of 16 on 2 cores
      timeoutMs: opts.timeoutMs ?? 1_200_000,
    });
    if (run.error) throw run.error;
    const stderr = run.stderr;
    const exit = run.status === 0 ? "" : run.signal ? `ended by ${run.signal}` : `exited ${run.status}`;
    let result: { ok: boolean; outputs: RecordedOutput[]; error?: ModuleRun["error"] };
    try {
      result = JSON.parse(readFileSync(out, "utf8")) as typeof result;
    } catch {
      const why = `the module wrote no outputs${exit ? ` (its process ${exit})` : ""}`;
      return { ok: false, outputs: [], findings: [], stderr: stderr ? `${stderr.trim()}\n(${why})` : why, seconds: (Date.now() - t0) / 1000 };
    }
    const findings = result.outputs
      .filter((o) => o.mime === FINDING_MIME)
      .map((o) => ({ ...(JSON.parse(o.data) as Finding), notebook: `${name}.ipynb`, cell: o.cell }));
    // a process that failed after writing a successful result (e.g. process.exit(1) in a timer) fails the run too
    const ok = result.ok && exit === "";
    const extra = result.ok && exit ? `${stderr}${stderr ? "\n" : ""}(the module's process ${exit} after its last cell)` : stderr;
    return { ok, outputs: result.outputs, findings, error: result.error, stderr: extra, seconds: (Date.now() - t0) / 1000 };
  } finally {
    rmSync(src, { force: true });
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Type-check notebooks as modules, as the tslab kernel does before running a cell (non-strict,
 * CommonJS), without Jupyter: one `tsc --noEmit` over the generated modules. Resolves with tsc's
 * messages, each naming the notebook and the cell (empty when all pass).
 */
export async function typecheckNotebooks(notebooks: string[]): Promise<string[]> {
  await ensureLibBuilt();
  const root = resolve(__dirname, "..", "..");
  const files: { file: string; nb: string; lines: number[] }[] = [];
  for (const n of notebooks) {
    const nbPath = resolve(n);
    const nb = JSON.parse(readFileSync(nbPath, "utf8")) as { cells: Cell[] };
    const src = moduleSource(nb);
    const file = join(dirname(nbPath), `.module-tc-${basename(nbPath, ".ipynb")}-${process.pid}.ts`);
    writeFileSync(file, src);
    // the cell each line of the module belongs to (from the __shim.__cell(i) markers)
    let cell = -1;
    const lines = src.split("\n").map((l) => {
      const m = /^__shim\.__cell\((\d+), \d+\);$/.exec(l);
      if (m) cell = Number(m[1]);
      return cell;
    });
    files.push({ file, nb: basename(nbPath), lines });
  }
  const args = [
    "--noEmit",
    "--pretty",
    "false",
    "--target",
    "ES2022",
    "--module",
    "commonjs",
    "--moduleResolution",
    "node",
    "--esModuleInterop",
    "--skipLibCheck",
    "--types",
    "node",
    ...files.map((f) => f.file),
  ];
  try {
    const out = await new Promise<string>((res, rej) => {
      const p = spawn(join(root, "node_modules", ".bin", "tsc"), args, { cwd: root });
      let text = "";
      p.stdout.on("data", (d: Buffer) => (text += d.toString()));
      p.stderr.on("data", (d: Buffer) => (text += d.toString()));
      p.on("error", rej);
      p.on("close", () => res(text));
    });
    return out
      .split("\n")
      .filter((l) => l.trim().length > 0)
      .map((l) => {
        const m = /^(.*?)\((\d+),(\d+)\): (.*)$/.exec(l);
        const f = m ? files.find((x) => resolve(root, m[1]!) === x.file) : undefined;
        return f && m ? `${f.nb} cell ${f.lines[Number(m[2]) - 1]}: ${m[4]}` : l;
      });
  } finally {
    for (const f of files) rmSync(f.file, { force: true });
  }
}
