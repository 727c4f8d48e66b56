/**
 * The notebook side of a finding cell: `nb.check(id, {...})` builds the finding (check.ts),
 * shows its card and emits it as a cell output of MIME type FINDING_MIME, from which
 * `reproduce` collects build/findings.json. Also: showing tables and figures, the run's
 * parameters, and reading the findings other chapters emitted. An error thrown outside a cell's own
 * execution (an unawaited promise, a timer) is raised in the next cell that uses the session (asyncErrors.ts).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type * as pl from "nodejs-polars";
import { FindingContext } from "../findings/context";
import { makeFinding, type CheckInput } from "../findings/check";
import { FindingError } from "../findings/errors";
import { loadPhraseRules, type PhraseRule } from "../findings/phrases";
import { changesHtml, findingHtml, findingsTableHtml, frameHtml, frameMarkdown } from "../findings/render";
import { findingChanges, type FindingChange } from "../findings/changes";
import type { ComputedValue, Finding, FindingKind, PublishedValue } from "../findings/types";
import { describeParams, parseParams, type RunParameters } from "../params";
import { figureHtml, type PlotlyFigure } from "../plots/plotly";
import type { Claim } from "../findings/claims";
import { raiseAsyncErrors, watchAsyncErrors } from "./asyncErrors";
import { currentCell, trackKernelCells, type RunningCell } from "./cells";
import { verifyInputs } from "./inputs";

/** A user's own statement, tested by `nb.hypothesis` with the report's verdict rules. */
export interface HypothesisInput {
  /** The statement in your own words, e.g. "Small-town regions lost population 2008–2026". */
  statement: string;
  /** What the statement predicts: a number, a range [low, high], or `true` for a comparison that holds. */
  expected: PublishedValue;
  /** The computed value (a number, an interval, a boolean for a comparison, "undecided"). */
  computed: ComputedValue;
  /** The phrase rule reading the statement (data/assumptions/phrase_rules.csv), e.g. "direction", "klart". */
  rule: string;
  /** Unit of `expected` and `computed`, e.g. "%", "pp", "" for a comparison. */
  unit?: string;
  /** Half-width of the band around `expected` that still counts as a match (default 0). */
  tolerance?: number;
  /** How the statement was turned into the computation. */
  note: string;
  /** Data files read, under data/ (checked to exist). */
  inputs: string[];
  /** The same computation under other reasonable readings (its robustness). */
  alternatives?: { label: string; computed: ComputedValue }[];
  numbers?: CheckInput["numbers"];
}

interface Emitted {
  finding: Finding;
  cell: RunningCell | undefined;
}

/** MIME type of a finding output (the JSON of one Finding). */
export const FINDING_MIME = "application/vnd.innlandet.finding+json";

/** What the session needs of tslab's `display` (the module runner passes a recording shim). */
export interface Display {
  html(s: string): void;
  markdown(s: string): void;
  raw(contentType: string, b: string): unknown;
}

/** Environment variables the runners set: where emitted findings and derived tables go. */
export const ENV_FINDINGS_DIR = "INNLANDET_FINDINGS_DIR";
export const ENV_TABLES_DIR = "INNLANDET_TABLES_DIR";

export class Notebook {
  readonly name: string;
  readonly ctx: FindingContext;
  private readonly display: Display;
  private readonly rules: Map<string, PhraseRule>;
  private readonly emitted = new Map<string, Emitted>();
  /** The kind of the findings this notebook emits unless a check says otherwise (chapter 6: `follow_up`). */
  readonly defaultKind: FindingKind;

  /**
   * @param name the notebook's file name without extension, e.g. "03-structures"
   * @param display tslab's `display` (or the module runner's shim)
   * @param params the run parameters (the notebook's `parameters` cell)
   */
  constructor(name: string, display: Display, params: Partial<RunParameters> = {}, opts: { kind?: FindingKind } = {}) {
    this.name = name;
    this.defaultKind = opts.kind ?? "claim";
    this.display = display;
    this.ctx = new FindingContext({ params: parseParams([], params as Record<string, unknown>) });
    this.rules = loadPhraseRules(this.ctx.dir);
    watchAsyncErrors();
    trackKernelCells();
  }

  get params(): RunParameters {
    return this.ctx.params;
  }

  /** A claim of data/report/claims.csv (published value, tolerance, rule, place in the text). */
  claim(key: string): Claim {
    raiseAsyncErrors();
    const c = this.ctx.claims.get(key);
    if (!c) throw new FindingError(`no claim '${key}' in data/report/claims.csv`);
    return c;
  }

  /** A claim's single published number (throws when the claim is a comparison or a range). */
  published(key: string): number {
    const v = this.claim(key).published;
    if (typeof v !== "number") throw new FindingError(`claim ${key} has no single published number (it is ${JSON.stringify(v)})`);
    return v;
  }

  /** A phrase rule (its threshold is the reading of a vague phrase such as "klart"). */
  rule(id: string): PhraseRule {
    raiseAsyncErrors();
    const r = this.rules.get(id);
    if (!r) throw new FindingError(`no phrase rule '${id}' (known: ${[...this.rules.keys()].join(", ")})`);
    return r;
  }

  /**
   * Decide, show and emit one finding. Rerunning the cell replaces the finding it emitted before (the
   * last run of a cell wins) and the card says what moved; an id emitted by another cell is an error.
   * Returns nothing, so that tslab does not echo the finding as the cell's value; read it back with `nb.findings`.
   */
  check(id: string, input: CheckInput): void {
    raiseAsyncErrors();
    const f = makeFinding(id, { ...input, kind: input.kind ?? this.defaultKind }, this.ctx.claims, this.rules, describeParams(this.params));
    const [changes] = this.claimId([f]);
    this.display.html(findingHtml(f) + changesHtml(changes ?? null));
    this.display.raw(FINDING_MIME, JSON.stringify(f));
  }

  /**
   * Test a statement of your own (kind `explore`, never one of the report's findings): the same verdict
   * rules, robustness and card as `check`, with the statement, what it predicts and the files read as its
   * provenance. Use it in notebooks under explore/.
   * @param id `explore.<name>`, e.g. "explore.small_town_decline_since_2008"
   * @example
   * nb.hypothesis("explore.small_towns_shrank", { statement: "Every small-town region shrank 2008–2026",
   *   expected: true, computed: allShrank, rule: "gjennomgående", note: "…", inputs: ["ssb/population_municipality_1992_2026.csv"] });
   */
  hypothesis(id: string, h: HypothesisInput): void {
    raiseAsyncErrors();
    if (!h.statement?.trim()) throw new FindingError(`hypothesis ${id}: give the statement in your own words ({ statement: "…" })`);
    const rule = this.rule(h.rule);
    verifyInputs(`hypothesis ${id}`, h.inputs, this.ctx.dir);
    const cell = currentCell();
    this.check(id, {
      kind: "explore",
      reference: {
        key: id,
        chapter: 0,
        section: "explore",
        statement: h.statement,
        published: h.expected,
        tolerance: h.tolerance ?? 0,
        unit: h.unit ?? "",
        parts: 1,
        rule: rule.rule,
        location: `${this.name}${cell ? `, ${cell.label}` : ""}`,
      },
      computed: h.computed,
      basis: "open_data",
      note: h.note,
      inputs: h.inputs,
      ...(h.alternatives ? { alternatives: h.alternatives } : {}),
      ...(h.numbers ? { numbers: h.numbers } : {}),
    });
  }

  /**
   * Record findings as this cell's. Per finding: null when first emitted; the fields that moved when this
   * cell emitted it in an earlier run (it is replaced). An id emitted by another cell, or twice in one run,
   * is an error, and nothing is recorded then.
   */
  private claimId(found: Finding[]): (FindingChange[] | null)[] {
    const cell = currentCell();
    const twice = (id: string): FindingError => new FindingError(`finding ${id} is emitted twice by ${cell?.label ?? "one cell"} of ${this.name}: one id, one check`);
    const seen = new Set<string>();
    const changes = found.map((f) => {
      if (seen.has(f.id)) throw twice(f.id);
      seen.add(f.id);
      const prior = this.emitted.get(f.id);
      if (!prior) return null;
      if (cell && prior.cell?.execution === cell.execution) throw twice(f.id);
      if (cell && prior.cell && prior.cell.key !== cell.key)
        throw new FindingError(`finding ${f.id} is already emitted by ${prior.cell.label} of ${this.name}, not by ${cell.label}: one id belongs to one cell`);
      return findingChanges(prior.finding, f);
    });
    for (const f of found) this.emitted.set(f.id, { finding: f, cell });
    return changes;
  }

  /** Several untestable claims of one section in one table: [id, reason, claim key?]. */
  untestable(rows: { id: string; reason: string; claim?: string }[]): void {
    raiseAsyncErrors();
    const out = rows.map((r) =>
      makeFinding(
        r.id,
        { claim: r.claim, computed: null, untestable: r.reason, basis: "report", note: "", inputs: [] },
        this.ctx.claims,
        this.rules,
        describeParams(this.params),
      ),
    );
    const changes = this.claimId(out);
    this.display.html(findingsTableHtml(out) + changes.map((c, i) => changesHtml(c, out[i]!.id)).join(""));
    for (const f of out) this.display.raw(FINDING_MIME, JSON.stringify(f));
  }

  /**
   * Show a table (and, when the runner asks, save it under build/tables/ as CSV, Parquet and Markdown).
   * @param opts.name a file-safe name for the saved copy, e.g. "region_size_and_jobs"
   */
  table(df: pl.DataFrame, opts: { name?: string; caption?: string; decimals?: number; maxRows?: number } = {}): void {
    raiseAsyncErrors();
    this.display.html(frameHtml(df, opts));
    const dir = process.env[ENV_TABLES_DIR];
    if (dir && opts.name) {
      mkdirSync(dir, { recursive: true });
      const base = join(dir, `${this.name}__${opts.name}`);
      writeFileSync(`${base}.csv`, df.writeCSV().toString());
      df.writeParquet(`${base}.parquet`);
      writeFileSync(`${base}.md`, `# ${opts.caption ?? opts.name} (${this.name})\n\n${frameMarkdown(df, opts.decimals ?? 3)}`);
    }
  }

  /** Show a plotly figure. */
  figure(fig: PlotlyFigure, opts: { height?: number } = {}): void {
    raiseAsyncErrors();
    this.display.html(figureHtml(fig, opts));
  }

  /** Markdown text (a reading, a caveat). */
  say(md: string): void {
    raiseAsyncErrors();
    this.display.markdown(md);
  }

  /** The findings this session emitted so far (a rerun cell's latest), in the order first emitted. */
  get findings(): Finding[] {
    return [...this.emitted.values()].map((e) => e.finding);
  }

  /**
   * The findings other notebooks emitted in this run (chapters 2 and 5 read chapters 3, 4 and 6).
   * The runner writes them to $INNLANDET_FINDINGS_DIR/<notebook>.json after each notebook.
   * @param opts.optional notebooks whose file may be missing (not run, or not present in this checkout): skipped
   */
  findingsOf(notebooks: string[], opts: { optional?: string[] } = {}): Finding[] {
    raiseAsyncErrors();
    const dir = process.env[ENV_FINDINGS_DIR];
    if (!dir)
      throw new FindingError(
        `${ENV_FINDINGS_DIR} is not set: run the chapter notebooks through npm run reproduce (or the module runner) so this notebook can read their findings`,
      );
    return notebooks.flatMap((n) => {
      const file = join(dir, `${n}.json`);
      if (!existsSync(file) && opts.optional?.includes(n)) return [];
      if (!existsSync(file)) throw new FindingError(`${file} does not exist: run notebook ${n} first`);
      return JSON.parse(readFileSync(file, "utf8")) as Finding[];
    });
  }
}
