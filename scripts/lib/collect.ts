/**
 * The registry is collected from the executed notebooks (as Jupyter Book's glue does): every
 * output of MIME type FINDING_MIME is one finding; its cell is the index in the committed
 * notebook (the injected-parameters cell is not counted).
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { FINDING_MIME } from "../../src/lib/notebook/session";
import type { Finding } from "../../src/lib/findings/types";

interface Output {
  output_type: string;
  data?: Record<string, string | string[]>;
}
interface Cell {
  cell_type: string;
  metadata?: { tags?: string[] };
  outputs?: Output[];
}

/** The findings an executed notebook emitted, with `notebook` and `cell` set. */
export function emittedFindings(ipynb: string): Finding[] {
  const nb = JSON.parse(readFileSync(ipynb, "utf8")) as { cells: Cell[] };
  const out: Finding[] = [];
  let offset = 0;
  nb.cells.forEach((c, i) => {
    if ((c.metadata?.tags ?? []).includes("injected-parameters")) {
      offset = 1;
      return;
    }
    for (const o of c.outputs ?? []) {
      const raw = o.data?.[FINDING_MIME];
      if (raw === undefined) continue;
      const text = Array.isArray(raw) ? raw.join("") : typeof raw === "string" ? raw : JSON.stringify(raw);
      out.push({ ...(JSON.parse(text) as Finding), notebook: basename(ipynb), cell: i - offset });
    }
  });
  return out;
}

/** Ids emitted more than once, with where. */
export function duplicateIds(findings: Finding[]): string[] {
  const seen = new Map<string, string>();
  const dups: string[] = [];
  for (const f of findings) {
    const where = `${f.notebook} cell ${f.cell}`;
    if (seen.has(f.id)) dups.push(`${f.id} (${seen.get(f.id)} and ${where})`);
    else seen.set(f.id, where);
  }
  return dups;
}
