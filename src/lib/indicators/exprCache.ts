/**
 * Expressions built once per distinct set of options. Every nodejs-polars expression is a JS wrapper of
 * a few hundred closures around a native handle; building them was most of the cost of a transform on a
 * notebook-sized frame (and of the garbage collection after it) until patches/nodejs-polars made each
 * about 100 times cheaper; the cache still saves that rest. A transform called many times with the
 * same column names reuses its expressions (they are immutable), as the kernels do.
 */
const caches = new Map<string, Map<string, unknown>>();
/** Distinct option sets kept per transform; beyond it the oldest is dropped (a notebook uses a handful). */
const KEEP = 64;

/**
 * `build()`'s expressions for this transform and key, built on the first call.
 * @example
 * const e = cachedExprs("classifyGrowth", `${p}\u0000${j}`, () => ({ type: pl.col(p).gt(0) }));
 */
export function cachedExprs<T>(transform: string, key: string, build: () => T): T {
  let c = caches.get(transform);
  if (!c) caches.set(transform, (c = new Map()));
  let v = c.get(key) as T | undefined;
  if (v === undefined) {
    v = build();
    if (c.size >= KEEP) c.delete(c.keys().next().value!);
    c.set(key, v);
  }
  return v;
}

/** A cache key from strings (joined by NUL, which column names do not contain). */
export const keyOf = (...parts: (string | number | boolean)[]): string => parts.map(String).join("\u0000");
