"""The loader's text cleaning (io/_values.clean_text_links): the same on every string backend.

Each cell is stripped (names also have their inner whitespace runs collapsed) as
Python's ``str.split``/``str.strip`` would, whatever holds the column: object
cells (workbooks), Python-backed or Arrow-backed ``str`` (CSV).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from infoview_analytics.io._values import clean_text_links

try:
    import pyarrow  # noqa: F401
except ImportError:  # the oldest-versions run: Python-backed strings only
    STORAGES = ["object", "python"]
else:
    STORAGES = ["object", "python", "pyarrow"]


def _column(cells: list[object], storage: str) -> pd.Series:
    if storage == "object":
        return pd.Series(np.array(cells, dtype=object))
    return pd.Series(cells, dtype=pd.StringDtype(storage, na_value=np.nan))


def _expected(cells: list[object], collapse: bool) -> list[str | None]:
    out: list[str | None] = []
    for c in cells:
        text = (" ".join(c.split()) if collapse else c.strip()) if isinstance(c, str) else ""
        out.append(text or None)
    return out


def _cells(series: pd.Series) -> list[str | None]:
    return [v if isinstance(v, str) else None for v in series.tolist()]


CASES = [
    ["Ana Ruiz", "Bo Li"],
    ["Foo ", " Initech Studio", "x"],  # a cell ending and the next starting with a space
    ["  Ana \t  Ruiz ", None, "", " ", "\u2003"],
    ["x\u00a0y", "a\x1cb", "line\nbreak", " tab\t", "\u3000wide\u3000"],
    ["Café  Noir", "Zoë\u2028Ode", "–dash–", "«quoted»", "✓ done"],
    [None, None],
    ["A (https://www.notion.so/A-1)", "B"],
]


@pytest.mark.parametrize("storage", STORAGES)
@pytest.mark.parametrize("collapse", [True, False])
@pytest.mark.parametrize("cells", CASES)
def test_cleaning_per_cell_on_every_backend(cells, collapse, storage):
    series, present, _ = clean_text_links(_column(cells, storage), collapse=collapse)
    want = _expected(cells, collapse)
    assert series.dtype == "str"
    assert _cells(series) == want
    assert present.tolist() == [w is not None for w in want]


@pytest.mark.parametrize("storage", STORAGES)
def test_link_hint_on_every_backend(storage):
    plain = clean_text_links(_column(["Ana", "Bo (friend)"], storage))[2]
    linked = clean_text_links(_column(["Ana", "Bo (https://notion.so/Bo-1)"], storage))[2]
    assert (plain, linked) == (False, True)


def _agrees_with_python(cells: list[str | None], collapse: bool) -> None:
    """Every string backend cleans ``cells`` as Python's split/strip per cell does."""
    want = _expected(cells, collapse)
    for storage in STORAGES:
        series, present, _ = clean_text_links(_column(cells, storage), collapse=collapse)
        assert _cells(series) == want, storage
        assert present.tolist() == [w is not None for w in want], storage


_TEXT = st.lists(
    st.one_of(
        st.none(),
        st.text(alphabet=st.sampled_from(list("ab é\t\n\u00a0\u2003\u3000\x1c–(")), max_size=8),
    ),
    max_size=12,
)


@settings(max_examples=200, deadline=None)
@given(cells=_TEXT, collapse=st.booleans())
def test_property_backends_agree_with_python(cells, collapse):
    _agrees_with_python(cells, collapse)


_WIDE_TEXT = st.lists(
    st.one_of(
        st.none(),
        st.text(
            alphabet=st.sampled_from(
                list("aZ é.\t\x0b\x00\x7f\x85\u0085\u1680\u2028\u202f\u205f\u3000(")
            ),
            max_size=10,
        ),
    ),
    max_size=12,
)


@settings(max_examples=200, deadline=None)
@given(cells=_WIDE_TEXT, collapse=st.booleans())
def test_property_every_whitespace_of_python(cells, collapse):
    """Every character Python splits on (one, two or three UTF-8 bytes), NUL and DEL."""
    _agrees_with_python(cells, collapse)


@pytest.mark.parametrize("storage", STORAGES)
def test_link_hint_needs_the_link_not_a_parenthesis(storage):
    cells = ["Ana (friend)", None, "Bo (Contacts/Bo%20Li%201.md)", "Cy"]
    assert clean_text_links(_column(cells, storage))[2] is True
    assert clean_text_links(_column(cells[:2], storage))[2] is False
    assert clean_text_links(_column(cells, storage), look=False)[2] is False


def test_object_column_with_every_missing_marker():
    """NaN, None, NA and NaT among strings (a workbook's cells) are all missing."""
    cells = pd.Series(np.array(["a", np.nan, None, pd.NA, pd.NaT, " b  c "], dtype=object))
    series, present, _ = clean_text_links(cells)
    assert _cells(series) == ["a", None, None, None, None, "b c"]
    assert present.tolist() == [True, False, False, False, False, True]
