/**
 * What `reproduce --only` may update (issue 21): a full build in the folder, made with the same parameters, from
 * the same inputs outside the chapters it reruns (scripts/lib/fingerprint.ts), and holding every chapter it keeps
 * (each kept chapter's findings and executed notebook). Anything else is refused in one line naming what is wrong,
 * before the build is touched: a build missing `findings/06-….json` used to lose chapter 6's findings silently.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describeParams, type RunParameters } from "../../src/lib/params";
import { fingerprintMoves, type BuildFingerprint } from "./fingerprint";
import { ReproduceError } from "./pipeline";

export interface OnlyRequest {
  /** The `--only` text as given (e.g. "04"). */
  only: string;
  /** The chapter notebooks it matches, in run order. */
  notebooks: string[];
  /** Every chapter notebook of a run, in run order. */
  all: readonly string[];
  /** The chapters that weigh the others' findings (rerun with any chapter they read). */
  weighing: readonly string[];
  params: RunParameters;
  /** The fingerprint of the checkout now. */
  now: BuildFingerprint;
}

/** A kept chapter's problem in the previous build, or undefined when its findings and notebook are there. */
function keptProblem(build: string, n: string): string | undefined {
  const file = join("findings", `${n}.json`);
  if (!existsSync(join(build, file))) return `${file} is missing`;
  let x: unknown;
  try {
    x = JSON.parse(readFileSync(join(build, file), "utf8"));
  } catch {
    return `${file} is not valid JSON`;
  }
  if (!Array.isArray(x)) return `${file} is not a list of findings`;
  const other = x.find((f) => typeof f !== "object" || f === null || (f as { notebook?: unknown }).notebook !== `${n}.ipynb`);
  if (other !== undefined) return `${file} holds a finding that is not from ${n}.ipynb`;
  if (!existsSync(join(build, "notebooks", `${n}.ipynb`))) return `notebooks/${n}.ipynb is missing`;
  return undefined;
}

/**
 * Check that `build` can be updated by `--only`, and return the notebooks to rerun: those asked for and, when a
 * computing chapter is among them, the chapters that weigh it.
 * @throws ReproduceError (one line): no full build, other parameters, no recorded fingerprint, inputs moved outside
 *   the rerun chapters, or a kept chapter's findings or notebook missing or unreadable
 * @example
 * checkOnlyBuild("/tmp/build", { only: "04", notebooks: ["04-innovation"], all: NOTEBOOK_ORDER, weighing: WEIGHING_NOTEBOOKS, params, now });
 * // ["04-innovation", "02-perspectives", "05-synthesis"]
 */
export function checkOnlyBuild(build: string, r: OnlyRequest): string[] {
  const rerunAll = "run npm run reproduce without --only";
  if (!existsSync(join(build, "findings.json")) || !existsSync(join(build, "parameters.json")))
    throw new ReproduceError(`--only needs a full build in ${build} to update; run npm run reproduce without --only first`);
  let built: { parameters?: RunParameters; fingerprint?: BuildFingerprint };
  try {
    built = JSON.parse(readFileSync(join(build, "parameters.json"), "utf8")) as typeof built;
  } catch {
    throw new ReproduceError(`--only ${r.only}: ${join(build, "parameters.json")} is not valid JSON; ${rerunAll}`);
  }
  if (!built.parameters || describeParams(built.parameters) !== describeParams(r.params))
    throw new ReproduceError(
      `--only updates a build made with the same parameters; ${build} was made with ${built.parameters ? describeParams(built.parameters) : "no recorded parameters"}, this run asks for ${describeParams(r.params)} (use --out DIR for another build)`,
    );
  const notebooks = r.notebooks.some((n) => !r.weighing.includes(n))
    ? [...new Set([...r.notebooks, ...r.all.filter((n) => r.weighing.includes(n))])]
    : [...r.notebooks];
  if (!built.fingerprint) throw new ReproduceError(`--only: ${build} records no fingerprint of its inputs (an older build); ${rerunAll}`);
  const moved = fingerprintMoves(built.fingerprint, r.now, notebooks);
  if (moved.length)
    throw new ReproduceError(
      `--only ${r.only}: ${moved.join(", ")} changed since ${build} was built, so the other chapters would be stale; ${rerunAll}`,
    );
  const missing = r.all.filter((n) => !notebooks.includes(n)).flatMap((n) => keptProblem(build, n) ?? []);
  if (missing.length) throw new ReproduceError(`--only ${r.only}: in ${build}, ${missing.join(", ")} (chapters it would keep); ${rerunAll}`);
  return notebooks;
}
