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
import { findingHtml, findingsTableHtml, frameHtml } from "./render";
import type { Finding } from "./types";

/** Where notebooks record their findings: `$INNLANDET_BUILD_DIR` or `<project>/build`. */
export function buildDir(): string {
  return process.env["INNLANDET_BUILD_DIR"] ?? join(dirname(dataDir()), "build");
}

export class ChapterSession {
  readonly notebook: string;
  readonly ctx: FindingContext;
  private readonly recorded: Finding[] = [];

  /** @param notebook the notebook's file name without extension, e.g. "03-structures" */
  constructor(notebook: string, ctx: FindingContext = new FindingContext()) {
    this.notebook = notebook;
    this.ctx = ctx;
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
    const ev = this.evaluate(id);
    const tables = opts.tables === false ? [] : Object.entries(ev.tables ?? {}).map(([name, df]) => frameHtml(df, { caption: name }));
    return [findingHtml(ev.finding), ...tables].join("\n");
  }

  /** Evaluate and record several findings; return them as one compact table. */
  showTable(ids: string[]): string {
    return findingsTableHtml(ids.map((id) => this.evaluate(id).finding));
  }

  /** The findings recorded so far in this session. */
  get findings(): Finding[] {
    return [...this.recorded];
  }
}
