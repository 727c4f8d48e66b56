/**
 * What produced this site: the git commit, the run date, Node and the
 * versions of the packages that computed and drew it (read from their
 * package.json in node_modules), the sha256 of data/manifest.json and the
 * run's parameters.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { escapeHtml } from "../../../src/lib/findings/render";
import { describeParams, type RunParameters } from "../../../src/lib/params";

/** Packages whose versions the colophon names. */
export const COLOPHON_PACKAGES = ["nodejs-polars", "tslab", "plotly.js-cartesian-dist-min", "typedoc"] as const;

export interface Colophon {
  /** Full commit hash, or null outside a git checkout. */
  commit: string | null;
  /** Whether tracked files differ from the commit. */
  dirty: boolean;
  runDate: string;
  node: string;
  /** Package → version ("not installed" when its package.json is missing). */
  versions: Record<string, string>;
  manifestSha256: string | null;
  parameters: string;
}

function git(root: string, args: string[]): string | null {
  const r = spawnSync("git", ["-C", root, ...args], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Gather the colophon of a run from the checkout at `root` and the data folder `dataDir`. */
export function gatherColophon(o: { root: string; dataDir: string; params: RunParameters; runDate?: Date }): Colophon {
  const commit = git(o.root, ["rev-parse", "HEAD"]);
  const status = commit === null ? null : git(o.root, ["status", "--porcelain", "--untracked-files=no"]);
  const versions: Record<string, string> = {};
  for (const p of COLOPHON_PACKAGES) {
    const f = join(o.root, "node_modules", p, "package.json");
    versions[p] = existsSync(f) ? String((JSON.parse(readFileSync(f, "utf8")) as { version?: string }).version ?? "unknown") : "not installed";
  }
  const manifest = join(o.dataDir, "manifest.json");
  return {
    commit,
    dirty: !!status,
    runDate: (o.runDate ?? new Date()).toISOString(),
    node: process.version,
    versions,
    manifestSha256: existsSync(manifest) ? createHash("sha256").update(readFileSync(manifest)).digest("hex") : null,
    parameters: describeParams(o.params),
  };
}

/** The colophon as a definition list. */
export function colophonHtml(c: Colophon): string {
  const rows: [string, string][] = [
    ["git commit", c.commit ? `<code>${escapeHtml(c.commit)}</code>${c.dirty ? " (with uncommitted changes)" : ""}` : "unknown (not a git checkout)"],
    ["run date", `<time datetime="${escapeHtml(c.runDate)}">${escapeHtml(c.runDate.replace("T", " ").replace(/\.\d+Z$/, " UTC"))}</time>`],
    ["Node", escapeHtml(c.node)],
    ...Object.entries(c.versions).map(([p, v]): [string, string] => [escapeHtml(p), escapeHtml(v)]),
    ["data/manifest.json sha256", c.manifestSha256 ? `<code>${c.manifestSha256}</code>` : "missing"],
    ["parameters", `<code>${escapeHtml(c.parameters)}</code>`],
  ];
  return `<dl class="colophon">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join("")}</dl>`;
}

/** One line for every page's footer. */
export function colophonLine(c: Colophon): string {
  return `Built ${escapeHtml(c.runDate.slice(0, 10))} from commit <code>${escapeHtml(c.commit?.slice(0, 10) ?? "unknown")}</code>${
    c.dirty ? " (with uncommitted changes)" : ""
  } with parameters <code>${escapeHtml(c.parameters)}</code> — <a href="index.html#colophon">colophon</a>`;
}
