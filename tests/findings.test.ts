/**
 * The findings registry run without Jupyter: every finding evaluates, has the
 * exact fields of build/findings.json, cites its inputs, and the §3.3 values
 * equal what a hand computation from Figur 3.6's printed numbers gives.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { FINDING_SPECS, FindingContext, dataDir, evaluateAll, loadClaims, readManifest, type Finding } from "../src/lib/index";

const findings = evaluateAll(new FindingContext());
const byId = (id: string): Finding => {
  const f = findings.find((x) => x.id === id);
  if (!f) throw new Error(`no finding ${id}`);
  return f;
};

describe("findings registry", () => {
  it("has the exact field names, in order", () => {
    for (const f of findings) {
      expect(Object.keys(f)).toEqual([
        "id",
        "chapter",
        "section",
        "claim",
        "published",
        "computed",
        "unit",
        "tolerance",
        "verdict",
        "inputs",
        "note",
      ]);
    }
  });

  it("registers at least 8 findings from §3.3, ids unique", () => {
    expect(findings.filter((f) => f.section.startsWith("3.3")).length).toBeGreaterThanOrEqual(8);
    expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
    expect(findings).toHaveLength(FINDING_SPECS.length);
  });

  it("every input is a manifest file or a claim of the claims file", () => {
    const files = new Set(readManifest().files.map((f) => `data/${f.path}`));
    const claims = loadClaims();
    for (const f of findings) {
      for (const input of f.inputs) {
        const [file, key] = input.split("#");
        expect(files.has(file!), `${f.id}: ${input}`).toBe(true);
        if (file === "data/report/claims.csv" && key !== undefined) expect(claims.has(key), `${f.id}: ${input}`).toBe(true);
      }
    }
  });

  it("untestable findings say why; testable ones have a computed value", () => {
    for (const f of findings) {
      if (f.verdict === "untestable") expect(f.note).toMatch(/untestable: .{20,}/);
      else expect(f.computed).not.toBeNull();
    }
  });

  // Hand computations from the printed row 'Innlandet': 6,3 5,4 4,2 2,6 0,2 | 8,2 0,1 4,1 9,0 13,8 8,3 | 2,5 35,3
  const goods = 6.3 + 5.4 + 4.2 + 2.6 + 0.2; // 18.7
  const priv = 8.2 + 0.1 + 4.1 + 9.0 + 13.8 + 8.3; // 43.5
  const pub = 2.5 + 35.3; // 37.8
  const total = goods + priv + pub; // 100.0

  it("services share: 43.5 + 37.8 = 81.3 against the prose's 82 → diverges", () => {
    const f = byId("ch3.services_share_innlandet_2008");
    expect(f.computed).toBeCloseTo((100 * (priv + pub)) / total, 9);
    expect(f.published).toBe(82);
    expect(f.tolerance).toBe(0.5);
    expect(f.verdict).toBe("diverges");
    expect(f.note).toMatch(/computed − published = -0\.7/);
  });

  it.each([
    ["ch3.private_services_share_innlandet_2008", priv, 44],
    ["ch3.goods_share_innlandet_2008", goods, 19],
    ["ch3.public_share_innlandet_2008", pub, 38],
  ])("%s reproduces the prose's rounded share", (id, part, published) => {
    const f = byId(id);
    expect(f.computed).toBeCloseTo((100 * part) / total, 9);
    expect(f.published).toBe(published);
    expect(f.verdict).toBe("reproduced");
  });

  it("Innlandet's goods (18.7 > 15.3) and public (37.8 > 33.6) shares exceed the country's", () => {
    expect(byId("ch3.goods_share_innlandet_above_norway")).toMatchObject({ computed: true, verdict: "reproduced" });
    expect(byId("ch3.public_share_innlandet_above_norway")).toMatchObject({ computed: true, verdict: "reproduced" });
  });

  it("agriculture LQ (goods_1): Innlandet 6.3/3.0 = 2.1 > 1", () => {
    const f = byId("ch3.innlandet_specialised_agriculture");
    expect(f.note).toMatch(/= 2\.100/);
    expect(f.note).toMatch(/ASSUMPTION/);
    expect(f.verdict).toBe("reproduced");
  });

  it("diversity: the verdict depends on the measure (Shannon yes, HHI no)", () => {
    // HHI by hand for Innlandet's city regions vs small-town regions (shares as fractions of 100.0 / 100.1)
    const city = [5.2, 5.2, 4.5, 3.3, 0.2, 8.8, 0.1, 3.6, 8.4, 14.0, 8.3, 2.6, 35.8];
    const small = [10.4, 5.8, 2.8, 0.5, 0.3, 6.3, 0.1, 5.7, 11.2, 13.4, 8.2, 2.1, 33.4];
    const hhi = (xs: number[]): number => {
      const t = xs.reduce((a, b) => a + b, 0);
      return xs.reduce((a, x) => a + (x / t) ** 2, 0);
    };
    expect(hhi(city)).toBeGreaterThan(hhi(small)); // city regions more concentrated by HHI
    expect(byId("ch3.city_regions_more_diverse_than_small_town.hhi").verdict).toBe("diverges");
    expect(byId("ch3.city_regions_more_diverse_than_small_town.shannon_normalized").verdict).toBe("reproduced");
  });

  const seed = [process.env["INNLANDET_SEED"], resolve(dataDir(), "../../shared/seed/000_71fac511997fe12e.txt")].find(
    (p): p is string => !!p && existsSync(p),
  );
  it.skipIf(!seed)("every published number stands in the seed lines the claim cites (needs ../shared/seed)", () => {
    const lines = readFileSync(seed!, "utf8").split("\n");
    for (const c of loadClaims().values()) {
      const m = /lines? (\d+)(?:–(\d+))?$/.exec(c.location);
      expect(m, c.key).not.toBeNull();
      const text = lines.slice(Number(m![1]) - 1, Number(m![2] ?? m![1])).join(" ");
      expect(text.trim().length, c.key).toBeGreaterThan(0);
      const values = typeof c.published === "number" ? [c.published] : Array.isArray(c.published) ? c.published : [];
      for (const v of values) {
        // as printed in Norwegian: decimal comma, thousands with '.', sign written separately
        const [int, dec] = String(Math.abs(v)).split(".");
        const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
        const forms = [int, grouped].map((i) => (dec ? `${i},${dec}` : i!));
        const words = ["null", "en", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni", "ti"]; // small counts are spelled out
        if (Number.isInteger(v) && Math.abs(v) <= 10) forms.push(` ${words[Math.abs(v)]!} `);
        expect(
          forms.some((f) => text.includes(f)),
          `${c.key}: ${v} (${forms.join(" / ")})`,
        ).toBe(true);
      }
    }
  });
});
