"""Convert notebooks to HTML fragments (nbconvert's basic template) in one process.

Reads a JSON list of notebooks on stdin and writes the JSON list of their HTML bodies to stdout,
the same text as `python -m nbconvert --to html --template basic --stdin --stdout` gives for each
(one Python start-up and one nbconvert import instead of one per notebook).
"""
import json
import sys

import nbformat
from nbconvert import HTMLExporter


def main() -> None:
    notebooks = json.load(sys.stdin)
    exporter = HTMLExporter(template_name="basic")
    bodies = []
    for nb in notebooks:
        body, _ = exporter.from_notebook_node(nbformat.reads(json.dumps(nb), as_version=4))
        bodies.append(body)
    json.dump(bodies, sys.stdout)


if __name__ == "__main__":
    main()
