import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LONG_FIRST } from "../support/sequencer";

describe("the test sequencer's list of long files", () => {
  it("names files that exist (a renamed file would silently lose its place at the front)", () => {
    for (const f of LONG_FIRST) expect(existsSync(join(__dirname, "..", "..", f)), f).toBe(true);
  });
});
