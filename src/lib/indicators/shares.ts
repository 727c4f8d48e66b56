/**
 * Shares of parts within a group.
 *
 * share_pg = 100 · x_pg / Σ_p x_pg   (percent of the group's total)
 */
import * as pl from "nodejs-polars";
import { cachedExprs, keyOf } from "./exprCache";
import { checkComposition, fractionOf } from "./validate";

export interface SharesOptions {
  /** Column that defines the whole (e.g. `region`). */
  group: string;
  /** Column that defines the parts (e.g. `sector`). */
  part: string;
  /** Non-negative amounts (counts are cast to Float64 first). */
  value: string;
  /** Further key columns computed separately, e.g. `["year"]`. */
  by?: string[];
}

/**
 * Share (%) of each part within its group.
 *
 * @returns columns `...by, <group>, <part>, <value>, share`, sorted by `by`, group, part.
 * @throws IndicatorInputError on missing columns, null/negative/non-finite
 *   values, duplicate (group, part) rows, or a group whose total is 0 or
 *   overflows a 64-bit float (the shares would all read 0).
 * @example
 * const df = pl.DataFrame({ region: ["a", "a"], sector: ["x", "y"], value: [1, 3] });
 * shares(df, { group: "region", part: "sector", value: "value" });
 * // share: [25, 75]
 */
export function shares(df: pl.DataFrame, opts: SharesOptions): pl.DataFrame {
  const { group, part, value } = opts;
  const by = opts.by ?? [];
  return checkComposition("shares", df, [...by, group], part, value)
    .lazy()
    .select(...by, group, part, value)
    .withColumns(
      cachedExprs("shares", keyOf(value, group, ...by), () =>
        fractionOf(value, [...by, group])
          .mul(100)
          .alias("share"),
      ),
    )
    .sort([...by, group, part])
    .collectSync();
}
