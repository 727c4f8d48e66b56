/**
 * Test support: how a colour looks under deuteranopia (Machado, Oliveira & Fernandes 2009,
 * severity 1.0, applied in linear sRGB) and the CIELAB distance (ΔE*ab, 1976) between two
 * colours. Independent of src/lib/plots/palette.ts, so tests can judge its colours.
 */
const MACHADO_DEUTERANOPIA = [
  [0.367322, 0.860646, -0.227968],
  [0.280085, 0.672501, 0.047413],
  [-0.01182, 0.04294, 0.968881],
] as const;

const toLinear = (c: number): number => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const fromLinear = (c: number): number => {
  const v = Math.min(1, Math.max(0, c));
  return v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055;
};

/** sRGB channels 0–1 of "#RRGGBB". */
export function channels(hex: string): [number, number, number] {
  const h = hex.replace("#", "");
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16) / 255) as [number, number, number];
}

/** The colour as seen with deuteranopia, sRGB channels 0–1. */
export function deuteranopia(hex: string): [number, number, number] {
  const lin = channels(hex).map(toLinear);
  return MACHADO_DEUTERANOPIA.map((row) => fromLinear(row[0] * lin[0]! + row[1] * lin[1]! + row[2] * lin[2]!)) as [number, number, number];
}

/** CIELAB (D65) of sRGB channels 0–1. */
export function lab(rgb: readonly number[]): [number, number, number] {
  const [r, g, b] = rgb.map(toLinear) as [number, number, number];
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number): number => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** ΔE*ab between two colours given as sRGB channels 0–1. */
export function deltaE(a: readonly number[], b: readonly number[]): number {
  const [p, q] = [lab(a), lab(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}
