/**
 * The index's "cite this" block, read from the repository's CITATION.cff (its top-level title,
 * version and first author name; the report it reproduces) and the commit the site was built from.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { escapeHtml } from "../../../src/lib/findings/render";

export interface Citation {
  title: string;
  version: string;
  author: string;
}

/** The top-level scalar `key:` of a CITATION.cff text (quoted or not); null when absent. */
export function cffField(text: string, key: string): string | null {
  const m = new RegExp(`^${key}:\\s*(?:"([^"]*)"|(\\S.*?))\\s*$`, "m").exec(text);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

/** The citation of the repository at `root`; null without a CITATION.cff. */
export function readCitation(root: string): Citation | null {
  const f = join(root, "CITATION.cff");
  if (!existsSync(f)) return null;
  const text = readFileSync(f, "utf8");
  const author = /^authors:\s*\n\s*-\s*name:\s*"?([^"\n]+)"?/m.exec(text)?.[1] ?? null;
  const title = cffField(text, "title");
  const version = cffField(text, "version");
  if (!title || !version || !author) return null;
  return { title, version, author };
}

/** The block: how to cite the reproduction (version, commit, year of the run) and the report. */
export function citeHtml(c: Citation | null, o: { commit: string | null; runDate: string }): string {
  if (!c) return "";
  const year = o.runDate.slice(0, 4);
  const commit = o.commit ? `, commit ${o.commit.slice(0, 10)}` : "";
  return (
    `<h2 id="cite">Cite this</h2><p>${escapeHtml(c.author)} (${escapeHtml(year)}). <i>${escapeHtml(c.title)}</i> (version ${escapeHtml(c.version)}${escapeHtml(commit)}). ` +
    `Machine-readable: <code>CITATION.cff</code> in the repository.</p>` +
    `<p>The report: Onsager, K. (2009). <i>By- og småsteder i Innlandet. Kompetanse, innovasjon og utvikling</i>. NIBR-rapport 2009:14. Oslo: Norsk institutt for by- og regionforskning.</p>`
  );
}
