"""Name keys: the joined-string fast path equals the obvious per-name definition."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from infoview_analytics.core.names import _normalise

_TEXT = st.text(alphabet=st.sampled_from("aB ß\tÉ\n\x1f\x00x  .-"), max_size=8)


def _reference(values: list[str]) -> list[object]:
    keys = [" ".join(v.casefold().split()) for v in values]
    return [k if k else np.nan for k in keys]


@given(st.lists(_TEXT, max_size=20))
def test_normalise_matches_the_per_name_definition(values):
    got = list(_normalise(values))
    want = _reference(values)
    assert len(got) == len(want)
    for g, w in zip(got, want, strict=True):
        assert g == w or (g != g and w != w)  # NaN for blank names


def test_normalise_examples():
    got = list(_normalise([" Ana  Ruiz", "ANA RUIZ", "", "\tBen\nOde ", "Straße", 12]))
    assert got[:2] == ["ana ruiz", "ana ruiz"]
    assert got[2] != got[2]  # NaN
    assert got[3:] == ["ben ode", "strasse", "12"]


_ASCII_TEXT = st.text(alphabet=st.sampled_from("aB \t\n\r\x0b\x0c\x1c\x1f\x01x.-"), max_size=8)


@given(st.lists(_ASCII_TEXT, max_size=20))
def test_normalise_ascii_fast_path_matches_the_definition(values):
    # ASCII text is checked for stray spaces with numpy on its bytes (_spacing).
    got = list(_normalise(values))
    for g, w in zip(got, _reference(values), strict=True):
        assert g == w or (g != g and w != w)
