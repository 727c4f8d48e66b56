/**
 * The build folder `reproduce` replaces as a whole when a run succeeds, checked on resolved paths (a symbolic
 * link into data/ is data/), and the free space a run needs beside it.
 */
import { existsSync, lstatSync, readdirSync, realpathSync, statfsSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { CliArgumentError } from "../../src/lib/ssb/cli";
import { ROOT } from "./notebooks";
import { existingAncestor, resolvedPath, within } from "./paths";

/** A build folder reproduce must not replace; exit code 2, like a bad argument. */
export class BuildFolderError extends CliArgumentError {}

const isBuildName = (n: string): boolean => n === "build" || n.startsWith("build.") || n.startsWith("build-");

/**
 * Check the build folder and return its resolved path (where the stage, the swap and the lock go). Refused: the
 * project or a folder holding it, a folder inside the project other than `build`, `build.*`, `build-*`, the target of
 * one of the project's links (node_modules → …) or a folder holding it, the data folder the run reads or a folder
 * holding it, a file, and a non-empty folder that is not a previous build (no findings.json or parameters.json).
 * @param o.root the project (default: this checkout); o.dataDir the data folder the run reads; o.label how the
 *   folder was given (default `--out`)
 * @throws BuildFolderError (one line, exit code 2)
 * @example
 * checkBuildFolder("/tmp/link-to-data/x"); // throws: --out /tmp/link-to-data/x (resolved: <project>/data/x): it is inside the project's own 'data/'; …
 */
export function checkBuildFolder(given: string, o: { root?: string; dataDir?: string; label?: string } = {}): string {
  let build: string;
  try {
    build = resolvedPath(given);
  } catch (e) {
    throw new BuildFolderError(`${o.label ?? "--out"} ${given}: ${(e as Error).message}`);
  }
  const shown = build === resolve(given) ? given : `${given} (resolved: ${build})`;
  const refuse = (why: string): never => {
    throw new BuildFolderError(
      `${o.label ?? "--out"} ${shown}: ${why}; the build folder is replaced as a whole when a run succeeds, so give a new folder or a previous build`,
    );
  };
  const root = realpathSync(o.root ?? ROOT);
  if (within(root, build)) refuse("it is the project folder or holds it");
  if (within(build, root)) {
    const top = relative(root, build).split(sep)[0]!;
    if (!isBuildName(top)) refuse(`it is inside the project's own '${top}/'`);
  }
  const guarded: [string, string][] = [];
  for (const name of readdirSync(root)) {
    if (isBuildName(name)) continue;
    let link = false;
    try {
      link = lstatSync(join(root, name)).isSymbolicLink();
    } catch {
      /* gone meanwhile */
    }
    if (link) guarded.push([`the project's '${name}/'`, resolvedPath(join(root, name))]);
  }
  if (o.dataDir) guarded.push(["the data folder", resolvedPath(o.dataDir)]);
  for (const [what, target] of guarded) {
    const named = what === "the data folder" ? `${what} ${target}` : `${what} (a link to ${target})`;
    if (build === target) refuse(`it is ${named}`);
    if (within(build, target)) refuse(`it is inside ${named}`);
    if (within(target, build)) refuse(`it holds ${named}`);
  }
  if (existsSync(build)) {
    if (!statSync(build).isDirectory()) refuse("it is a file");
    if (readdirSync(build).length > 0 && !existsSync(join(build, "parameters.json")) && !existsSync(join(build, "findings.json")))
      refuse("it is a folder with other content (no findings.json or parameters.json of a previous build)");
  }
  return build;
}

/** Bytes a folder takes on disk (files' allocated blocks, or their size when larger); 0 when it does not exist. */
export function folderBytes(dir: string): number {
  let total = 0;
  const walk = (p: string): void => {
    let st;
    try {
      st = lstatSync(p);
    } catch {
      return;
    }
    total += Math.max(st.size, st.blocks * 512);
    if (st.isDirectory()) for (const n of readdirSync(p)) walk(join(p, n));
  };
  walk(dir);
  return total;
}

/** The space a run is assumed to need when there is no previous build to measure. */
export const DEFAULT_BUILD_BYTES = 50 * 1024 * 1024;

/** The file system of the build folder has less free space than a run needs. */
export class NotEnoughSpaceError extends Error {
  override name = "NotEnoughSpaceError";
}

const mb = (n: number): string => `${(n / (1024 * 1024)).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/**
 * Preflight: refuse a run when the file system of `build` (a resolved path) has less free space than the run needs,
 * estimated as the previous build's size (the stage beside it holds a whole new build until the swap), or 50 MB.
 * @param o.free free bytes (default: statfs of the build's nearest existing folder); o.needed bytes needed
 * @throws NotEnoughSpaceError (one line)
 * @example
 * checkFreeSpace("/tmp/build", { free: 10e6 }); // throws: … has 9.5 MB free; a run needs about 50 MB …
 */
export function checkFreeSpace(build: string, o: { free?: number; needed?: number } = {}): { free: number; needed: number } {
  const at = existingAncestor(build);
  const previous = existsSync(build) ? folderBytes(build) : 0;
  const needed = o.needed ?? (previous > 0 ? previous : DEFAULT_BUILD_BYTES);
  let free = o.free;
  if (free === undefined) {
    const s = statfsSync(at);
    free = s.bavail * s.bsize;
  }
  if (free < needed) {
    const why = previous > 0 ? `the size of the previous build in ${build}` : "no previous build to measure";
    throw new NotEnoughSpaceError(
      `not enough free space for the build: the file system of ${at} has ${mb(free)} free; a run needs about ${mb(needed)} (${why}); free some space or give another --out`,
    );
  }
  return { free, needed };
}
