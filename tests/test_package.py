"""The package's public surface: every advertised name resolves, lazily."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import subprocess
import sys
import types

import pytest

import infoview_analytics as iv


@pytest.mark.parametrize("name", iv.__all__)
def test_every_public_name_resolves(name: str) -> None:
    value = getattr(iv, name)
    assert value is not None
    if inspect.isfunction(value):
        # data first, options keyword-only (the house style)
        params = list(inspect.signature(value).parameters.values())
        positional = [p for p in params if p.kind is p.POSITIONAL_OR_KEYWORD]
        assert len(positional) <= 2, f"{name} takes {len(positional)} positional arguments"


def test_public_names_are_listed_once_and_sorted() -> None:
    # Sorted as ruff's RUF022 sorts: constants, then classes, then functions.
    def kind(name: str) -> tuple[int, str]:
        return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)

    assert iv.__all__ == sorted(iv.__all__, key=kind)
    assert len(set(iv.__all__)) == len(iv.__all__)
    assert all(hasattr(iv, name) for name in iv.__all__)
    public = {
        name
        for name, value in vars(iv).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    } | {"__version__"}
    assert public == set(iv.__all__)


def test_no_module_shares_a_name_with_a_public_function() -> None:
    # Neither the package's API nor a room's own exports (``cli.main``, ...) may be
    # hidden by a module of the same name.
    for info in pkgutil.walk_packages(iv.__path__, prefix="infoview_analytics."):
        parent, _, name = info.name.rpartition(".")
        exported = set(getattr(importlib.import_module(parent), "__all__", ()))
        assert name not in exported | set(iv.__all__), info.name


def test_unknown_name_is_a_clear_attribute_error() -> None:
    with pytest.raises(AttributeError, match="has no attribute 'nope'"):
        iv.nope  # noqa: B018


def test_chart_functions_take_ax_and_return_it() -> None:
    for name in iv.__all__:
        if name.startswith("plot_"):
            signature = inspect.signature(getattr(iv, name))
            assert signature.parameters["ax"].kind is inspect.Parameter.KEYWORD_ONLY, name


def test_import_stays_light() -> None:
    code = (
        "import sys, infoview_analytics as iv; iv.load_log; iv.coverage; "
        "heavy = [m for m in ('matplotlib', 'scipy', 'networkx') if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
