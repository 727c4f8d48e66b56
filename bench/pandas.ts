/**
 * pandas as the outside comparator (bench/pandas_kernels.py run by /usr/bin/python3, Debian's
 * python3-pandas; BENCH_PYTHON names another interpreter). The synthetic panel is written to a temp
 * folder as raw columns; the Python process builds its frames from them and answers one JSON line per
 * request. When Python or pandas is missing, `startPandas` resolves to the reason instead.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { permutation, regionOf, type KeyKind, type Panel, type RowOrder } from "./synthetic";
import type { Run } from "./table";

export const PYTHON = process.env["BENCH_PYTHON"] ?? "/usr/bin/python3";

export type Kernel = "lq" | "diversity" | "shift-share" | "aggregate";

export interface Pandas {
  version: string;
  load(p: Panel): Promise<void>;
  run(kernel: Kernel, keys: KeyKind, order: RowOrder, calls?: number): Promise<Run>;
  /** pandas' full output, every column as float64 (keys as their codes). */
  output(kernel: Kernel, keys: KeyKind, order: RowOrder): Promise<Record<string, Float64Array>>;
  /** Peak resident memory of the pandas process so far (MB). */
  peakRssMB(): Promise<number>;
  close(): void;
}

class PandasProcess implements Pandas {
  private pending: { res: (line: string) => void; rej: (e: Error) => void }[] = [];
  private dir = mkdtempSync(join(tmpdir(), "bench-pandas-"));
  constructor(
    private child: ChildProcessWithoutNullStreams,
    lines: AsyncIterable<string>,
    public version: string,
  ) {
    void (async () => {
      for await (const l of lines) this.pending.shift()?.res(l);
    })();
    child.once("exit", (code) => {
      for (const p of this.pending.splice(0)) p.rej(new Error(`the pandas process exited ${code}`));
    });
  }

  private async ask(req: object): Promise<Record<string, unknown>> {
    const line = await new Promise<string>((res, rej) => {
      this.pending.push({ res, rej });
      this.child.stdin.write(JSON.stringify(req) + "\n", (e) => e && rej(e));
    });
    const r = JSON.parse(line) as Record<string, unknown>;
    if (typeof r["error"] === "string") throw new Error(`pandas: ${r["error"]}`);
    return r;
  }

  async load(p: Panel): Promise<void> {
    const w = (name: string, a: Int32Array | Float64Array): void =>
      writeFileSync(join(this.dir, name), new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    w("region.i32", p.region);
    w("sector.i32", p.sector);
    w("year.i32", p.year);
    w("value.f64", p.value);
    w("perm.i32", permutation(p.value.length));
    w(
      "target.i32",
      Int32Array.from({ length: p.nRegions }, (_, r) => regionOf(r, p.nRegions)),
    );
    await this.ask({ cmd: "load", dir: this.dir, first: p.firstYear, last: p.firstYear + p.nYears - 1 });
  }

  /** CPU and wall time per call, over `calls` calls. */
  async run(kernel: Kernel, keys: KeyKind, order: RowOrder, calls = 1): Promise<Run> {
    const r = await this.ask({ cmd: "run", kernel, keys, order, calls });
    return { wall: r["wall"] as number, cpu: r["cpu"] as number };
  }

  async output(kernel: Kernel, keys: KeyKind, order: RowOrder): Promise<Record<string, Float64Array>> {
    const r = await this.ask({ cmd: "check", kernel, keys, order, out: this.dir });
    const cols: Record<string, Float64Array> = {};
    for (const c of r["columns"] as string[]) {
      const b = readFileSync(join(this.dir, `${c}.f64`));
      cols[c] = new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
    }
    return cols;
  }

  async peakRssMB(): Promise<number> {
    const r = await this.ask({ cmd: "rss" });
    return (r["kB"] as number) / 1024;
  }

  close(): void {
    this.child.stdin.end();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** pandas ready to load a panel, or why it cannot run (Python or pandas missing). */
export function startPandas(): Promise<Pandas | string> {
  return startPandasWith(PYTHON);
}

/** `startPandas` with another Python interpreter. */
export async function startPandasWith(python: string): Promise<Pandas | string> {
  const child = spawn(python, [join(__dirname, "pandas_kernels.py")], { stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const first = await Promise.race([
    lines.next().then((r) => (r.done ? null : r.value)),
    new Promise<null>((res) => child.once("error", () => res(null))),
  ]);
  if (first === null) return `pandas not run: ${python} did not start${stderr ? ` (${stderr.trim().split("\n").pop()})` : ""}`;
  const hello = JSON.parse(first) as { ready?: string; absent?: string };
  if (hello.absent) return `pandas not run: ${python} has no pandas (${hello.absent}); on Debian: apt-get install python3-pandas`;
  return new PandasProcess(child, { [Symbol.asyncIterator]: () => lines }, hello.ready!);
}
