/**
 * Single-file contracts for identities and assumptions (issue 21): a required cell, a
 * value that must equal the figure as printed, an order between two columns, one value
 * per group, and a total against its parts. Each violation is a typed ContractError
 * naming file, row, key, column and the values, in one line.
 */
import type { AllowedContract, DeterminesContract, OrderContract, PrintedContract, RequiredContract, RollupContract } from "./contractSchema";
import { DisallowedValueError, InconsistentGroupError, MissingValueError, OrderError, PrintedValueError, RollupError } from "./errors";
import type { Table } from "./csv";
import { cellText, fmt, keyText, loc, matches, rowNumber } from "./contractUtil";

const noteText = (note: string | undefined): string => (note ? ` (${note})` : "");

/** `column` is not empty on the rows `where` selects. */
export function checkRequired(t: Table, c: RequiredContract): void {
  t.rows.forEach((r, k) => {
    if (!matches(r, c.where) || (r[c.column] ?? null) !== null) return;
    const scope = c.where ? ` where ${c.where.column} matches /${c.where.pattern}/` : "";
    throw new MissingValueError(loc(t, k, c.column), `a value in every row${scope}${noteText(c.note)}`, "an empty cell");
  });
}

/**
 * A number as the report prints it (Norwegian): decimal comma, '.' between groups of three
 * digits, an optional sign; undefined when the text is not in that notation.
 * @example
 * parsePrintedNumber("220.000"); // 220000
 * parsePrintedNumber("-3,7"); // -3.7
 * parsePrintedNumber("4.5"); // undefined (neither a decimal comma nor thousands groups)
 */
export function parsePrintedNumber(text: string): number | undefined {
  const m = /^([+−-]?)(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)$/.exec(text.trim().replace(/\s/g, ""));
  if (!m) return undefined;
  const n = Number(m[2]!.replace(/\./g, "").replace(",", "."));
  return m[1] === "-" || m[1] === "−" ? -n : n;
}

/** The value (or low and high) equals the figure in `printed`: |value − printed number| = 0. */
export function checkPrinted(t: Table, c: PrintedContract): void {
  t.rows.forEach((r, k) => {
    const p = r[c.printed];
    if (typeof p !== "string" || p === "") return;
    const ends = p.split("–").map(parsePrintedNumber);
    if (ends.length > 2 || ends.some((n) => n === undefined)) {
      throw new PrintedValueError(
        loc(t, k, c.printed),
        "a figure as the report prints it (decimal comma, '.' between groups of thousands; a range as low–high)",
        JSON.stringify(p),
      );
    }
    const v = r[c.value];
    if (ends.length === 1) {
      if (typeof v === "number" && v !== ends[0]) {
        throw new PrintedValueError(loc(t, k, c.value), `the value printed in column '${c.printed}' (${JSON.stringify(p)} = ${ends[0]})`, String(v));
      }
      return;
    }
    if (typeof v === "number")
      throw new PrintedValueError(
        loc(t, k, c.value),
        `no single value beside the range printed in column '${c.printed}'`,
        `${v} beside ${JSON.stringify(p)}`,
      );
    ([c.low, c.high] as const).forEach((col, i) => {
      const end = r[col];
      if (typeof end === "number" && end !== ends[i]) {
        throw new PrintedValueError(
          loc(t, k, col),
          `the ${i === 0 ? "low" : "high"} end of the range printed in column '${c.printed}' (${JSON.stringify(p)}: ${ends[i]})`,
          String(end),
        );
      }
    });
  });
}

/** `lower` ≤ `upper` on every selected row where both are present. */
export function checkOrder(t: Table, c: OrderContract): void {
  t.rows.forEach((r, k) => {
    const [a, b] = [r[c.lower], r[c.upper]];
    if (!matches(r, c.where) || typeof a !== "number" || typeof b !== "number" || a <= b) return;
    throw new OrderError(loc(t, k, c.lower), `${c.lower} ≤ ${c.upper}${noteText(c.note)}`, `${c.lower} = ${fmt(a)} > ${c.upper} = ${fmt(b)}`);
  });
}

/** Within each group of the `by` columns, each of `columns` has one value (an empty cell counts as one). */
export function checkDetermines(t: Table, c: DeterminesContract): void {
  const first = new Map<string, number>();
  t.rows.forEach((r, k) => {
    const group = JSON.stringify(c.by.map((b) => String(r[b])));
    const f = first.get(group);
    if (f === undefined) {
      first.set(group, k);
      return;
    }
    for (const col of c.columns) {
      const [mine, theirs] = [r[col] ?? null, t.rows[f]![col] ?? null];
      if (mine === theirs) continue;
      throw new InconsistentGroupError(
        loc(t, k, col),
        `one ${col} per ${keyText(c.by, r)} (${t.unit ?? "row"} ${rowNumber(t, f)} has ${plain(theirs)})`,
        plain(mine),
      );
    }
  });
}

const plain = (v: string | number | null): string => (v === null ? "(empty)" : String(v));

/** On the rows `where` selects, `column` matches `pattern` in full (an empty cell is the empty string). */
export function checkAllowed(t: Table, c: AllowedContract): void {
  const re = new RegExp(`^(?:${c.pattern})$`);
  t.rows.forEach((r, k) => {
    if (!matches(r, c.where) || re.test(String(r[c.column] ?? ""))) return;
    const scope = c.where ? ` where ${c.where.column} matches /${c.where.pattern}/` : "";
    throw new DisallowedValueError(loc(t, k, c.column), `a value matching /${c.pattern}/${scope}${noteText(c.note)}`, cellText(r[c.column]));
  });
}

/**
 * The `parent` row against the rows of its `children` (matched on `code`): counts add up within
 * the rounding of the parts (n × ½ unit of the last decimal) when every part is present, and do
 * not exceed the total otherwise; shares of a complete set lie between the parts' lowest and
 * highest (± one unit: the total and the parts are each rounded).
 */
export function checkRollup(t: Table, c: RollupContract): void {
  const at = new Map(t.rows.map((r, k) => [String(r[c.code]), k]));
  const pk = at.get(c.parent);
  if (pk === undefined) {
    throw new RollupError(
      { file: t.file, column: c.code, key: `${c.code}=${c.parent}` },
      `a row for ${c.parent}, the total of ${c.children.join(", ")}`,
      "none",
    );
  }
  const missing = c.children.filter((ch) => !at.has(ch));
  if (missing.length > 0) throw new RollupError(loc(t, pk, c.code), `rows for its parts ${c.children.join(", ")}`, `missing: ${missing.join(", ")}`);
  const parent = t.rows[pk]!;
  const parts = c.children.map((ch) => t.rows[at.get(ch)!]!);
  const decimals = (col: string): number => t.spec.columns.find((x) => x.name === col)?.decimals ?? 0;
  const over = `${c.code} ${c.children.join(", ")}`;
  for (const col of c.sum) {
    const total = parent[col];
    const values = parts.map((p) => p[col]);
    if (typeof total !== "number" || values.some((v) => typeof v !== "number")) continue;
    const sum = (values as number[]).reduce((a, b) => a + b, 0);
    const allowance = parts.length * 0.5 * 10 ** -decimals(col);
    const ok = c.complete ? Math.abs(sum - total) <= allowance + 1e-9 : sum <= total + allowance + 1e-9;
    if (ok) continue;
    throw new RollupError(
      loc(t, pk, col),
      c.complete
        ? `the sum over ${over} (every part present) within ±${allowance} of this total ${fmt(total)}${noteText(c.note)}`
        : `the sum over ${over} (not every part present) at most this total ${fmt(total)} + ${allowance}${noteText(c.note)}`,
      `a sum of ${fmt(sum)}`,
    );
  }
  if (!c.complete) return;
  for (const col of c.between ?? []) {
    const total = parent[col];
    const values = parts.map((p) => p[col]);
    if (typeof total !== "number" || values.some((v) => typeof v !== "number")) continue;
    const [lo, hi] = [Math.min(...(values as number[])), Math.max(...(values as number[]))];
    const slack = 10 ** -decimals(col);
    if (total >= lo - slack - 1e-9 && total <= hi + slack + 1e-9) continue;
    throw new RollupError(
      loc(t, pk, col),
      `a share between its parts' lowest ${fmt(lo)} and highest ${fmt(hi)} (±${slack}: each is rounded; parts ${over})`,
      cellText(total),
    );
  }
}
