/**
 * Small builders for finding specs, so each chapter file states only what
 * differs: id, claim, basis, inputs and the computation.
 */
import type { FindingContext } from "./context";
import type { Basis, Computation, FindingSpec } from "./types";

export type Spec = FindingSpec<FindingContext>;

/** A finding computed from `inputs` (paths under data/) and compared with the report's claim `claimKey`. */
export function finding(id: string, claimKey: string, basis: Basis, inputs: string[], compute: (ctx: FindingContext) => Computation): Spec {
  return { id, claimKey, basis, inputs, compute };
}

/** A claim no public data can test; `reason` names what is missing. */
export function untestable(id: string, claimKey: string, reason: string): Spec {
  return { id, claimKey, basis: "report", inputs: [], untestable: reason };
}

/** Percent with sign and fixed decimals, for notes. */
export function pct(x: number, decimals = 2): string {
  return `${x > 0 ? "+" : ""}${x.toFixed(decimals)} %`;
}

/** A claim's single published number (for comparisons the report's own figures settle). */
export function publishedNumber(ctx: FindingContext, key: string): number {
  const v = ctx.claims.get(key)?.published;
  if (typeof v !== "number") throw new Error(`claim ${key} has no single published number`);
  return v;
}
