"""The researcher's loop in a live tslab kernel, driven as Jupyter drives it (jupyter_client).

Usage: kernel_loop.py ROOT [--notebooks 03-structures,04-innovation,...] [--report FILE]

For each chapter notebook, in the order reproduce runs them (chapters 2 and 5 read the findings the
others emitted, handed over through INNLANDET_FINDINGS_DIR as reproduce does):
  1. run every code cell once, top to bottom;
  2. re-execute every code cell a second time, in the same kernel;
  3. where EDITS names a constant of a finding cell: change it and re-execute every code cell a third time in
     the same session (all but the cell that creates the session);
  4. then run the edited cell's code as another cell (another first line): an error naming both cells, one line.
Every execution must end `ok` (4: `error`); every finding cell re-executed must emit its findings again, and in
pass 3 its card must say what moved since its previous run; the edited finding's key numbers must move.
Prints one JSON report (and writes it with --report); exits 1 when any of that fails.

Needs Debian's python3-jupyter-client (at /usr/bin/python3) and the project's kernelspec (jup/).
"""
import argparse
import faulthandler
import json
import os
import queue
import sys
import tempfile
import time

from jupyter_client.manager import start_new_kernel

FINDING_MIME = "application/vnd.innlandet.finding+json"
ORDER = ["03-structures", "04-innovation", "06-fifteen-years-on", "07-norway", "02-perspectives", "05-synthesis"]
# One constant per computing chapter, in a finding cell: (the line as committed, the line as edited, the finding id).
EDITS = {
    "03-structures": ("const powerAgainstRho = -0.5;", "const powerAgainstRho = -0.7;", "ch3.inverse_size_job_growth.regions"),
    "04-innovation": ('const cityVsSmallRule = nb.rule("litt");', 'const cityVsSmallRule = nb.rule("klart");', "ch4.city_regions_innovation_above_small_town"),
}


def execute(kc, code, timeout=600):
    """Run code; return (status, findings emitted, html outputs, stderr text)."""
    msg_id = kc.execute(code, store_history=True, allow_stdin=False)
    findings, html, stderr = [], [], []
    deadline = time.time() + timeout
    # the reply on the shell channel whose parent is this request (other replies may arrive there too)
    status = None
    while status is None:
        try:
            reply = kc.get_shell_msg(timeout=max(1, deadline - time.time()))
        except queue.Empty:
            return "no-reply", findings, html, f"no execute_reply within {timeout} s"
        if reply["parent_header"].get("msg_id") == msg_id:
            status = reply["content"]["status"]
    # then iopub for this request until the kernel is idle again (it follows the reply closely)
    idle_by = time.time() + 120
    while True:
        try:
            m = kc.get_iopub_msg(timeout=max(1, idle_by - time.time()))
        except queue.Empty:
            return "no-idle", findings, html, "".join(stderr) + " (the kernel's idle status never came: an output was lost)"
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        t, c = m["msg_type"], m["content"]
        if t in ("display_data", "execute_result"):
            data = c.get("data", {})
            if FINDING_MIME in data:
                findings.append(json.loads(data[FINDING_MIME]))
            if "text/html" in data:
                html.append(data["text/html"])
        elif t == "stream" and c.get("name") == "stderr":
            stderr.append(c.get("text", ""))
        elif t == "status" and c.get("execution_state") == "idle":
            break
    if status != "ok":
        time.sleep(0.3)  # tslab refuses requests for 200 ms after an error
    return status, findings, html, "".join(stderr)


def run_notebook(root, name, findings_dir):
    path = os.path.join(root, "notebooks", f"{name}.ipynb")
    with open(path, encoding="utf-8") as f:
        nb = json.load(f)
    cells = [(i, "".join(c["source"])) for i, c in enumerate(nb["cells"]) if c["cell_type"] == "code"]
    env = dict(os.environ, JUPYTER_PATH=os.path.join(root, "jup"), INNLANDET_FINDINGS_DIR=findings_dir)
    print(f"[kernel-loop] {name}", file=sys.stderr, flush=True)
    t0 = time.time()
    km, kc = start_new_kernel(kernel_name="tslab", cwd=os.path.join(root, "notebooks"), startup_timeout=600, env=env)
    ready = time.time() - t0
    problems, out = [], {"notebook": name, "kernel_ready_s": round(ready, 1)}
    try:
        emitted = {}
        for attempt in (1, 2):
            t = time.time()
            for i, code in cells:
                tc = time.time()
                status, found, _, err = execute(kc, code)
                if attempt == 1 and "new lib.Notebook(" in code:
                    out["setup_cell_s"] = round(time.time() - tc, 2)  # the library's import and the session
                if status != "ok":
                    problems.append(f"{name} pass {attempt}, cell index {i}: status {status}: {err.strip().splitlines()[:1]}")
                    return out | {"problems": problems}
                ids = sorted(f["id"] for f in found)
                if attempt == 1:
                    emitted[i] = (ids, found)
                elif ids != emitted[i][0]:
                    problems.append(f"{name} pass 2, cell index {i}: emitted {ids}, first pass {emitted[i][0]}")
            out[f"pass{attempt}_s"] = round(time.time() - t, 1)
        findings = [f for _, (_, fs) in sorted(emitted.items()) for f in fs]
        with open(os.path.join(findings_dir, f"{name}.json"), "w", encoding="utf-8") as f:
            json.dump(findings, f)
        out["findings"] = len(findings)
        if name in EDITS:
            before_line, after_line, fid = EDITS[name]
            hits = [(i, code) for i, code in cells if before_line in code]
            if len(hits) != 1:
                problems.append(f"{name}: the constant '{before_line}' is in {len(hits)} cells, expected 1")
                return out | {"problems": problems}
            i, code = hits[0]
            old = next(f for f in emitted[i][1] if f["id"] == fid)
            # pass 3: every code cell again in the same session (all but the one that creates it), with the constant
            # changed: each finding cell emits its findings again and its card says what moved since its last run
            t = time.time()
            new = None
            for j, cj in cells:
                if "new lib.Notebook(" in cj:
                    continue
                tc = time.time()
                status, found, html, err = execute(kc, cj.replace(before_line, after_line) if j == i else cj)
                if j == i:
                    out["rerun_edited_cell_s"] = round(time.time() - tc, 2)
                    new = next((f for f in found if f["id"] == fid), None)
                if status != "ok":
                    problems.append(f"{name} pass 3, cell index {j}: status {status}: {err.strip().splitlines()[:1]}")
                    return out | {"problems": problems}
                if sorted(f["id"] for f in found) != emitted[j][0]:
                    problems.append(f"{name} pass 3, cell index {j}: emitted {sorted(f['id'] for f in found)}, first pass {emitted[j][0]}")
                if found and not any("since the previous run of this cell" in h for h in html):
                    problems.append(f"{name} pass 3, cell index {j}: the card does not say what moved since the cell's previous run")
            out["pass3_s"] = round(time.time() - t, 1)
            if new is None:
                problems.append(f"{name}: edited cell (index {i}) did not emit {fid}")
            else:
                moved = {k: (old.get("numbers", {}).get(k), v) for k, v in new.get("numbers", {}).items() if old.get("numbers", {}).get(k) != v}
                out["edit"] = {"cell_index": i, "finding": fid, "changed": after_line, "moved": moved, "verdict": [old["verdict"], new["verdict"]]}
                if not moved:
                    problems.append(f"{name}: {fid}'s key numbers did not move after '{after_line}'")
                # another cell (another first line) emitting the same id: an error naming both cells, in one line
                other = "// another cell, emitting an id that belongs to the cell above\n" + code.replace(after_line, before_line)
                status, found, _, err = execute(kc, other)
                lines = [l for l in err.splitlines() if l.strip()]
                out["other_cell_error"] = lines[:2]
                if status != "error" or not any("already emitted by the cell starting" in l for l in lines):
                    problems.append(f"{name}: another cell emitting {fid}: status {status}, stderr {lines[:2]}")
                elif any(l.lstrip().startswith("at ") for l in lines):
                    problems.append(f"{name}: the error for another cell's id shows a stack trace: {lines[:4]}")
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    return out | {"problems": problems}


def main():
    faulthandler.register(__import__("signal").SIGUSR1)  # `kill -USR1 <pid>` prints where it waits
    ap = argparse.ArgumentParser()
    ap.add_argument("root")
    ap.add_argument("--notebooks", default=",".join(ORDER))
    ap.add_argument("--report")
    a = ap.parse_args()
    os.environ["JUPYTER_PATH"] = os.path.join(os.path.abspath(a.root), "jup")  # the project's kernelspec
    findings_dir = tempfile.mkdtemp(prefix="kernel-loop-")
    results = [run_notebook(os.path.abspath(a.root), n, findings_dir) for n in a.notebooks.split(",") if n]
    report = {"ok": all(not r["problems"] for r in results), "notebooks": results}
    text = json.dumps(report, indent=1, ensure_ascii=False)
    if a.report:
        with open(a.report, "w", encoding="utf-8") as f:
            f.write(text)
    print(text)
    sys.exit(0 if report["ok"] else 1)


if __name__ == "__main__":
    main()
