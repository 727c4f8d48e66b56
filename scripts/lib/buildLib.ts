/**
 * The notebooks import a compiled build of the library (`notebooks/lib` → `dist/lib`: JavaScript
 * and `.d.ts`), so the tslab kernel does not type-check all of src/lib at every start (≈ 10 s
 * saved per notebook). `ensureLibBuilt` rebuilds it when any source is newer than the build.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");
const STAMP = join(ROOT, "dist", "lib", ".built");

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Whether dist/lib is missing or older than a file of src/lib (or tsconfig.lib.json). */
export function libIsStale(): boolean {
  if (!existsSync(STAMP)) return true;
  const built = statSync(STAMP).mtimeMs;
  return newest(join(ROOT, "src", "lib")) > built || statSync(join(ROOT, "tsconfig.lib.json")).mtimeMs > built;
}

/** Build dist/lib when stale; resolves with whether a build ran. Rejects with tsc's output on a type error. */
export async function ensureLibBuilt(log: (s: string) => void = () => undefined): Promise<boolean> {
  if (!libIsStale()) return false;
  log("[library] compiling src/lib → dist/lib (the notebooks import the compiled build)");
  await new Promise<void>((resolve, reject) => {
    const p = spawn(join(ROOT, "node_modules", ".bin", "tsc"), ["-p", join(ROOT, "tsconfig.lib.json")], { cwd: ROOT });
    let out = "";
    p.stdout.on("data", (d: Buffer) => (out += d.toString()));
    p.stderr.on("data", (d: Buffer) => (out += d.toString()));
    p.on("error", reject);
    p.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`tsc -p tsconfig.lib.json failed:\n${out.trim()}`))));
  });
  writeFileSync(STAMP, new Date().toISOString() + "\n");
  return true;
}
