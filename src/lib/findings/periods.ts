/**
 * The report's "2001–07" read two ways, and which readings a run evaluates (its `period` parameter).
 */
import type { RunParameters } from "../params";

export interface PeriodReading {
  /** Suffix of the finding ids of this reading, e.g. "jan2001_jan2007". */
  key: "jan2001_jan2007" | "jan2001_jan2008";
  from: number;
  to: number;
  label: string;
}

/** The two readings of "2001–07": population on 1 January of `from` and of `to`. */
export const PERIOD_2001_07: readonly PeriodReading[] = [
  { key: "jan2001_jan2007", from: 2001, to: 2007, label: "1 Jan 2001 → 1 Jan 2007" },
  { key: "jan2001_jan2008", from: 2001, to: 2008, label: "1 Jan 2001 → 1 Jan 2008 (i.e. through 31 Dec 2007)" },
];

/**
 * The readings a run evaluates: both, or the one its `period` parameter names.
 * @example activePeriods({ regions: "report13", period: "jan2001_jan2008" }).map((p) => p.key); // ["jan2001_jan2008"]
 */
export function activePeriods(params: RunParameters): PeriodReading[] {
  return PERIOD_2001_07.filter((p) => params.period === "both" || p.key === params.period);
}

/**
 * The other reading of "2001–07" (for a finding's alternatives).
 * @example otherPeriod(PERIOD_2001_07[0]!).key; // "jan2001_jan2008"
 */
export function otherPeriod(p: PeriodReading): PeriodReading {
  return PERIOD_2001_07.find((q) => q.key !== p.key)!;
}
