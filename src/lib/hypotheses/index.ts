import * as pl from "nodejs-polars";
import type { Finding } from "../findings/types";
import { escapeHtml } from "../findings/render";
import { assess, summarise, type Assessment, type Proposition } from "./types";

export { HYPOTHESES, CONCLUSIONS, MAIN_CONCLUSION } from "./registry";
export { assess, summarise, type Assessment, type Proposition, type Link, type Reading } from "./types";

/** One row per proposition: counts for / against / untestable, and the summary sentence. */
export function assessmentTable(props: Proposition[], findings: Finding[]): pl.DataFrame {
  const a = props.map((p) => assess(p, findings));
  return pl.DataFrame({
    id: a.map((x) => x.proposition.id),
    source: a.map((x) => x.proposition.source),
    for: pl.Series(
      "for",
      a.map((x) => x.for.length),
      pl.Int64,
    ),
    against: pl.Series(
      "against",
      a.map((x) => x.against.length),
      pl.Int64,
    ),
    untestable: pl.Series(
      "untestable",
      a.map((x) => x.untestable.length),
      pl.Int64,
    ),
    summary: a.map((x) => summarise(x)),
  });
}

/** A proposition with its evidence, as HTML. */
export function assessmentHtml(a: Assessment): string {
  const li = (xs: Assessment["for"]): string =>
    xs.length
      ? `<ul>${xs.map((x) => `<li><code>${escapeHtml(x.finding.id)}</code> (${x.finding.verdict}): ${escapeHtml(x.link.why)}</li>`).join("")}</ul>`
      : "<p>—</p>";
  const p = a.proposition;
  return (
    `<div class="proposition" id="${escapeHtml(p.id)}" style="border-left:4px solid #0969da;padding:4px 10px;margin:6px 0;font-family:sans-serif">` +
    `<div><code>${escapeHtml(p.id)}</code> · ${escapeHtml(p.source)} (seed lines ${p.lines[0]}–${p.lines[1]})</div>` +
    `<div style="margin:4px 0"><b>${escapeHtml(p.statement)}</b></div>` +
    (p.predicts ? `<div><i>Predicts:</i> ${escapeHtml(p.predicts)}</div>` : "") +
    `<div><b>For</b>${li(a.for)}<b>Against</b>${li(a.against)}<b>Untestable</b>${li(a.untestable)}${a.context.length ? `<b>Context</b>${li(a.context)}` : ""}</div>` +
    `<div style="font-size:90%;color:#444">${escapeHtml(summarise(a))}</div></div>`
  );
}
