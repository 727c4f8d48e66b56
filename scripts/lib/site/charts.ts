/**
 * The index page's two figures, as plain plotly data (pure):
 * - the verdict overview (here): per chapter (report claims and project checks on
 *   separate rows), the number of findings of each verdict, stacked, each verdict with
 *   its symbol on the bar and a pattern of its own;
 * - the deviation chart (deviationChart.ts, re-exported): published vs computed.
 */
import type { PlotlyFigure } from "../../../src/lib/plots/common";
import { VERDICT_STYLE } from "../../../src/lib/plots/palette";
import { VERDICT_ORDER } from "../../../src/lib/findings/render";
import type { Finding } from "../../../src/lib/findings/types";
import { FONT, OVERVIEW_SOURCE, sourceNote, verdictName } from "./chartParts";

export { verdictName, sourceNote, OVERVIEW_SOURCE } from "./chartParts";
export * from "./deviationChart";

/** The rows of the overview: one per chapter for report claims, one more where a chapter has project checks. */
export function overviewRows(
  findings: Finding[],
  chapterTitles: Record<number, string> = {},
): { label: string; chapter: number; kind: Finding["kind"] }[] {
  const chapters = [...new Set(findings.map((f) => f.chapter))].sort((a, b) => a - b);
  return chapters.flatMap((c) =>
    (["claim", "check", "follow_up"] as const)
      .filter((k) => findings.some((f) => f.chapter === c && f.kind === k))
      .map((kind) => ({
        chapter: c,
        kind,
        label: `Ch. ${c}${chapterTitles[c] ? ` ${chapterTitles[c]}` : ""} — ${kind === "claim" ? "report claims" : kind === "check" ? "project checks" : "follow-ups (a later period)"}`,
      })),
  );
}

/** Verdict counts per chapter (claims and checks apart), stacked horizontally, one trace per verdict present. */
export function overviewFigure(findings: Finding[], chapterTitles: Record<number, string> = {}): PlotlyFigure {
  const rows = overviewRows(findings, chapterTitles);
  const data = VERDICT_ORDER.filter((v) => findings.some((f) => f.verdict === v)).map((v) => {
    const counts = rows.map((r) => findings.filter((f) => f.chapter === r.chapter && f.kind === r.kind && f.verdict === v).length);
    const s = VERDICT_STYLE[v]!;
    return {
      type: "bar",
      orientation: "h",
      // the symbol in the text and a pattern on the bar: the verdict never rests on colour alone
      name: verdictName(v),
      y: rows.map((r) => r.label),
      x: counts,
      text: counts.map((n) => (n > 0 ? `${s.symbol} ${n}` : "")),
      textposition: "inside",
      textangle: 0,
      insidetextanchor: "middle",
      textfont: { color: s.text },
      marker: { color: s.colour, line: { color: "#ffffff", width: 1 }, ...barPattern(s.pattern, s.text) },
      hovertemplate: `%{y}<br>${verdictName(v)}: %{x} findings<extra></extra>`,
    };
  });
  const yaxis = {
    title: { text: "chapter", standoff: 10 },
    automargin: true,
    autorange: "reversed",
    categoryorder: "array",
    categoryarray: rows.map((r) => r.label),
  };
  const layout: Record<string, unknown> = {
    barmode: "stack",
    uniformtext: { mode: "hide", minsize: 10 },
    font: FONT,
    height: 130 + 34 * rows.length,
    margin: { t: 40, r: 20, b: 70, l: 40 },
    legend: { orientation: "h", x: 0, y: 1.02, yanchor: "bottom", traceorder: "normal" },
    xaxis: { title: { text: "findings (count)" }, automargin: true, gridcolor: "#e5e5e5", rangemode: "tozero" },
    yaxis,
    annotations: [sourceNote(OVERVIEW_SOURCE, 42)],
    paper_bgcolor: "#ffffff",
    plot_bgcolor: "#ffffff",
  };
  // narrow screens: rows named by chapter number and kind only (the hover keeps the chapter's title)
  const short = rows.map((r) => `Ch. ${r.chapter} ${r.kind === "claim" ? "claims" : r.kind === "check" ? "checks" : "follow-ups"}`);
  return { data, layout, narrow: { layout: { ...layout, yaxis: { ...yaxis, tickmode: "array", tickvals: yaxis.categoryarray, ticktext: short } } } };
}

/** A bar pattern (plotly marker.pattern) in the text colour, faint enough for the bar's text to read. */
function barPattern(shape: string, colour: string): Record<string, unknown> {
  return shape ? { pattern: { shape, fillmode: "overlay", fgcolor: colour, fgopacity: 0.35, size: 8, solidity: 0.2 } } : {};
}
