/**
 * Where `npm run bench` writes — bench/results/, beside bench:latency's results; not build/, which
 * `npm run reproduce` owns and replaces as a whole — and its one setting, BENCH_SCALES.
 */
import { join } from "node:path";

export const RESULTS_DIR = join(__dirname, "results");
/** The measurements (bench/run.ts); bench/table.ts reads them. */
export const BENCH_JSON = join(RESULTS_DIR, "bench.json");
/** The README's performance table, generated from BENCH_JSON. */
export const BENCH_MD = join(RESULTS_DIR, "bench.md");

/** Scale 0: the notebook-sized frame (bench/synthetic.ts NOTEBOOK_SHAPE, 364 rows), written `notebook` in BENCH_SCALES. */
export const DEFAULT_SCALES = [0, 0.1, 1, 10];

/** A bench setting that cannot be used (one line; the script exits 2). */
export class BenchArgumentError extends Error {
  override name = "BenchArgumentError";
}

const DECIMAL = /^(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/**
 * BENCH_SCALES: a comma list of distinct positive finite numbers (1 = 428 × 88 × 25 rows) and `notebook` (the
 * notebook-sized frame of 364 rows, scale 0); unset or empty, the default notebook, 0.1, 1 and 10.
 * @throws BenchArgumentError naming the item that is not one
 * @example
 * parseBenchScales("0.1,1"); // [0.1, 1]
 * parseBenchScales("0.1,,1"); // throws: BENCH_SCALES item 2 is empty; …
 */
export function parseBenchScales(text: string | undefined): number[] {
  if (text === undefined || text.trim() === "") return [...DEFAULT_SCALES];
  const hint = "expected a comma list of positive numbers and 'notebook', such as notebook,0.1,1,10";
  return text.split(",").map((raw, i, all) => {
    const item = raw.trim();
    const where = `BENCH_SCALES item ${i + 1} of '${text}'`;
    if (item === "") throw new BenchArgumentError(`${where} is empty; ${hint}`);
    const x = item === "notebook" ? 0 : Number(item);
    if (item !== "notebook" && (!DECIMAL.test(item) || !Number.isFinite(x) || x <= 0))
      throw new BenchArgumentError(`${where} is '${item}', not a positive finite number; ${hint}`);
    if (all.slice(0, i).some((y) => (y.trim() === "notebook" ? 0 : Number(y.trim())) === x)) throw new BenchArgumentError(`${where} repeats scale ${item}; give each scale once`);
    return x;
  });
}

export const DEFAULT_ROUNDS = 5;

/**
 * BENCH_ROUNDS: the timed rounds per measurement, an integer from 3 to 100; unset or empty, 5.
 * @throws BenchArgumentError when it is not one
 * @example
 * parseBenchRounds("7"); // 7
 */
export function parseBenchRounds(text: string | undefined): number {
  if (text === undefined || text.trim() === "") return DEFAULT_ROUNDS;
  const x = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || x < 3 || x > 100)
    throw new BenchArgumentError(`BENCH_ROUNDS is '${text}', not an integer from 3 to 100 (a spread needs at least 3 rounds)`);
  return x;
}
