/**
 * Chapter 3 claims (§3.3–3.4) that no public data can test (each with what is missing).
 * (The §3.1–3.2 ones are in the cells of notebooks/03-structures.ipynb.)
 */
import { untestable, type Spec } from "../spec";

export const chapter3OtherFindings: Spec[] = [
  untestable(
    "ch3.innlandet_job_gap_from_private_sector_and_cities",
    "innlandet_job_gap_from_private_sector_and_cities",
    "employment 1998–2008 by sector and region (the report's SSB/BoF extract, Tabell 3.2) is not public",
  ),
  untestable(
    "ch3.sector_growth_patterns_small_towns_and_cities",
    "sector_growth_patterns_small_towns_and_cities",
    "employment change 1998–2008 by industry and region (Tabell 3.2–3.3, Figur 3.8, SSB/BoF) is not public",
  ),
  untestable(
    "ch3.national_growth_increases_with_size",
    "national_growth_increases_with_size",
    "population and job change 1998–2008 for all the country's regions (Figur 3.9–3.10) is not in the open data found",
  ),
];
