import { describe, expect, it } from "vitest";
import { moduleFailure } from "../../scripts/lib/pipeline";

describe("moduleFailure (a sensitivity module run that failed)", () => {
  it("names notebook, mapping, cell, error and the command that reruns it", () => {
    const text = moduleFailure("04-innovation", "ba2020", {
      ok: false,
      outputs: [],
      findings: [],
      stderr: "",
      seconds: 1,
      error: {
        cell: 12,
        name: "TypeError",
        message: "x is not a function",
        stack: "TypeError: x is not a function\n    at f (a.ts:1:1)\n    at g (a.ts:2:2)",
      },
    });
    expect(text.split("\n")).toEqual([
      "04-innovation.ipynb, run as a module under regions=ba2020 (for the sensitivity table): cell 12 failed: TypeError: x is not a function",
      "  | at f (a.ts:1:1)",
      "  | at g (a.ts:2:2)",
      "  (cell: 0-based index in the committed notebook; rerun it alone: npm run nb -- notebooks/04-innovation.ipynb --param regions=ba2020)",
    ]);
  });

  it("says so for an empty message, and falls back on the process's stderr when there is no error", () => {
    const empty = moduleFailure("03-structures", "report13", {
      ok: false,
      outputs: [],
      findings: [],
      stderr: "",
      seconds: 1,
      error: { cell: 2, name: "Error", message: "", stack: "" },
    });
    expect(empty.split("\n")[0]).toMatch(/cell 2 failed: Error \(empty message\)$/);
    const noOut = moduleFailure("03-structures", "ba2020", {
      ok: false,
      outputs: [],
      findings: [],
      stderr: "the module wrote no outputs (its process exited 7)",
      seconds: 1,
    });
    expect(noOut.split("\n")[0]).toMatch(/: the module wrote no outputs \(its process exited 7\)$/);
  });
});
