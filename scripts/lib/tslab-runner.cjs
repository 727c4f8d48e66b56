// @ts-check
/**
 * The headless notebook runner's child process: runs a notebook's code cells with **tslab's own executor**
 * (the converter and executor the tslab kernel uses), so a cell behaves exactly as in Jupyter — the same
 * TypeScript version and compiler options, the same type errors, the same rules for names declared again.
 * Started by scripts/lib/tslabRun.ts with an IPC channel; reads one JSON message
 * `{ dir, cells: [{ index, number, source }] }` and reports per cell: `cell`, `out`, `fail`, `end`.
 * Plain CommonJS so that nothing (tsx, a loader) stands between the cells and Node, as in the kernel.
 */
const path = require("node:path");
const { inspect } = require("node:util");

const TSLAB = path.join(__dirname, "..", "..", "node_modules", "tslab", "dist");
const CELLS = Symbol.for("innlandet.cells");
const ASYNC = Symbol.for("innlandet.asyncErrors");

/** @param {object} m */
function send(m) {
  if (process.send) process.send(m);
}

/** The last message: sent, then the channel closed so the process can end. @param {object} m */
function finish(m) {
  if (process.send) process.send(m, () => process.disconnect?.());
}

/**
 * The line of the cell an error was thrown from: the first frame in the cell's compiled code
 * (`evalmachine.<anonymous>:L`) mapped back to the TypeScript source by the statement's text.
 * @param {unknown} err @param {string} output the compiled cell @param {string} source the cell
 * @returns {number | undefined}
 */
function cellLine(err, output, source) {
  const stack = err instanceof Error ? String(err.stack ?? "") : "";
  const m = /evalmachine\.<anonymous>:(\d+):\d+/.exec(stack);
  if (!m || !output) return undefined;
  const js = (output.split("\n")[Number(m[1]) - 1] ?? "").replace(/\bexports\./g, "").replace(/\s+|;/g, "").replace(/^tsLastExpr=/, "");
  if (js.length < 3) return undefined;
  const key = js.slice(0, 24);
  const lines = source.split("\n").map((l) => l.replace(/\s+|;/g, ""));
  const hits = lines.map((l, i) => (l.length > 0 && (l.includes(key) || key.includes(l)) ? i + 1 : 0)).filter((i) => i > 0);
  return hits.length >= 1 ? hits[0] : undefined;
}

/** @param {unknown} v */
function oneLine(v) {
  if (v instanceof Error) return { name: v.name, message: v.message.split("\n")[0] ?? "" };
  return { name: "Error", message: inspect(v, { depth: 2, breakLength: Infinity }).split("\n")[0] ?? "" };
}

process.once("message", async (/** @type {{ dir: string, cells: { index: number, number: number, source: string }[] }} */ job) => {
  process.chdir(job.dir); // the kernel's working directory is the notebook's folder
  const { createConverter } = require(path.join(TSLAB, "converter"));
  const { createExecutor } = require(path.join(TSLAB, "executor"));
  const jupyter = require(path.join(TSLAB, "jupyter"));

  /** @type {{ index: number, number: number } | undefined} */
  let current;
  /** @type {unknown[]} */
  let reported = [];
  /** @type {string} */
  let lastOutput = "";
  let node;
  let browser;
  const convs = {
    get node() {
      return (node ??= createConverter({ isJS: false, isBrowser: false }));
    },
    get browser() {
      return (browser ??= createConverter({ isJS: false, isBrowser: true }));
    },
    close() {
      node?.close();
      browser?.close();
    },
  };
  convs.node; // warm the converter, as the kernel does at start
  // what tslab prints to the cell: diagnostics ("%s%d:%d - %s", file, line, col, text) and thrown errors
  const executor = createExecutor(job.dir, convs, {
    log: (...a) => process.stdout.write(`${a.map((x) => (typeof x === "string" ? x : inspect(x))).join(" ")}\n`),
    error: (...a) => reported.push(a),
  });
  // keep the compiled cell, to map a runtime error's line back to the source
  const convert = convs.node.convert;
  convs.node.convert = (/** @type {string} */ prev, /** @type {string} */ src) => {
    const r = convert(prev, src);
    lastOutput = r.output ?? "";
    send({ t: "compiled" });
    return r;
  };
  // as in tslab's startKernel: errors thrown outside a cell are logged into the running cell, which then fails
  process.on("uncaughtException", (err) => reported.push(["UncaughtException:", err]));
  process.on("unhandledRejection", (reason) => reported.push(["UnhandledPromiseRejection:", reason]));

  /** @param {{ index: number, number: number, source: string }} c @param {unknown[]} first */
  function failure(c, first) {
    if (typeof first[0] === "string" && /%d:%d - %s/.test(first[0])) {
      // a TypeScript diagnostic: [format, fileName, line, col, message]
      const [, , line, , text] = first;
      return { kind: "compile", name: "TypeScript", line: Number(line), message: String(text).split("\n")[0] };
    }
    const logged = typeof first[0] === "string" && /^(UncaughtException|UnhandledPromiseRejection):$/.test(first[0]);
    const err = logged ? first[1] : first[0];
    const { name, message } = oneLine(err);
    return { kind: logged ? "async" : "runtime", name: logged ? `${name} (${String(first[0]).replace(/:$/, "")})` : name, line: cellLine(err, lastOutput, c.source), message };
  }

  for (const c of job.cells) {
    current = c;
    // the notebook session reads which cell runs (src/lib/notebook/cells.ts)
    const g = /** @type {Record<symbol, any>} */ (/** @type {unknown} */ (globalThis));
    g[CELLS] ??= { execution: 0, patched: false };
    g[CELLS].execution += 1;
    g[CELLS].runner = { index: c.index, number: c.number };
    reported = [];
    jupyter.lastWriteDisplayData = (/** @type {{ data: Record<string, string> }} */ d) => {
      for (const [mime, data] of Object.entries(d.data)) send({ t: "out", cell: c.index, mime, data });
    };
    send({ t: "cell", index: c.index, number: c.number });
    const ok = await executor.execute(c.source);
    if (!ok || reported.length > 0) {
      finish({ t: "fail", index: c.index, number: c.number, ...failure(c, /** @type {unknown[]} */ (reported[0] ?? ["cell failed"])) });
      executor.close();
      process.exitCode = 1;
      return;
    }
  }
  executor.close();
  // an error thrown outside a cell after the last cell (a timer, a rejection still pending) fails the run,
  // as the tail cell of scripts/run_notebook.py does on the kernel
  const late = () => {
    const store = /** @type {Record<symbol, any>} */ (/** @type {unknown} */ (globalThis))[ASYNC];
    const pending = [...(store?.pending?.splice(0) ?? []), ...reported.splice(0).map((a) => /** @type {unknown[]} */ (a)[1])];
    return pending[0];
  };
  const done = () => {
    const e = late();
    if (e !== undefined) {
      const last = job.cells[job.cells.length - 1];
      const { name, message } = oneLine(e);
      finish({ t: "fail", index: last?.index ?? -1, number: last?.number ?? 0, kind: "async", name: `${name} (after the last cell)`, message });
      process.exitCode = 1;
    } else finish({ t: "end" });
  };
  // wait for what the cells left running (timers, promises), as the kernel would, then report
  process.once("beforeExit", done);
  if (process.channel) process.channel.unref();
});
