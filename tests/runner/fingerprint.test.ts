/** What a build was made from, and what --only refuses when it moved (issue 21). */
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { buildFingerprint, fingerprintMoves, type BuildFingerprint } from "../../scripts/lib/fingerprint";

const fp = (inputs: Record<string, string>, notebooks: Record<string, string>): BuildFingerprint => ({ inputs, notebooks });

describe("build fingerprints", () => {
  it("hash the shared inputs and every chapter notebook of the checkout, the same twice", () => {
    const root = join(__dirname, "..", "..");
    const a = buildFingerprint(root);
    expect(Object.keys(a.inputs)).toEqual(["data/manifest.json", "src/lib", "package-lock.json", "scripts/run_notebook.py", "tsconfig.lib.json"]);
    expect(Object.keys(a.notebooks)).toContain("04-innovation");
    for (const h of [...Object.values(a.inputs), ...Object.values(a.notebooks)]) expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(buildFingerprint(root)).toEqual(a);
  });

  it("name what moved outside the rerun notebooks: a shared input, another notebook, one added or removed", () => {
    const built = fp({ "data/manifest.json": "a", "src/lib": "b" }, { "03": "x", "04": "y", "06": "z" });
    expect(fingerprintMoves(built, built, ["04"])).toEqual([]);
    expect(fingerprintMoves(built, fp({ "data/manifest.json": "a", "src/lib": "b" }, { "03": "x", "04": "CHANGED", "06": "z" }), ["04"])).toEqual([]);
    expect(fingerprintMoves(built, fp({ "data/manifest.json": "NEW", "src/lib": "b" }, { "03": "x", "04": "y", "07": "w" }), ["04"])).toEqual([
      "data/manifest.json",
      "notebook 06 (removed)",
      "notebook 07 (added)",
    ]);
    expect(fingerprintMoves(built, fp({ "data/manifest.json": "a", "src/lib": "b" }, { "03": "OTHER", "04": "y", "06": "z" }), ["04"])).toEqual(["notebook 03"]);
  });
});
