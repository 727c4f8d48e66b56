/**
 * Chapter 4.2: R&D. The report's regional R&D figures cannot be checked
 * against public data (SSB's R&D statistics by county were not found), but
 * its two statements — the five regions' sums and "78 % in Gjøvik and Hamar"
 * — can be checked against each other.
 */
import * as pl from "nodejs-polars";
import { RD_NATIONAL } from "../../data/open";
import { CLAIMS_FILE, SEED_FILE, type Claim } from "../claims";
import type { FindingContext } from "../context";
import { untestable, type Spec } from "../spec";

const REGIONS = ["gjovik", "hamar", "lillehammer", "kongsvinger", "elverum"] as const;
const NO_REGIONAL_RD =
  "R&D expenditure by region or county is not public (SSB's R&D statistics by county were not found; the report used SSB's innovation survey 2006 micro-data)";

function published(ctx: FindingContext, key: string): { value: number; tolerance: number } {
  const c = ctx.claims.get(key);
  if (!c || typeof c.published !== "number") throw new Error(`claim ${key} has no published number`);
  return { value: c.published, tolerance: c.tolerance };
}

/** The arithmetic the two statements imply, with the rounding of every printed number carried as a range. */
export function rdImplications(ctx: FindingContext): pl.DataFrame {
  return ctx.derive("rdImplications", () => {
    const mnok = REGIONS.map((r) => published(ctx, `rd_${r}_region_mnok`));
    const share = published(ctx, "rd_share_gjovik_hamar");
    const gh = [
      mnok[0]!.value + mnok[1]!.value - mnok[0]!.tolerance - mnok[1]!.tolerance,
      mnok[0]!.value + mnok[1]!.value + mnok[0]!.tolerance + mnok[1]!.tolerance,
    ];
    const five = [mnok.reduce((a, m) => a + m.value - m.tolerance, 0), mnok.reduce((a, m) => a + m.value + m.tolerance, 0)];
    const s = [(share.value - share.tolerance) / 100, (share.value + share.tolerance) / 100];
    const total = [gh[0]! / s[1]!, gh[1]! / s[0]!];
    const rest = [total[0]! - five[1]!, total[1]! - five[0]!];
    const central = {
      gh: mnok[0]!.value + mnok[1]!.value,
      five: mnok.reduce((a, m) => a + m.value, 0),
      total: (mnok[0]!.value + mnok[1]!.value) / (share.value / 100),
    };
    return pl.DataFrame({
      quantity: [
        "Gjøvik + Hamar",
        "five city regions",
        "implied Innlandet total (Gjøvik + Hamar ÷ 78 %)",
        "implied R&D outside the five city regions",
      ],
      central: [central.gh, central.five, central.total, central.total - central.five],
      low: [gh[0]!, five[0]!, total[0]!, rest[0]!],
      high: [gh[1]!, five[1]!, total[1]!, rest[1]!],
    });
  });
}

/** The report's printed R&D expenditure by city region (million NOK), with the seed lines. */
export function rdByRegion(ctx: FindingContext): pl.DataFrame {
  const names = { gjovik: "Gjøvik", hamar: "Hamar", lillehammer: "Lillehammer", kongsvinger: "Kongsvinger", elverum: "Elverum" };
  return pl.DataFrame({
    region: REGIONS.map((r) => names[r]),
    rd_mnok: REGIONS.map((r) => published(ctx, `rd_${r}_region_mnok`).value),
    printed_at: REGIONS.map((r) => ctx.claims.get(`rd_${r}_region_mnok`)!.location),
  });
}

function consistencyReference(): Claim {
  return {
    key: "rd_figures_consistent",
    chapter: 4,
    section: "4.2",
    statement:
      "Consistency check (the project's, not a claim of the report): the five regions' R&D figures and the 78 % share of Gjøvik and Hamar fit together, i.e. they imply a non-negative remainder outside the five city regions",
    published: true,
    tolerance: 0,
    unit: "comparison (true = holds)",
    parts: 1,
      rule: "printed",
      location: `NIBR-rapport 2009:14 §4.2, ${SEED_FILE} lines 1211–1219`,
    source: `data/${CLAIMS_FILE}#rd_share_gjovik_hamar`,
  };
}

export const rdFindings: Spec[] = [
  ...REGIONS.map((r) => untestable(`ch4.rd_${r}_region_mnok`, `rd_${r}_region_mnok`, NO_REGIONAL_RD)),
  untestable(
    "ch4.rd_share_gjovik_hamar",
    "rd_share_gjovik_hamar",
    `${NO_REGIONAL_RD}; see ch4.rd_figures_consistent for what the report's own numbers imply`,
  ),
  {
    id: "ch4.rd_figures_consistent",
    reference: consistencyReference,
    basis: "report",
    inputs: [CLAIMS_FILE, RD_NATIONAL],
    compute: (ctx) => {
      const t = rdImplications(ctx).toRecords();
      const rest = t[3]!;
      const total = t[2]!;
      const no2006 = ctx.rdNational
        .filter(pl.col("industry").eq(pl.lit("Business enterprise sector total")).and(pl.col("year").eq(2006)))
        .getColumn("intramural_rd_mnok")
        .get(0) as number;
      const f = (x: unknown): string => (x as number).toFixed(1);
      return {
        value: (rest["low"] as number) >= 0,
        note:
          `Gjøvik 367 + Hamar 78 = 445 MNOK; ÷ 78 % → implied Innlandet total ${f(total["central"])} MNOK (${f(total["low"])}–${f(total["high"])} with every printed number's rounding); ` +
          `the five city regions sum to 529 MNOK, leaving ${f(rest["central"])} MNOK (${f(rest["low"])}–${f(rest["high"])}) for the small-town regions: consistent, and small. ` +
          `For scale only (different survey and definition): Norway's business R&D in 2006 was ${no2006} MNOK (SSB), so the implied total is about ${((100 * (total["central"] as number)) / no2006).toFixed(1)} % of it`,
        tables: { arithmetic: rdImplications(ctx) },
      };
    },
  },
  untestable("ch4.all_sectors_lower_rd_intensity", "all_sectors_lower_rd_intensity", `${NO_REGIONAL_RD} (Figur 4.1, Tabell 4.3)`),
  untestable("ch4.regions_weaker_rd_than_national_types", "regions_weaker_rd_than_national_types", `${NO_REGIONAL_RD} (Tabell 4.3)`),
];
