"""The ``infoview`` command run as users run it (a subprocess), or in this process.

Both return a finished :class:`subprocess.CompletedProcess` (``returncode``, ``stdout``,
``stderr``), so a test reads the same either way. A subprocess costs its start-up
(importing pandas, matplotlib...: about 3 s of CPU per run), so the tests call
:func:`infoview_here` unless they are about the process itself (its start-up imports,
how ``python -m infoview_analytics`` exits); each command keeps at least one test
through :func:`infoview`.

A plain module rather than a ``conftest.py``: a second conftest would shadow
``tests/conftest.py`` for the tests that import from it (``from conftest import ...``)
and clash with it under ``--doctest-modules``.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from collections.abc import Iterator, Sequence
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


@contextlib.contextmanager
def _as_a_subprocess_sees_it(cwd: Path) -> Iterator[None]:
    """In ``cwd``, with the terminal width a subprocess with piped output gets (80)."""
    before, width = Path.cwd(), os.environ.get("COLUMNS")
    os.chdir(cwd)
    os.environ["COLUMNS"] = "80"  # argparse's help: not the width of the terminal running pytest
    try:
        yield
    finally:
        os.chdir(before)
        if width is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = width


def infoview_here(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``infoview ARGS`` in this process, in ``cwd``, as :func:`infoview` would.

    ``main`` is what ``python -m infoview_analytics`` runs; its exit status is the
    process's (argparse's usage errors and ``--help`` exit through ``SystemExit``).
    The test run's warning filters stay on (pytest turns warnings into errors), which is
    stricter than a subprocess: ``main`` itself prints a library's warning as one line.
    """
    from infoview_analytics.cli import main

    out, err = io.StringIO(), io.StringIO()
    with (
        _as_a_subprocess_sees_it(cwd),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        try:
            status: object = main(list(args))
        except SystemExit as stop:
            status = stop.code
    if status is None:
        status = 0
    elif not isinstance(status, int):  # SystemExit("message"): printed, exit status 1
        err.write(f"{status}\n")
        status = 1
    return subprocess.CompletedProcess(
        ["infoview", *args], status, stdout=out.getvalue(), stderr=err.getvalue()
    )
