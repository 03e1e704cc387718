"""Clears outputs, execution counts and run metadata from notebooks before they are committed.

.venv/bin/python notebooks/strip_outputs.py notebooks/*.ipynb
"""

from __future__ import annotations

import sys

import nbformat

RUN_METADATA = ("papermill", "widgets")
PAPERMILL_TAGS = {"injected-parameters", "papermill-error-cell-tag"}


def strip(path: str) -> bool:
    """Strips one notebook in place; True when it changed."""
    nb = nbformat.read(path, as_version=4)
    before = nbformat.writes(nb)
    # papermill adds a cell with the injected parameters, and marker cells when a run failed
    nb.cells = [c for c in nb.cells if not set(c.metadata.get("tags", [])) & PAPERMILL_TAGS]
    for cell in nb.cells:
        if cell.metadata.get("tags") == []:
            del cell.metadata["tags"]
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        for key in ("execution", "papermill", "collapsed", "scrolled"):
            cell.metadata.pop(key, None)
    for key in RUN_METADATA:
        nb.metadata.pop(key, None)
    after = nbformat.writes(nb)
    if after != before:
        with open(path, "w", encoding="utf-8") as f:
            f.write(after)
    return after != before


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    for notebook in sys.argv[1:]:
        print(f"{notebook}: {'stripped' if strip(notebook) else 'already clean'}")
