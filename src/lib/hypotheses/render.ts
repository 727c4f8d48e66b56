/**
 * Assessments as tables and text for the notebooks: one row per link (finding, what it tests,
 * verdict, basis, reading, how it counts), the summary with its counts, the parts, and the
 * sensitivity line. Pure string and frame building; displaying is the caller's.
 */
import * as pl from "nodejs-polars";
import type { Finding } from "../findings/types";
import { assess, findingBasis, judgementFlips, linkIds, partAssessments, type Flip } from "./assess";
import type { Assessment, Counts, LinkReading, Outcome, Proposition } from "./types";

const COUNTS_AS: Record<Outcome, string> = {
  for: "for",
  against: "against",
  inconclusive: "inconclusive (neither way)",
  untestable: "untestable",
  context: "not counted (context)",
  check: "not counted (project check)",
  cannot_fail: "not counted (cannot fail)",
  absent: "not in this run",
};

/**
 * A link's reading in words.
 * @example readingText({ reading: "supports", part: "population", sign: "positive" }); // "supports (sign: positive)"
 */
export function readingText(r: LinkReading): string {
  return r.reading === "context" ? `context (about ${r.about ?? "?"})` : `${r.reading}${r.sign ? ` (sign: ${typeof r.sign === "string" ? r.sign : Object.values(r.sign).join("/")})` : ""}`;
}

function verdictText(f: Finding): string {
  return `${f.verdict}${f.robustness?.status === "fragile" ? " (fragile)" : f.robustness?.status === "untested" ? " (robustness untested)" : ""}${f.kind === "check" ? " [check]" : ""}`;
}

function basisText(fs: Finding[]): string {
  const b = [...new Set(fs.map(findingBasis).filter((x) => x !== null))];
  return b.length ? b.map((x) => (x === "report" ? "the report's own figures" : "open data")).join(" + ") : "—";
}

/**
 * A proposition as Markdown: id, source, seed lines, statement, prediction and the parts its links test.
 * @example nb.say(propositionText(proposition("h.agglomeration")));
 */
export function propositionText(p: Proposition): string {
  return (
    `**\`${p.id}\`** · ${p.source} (seed lines ${p.lines[0]}–${p.lines[1]}) — ${p.statement}` +
    (p.predicts ? `\n\n*Predicts:* ${p.predicts}` : "") +
    `\n\n*Parts tested:* ${p.parts.join(" · ")}`
  );
}

/**
 * One row per link: finding(s), what it tests, verdict(s), basis, reading, how it counts, detail.
 * @example nb.table(assessmentFrame(assess(p, findings)), { caption: p.id });
 */
export function assessmentFrame(a: Assessment): pl.DataFrame {
  const rows = a.links.map((l) => ({
    finding: linkIds(l.link).join(", "),
    tests: l.link.reading === "context" ? `(${l.link.about ?? "?"}) ${l.link.why}` : `${l.link.part ?? "?"}: ${l.link.why}`,
    verdict: l.findings.length ? l.findings.map(verdictText).join(", ") : "—",
    basis: basisText(l.findings),
    reading: `${readingText(l.link)}${l.link.judgement ? " · judgement call" : ""}`,
    counts: COUNTS_AS[l.outcome],
    detail: l.detail,
  }));
  return pl.DataFrame(rows.length ? rows : [{ finding: "", tests: "", verdict: "", basis: "", reading: "", counts: "", detail: "" }]).head(rows.length);
}

/**
 * The counts in words.
 * @example countsText(countOutcomes(["for", "against", "context"])); // "1 for, 1 against, 0 inconclusive, 0 untestable; not counted: 1 context, 0 project checks, 0 not in this run"
 */
export function countsText(c: Counts): string {
  return `${c.for} for, ${c.against} against, ${c.inconclusive} inconclusive, ${c.untestable} untestable; not counted: ${c.context} context, ${c.check} project checks, ${c.cannot_fail} that cannot fail, ${c.absent} not in this run`;
}

/**
 * The sensitivity line: which single judgement-call link, flipped to its alternative reading, would change the summary.
 * @example sensitivityText("supported", judgementFlips(p, findings)); // "No single judgement call changes it (2 tried: …)."
 */
export function sensitivityText(summary: string, flips: Flip[]): string {
  if (flips.length === 0) return "No link's reading is marked a judgement call.";
  const changing = flips.filter((f) => f.changes);
  const name = (f: Flip): string => `${linkIds(f.link).join(" + ")} (${readingText(f.link)} → ${readingText(f.to)})`;
  if (changing.length === 0) return `No single judgement call changes \`${summary}\` (${flips.length} tried: ${flips.map(name).join("; ")}).`;
  return (
    changing.map((f) => `Flipping ${name(f)} would make it \`${f.summary}\` — ${f.link.judgement!.reason}.`).join(" ") +
    (flips.length > changing.length ? ` The other ${flips.length - changing.length} judgement call(s) would not change it.` : "")
  );
}

/**
 * The assessment in words: summary with its counts and basis, each part's summary (when the statement
 * has several), and the sensitivity line.
 * @example nb.say(assessmentText(assess(p, findings), judgementFlips(p, findings)));
 */
export function assessmentText(a: Assessment, flips: Flip[]): string {
  const decided = a.links.filter((l) => l.outcome === "for" || l.outcome === "against");
  const report = decided.filter((l) => l.findings.every((f) => findingBasis(f) === "report")).length;
  const open = decided.filter((l) => l.findings.every((f) => findingBasis(f) === "open_data")).length;
  const both = decided.length - report - open;
  const basis = decided.length ? ` Deciding links: ${decided.length} (${report} on the report's own figures, ${open} on open data${both ? `, ${both} on both` : ""}).` : "";
  const parts = a.proposition.parts.length > 1 ? `\n\n${partsText(a)}` : "";
  const reportOnly =
    a.summary === "consistent_with_report"
      ? " Consistent with the report's own figures; not testable against open data."
      : decided.length && report === decided.length
        ? ` \`${a.summary}\` on the report's own figures only: no deciding link rests on open data.`
        : "";
  return `**${a.proposition.id}: \`${a.summary}\`** — ${countsText(a.counts)}.${basis}${reportOnly}${parts}\n\n**Sensitivity.** ${sensitivityText(a.summary, flips)}`;
}

/**
 * Which parts of the statement the evidence bears out (supported), goes against (weakened), splits on (mixed), cannot decide (inconclusive) or leaves untested.
 * @example partsText(assess(main, findings)); // "**Which parts the evidence bears out** — borne out: job growth (3 for, 0 against, 1 inconclusive, 1 untestable). …"
 */
export function partsText(a: Assessment): string {
  const ps = partAssessments(a);
  const group = (s: string, label: string): string => {
    const xs = ps.filter((p) => p.summary === s);
    return `${label}: ${xs.length ? xs.map((p) => `${p.part} (${p.counts.for} for, ${p.counts.against} against, ${p.counts.inconclusive} inconclusive, ${p.counts.untestable} untestable)`).join("; ") : "none"}`;
  };
  return `**Which parts the evidence bears out** — ${group("supported", "Borne out")}. ${group("consistent_with_report", "Consistent with the report's own figures only")}. ${group("weakened", "Not borne out")}. ${group("mixed", "Mixed")}. ${group("inconclusive", "Inconclusive")}. ${group("untestable", "Untested")}.`;
}

/**
 * One row per part of the statement: its summary and the counts of the links that test it.
 * @example nb.table(partsFrame(assess(main, findings)), { caption: "main conclusion by part" });
 */
export function partsFrame(a: Assessment): pl.DataFrame {
  return pl.DataFrame(
    partAssessments(a).map((p) => ({ part: p.part, summary: p.summary, for: p.counts.for, against: p.counts.against, inconclusive: p.counts.inconclusive, untestable: p.counts.untestable })),
  );
}

/**
 * One row per proposition: summary, counts, parts and the sensitivity line.
 * @example nb.table(assessmentTable(CONCLUSIONS, findings), { caption: "Conclusions of chapter 5" });
 */
export function assessmentTable(props: Proposition[], findings: Finding[]): pl.DataFrame {
  const rows = props.map((p) => {
    const a = assess(p, findings);
    const flips = judgementFlips(p, findings);
    const n = (k: keyof Counts): number => a.counts[k];
    return {
      id: p.id,
      source: p.source,
      summary: a.summary,
      for: n("for"),
      against: n("against"),
      inconclusive: n("inconclusive"),
      untestable: n("untestable"),
      not_counted: n("context") + n("check") + n("cannot_fail") + n("absent"),
      parts: p.parts.length > 1 ? partAssessments(a).map((x) => `${x.part}: ${x.summary}`).join("; ") : "",
      sensitivity: flips.some((f) => f.changes)
        ? flips.filter((f) => f.changes).map((f) => `${linkIds(f.link).join(" + ")} → ${f.summary}`).join("; ")
        : `no single flip changes it (${flips.length} judgement calls)`,
    };
  });
  return pl.DataFrame(rows);
}
