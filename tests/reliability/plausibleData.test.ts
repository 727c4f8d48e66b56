/**
 * Plausible wrong data that passes every contract (issue 21, cases 4a, 4b, 4i, 4j, 4k and 7b of
 * tests/reliability/CASES.md). No load check can tell such an edit from a correction, so what protects the verdicts
 * is review: `data:rehash` refuses the changed checksums without a reason and logs each file in data/CHANGES.md, and
 * reproduce's comparison with the reviewed record (build/changes-since-reviewed.md, the index line) names every
 * verdict that flipped. One copy of data/ with three edits; chapter 4 is run on it as a module (≈ 15 s idle) and its
 * findings are compared with the reviewed record as `reproduce` compares them.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureLibBuilt } from "../../scripts/lib/buildLib";
import { runAsModule } from "../../scripts/lib/nbmodule";
import { ROOT } from "../../scripts/lib/notebooks";
import { reviewedChanges, reviewedMarkdown } from "../../scripts/lib/reviewed";
import { BalanceError, ChecksumError, DisagreementError, UnreviewedChangeError, dataDir, loadTable, reviewedRehash, verifyAll } from "../../src/lib/index";
import type { Finding } from "../../src/lib/findings/types";
import { DEFAULT_PARAMS } from "../../src/lib/params";
import { all, badCopy, bump, failure, line, setField } from "../support/badCopy";
import type { GoldenRow } from "../support/golden";
import { limit } from "../support/limits";

const P9226 = "ssb/population_municipality_1992_2026.csv";
const MAPPINGS = "regions/mappings.csv";
const INNOVATION = "ssb/innovation_2006_county_economic_region.csv";


/** Swap every published percentage (fields 4–13; not the firm counts) of two economic regions. */
const swapRates =
  (a: string, b: string) =>
  (text: string): string => {
    const lines = text.split("\n");
    const [i, j] = [a, b].map((c) => lines.findIndex((l) => l.startsWith(`${c},`)));
    if (i! < 0 || j! < 0) throw new Error(`test setup: no row ${a} or ${b}`);
    const [x, y] = [lines[i!]!.split(","), lines[j!]!.split(",")];
    lines[i!] = [...x.slice(0, 4), ...y.slice(4)].join(",");
    lines[j!] = [...y.slice(0, 4), ...x.slice(4)].join(",");
    return lines.join("\n");
  };

// Lillehammer (0591) prints 20,14,6,12,6: product or process 20 = product 14 + process 12 − both 6
const lillehammer17 = line("0591,", all(setField(4, "17"), setField(7, "9"))); // 17 = 14 + 9 − 6: still balanced
const EDITS: Record<string, (t: string) => string> = {
  // (4a) 800 persons moved from Lillehammer to Gjøvik on 1 Jan 2015, in both population files' only year-2015 file
  // (the 1992–2026 one); the county sum is kept and SSB's components do not cover 2015
  [P9226]: all(bump("0501", 2015, -800), bump("0502", 2015, +800)),
  // (4b) Løten mapped into Elverum instead of Hamar under report13: both city regions of the same KRD type
  [MAPPINGS]: line("report13,0415,", (l) => l.replace(",Hamar,Hamar,city,", ",Elverum,Elverum,city,")),
  // (4i) Kongsvinger's and Tynset's innovation rates swapped; (7b) Lillehammer's rate 20 → 17
  [INNOVATION]: all(swapRates("0491", "0494"), lillehammer17),
};
const REASON = "test: three plausible edits (issue 21)";

let dir = "";
beforeAll(async () => {
  dir = join(mkdtempSync(join(tmpdir(), "innlandet-plausible-")), "data");
  cpSync(dataDir(), dir, { recursive: true });
  for (const [path, edit] of Object.entries(EDITS)) writeFileSync(join(dir, path), edit(readFileSync(join(dir, path), "utf8")));
  await ensureLibBuilt();
}, limit(60_000));

describe("plausible wrong data: reviewed like a lockfile (issue 21)", () => {
  it("(4j) the checksums catch the edits; data:rehash refuses without a reason, writing nothing; with one it logs each file; then the national series catches the 2015 move", () => {
    expect(() => verifyAll(dir)).toThrow(ChecksumError);
    const manifest = readFileSync(join(dir, "manifest.json"), "utf8");
    const log = readFileSync(join(dir, "CHANGES.md"), "utf8");
    let err: unknown;
    try {
      reviewedRehash(undefined, dir);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UnreviewedChangeError);
    expect([...(err as UnreviewedChangeError).files].sort()).toEqual([INNOVATION, MAPPINGS, P9226].sort());
    expect(readFileSync(join(dir, "manifest.json"), "utf8")).toBe(manifest);
    expect(readFileSync(join(dir, "CHANGES.md"), "utf8")).toBe(log);

    expect(
      reviewedRehash(REASON, dir, "2026-01-02")
        .map((c) => c.path)
        .sort(),
    ).toEqual([INNOVATION, MAPPINGS, P9226].sort());
    const added = readFileSync(join(dir, "CHANGES.md"), "utf8").slice(log.length).trim().split("\n");
    expect(added).toHaveLength(3);
    for (const path of [INNOVATION, MAPPINGS, P9226]) {
      const entry = added.find((l) => l.startsWith(`- 2026-01-02 ${path}: `));
      expect(entry, path).toMatch(/: sha256 [0-9a-f]{12} → [0-9a-f]{12}; rows: [^;]+; reason: test: three plausible edits \(issue 21\)$/);
    }
    // what review is for: the mapping and innovation edits pass every contract; the 2015 move (4a), which passed every
    // contract before the national series came in (issue 24), now disagrees with it: Lillehammer is 3405 on 2024 codes
    const e = failure(() => verifyAll(dir));
    expect(e).toBeInstanceOf(DisagreementError);
    expect(e.message).toMatch(/key municipality_code_2024=3405, year=2015, .*\(difference \+800\)$/);
  });

  it("(7b) Lillehammer's rate 20 → 17 alone (its parts unchanged) is refused at load, in one line", () => {
    const e = failure(() => loadTable(INNOVATION, badCopy({ [INNOVATION]: line("0591,", setField(4, "17")) })));
    expect(e).toBeInstanceOf(BalanceError);
    expect(e.message).not.toMatch(/\n/);
    expect(e.message).toMatch(/^data\/ssb\/innovation_2006_county_economic_region\.csv, row 12, .*column 'pct_product_or_process'/);
  });
});

describe("plausible wrong data: every verdict that flips is named (issue 21)", () => {
  it(
    "(4i, 4k, 7b) chapter 4 on the edited data runs to the end; the comparison with the reviewed record names each changed finding and each flipped verdict, Hedmark's small towns among the changes",
    { timeout: limit(60_000) },
    async () => {
      reviewedRehash(REASON, dir, "2026-01-02"); // a no-op when the test above has run
      const r = await runAsModule(join(ROOT, "notebooks", "04-innovation.ipynb"), {
        env: { INNLANDET_DATA_DIR: dir, INNLANDET_FINDINGS_DIR: mkdtempSync(join(tmpdir(), "innlandet-plausible-findings-")) },
        timeoutMs: limit(60_000),
      });
      expect(r.ok, `${r.error?.name}: ${r.error?.message}\n${r.stderr}`).toBe(true); // (7b) no crash in the bounds

      const golden = (JSON.parse(readFileSync(join(ROOT, "tests", "golden", "findings.json"), "utf8")) as { default: GoldenRow[] }).default;
      const before = new Map(golden.map((g) => [g.id, g]));
      expect(r.findings.map((f) => f.id).sort()).toEqual(
        golden
          .filter((g) => g.notebook === "04-innovation.ipynb")
          .map((g) => g.id)
          .sort(),
      );

      // Hand-computed: Hedmark's small-town region Tynset now prints 15 % (88 firms); its city regions Kongsvinger
      // 21 % (243), Hamar 20 % (463), Elverum 25 % (172): (243·21 + 463·20 + 172·25) / 878 = 21.26 %. Even at the
      // ends of the whole percents (Tynset ≤ 15.5, the cities ≥ 20.76) the small towns are below: computed false (was true).
      // The gap 6.26 points is inside its sampling error, 1.96·√(.212642·.787358/878 + .15·.85/88) = 7.94 (phrase rule
      // sampling_error), so the verdict stays inconclusive: the change shows in the computed value, and is named.
      const hedmark = r.findings.find((f) => f.id === "ch4.hedmark_small_towns_above_cities")!;
      expect([before.get(hedmark.id)!.computed, before.get(hedmark.id)!.verdict]).toEqual([true, "inconclusive"]);
      expect([hedmark.computed, hedmark.verdict]).toEqual([false, "inconclusive"]);
      expect(hedmark.numbers?.["sampling_halfwidth_pp"]).toBeCloseTo(7.936, 2);

      // the build's findings as reproduce would collect them: chapter 4 from this run, the others as reviewed
      const after = [...(golden.filter((g) => g.notebook !== "04-innovation.ipynb") as unknown as Finding[]), ...r.findings];
      const c = reviewedChanges(ROOT, after, DEFAULT_PARAMS);
      expect(c.skipped).toBeUndefined();
      expect(c.lines.find((l) => l.startsWith(`CHANGED  ${hedmark.id}: `))).toContain("computed holds → does not hold");
      const flipped = r.findings.filter((f) => before.get(f.id)!.verdict !== f.verdict);
      for (const f of flipped) {
        const named = c.lines.find((l) => l.startsWith(`CHANGED  ${f.id}: `));
        expect(named, f.id).toContain(`verdict ${before.get(f.id)!.verdict} → ${f.verdict}`);
        expect(reviewedMarkdown(c), f.id).toContain(`    ${named}`);
      }
      // the count line says how many changed; nothing outside chapter 4 is listed
      expect(c.lines[c.lines.length - 1]).toMatch(/^0 new, \d+ changed, 0 removed, \d+ unchanged$/);
      for (const l of c.lines.slice(0, -1))
        expect(
          r.findings.some((f) => l.startsWith(`CHANGED  ${f.id}: `)),
          l,
        ).toBe(true);
    },
  );
});
