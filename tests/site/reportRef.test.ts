/**
 * The report reference of a finding's source line, shown as the report's section and heading
 * (scripts/lib/site/reportRef.ts, data/report/report_sections.csv), the seed lines kept beside it.
 */
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { loadReportSections, reportRefHtml, sectionLabel, type ReportSection } from "../../scripts/lib/site/reportRef";
import { dataDir } from "../../src/lib/data/manifest";
import { loadClaims } from "../../src/lib/findings/claims";
import { findingHtml, findingsTableHtml } from "../../src/lib/findings/render";
import { rewriteFindings } from "../../scripts/lib/site/cards";
import { findingsHtml } from "../../scripts/lib/site/findingsTable";
import { syntheticFindings } from "./synthetic";

// typed by hand from the seed text, line 661: "3.1 Småby- og småstedsregioner dominerer"
const S31: ReportSection = { section: "3.1", title: "Småby- og småstedsregioner dominerer", seedFrom: 661, seedTo: 661 };
const ONE = new Map([["3.1", S31]]);

describe("report references as the report's section and heading", () => {
  it("names the section by its printed heading, the seed lines after it in small print", () => {
    const html = reportRefHtml("published at NIBR-rapport 2009:14 §3.1, shared/seed/000_71fac511997fe12e.txt lines 677–678", ONE);
    expect(html).toBe(
      'published at NIBR-rapport 2009:14, §3.1 «Småby- og småstedsregioner dominerer» <span class="seed-ref" style="font-size:90%;color:#57606a" title="shared/seed/000_71fac511997fe12e.txt">(seed text, lines 677–678)</span>',
    );
  });

  it("a section the table lacks stays the section alone; one line is 'line'; the rest of the text is escaped", () => {
    const html = reportRefHtml("your statement <x> (NIBR-rapport 2009:14 §4.2, seed.txt line 9); not a statement of the report", ONE);
    expect(html).toBe(
      'your statement &lt;x&gt; (NIBR-rapport 2009:14, §4.2 <span class="seed-ref" style="font-size:90%;color:#57606a" title="seed.txt">(seed text, line 9)</span>); not a statement of the report',
    );
  });

  it("a reference to another document is left as it is", () => {
    const text = "published at St.meld. nr. 25 (2008–2009) Lokal vekstkraft og framtidstru, Tabell 1.1, row Innlandet / totalt";
    expect(reportRefHtml(text, ONE)).toBe(text);
  });

  it("shows a page only where the table gives one", () => {
    expect(sectionLabel("3.1", ONE)).toBe("§3.1 «Småby- og småstedsregioner dominerer»");
    expect(sectionLabel("3.1", new Map([["3.1", { ...S31, page: 23 }]]))).toBe("§3.1 «Småby- og småstedsregioner dominerer», p. 23");
    expect(sectionLabel("9.9", ONE)).toBe("§9.9");
  });

  it("the project's table holds a heading for every section a claim cites, and no page (the seed text has no table of contents)", () => {
    const sections = loadReportSections(dataDir());
    expect(sections.get("3.1")).toEqual(S31);
    // 4.7 is printed over two lines (seed 1509–1510)
    expect(sections.get("4.7")?.title).toBe("Ressurser, innovasjon og næringsutvikling - noen sammenhenger ?");
    const missing = [...new Set([...loadClaims().values()].map((c) => c.section))].filter((s) => !sections.has(s));
    expect(missing).toEqual([]);
    expect([...sections.values()].filter((s) => s.page !== undefined)).toEqual([]);
  });

  // a SYNTHETIC finding whose note cites §3.1 the way claims.ts writes it
  const f = { ...syntheticFindings()[0]!, section: "3.1", note: "reading: x\nsource: published at NIBR-rapport 2009:14 §3.1, shared/seed/s.txt lines 677–678\nrun: r" };
  const shown = '§3.1 «Småby- og småstedsregioner dominerer» <span class="seed-ref"';
  it("a card and a findings-table row on a notebook page, and the index's notes, show the heading", () => {
    const card = rewriteFindings(findingHtml(f), [f], new Map(), new Set(), new Map(), ONE);
    expect(card).toContain(`source: published at NIBR-rapport 2009:14, ${shown}`);
    expect(card).toContain("(seed text, lines 677–678)</span>\nrun: r</div>");
    // the same row twice (a section's table and the closing summary): both rewritten
    const table = rewriteFindings(findingsTableHtml([f]) + findingsTableHtml([f]), [f], new Map(), new Set(), new Map(), ONE);
    expect(table.split(shown).length - 1).toBe(2);
    const index = findingsHtml({ findings: [f], chapterTitles: {}, sectionTitles: {}, readings: new Map(), cells: new Map(), dataFiles: new Set(), reportSections: ONE });
    expect(index).toContain(`<dt>source</dt><dd>published at NIBR-rapport 2009:14, ${shown}`);
    expect(index).toContain("— in the report: «Småby- og småstedsregioner dominerer»");
    // a Markdown findings table (findingsMarkdown, as a page shows it): its notes too, and a second pass changes nothing
    const md = "<td>basis: open data<br>source: published at NIBR-rapport 2009:14 §3.1, shared/seed/s.txt lines 663–664<br>run: r</td>";
    const once = rewriteFindings(md, [], new Map(), new Set(), new Map(), ONE);
    expect(once).toBe(`<td>basis: open data<br>source: published at NIBR-rapport 2009:14, ${shown} style="font-size:90%;color:#57606a" title="shared/seed/s.txt">(seed text, lines 663–664)</span><br>run: r</td>`);
    expect(rewriteFindings(once, [], new Map(), new Set(), new Map(), ONE)).toBe(once);
    // without the table: the section alone, the lines still there
    expect(rewriteFindings(findingHtml(f), [f], new Map(), new Set())).toContain('NIBR-rapport 2009:14, §3.1 <span class="seed-ref"');
  });

  const seed = [process.env["INNLANDET_SEED"], resolve(dataDir(), "../../shared/seed/000_71fac511997fe12e.txt")].find(
    (p): p is string => !!p && existsSync(p),
  );
  it.skipIf(!seed)("every heading stands, as numbered, on the seed lines it cites (needs ../shared/seed)", () => {
    const lines = readFileSync(seed!, "utf8").split("\n");
    for (const s of loadReportSections(dataDir()).values()) {
      const text = lines
        .slice(s.seedFrom - 1, s.seedTo)
        .map((l) => l.trim())
        .join(" ")
        .replace(/\s+/g, " ");
      expect(text, s.section).toBe(`${s.section} ${s.title}`);
    }
  });
});
