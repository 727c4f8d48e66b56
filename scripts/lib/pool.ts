/**
 * A small concurrency limiter for the pipeline's child processes (notebooks on kernels, module runs).
 */

/**
 * Call `fn` on every item, at most `limit` calls in flight, starting them in the items' order.
 * Resolves with the results in the items' order. Rejects with the first failure without starting
 * further items; calls already in flight are left to finish (their processes are the guard's to stop).
 * @example
 * const seconds = await mapLimit(["03", "04", "06"], 2, async (n) => (await run(n)).seconds);
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  if (!(Number.isInteger(limit) && limit >= 1)) throw new RangeError(`mapLimit: limit must be a whole number ≥ 1, found ${limit}`);
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        results[i] = await fn(items[i]!, i);
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
