/**
 * Resolved paths: the build folder, its stage and lock are compared and created at the path a symbolic link
 * leads to, never at the link itself (a stage copied from a link was a link to the previous build).
 */
import { lstatSync, readlinkSync, realpathSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";

const MAX_LINKS = 40;

/**
 * `p` with every symbolic link resolved: the real path of its nearest existing ancestor, joined with the
 * part that does not exist yet. A dangling link is followed to where its target would be.
 * @throws Error when links form a loop (more than 40 followed)
 * @example
 * resolvedPath("/tmp/link-to-data/x"); // "/work/innlandet/data/x" when /tmp/link-to-data → /work/innlandet/data
 */
export function resolvedPath(p: string): string {
  let cur = resolve(p);
  const rest: string[] = [];
  for (let links = 0; ;) {
    try {
      return join(realpathSync.native(cur), ...rest);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ELOOP") throw new Error(`${p}: symbolic links form a loop (at ${cur})`);
      if (code !== "ENOENT" && code !== "ENOTDIR") throw e;
    }
    let link: string | undefined;
    try {
      if (lstatSync(cur).isSymbolicLink()) link = readlinkSync(cur);
    } catch {
      /* cur does not exist: go up */
    }
    if (link !== undefined) {
      if (++links > MAX_LINKS) throw new Error(`${p}: symbolic links form a loop (at ${cur})`);
      cur = resolve(dirname(cur), link); // a dangling link: resolve its target instead
      continue;
    }
    const parent = dirname(cur);
    if (parent === cur) return join(cur, ...rest);
    rest.unshift(basename(cur));
    cur = parent;
  }
}

/**
 * Whether `child` is `parent` or inside it (both absolute, resolved).
 * @example
 * within("/a/b/c", "/a/b"); // true
 * within("/a/bc", "/a/b"); // false
 */
export function within(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/**
 * The nearest existing ancestor of `p` (or `p` itself), for a file system query on a path not created yet.
 * @example
 * existingAncestor("/tmp/not/yet"); // "/tmp"
 */
export function existingAncestor(p: string): string {
  let cur = resolve(p);
  for (;;) {
    try {
      lstatSync(cur);
      return cur;
    } catch {
      const parent = dirname(cur);
      if (parent === cur) return cur;
      cur = parent;
    }
  }
}
