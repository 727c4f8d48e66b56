/**
 * The chapter notebooks a run needs (scripts/lib/notebooks.ts): a deleted one is an error naming it, for a full run
 * and for --only alike, not a silently smaller build.
 */
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chapterNotebooks, MissingNotebooksError, NOTEBOOK_ORDER, ROOT } from "../../scripts/lib/notebooks";

/** A notebooks folder holding copies of the given chapters only. */
function folderWith(names: string[]): string {
  const d = mkdtempSync(join(tmpdir(), "innlandet-chapters-"));
  for (const n of names) copyFileSync(join(ROOT, "notebooks", `${n}.ipynb`), join(d, `${n}.ipynb`));
  return d;
}

describe("chapterNotebooks", () => {
  it("lists every chapter in run order, or those --only names", () => {
    expect(chapterNotebooks()).toEqual(NOTEBOOK_ORDER);
    expect(chapterNotebooks("04")).toEqual(["04-innovation"]);
    expect(chapterNotebooks("99")).toEqual([]);
  });

  it("refuses, naming them, when chapter notebooks are missing — with --only too (issue 21)", () => {
    const dir = folderWith(NOTEBOOK_ORDER.filter((n) => n !== "04-innovation" && n !== "05-synthesis"));
    for (const only of [undefined, "03", "04"]) {
      let err: unknown;
      try {
        chapterNotebooks(only, dir);
      } catch (e) {
        err = e;
      }
      expect(err, `only=${only}`).toBeInstanceOf(MissingNotebooksError);
      const m = (err as Error).message;
      expect(m).not.toMatch(/\n/);
      expect(m).toContain("04-innovation.ipynb, 05-synthesis.ipynb");
      expect((err as MissingNotebooksError).missing).toEqual(["04-innovation", "05-synthesis"]);
    }
    expect(chapterNotebooks("04", folderWith(NOTEBOOK_ORDER))).toEqual(["04-innovation"]);
  });
});
