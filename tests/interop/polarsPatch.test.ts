/**
 * patches/nodejs-polars+0.25.2.patch (applied by `patch-package` on `npm ci`): in nodejs-polars' four wrapper
 * factories (`_Expr`, `_Series`, `_DataFrame`, `_LazyDataFrame`) the computed members (`[Symbol.toStringTag]` — a
 * method or a getter —, `[inspect]`, `[Symbol.iterator]`, `[jupyterDisplay]`) are moved to the end of the object literal. Before them, V8
 * built every member after the first computed key through a fresh hidden class (a descriptor array copied per
 * member): about 1.5 ms and 300 KB of garbage per wrapper. The patch changes no behaviour; these tests check that
 * it is applied (they fail on the unpatched package) and that the moved members still work.
 */
import { describe, expect, it } from "vitest";
import { inspect } from "node:util";
import * as pl from "nodejs-polars";
// the factories themselves (internal modules of the pinned version)
import { _Expr } from "nodejs-polars/bin/lazy/expr";
import { _Series } from "nodejs-polars/bin/series";
import { _DataFrame } from "nodejs-polars/bin/dataframe";
import { _LazyDataFrame } from "nodejs-polars/bin/lazy/dataframe";

/**
 * The members of the factory's big object literal (the one at 8 spaces of indentation), in source order, each
 * marked computed (`[key]` or `*[key]`) or not.
 */
function literalMembers(factory: (...a: never[]) => unknown): { name: string; computed: boolean }[] {
  const lines = factory.toString().split("\n");
  const start = lines.findIndex((l) => /^ {4}(const \w+ = |return )\{$/.test(l));
  const end = lines.findIndex((l, i) => i > start && l === "    };");
  const members: { name: string; computed: boolean }[] = [];
  for (const line of lines.slice(start + 1, end)) {
    const m = /^ {8}((?:get |set |async )?\*?\[[^\]]+\]|(?:get |set |async )?[A-Za-z_$][\w$]*)\s*[(:,]/.exec(line);
    if (m) members.push({ name: m[1]!, computed: m[1]!.replace(/^(get |set |async )?\*?/, "").startsWith("[") });
  }
  return members;
}

describe("the nodejs-polars patch is applied", () => {
  const factories = { _Expr, _Series, _DataFrame, _LazyDataFrame } as unknown as Record<string, (...a: never[]) => unknown>;
  for (const [name, factory] of Object.entries(factories)) {
    it(`${name}: every computed member comes after every plain one`, () => {
      const members = literalMembers(factory);
      expect(members.length).toBeGreaterThan(20); // the literal was found
      const firstComputed = members.findIndex((m) => m.computed);
      expect(firstComputed).toBeGreaterThan(0); // the factory still has its computed members
      const plainAfter = members.slice(firstComputed).filter((m) => !m.computed).map((m) => m.name);
      expect(plainAfter).toEqual([]);
    });
  }
});

describe("the moved members still work", () => {
  it("Expr: toStringTag (isExpr) and inspect", () => {
    const e = pl.col("a").add(1);
    expect(pl.Expr.isExpr(e)).toBe(true);
    expect((e as unknown as { [Symbol.toStringTag]: () => string })[Symbol.toStringTag]()).toBe("Expr");
    expect(inspect(e)).toContain('col("a")');
  });
  it("Series: iteration, isSeries and inspect", () => {
    const s = pl.Series("x", [3, 1, 2]);
    expect([...s]).toEqual([3, 1, 2]);
    expect(pl.Series.isSeries(s)).toBe(true);
    expect(inspect(s)).toContain("shape: (3,)");
  });
  it("DataFrame and LazyFrame: inspect and the Jupyter display bundle", () => {
    const df = pl.DataFrame({ region: ["Hamar", "Gjøvik"], value: [1, 2] });
    expect(inspect(df)).toContain("Gjøvik");
    const bundle = (df as unknown as Record<symbol, () => Record<string, unknown>>)[Symbol.for("Jupyter.display")]!();
    expect(Object.keys(bundle).sort()).toEqual(["application/vnd.dataresource+json", "text/html"]);
    expect(inspect(df.lazy())).toContain("DF");
    expect(df.lazy().filter(pl.col("value").gt(1)).collectSync().getColumn("region").toArray()).toEqual(["Gjøvik"]);
  });
});
