/**
 * `reproduce --only` on synthetic previous builds (issue 21, cases 2a–2d of tests/reliability/CASES.md): what it may
 * update and what it refuses in one line before touching the build — a build made from other data or rules, one
 * missing a kept chapter's findings, one made from another set of chapter notebooks. In-process
 * (scripts/lib/onlyBuild.ts); the same checks run by the real script are in tests/reproduce.test.ts.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import type { BuildFingerprint } from "../../scripts/lib/fingerprint";
import { checkOnlyBuild, type OnlyRequest } from "../../scripts/lib/onlyBuild";
import { ReproduceError } from "../../scripts/lib/pipeline";
import { DEFAULT_PARAMS } from "../../src/lib/params";

// the chapters as a run orders them (scripts/lib/notebooks.ts), written out here: computing first, weighing last
const ALL = ["03-structures", "04-innovation", "06-fifteen-years-on", "02-perspectives", "05-synthesis"];
const WEIGHING = ["02-perspectives", "05-synthesis"];
const FINDINGS: Record<string, number> = {
  "03-structures": 3,
  "04-innovation": 2,
  "06-fifteen-years-on": 12,
  "02-perspectives": 0,
  "05-synthesis": 0,
};

const fingerprint = (over: Partial<Record<string, string>> = {}, notebooks: string[] = ALL): BuildFingerprint => ({
  inputs: { "data/manifest.json": over["data/manifest.json"] ?? "m1", "src/lib": over["src/lib"] ?? "l1" },
  notebooks: Object.fromEntries(notebooks.map((n) => [n, over[n] ?? `h-${n}`])),
});

/** A previous full build: findings.json, parameters.json with its fingerprint, and each chapter's findings and notebook. */
function build(fp: BuildFingerprint | null = fingerprint(), params: object = DEFAULT_PARAMS): string {
  const dir = join(mkdtempSync(join(tmpdir(), "innlandet-only-")), "build");
  mkdirSync(join(dir, "findings"), { recursive: true });
  mkdirSync(join(dir, "notebooks"));
  const all = [];
  for (const n of ALL) {
    const f = Array.from({ length: FINDINGS[n]! }, (_, i) => ({ id: `${n}.f${i}`, notebook: `${n}.ipynb` }));
    all.push(...f);
    writeFileSync(join(dir, "findings", `${n}.json`), JSON.stringify(f));
    writeFileSync(join(dir, "notebooks", `${n}.ipynb`), "{}");
  }
  writeFileSync(join(dir, "findings.json"), JSON.stringify(all));
  writeFileSync(join(dir, "parameters.json"), JSON.stringify({ parameters: params, ...(fp ? { fingerprint: fp } : {}) }));
  return dir;
}

const request = (only: string, now: BuildFingerprint = fingerprint()): OnlyRequest => ({
  only,
  notebooks: ALL.filter((n) => n.includes(only)),
  all: ALL,
  weighing: WEIGHING,
  params: DEFAULT_PARAMS,
  now,
});

/** Every file under `dir` with its content. */
function tree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(`${relative(dir, p)}=${readFileSync(p, "utf8")}`);
    }
  };
  walk(dir);
  return out.sort();
}

/** The one-line ReproduceError `checkOnlyBuild` throws; the build is left exactly as it was. */
function refusal(dir: string, r: OnlyRequest): string {
  const before = tree(dir);
  let err: unknown;
  try {
    checkOnlyBuild(dir, r);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(ReproduceError);
  const m = (err as Error).message;
  expect(m).not.toMatch(/\n/);
  expect(tree(dir)).toEqual(before);
  return m;
}

describe("reproduce --only: what it may update", () => {
  it("a computing chapter is rerun with the two weighing chapters; a weighing chapter alone", () => {
    const dir = build();
    expect(checkOnlyBuild(dir, request("04"))).toEqual(["04-innovation", "02-perspectives", "05-synthesis"]);
    expect(checkOnlyBuild(dir, request("05"))).toEqual(["05-synthesis"]); // 02's empty findings file is a kept chapter's
    // the rerun chapter's own notebook may have changed
    expect(checkOnlyBuild(dir, request("04", fingerprint({ "04-innovation": "edited" })))).toHaveLength(3);
  });

  it("refuses without a full build, with other parameters, or without a recorded fingerprint", () => {
    expect(refusal(mkdtempSync(join(tmpdir(), "innlandet-only-")), request("04"))).toMatch(/^--only needs a full build in .* to update/);
    expect(refusal(build(fingerprint(), { regions: "ba2020", period: "both" }), request("04"))).toMatch(
      /^--only updates a build made with the same parameters; .* was made with regions=ba2020/,
    );
    expect(refusal(build(null), request("04"))).toMatch(/records no fingerprint of its inputs/);
    const broken = build();
    writeFileSync(join(broken, "parameters.json"), "{");
    expect(refusal(broken, request("04"))).toMatch(/parameters\.json is not valid JSON/);
  });
});

describe("reproduce --only refuses a build it would leave mixed or stale (issue 21)", () => {
  it("(2a) a phrase rule changed and re-hashed since the build: the data manifest moved, named", () => {
    const m = refusal(build(), request("04", fingerprint({ "data/manifest.json": "m2-after-rehash" })));
    expect(m).toMatch(
      /^--only 04: data\/manifest\.json changed since .* was built, so the other chapters would be stale; run npm run reproduce without --only$/,
    );
  });

  it("(2a) the library changed since the build: named", () => {
    expect(refusal(build(), request("04", fingerprint({ "src/lib": "l2" })))).toMatch(/^--only 04: src\/lib changed since/);
  });

  it("(2b) a kept chapter's findings missing from the build (chapter 6's 12 findings were dropped silently)", () => {
    const dir = build();
    rmSync(join(dir, "findings", "06-fifteen-years-on.json"));
    expect(refusal(dir, request("04"))).toBe(
      `--only 04: in ${dir}, findings/06-fifteen-years-on.json is missing (chapters it would keep); run npm run reproduce without --only`,
    );
  });

  it("(2b) a kept chapter's findings unreadable, not a list, from another notebook, or its executed notebook missing", () => {
    const cases: [string, (dir: string) => void, RegExp][] = [
      ["not JSON", (d) => writeFileSync(join(d, "findings", "03-structures.json"), "[{"), /findings\/03-structures\.json is not valid JSON/],
      [
        "not a list",
        (d) => writeFileSync(join(d, "findings", "03-structures.json"), "{}"),
        /findings\/03-structures\.json is not a list of findings/,
      ],
      [
        "another notebook's",
        (d) => writeFileSync(join(d, "findings", "03-structures.json"), JSON.stringify([{ id: "x", notebook: "04-innovation.ipynb" }])),
        /findings\/03-structures\.json holds a finding that is not from 03-structures\.ipynb/,
      ],
      ["no executed notebook", (d) => rmSync(join(d, "notebooks", "06-fifteen-years-on.ipynb")), /notebooks\/06-fifteen-years-on\.ipynb is missing/],
    ];
    for (const [what, damage, msg] of cases) {
      const dir = build();
      damage(dir);
      expect(refusal(dir, request("04")), what).toMatch(msg);
    }
    // the chapters it reruns may be missing: they are written again
    const dir = build();
    rmSync(join(dir, "findings", "05-synthesis.json"));
    expect(checkOnlyBuild(dir, request("04"))).toContain("05-synthesis");
  });

  it("(2c) chapter 5 is never kept weighing chapter 4's old verdicts: --only 04 reruns it", () => {
    const dir = build();
    rmSync(join(dir, "findings", "05-synthesis.json")); // were 05 kept, this would be refused
    expect(checkOnlyBuild(dir, request("04"))).toEqual(["04-innovation", "02-perspectives", "05-synthesis"]);
  });

  it("(2d) the set of chapter notebooks changed since the build: a removed or an added chapter is named", () => {
    const without6 = fingerprint(
      {},
      ALL.filter((n) => n !== "06-fifteen-years-on"),
    );
    expect(refusal(build(), request("04", without6))).toMatch(/^--only 04: notebook 06-fifteen-years-on \(removed\) changed since/);
    const dir = build(without6);
    expect(refusal(dir, request("04"))).toMatch(/notebook 06-fifteen-years-on \(added\)/);
    expect(refusal(build(), request("04", fingerprint({ "03-structures": "edited" })))).toMatch(/^--only 04: notebook 03-structures changed since/);
  });
});
