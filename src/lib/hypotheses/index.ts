/**
 * Chapter 2's hypotheses and chapter 5's conclusions, weighed against the findings of a run:
 * the registry of links (registry.ts, conclusions.ts), the written rules (rules.ts), the computed
 * assessment (assess.ts) and its tables and text (render.ts).
 */
export { HYPOTHESES, proposition } from "./registry";
export { CONCLUSIONS, MAIN_CONCLUSION, PERIOD_READINGS } from "./conclusions";
export { READING_RULE, SUMMARY_RULE, NESTED, crossReadingProblems, linkProblems } from "./rules";
export {
  assess,
  assessLink,
  countOutcomes,
  findingBasis,
  judgementFlips,
  linkIds,
  partAssessments,
  signOf,
  summaryOf,
  type Flip,
  type PartAssessment,
} from "./assess";
export { assessmentFrame, assessmentTable, assessmentText, countsText, partsFrame, partsText, propositionText, readingText, sensitivityText } from "./render";
export {
  HypothesisError,
  type AssessedLink,
  type Assessment,
  type Counts,
  type Link,
  type LinkReading,
  type Outcome,
  type Proposition,
  type Reading,
  type Sign,
  type Summary,
} from "./types";
