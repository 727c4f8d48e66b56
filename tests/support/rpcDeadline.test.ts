import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs module hook without types
import { BIRPC_DEADLINE, deadlineMs, load, raiseDeadline } from "./rpcDeadlineHooks.mjs";

// The installed vitest's bundled birpc: the chunk that defines createBirpc.
const dist = join(dirname(require.resolve("vitest/package.json")), "dist", "chunks");
const birpcFile = readdirSync(dist).map((f) => join(dist, f)).find((f) => readFileSync(f, "utf8").includes("function createBirpc("));

describe("the worker RPC deadline hook (issue 21)", () => {
  it("finds the 60 s deadline line in the installed vitest (an upgrade that drops it fails here)", () => {
    expect(birpcFile).toBeDefined();
    expect(readFileSync(birpcFile!, "utf8")).toContain(BIRPC_DEADLINE);
  });

  it("raises that deadline in the module the worker loads, and leaves other modules alone", async () => {
    const source = readFileSync(birpcFile!, "utf8");
    const url = `file://${birpcFile}`;
    const out = await load(url, {}, async () => ({ format: "module", source }));
    expect(out.source).not.toContain(BIRPC_DEADLINE);
    expect(out.source).toContain(`const DEFAULT_TIMEOUT = ${deadlineMs()};`);
    const other = { format: "module", source: "export const x = 1;" };
    expect(await load("file:///elsewhere/x.js", {}, async () => other)).toBe(other);
  });

  it("reads the deadline from the environment, refusing nonsense", () => {
    expect(deadlineMs({ INNLANDET_RPC_DEADLINE_MS: "120000" })).toBe(120_000);
    expect(deadlineMs({ INNLANDET_RPC_DEADLINE_MS: "-5" })).toBe(900_000);
    expect(deadlineMs({ INNLANDET_RPC_DEADLINE_MS: "abc" })).toBe(900_000);
    expect(deadlineMs({})).toBe(900_000);
    expect(raiseDeadline("function createBirpc(){}\nconst DEFAULT_TIMEOUT = 6e4;", 1234)).toContain("DEFAULT_TIMEOUT = 1234;");
  });

  it("is preloaded into this worker with a deadline sized for a loaded machine (the project's config)", () => {
    expect(process.execArgv.join(" ")).toMatch(/--import \S*tests\/support\/rpcDeadline\.mjs/);
    expect(Number(process.env["INNLANDET_RPC_DEADLINE_MS"])).toBeGreaterThan(60_000);
  });
});
