/**
 * The data contracts a manifest entry may declare (`"contracts": [...]`):
 * checks beyond the schema, run on every load and by `npm run data:verify`.
 * Every contract may carry a `note` that states why its bound is what it is.
 *
 * - `complete`: every combination of the listed dimensions has a row
 *   (a dimension without `from`/`to` takes its column's declared `codes`); with `where`, among the
 *   rows it selects, and a code dimension on the `where` column takes only the codes the pattern matches.
 * - `range`: plausible values (`gt`/`gte`/`lt`/`lte`), optionally only on rows
 *   whose `where.column` matches `where.pattern`.
 * - `change`: year-over-year change of a series (`series` columns) bounded by
 *   `maxRelative` (0.15 = 15 %); `exceptions` raise the bound for one series
 *   and year, each with its reason.
 * - `balance`: Σ plus − Σ minus = equals within `maxResidual` (rows with an empty term are skipped).
 * - `crossSum`: sums of `column` by `groupBy` equal `against.column` of another
 *   manifest file on the rows whose `against.match` columns equal the group (where both exist);
 *   `where` selects the rows summed (e.g. the published ones, leaving out cells left empty by design).
 * - `sameKeys`: the distinct values of `column` equal those of `against.column` in another file.
 * - `required`: `column` is not empty on the rows `where` selects.
 * - `printed`: the number in `value` (or the range `low`–`high`) equals the figure in `printed`
 *   as the report prints it (decimal comma, '.' between thousands, ranges as "10–15").
 * - `order`: `lower` ≤ `upper` on every row where both are present.
 * - `determines`: within each group of the `by` columns, each of `columns` has one value
 *   (e.g. one region type per region of a mapping).
 * - `allowed`: on the rows `where` selects, `column` matches `pattern` in full (an empty cell is the
 *   empty string), e.g. a city region's KRD type is one of KRD's city-region types.
 * - `rollup`: the row whose `code` is `parent` against the rows of its `children`: the counts in
 *   `sum` add up (within the rounding of the parts when `complete`, else do not exceed the total),
 *   and (when `complete`) the shares in `between` lie between the parts' lowest and highest.
 * - `sameValues`: `columns` equal `against.columns` of another file on the rows whose keys match
 *   (`against.shift` moves one of its key columns, e.g. year + 1; `against.where` selects its rows;
 *   `against.through` translates one of its key columns through a correspondence file, e.g. 2008 → 2024
 *   municipality codes; `against.all` requires every selected row of the other file to be matched);
 *   numbers within `tolerance`.
 */
import { z } from "zod";

const note = z.string().min(1).optional();
const where = z.object({ column: z.string().min(1), pattern: z.string().min(1) }).optional();

const complete = z.object({
  kind: z.literal("complete"),
  dimensions: z.array(z.object({ column: z.string().min(1), from: z.number().int().optional(), to: z.number().int().optional() })).min(1),
  where,
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
  where,
  note,
});

const sameKeys = z.object({
  kind: z.literal("sameKeys"),
  column: z.string().min(1),
  against: z.object({ file: z.string().min(1), column: z.string().min(1) }),
  note,
});

const col = z.string().min(1);

const required = z.object({ kind: z.literal("required"), column: col, where, note });

const printed = z.object({ kind: z.literal("printed"), printed: col, value: col, low: col, high: col, note });

const order = z.object({ kind: z.literal("order"), lower: col, upper: col, where, note });

const determines = z.object({ kind: z.literal("determines"), by: z.array(col).min(1), columns: z.array(col).min(1), note });

const allowed = z.object({ kind: z.literal("allowed"), column: col, pattern: z.string(), where, note });

const rollup = z.object({
  kind: z.literal("rollup"),
  code: col,
  parent: z.string().min(1),
  children: z.array(z.string().min(1)).min(1),
  complete: z.boolean(),
  sum: z.array(col),
  between: z.array(col).optional(),
  note,
});

const sameValues = z.object({
  kind: z.literal("sameValues"),
  key: z.array(col).min(1),
  columns: z.array(col).min(1),
  against: z.object({
    file: col,
    key: z.array(col).min(1),
    columns: z.array(col).min(1),
    shift: z.object({ column: col, by: z.number().int() }).optional(),
    where,
    /** Translate key column `column` of the other file: its value is looked up in `file`'s `from` column and replaced by `to`. */
    through: z.object({ column: col, file: col, from: col, to: col }).optional(),
    /** Every (selected) row of the other file must match a row of this file. */
    all: z.boolean().optional(),
  }),
  tolerance: z.number().nonnegative().optional(),
  note,
});

export const contractSchema = z.discriminatedUnion("kind", [
  complete,
  range,
  change,
  balance,
  crossSum,
  sameKeys,
  required,
  printed,
  order,
  determines,
  allowed,
  rollup,
  sameValues,
]);

export type Contract = z.infer<typeof contractSchema>;
export type CompleteContract = z.infer<typeof complete>;
export type RangeContract = z.infer<typeof range>;
export type ChangeContract = z.infer<typeof change>;
export type BalanceContract = z.infer<typeof balance>;
export type CrossSumContract = z.infer<typeof crossSum>;
export type SameKeysContract = z.infer<typeof sameKeys>;
export type RequiredContract = z.infer<typeof required>;
export type PrintedContract = z.infer<typeof printed>;
export type OrderContract = z.infer<typeof order>;
export type DeterminesContract = z.infer<typeof determines>;
export type AllowedContract = z.infer<typeof allowed>;
export type RollupContract = z.infer<typeof rollup>;
export type SameValuesContract = z.infer<typeof sameValues>;

/** Contracts that need another file (checked by `loadTable`, not by `parseTable`). */
export const CROSS_FILE_KINDS = ["crossSum", "sameKeys", "sameValues"] as const;

/**
 * Columns of this file a contract refers to (for the manifest's own consistency check).
 * @example
 * contractColumns({ kind: "range", column: "v", gt: 0 }); // ["v"]
 */
export function contractColumns(c: Contract): string[] {
  switch (c.kind) {
    case "complete":
      return [...c.dimensions.map((d) => d.column), ...(c.where ? [c.where.column] : [])];
    case "range":
      return [c.column, ...(c.where ? [c.where.column] : [])];
    case "change":
      return [c.column, c.step, ...c.series, ...(c.exceptions ?? []).flatMap((e) => Object.keys(e.series))];
    case "balance":
      return [...c.plus, ...c.minus, c.equals, ...(c.where ? [c.where.column] : [])];
    case "crossSum":
      return [c.column, ...c.groupBy, ...(c.where ? [c.where.column] : [])];
    case "sameKeys":
      return [c.column];
    case "required":
      return [c.column, ...(c.where ? [c.where.column] : [])];
    case "printed":
      return [c.printed, c.value, c.low, c.high];
    case "order":
      return [c.lower, c.upper, ...(c.where ? [c.where.column] : [])];
    case "determines":
      return [...c.by, ...c.columns];
    case "allowed":
      return [c.column, ...(c.where ? [c.where.column] : [])];
    case "rollup":
      return [c.code, ...c.sum, ...(c.between ?? [])];
    case "sameValues":
      return [...c.key, ...c.columns];
  }
}
