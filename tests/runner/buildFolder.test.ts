/**
 * The build folder reproduce may replace (scripts/lib/buildFolder.ts), judged on resolved paths: a symbolic link
 * into the project's data/ is refused like data/ itself; a link to an ordinary build folder resolves to its target.
 */
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CliArgumentError } from "../../src/lib/ssb/cli";
import { checkBuildFolder } from "../../scripts/lib/buildFolder";
import { existingAncestor, resolvedPath, within } from "../../scripts/lib/paths";

const tmp = (): string => realpathSync(mkdtempSync(join(tmpdir(), "innlandet-paths-")));

/** A synthetic project: data/, src/, a link to a folder outside it (like node_modules), and a previous build. */
function project(): { root: string; outside: string } {
  const root = join(tmp(), "project");
  for (const d of ["data", "src", "build"]) mkdirSync(join(root, d), { recursive: true });
  writeFileSync(join(root, "data", "manifest.json"), "{}");
  writeFileSync(join(root, "build", "findings.json"), "[]");
  const outside = join(tmp(), "modules");
  mkdirSync(outside);
  symlinkSync(outside, join(root, "node_modules"));
  return { root, outside };
}

const refusal = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CliArgumentError);
    expect((e as CliArgumentError).exitCode).toBe(2);
    expect((e as Error).message).not.toMatch(/\n/);
    return (e as Error).message;
  }
  return "accepted";
};

describe("resolvedPath", () => {
  it("resolves links in the existing part and keeps the part not created yet", () => {
    const d = tmp();
    mkdirSync(join(d, "real"));
    symlinkSync(join(d, "real"), join(d, "link"));
    expect(resolvedPath(join(d, "link", "x", "y"))).toBe(join(d, "real", "x", "y"));
    expect(resolvedPath(join(d, "link"))).toBe(join(d, "real"));
    expect(resolvedPath(join(d, "none", "..", "real"))).toBe(join(d, "real"));
  });

  it("follows a dangling link to its target, and names a loop", () => {
    const d = tmp();
    symlinkSync("later", join(d, "build"));
    expect(resolvedPath(join(d, "build"))).toBe(join(d, "later"));
    symlinkSync(join(d, "b"), join(d, "a"));
    symlinkSync(join(d, "a"), join(d, "b"));
    expect(() => resolvedPath(join(d, "a", "x"))).toThrow(/symbolic links form a loop/);
  });

  it("within and existingAncestor", () => {
    expect(within("/a/b/c", "/a/b")).toBe(true);
    expect(within("/a/b", "/a/b")).toBe(true);
    expect(within("/a/bc", "/a/b")).toBe(false);
    expect(within("/anything", "/")).toBe(true);
    const d = tmp();
    expect(existingAncestor(join(d, "not", "yet"))).toBe(d);
  });
});

describe("checkBuildFolder on resolved paths", () => {
  it("refuses a link into the project's data/ like data/ itself (issue 21)", () => {
    const { root } = project();
    const link = join(tmp(), "link-to-data");
    symlinkSync(join(root, "data"), link);
    expect(refusal(() => checkBuildFolder(join(root, "data", "x"), { root }))).toMatch(/inside the project's own 'data\/'/);
    const m = refusal(() => checkBuildFolder(join(link, "x"), { root }));
    expect(m).toMatch(/inside the project's own 'data\/'/);
    expect(m).toContain(`${join(link, "x")} (resolved: ${join(root, "data", "x")})`);
    // a link to the project, or to a folder holding it
    const toRoot = join(tmp(), "link-to-project");
    symlinkSync(root, toRoot);
    expect(refusal(() => checkBuildFolder(toRoot, { root }))).toMatch(/project folder or holds it/);
  });

  it("refuses the target of a project entry that is a link (node_modules → elsewhere), inside it or holding it", () => {
    const { root, outside } = project();
    expect(refusal(() => checkBuildFolder(join(outside, "x"), { root }))).toMatch(/inside the project's 'node_modules\/' \(a link to /);
    expect(refusal(() => checkBuildFolder(join(outside, ".."), { root }))).toMatch(/holds the project's 'node_modules\/'/);
  });

  it("refuses a folder holding the data folder the run reads", () => {
    const { root } = project();
    const data = join(tmp(), "d", "data");
    mkdirSync(data, { recursive: true });
    expect(refusal(() => checkBuildFolder(join(data, ".."), { root, dataDir: data }))).toMatch(/holds the data folder/);
    expect(refusal(() => checkBuildFolder(join(data, "b"), { root, dataDir: data }))).toMatch(/inside the data folder/);
  });

  it("accepts a build, a link to a build or to a new folder, and returns the resolved path", () => {
    const { root } = project();
    expect(checkBuildFolder(join(root, "build"), { root })).toBe(join(root, "build"));
    expect(checkBuildFolder(join(root, "build-ba2020"), { root })).toBe(join(root, "build-ba2020"));
    const real = join(tmp(), "realbuild");
    mkdirSync(real);
    writeFileSync(join(real, "parameters.json"), "{}");
    const link = join(tmp(), "build");
    symlinkSync(real, link);
    expect(checkBuildFolder(link, { root })).toBe(real);
    const fresh = join(tmp(), "new");
    symlinkSync(join(fresh, "..", "fresh-target"), fresh);
    expect(checkBuildFolder(fresh, { root })).toBe(join(fresh, "..", "fresh-target"));
  });

  it("still refuses a file and a folder of other content", () => {
    const { root } = project();
    const d = tmp();
    writeFileSync(join(d, "f"), "x");
    expect(refusal(() => checkBuildFolder(join(d, "f"), { root }))).toMatch(/it is a file/);
    expect(refusal(() => checkBuildFolder(d, { root }))).toMatch(/other content/);
  });
});
