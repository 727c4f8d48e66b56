/**
 * The inputs findings compute from, loaded once and checked on load.
 */
import type * as pl from "nodejs-polars";
import { loadFigur36, loadFigur36Wide } from "../data/load";
import { dataDir } from "../data/manifest";
import { loadClaims, type Claim } from "./claims";

export class FindingContext {
  readonly dir: string;
  private cache = new Map<string, unknown>();

  constructor(dir: string = dataDir()) {
    this.dir = dir;
  }

  private memo<T>(key: string, load: () => T): T {
    if (!this.cache.has(key)) this.cache.set(key, load());
    return this.cache.get(key) as T;
  }

  /** Published claims, by key. */
  get claims(): Map<string, Claim> {
    return this.memo("claims", () => loadClaims(this.dir));
  }

  /** Figur 3.6, long: region, sector, group, year, value (%). */
  get figur36(): pl.DataFrame {
    return this.memo("figur36", () => loadFigur36(this.dir));
  }

  /** Figur 3.6 as printed, with subtotals. */
  get figur36Wide(): pl.DataFrame {
    return this.memo("figur36Wide", () => loadFigur36Wide(this.dir));
  }
}
