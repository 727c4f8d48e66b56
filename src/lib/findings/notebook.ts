/**
 * What a chapter notebook needs: evaluate a finding by id, get its HTML, and
 * record it in build/notebook-findings/<notebook>.json so that `reproduce`
 * can check the notebooks computed exactly what the registry computes.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { dataDir } from "../data/manifest";
import { FindingContext } from "./context";
import { evaluateSpec, findingSpec, type Evaluated } from "./registry";
import { escapeHtml, findingHtml, findingsTableHtml, frameHtml } from "./render";
import { describeParams, isActive, parseParams, type RunParameters } from "../params";
import type { Finding } from "./types";

/** Where notebooks record their findings: `$INNLANDET_BUILD_DIR` or `<project>/build`. */
export function buildDir(): string {
  return process.env["INNLANDET_BUILD_DIR"] ?? join(dirname(dataDir()), "build");
}

function inactiveHtml(ids: string[], ctx: FindingContext): string {
  return `<p style="color:#6e7781">Not evaluated under this run's parameters (${escapeHtml(describeParams(ctx.params))}): ${ids.map((i) => `<code>${escapeHtml(i)}</code>`).join(", ")}</p>`;
}

export class ChapterSession {
  readonly notebook: string;
  readonly ctx: FindingContext;
  private readonly recorded: Finding[] = [];

  /**
   * @param notebook the notebook's file name without extension, e.g. "03-structures"
   * @param params run parameters (from the notebook's `parameters` cell) or a ready context
   */
  constructor(notebook: string, params: Partial<RunParameters> | FindingContext = {}) {
    this.notebook = notebook;
    this.ctx = params instanceof FindingContext ? params : new FindingContext({ params: parseParams([], params) });
  }

  /** Whether a finding is evaluated under this session's parameters. */
  isActive(id: string): boolean {
    return isActive(findingSpec(id).id, this.ctx.params);
  }

  /** Evaluate a finding (id with or without "chN." prefix) and record it. */
  evaluate(id: string): Evaluated {
    const ev = evaluateSpec(findingSpec(id), this.ctx);
    this.recorded.push(ev.finding);
    const file = join(buildDir(), "notebook-findings", `${this.notebook}.json`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(this.recorded, null, 2) + "\n");
    return ev;
  }

  /** Evaluate, record, and return the finding's HTML card followed by its tables. */
  show(id: string, opts: { tables?: boolean } = {}): string {
    if (!this.isActive(id)) return inactiveHtml([id], this.ctx);
    const ev = this.evaluate(id);
    const tables = opts.tables === false ? [] : Object.entries(ev.tables ?? {}).map(([name, df]) => frameHtml(df, { caption: name }));
    return [findingHtml(ev.finding), ...tables].join("\n");
  }

  /** Evaluate and record several findings; return them as one compact table. */
  showTable(ids: string[]): string {
    const active = ids.filter((id) => this.isActive(id));
    const skipped = ids.filter((id) => !this.isActive(id));
    return findingsTableHtml(active.map((id) => this.evaluate(id).finding)) + (skipped.length ? inactiveHtml(skipped, this.ctx) : "");
  }

  /** The findings recorded so far in this session. */
  get findings(): Finding[] {
    return [...this.recorded];
  }
}
