"""The ``infoview`` command run as users run it: a subprocess in a folder of ``tmp_path``.

A plain module rather than a ``conftest.py``: a second conftest would shadow
``tests/conftest.py`` for the tests that import from it (``from conftest import ...``)
and clash with it under ``--doctest-modules``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def infoview(
    *args: str, cwd: Path, python_flags: Sequence[str] = ()
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m infoview_analytics ARGS`` in ``cwd``; return the finished process.

    The repository comes first on the path, so the checkout is tested even when
    not installed. ``python_flags`` go to the interpreter, e.g. ``("-X", "importtime")``.
    """
    env = {
        **os.environ,
        "MPLBACKEND": "Agg",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
    }
    return subprocess.run(
        [sys.executable, *python_flags, "-m", "infoview_analytics", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        check=False,
        timeout=300,
    )
