/**
 * The findings registry: every finding spec of every chapter, evaluated
 * against the published claims. Runs the same in notebooks and in vitest.
 */
import { CLAIMS_FILE, type Claim } from "./claims";
import { FindingContext } from "./context";
import type { Computation, Finding, FindingSpec } from "./types";
import { decideVerdict } from "./verdict";
import { describeParams, isActive } from "../params";
import { componentFindings } from "./chapter3/components";
import { krdFindings } from "./chapter3/krd";
import { populationFindings } from "./chapter3/population";
import { chapter3OtherFindings } from "./chapter3/untestable";
import { innovationFindings } from "./chapter4/innovation";
import { chapter4OtherFindings } from "./chapter4/other";
import { rdFindings } from "./chapter4/rd";

/** All finding specs, in report order. */
export const FINDING_SPECS: FindingSpec<FindingContext>[] = [
  ...krdFindings,
  ...populationFindings,
  ...componentFindings,
  ...chapter3OtherFindings,
  ...rdFindings,
  ...innovationFindings,
  ...chapter4OtherFindings,
];

/** A finding with the tables its computation produced. */
export interface Evaluated {
  finding: Finding;
  tables: Computation["tables"];
  location: string;
}

function round(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

function fmtGap(gap: number, unit: string, tolerance: number): string {
  const sign = gap > 0 ? "+" : "";
  return `computed − published = ${sign}${round(gap)} ${unit} (tolerance ±${tolerance})`;
}

/** Evaluate one spec against its claim. */
export function evaluateSpec(spec: FindingSpec<FindingContext>, ctx: FindingContext, claims: Map<string, Claim> = ctx.claims): Evaluated {
  const claim = spec.reference ? spec.reference(ctx) : claims.get(spec.claimKey ?? "");
  if (!claim) throw new Error(`finding ${spec.id}: claim '${spec.claimKey}' is not in data/${CLAIMS_FILE}`);
  let computation: Computation;
  if (spec.compute) {
    computation = spec.compute(ctx);
  } else {
    computation = { value: null, note: `untestable: ${spec.untestable ?? "no computation defined"}` };
  }
  const value = typeof computation.value === "number" ? round(computation.value) : computation.value;
  const decision = decideVerdict(claim.published, value, claim.tolerance, spec.basis);
  const notes = [computation.note];
  if (decision.gap !== null && !decision.matches) notes.push(fmtGap(decision.gap, claim.unit, claim.tolerance));
  notes.push(`published at ${claim.location}`);
  notes.push(`run parameters: ${describeParams(ctx.params)}`);
  return {
    finding: {
      id: spec.id,
      kind: "claim",
      chapter: claim.chapter,
      section: claim.section,
      claim: claim.statement,
      published: claim.published,
      computed: value,
      unit: claim.unit,
      tolerance: claim.tolerance,
      rule: claim.rule,
      verdict: decision.verdict,
      robustness: { status: "not_assessed", alternatives: [], flips: [] },
      inputs: [claim.source ?? `data/${CLAIMS_FILE}#${claim.key}`, ...spec.inputs.map((p) => `data/${p}`)],
      note: notes.filter((n) => n.length > 0).join(" | "),
    },
    tables: computation.tables,
    location: claim.location,
  };
}

/** Find a spec by id (with or without its chapter prefix). */
export function findingSpec(id: string): FindingSpec<FindingContext> {
  const spec = FINDING_SPECS.find((s) => s.id === id || s.id.endsWith(`.${id}`));
  if (!spec) throw new Error(`no finding '${id}' in the registry`);
  return spec;
}

/** Check the registry: unique ids, known claims, every spec computable or explained. */
export function checkRegistry(claims: Map<string, Claim>, specs: FindingSpec<FindingContext>[] = FINDING_SPECS): void {
  const ids = new Set<string>();
  for (const s of specs) {
    if (ids.has(s.id)) throw new Error(`duplicate finding id ${s.id}`);
    ids.add(s.id);
    if (s.reference === undefined && (s.claimKey === undefined || !claims.has(s.claimKey))) {
      throw new Error(`finding ${s.id}: unknown claim '${s.claimKey}'`);
    }
    if (!s.compute && !s.untestable) throw new Error(`finding ${s.id}: needs a computation or an untestable reason`);
  }
  // Claims are no longer all tested here: finding cells of the notebooks emit the rest (nb.check), and
  // tests/notebooks.test.ts checks each emitted id once; a claim tested by neither is not caught here.
}

/** The specs evaluated under the context's run parameters. */
export function activeSpecs(ctx: FindingContext): FindingSpec<FindingContext>[] {
  return FINDING_SPECS.filter((s) => isActive(s.id, ctx.params));
}

/** Evaluate every finding active under the context's parameters (report order). */
export function evaluateAll(ctx: FindingContext = new FindingContext()): Finding[] {
  checkRegistry(ctx.claims);
  return activeSpecs(ctx).map((s) => evaluateSpec(s, ctx).finding);
}
