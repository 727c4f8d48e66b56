/**
 * Finding (or, on Debian as root, installing) Jupyter's headless runner, and
 * executing a notebook on the project-local tslab kernel.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { groupAlive } from "./atomic";
import { currentGuard, killGroups, type Guard } from "./guard";

export const DEBIAN_PACKAGES = ["jupyter-nbconvert", "python3-nbclient", "jupyter-client", "jupyter-core", "python3-nbformat"];

const HOW_TO =
  "Jupyter's nbclient is needed to run the notebooks headless.\n" +
  `  Debian/Ubuntu: sudo apt-get install -y ${DEBIAN_PACKAGES.join(" ")}\n` +
  "  elsewhere:     python3 -m pip install nbclient nbformat ipykernel\n" +
  "  then, if that Python is not /usr/bin/python3: export INNLANDET_PYTHON=/path/to/python3";

function hasNbclient(python: string): boolean {
  const r = spawnSync(python, ["-c", "import nbclient, nbformat"], { stdio: "ignore" });
  return r.status === 0;
}

/** A Python with nbclient; installs Debian's packages when running as root on Debian and none is found. */
/** A Python that already has nbclient, or undefined (installs nothing). */
export function existingPython(): string | undefined {
  return [process.env["INNLANDET_PYTHON"], "/usr/bin/python3", "python3"].find((p): p is string => !!p && hasNbclient(p));
}

export function findPython(log: (s: string) => void): string {
  const found = existingPython();
  if (found) return found;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    log(`Jupyter's nbclient not found; installing Debian packages as root: ${DEBIAN_PACKAGES.join(" ")}`);
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    const r = spawnSync("apt-get", ["install", "-y", "-qq", ...DEBIAN_PACKAGES], { stdio: "inherit", env });
    if (r.status === 0 && hasNbclient("/usr/bin/python3")) return "/usr/bin/python3";
  }
  throw new Error(HOW_TO);
}

/** Check the project-local kernel: kernelspec under jup/ and tslab in node_modules. */
export function checkKernel(root: string): { jupyterPath: string } {
  const spec = join(root, "jup", "kernels", "tslab", "kernel.json");
  if (!existsSync(spec)) throw new Error(`kernelspec missing: ${spec}`);
  const tslab = join(root, "node_modules", ".bin", "tslab");
  if (!existsSync(tslab)) throw new Error(`tslab not installed (${tslab}); run: npm ci`);
  return { jupyterPath: join(root, "jup") };
}

/** Why a notebook run failed, as run_notebook.py reports it (`--report`). */
export interface NotebookFailure {
  /**
   * error: a cell threw; async-error: an error thrown outside a cell's own execution (a timer callback, an unawaited
   * promise) was logged by tslab while this cell ran; timeout: a cell ran past cellTimeout; dead-kernel: the kernel died;
   * not-run: cells were skipped; runner: Jupyter itself failed (kernel start, unreadable notebook).
   */
  kind: "error" | "async-error" | "timeout" | "dead-kernel" | "not-run" | "runner";
  notebook: string;
  /** 0-based index of the failing cell as in the committed notebook (markdown counted, the injected parameters cell not), or null. */
  cell: number | null;
  cellId?: string | null;
  firstLine: string;
  /** The injected parameters cell's index in the executed input, when there was one. */
  injectedCell?: number | null;
  isInjectedCell?: boolean;
  ename: string;
  evalue: string;
  /** The top of the stack (up to 8 lines). */
  stack: string[];
  /** The line that threw, as tslab compiled it to JavaScript (`params.n` reads `exports.params.n`), when reported. */
  throwingLine?: string;
  timeoutSeconds?: number;
}

/**
 * The failure as one block of text (first line: `<notebook>: cell N failed (<first line>)`).
 * @example
 * formatFailure({ kind: "error", notebook: "03.ipynb", cell: 2, firstLine: "f();", ename: "Error", evalue: "", stack: [] });
 * // "03.ipynb: cell 2 failed (f();)\n  Error (empty message)"
 */
export function formatFailure(f: NotebookFailure): string {
  const where =
    f.cell === null
      ? f.kind === "async-error"
        ? "an error surfaced after the last cell"
        : "no cell was running"
      : f.isInjectedCell
        ? `the injected parameters cell (inserted after cell ${f.cell}) failed`
        : `cell ${f.cell} failed (${f.firstLine.slice(0, 80)})`;
  const out = [`${f.notebook}: ${where}`];
  if (f.cell !== null && !f.isInjectedCell) {
    const counted = f.injectedCell != null ? ", the injected parameters cell not counted" : "";
    out.push(`  cell ${f.cell}: 0-based index in the committed notebook, markdown cells counted${counted}${f.cellId ? `; id ${f.cellId}` : ""}`);
  }
  out.push(f.evalue ? `  ${f.ename}: ${f.evalue.replace(/\n/g, "\n    ")}` : `  ${f.ename} (empty message)`);
  if (f.throwingLine) out.push(`  thrown at (compiled JS): ${f.throwingLine}`);
  const frames = f.stack.filter((l) => /^\s+at /.test(l));
  for (const l of (f.kind === "error" || f.kind === "async-error") && frames.length ? frames : f.stack) out.push(`  | ${l}`);
  return out.join("\n");
}

/**
 * Execute a notebook with run_notebook.py in its own process group (the kernel gets another; both are
 * tracked by the guard, so SIGINT/SIGTERM stop them). Resolves when the runner has ended; after the
 * guard was interrupted it never resolves (the guard exits the process).
 * @example
 * const r = await runNotebook({ python, root, input, output, cwd: join(root, "notebooks"), env: { JUPYTER_PATH: jupyterPath }, cellTimeout: 600 });
 * if (!r.ok) fail(r.failure ? formatFailure(r.failure) : r.stderr);
 */
export function runNotebook(opts: {
  python: string;
  root: string;
  input: string;
  output: string;
  /** Kernel working directory (the notebooks folder, so "./lib/index" resolves). */
  cwd: string;
  env: Record<string, string>;
  /** Seconds one cell may run (run_notebook.py --timeout; default 600). */
  cellTimeout?: number;
  /** Name of the notebook in the report (default: the input's file name). */
  name?: string;
  /** Where to track the child process groups (default: the active runGuarded guard, if any). */
  guard?: Guard;
}): Promise<{ ok: boolean; stderr: string; failure?: NotebookFailure; kernelPid?: number }> {
  const t = opts.cellTimeout;
  if (t !== undefined && !(Number.isInteger(t) && t > 0)) {
    return Promise.reject(new RangeError(`cellTimeout: expected a positive whole number of seconds, found ${t}`));
  }
  const guard = opts.guard ?? currentGuard();
  const tmp = mkdtempSync(join(tmpdir(), "innlandet-nbreport-"));
  guard?.onCleanup(() => rmSync(tmp, { recursive: true, force: true })); // also when the run is stopped first
  const report = join(tmp, "report.json");
  const args = [join(opts.root, "scripts", "run_notebook.py"), opts.input, opts.output, "--kernel", "tslab", "--cwd", opts.cwd, "--report", report];
  if (opts.cellTimeout !== undefined) args.push("--timeout", String(opts.cellTimeout));
  if (opts.name !== undefined) args.push("--name", opts.name);
  return new Promise((resolvePromise) => {
    const child = spawn(opts.python, args, { env: { ...process.env, ...opts.env }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    // the runner's group, and the kernel's (jupyter_client starts it in a session of its own)
    const tracked = new Map<number, () => void>();
    const track = (pid: number) => tracked.has(pid) || tracked.set(pid, guard ? guard.track(pid) : () => undefined);
    if (child.pid !== undefined) track(child.pid);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
      for (const m of stdout.matchAll(/^kernel-pid (\d+)$/gm)) track(Number(m[1]));
    });
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    let spawnError = "";
    child.on("error", (e) => (spawnError = String(e)));
    child.on("close", (code, signal) => {
      let failure: NotebookFailure | undefined;
      try {
        const j = JSON.parse(readFileSync(report, "utf8")) as { ok: boolean } & NotebookFailure;
        if (!j.ok) failure = j;
      } catch {
        /* no report: the runner did not get that far */
      }
      rmSync(tmp, { recursive: true, force: true });
      if (guard?.interrupted) return; // the guard is stopping everything and will exit
      // a runner that died without stopping its kernel must not leave it behind
      void killGroups([...tracked.keys()].filter(groupAlive), 1000).then(() => {
        tracked.forEach((untrack) => untrack());
        const ok = code === 0 && !failure;
        const detail = `${stderr}${spawnError}${signal ? `\n(run_notebook.py ended by ${signal})` : ""}`;
        const kernelPid = [...tracked.keys()].find((p) => p !== child.pid);
        resolvePromise({ ok, stderr: detail, ...(failure ? { failure } : {}), ...(kernelPid ? { kernelPid } : {}) });
      });
    });
  });
}
