import { describe, expect, it } from "vitest";
import { injectParameters } from "../scripts/lib/inject";
import { parseParams } from "../src/lib/index";

const nb = {
  nbformat: 4,
  metadata: { kernelspec: { name: "tslab" } },
  cells: [
    { cell_type: "markdown", source: "# t", metadata: {} },
    { cell_type: "code", source: 'const params = { regions: "report13" };', metadata: { tags: ["parameters"] } },
    { cell_type: "code", source: "use(params)", metadata: {} },
  ],
};

describe("injectParameters", () => {
  it("inserts an injected-parameters cell right after the parameters cell and records the values", () => {
    const out = injectParameters(nb, parseParams(["regions=ba2020"]));
    expect(out.cells).toHaveLength(4);
    expect(out.cells[2]!.metadata!.tags).toEqual(["injected-parameters"]);
    // the whole cell, written out by hand: a comment, one assignment per parameter, then `void 0;`
    // so that tslab (which prints the value of a cell's last expression) prints nothing
    expect(out.cells[2]!.source).toBe(
      ["// Injected by npm run reproduce (run parameters)", 'params.regions = "ba2020";', 'params.period = "both";', "void 0;"].join("\n"),
    );
    expect(out.cells[3]!.source).toBe("use(params)");
    expect(out.metadata["innlandet"]).toEqual({ parameters: { regions: "ba2020", period: "both" } });
    expect(nb.cells).toHaveLength(3); // the input is not changed
  });

  it("refuses a notebook without a parameters cell", () => {
    expect(() => injectParameters({ ...nb, cells: [nb.cells[0]!] }, parseParams())).toThrow(/tagged 'parameters'/);
  });
});

describe("parseParams", () => {
  it("checks keys and values, with defaults", () => {
    expect(parseParams()).toEqual({ regions: "report13", period: "both" });
    expect(parseParams(["period=jan2001_jan2008"], { regions: "ba2020" })).toEqual({ regions: "ba2020", period: "jan2001_jan2008" });
    expect(() => parseParams(["regions=norway"])).toThrow(/parameter regions/);
    expect(() => parseParams(["colour=red"])).toThrow(/colour|unknown|Unrecognized/i);
    expect(() => parseParams(["regions"])).toThrow(/KEY=VALUE/);
  });

  it("suggests the nearest known name for a misspelt parameter", () => {
    expect(() => parseParams(["region=ba2020"])).toThrow("unknown parameter 'region' — did you mean 'regions'?");
    expect(() => parseParams(["peroid=both"])).toThrow(/did you mean 'period'/);
    expect(() => parseParams(["zzzzzzzzz=1"])).toThrow(/unknown parameter 'zzzzzzzzz' \(parameters: regions, period, area\)/);
  });

  it("refuses a key given twice and keys of Object.prototype, from --param and from a file (issue 21)", () => {
    expect(() => parseParams(["regions=report13", "regions=ba2020"])).toThrow("parameter 'regions' given twice (report13, then ba2020)");
    for (const k of ["__proto__", "constructor", "toString", "hasOwnProperty", "__lookupGetter__"]) {
      expect(() => parseParams([`${k}=x`]), k).toThrow(`unknown parameter '${k}'`);
      expect(() => parseParams([], JSON.parse(`{"${k}": "x"}`) as Record<string, unknown>), k).toThrow(`unknown parameter '${k}'`);
    }
    const p = parseParams(["regions=ba2020"]);
    expect(Object.getPrototypeOf(p)).toBe(Object.prototype);
    expect(Object.keys(p).sort()).toEqual(["period", "regions"]);
  });
});
