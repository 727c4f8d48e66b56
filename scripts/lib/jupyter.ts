/**
 * Finding (or, on Debian as root, installing) Jupyter's headless runner, and
 * executing a notebook on the project-local tslab kernel.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

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

/** Execute a notebook; returns the runner's exit status and its stderr. */
export function runNotebook(opts: {
  python: string;
  root: string;
  input: string;
  output: string;
  /** Kernel working directory (the notebooks folder, so "./lib/index" resolves). */
  cwd: string;
  env: Record<string, string>;
}): { ok: boolean; stderr: string } {
  const r = spawnSync(opts.python, [join(opts.root, "scripts", "run_notebook.py"), opts.input, opts.output, "--kernel", "tslab", "--cwd", opts.cwd], {
    env: { ...process.env, ...opts.env },
    encoding: "utf8",
  });
  return { ok: r.status === 0, stderr: `${r.stderr ?? ""}${r.error ? String(r.error) : ""}` };
}
