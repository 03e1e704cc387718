"""Every notebook is stored without outputs and runs top to bottom against a generated lake."""

from __future__ import annotations

from pathlib import Path

import nbformat
import papermill
import pytest

NOTEBOOKS = Path(__file__).resolve().parents[1]

ALL_NOTEBOOKS = sorted(NOTEBOOKS.glob("*.ipynb"))


def test_there_are_notebooks():
    names = {p.stem for p in ALL_NOTEBOOKS}
    assert {"satisfaction_drilldown", "response_times", "ab_deep_dive"} <= names, names


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=lambda p: p.name)
def test_stored_without_outputs(path: Path):
    nb = nbformat.read(path, as_version=4)
    dirty = [
        i for i, c in enumerate(nb.cells) if c.cell_type == "code" and (c.outputs or c.execution_count is not None)
    ]
    fix = f"run `.venv/bin/python notebooks/strip_outputs.py notebooks/{path.name}`"
    assert not dirty, f"{path.name} stores outputs or execution counts in cells {dirty}; {fix}"
    assert "papermill" not in nb.metadata, f"{path.name} was saved from a papermill run; {fix}"
    assert all("execution" not in c.metadata for c in nb.cells), f"{path.name} stores run timings; {fix}"


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=lambda p: p.name)
def test_one_parameter_cell_reads_the_lake(path: Path):
    nb = nbformat.read(path, as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1, f"{path.name}: expected one cell tagged 'parameters', found {len(tagged)}"
    source = tagged[0].source
    assert 'lake = os.environ.get("COMMPULSE_LAKE", "../lake")' in source, source
    others = [c.source for c in nb.cells if c is not tagged[0] and c.cell_type == "code"]
    assert not any("COMMPULSE_LAKE" in s or "../lake" in s for s in others), (
        f"{path.name}: the lake path must come from the parameter cell only"
    )


def _images(nb) -> int:
    return sum(
        1 for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if "image/png" in o.get("data", {})
    )


def _text(nb) -> str:
    chunks = []
    for c in nb.cells:
        for o in c.get("outputs", []) if c.cell_type == "code" else []:
            chunks.append(o.get("text", ""))
            chunks.append(o.get("data", {}).get("text/plain", ""))
    return "\n".join(chunks)


def run(path: Path, out_dir: Path, parameters: dict | None = None):
    """Executes a notebook as an analyst would, in its own folder; any error fails the test."""
    output = out_dir / path.name
    papermill.execute_notebook(
        str(path),
        str(output),
        parameters=parameters or {},
        cwd=str(NOTEBOOKS),
        kernel_name="python3",
        progress_bar=False,
        log_output=False,
        execution_timeout=1800,
    )
    return nbformat.read(output, as_version=4)


def test_satisfaction_drilldown_runs_with_the_lake_from_the_environment(lake, tmp_path, monkeypatch):
    monkeypatch.setenv("COMMPULSE_LAKE", str(lake))
    nb = run(NOTEBOOKS / "satisfaction_drilldown.ipynb", tmp_path)
    assert _images(nb) >= 2
    assert "suppressed" in _text(nb)


def test_response_times_runs_and_agrees_with_gold(lake, tmp_path):
    nb = run(NOTEBOOKS / "response_times.ipynb", tmp_path, {"lake": str(lake)})
    assert _images(nb) >= 3


def test_ab_deep_dive_runs_and_rederives_a_result(lake, tmp_path):
    nb = run(NOTEBOOKS / "ab_deep_dive.ipynb", tmp_path, {"lake": str(lake)})
    text = _text(nb)
    assert "z = " in text
    if (lake / "gold" / "ab_results" / "_delta_log").is_dir():
        assert "matches gold.ab_results" in text, text[-2000:]
    else:
        assert "gold.ab_results is not in this lake yet" in text
    assert _images(nb) >= 1
