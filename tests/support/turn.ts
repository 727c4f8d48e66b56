/**
 * Let the event loop turn between the runs of a long synchronous test (issue 21). A property test of a few hundred
 * polars calls ran 15–30 s without a turn on a busy machine (load 19 on 2 cores), and a test worker whose loop does
 * not turn for 60 s misses vitest's RPC deadline ("[vitest-worker]: Timeout calling onTaskUpdate"). Awaited at the
 * start of each run of an `fc.asyncProperty`, it lets the worker answer between runs.
 * @example
 * await fc.assert(fc.asyncProperty(panel, async (p) => { await turn(); … }), { numRuns: 150, seed: 2009 });
 */
export const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
