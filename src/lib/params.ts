/**
 * Run parameters of a reproduction (a TypeScript stand-in for papermill's):
 * which region mapping, which reading of the report's "2001–07", and which area of Norway.
 * `npm run reproduce -- --param regions=ba2020` (or `--param area=Nordland`) injects them into every
 * notebook after its cell tagged `parameters`.
 */
import { resolve } from "node:path";
import { z } from "zod";

/** The built-in region mappings; `regions` may also be a path to a user's mapping file ending in `.csv`. */
export const BUILT_IN_REGIONS = ["report13", "ba2020", "economic"] as const;

export const paramsSchema = z
  .object({
    /**
     * Municipality → region mapping: `report13` (the reconstruction of the report's 13 regions, Innlandet only),
     * `ba2020` (TØI's BA-2020 as published), `economic` (SSB's economic regions of 2024), or a path to a CSV
     * (`municipality_code,region,region_type`, 2024 codes). Chapters 2–5 (the report's Innlandet) use `report13` unless
     * `ba2020` is given; the other values apply to the area's chapter 6.
     */
    regions: z
      .string()
      .refine((v) => (BUILT_IN_REGIONS as readonly string[]).includes(v) || /\.csv$/i.test(v), {
        message: `expected ${BUILT_IN_REGIONS.join(" | ")} or a path to a .csv mapping file`,
      })
      // a relative path is read from where npm was started (INIT_CWD), not from the notebook's folder
      .transform((v) => (/\.csv$/i.test(v) ? resolve(process.env["INIT_CWD"] ?? process.cwd(), v) : v))
      .default("report13"),
    /** Reading of "2001–07": both (default), or only 1 Jan 2001 → 1 Jan 2007, or only → 1 Jan 2008. */
    period: z.enum(["both", "jan2001_jan2007", "jan2001_jan2008"]).default("both"),
    /**
     * Area of Norway for chapter 6 and its maps: a county of 2024 by name or code (`Nordland`, `18`), `innlandet`
     * (the report's Hedmark + Oppland, the default when not given) or `norway`. Resolved against the data by resolveArea.
     */
    area: z.string().min(1).optional(),
  })
  .strict();

export type RunParameters = z.infer<typeof paramsSchema>;

export const DEFAULT_PARAMS: RunParameters = paramsSchema.parse({});

/**
 * Parse `KEY=VALUE` pairs (and optionally a JSON object read from a file) into checked parameters.
 * @throws ParameterError naming the key and the allowed values, a key given twice in `pairs`, or an unknown key
 *   (`__proto__` and `constructor` too)
 * @example
 * parseParams(["regions=ba2020"]); // { regions: "ba2020", period: "both" }
 * parseParams(["area=Nordland"]); // { regions: "report13", period: "both", area: "Nordland" }
 * parseParams(["region=ba2020"]); // throws: unknown parameter 'region' — did you mean 'regions'? …
 */
export function parseParams(pairs: string[] = [], fromFile: Record<string, unknown> = {}): RunParameters {
  // a Map, not an object: a key such as __proto__ is a key like any other (and then refused as unknown)
  const raw = new Map<string, unknown>(Object.keys(fromFile).map((k) => [k, fromFile[k]]));
  const given = new Map<string, string>();
  for (const p of pairs) {
    const i = p.indexOf("=");
    if (i <= 0) throw new ParameterError(`--param expects KEY=VALUE, got '${p}'`);
    const [key, value] = [p.slice(0, i), p.slice(i + 1)];
    const before = given.get(key);
    if (before !== undefined) throw new ParameterError(`parameter '${key}' given twice (${before}, then ${value}); give each parameter once`);
    given.set(key, value);
    raw.set(key, value); // --param wins over the file
  }
  const known = Object.keys(paramsSchema.shape);
  for (const k of raw.keys()) {
    if (!known.includes(k)) {
      const near = nearest(k, known);
      throw new ParameterError(`unknown parameter '${k}'${near ? ` — did you mean '${near}'?` : ""} (parameters: ${known.join(", ")})`);
    }
  }
  const r = paramsSchema.safeParse(Object.fromEntries(raw));
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new ParameterError(`parameter ${issue.path.join(".") || "(unknown key)"}: ${issue.message}`);
  }
  return r.data;
}

/** A run parameter that is not known or has a value outside its allowed set. */
export class ParameterError extends Error {
  override name = "ParameterError";
}

/** The candidate within edit distance 3 of `word` (the closest), if any. */
function nearest(word: string, candidates: string[]): string | undefined {
  const d = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i += 1) {
      let prev = row[0]!;
      row[0] = i;
      for (let j = 1; j <= b.length; j += 1) {
        const tmp = row[j]!;
        row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
        prev = tmp;
      }
    }
    return row[b.length]!;
  };
  const best = candidates.map((c) => [c, d(word.toLowerCase(), c)] as const).sort((x, y) => x[1] - y[1])[0];
  return best && best[1] <= 3 ? best[0] : undefined;
}

/**
 * The parameters as one line of text (for a finding's note).
 * @example
 * describeParams(DEFAULT_PARAMS); // "regions=report13, period=both"
 */
export function describeParams(p: RunParameters): string {
  return Object.entries(p)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(", ");
}

/**
 * Whether a finding id is evaluated under the parameters (a single period reading drops the other reading's findings).
 * @example
 * isActive("ch3.x.jan2001_jan2008", { regions: "report13", period: "jan2001_jan2007" }); // false
 */
export function isActive(id: string, p: RunParameters): boolean {
  if (p.period === "both") return true;
  const other = p.period === "jan2001_jan2007" ? "jan2001_jan2008" : "jan2001_jan2007";
  return !id.endsWith(`.${other}`);
}
