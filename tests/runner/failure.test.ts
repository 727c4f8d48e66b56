/**
 * How reproduce reports a failure (scripts/lib/failure.ts): a system error such as ENOSPC or EACCES comes first, in
 * one line, however deep it sits (a cause, a kernel's traceback); and the preflight free-space check
 * (scripts/lib/buildFolder.ts) with injected figures. No disk is filled.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CliArgumentError } from "../../src/lib/ssb/cli";
import { checkFreeSpace, DEFAULT_BUILD_BYTES, NotEnoughSpaceError } from "../../scripts/lib/buildFolder";
import { failureReport, systemErrorLine } from "../../scripts/lib/failure";
import { ReproduceError } from "../../scripts/lib/pipeline";

/** An error as node:fs throws it. */
const sysError = (code: string, syscall: string, path?: string, dest?: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`${code}: synthetic, ${syscall}${path ? ` '${path}'` : ""}`), { code, errno: -1, syscall, path, dest });

/** ~340 lines of a runner's output with one line that matters in the middle. */
const buried = (line: string): string =>
  [...Array.from({ length: 170 }, (_, i) => `  | log line ${i}`), line, ...Array.from({ length: 170 }, (_, i) => `  | after ${i}`)].join("\n");

describe("systemErrorLine", () => {
  it("names the error, its code and the path, with a verb from the system call", () => {
    expect(systemErrorLine(sysError("ENOSPC", "write", "/b/findings.json"))).toBe("no space left on device (ENOSPC) writing /b/findings.json");
    expect(systemErrorLine(sysError("ENOSPC", "open", "/b/x.json"))).toBe("no space left on device (ENOSPC) writing /b/x.json");
    expect(systemErrorLine(sysError("EACCES", "mkdir", "/b/site"))).toBe("permission denied (EACCES) creating /b/site");
    expect(systemErrorLine(sysError("EACCES", "open", "/b/x"))).toBe("permission denied (EACCES) opening /b/x");
    expect(systemErrorLine(sysError("EROFS", "rename", "/b.tmp-1", "/b"))).toBe("read-only file system (EROFS) renaming /b.tmp-1 to /b");
    expect(systemErrorLine(sysError("EDQUOT", "copyfile", "/a", "/b"))).toBe("disk quota exceeded (EDQUOT) copying /a to /b");
  });

  it("without a path (a write on a file descriptor) names the build folder", () => {
    expect(systemErrorLine(sysError("ENOSPC", "write"), "/tmp/build")).toBe("no space left on device (ENOSPC) writing into /tmp/build");
    expect(systemErrorLine(sysError("ENOSPC", "write"))).toBe("no space left on device (ENOSPC) in write");
  });

  it("finds it as a cause, in an AggregateError, and in text (Node's and Python's wording)", () => {
    expect(systemErrorLine(new Error("saving the site", { cause: sysError("ENOSPC", "open", "/b/site/index.html") }))).toBe(
      "no space left on device (ENOSPC) writing /b/site/index.html",
    );
    expect(systemErrorLine(new AggregateError([new Error("x"), sysError("EACCES", "unlink", "/b/old")]))).toBe(
      "permission denied (EACCES) removing /b/old",
    );
    expect(systemErrorLine(new ReproduceError(buried("  Error: ENOSPC: no space left on device, open '/b/tables/t.csv'")))).toBe(
      "no space left on device (ENOSPC) writing /b/tables/t.csv",
    );
    expect(systemErrorLine(new ReproduceError(buried("OSError: [Errno 28] No space left on device: '/b/notebooks/03.ipynb'")))).toBe(
      "no space left on device (ENOSPC) writing /b/notebooks/03.ipynb",
    );
    expect(systemErrorLine(new ReproduceError(buried("PermissionError: [Errno 13] Permission denied: '/b/x'")))).toBe(
      "permission denied (EACCES) on /b/x",
    );
  });

  it("is undefined for other errors (ENOENT, a cell's TypeError, a plain string)", () => {
    expect(systemErrorLine(sysError("ENOENT", "open", "/x"))).toBeUndefined();
    expect(systemErrorLine(new ReproduceError("03.ipynb: cell 2 failed (f())\n  TypeError: x is not a function"))).toBeUndefined();
    expect(systemErrorLine("ENOSPC")).toBeUndefined();
  });
});

describe("failureReport", () => {
  it("a system error alone: one line, first (issue 21)", () => {
    const r = failureReport(sysError("ENOSPC", "open", "/b/findings.json"));
    expect(r).toEqual({ lines: ["reproduce: no space left on device (ENOSPC) writing /b/findings.json"], exitCode: 1 });
  });

  it("a system error buried in ~340 lines of a notebook's failure comes first; the report follows", () => {
    const text = buried("OSError: [Errno 28] No space left on device: '/b/notebooks/03.ipynb'");
    const r = failureReport(new ReproduceError(text));
    expect(r.lines[0]).toBe("reproduce: no space left on device (ENOSPC) writing /b/notebooks/03.ipynb");
    expect(r.lines.slice(1).join("\n")).toBe(`reproduce failed: ${text}`);
    expect(r.exitCode).toBe(1);
  });

  it("the API reference's failure with ENOSPC in typedoc's ~340 lines (was 'typedoc failed (exit 5)' first, ENOSPC buried)", () => {
    const typedoc = new Error(`typedoc failed (exit 5):\n${buried("Error: ENOSPC: no space left on device, write")}`);
    const r = failureReport(typedoc, { build: "/tmp/b" });
    expect(r.lines[0]).toBe("reproduce: no space left on device (ENOSPC) writing into /tmp/b");
    expect(r.lines[1]).toBe("reproduce failed: Error: typedoc failed (exit 5):");
    expect(r.exitCode).toBe(1);
  });

  it("a system error as the cause of a worded failure: first, then the failure", () => {
    const r = failureReport(new ReproduceError("data/ssb/x.csv: cannot be read", { cause: sysError("EACCES", "open", "/d/ssb/x.csv") }));
    expect(r.lines).toEqual(["reproduce: permission denied (EACCES) opening /d/ssb/x.csv", "reproduce failed: data/ssb/x.csv: cannot be read"]);
  });

  it("other failures as before: a ReproduceError's message, another error's class and message, a usage error with exit 2", () => {
    expect(failureReport(new ReproduceError("--only needs a full build"))).toEqual({
      lines: ["reproduce failed: --only needs a full build"],
      exitCode: 1,
    });
    expect(failureReport(new TypeError("x is not a function"))).toEqual({ lines: ["reproduce failed: TypeError: x is not a function"], exitCode: 1 });
    expect(failureReport(new CliArgumentError("--out /: it is the project folder or holds it"))).toEqual({
      lines: ["reproduce: --out /: it is the project folder or holds it"],
      exitCode: 2,
    });
    expect(failureReport(new NotEnoughSpaceError("not enough free space"))).toEqual({
      lines: ["reproduce failed: not enough free space"],
      exitCode: 1,
    });
    expect(failureReport("thrown string")).toEqual({ lines: ["reproduce failed: thrown string"], exitCode: 1 });
  });
});

describe("checkFreeSpace (preflight, injected free space)", () => {
  const MB = 1024 * 1024;
  it("without a previous build a run needs 50 MB", () => {
    const build = join(mkdtempSync(join(tmpdir(), "innlandet-space-")), "build");
    expect(checkFreeSpace(build, { free: 60 * MB })).toEqual({ free: 60 * MB, needed: DEFAULT_BUILD_BYTES });
    let err: unknown;
    try {
      checkFreeSpace(build, { free: 10 * MB });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(NotEnoughSpaceError);
    expect((err as Error).message).toMatch(/has 10 MB free; a run needs about 50 MB \(no previous build to measure\)/);
    expect((err as Error).message).not.toMatch(/\n/);
  });

  it("with a previous build, as much as it takes", () => {
    const build = join(mkdtempSync(join(tmpdir(), "innlandet-space-")), "build");
    mkdirSync(join(build, "site"), { recursive: true });
    writeFileSync(join(build, "site", "big.bin"), Buffer.alloc(3 * MB, 1));
    const { needed } = checkFreeSpace(build, { free: 100 * MB });
    expect(needed).toBeGreaterThanOrEqual(3 * MB);
    expect(needed).toBeLessThan(DEFAULT_BUILD_BYTES);
    expect(() => checkFreeSpace(build, { free: 2 * MB })).toThrow(
      /has 2\.0 MB free; a run needs about 3\.\d MB \(the size of the previous build in /,
    );
  });

  it("reads the free space of the build's file system (statfs) when none is given", () => {
    const build = join(mkdtempSync(join(tmpdir(), "innlandet-space-")), "not", "yet");
    const { free } = checkFreeSpace(build, { needed: 1 });
    expect(free).toBeGreaterThan(0);
  });
});
