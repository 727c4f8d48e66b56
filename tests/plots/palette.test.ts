import { describe, expect, it } from "vitest";
import * as pl from "nodejs-polars";
import {
  colourMap,
  divergingColour,
  familyStyles,
  lighten,
  readableText,
  regionTypeColour,
  scatterFigure,
  stackedBarFigure,
  VERDICT_STYLE,
  verdictStyle,
} from "../../src/lib/plots/plotly";
import { deltaE, deuteranopia } from "../support/cvd";

const SECTORS = [
  "goods_1",
  "goods_2",
  "goods_3",
  "goods_4",
  "goods_5",
  "private_1",
  "private_2",
  "private_3",
  "private_4",
  "private_5",
  "private_6",
  "public_1",
  "public_2",
];

// Paul Tol's discrete rainbow, 14 colours, as published (SRON/EPS/TN/09-002, fig. 22), typed from the scheme
const TOL_14 = [
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

function colourOf(trace: Record<string, unknown>): string {
  return (trace["marker"] as { color: string }).color;
}

describe("palette", () => {
  it("13 stacked sectors get 13 distinct colours, from Tol's 14-colour rainbow", () => {
    const df = pl.DataFrame({ region: SECTORS.map(() => "innlandet"), sector: SECTORS, value: SECTORS.map(() => 1) });
    const fig = stackedBarFigure(df, { x: "region", stack: "sector", value: "value", title: "t" });
    const colours = fig.data.map(colourOf);
    expect(colours).toHaveLength(13);
    expect(new Set(colours).size).toBe(13);
    expect(colours).toEqual(TOL_14.slice(0, 13));
  });

  it("a region type has the same colour in every figure, whatever the order or company", () => {
    const bars = stackedBarFigure(pl.DataFrame({ r: ["a", "b"], t: ["small_town", "city"], v: [1, 2] }), {
      x: "r",
      stack: "t",
      value: "v",
      title: "t",
    });
    const scatter = scatterFigure(pl.DataFrame({ x: [1, 2, 3], y: [1, 2, 3], l: ["p", "q", "s"], g: ["outside", "city", "small_town"] }), {
      x: "x",
      y: "y",
      label: "l",
      group: "g",
      title: "t",
    });
    const byName = (fig: { data: Record<string, unknown>[] }) => new Map(fig.data.map((t) => [t["name"], colourOf(t)]));
    // Okabe–Ito: blue #0072B2 for city regions, orange #E69F00 for small-town regions
    expect(byName(bars).get("city regions")).toBe("#0072B2");
    expect(byName(scatter).get("city regions")).toBe("#0072B2");
    expect(byName(bars).get("small-town regions")).toBe("#E69F00");
    expect(byName(scatter).get("small-town regions")).toBe("#E69F00");
    expect(regionTypeColour("innlandet_city_regions")).toBe("#0072B2");
    expect(regionTypeColour("norway_small_town_regions")).toBe("#E69F00");
  });

  it("other categories take Tol's muted colours, not the region types' hues", () => {
    // Tol's muted scheme as published: indigo #332288, cyan #88CCEE, teal #44AA99, …
    expect(colourMap(["city", "a", "b"])).toEqual({ city: "#0072B2", a: "#332288", b: "#88CCEE" });
    // a caller's colour is kept, and never handed out twice
    expect(colourMap(["a", "b"], { colours: { a: "#88CCEE" } })).toEqual({ a: "#88CCEE", b: "#332288" });
    // 10 keys no longer fit the 9 muted colours: Tol's rainbow from its first colour
    expect(colourMap(Array.from({ length: 10 }, (_, i) => `k${i}`))["k0"]).toBe("#D1BBD7");
  });

  it("refuses more categories than distinct colours", () => {
    expect(() => colourMap(Array.from({ length: 15 }, (_, i) => `k${i}`))).toThrow(/15 categories need distinct colours/);
  });

  it("diverging colours: white at the centre, the RdBu ends at ±range, linear in between", () => {
    expect(divergingColour(0, 10)).toBe("#F7F7F7");
    expect(divergingColour(10, 10)).toBe("#2166AC");
    expect(divergingColour(-10, 10)).toBe("#B2182B");
    // +1.25 of ±10 → position (1.25 + 10) / 20 = 0.5625 → 4.5 of 8 steps: halfway #F7F7F7 → #D1E5F0
    // = (247+209)/2, (247+229)/2, (247+240)/2 = 228, 238, 243.5 → #E4EEF4 (243.5 rounds up)
    expect(divergingColour(1.25, 10)).toBe("#E4EEF4");
    expect(divergingColour(2, 1, 1)).toBe("#2166AC"); // centre 1: value 2 is the top end
    expect(() => divergingColour(11, 10)).toThrow(/off the scale/);
  });

  it("verdicts stay apart under simulated deuteranopia, and their bars differ in pattern", () => {
    // the review: reproduced ≈ untestable and diverges ≈ contradicted under deuteranopia (ΔE 12 and 18);
    // every pair must now be at least ΔE 20 apart as a deuteranope sees them (Machado et al. 2009)
    const entries = Object.entries(VERDICT_STYLE);
    for (const [i, [a, sa]] of entries.entries())
      for (const [b, sb] of entries.slice(i + 1)) {
        expect(deltaE(deuteranopia(sa.colour), deuteranopia(sb.colour)), `${a} / ${b}`).toBeGreaterThanOrEqual(20);
        expect(sa.pattern, `${a} / ${b}`).not.toBe(sb.pattern);
      }
    // the old pair, for contrast: #009E73 (reproduced) and #999999 (untestable) fall within ΔE 12
    expect(deltaE(deuteranopia("#009E73"), deuteranopia("#999999"))).toBeLessThan(12);
  });

  it("family styles: a hue per family, and members that share a pattern differ in hue even under deuteranopia", () => {
    const familyOf = Object.fromEntries(SECTORS.map((s) => [s, s.split("_")[0]!]));
    const styles = familyStyles(SECTORS, familyOf);
    const pairs = SECTORS.map((s) => `${styles[s]!.colour} ${styles[s]!.pattern}`);
    expect(new Set(pairs).size).toBe(13);
    // within a family, every member has its own pattern
    for (const fam of ["goods", "private", "public"]) {
      const ps = SECTORS.filter((s) => familyOf[s] === fam).map((s) => styles[s]!.pattern);
      expect(new Set(ps).size, fam).toBe(ps.length);
    }
    for (const [i, a] of SECTORS.entries())
      for (const b of SECTORS.slice(i + 1))
        if (styles[a]!.pattern === styles[b]!.pattern)
          expect(deltaE(deuteranopia(styles[a]!.colour), deuteranopia(styles[b]!.colour)), `${a} / ${b}`).toBeGreaterThanOrEqual(20);
    expect(() => familyStyles(["a", "b", "c", "d"], { a: "1", b: "2", c: "3", d: "4" })).toThrow(/4 families but 3 ramps/);
    expect(() => familyStyles(["a"], {})).toThrow(/no family for 'a'/);
  });

  it("lighten mixes with white", () => {
    // 0x00 + (255 - 0) * 0.5 = 127.5 → 128 = 0x80
    expect(lighten("#000000", 0.5)).toBe("#808080");
    expect(lighten("#0072B2", 0)).toBe("#0072B2");
  });

  it("verdicts: colour-blind-safe colours, one symbol each, readable text", () => {
    expect(Object.fromEntries(Object.entries(VERDICT_STYLE).map(([k, v]) => [k, v.symbol]))).toEqual({
      reproduced: "✓",
      corroborated: "✓",
      diverges: "≠",
      contradicted: "✗",
      inconclusive: "?",
      untestable: "–",
    });
    const colours = Object.values(VERDICT_STYLE).map((v) => v.colour);
    expect(new Set(colours).size).toBe(6);
    // WCAG contrast, computed separately (python, sRGB relative luminance):
    // #0072B2 white 5.19 / black 4.05; #56B4E9 white 2.31 / black 9.10; #E69F00 black 9.32;
    // #882255 white 8.73 / black 2.41; #CC79A7 black 6.86; #DDDDDD black 15.46
    const better = {
      reproduced: "#FFFFFF",
      corroborated: "#000000",
      diverges: "#000000",
      contradicted: "#FFFFFF",
      inconclusive: "#000000",
      untestable: "#000000",
    };
    for (const [k, v] of Object.entries(VERDICT_STYLE)) {
      expect(v.text, k).toBe(better[k as keyof typeof better]);
      expect(readableText(v.colour), k).toBe(better[k as keyof typeof better]);
    }
    expect(verdictStyle("contradicted").colour).toBe("#882255");
    expect(() => verdictStyle("maybe")).toThrow(/unknown verdict 'maybe'/);
  });
});
