/**
 * From a cell's computation to a finding: look the claim up, decide the verdict with the
 * rules of verdict.ts, assess robustness over the alternative readings, and compose the note.
 * Pure: the notebook session (src/lib/notebook/session.ts) displays and emits the result.
 */
import type { Claim } from "./claims";
import { CLAIMS_FILE } from "./claims";
import { FindingError } from "./errors";
import type { PhraseRule } from "./phrases";
import type { Basis, ComputedValue, Finding, FindingKind, KeyNumbers, Robustness, Verdict } from "./types";
import { decideVerdict } from "./verdict";
import { formatValue } from "./render";
import { minimumBasis, periodProxy, type PeriodCoverage, type SideSupport } from "./basis";

/** What a finding cell hands to `check`. */
export interface CheckInput {
  /** Key of the claim in data/report/claims.csv (default: the id without "chN." and without a ".reading" suffix). */
  claim?: string;
  /** A published value from another publication (e.g. KRD's table) instead of a claims.csv row. */
  reference?: Claim;
  /** The computed value; null only with `untestable`. */
  computed: ComputedValue;
  /** `report`: computed from the report's own figures; `open_data`: from SSB, KRD, TØI data. */
  basis: Basis;
  /** `check` for the project's own checks (mapping, internal consistency); default `claim`. */
  kind?: FindingKind;
  /**
   * The phrase rule used, when this reading differs from the claim's own (claims.csv `rule`),
   * e.g. `direction` for a two-group reading of a claim whose phrase rule is `association`.
   */
  rule?: string;
  /** The reading: how the claim's words were turned into this computation. */
  note: string;
  /** Data files read (paths under data/). */
  inputs: string[];
  /**
   * The same computation under other reasonable readings. `tolerance` reads a numeric claim with another allowance
   * than the claim's own (e.g. "82 %" as a single printed figure, ±0.5, instead of a sum of two rounded ones, ±1).
   */
  alternatives?: { label: string; computed: ComputedValue; tolerance?: number }[];
  /** Why no public data can test the claim (with `computed: null`). */
  untestable?: string;
  /**
   * The reading's key numbers, shown on the card and kept in findings.json beside the note, so that a
   * rerun shows what moved, e.g. `{ rho_min: -0.08, rho_max: 0.04, p_claimed: 0.55, n: 12, power: 0.45 }`.
   */
  numbers?: KeyNumbers;
  /**
   * Readings that were meant to be computed but could not be (e.g. a leave-out case that left a side empty), with
   * the reason: the robustness is then `untested` for them, never `robust`.
   */
  untested?: { label: string; reason: string }[];
  /**
   * What each side of a comparison rests on (weighted cases): the minimum-basis rule caps an open-data verdict at
   * `inconclusive` when a side has fewer cases than its threshold; the smallest side goes into the key numbers.
   */
  support?: SideSupport[];
  /**
   * The claim's years and the years the evidence covers: evidence on less than half of the claim's period is an
   * out-of-period proxy — labelled, at most `inconclusive`, and its robustness untested for the claim's own period.
   */
  period?: PeriodCoverage;
  /**
   * A stand-in for what the claim names (e.g. Oslo's county row for the report's big-city region type): the
   * evidence is a proxy — labelled, at most `inconclusive` (minimum basis), and its robustness untested for what
   * the claim names.
   */
  standIn?: { claimed: string; used: string };
}

/** Where a user's own hypothesis (kind `explore`) comes from: not the report, the person who states it. */
export const USER_STATEMENT = "stated by the user";

function roundNumbers(numbers: KeyNumbers): KeyNumbers {
  const r = (x: number): number => Math.round(x * 1e9) / 1e9;
  const out: Record<string, number | readonly [number, number] | null> = {};
  for (const [k, v] of Object.entries(numbers)) {
    if (!/^[a-z][a-z0-9_]*$/.test(k)) throw new FindingError(`key number '${k}' must be a snake_case name, e.g. rho_min`);
    if (v !== null && typeof v !== "number" && !(Array.isArray(v) && v.length === 2))
      throw new FindingError(`key number '${k}' must be a number, an interval [low, high] or null, not ${JSON.stringify(v)}`);
    if (typeof v === "number" && !Number.isFinite(v)) throw new FindingError(`key number '${k}' is ${v}: give null when it cannot be computed`);
    out[k] = v === null ? null : typeof v === "number" ? r(v) : [r(v[0]), r(v[1])];
  }
  return out;
}

function round(v: ComputedValue): ComputedValue {
  const r = (x: number): number => Math.round(x * 1e9) / 1e9;
  if (typeof v === "number") return r(v);
  if (Array.isArray(v)) return [r(v[0]), r(v[1])];
  return v;
}

/**
 * The claims.csv key a finding id stands for: "ch3.x.reading" → "x" when "x" is a claim.
 * @example
 * claimKeyOf("ch3.services_share_innlandet_2008.regions", loadClaims()); // "services_share_innlandet_2008"
 */
export function claimKeyOf(id: string, claims: Map<string, Claim>): string {
  const bare = id.replace(/^ch\d+\./, "");
  if (claims.has(bare)) return bare;
  const head = bare.split(".")[0]!;
  if (claims.has(head)) return head;
  throw new FindingError(
    `finding ${id}: no claim '${bare}' or '${head}' in data/${CLAIMS_FILE}; name the report's claim with { claim: "<key>" }, or, for a statement of your own, use nb.hypothesis("explore.…", { statement, … })`,
  );
}

/**
 * Build the finding record.
 * @param id unique finding id, e.g. "ch3.inverse_size_job_growth.regions"
 * @param input what the cell computed
 * @param claims the published claims (loadClaims())
 * @param rules the phrase rules (loadPhraseRules())
 * @param run the run's parameters as text, e.g. "regions=report13, period=both"
 * @example
 * makeFinding("ch3.services_share_innlandet_2008", { computed: 81.3, basis: "report", note: "43.5 + 37.8", inputs: [] }, claims, rules, "");
 * // → verdict "reproduced" (82 = 44 + 38: tolerance 2 × 0.5)
 */
export function makeFinding(id: string, input: CheckInput, claims: Map<string, Claim>, rules: Map<string, PhraseRule>, run: string): Finding {
  const explore = (input.kind ?? "claim") === "explore";
  if (explore ? !/^explore\.[A-Za-z0-9_.]+$/.test(id) : !/^ch\d+\.[A-Za-z0-9_.]+$/.test(id))
    throw new FindingError(
      explore
        ? `hypothesis id '${id}' must look like explore.my_statement`
        : `finding id '${id}' must look like ch3.some_claim[.reading]; for a statement of your own use nb.hypothesis("explore.${id.replace(/[^A-Za-z0-9_.]/g, "_")}", { statement, … })`,
    );
  if (explore && !input.reference) throw new FindingError(`hypothesis ${id}: no statement (use nb.hypothesis)`);
  const claim = input.reference ?? claims.get(input.claim ?? claimKeyOf(id, claims));
  if (!claim) throw new FindingError(`finding ${id}: claim '${input.claim}' is not in data/${CLAIMS_FILE}`);
  const ruleId = input.rule ?? claim.rule;
  const rule = rules.get(ruleId);
  if (!rule) throw new FindingError(`finding ${id}: unknown phrase rule '${ruleId}' (data/assumptions/phrase_rules.csv)`);
  if (input.computed === null && !input.untestable) throw new FindingError(`finding ${id}: computed is null; give the reason in { untestable: "…" }`);
  if (input.computed !== null && input.untestable) throw new FindingError(`finding ${id}: an untestable finding has computed = null`);
  const computed = round(input.computed);
  const basisRule = input.support ? rules.get("minimum_basis") : undefined;
  if (input.support && !basisRule) throw new FindingError(`finding ${id}: no phrase rule 'minimum_basis' (data/assumptions/phrase_rules.csv)`);
  const samplingRule = input.support?.some((s) => s.rate !== undefined) ? rules.get("sampling_error") : undefined;
  const basis = input.support && basisRule ? minimumBasis(input.support, basisRule, samplingRule) : undefined;
  const proxy = input.period ? periodProxy(input.period) : undefined;
  const isProxy = proxy?.proxy === true || input.standIn !== undefined;
  const capProxy = (v: Verdict): Verdict => (isProxy && (v === "corroborated" || v === "contradicted") ? "inconclusive" : v);
  const verdictOf = (c: ComputedValue, tolerance = claim.tolerance) => {
    const d = decideVerdict(claim.published, c, tolerance, input.basis);
    return { ...d, verdict: capProxy(basis ? basis.cap(d.verdict) : d.verdict) };
  };
  const decision = verdictOf(computed);
  const alternatives = (input.alternatives ?? []).map((a) => {
    const c = round(a.computed);
    return { label: a.label, computed: c, verdict: verdictOf(c, a.tolerance).verdict };
  });
  const flips = alternatives.filter((a) => a.verdict !== decision.verdict).map((a) => a.label);
  const untested =
    decision.verdict === "untestable"
      ? []
      : [
          ...(input.untested ?? []),
          ...(proxy?.proxy ? [{ label: `the claim's own period ${input.period!.claimed.join("–")}`, reason: "no data for it: the evidence is an out-of-period proxy" }] : []),
          ...(input.standIn ? [{ label: input.standIn.claimed, reason: `no data for it: ${input.standIn.used} stands in` }] : []),
        ];
  const robustness: Robustness = {
    status:
      decision.verdict === "untestable" || (alternatives.length === 0 && untested.length === 0)
        ? "not_assessed"
        : flips.length
          ? "fragile"
          : untested.length
            ? "untested"
            : "robust",
    alternatives,
    flips,
    ...(untested.length ? { untested } : {}),
  };
  const numbers = {
    ...(input.numbers ?? {}),
    ...(basis ? { basis_min_cases: basis.smallest.cases } : {}),
    ...(basis?.sampling ? { sampling_gap_pp: basis.sampling.gap, sampling_halfwidth_pp: basis.sampling.halfWidth } : {}),
  };
  const lines = [
    input.untestable ? `untestable: ${input.untestable}` : `reading: ${input.note}`,
    input.untestable && input.note ? `reading: ${input.note}` : "",
    `rule: ${rule.rule} — ${rule.test}${rule.threshold && rule.rule !== "printed" ? ` (threshold ${rule.threshold} ${rule.unit})` : ""}`,
    decision.gap !== null && decision.matches === false ? `gap: computed − published = ${formatValue(decision.gap)} ${claim.unit} (tolerance ±${claim.tolerance})` : "",
    robustness.status === "not_assessed"
      ? ""
      : `robustness: ${robustness.status}${flips.length ? ` — flipped by: ${flips.join("; ")}` : ""}${
          untested.length ? ` — not testable for: ${untested.map((u) => `${u.label} (${u.reason})`).join("; ")}` : ""
        } (${alternatives.map((a) => `${a.label}: ${formatValue(a.computed)} → ${a.verdict}`).join("; ")})`,
    basis ? basis.line : "",
    proxy ? proxy.line : "",
    input.standIn ? `stand-in proxy: ${input.standIn.used} stands in for ${input.standIn.claimed}: at most inconclusive (minimum basis)` : "",
    `basis: ${input.basis === "report" ? "the report's own figures" : "open data"}${
      (input.kind ?? "claim") === "check"
        ? " (a check of the project's, not a claim of the report)"
        : input.kind === "follow_up"
          ? " (the report's statement tested on a later period)"
          : explore
            ? " (a user's own hypothesis)"
            : ""
    }`,
    explore ? `source: ${USER_STATEMENT} (${claim.location}); not a statement of the report` : `source: published at ${claim.location}`,
    run ? `run: ${run}` : "",
  ];
  return {
    id,
    kind: input.kind ?? "claim",
    chapter: explore ? 0 : Number(id.slice(2, id.indexOf("."))),
    section: claim.section,
    // a follow-up tests the report's statement on a later period: its claim says so, so that a verdict on the years since
    // is never read as one on the report's own period
    claim: input.kind === "follow_up" ? `${claim.statement} — tested on the years after the report's period` : claim.statement,
    published: claim.published,
    computed,
    unit: claim.unit,
    tolerance: claim.tolerance,
    rule: rule.rule,
    verdict: decision.verdict,
    robustness,
    inputs: [
      ...(explore ? [] : [claim.source ?? `data/${CLAIMS_FILE}#${claim.key}`]),
      ...input.inputs.map((p) => (p.startsWith("data/") ? p : `data/${p}`)),
    ],
    ...(Object.keys(numbers).length > 0 ? { numbers: roundNumbers(numbers) } : {}),
    note: lines.filter((l) => l.length > 0).join("\n"),
  };
}
