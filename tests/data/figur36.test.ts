/**
 * Malformed copies of the Figur 3.6 CSV, generated from the real file by code,
 * must each give the typed error with file, row and column.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DuplicateKeyError, FIGUR_3_6, HeaderError, SumError, ValueError, dataDir, fileSpec, loadFigur36, parseTable } from "../../src/lib/index";

const spec = fileSpec(FIGUR_3_6);
const text = readFileSync(join(dataDir(), FIGUR_3_6), "utf8");
const lines = text.trimEnd().split("\n");
const header = lines[0]!.split(",");
const col = (name: string): number => header.indexOf(name);

function withCell(row: number, column: string, value: string): string {
  const out = [...lines];
  const cells = out[row - 1]!.split(",");
  cells[col(column)] = value;
  out[row - 1] = cells.join(",");
  return out.join("\n") + "\n";
}

function errorOf(csv: string): Error & { file?: string; row?: number; column?: string } {
  try {
    parseTable(csv, spec, "copy.csv");
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected a validation error");
}

describe("Figur 3.6 loader", () => {
  it("accepts the transcribed file and yields 7 rows × 13 sectors", () => {
    const long = loadFigur36();
    expect(long.height).toBe(7 * 13);
    expect(long.columns).toEqual(["region", "sector", "group", "year", "value"]);
    expect(parseTable(text, spec).rows).toHaveLength(7);
  });

  it("bad header → HeaderError at row 1 naming the column", () => {
    const e = errorOf(text.replace("goods_3", "goods_three"));
    expect(e).toBeInstanceOf(HeaderError);
    expect(e).toMatchObject({ file: "copy.csv", row: 1, column: "goods_3" });
    expect(e.message).toMatch(/copy\.csv, row 1, column 'goods_3': expected header area,label_as_printed,goods_1/);
  });

  it("duplicate row → DuplicateKeyError on the second occurrence", () => {
    const e = errorOf(text + lines[5] + "\n");
    expect(e).toBeInstanceOf(DuplicateKeyError);
    expect(e).toMatchObject({ row: 9, column: "area" });
    expect(e.message).toMatch(/already on row 6/);
  });

  it("text in a number → ValueError with row and column", () => {
    const e = errorOf(withCell(4, "private_3", "n/a"));
    expect(e).toBeInstanceOf(ValueError);
    expect(e).toMatchObject({ row: 4, column: "private_3" });
    expect(e.message).toMatch(/expected a number with '\.' as decimal separator/);
  });

  it("decimal comma → ValueError (not a silent 0 or NaN)", () => {
    const e = errorOf(withCell(2, "goods_1", '"3,0"'));
    expect(e).toMatchObject({ row: 2, column: "goods_1" });
  });

  it("unknown area code → ValueError listing the codes", () => {
    const e = errorOf(withCell(3, "area", "oslo"));
    expect(e).toBeInstanceOf(ValueError);
    expect(e).toMatchObject({ row: 3, column: "area" });
    expect(e.message).toMatch(/one of the codes/);
  });

  it("parts not summing to the subtotal → SumError beyond the rounding allowance", () => {
    // goods_1 of 'innlandet' (row 6) 6.3 → 6.9: parts sum 19.3 vs subtotal 18.7, allowance 5 × 0.05
    const e = errorOf(withCell(6, "goods_1", "6.9"));
    expect(e).toBeInstanceOf(SumError);
    expect(e).toMatchObject({ row: 6, column: "goods_subtotal" });
    expect(e.message).toMatch(/within ±0\.250/);
  });

  it("a miss within rounding (0.2 on 6 parts) is accepted, as in the report's own rows", () => {
    expect(() => parseTable(withCell(6, "private_1", "8.4"), spec, "copy.csv")).not.toThrow();
  });

  it("subtotals not summing to the total → SumError on 'total'", () => {
    const e = errorOf(withCell(2, "total", "99"));
    expect(e).toBeInstanceOf(SumError);
    expect(e).toMatchObject({ row: 2, column: "total" });
  });

  it("a ragged row → ValueError with its line", () => {
    const e = errorOf(text + "innlandet,x,1\n");
    expect(e).toBeInstanceOf(ValueError);
    expect(e.row).toBe(9);
  });

  it("an empty file → HeaderError", () => {
    expect(errorOf("")).toBeInstanceOf(HeaderError);
  });
});
