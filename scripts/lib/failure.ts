/**
 * What `reproduce` prints when a run fails. A system error (disk full, permission denied, read-only file system, …)
 * comes first, in one line naming the path, even when it sits under a cell's traceback or a runner's log; the rest of
 * the report follows. No stack trace (INNLANDET_DEBUG=1 adds it).
 */
import { CliArgumentError } from "../../src/lib/ssb/cli";
import { NotEnoughSpaceError } from "./buildFolder";
import { ReproduceError } from "./pipeline";

/** The system errors reported first, by code, as the user reads them. */
export const SYSTEM_ERRORS: Record<string, string> = {
  ENOSPC: "no space left on device",
  EDQUOT: "disk quota exceeded",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  EMFILE: "too many open files",
  ENFILE: "too many open files in the system",
  EIO: "input/output error",
};
/** Linux errno numbers of the same (Python's OSError prints `[Errno 28] No space left on device: '<path>'`). */
const ERRNO: Record<string, string> = {
  "28": "ENOSPC",
  "122": "EDQUOT",
  "13": "EACCES",
  "1": "EPERM",
  "30": "EROFS",
  "24": "EMFILE",
  "23": "ENFILE",
  "5": "EIO",
};

const VERBS: [RegExp, string][] = [
  [/^(write|writev|ftruncate|fsync|fdatasync|close|appendfile|futime|utime|chmod|fchmod|chown)$/, "writing"],
  [/^(mkdir|mkdtemp|symlink|link)$/, "creating"],
  [/^(unlink|rmdir|rm)$/, "removing"],
  [/^(read|scandir|readdir|stat|lstat|fstat|access|realpath|readlink|statfs)$/, "reading"],
  [/^open$/, "opening"],
  [/^rename$/, "renaming"],
  [/^(copyfile|cp)$/, "copying"],
];

interface Found {
  code: string;
  syscall?: string;
  path?: string;
  dest?: string;
}

function describe(f: Found, where?: string): string {
  const what = `${SYSTEM_ERRORS[f.code]} (${f.code})`;
  const bySyscall = VERBS.find(([re]) => re.test(f.syscall ?? ""))?.[1];
  if (f.path && f.dest && (bySyscall === "renaming" || bySyscall === "copying")) return `${what} ${bySyscall} ${f.path} to ${f.dest}`;
  // a full disk or quota fails writes, whatever the call was (open, mkdir, …)
  const verb = f.code === "ENOSPC" || f.code === "EDQUOT" ? "writing" : bySyscall;
  if (f.path) return verb ? `${what} ${verb} ${f.path}` : `${what} on ${f.path}`;
  if (where) return verb ? `${what} ${verb} into ${where}` : `${what} while building ${where}`;
  return `${what}${f.syscall ? ` in ${f.syscall}` : ""}`;
}

/** A system error object (own `code` among SYSTEM_ERRORS), searched through `cause` and AggregateError's `errors`. */
function findObject(e: unknown, depth = 0): Found | undefined {
  if (depth > 8 || typeof e !== "object" || e === null) return undefined;
  const x = e as NodeJS.ErrnoException & { dest?: string; errors?: unknown[] };
  if (typeof x.code === "string" && x.code in SYSTEM_ERRORS)
    return {
      code: x.code,
      syscall: x.syscall,
      path: typeof x.path === "string" ? x.path : undefined,
      dest: typeof x.dest === "string" ? x.dest : undefined,
    };
  for (const inner of [x.cause, ...(Array.isArray(x.errors) ? x.errors : [])]) {
    const f = findObject(inner, depth + 1);
    if (f) return f;
  }
  return undefined;
}

const NODE_TEXT = /\b(E[A-Z]+): [a-z][^,\n]*, ([a-z]+)(?: '([^'\n]+)')?(?: -> '([^'\n]+)')?/;
const PYTHON_TEXT = /\[Errno (\d+)\] [^:\n]+(?:: '([^'\n]+)')?(?: -> '([^'\n]+)')?/;

/** The first system error worded in `text` as Node (`ENOSPC: no space left on device, open '/p'`) or Python does. */
function findInText(text: string): Found | undefined {
  for (const line of text.split("\n")) {
    const n = NODE_TEXT.exec(line);
    if (n && n[1]! in SYSTEM_ERRORS) return { code: n[1]!, syscall: n[2], path: n[3], dest: n[4] };
    const p = PYTHON_TEXT.exec(line);
    if (p && ERRNO[p[1]!]) return { code: ERRNO[p[1]!]!, path: p[2], dest: p[3] };
  }
  return undefined;
}

/**
 * The system error in a failure, as one line (`no space left on device (ENOSPC) writing <path>`), or undefined.
 * @param where the build folder, named when the error has no path (a write on an open file)
 * @example
 * systemErrorLine(Object.assign(new Error("…"), { code: "ENOSPC", syscall: "open", path: "/b/x" })); // "no space left on device (ENOSPC) writing /b/x"
 */
export function systemErrorLine(e: unknown, where?: string): string | undefined {
  const f = findObject(e) ?? (e instanceof Error ? findInText(`${e.message}\n${String((e as { stderr?: unknown }).stderr ?? "")}`) : undefined);
  return f ? describe(f, where) : undefined;
}

/**
 * reproduce's failure output and exit code: a usage error (a build folder it must not replace) in one line, exit 2;
 * a system error first, in one line (alone when it is the error itself; followed by the report when it is a cause
 * or sits in the report's text); otherwise the
 * report: a message worded for the user as it is, any other error by its class and message.
 * @example
 * failureReport(enospcError).lines; // ["reproduce: no space left on device (ENOSPC) writing /b/findings.json"]
 */
export function failureReport(e: unknown, o: { build?: string } = {}): { lines: string[]; exitCode: number } {
  if (e instanceof CliArgumentError) return { lines: [`reproduce: ${e.message}`], exitCode: 2 };
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === "string" && code in SYSTEM_ERRORS) return { lines: [`reproduce: ${systemErrorLine(e, o.build)!}`], exitCode: 1 };
  const text =
    e instanceof ReproduceError || e instanceof NotEnoughSpaceError ? e.message : e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  const sys = e instanceof Error ? systemErrorLine(e, o.build) : undefined;
  return { lines: [...(sys ? [`reproduce: ${sys}`] : []), ...`reproduce failed: ${text}`.split("\n")], exitCode: 1 };
}
