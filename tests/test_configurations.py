"""The configurations `make test` claims to run are the ones it runs.

- The oldest versions: constraints/oldest.txt pins every runtime dependency to its lower
  bound in pyproject.toml, and the run on them (``INFOVIEW_CONSTRAINTS`` set) really has
  those versions installed.
- The string storage: with ``INFOVIEW_STRING_STORAGE`` set (tests/conftest.py), strings
  built by pandas and read by ``load_log`` are backed by that storage.
"""

from __future__ import annotations

import importlib.util
import os
import re
import tomllib
from importlib.metadata import version
from pathlib import Path

import numpy as np
import pandas as pd
from conftest import STRING_STORAGE
from packaging.requirements import Requirement
from packaging.version import Version

import infoview_analytics as iv

ROOT = Path(__file__).resolve().parents[1]
OLDEST = ROOT / "constraints" / "oldest.txt"


def _lower_bounds() -> dict[str, Version]:
    """Runtime dependencies of pyproject.toml and their ``>=`` bounds."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    bounds = {}
    for text in project["dependencies"]:
        req = Requirement(text)
        lows = [Version(s.version) for s in req.specifier if s.operator == ">="]
        assert len(lows) == 1, f"{text}: expected one '>=' lower bound"
        bounds[req.name] = lows[0]
    return bounds


def _pins(path: Path) -> dict[str, Version]:
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, pinned = line.partition("==")
            assert pinned, f"{path.name}: {line!r} is not a 'name==version' pin"
            pins[re.sub(r"[-_.]+", "-", name.strip().lower())] = Version(pinned.strip())
    return pins


def test_oldest_constraints_pin_every_lower_bound():
    pins = _pins(OLDEST)
    for name, low in _lower_bounds().items():
        assert pins.get(name) == low, (
            f"pyproject.toml says {name}>={low}, constraints/oldest.txt pins "
            f"{pins.get(name)}: make them the same version"
        )


def test_installed_versions_are_supported_and_in_the_oldest_run_the_pinned_ones():
    installed = {name: Version(version(name)) for name in _lower_bounds()}
    for name, low in _lower_bounds().items():
        assert installed[name] >= low, f"{name} {installed[name]} is older than {low}"
    constraints = os.environ.get("INFOVIEW_CONSTRAINTS")  # set by `make test-oldest`
    if constraints:
        pins = _pins(ROOT / constraints)
        assert {name: Version(version(name)) for name in pins} == pins


def _expected_storage() -> str:
    if STRING_STORAGE:
        return STRING_STORAGE
    return "pyarrow" if importlib.util.find_spec("pyarrow") else "python"


def test_strings_have_the_storage_asked_for():
    want = _expected_storage()
    built = pd.DataFrame({"contact": ["Ana", None]})["contact"]
    loaded = iv.load_log(iv.example_log_path(), as_of=iv.SAMPLE_AS_OF)
    assert built.dtype == pd.StringDtype(storage=want, na_value=np.nan)
    for col in ("contact", "organization", "field", "notes"):
        assert loaded[col].dtype == pd.StringDtype(storage=want, na_value=np.nan), col
