/**
 * What a build was made from, so that `reproduce --only` never mixes a chapter built from today's inputs with
 * chapters built from yesterday's: the data manifest (every data file's sha256, the claims and phrase rules
 * among them), the library's sources, the lockfile, the runners, and each chapter notebook. `--only` refuses
 * with one line naming what moved outside the chapters it reruns.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { NOTEBOOK_ORDER } from "./notebooks";

/** The inputs of a build, each as a sha256. */
export interface BuildFingerprint {
  /** Shared by every chapter: "data/manifest.json", "src/lib", "package-lock.json", the runners. */
  inputs: Record<string, string>;
  /** Each chapter notebook present, by name. */
  notebooks: Record<string, string>;
}

const SHARED = ["data/manifest.json", "src/lib", "package-lock.json", "scripts/run_notebook.py", "tsconfig.lib.json"];

function hashPath(root: string, rel: string): string {
  const h = createHash("sha256");
  const walk = (p: string): void => {
    if (!existsSync(p)) return void h.update(`missing ${relative(root, p)}\n`);
    if (statSync(p).isDirectory()) for (const e of readdirSync(p).sort()) walk(join(p, e));
    else h.update(`${relative(root, p)}\n`).update(readFileSync(p));
  };
  walk(join(root, rel));
  return h.digest("hex");
}

/**
 * The fingerprint of the checkout now.
 * @example
 * buildFingerprint(ROOT).inputs["data/manifest.json"]; // "3f1c…" (sha256)
 */
export function buildFingerprint(root: string): BuildFingerprint {
  const notebooks: Record<string, string> = {};
  for (const n of NOTEBOOK_ORDER) if (existsSync(join(root, "notebooks", `${n}.ipynb`))) notebooks[n] = hashPath(root, join("notebooks", `${n}.ipynb`));
  return { inputs: Object.fromEntries(SHARED.map((p) => [p, hashPath(root, p)])), notebooks };
}

/**
 * What moved between a build's fingerprint and now, outside the notebooks an `--only` run reruns.
 * @example
 * fingerprintMoves(built, now, ["04-innovation"]); // ["data/manifest.json", "notebook 06-fifteen-years-on"]
 */
export function fingerprintMoves(built: BuildFingerprint, now: BuildFingerprint, rerun: readonly string[]): string[] {
  const moved = Object.keys({ ...built.inputs, ...now.inputs }).filter((k) => built.inputs[k] !== now.inputs[k]);
  for (const n of [...new Set([...Object.keys(built.notebooks), ...Object.keys(now.notebooks)])].sort()) {
    if (rerun.includes(n)) continue;
    if (!(n in now.notebooks)) moved.push(`notebook ${n} (removed)`);
    else if (!(n in built.notebooks)) moved.push(`notebook ${n} (added)`);
    else if (built.notebooks[n] !== now.notebooks[n]) moved.push(`notebook ${n}`);
  }
  return moved;
}
