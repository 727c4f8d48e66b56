"""Execute one notebook headless with nbclient and always write the result.

Usage: run_notebook.py INPUT OUTPUT [--kernel NAME] [--timeout SECONDS] [--cwd DIR]

Exits 0 when every code cell ran; 1 on the first failing cell, printing the
notebook, the cell's index and the start of its source, and writing the
partially executed notebook to OUTPUT so the error can be read there.
"""
import argparse
import os
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--kernel", default="tslab")
    ap.add_argument("--timeout", type=int, default=600)
    ap.add_argument("--cwd", default=None, help="kernel working directory (default: the input notebook's folder)")
    args = ap.parse_args()

    nb = nbformat.read(args.input, as_version=4)
    workdir = os.path.abspath(args.cwd) if args.cwd else os.path.dirname(os.path.abspath(args.input))
    client = NotebookClient(nb, timeout=args.timeout, kernel_name=args.kernel, allow_errors=False,
                            resources={"metadata": {"path": workdir}})
    failed = None
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as e:  # noqa: PERF203
        failed = e
    finally:
        os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
        nbformat.write(nb, args.output)

    name = os.path.basename(args.input)
    if failed is None:
        skipped = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and c.source.strip() and c.get("execution_count") is None]
        if skipped:
            print(f"{name}: code cells {skipped} did not run", file=sys.stderr)
            return 1
        return 0
    # locate the failing cell: the last code cell that has an execution count or error output
    index = None
    for i, c in enumerate(nb.cells):
        if c.cell_type != "code":
            continue
        if any(o.get("output_type") == "error" or o.get("name") == "stderr" for o in c.get("outputs", [])):
            index = i
            break
    if index is None:
        ran = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and c.get("execution_count") is not None]
        index = ran[-1] if ran else 0
    src = nb.cells[index].source.strip().splitlines()
    first = src[0] if src else ""
    print(f"{name}: cell {index} failed ({first[:80]})", file=sys.stderr)
    print(str(failed).strip()[-2000:], file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
