/**
 * The data contracts a manifest entry may declare (`"contracts": [...]`):
 * checks beyond the schema, run on every load and by `npm run data:verify`.
 * Every contract may carry a `note` that states why its bound is what it is.
 *
 * - `complete`: every combination of the listed dimensions has a row
 *   (a dimension without `from`/`to` takes its column's declared `codes`).
 * - `range`: plausible values (`gt`/`gte`/`lt`/`lte`), optionally only on rows
 *   whose `where.column` matches `where.pattern`.
 * - `change`: year-over-year change of a series (`series` columns) bounded by
 *   `maxRelative` (0.15 = 15 %); `exceptions` raise the bound for one series
 *   and year, each with its reason.
 * - `balance`: Σ plus − Σ minus = equals within `maxResidual` (rows with an empty term are skipped).
 * - `crossSum`: sums of `column` by `groupBy` equal `against.column` of another
 *   manifest file on the rows whose `against.match` columns equal the group (where both exist).
 * - `sameKeys`: the distinct values of `column` equal those of `against.column` in another file.
 */
import { z } from "zod";

const note = z.string().min(1).optional();
const where = z.object({ column: z.string().min(1), pattern: z.string().min(1) }).optional();

const complete = z.object({
  kind: z.literal("complete"),
  dimensions: z.array(z.object({ column: z.string().min(1), from: z.number().int().optional(), to: z.number().int().optional() })).min(1),
  note,
});

const range = z.object({
  kind: z.literal("range"),
  column: z.string().min(1),
  gt: z.number().optional(),
  gte: z.number().optional(),
  lt: z.number().optional(),
  lte: z.number().optional(),
  where,
  note,
});

const change = z.object({
  kind: z.literal("change"),
  column: z.string().min(1),
  series: z.array(z.string().min(1)).min(1),
  step: z.string().min(1),
  maxRelative: z.number().positive(),
  exceptions: z
    .array(
      z.object({
        series: z.record(z.string(), z.string()),
        to: z.number().int(),
        maxRelative: z.number().positive(),
        reason: z.string().min(10),
      }),
    )
    .optional(),
  note,
});

const balance = z.object({
  kind: z.literal("balance"),
  plus: z.array(z.string().min(1)).min(1),
  minus: z.array(z.string().min(1)),
  equals: z.string().min(1),
  maxResidual: z.number().nonnegative(),
  where,
  note,
});

const crossSum = z.object({
  kind: z.literal("crossSum"),
  column: z.string().min(1),
  groupBy: z.array(z.string().min(1)).min(1),
  against: z.object({ file: z.string().min(1), column: z.string().min(1), match: z.array(z.string().min(1)).min(1) }),
  tolerance: z.number().nonnegative(),
  note,
});

const sameKeys = z.object({
  kind: z.literal("sameKeys"),
  column: z.string().min(1),
  against: z.object({ file: z.string().min(1), column: z.string().min(1) }),
  note,
});

export const contractSchema = z.discriminatedUnion("kind", [complete, range, change, balance, crossSum, sameKeys]);

export type Contract = z.infer<typeof contractSchema>;
export type CompleteContract = z.infer<typeof complete>;
export type RangeContract = z.infer<typeof range>;
export type ChangeContract = z.infer<typeof change>;
export type BalanceContract = z.infer<typeof balance>;
export type CrossSumContract = z.infer<typeof crossSum>;
export type SameKeysContract = z.infer<typeof sameKeys>;

/** Contracts that need another file (checked by `loadTable`, not by `parseTable`). */
export const CROSS_FILE_KINDS = ["crossSum", "sameKeys"] as const;

/**
 * Columns of this file a contract refers to (for the manifest's own consistency check).
 * @example
 * contractColumns({ kind: "range", column: "v", gt: 0 }); // ["v"]
 */
export function contractColumns(c: Contract): string[] {
  switch (c.kind) {
    case "complete":
      return c.dimensions.map((d) => d.column);
    case "range":
      return [c.column, ...(c.where ? [c.where.column] : [])];
    case "change":
      return [c.column, c.step, ...c.series, ...(c.exceptions ?? []).flatMap((e) => Object.keys(e.series))];
    case "balance":
      return [...c.plus, ...c.minus, c.equals, ...(c.where ? [c.where.column] : [])];
    case "crossSum":
      return [c.column, ...c.groupBy];
    case "sameKeys":
      return [c.column];
  }
}
