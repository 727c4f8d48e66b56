/**
 * The index page's deviation chart, as plain plotly data (pure): for every finding whose
 * published and computed values are numbers or ranges, computed − published as a percentage
 * of the published value, against that finding's own tolerance band (published ± tolerance,
 * a range widened by the tolerance at both ends), on a symmetric log scale
 * (sign · log10(1 + |%|)) so that a ±0.5 % band and a 60 % gap both show.
 * Computed intervals are drawn as ranges. Values beyond ±1000 % sit at the
 * edge as a triangle; hover gives the actual values. Rows are labelled in words
 * (a shared claim with its reading); narrow screens get shorter labels and fewer ticks.
 */
import type { PlotlyFigure } from "../../../src/lib/plots/common";
import { VERDICT_STYLE } from "../../../src/lib/plots/palette";
import { VERDICT_ORDER } from "../../../src/lib/findings/render";
import type { Finding, Verdict } from "../../../src/lib/findings/types";
import { formatComputed, formatPublished, formatTolerance, isNumeric } from "./format";
import { FONT, OVERVIEW_SOURCE, sourceNote, verdictName } from "./chartParts";

/** Where a numeric finding sits relative to its published value, in % of that value. */
export interface Deviation {
  id: string;
  /** Published centre (a number, or a range's midpoint); never 0. */
  centre: number;
  /** Tolerance band, % of the centre. */
  band: [number, number];
  /** The published range itself, % of the centre (ranges only). */
  publishedRange: [number, number] | null;
  /** The computed value or interval, % of the centre. */
  computed: [number, number];
}

/**
 * A numeric finding's deviation in % of the published value, or null when the published centre is 0
 * (no percentage exists) or the finding is not numeric.
 */
export function deviation(f: Finding): Deviation | null {
  if (!isNumeric(f)) return null;
  const p = f.published as number | [number, number];
  const c = f.computed as number | [number, number];
  const centre = Array.isArray(p) ? (p[0] + p[1]) / 2 : p;
  if (centre === 0) return null;
  const rel = (v: number): number => ((v - centre) / Math.abs(centre)) * 100;
  const [lo, hi] = Array.isArray(p) ? p : [p, p];
  return {
    id: f.id,
    centre,
    band: [rel(lo - f.tolerance), rel(hi + f.tolerance)],
    publishedRange: Array.isArray(p) ? [rel(p[0]), rel(p[1])] : null,
    computed: Array.isArray(c) ? [rel(c[0]), rel(c[1])] : [rel(c), rel(c)],
  };
}

/** `s` cut to at most `n` characters at a word boundary, with "…" when cut. */
export function truncate(s: string, n: number): string {
  if (s.length <= n) return s;
  const cut = s.slice(0, n - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > n / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:(–-]+$/, "")}…`;
}

/**
 * A finding's reading in words, for telling apart findings that share a claim: what its note says the
 * claim is "read as", else its id's last part with dates and underscores spelled out
 * (`jan2001_jan2008` → "1 Jan 2001 → 1 Jan 2008", `five_city_regions` → "five city regions").
 */
export function readingLabel(f: Finding): string {
  const reading = f.note.split("\n").find((l) => l.startsWith("reading:")) ?? "";
  const readAs = /read as (?:the )?([^(:,;]+)/.exec(reading)?.[1]?.trim();
  if (readAs) return readAs;
  const last = f.id.split(".").slice(2).join(" ");
  return last
    .replace(/jan(\d{4})_jan(\d{4})/gi, "1 Jan $1 → 1 Jan $2")
    .replace(/_/g, " ")
    .trim();
}

/** The y label of a finding: section and claim, shortened at a word; with the reading when `shared` (another row has the same claim). */
export function rowLabel(f: Finding, shared = false): string {
  const reading = shared ? readingLabel(f) : "";
  return `§${f.section} ${truncate(f.claim, reading ? 34 : 52)}${reading ? ` — ${truncate(reading, 26)}` : ""}`;
}

/**
 * Row labels that tell every row apart: a claim shared with another row gets its reading; a claim
 * whose shortened form collides with another's keeps its first words and jumps, after "…", to where
 * the claims start to differ ("KRD: population growth … small-centre regions (check …").
 */
export function rowLabels(findings: Finding[]): string[] {
  const sharedClaim = (f: Finding): boolean => findings.filter((g) => g.claim === f.claim).length > 1;
  const first = findings.map((f) => rowLabel(f, sharedClaim(f)));
  return findings.map((f, i) => {
    const twins = findings.filter((g, j) => j !== i && first[j] === first[i] && g.claim !== f.claim);
    if (twins.length === 0) return first[i]!;
    const words = f.claim.split(" ");
    // the first word at which this claim differs from any of its twins
    const at = Math.min(...twins.map((g) => words.findIndex((w, k) => g.claim.split(" ")[k] !== w)).filter((k) => k >= 0));
    const lead = truncate(words.slice(0, Math.min(3, at)).join(" "), 24);
    return `§${f.section} ${lead} … ${truncate(words.slice(at).join(" "), 52 - lead.length - 3)}`;
  });
}

const MARKER: Record<Verdict, string> = {
  reproduced: "circle",
  corroborated: "diamond",
  diverges: "square",
  contradicted: "x",
  inconclusive: "triangle-up",
  untestable: "circle-open",
};

/** Deviations beyond ±CLIP % sit at the scale's edge. */
export const CLIP = 1000;

/** The symmetric log scale: sign(x) · log10(1 + |x|), x in % (0 → 0, ±1 % → ±0.30, ±10 % → ±1.04, ±100 % → ±2.00). */
export function symlog(x: number): number {
  return Math.sign(x) * Math.log10(1 + Math.abs(x));
}

/** The scale's half-width in % (before the transform): the largest band end or value, at most CLIP, at least 1. */
export function deviationRange(devs: Deviation[]): number {
  const all = devs.flatMap((d) => [...d.band, ...d.computed, ...(d.publishedRange ?? [])]).map(Math.abs);
  return Math.min(CLIP, Math.max(1, ...all));
}

/** Tick steps of the symmetric log scale, in % (each side of 0). */
const STEPS = [0.1, 1, 3, 10, 30, 100, 300, 1000];

/** The scale's edge: the smallest tick step ≥ range, so the axis ends on a labelled tick. */
export function scaleEdge(range: number): number {
  return STEPS.find((s) => s >= range * 0.9999) ?? CLIP;
}

/** Tick values (on the transformed axis) and labels for the symmetric log scale up to ±edge %. */
export function symlogTicks(edge: number): { tickvals: number[]; ticktext: string[] } {
  // ±0.1 % only on a narrow scale: on a wide one its label would overprint 0's
  const steps = STEPS.filter((v) => v <= edge * 1.0001 && (edge < 10 || v >= 1));
  const label = (v: number): string => `${v < 0 ? "−" : v > 0 ? "+" : ""}${Math.abs(v)} %`;
  const vals = [...steps.map((v) => -v).reverse(), 0, ...steps];
  return { tickvals: vals.map(symlog), ticktext: vals.map(label) };
}

/**
 * Published vs computed for the numeric findings (in the given order), each against its tolerance band.
 * Returns the figure and the ids left out because their published value is 0.
 */
export function deviationFigure(findings: Finding[]): { figure: PlotlyFigure; shown: string[]; leftOut: string[] } {
  const numeric = findings.filter(isNumeric);
  const pairs = numeric.map((f) => ({ f, d: deviation(f) }));
  const shownPairs = pairs.filter((p): p is { f: Finding; d: Deviation } => p.d !== null);
  const leftOut = pairs.filter((p) => p.d === null).map((p) => p.f.id);
  const R = deviationRange(shownPairs.map((p) => p.d));
  // clip to the scale, then transform: every x below is on the symmetric log axis
  const clip = (x: number): number => symlog(Math.max(-R, Math.min(R, x)));
  const ids = shownPairs.map((p) => p.f.id);
  const hoverInfo = (f: Finding): string[] => [
    rowLabel(f, true),
    f.claim,
    formatPublished(f),
    formatComputed(f.computed, f),
    f.unit,
    formatTolerance(f.tolerance),
    f.robustness.status === "fragile" ? " — fragile" : "",
  ];
  const pct = (d: Deviation): string => {
    const m = (d.computed[0] + d.computed[1]) / 2;
    return `${m < 0 ? "−" : "+"}${Math.abs(m).toPrecision(3)} %`;
  };
  const band = {
    type: "bar",
    orientation: "h",
    name: "tolerance band (published ± tolerance)",
    y: ids,
    base: shownPairs.map((p) => clip(p.d.band[0])),
    x: shownPairs.map((p) => clip(p.d.band[1]) - clip(p.d.band[0])),
    width: 0.7,
    marker: { color: "#dddddd", line: { color: "#bbbbbb", width: 1 } },
    customdata: shownPairs.map((p) => hoverInfo(p.f)),
    hovertemplate: "%{customdata[1]}<br>published %{customdata[2]} %{customdata[4]}, tolerance %{customdata[5]}<extra>band</extra>",
  };
  const ranged = shownPairs.filter((p) => p.d.publishedRange !== null);
  const publishedRange = {
    type: "bar",
    orientation: "h",
    name: "published range",
    y: ranged.map((p) => p.f.id),
    base: ranged.map((p) => clip(p.d.publishedRange![0])),
    x: ranged.map((p) => clip(p.d.publishedRange![1]) - clip(p.d.publishedRange![0])),
    width: 0.3,
    marker: { color: "#888888" },
    hoverinfo: "skip",
  };
  const computed = VERDICT_ORDER.filter((v) => shownPairs.some((p) => p.f.verdict === v)).map((v) => {
    const ps = shownPairs.filter((p) => p.f.verdict === v);
    const mid = ps.map((p) => clip((p.d.computed[0] + p.d.computed[1]) / 2));
    const off = (p: { d: Deviation }): number => (p.d.computed[0] + p.d.computed[1]) / 2;
    const s = VERDICT_STYLE[v]!;
    return {
      type: "scatter",
      mode: "markers",
      name: `computed: ${verdictName(v)}`,
      y: ps.map((p) => p.f.id),
      x: mid,
      marker: {
        color: s.colour,
        size: 10,
        symbol: ps.map((p) => (off(p) > R ? "triangle-right" : off(p) < -R ? "triangle-left" : MARKER[v])),
        line: { color: "#000000", width: 1 },
      },
      error_x: {
        type: "data",
        symmetric: false,
        array: ps.map((p, i) => clip(p.d.computed[1]) - mid[i]!),
        arrayminus: ps.map((p, i) => mid[i]! - clip(p.d.computed[0])),
        color: s.colour,
        thickness: 2,
        width: 4,
      },
      customdata: ps.map((p) => [...hoverInfo(p.f), pct(p.d)]),
      hovertemplate:
        "%{customdata[1]}<br>published %{customdata[2]} %{customdata[4]} (tolerance %{customdata[5]})<br>computed %{customdata[3]} %{customdata[4]}" +
        `<br>%{customdata[7]} of the published value<br>${verdictName(v)}%{customdata[6]}<extra></extra>`,
    };
  });
  const height = 190 + 22 * Math.max(1, ids.length);
  const labels = rowLabels(shownPairs.map((p) => p.f));
  const ticks = symlogTicks(scaleEdge(R));
  const xaxis = {
    title: {
      text: `computed − published, % of the published value<br>(symmetric log scale; 0 = published${R >= CLIP ? `; beyond ±${CLIP} % at the edge` : ""})`,
    },
    range: [-symlog(scaleEdge(R)) * 1.04, symlog(scaleEdge(R)) * 1.04],
    tickmode: "array",
    ...ticks,
    zeroline: true,
    zerolinecolor: "#000000",
    zerolinewidth: 1.5,
    gridcolor: "#e5e5e5",
    automargin: true,
    side: "bottom",
  };
  const yaxis = {
    title: { text: ids.length >= 8 ? "finding (section and claim)" : "finding", standoff: 10 },
    automargin: true,
    autorange: "reversed",
    type: "category",
    categoryorder: "array",
    categoryarray: ids,
    tickmode: "array",
    tickvals: ids,
    ticktext: labels,
    tickfont: { size: 11 },
  };
  const layout: Record<string, unknown> = {
    font: FONT,
    height,
    margin: { t: 40, r: 20, b: 100, l: 10 },
    barmode: "overlay",
    legend: { orientation: "h", x: 0, y: 1, yanchor: "bottom" },
    xaxis,
    yaxis,
    annotations: [sourceNote(OVERVIEW_SOURCE, 66)],
    paper_bgcolor: "#ffffff",
    plot_bgcolor: "#ffffff",
  };
  // narrow screens: row labels cut to 24 characters (the hover has the claim) and fewer ticks
  // 0 and the powers of ten within a decade of the scale's edge (closer to 0 they would overprint it)
  const edge = scaleEdge(R);
  const keep = ticks.ticktext.map((t) => {
    const m = /^[−+]?(\d+(?:\.\d+)?) %$/.exec(t);
    const v = m ? Number(m[1]) : NaN;
    return v === 0 || (Number.isInteger(Math.log10(v)) && v >= edge / 10);
  });
  const narrow = {
    layout: {
      ...layout,
      xaxis: { ...xaxis, tickvals: ticks.tickvals.filter((_, i) => keep[i]), ticktext: ticks.ticktext.filter((_, i) => keep[i]) },
      yaxis: { ...yaxis, ticktext: labels.map((l) => truncate(l, 24)), tickfont: { size: 10 } },
    },
  };
  return { shown: ids, leftOut, figure: { data: [band, ...(ranged.length ? [publishedRange] : []), ...computed], layout, narrow } };
}
