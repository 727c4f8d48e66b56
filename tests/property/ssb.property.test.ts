/**
 * Property tests of the JSON-stat parser on generated, damaged documents:
 * random cell values and status symbols, removed or replaced fields. Each
 * must give a frame whose values are finite numbers or null (a non-number
 * only where a "no figure" status explains it), or an SsbFormatError —
 * never another exception and never a string turned silently into null.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { MISSING_SYMBOLS, SsbFormatError, checkDimensions, jsonStatToFrame } from "../../src/lib/index";

let tried = 0;
let refused = 0;

function base(values: unknown[], status: Record<string, string>): Record<string, unknown> {
  return {
    version: "2.0",
    class: "dataset",
    id: ["Region", "Tid"],
    size: [2, 2],
    dimension: {
      Region: { label: "region", category: { index: ["K-1", "K-2"], label: { "K-1": "Synthetic A", "K-2": "Synthetic B" } } },
      Tid: { label: "year", category: { index: { "2000": 0, "2001": 1 } } },
    },
    value: values,
    status,
  };
}

const cellValue = fc.oneof(
  { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }), weight: 12 },
  { arbitrary: fc.constant(null), weight: 3 },
  { arbitrary: fc.constantFrom("..", ":", "12,5", ""), weight: 1 },
  { arbitrary: fc.oneof(fc.boolean(), fc.constant({})), weight: 1 },
);
const symbol = fc.constantFrom(".", "..", "...", ":", "-", "*", "x", "");
const field = fc.oneof(
  { arbitrary: fc.constant("none"), weight: 4 },
  { arbitrary: fc.constantFrom("class", "id", "size", "dimension", "value", "status"), weight: 3 },
);
const replacement = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined));

describe("jsonStatToFrame on damaged documents", () => {
  it("gives a checked frame or an SsbFormatError", () => {
    fc.assert(
      fc.property(
        fc.array(cellValue, { minLength: 4, maxLength: 4 }),
        fc.dictionary(fc.constantFrom("0", "1", "2", "3"), symbol),
        field,
        replacement,
        (values, status, f, repl) => {
          tried += 1;
          const doc = base(values, status);
          if (f !== "none") doc[f] = repl;
          let frame;
          try {
            checkDimensions(doc, { Region: ["K-1", "K-2"] }, "00000");
            frame = jsonStatToFrame(doc, "00000");
          } catch (e) {
            if (!(e instanceof SsbFormatError)) throw e;
            refused += 1;
            return;
          }
          expect(frame.height).toBe(4);
          const vals = frame.getColumn("value").toArray() as (number | null)[];
          const st = frame.getColumn("status").toArray() as (string | null)[];
          vals.forEach((v, i) => {
            expect(v === null || Number.isFinite(v)).toBe(true);
            const raw = Array.isArray(doc["value"]) ? (doc["value"] as unknown[])[i] : undefined;
            // a non-number survives only as null beside a "no figure" symbol
            if (f === "none" && raw !== null && typeof raw !== "number") expect(MISSING_SYMBOLS).toContain(st[i]);
          });
        },
      ),
      { numRuns: 300, seed: 41 },
    );
  });
});

afterAll(() => {
  process.stdout.write(`\nproperty tests (JSON-stat): ${tried} generated documents tried, ${refused} refused with SsbFormatError\n`);
});
