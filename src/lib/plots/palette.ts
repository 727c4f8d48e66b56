/**
 * One palette per meaning, shared by every figure of the project:
 * - region types (city, small_town, outside, innlandet, norway …) always get the
 *   same Okabe–Ito colour, whichever figure they appear in;
 * - other categories get Paul Tol's "muted" colours (≤ 9; colour-blind safe and
 *   unlike the region types' saturated Okabe–Ito hues, so blue keeps meaning
 *   "city regions") or Tol's 14-colour discrete rainbow (10–14, e.g. the 13
 *   sectors of Figur 3.6), never repeated within a figure;
 * - values around a centre (LQ around 1, change around 0) use ColorBrewer's
 *   RdBu: red below, blue above, white at the centre;
 * - parts of a whole that fall into families (Figur 3.6's 13 sectors in 3 groups) get a
 *   hue per family, shades within it and a fill pattern each (familyStyles);
 * - verdicts have a colour-blind-safe colour, a symbol and a bar pattern each.
 * Okabe & Ito (2008), "Color Universal Design"; Tol (2021), SRON/EPS/TN/09-002;
 * Brewer, colorbrewer2.org (RdBu, colour-blind safe).
 */
import { PlotInputError } from "./common";

/** Okabe–Ito's eight colours (the region types and verdicts take theirs from these). */
export const OKABE_ITO: readonly string[] = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#F0E442"];

/** Paul Tol's "muted" qualitative scheme (9 colours, in his order), for categories that are not region types. */
export const TOL_MUTED: readonly string[] = ["#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499"];

/** Paul Tol's discrete rainbow for 14 colours, used when 10–14 categories need distinct colours. */
export const TOL_RAINBOW_14: readonly string[] = [
  "#D1BBD7",
  "#AE76A3",
  "#882E72",
  "#1965B0",
  "#5289C7",
  "#7BAFDE",
  "#4EB265",
  "#90C987",
  "#CAE0AB",
  "#F7F056",
  "#F6C141",
  "#F1932D",
  "#E8601C",
  "#DC050C",
];

/** Colour of each region type (and of the reference areas Innlandet and Norway) in every figure. */
export const REGION_TYPE_COLOURS: Readonly<Record<string, string>> = {
  city: "#0072B2",
  smb_city: "#56B4E9",
  big_city: "#CC79A7",
  small_town: "#E69F00",
  outside: "#999999",
  innlandet: "#009E73",
  norway: "#000000",
};

/** Legend names for region types; other keys are shown as given. */
export const REGION_TYPE_LABELS: Readonly<Record<string, string>> = {
  city: "city regions",
  smb_city: "small and medium city regions",
  big_city: "big-city regions",
  small_town: "small-town regions",
  outside: "regions centred outside Innlandet",
  innlandet: "Innlandet",
  norway: "Norway",
};

/**
 * The name a legend shows for a key: the caller's label, else the region type's name, else the key.
 * @example
 * displayName("small_town"); // "small-town regions"
 * displayName("goods_1", { goods_1: "agriculture" }); // "agriculture"
 */
export function displayName(key: string, labels?: Record<string, string>): string {
  return labels?.[key] ?? REGION_TYPE_LABELS[key] ?? key;
}

/**
 * The region-type colour for a key, or undefined. Accepts the type itself and the
 * area keys built from it (`innlandet_city_regions`, `norway_small_town_regions`).
 * @example
 * regionTypeColour("city"); // "#0072B2"
 * regionTypeColour("innlandet_city_regions"); // "#0072B2"
 * regionTypeColour("goods_1"); // undefined
 */
export function regionTypeColour(key: string): string | undefined {
  const k = key.toLowerCase();
  if (REGION_TYPE_COLOURS[k]) return REGION_TYPE_COLOURS[k];
  const stem = k.replace(/_regions?$/, "").replace(/^(norway|innlandet)_/, "");
  return stem !== k ? REGION_TYPE_COLOURS[stem] : undefined;
}

export interface ColourMapOptions {
  /** Colours the caller fixes for some keys (win over everything). */
  colours?: Record<string, string>;
  /** Give region types their fixed colours (default true). */
  regionTypes?: boolean;
}

/**
 * A distinct colour for each key: caller's colours first, region types their
 * fixed colour, the rest from Tol's muted scheme (≤ 9 keys in all) or Tol's
 * 14-colour rainbow, skipping colours already taken. Deterministic in the keys' order.
 * @throws PlotInputError when more keys need a colour than the palette holds.
 * @example
 * colourMap(["small_town", "city"]); // { small_town: "#E69F00", city: "#0072B2" }
 * colourMap(["a", "b"]); // { a: "#332288", b: "#88CCEE" }
 */
export function colourMap(keys: readonly string[], opts: ColourMapOptions = {}): Record<string, string> {
  const unique = [...new Set(keys)];
  const out: Record<string, string> = {};
  const rest: string[] = [];
  for (const k of unique) {
    const c = opts.colours?.[k] ?? (opts.regionTypes === false ? undefined : regionTypeColour(k));
    if (c) out[k] = c;
    else rest.push(k);
  }
  const taken = new Set(Object.values(out).map((c) => c.toUpperCase()));
  const palette = unique.length <= TOL_MUTED.length ? TOL_MUTED : TOL_RAINBOW_14;
  const free = palette.filter((c) => !taken.has(c.toUpperCase()));
  if (rest.length > free.length) {
    throw new PlotInputError(
      "colourMap",
      `${unique.length} categories need distinct colours but the palette has ${free.length} free of ${palette.length} ` +
        `(${rest.slice(0, 3).join(", ")} …); colour by a coarser column or pass opts.colours`,
    );
  }
  rest.forEach((k, i) => (out[k] = free[i]!));
  return out;
}

/** ColorBrewer RdBu (9 classes): red below the centre, white at it, blue above. */
export const DIVERGING: readonly string[] = ["#B2182B", "#D6604D", "#F4A582", "#FDDBC7", "#F7F7F7", "#D1E5F0", "#92C5DE", "#4393C3", "#2166AC"];

/**
 * The diverging scale as a plotly `colorscale` ([position, colour] pairs from 0 to 1).
 * @example
 * divergingColorscale()[0]; // [0, "#B2182B"]
 */
export function divergingColorscale(): [number, string][] {
  return DIVERGING.map((c, i) => [i / (DIVERGING.length - 1), c]);
}

function rgb(hex: string): [number, number, number] {
  const h = hex.replace("#", "");
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

function hex(c: number[]): string {
  return (
    "#" +
    c
      .map((v) =>
        Math.round(Math.min(255, Math.max(0, v)))
          .toString(16)
          .padStart(2, "0"),
      )
      .join("")
      .toUpperCase()
  );
}

/**
 * The diverging colour of `value` on a scale from `-range` to `+range` around `centre`,
 * interpolated linearly in RGB between the RdBu stops (as plotly does).
 * @throws PlotInputError when the value lies off the scale or the range is not positive.
 * @example
 * divergingColour(0, 10); // "#F7F7F7" (the centre)
 * divergingColour(-10, 10); // "#B2182B"
 */
export function divergingColour(value: number, range: number, centre = 0): string {
  if (!(range > 0)) throw new PlotInputError("divergingColour", `range must be > 0 (found ${range})`);
  const t = (value - centre + range) / (2 * range);
  if (t < -1e-9 || t > 1 + 1e-9) throw new PlotInputError("divergingColour", `value ${value} lies off the scale ${centre} ± ${range}`);
  const pos = Math.min(1, Math.max(0, t)) * (DIVERGING.length - 1);
  const i = Math.min(Math.floor(pos), DIVERGING.length - 2);
  const a = rgb(DIVERGING[i]!);
  const b = rgb(DIVERGING[i + 1]!);
  const f = pos - i;
  return hex(a.map((v, k) => v + (b[k]! - v) * f));
}

function luminance(colour: string): number {
  const [r, g, b] = rgb(colour).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Black or white, whichever has the higher WCAG contrast on `colour`.
 * @example
 * readableText("#0072B2"); // "#FFFFFF"
 * readableText("#E69F00"); // "#000000"
 */
export function readableText(colour: string): string {
  const l = luminance(colour);
  return 1.05 / (l + 0.05) > (l + 0.05) / 0.05 ? "#FFFFFF" : "#000000";
}

/**
 * A colour mixed with white: `amount` 0 keeps it, 1 gives white.
 * @example
 * lighten("#000000", 0.5); // "#808080"
 */
export function lighten(colour: string, amount: number): string {
  return hex(rgb(colour).map((v) => v + (255 - v) * amount));
}

/** Sequential ramps (ColorBrewer Oranges, Blues, Greys; dark to light), one per family in familyStyles. */
export const FAMILY_RAMPS: readonly (readonly string[])[] = [
  ["#A63603", "#E6550D", "#FD8D3C", "#FDAE6B", "#FDD0A2", "#FEEDDE"],
  ["#084594", "#2171B5", "#4292C6", "#6BAED6", "#9ECAE1", "#C6DBEF"],
  ["#252525", "#525252", "#737373", "#969696", "#BDBDBD", "#D9D9D9"],
];

/** Fill patterns (plotly `marker.pattern.shape`) given to the members of a family in turn. */
export const FAMILY_PATTERNS: readonly string[] = ["", "/", "\\", "x", ".", "+"];

/**
 * A colour and a fill pattern for each key that belongs to a family (e.g. Figur 3.6's sectors in
 * goods / private / public services): a ramp per family in order of first appearance, members
 * spread over it dark to light, and the k-th member of every family the k-th pattern, so that
 * no two keys rest on colour alone (hue tells the family even under colour-vision deficiency).
 * @throws PlotInputError with more than 3 families or more than 6 members in one.
 * @example
 * familyStyles(["a1", "a2", "b1"], { a1: "a", a2: "a", b1: "b" });
 * // { a1: { colour: "#A63603", pattern: "" }, a2: { colour: "#FEEDDE", pattern: "/" }, b1: { colour: "#084594", pattern: "" } }
 */
export function familyStyles(keys: readonly string[], familyOf: Record<string, string>): Record<string, { colour: string; pattern: string }> {
  const unique = [...new Set(keys)];
  const missing = unique.find((k) => familyOf[k] === undefined);
  if (missing !== undefined) throw new PlotInputError("familyStyles", `no family for '${missing}'`);
  const families = [...new Set(unique.map((k) => familyOf[k]!))];
  if (families.length > FAMILY_RAMPS.length)
    throw new PlotInputError("familyStyles", `${families.length} families but ${FAMILY_RAMPS.length} ramps (${families.join(", ")})`);
  const out: Record<string, { colour: string; pattern: string }> = {};
  families.forEach((fam, f) => {
    const members = unique.filter((k) => familyOf[k] === fam);
    const ramp = FAMILY_RAMPS[f]!;
    if (members.length > ramp.length)
      throw new PlotInputError("familyStyles", `family '${fam}' has ${members.length} members, at most ${ramp.length}`);
    members.forEach((k, i) => {
      const at = members.length === 1 ? 0 : Math.round((i * (ramp.length - 1)) / (members.length - 1));
      out[k] = { colour: ramp[at]!, pattern: FAMILY_PATTERNS[i]! };
    });
  });
  return out;
}

export interface VerdictStyle {
  colour: string;
  /** Text colour that reads on `colour` (the higher WCAG contrast of black and white). */
  text: string;
  symbol: string;
  /** Fill pattern of the verdict's bars (plotly `marker.pattern.shape`; "" = solid), so bars never rest on colour alone. */
  pattern: string;
  label: string;
}

/**
 * Verdict colours and a symbol and bar pattern each, so the verdict never rests on colour alone.
 * Holding verdicts are blues (dark, light), failing ones orange and wine, inconclusive
 * reddish purple, untestable light grey: from Okabe–Ito (blue, sky blue, orange, reddish purple)
 * and Tol (wine), chosen so that every pair stays apart under simulated deuteranopia
 * (Machado et al. 2009; tests/plots/palette.test.ts checks the distances).
 */
export const VERDICT_STYLE: Readonly<Record<string, VerdictStyle>> = {
  reproduced: { colour: "#0072B2", text: "#FFFFFF", symbol: "✓", pattern: "", label: "reproduced" },
  corroborated: { colour: "#56B4E9", text: "#000000", symbol: "✓", pattern: "/", label: "corroborated" },
  diverges: { colour: "#E69F00", text: "#000000", symbol: "≠", pattern: "-", label: "diverges" },
  contradicted: { colour: "#882255", text: "#FFFFFF", symbol: "✗", pattern: "x", label: "contradicted" },
  inconclusive: { colour: "#CC79A7", text: "#000000", symbol: "?", pattern: ".", label: "inconclusive" },
  untestable: { colour: "#DDDDDD", text: "#000000", symbol: "–", pattern: "|", label: "untestable" },
};

/**
 * The style of a verdict.
 * @throws PlotInputError for an unknown verdict (the known ones are listed).
 * @example
 * verdictStyle("contradicted").symbol; // "✗"
 */
export function verdictStyle(verdict: string): VerdictStyle {
  const s = VERDICT_STYLE[verdict];
  if (!s) throw new PlotInputError("verdictStyle", `unknown verdict '${verdict}' (known: ${Object.keys(VERDICT_STYLE).join(", ")})`);
  return s;
}
