/**
 * Time limits of tests and hooks (issue 21: the suite must not depend on the clock). A limit only stops a hang; it
 * never measures speed. Each is written as the time the work may take on an idle machine, times TIME_SCALE for a
 * busy one: a load average of 12–30 on 2 cores runs CPU-bound work 6–15 times slower than idle, and a shared CI
 * machine is often that busy. `INNLANDET_TEST_TIME_SCALE` sets another factor (≥ 1).
 */
const fromEnv = Number(process.env["INNLANDET_TEST_TIME_SCALE"]);

/** The factor between a limit on an idle machine and the limit used (default 15: a load of 30 on 2 cores). */
export const TIME_SCALE = Number.isFinite(fromEnv) && fromEnv >= 1 ? fromEnv : 15;

/**
 * A test's or hook's limit in ms, from the time its work may take on an idle machine.
 * @example
 * it("spawns the CLI four times", { timeout: limit(20_000) }, async () => { … }); // 300 000 ms by default
 */
export function limit(idleMs: number): number {
  return Math.round(idleMs * TIME_SCALE);
}
