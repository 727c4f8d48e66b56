/**
 * danfojs interop: a round trip polars → danfo → polars is exact for every supported dtype, nulls
 * included (hand examples of the bugs it fixes, and a property over generated frames); a dtype or
 * value it cannot carry is refused with an InteropError naming the column; danfojs is loaded only
 * when a conversion is made.
 */
import { join } from "node:path";
import fc from "fast-check";
import * as pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import { InteropError, fromDanfo, toDanfo } from "../../src/lib/index";
import { runProcess } from "../support/spawn";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const dfd = require("danfojs-node");

/** Column names with their dtype strings, in order. */
const schemaOf = (df: pl.DataFrame): [string, string][] => Object.entries(df.schema).map(([name, dtype]) => [name, String(dtype)]);
/** Numbers as exact strings (so −0, NaN and ±Infinity compare exactly); other values and nulls as they are. */
const exact = (values: unknown[]): unknown[] => values.map((v) => (typeof v === "number" ? (Object.is(v, -0) ? "-0" : String(v)) : v));
const valuesOf = (df: pl.DataFrame): unknown[][] => df.columns.map((c) => exact(df.getColumn(c).toArray()));

function expectRoundTrip(df: pl.DataFrame): pl.DataFrame {
  const back = fromDanfo(toDanfo(df));
  expect(schemaOf(back)).toEqual(schemaOf(df));
  expect(valuesOf(back)).toEqual(valuesOf(df));
  expect(back.height).toBe(df.height);
  return back;
}

function refusal(f: () => unknown): InteropError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InteropError);
    expect((e as Error).name).toBe("InteropError");
    expect((e as Error).message).not.toContain("\n");
    return e as InteropError;
  }
  throw new Error("expected an InteropError");
}

describe("danfojs round trip (hand examples)", () => {
  it("a boolean column with a null comes back as [true, null, false], dtype Bool", () => {
    const back = expectRoundTrip(pl.DataFrame({ ok: pl.Series("ok", [true, null, false], pl.Bool) }));
    expect(back.getColumn("ok").toArray()).toEqual([true, null, false]);
    expect(back.getColumn("ok").dtype.variant).toBe("Bool");
  });

  it("a Float64 column holding 6.0 stays Float64 with 6.0 (danfo alone infers int32)", () => {
    const df = pl.DataFrame({ v: pl.Series("v", [6.0, 7.0], pl.Float64), w: pl.Series("w", [6.0, null], pl.Float64) });
    const d = toDanfo(df);
    expect(d.dtypes).toEqual(["float32", "float32"]);
    const back = expectRoundTrip(df);
    expect(back.getColumn("v").dtype.variant).toBe("Float64");
    expect(back.getColumn("v").toArray()).toEqual([6, 7]);
  });

  it("Int64 and Int32 stay themselves, with nulls and values up to ±(2^53 − 1)", () => {
    const back = expectRoundTrip(
      pl.DataFrame({
        n: pl.Series("n", [1, null, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER], pl.Int64),
        m: pl.Series("m", [null, 2 ** 31 - 1, -(2 ** 31), 0], pl.Int32),
      }),
    );
    expect(back.getColumn("n").dtype.variant).toBe("Int64");
    expect(back.getColumn("m").dtype.variant).toBe("Int32");
  });

  it("strings with nulls stay strings, digits and 'true' included (danfo alone infers int32)", () => {
    const back = expectRoundTrip(pl.DataFrame({ s: pl.Series("s", ["a", null, "", "1", "true", "NaN"], pl.Utf8) }));
    expect(back.getColumn("s").toArray()).toEqual(["a", null, "", "1", "true", "NaN"]);
  });

  it("NaN stays NaN and null stays null; −0, ±Infinity and Float32 values are exact", () => {
    const back = expectRoundTrip(
      pl.DataFrame({
        f: pl.Series("f", [NaN, null, -0, Infinity, -Infinity, 0.1], pl.Float64),
        g: pl.Series("g", [0.1, null, NaN, 3.5, -0, 1e30], pl.Float32),
      }),
    );
    const flags = back.select(pl.col("f").isNull().alias("null"), pl.col("f").isNan().alias("nan"));
    expect(flags.getColumn("null").toArray()).toEqual([false, true, false, false, false, false]);
    expect(flags.getColumn("nan").toArray()).toEqual([true, null, false, false, false, false]);
  });

  it("a frame with no rows, and one with no columns", () => {
    expectRoundTrip(pl.DataFrame([pl.Series("a", [], pl.Bool), pl.Series("b", [], pl.Int64), pl.Series("c", [], pl.Utf8)]));
    expectRoundTrip(pl.DataFrame([]));
  });

  it("a column added in danfo comes back by danfo's dtype; a column replaced with another dtype is read from its values", () => {
    const d = toDanfo(pl.DataFrame({ region: ["a", "b"], population: pl.Series("population", [1200, 800], pl.Int64), x: [1, 2] }));
    d.addColumn("share", d["population"].div(d["population"].sum()), { inplace: true });
    d.addColumn("x", [1.5, 2], { inplace: true });
    const back = fromDanfo(d);
    expect(schemaOf(back)).toEqual([
      ["region", "DataType(String)"],
      ["population", "DataType(Int64)"],
      ["x", "DataType(Float64)"],
      ["share", "DataType(Float64)"],
    ]);
    expect(back.getColumn("share").toArray()).toEqual([0.6, 0.4]);
  });

  it("casts to the dtypes asked for, overriding the recorded schema", () => {
    const back = fromDanfo(toDanfo(pl.DataFrame({ x: pl.Series("x", [1, 2], pl.Int64) })), { x: pl.Float64 });
    expect(back.getColumn("x").dtype.variant).toBe("Float64");
    expect(back.getColumn("x").toArray()).toEqual([1, 2]);
  });

  it("a frame made in danfo: floats stay floats, booleans with nulls are Bool, digit strings stay Utf8, whole numbers Int64", () => {
    const d = new dfd.DataFrame({ f: [1.5, null, 6], b: [true, null, false], s: ["1", "2", null], n: [1, 2, 3], none: [null, null, null] });
    const back = fromDanfo(d);
    expect(schemaOf(back).map(([, t]) => t)).toEqual(["Float64", "Bool", "String", "Int64", "Float64"].map((t) => `DataType(${t})`));
    expect(valuesOf(back)).toEqual([
      ["1.5", null, "6"],
      [true, null, false],
      ["1", "2", null],
      ["1", "2", "3"],
      [null, null, null],
    ]);
  });
});

describe("danfojs interop refuses what it cannot carry", () => {
  const unsupported: [string, () => pl.Series][] = [
    ["Datetime", () => pl.Series("when", [new Date(0)], pl.Datetime("ms"))],
    ["Date", () => pl.Series("day", [new Date(0)], pl.Date)],
    ["List", () => pl.Series("codes", [[1, 2]])],
    ["Struct", () => pl.DataFrame({ a: [1], b: ["x"] }).toStruct("pair")],
    ["Categorical", () => pl.Series("kind", ["x"]).cast(pl.Categorical)],
    ["Decimal", () => pl.Series("amount", [1.25]).cast(pl.Decimal(10, 2))],
    ["UInt64", () => pl.Series("count", [1], pl.Float64).cast(pl.UInt64)],
  ];
  it.each(unsupported)("toDanfo refuses a %s column, naming it and its dtype", (variant, series) => {
    const s = series();
    const e = refusal(() => toDanfo(pl.DataFrame([pl.Series("ok", [1.5]), s])));
    expect(e.column).toBe(s.name);
    expect(e.message).toContain(`'${s.name}'`);
    expect(e.message).toContain(variant);
    expect(e.message).toContain("supported:");
  });

  it("toDanfo refuses an Int64 beyond ±(2^53 − 1) at either end", () => {
    for (const v of [2 ** 53, -(2 ** 60)]) {
      const e = refusal(() => toDanfo(pl.DataFrame([pl.Series("big", [1, v], pl.Float64).cast(pl.Int64)])));
      expect(e.message).toMatch(/column 'big' \(Int64\)/);
    }
  });

  it("fromDanfo refuses a value that does not fit the dtype, never rounds or nulls it", () => {
    const d = toDanfo(pl.DataFrame({ x: [1.5, 2], b: [true, false] }));
    expect(refusal(() => fromDanfo(d, { x: pl.Int64 })).message).toMatch(/column 'x' \(Int64\) holds 1\.5 .* index 0/);
    expect(refusal(() => fromDanfo(d, { b: pl.Utf8 })).column).toBe("b");
    expect(refusal(() => fromDanfo(d, { x: pl.Date })).message).toMatch(/column 'x' has dtype Date/);
    expect(refusal(() => fromDanfo(new dfd.DataFrame({ m: [1, "a"] }))).message).toMatch(/column 'm'.*dtypes/);
  });
});

describe("danfojs round trip (property)", () => {
  const maybe = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(a, { nil: null, freq: 4 });
  const whole = (min: number, max: number): fc.Arbitrary<number> => fc.integer({ min, max });
  const special = fc.constantFrom(NaN, -0, Infinity, -Infinity);
  const supported: Record<string, [pl.DataType, fc.Arbitrary<unknown>]> = {
    String: [pl.Utf8, fc.oneof(fc.string({ unit: "grapheme", maxLength: 6 }), fc.constantFrom("", "1", "6.0", "true", "NaN", "null"))],
    Bool: [pl.Bool, fc.boolean()],
    Float64: [pl.Float64, fc.oneof(fc.double(), whole(-1000, 1000), special)],
    Float32: [pl.Float32, fc.oneof(fc.float(), special)],
    Int64: [pl.Int64, fc.oneof(fc.maxSafeInteger(), whole(-1000, 1000))],
    Int32: [pl.Int32, whole(-(2 ** 31), 2 ** 31 - 1)],
    Int16: [pl.Int16, whole(-(2 ** 15), 2 ** 15 - 1)],
    Int8: [pl.Int8, whole(-128, 127)],
    UInt32: [pl.UInt32, whole(0, 2 ** 32 - 1)],
    UInt16: [pl.UInt16, whole(0, 2 ** 16 - 1)],
    UInt8: [pl.UInt8, whole(0, 255)],
  };
  const frame = fc.integer({ min: 0, max: 30 }).chain((rows) =>
    fc.array(
      fc
        .constantFrom(...Object.keys(supported))
        .chain((kind) => fc.tuple(fc.constant(kind), fc.array(maybe(supported[kind]![1]), { minLength: rows, maxLength: rows }))),
      { maxLength: 6 },
    ),
  );

  it("polars → danfo → polars gives back the same schema and values, nulls included", () => {
    fc.assert(
      fc.property(frame, (columns) => {
        const df = pl.DataFrame(columns.map(([kind, values], i) => pl.Series(`c${i} ${kind} ø`, values as never[], supported[kind]![0])));
        expect(valuesOf(df), "the frame holds the generated values").toEqual(columns.map(([, values]) => exact(values)));
        expectRoundTrip(df);
      }),
      { numRuns: 50, seed: 20 },
    );
  });
});

describe("danfojs is loaded lazily", () => {
  it("importing the library index does not load danfojs-node; a conversion does", async () => {
    const script = [
      "const lib = require('./src/lib/index');",
      "const pl = require('nodejs-polars');",
      "const loaded = () => Object.keys(require.cache).some((k) => k.includes('danfojs-node'));",
      "const before = loaded();",
      "lib.toDanfo(pl.DataFrame({ a: [1] }));",
      "console.log(JSON.stringify({ before, after: loaded() }));",
    ].join(" ");
    const r = await runProcess(process.execPath, ["--import", "tsx", "-e", script], { cwd: join(__dirname, "..", "..") });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout.trim().split("\n").pop()!)).toEqual({ before: false, after: true });
  });
});
