/**
 * The inputs findings compute from, loaded once and checked on load, plus
 * the analysis parameters (which region mapping).
 */
import type * as pl from "nodejs-polars";
import { loadFigur36, loadFigur36Wide } from "../data/load";
import { dataDir } from "../data/manifest";
import {
  loadCountyEmployees,
  loadEconomicRegionTypes,
  loadInnovation2006,
  loadRdNational,
  loadCountyPopulation,
  loadJobGrowth,
  loadKrdRegionTypes,
  loadMunicipalPopulation,
  loadPopulationComponents,
} from "../data/open";
import { loadMapping, type MappingName } from "../regions/mapping";
import { resolveArea, type Area } from "../regions/area";
import { isInnlandetMapping, loadAreaMapping, type AreaMapping } from "../regions/areaMapping";
import { toRegions } from "../regions/aggregate";
import { loadClaims, type Claim } from "./claims";
import { DEFAULT_PARAMS, type RunParameters } from "../params";

export interface ContextOptions {
  /** Data folder (default: the project's data/). */
  dir?: string;
  /** Municipality → region mapping of chapters 2–5 (default "report13", the reconstruction of the report's 13 regions). */
  mapping?: MappingName;
  /** Run parameters (their `regions` sets the mapping unless `mapping` is given). */
  params?: Partial<RunParameters>;
}

export class FindingContext {
  readonly dir: string;
  readonly mapping: MappingName;
  readonly params: RunParameters;
  private cache = new Map<string, unknown>();

  constructor(opts: ContextOptions | string = {}) {
    const o = typeof opts === "string" ? { dir: opts } : opts;
    this.dir = o.dir ?? dataDir();
    const given = o.params?.regions;
    // chapters 2–5 read the report's Innlandet: a mapping of another kind (economic, a user's file) is for chapter 6 only
    const mapping = o.mapping ?? (isInnlandetMapping(given) ? (given ?? DEFAULT_PARAMS.regions) : "report13");
    this.params = { ...DEFAULT_PARAMS, ...o.params, regions: o.mapping ?? given ?? DEFAULT_PARAMS.regions };
    this.mapping = mapping;
  }

  /** The run's area (parameter `area`; default the report's Innlandet), resolved against the data. */
  get area(): Area {
    return this.memo("area", () => resolveArea(this.params.area, this.dir));
  }

  /** The run's region mapping for its area (parameters `regions` and `area`; see loadAreaMapping). */
  get areaMapping(): AreaMapping {
    return this.memo("areaMapping", () => loadAreaMapping(this.params.regions, this.area, this.dir));
  }

  private memo<T>(key: string, load: () => T): T {
    if (!this.cache.has(key)) this.cache.set(key, load());
    return this.cache.get(key) as T;
  }

  /** A derived table computed once per context (frames are immutable, so sharing is safe). */
  derive<T>(key: string, compute: () => T): T {
    return this.memo(`derived:${key}`, compute);
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

  /** The selected mapping: municipality_code_2008, municipality_name, region, region_type, krd_type, note. */
  get regions(): pl.DataFrame {
    return this.memo("regions", () => loadMapping(this.mapping, this.dir));
  }

  /** Municipal population 1 Jan 2000–2009 (SSB 07459). */
  get municipalPopulation(): pl.DataFrame {
    return this.memo("municipalPopulation", () => loadMunicipalPopulation(this.dir));
  }

  /** Population per region of the selected mapping: region, region_type, year, value. */
  get regionPopulation(): pl.DataFrame {
    return this.memo("regionPopulation", () => toRegions(this.municipalPopulation, this.regions));
  }

  /** County and national population (selected years). */
  get countyPopulation(): pl.DataFrame {
    return this.memo("countyPopulation", () => loadCountyPopulation(this.dir));
  }

  /** SSB population change by component (partial). */
  get components(): pl.DataFrame {
    return this.memo("components", () => loadPopulationComponents(this.dir));
  }

  /** KRD St.meld. 25 Tabell 1.1. */
  get krd(): pl.DataFrame {
    return this.memo("krd", () => loadKrdRegionTypes(this.dir));
  }

  /** The report's job-growth rates 1998–2008. */
  get jobGrowth(): pl.DataFrame {
    return this.memo("jobGrowth", () => loadJobGrowth(this.dir));
  }

  /** SSB innovation survey 2006, counties and economic regions. */
  get innovation(): pl.DataFrame {
    return this.memo("innovation", () => loadInnovation2006(this.dir));
  }

  /** SSB business R&D, Norway 2006–2009. */
  get rdNational(): pl.DataFrame {
    return this.memo("rdNational", () => loadRdNational(this.dir));
  }

  /** City / small-town classification of SSB's economic regions. */
  get economicRegionTypes(): pl.DataFrame {
    return this.memo("economicRegionTypes", () => loadEconomicRegionTypes(this.dir));
  }

  /** SSB employees by workplace county and sector, 1995–2000. */
  get countyEmployees(): pl.DataFrame {
    return this.memo("countyEmployees", () => loadCountyEmployees(this.dir));
  }
}
