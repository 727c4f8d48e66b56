/**
 * A finding's place in the report as the reader knows it: "§3.1 Småby- og småstedsregioner dominerer"
 * (the heading as printed, data/report/report_sections.csv) instead of the seed text's line numbers,
 * which stay beside it as a secondary detail. No page: the seed text holds no table of contents (see
 * that file's manifest notes), so a page is never shown rather than guessed. Pure string work apart
 * from loading the table.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { escapeHtml } from "../../../src/lib/findings/render";
import { loadTable } from "../../../src/lib/data/load";

export const SECTIONS_FILE = "report/report_sections.csv";

export interface ReportSection {
  section: string;
  /** The heading as printed (Norwegian). */
  title: string;
  /** Lines of the heading in the seed text. */
  seedFrom: number;
  seedTo: number;
  /** Printed page, when the report's table of contents gives it (the seed text has none: always absent today). */
  page?: number;
}

/** The report's headings by section number (empty when the data folder does not list the file). */
export function loadReportSections(dataDir: string): Map<string, ReportSection> {
  const out = new Map<string, ReportSection>();
  if (!existsSync(join(dataDir, SECTIONS_FILE))) return out;
  for (const r of loadTable(SECTIONS_FILE, dataDir).rows) {
    const s = String(r["section"]);
    const page = r["page"]; // a column the table gets once a table of contents is at hand
    out.set(s, {
      section: s,
      title: String(r["title_as_printed"]),
      seedFrom: Number(r["seed_from"]),
      seedTo: Number(r["seed_to"]),
      ...(typeof page === "number" ? { page } : {}),
    });
  }
  return out;
}

/** The report reference a claim's location carries (src/lib/findings/claims.ts): section, seed file, lines. */
const REF = /NIBR-rapport 2009:14 §(\d+(?:\.\d+)*), (\S+) (lines? \d+(?:–\d+)?)/g;

/**
 * A section as the reader finds it in the report: "§3.1 «heading»" with ", p. N" where the page is known;
 * the section alone when the table lacks it.
 * @example
 * sectionLabel("3.1", new Map([["3.1", { section: "3.1", title: "Småby- og småstedsregioner dominerer", seedFrom: 661, seedTo: 661 }]]));
 * // "§3.1 «Småby- og småstedsregioner dominerer»"
 */
export function sectionLabel(section: string, sections: Map<string, ReportSection>): string {
  const s = sections.get(section);
  if (!s) return `§${section}`;
  return `§${section} «${s.title}»${s.page !== undefined ? `, p. ${s.page}` : ""}`;
}

/**
 * A note line's text as HTML, each report reference in it shown as the report's section and heading, its seed
 * lines after it in small print (the seed file's path in their title).
 * @example
 * reportRefHtml("published at NIBR-rapport 2009:14 §3.1, shared/seed/x.txt lines 677–678", sections);
 * // 'published at NIBR-rapport 2009:14, §3.1 «Småby- og småstedsregioner dominerer» <span class="seed-ref" …>(seed text, lines 677–678)</span>'
 */
export function reportRefHtml(text: string, sections: Map<string, ReportSection>): string {
  let out = "";
  let at = 0;
  for (const m of text.matchAll(REF)) {
    out += escapeHtml(text.slice(at, m.index));
    const seed = `<span class="seed-ref" style="font-size:90%;color:#57606a" title="${escapeHtml(m[2]!)}">(seed text, ${escapeHtml(m[3]!)})</span>`;
    out += `NIBR-rapport 2009:14, ${escapeHtml(sectionLabel(m[1]!, sections))} ${seed}`;
    at = m.index! + m[0].length;
  }
  return out + escapeHtml(text.slice(at));
}

/**
 * Every report reference left in a page's HTML (in the text of a Markdown findings table, say) shown as
 * reportRefHtml shows it; references already shown so are left alone.
 * @example
 * reportRefsInHtml("<td>source: published at NIBR-rapport 2009:14 §3.1, s.txt line 9</td>", sections);
 * // '<td>source: published at NIBR-rapport 2009:14, §3.1 «…» <span class="seed-ref" …>(seed text, line 9)</span></td>'
 */
export function reportRefsInHtml(html: string, sections: Map<string, ReportSection>): string {
  return html.replace(REF, (m) => reportRefHtml(m, sections));
}
