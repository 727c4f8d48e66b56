/**
 * The methods primer (notebooks/01-methods.ipynb) as a table: one row per method family, with the
 * anchor of its section and the library functions whose use signals it. The site builder puts a
 * "Method: …" link on every finding card whose cell uses one of them (scripts/lib/site/cards.ts),
 * and tests/primer/links.test.ts fails when a finding cell of notebooks 02–07 uses an indicator or
 * a test of src/lib/indicators, src/lib/stats or src/lib/regions that no row lists.
 */

/** The primer notebook's name (its page on the site is `${PRIMER_NOTEBOOK}.html`). */
export const PRIMER_NOTEBOOK = "01-methods";

export interface Method {
  /** The section's anchor in the primer (an `<a id>` before its heading). */
  anchor: string;
  /** The section's title, as the link shows it. */
  title: string;
  /** Library functions (names exported by src/lib/index.ts) whose call signals the method. */
  functions: readonly string[];
}

export const METHODS: readonly Method[] = [
  {
    anchor: "method-growth",
    title: "Growth rates and period readings",
    functions: [
      "growthRate",
      "growthIndex",
      "yearlyRate",
      "readZeroGrowth",
      "regionPopulationChange",
      "changeThenAndSince",
      "classifyGrowth",
      "otherPeriod",
      "activePeriods",
      "firmDynamics",
    ],
  },
  {
    anchor: "method-components",
    title: "Demographic components and the balancing identity",
    functions: ["demographicComponents", "componentsByRegion", "regionComponents", "countyComponents", "incompleteRegionYears", "poolComponents"],
  },
  { anchor: "method-lq", title: "Shares and the location quotient", functions: ["shares", "locationQuotient"] },
  { anchor: "method-specialisation", title: "Specialisation (Krugman) and localisation (Hoover)", functions: ["specialization", "hoover"] },
  {
    anchor: "method-diversity",
    title: "Diversity: Shannon entropy, HHI, related and unrelated variety",
    functions: ["diversity", "shannonOf", "hhiOf", "variety", "relatedVariety", "unrelatedVariety", "theil"],
  },
  { anchor: "method-shift-share", title: "Shift-share (Dunn; Esteban-Marquillas)", functions: ["shiftShare", "shiftShareEM", "shiftShareTotals"] },
  {
    anchor: "method-rank",
    title: "Spearman's rank correlation and the permutation test",
    functions: ["rank", "pearson", "spearman", "permutationTest", "spearmanOverRanges", "associationOverRanges", "atLeastKExceedM"],
  },
  { anchor: "method-power", title: "Statistical power", functions: ["spearmanPower"] },
  {
    anchor: "method-weighted",
    title: "Weighted rates (pooling published rates)",
    functions: ["weightedRate", "cooperationUnits", "partnerAreaShare", "cooperationAtPrinted", "cooperatorsBasis"],
  },
  {
    anchor: "method-rounding",
    title: "Rounding intervals: what a printed number allows",
    functions: [
      "roundingBounds",
      "printedBounds",
      "parsePrinted",
      "boundsAdd",
      "boundsSub",
      "boundsAbs",
      "boundsGrowth",
      "bracketed",
      "weightedMeanBounds",
      "weightedMeanBoundsBy",
      "exceedsAtEveryValue",
      "spreadBounds",
      "cornerBounds",
      "allOf",
      "decideAll",
      "holdsForEvery",
      "holdsForShare",
      "countBounds",
      "roundingSet",
      "roundingVertices",
      "rangeOver",
      "projectOnRoundingSet",
      "printedRowSet",
    ],
  },
  {
    anchor: "method-leave-out",
    title: "Leave-k-out robustness (and the bootstrap)",
    functions: ["leaveKOut", "leaveOutSets", "leaveOutReadings", "leaveOutUntested", "leaveOutSkippedText", "bootstrapInterval"],
  },
  {
    anchor: "method-mapping",
    title: "The region mapping and the modifiable areal unit problem",
    functions: [
      "toRegions",
      "sumBy",
      "loadMapping",
      "typePopulation",
      "krdTypePopulation",
      "regionPopulationAt",
      "harmoniseCodes",
      "loadCodeChanges2008To2020",
      "mappingSensitivity",
      // regions for any area of Norway (issue 24): the mapping of an area, its population, regions left out whole
      "loadAreaMapping",
      "loadAreaData",
      "completeFor",
      "resolveArea",
      "nationalTypology",
      "typedBa2020Mapping",
      "apportionedRest",
    ],
  },
];

/** The library functions a piece of notebook code calls as `lib.<name>(` (each once, in order of first call). */
export function libCalls(source: string): string[] {
  return [...new Set([...source.matchAll(/\blib\.([A-Za-z_$][\w$]*)\s*(?:<[^>()]*>)?\s*\(/g)].map((m) => m[1]!))];
}

/** The methods whose functions a list of library calls includes, in the primer's order. */
export function methodsOf(calls: readonly string[]): Method[] {
  const set = new Set(calls);
  return METHODS.filter((m) => m.functions.some((f) => set.has(f)));
}

/**
 * The link to a method's section of the primer, relative to the site's root.
 * @example methodHref(METHODS[2]!); // "01-methods.html#method-lq"
 */
export function methodHref(m: Method): string {
  return `${PRIMER_NOTEBOOK}.html#${m.anchor}`;
}

/** Top-level names a cell declares (`const x`, `let x`, `function f`, `const { a, b }`, `const [a, b]`). */
function declared(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(
    /^(?:export\s+)?(?:const|let|var|function\*?|async\s+function|class)\s+([A-Za-z_$][\w$]*|\{[^}]*\}|\[[^\]]*\])/gm,
  )) {
    const d = m[1]!;
    if (/^[{[]/.test(d)) out.push(...[...d.matchAll(/([A-Za-z_$][\w$]*)\s*(?:[,}\]=]|$)/g)].map((x) => x[1]!));
    else out.push(d);
  }
  return out;
}

/**
 * The library functions each code cell uses: its own `lib.<name>(` calls and those of the earlier cells
 * that declare a top-level name it reads (followed on to the cells those read from), as a notebook's
 * cells share one scope.
 * @param cells the code cells' sources, in order
 * @example
 * cellLibCalls(["const g = (df) => lib.growthRate(df, o);", "nb.check('x', { computed: g(d) });"]);
 * // [["growthRate"], ["growthRate"]]
 */
export function cellLibCalls(cells: readonly string[]): string[][] {
  const declaredBy = new Map<string, number>();
  const own = cells.map(libCalls);
  const reads = cells.map((s) => new Set(s.replace(/\/\/.*$/gm, "").match(/[A-Za-z_$][\w$]*/g) ?? []));
  const deps: number[][] = cells.map((s, i) => {
    const found = [...reads[i]!].map((n) => declaredBy.get(n)).filter((k): k is number => k !== undefined && k !== i);
    for (const n of declared(s)) declaredBy.set(n, i);
    return [...new Set(found)];
  });
  return cells.map((_, i) => {
    const seen = new Set<number>([i]);
    const stack = [...deps[i]!];
    while (stack.length) {
      const k = stack.pop()!;
      if (seen.has(k)) continue;
      seen.add(k);
      stack.push(...deps[k]!);
    }
    return [...new Set([...seen].sort((a, b) => a - b).flatMap((k) => own[k]!))];
  });
}
