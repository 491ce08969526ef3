"""The package's public surface: every advertised name resolves, lazily."""

from __future__ import annotations

import inspect
import subprocess
import sys

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


def test_lazy_names_are_all_advertised() -> None:
    assert set(iv._LAZY) <= set(iv.__all__)
    assert sorted(iv.__dir__()) == iv.__dir__()
    assert {"plot_coverage", "plot_referral_tree", "pseudonym_map"} <= set(dir(iv))


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
