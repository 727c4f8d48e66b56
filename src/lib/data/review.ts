/**
 * Reviewed re-hashing, like a lockfile: `npm run data:rehash -- --reason "…"` records a
 * changed checksum only with a reason, and appends one line per changed file to
 * `data/CHANGES.md` — date, file, old → new sha256 (short), the rows added, removed and
 * changed (a CSV compared with its copy in git's HEAD, by the key the manifest declares),
 * and the reason. Nothing changed: nothing is written.
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, existsSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { parse } from "csv-parse/sync";
import { UnreviewedChangeError, ValueError } from "./errors";
import { dataDir, sha256 } from "./manifest";
import { checksumPlan, writeChecksums } from "./verify";

/** The log of reviewed data changes, relative to the data folder. */
export const CHANGES_FILE = "CHANGES.md";

/** The header a new `data/CHANGES.md` starts with. */
export const CHANGES_HEADER = `# Data changes

Every change to a data file's recorded sha256 in \`data/manifest.json\`, appended by
\`npm run data:rehash -- --reason "…"\` (which refuses a changed checksum without a reason), so that a
change to the data is reviewed like a change to a lockfile: read this file's diff beside the data's.
One line per changed file: the date (UTC), the file, its old → new sha256 (first 12 hex digits), the rows
added / removed / changed compared with the copy in git's HEAD (by the file's key in the manifest; "unknown"
when there is no such copy, or HEAD's copy is not the one whose checksum was recorded), and the reason.
Lines are appended, never edited.

`;

/** One recorded change. */
export interface ChecksumChange {
  path: string;
  old?: string;
  now: string;
  /** "1 added, 0 removed, 2 changed", or "unknown (…)". */
  rows: string;
}

/** The file's bytes in git's HEAD, if the data folder is inside a git work tree that has it. */
function headCopy(dir: string, path: string): Buffer | undefined {
  const top = spawnSync("git", ["-C", dir, "rev-parse", "--show-toplevel"], { encoding: "utf8" });
  if (top.status !== 0 || !top.stdout) return undefined;
  let rel: string;
  try {
    rel = relative(realpathSync(top.stdout.trim()), realpathSync(join(dir, path)))
      .split(sep)
      .join("/");
  } catch {
    return undefined;
  }
  const show = spawnSync("git", ["-C", top.stdout.trim(), "show", `HEAD:${rel}`], { maxBuffer: 1 << 30 });
  return show.status === 0 ? show.stdout : undefined;
}

/**
 * Rows added, removed and changed between two CSV texts, matched by `key` (the columns of
 * the manifest's key) when both headers have them, else by whole lines.
 * @example
 * csvRowChanges("k,v\n1,a\n2,b\n", "k,v\n1,a\n2,c\n3,d\n", ["k"]); // "1 added, 0 removed, 1 changed"
 */
export function csvRowChanges(oldText: string, newText: string, key: readonly string[]): string {
  let before: string[][];
  let after: string[][];
  try {
    const opts = { bom: true, skip_empty_lines: true, relax_column_count: true } as const;
    before = parse(oldText, opts) as string[][];
    after = parse(newText, opts) as string[][];
  } catch {
    return "unknown (a copy is not well-formed CSV)";
  }
  const [h0 = [], ...r0] = before;
  const [h1 = [], ...r1] = after;
  const header = h0.join(",") === h1.join(",") ? "" : "; header changed";
  const keyed = key.length > 0 && key.every((k) => h0.includes(k) && h1.includes(k));
  const index = (h: string[], rows: string[][]): Map<string, string> => {
    const out = new Map<string, string>();
    rows.forEach((r, i) => {
      const cells = Object.fromEntries(h.map((c, j) => [c, r[j] ?? ""]));
      const id = keyed ? JSON.stringify(key.map((k) => cells[k])) : JSON.stringify(r);
      out.set(out.has(id) ? `${id}#${i}` : id, JSON.stringify([...new Set([...h0, ...h1])].map((c) => cells[c] ?? "")));
    });
    return out;
  };
  const a = index(h0, r0);
  const b = index(h1, r1);
  const added = [...b.keys()].filter((k) => !a.has(k)).length;
  const removed = [...a.keys()].filter((k) => !b.has(k)).length;
  const changed = [...b.keys()].filter((k) => a.has(k) && a.get(k) !== b.get(k)).length;
  return `${added} added, ${removed} removed, ${changed} changed${keyed ? "" : " (matched by whole lines: the key is not in both headers)"}${header}`;
}

function rowSummary(dir: string, change: { path: string; old?: string }, key: unknown): string {
  if (!change.path.endsWith(".csv")) return "not counted (not a CSV)";
  if (change.old === undefined) return "unknown (no previous checksum: a new entry)";
  const old = headCopy(dir, change.path);
  if (old === undefined) return "unknown (no previous copy)";
  if (sha256(old) !== change.old) return "unknown (no previous copy: HEAD's copy is not the one whose checksum was recorded)";
  const keys = Array.isArray(key) ? key.filter((k): k is string => typeof k === "string") : [];
  return csvRowChanges(old.toString("utf8"), readFileSync(join(dir, change.path), "utf8"), keys);
}

/**
 * Record changed checksums after a reviewed change: refuses (writing nothing) without a
 * one-line reason when a checksum would change; else appends one line per changed file to
 * `data/CHANGES.md` (created with its header if absent) and writes the manifest. Nothing
 * changed: writes nothing, reason or not.
 * @returns the recorded changes ([] when nothing changed)
 * @throws UnreviewedChangeError (no reason) | ValueError (a reason of several lines) | MissingFileError | ManifestError
 * @example
 * reviewedRehash("SSB revised the 2025 figures (table 07459, 2026-03-14)");
 */
export function reviewedRehash(
  reason: string | undefined,
  dir: string = dataDir(),
  today: string = new Date().toISOString().slice(0, 10),
): ChecksumChange[] {
  const plan = checksumPlan(dir);
  if (plan.changes.length === 0) return [];
  if (reason === undefined || reason.trim() === "") throw new UnreviewedChangeError(plan.changes.map((c) => c.path));
  if (/[\r\n]/.test(reason)) throw new ValueError({ file: `data/${CHANGES_FILE}` }, "a reason of one line", JSON.stringify(reason));
  const keyOf = new Map(plan.manifest.files.map((f) => [f.path, f.key]));
  const changes = plan.changes.map((c) => ({ ...c, rows: rowSummary(dir, c, keyOf.get(c.path)) }));
  const short = (s?: string): string => (s === undefined ? "(none)" : s.slice(0, 12));
  const lines = changes.map((c) => `- ${today} ${c.path}: sha256 ${short(c.old)} → ${short(c.now)}; rows: ${c.rows}; reason: ${reason.trim()}\n`);
  const log = join(dir, CHANGES_FILE);
  if (!existsSync(log)) writeFileSync(log, CHANGES_HEADER);
  const text = readFileSync(log, "utf8");
  appendFileSync(log, (text.endsWith("\n") || text === "" ? "" : "\n") + lines.join(""));
  writeChecksums(plan, dir);
  return changes;
}
