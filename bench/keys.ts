/**
 * Dictionary coding of key columns for the floor (bench/floor.ts): each distinct key gets an id in
 * first-seen order, one Map or table look-up per row; `order` lists the ids in the keys' sorted order
 * (text order for strings, as polars and pandas sort them; numeric for integers).
 */
export type Key = Int32Array | string[];

export class FloorInputError extends Error {}

/** Largest integer key the table coder takes (the floor's one privilege: integer keys are small and ≥ 0). */
const MAX_INT_KEY = 1 << 24;

export interface Coder<K> {
  /** The key's id, new keys getting the next one. */
  id(k: K): number;
  /** The key's id, or −1 when it has none (nothing is added). */
  known(k: K): number;
  names: K[];
}

class StringCoder implements Coder<string> {
  names: string[] = [];
  private map = new Map<string, number>();
  id(k: string): number {
    let id = this.map.get(k);
    if (id === undefined) {
      id = this.names.length;
      this.map.set(k, id);
      this.names.push(k);
    }
    return id;
  }
  known(k: string): number {
    return this.map.get(k) ?? -1;
  }
}

class IntCoder implements Coder<number> {
  names: number[] = [];
  /** id + 1 by key (0: none yet). */
  private table = new Int32Array(1024);
  id(k: number): number {
    if (k >= 0 && k < this.table.length) {
      const t = this.table[k]!;
      if (t !== 0) return t - 1;
    } else this.grow(k);
    this.names.push(k);
    this.table[k] = this.names.length;
    return this.names.length - 1;
  }
  known(k: number): number {
    return k >= 0 && k < this.table.length ? this.table[k]! - 1 : -1;
  }
  private grow(k: number): void {
    if (!(k >= 0 && k < MAX_INT_KEY)) throw new FloorInputError(`integer key ${k} outside the floor's range 0 … ${MAX_INT_KEY - 1}`);
    const t = new Int32Array(Math.max(k + 1, 2 * this.table.length));
    t.set(this.table);
    this.table = t;
  }
}

export function coderFor(keys: Key): Coder<string | number> {
  return (Array.isArray(keys) ? new StringCoder() : new IntCoder()) as Coder<string | number>;
}

export interface Coded {
  ids: Int32Array;
  names: (string | number)[];
  /** Ids in the keys' sorted order. */
  order: Int32Array;
}

/** Ids in the keys' sorted order. */
export function sortedIds(names: (string | number)[]): Int32Array {
  return Int32Array.from(names, (_, i) => i).sort((a, b) => (names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : 0));
}

/** One pass: the id of every row's key. */
export function encode(keys: Key): Coded {
  const c = coderFor(keys);
  const n = keys.length;
  const ids = new Int32Array(n);
  for (let i = 0; i < n; i += 1) ids[i] = c.id(keys[i]!);
  return { ids, names: c.names, order: sortedIds(c.names) };
}

/** An output key column of n rows, typed like the input's keys. */
export function keyColumn(like: Key, n: number): Int32Array | string[] {
  return Array.isArray(like) ? new Array<string>(n) : new Int32Array(n);
}
