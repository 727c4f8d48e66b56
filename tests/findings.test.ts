/**
 * The findings the notebook cells emit (run without Jupyter by the global setup): the exact
 * fields of build/findings.json, inputs that exist, reasons for the untestable ones; and every
 * claim's published number stands in the seed lines it cites.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { dataDir, loadClaims, readManifest, type Finding } from "../src/lib/index";
import { emitted } from "./support/runs";

const findings: Finding[] = emitted();

describe("findings registry", () => {
  it("has the exact field names, in order", () => {
    for (const f of findings) {
      expect(Object.keys(f)).toEqual([
        "id",
        "kind",
        "chapter",
        "section",
        "claim",
        "published",
        "computed",
        "unit",
        "tolerance",
        "rule",
        "verdict",
        "robustness",
        "inputs",
        // the reading's key numbers, only where the cell names them (or the minimum-basis rule adds the smallest side)
        ...(f.numbers ? ["numbers"] : []),
        "note",
        "notebook",
        "cell",
      ]);
    }
  });

  it("key numbers, where present, are named in snake_case and are numbers, intervals or null", () => {
    const withNumbers = findings.filter((f) => f.numbers);
    expect(withNumbers.length).toBeGreaterThanOrEqual(5);
    for (const f of withNumbers)
      for (const [k, v] of Object.entries(f.numbers!)) {
        expect(k, f.id).toMatch(/^[a-z][a-z0-9_]*$/);
        expect(v === null || typeof v === "number" || (Array.isArray(v) && v.length === 2), `${f.id}.${k}`).toBe(true);
      }
  });

  it("emits each finding once, at least 140 of them", () => {
    expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
    expect(findings.length).toBeGreaterThanOrEqual(140);
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
      // the tolerance is derived from `printed`, so `printed` must be the figure as it stands in the text
      const spelled = ["null", "en", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni", "ti"]; // small counts are written as words
      for (const part of (c.printed ?? "").split("–").filter(Boolean)) {
        const word = /^\d+$/.test(part) && Number(part) <= 10 ? spelled[Number(part)]! : null;
        const found = text.replace(/−/g, "-").includes(part.replace(/^-/, "")) || (word !== null && new RegExp(`\\b${word}\\b`, "i").test(text));
        expect(found, `${c.key}: printed '${part}' in the cited lines`).toBe(true);
      }
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
