"""The themes chart (charts/learned.py): bars of people, the one/two-voice warning marked."""

from __future__ import annotations

import pandas as pd
import pytest

import infoview_analytics as iv
from infoview_analytics import charts

from ._shared import _ax, _bars, _texts


def _table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "field": ["data", "data", "data", "ux"],
            "theme": ["sql", "excel", "python", "portfolio"],
            "people": [4, 3, 2, 3],
            "of_people": [5, 5, 5, 3],
            "n_organization": [3, 1, 2, 2],
            "support": ["well_supported", "several_voices", "few_voices", "several_voices"],
        }
    )


def test_bars_are_people_grouped_by_field() -> None:
    ax = charts.plot_themes(_table(), ax=_ax())
    assert [b.get_width() for b in _bars(ax)] == [4, 3, 2, 3]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["data", "sql", "excel", "python", "ux", "portfolio"]
    bold = [t.get_text() for t in ax.get_yticklabels() if t.get_fontweight() == "bold"]
    assert bold == ["data", "ux"]
    assert "4 of 5 · 3 organisations" in _texts(ax)
    assert "3 of 5 · 1 organisation" in _texts(ax)
    assert ax.get_xlabel() == "People who said it"


def test_few_voices_are_hatched_and_lighter_with_a_legend() -> None:
    ax = charts.plot_themes(_table(), ax=_ax())
    bars = _bars(ax)
    assert bars[2].get_hatch() == "////"
    assert not bars[0].get_hatch()
    assert not bars[1].get_hatch()
    assert bars[2].get_facecolor() != bars[0].get_facecolor()
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == [
        "well supported (3+ organisations)",
        "3+ people",
        "only 1–2 people: one or two voices",
    ]


def test_top_per_field_and_kwargs() -> None:
    ax = charts.plot_themes(_table(), top=1, ax=_ax(), alpha=0.5)
    assert [b.get_width() for b in _bars(ax)] == [4, 3]
    assert all(b.get_alpha() == 0.5 for b in _bars(ax))


def test_from_the_log_and_no_data() -> None:
    ax = charts.plot_themes(iv.example_log(), as_of=iv.SAMPLE_AS_OF, ax=_ax())
    assert len(_bars(ax)) > 5
    assert "as of 2026-04-17" in ax.get_title(loc="right")
    empty = charts.plot_themes(_table().iloc[:0], ax=_ax())
    assert any("no themes yet" in t for t in _texts(empty))


def test_a_table_without_the_columns_is_refused() -> None:
    with pytest.raises(iv.InvalidArgumentError, match="themes"):
        charts.plot_themes(pd.DataFrame({"theme": ["sql"]}), ax=_ax())
