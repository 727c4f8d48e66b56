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
import { findingHtml, findingsTableHtml, frameHtml, frameMarkdown } from "../findings/render";
import type { Finding, FindingKind } from "../findings/types";
import { describeParams, parseParams, type RunParameters } from "../params";
import { figureHtml, type PlotlyFigure } from "../plots/plotly";
import type { Claim } from "../findings/claims";
import { raiseAsyncErrors, watchAsyncErrors } from "./asyncErrors";

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
  private readonly emitted: Finding[] = [];
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
   * Decide, show and emit one finding. Returns nothing, so that tslab does not echo the finding as
   * the cell's value; read it back with `nb.findings`.
   */
  check(id: string, input: CheckInput): void {
    raiseAsyncErrors();
    if (this.emitted.some((f) => f.id === id)) throw new FindingError(`finding ${id} emitted twice in ${this.name}`);
    const f = makeFinding(id, { ...input, kind: input.kind ?? this.defaultKind }, this.ctx.claims, this.rules, describeParams(this.params));
    this.emitted.push(f);
    this.display.html(findingHtml(f));
    this.display.raw(FINDING_MIME, JSON.stringify(f));
  }

  /** Several untestable claims of one section in one table: [id, reason, claim key?]. */
  untestable(rows: { id: string; reason: string; claim?: string }[]): void {
    raiseAsyncErrors();
    const out = rows.map((r) => {
      if (this.emitted.some((f) => f.id === r.id)) throw new FindingError(`finding ${r.id} emitted twice in ${this.name}`);
      const f = makeFinding(
        r.id,
        { claim: r.claim, computed: null, untestable: r.reason, basis: "report", note: "", inputs: [] },
        this.ctx.claims,
        this.rules,
        describeParams(this.params),
      );
      this.emitted.push(f);
      return f;
    });
    this.display.html(findingsTableHtml(out));
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

  /** The findings this session emitted so far. */
  get findings(): Finding[] {
    return [...this.emitted];
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
