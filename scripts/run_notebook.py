"""Execute one notebook headless with nbclient and always write the result.

Usage: run_notebook.py INPUT OUTPUT [--kernel NAME] [--timeout SECONDS] [--cwd DIR]
                       [--name NAME] [--report FILE]

Exits 0 when every code cell ran; 1 on the first failing cell, writing the
partially executed notebook to OUTPUT so the error can be read there, and
printing (and, with --report, writing as JSON) an exact report:
  - the notebook and the failing cell's index AS IN THE COMMITTED NOTEBOOK
    (0-based, markdown cells counted; a cell tagged `injected-parameters`
    that `reproduce` inserted is not counted), its id and first line;
  - the error's name, message and the top of its stack, parsed from the
    tslab kernel's stderr (tslab sends no ename/evalue in its reply);
  - for a kernel death or a timeout, the cell that was running;
  - for an error thrown outside a cell's own execution (a timer callback, an
    unawaited promise), which tslab only logs, the cell during which it was
    logged: that cell fails (kind "async-error").

Process hygiene: the kernel runs in its own session (jupyter_client starts it
so); this runner prints `kernel-pid <pid>` on stdout once it started so a
parent can kill that group too, kills the kernel's group itself on SIGTERM,
SIGINT and SIGHUP, and when its parent process goes away.
"""
import argparse
import json
import os
import re
import signal
import sys
import threading
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

INJECTED_TAG = "injected-parameters"
STACK_LINES = 8
AT_RE = re.compile(r"^\s+at ")
# "Error", "TypeError: msg", "Error [ERR_X]: msg", "MyError:" (empty message)
HEADER_RE = re.compile(r"^([A-Za-z_$][\w$.]*(?: \[[^\]]*\])?)(?::(?: (.*))?)?$")
DECORATION_RE = re.compile(r"^evalmachine\.<anonymous>:\d+$")
DIAG_RE = re.compile(r"^(?:\S+ )?\d+:\d+ - ")
# frames from here on are tslab's own machinery, not the cell's code
MACHINERY_RE = re.compile(r"\(node:vm:|/tslab/dist/|at sigintHandlersWrap")


# what tslab's own process handlers print for an error no cell's execution caught
ASYNC_MARK_RE = re.compile(r"^(UncaughtException|UnhandledPromiseRejection): ", re.M)


# Run after the last cell (and removed from the output): waits briefly, then fails on an error a notebook
# session (src/lib/notebook/asyncErrors.ts, same global key) recorded outside any cell's execution, e.g. from the
# last cell's timer.
TAIL_TAG = "innlandet-after-last-cell"
TAIL_SOURCE = (
    "await new Promise((r) => setTimeout(r, 200));\n"
    "{ const s = (globalThis as any)[Symbol.for(\"innlandet.asyncErrors\")];\n"
    "  if (s && s.pending.length) { const e = s.pending.splice(0)[0]; throw e instanceof Error ? e : new Error(String(e)); } }"
)


class AsyncCellError(Exception):
    """An error thrown outside a cell's own execution, logged by tslab while this cell ran."""


class Runner(NotebookClient):
    """NotebookClient that remembers the code cell being executed and the kernel's pid and exit code."""

    running_index = None
    kernel_exit = None
    tail_stderr = ""

    async def async_execute_cell(self, cell, cell_index, execution_count=None, store_history=True):
        if cell.cell_type == "code" and cell.source.strip():
            self.running_index = cell_index
        is_tail = TAIL_TAG in cell.get("metadata", {}).get("tags", [])
        try:
            result = await super().async_execute_cell(cell, cell_index, execution_count, store_history)
            if ASYNC_MARK_RE.search(stderr_of(cell)):
                raise AsyncCellError()
            return result
        except (CellExecutionError, AsyncCellError):
            if is_tail:
                self.tail_stderr = stderr_of(cell)
            raise
        except DeadKernelError:
            proc = getattr(getattr(self.km, "provisioner", None), "process", None)
            if proc is not None:
                self.kernel_exit = proc.poll()
            raise


def kill_group(pgid, sig=signal.SIGKILL):
    if pgid:
        try:
            os.killpg(pgid, sig)
        except OSError:
            pass


def parse_js_error(text):
    """Name, message, throwing line and top of stack of the last error tslab printed to stderr."""
    lines = text.rstrip("\n").split("\n") if text.strip() else []
    at = [i for i, l in enumerate(lines) if AT_RE.match(l)]
    if not at:
        diags = [l for l in lines if DIAG_RE.match(l)]
        if diags:
            return {"ename": "TypeScript compile error", "evalue": "\n".join(diags), "stack": diags[:STACK_LINES]}
        tail = [l for l in lines if l.strip()][-STACK_LINES:]
        if not tail:
            return {"ename": "unknown", "evalue": "the cell failed without writing anything to stderr", "stack": []}
        return {"ename": "thrown value (not an Error)", "evalue": "\n".join(tail), "stack": tail}
    end = at[-1]
    start = end
    while start > 0 and AT_RE.match(lines[start - 1]):
        start -= 1
    # the header block: lines above the first frame, up to a blank line
    top = start
    while top > 0 and lines[top - 1].strip():
        top -= 1
    block = lines[top:start]
    h = next((k for k, l in enumerate(block) if HEADER_RE.match(l)), max(len(block) - 1, 0))
    head = block[h:] if block else ["(no error header)"]
    m = HEADER_RE.match(head[0])
    ename = m.group(1) if m else "Error"
    first_msg = (m.group(2) or "") if m else head[0]
    evalue = "\n".join([first_msg] + head[1:]).strip("\n") if len(head) > 1 else first_msg
    frames = [l.rstrip(" {") for l in lines[start : end + 1]]
    user = []
    for f in frames:
        if MACHINERY_RE.search(f):
            break
        user.append(f)
    frames = user or frames[:1]
    result = {"ename": ename, "evalue": evalue, "stack": (head + frames)[:STACK_LINES]}
    # sync throws carry a decoration: "evalmachine.<anonymous>:N", the throwing source line, a caret
    for i in range(top - 1, -1, -1):
        if DECORATION_RE.match(lines[i]) and i + 1 < len(lines):
            result["throwingLine"] = lines[i + 1].strip()
            break
    return result


def committed_index(nb, index):
    """(index as in the committed notebook, index of the injected cell or None, whether `index` is that cell)."""
    injected = next((i for i, c in enumerate(nb.cells) if INJECTED_TAG in c.get("metadata", {}).get("tags", [])), None)
    if injected is None:
        return index, None, False
    if index == injected:
        return injected - 1, injected, True
    return (index - 1 if index > injected else index), injected, False


def stderr_of(cell):
    return "".join(o.get("text", "") for o in cell.get("outputs", []) if o.get("output_type") == "stream" and o.get("name") == "stderr")


def build_report(args, nb, client, failed):
    name = args.name or os.path.basename(args.input)
    rep = {"ok": False, "notebook": name, "cell": None, "cellId": None, "firstLine": "", "injectedCell": None}
    index = client.running_index
    if index is not None:
        cell = nb.cells[index]
        src = cell.source.strip().splitlines()
        rep["cell"], injected, is_injected = committed_index(nb, index)
        rep["injectedCell"] = injected
        rep["isInjectedCell"] = is_injected
        rep["cellId"] = cell.get("id")
        rep["firstLine"] = src[0][:120] if src else ""
        err = stderr_of(cell)
    else:
        err = ""
    if isinstance(failed, CellTimeoutError):
        rep.update(kind="timeout", ename="CellTimeoutError", evalue=f"the cell ran longer than --timeout {args.timeout} s", stack=[])
        rep["timeoutSeconds"] = args.timeout
    elif isinstance(failed, DeadKernelError):
        code = client.kernel_exit
        how = f"exit code {code}" if code is not None and code >= 0 else (f"signal {-code}" if code is not None else "no exit code known")
        rep.update(kind="dead-kernel", ename="DeadKernelError", evalue=f"the kernel died while this cell ran ({how})", stack=[])
        tail = [l for l in err.splitlines() if l.strip()][-STACK_LINES:]
        rep["stack"] = tail
    elif isinstance(failed, AsyncCellError):
        rep["kind"] = "async-error"
        text = err[ASYNC_MARK_RE.search(err).start():]
        mark = ASYNC_MARK_RE.match(text).group(1)
        rep.update(parse_js_error(ASYNC_MARK_RE.sub("", text, count=1)))
        rep["evalue"] = f"{rep['evalue']}\n(thrown outside a cell's own execution — {mark}, logged while this cell ran)"
    elif isinstance(failed, CellExecutionError):
        rep["kind"] = "error"
        rep.update(parse_js_error(err))
    else:
        rep.update(kind="runner", ename=type(failed).__name__, evalue=str(failed).strip()[:2000], stack=[])
    return rep


def tail_report(name, err):
    """An error thrown outside any cell's execution that surfaced only after the last cell."""
    rep = {"ok": False, "notebook": name, "cell": None, "cellId": None, "firstLine": "", "injectedCell": None, "kind": "async-error"}
    rep.update(parse_js_error(ASYNC_MARK_RE.sub("", err)))
    rep["evalue"] = f"{rep['evalue']}\n(thrown outside a cell's own execution — a timer or an unawaited promise — after the last cell had ended)"
    return rep


def format_report(rep):
    where = ("an error surfaced after the last cell" if rep.get("kind") == "async-error" else "no cell was running") if rep["cell"] is None else (
        f"the injected parameters cell (inserted after cell {rep['cell']})" if rep.get("isInjectedCell")
        else f"cell {rep['cell']} failed ({rep['firstLine'][:80]})")
    out = [f"{rep['notebook']}: {where}"]
    if rep["cell"] is not None:
        note = "0-based index in the committed notebook, markdown cells counted"
        if rep.get("injectedCell") is not None:
            note += ", the injected parameters cell not counted"
        out.append(f"  cell: {rep['cell']} ({note}){'; id ' + rep['cellId'] if rep.get('cellId') else ''}")
    msg = rep["evalue"].replace("\n", "\n    ")
    out.append(f"  {rep['ename']}: {msg}" if rep["evalue"] else f"  {rep['ename']} (empty message)")
    if rep.get("throwingLine"):
        out.append(f"  thrown at (compiled JS): {rep['throwingLine']}")
    stack = rep.get("stack", [])
    frames = [l for l in stack if AT_RE.match(l)]
    out += [f"  | {l}" for l in (frames if rep.get("kind") in ("error", "async-error") and frames else stack)]
    return "\n".join(out)


def watch_parent(ppid, client):
    """Kill the kernel and exit when the parent process is gone (it was SIGKILLed, say)."""
    while True:
        time.sleep(0.5)
        if os.getppid() != ppid:
            kill_group(getattr(getattr(client.km, "provisioner", None), "pgid", None))
            os._exit(137)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--kernel", default="tslab")
    ap.add_argument("--timeout", type=int, default=600, help="per-cell timeout in seconds")
    ap.add_argument("--cwd", default=None, help="kernel working directory (default: the input notebook's folder)")
    ap.add_argument("--name", default=None, help="notebook name in the report (default: the input's file name)")
    ap.add_argument("--report", default=None, help="also write the outcome as JSON to this file")
    args = ap.parse_args()
    if args.timeout <= 0:
        ap.error(f"--timeout must be a positive number of seconds, got {args.timeout}")

    nb = nbformat.read(args.input, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(TAIL_SOURCE, metadata={"tags": [TAIL_TAG]}))
    workdir = os.path.abspath(args.cwd) if args.cwd else os.path.dirname(os.path.abspath(args.input))
    # a kernel may be slow to start on a loaded machine (two kernels, module runs and TypeDoc at once)
    client = Runner(nb, timeout=args.timeout, kernel_name=args.kernel, allow_errors=False, startup_timeout=600,
                    resources={"metadata": {"path": workdir}})

    def announce(**_):
        print(f"kernel-pid {client.km.provisioner.pid}", flush=True)
    client.on_notebook_start = announce

    def on_signal(signum, _frame):
        kill_group(getattr(getattr(client.km, "provisioner", None), "pgid", None))
        os._exit(128 + signum)
    for s in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(s, on_signal)
    threading.Thread(target=watch_parent, args=(os.getppid(), client), daemon=True).start()

    failed = None
    try:
        client.execute()
    except Exception as e:  # noqa: BLE001 — every failure is reported, with its type
        failed = e
    finally:
        tail_failed = client.running_index == len(nb.cells) - 1 and failed is not None
        nb.cells.pop()  # the tail cell is the runner's, not the notebook's
        os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
        nbformat.write(nb, args.output)

    rep = {"ok": True, "notebook": args.name or os.path.basename(args.input)}
    if failed is None:
        skipped = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and c.source.strip() and c.get("execution_count") is None]
        if skipped:
            cells = [committed_index(nb, i)[0] for i in skipped]
            rep = {"ok": False, "notebook": rep["notebook"], "kind": "not-run", "cell": None, "ename": "NotRun",
                   "evalue": f"code cells {cells} (0-based, as in the committed notebook) did not run", "stack": [], "firstLine": ""}
    elif tail_failed:
        rep = tail_report(rep["notebook"], client.tail_stderr)
    else:
        rep = build_report(args, nb, client, failed)
    if args.report:
        with open(args.report, "w", encoding="utf-8") as f:
            json.dump(rep, f, indent=1)
    if rep["ok"]:
        return 0
    print(format_report(rep), file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
