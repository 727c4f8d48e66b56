/**
 * Run parameters of a reproduction (a TypeScript stand-in for papermill's):
 * which region mapping, and which reading of the report's "2001–07".
 * `npm run reproduce -- --param regions=ba2020` injects them into every
 * notebook after its cell tagged `parameters`.
 */
import { z } from "zod";

export const paramsSchema = z
  .object({
    /** Municipality → region mapping: the reconstruction of the report's 13 regions, or TØI's BA-2020 as published. */
    regions: z.enum(["report13", "ba2020"]).default("report13"),
    /** Reading of "2001–07": both (default), or only 1 Jan 2001 → 1 Jan 2007, or only → 1 Jan 2008. */
    period: z.enum(["both", "jan2001_jan2007", "jan2001_jan2008"]).default("both"),
  })
  .strict();

export type RunParameters = z.infer<typeof paramsSchema>;

export const DEFAULT_PARAMS: RunParameters = paramsSchema.parse({});

/**
 * Parse `KEY=VALUE` pairs (and optionally a JSON object read from a file) into checked parameters.
 * @throws Error naming the key and the allowed values
 */
export function parseParams(pairs: string[] = [], fromFile: Record<string, unknown> = {}): RunParameters {
  const raw: Record<string, unknown> = { ...fromFile };
  for (const p of pairs) {
    const i = p.indexOf("=");
    if (i <= 0) throw new Error(`--param expects KEY=VALUE, got '${p}'`);
    raw[p.slice(0, i)] = p.slice(i + 1);
  }
  const r = paramsSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new Error(`parameter ${issue.path.join(".") || "(unknown key)"}: ${issue.message}`);
  }
  return r.data;
}

/** "regions=report13, period=both" */
export function describeParams(p: RunParameters): string {
  return Object.entries(p)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(", ");
}

/** Whether a finding id is evaluated under the parameters (a single period reading drops the other reading's findings). */
export function isActive(id: string, p: RunParameters): boolean {
  if (p.period === "both") return true;
  const other = p.period === "jan2001_jan2007" ? "jan2001_jan2008" : "jan2001_jan2007";
  return !id.endsWith(`.${other}`);
}
