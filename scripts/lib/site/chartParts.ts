/**
 * What the index charts share: font, verdict names, the source line under a chart.
 */
import type { Verdict } from "../../../src/lib/findings/types";
import { VERDICT_STYLE } from "../../../src/lib/plots/palette";

export const FONT = { size: 12, family: "system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif" };

/** A verdict's legend name: its symbol and word. */
export function verdictName(v: Verdict): string {
  return `${VERDICT_STYLE[v]!.symbol} ${v}`;
}

/** Where the index charts' numbers come from. */
export const OVERVIEW_SOURCE = "findings.json of this run";

/**
 * The source line of an index chart: an annotation at the bottom left, `below` px under the plot
 * area (past the x tick labels and axis title; the bottom margin leaves room for it).
 */
export function sourceNote(source: string, below: number): Record<string, unknown> {
  return {
    xref: "paper",
    x: 0,
    xanchor: "left",
    yref: "paper",
    y: 0,
    yanchor: "top",
    yshift: -below,
    text: `Source: ${source}`,
    showarrow: false,
    align: "left",
    font: { size: 11, color: "#555555" },
  };
}
