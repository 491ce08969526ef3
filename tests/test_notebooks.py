"""The committed notebooks: structure, public API only, executed with outputs, in sync with
scripts/make_notebooks.py. nbval re-runs them and compares outputs (``make test``); the README
charts in docs/ are checked against a fresh build of the package's own report."""

from __future__ import annotations

import ast
import importlib.util
import os
import re
import struct
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
EXPECTED = [
    "01_load_and_check.ipynb",
    "02_response_rates.ipynb",
    "03_referral_chains.ipynb",
    "04_coverage.ipynb",
    "05_advisor_report.ipynb",
    "06_cohort.ipynb",
    "07_plan.ipynb",
    "08_what_i_learned.ipynb",
]
MAX_CODE_LINES = 15
# Only `import infoview_analytics as iv` and `from infoview_analytics import charts`.
ALLOWED_IMPORTS = {("infoview_analytics", None), ("infoview_analytics", "charts")}


def _load_script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _read(name: str) -> nbformat.NotebookNode:
    return nbformat.read(NOTEBOOKS / name, as_version=4)


def _code_cells(nb: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    return [cell for cell in nb.cells if cell.cell_type == "code"]


def _python(source: str) -> str:
    """Cell source without IPython magics, so it parses as Python."""
    return "\n".join("" if line.startswith("%") else line for line in source.splitlines())


def test_generator_lists_exactly_the_committed_notebooks():
    script = _load_script("make_notebooks")
    assert list(script.NOTEBOOK_CELLS) == EXPECTED
    assert sorted(p.name for p in NOTEBOOKS.glob("*.ipynb")) == EXPECTED


@pytest.mark.parametrize("name", EXPECTED)
def test_committed_notebook_matches_generator(name):
    built = _load_script("make_notebooks").build(name)
    committed = _read(name)
    assert [(c.cell_type, c.source) for c in committed.cells] == [
        (c.cell_type, c.source) for c in built.cells
    ]


@pytest.mark.parametrize("name", EXPECTED)
def test_first_cell_is_markdown_with_question_and_own_log(name):
    first = _read(name).cells[0]
    assert first.cell_type == "markdown"
    assert first.source.startswith("# ")
    assert "**The question:**" in first.source
    assert "**With your own" in first.source


@pytest.mark.parametrize("name", EXPECTED)
def test_parameters_cell_defines_path_and_as_of(name):
    tagged = [c for c in _code_cells(_read(name)) if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    assigned = {
        target.id
        for node in ast.parse(tagged[0].source).body
        if isinstance(node, ast.Assign)
        for target in node.targets
    }
    path = "COHORT_PATH" if name == "06_cohort.ipynb" else "LOG_PATH"
    assert {path, "AS_OF"} <= assigned
    assert 'AS_OF = "2026-04-17"' in tagged[0].source


@pytest.mark.parametrize("name", EXPECTED)
def test_only_public_api_is_imported(name):
    for cell in _code_cells(_read(name)):
        assert not re.search(r"infoview_analytics\.\w|\biv\._", cell.source), cell.source
        for node in ast.walk(ast.parse(_python(cell.source))):
            if isinstance(node, ast.ImportFrom) and node.module.startswith("infoview_analytics"):
                for alias in node.names:
                    assert (node.module, alias.name) in ALLOWED_IMPORTS, cell.source
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.startswith("infoview_analytics"):
                        assert (alias.name, None) in ALLOWED_IMPORTS, cell.source


@pytest.mark.parametrize("name", EXPECTED)
def test_code_cells_are_short(name):
    for cell in _code_cells(_read(name)):
        assert len(cell.source.splitlines()) <= MAX_CODE_LINES, cell.source


@pytest.mark.parametrize("name", EXPECTED)
def test_committed_executed_top_to_bottom_without_errors(name):
    nb = _read(name)
    cells = _code_cells(nb)
    assert [c.execution_count for c in cells] == list(range(1, len(cells) + 1))
    for cell in cells:
        assert all(out.output_type != "error" for out in cell.outputs), cell.source
        assert all(out.get("name") != "stderr" for out in cell.outputs), cell.source
        assert "execution" not in cell.metadata  # no timestamps in the committed file
    # every cell after the parameters and imports shows something
    assert all(cell.outputs for cell in cells[2:])
    # charts are inline
    assert any("image/png" in out.get("data", {}) for c in cells for out in c.outputs)
    assert nb.metadata.kernelspec == {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }


@pytest.mark.parametrize("name", EXPECTED)
def test_styled_tables_have_fixed_uuids(name):
    """A Styler without a fixed uuid renders random CSS ids, which nbval would flag."""
    for cell in _code_cells(_read(name)):
        if ".style." in cell.source or ".style\n" in cell.source:
            assert ".set_uuid(" in cell.source, cell.source


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", header[16:24])


def test_readme_charts_are_the_reports_charts(tmp_path):
    script = ROOT / "scripts" / "make_readme_charts.py"
    done = subprocess.run(
        [sys.executable, str(script), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "MPLBACKEND": "Agg", "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0, done.stderr
    names = sorted(_load_script("make_readme_charts").README_CHARTS)
    assert sorted(p.name for p in tmp_path.iterdir()) == names
    for name in names:
        committed = ROOT / "docs" / name
        assert committed.exists(), f"run scripts/make_readme_charts.py to create docs/{name}"
        # byte equality is too brittle across matplotlib and font versions
        assert _png_size(committed) == _png_size(tmp_path / name)


def test_readme_shows_the_charts():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in _load_script("make_readme_charts").README_CHARTS:
        assert f"docs/{name}" in readme
