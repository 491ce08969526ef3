"""The plan chart (charts/planning.py): stacked segments, labels, reference lines."""

from __future__ import annotations

import pandas as pd
import pytest

import infoview_analytics as iv
from infoview_analytics import InvalidArgumentError, charts

from ._shared import _ax, _bars, _texts


def _table() -> pd.DataFrame:
    t = pd.DataFrame(
        {
            "field": ["art", "data", "law"],
            "interviewed": [5, 2, 0],
            "scheduled": [0, 1, 0],
            "expected_from_pending": [0.0, 0.4, 1.25],
            "asks_to_minimum": pd.array([0, 0, pd.NA], dtype="Int64"),
            "asks_to_target": pd.array([0, 5, pd.NA], dtype="Int64"),
        }
    )
    t.attrs.update(minimum=3, target=5, as_of=pd.Timestamp("2026-04-17"))
    return t


def test_segments_labels_and_lines():
    ax = charts.plot_plan(_table(), ax=_ax())
    bars = _bars(ax)
    assert len(bars) == 9
    held, scheduled, pending = bars[:3], bars[3:6], bars[6:]
    assert [b.get_width() for b in held] == [5, 2, 0]
    assert [b.get_x() for b in pending] == [5, 3, 0]
    assert [b.get_width() for b in pending] == pytest.approx([0.0, 0.4, 1.25])
    assert all(b.get_hatch() == "///" for b in scheduled)
    texts = _texts(ax)
    assert {"target met", "ask 5 more for 5", "ask more than 1000 for 3"} <= set(texts)
    assert {"minimum 3", "target 5"} <= set(texts)
    assert sorted(line.get_xdata()[0] for line in ax.lines) == [3, 5]
    assert "as of 2026-04-17" in ax.get_title(loc="right")


def test_from_the_log_and_kwargs():
    ax = charts.plot_plan(iv.example_log(), as_of=iv.SAMPLE_AS_OF, ax=_ax(), alpha=0.5)
    fields = [t.get_text() for t in ax.get_yticklabels()]
    assert fields == iv.plan(iv.example_log(), as_of=iv.SAMPLE_AS_OF)["field"].tolist()
    assert _bars(ax)[0].get_alpha() == 0.5


def test_empty_and_wrong_tables():
    empty = _table().iloc[:0]
    ax = charts.plot_plan(empty, ax=_ax())
    assert "no data yet" in _texts(ax)
    with pytest.raises(InvalidArgumentError, match="asks_to_minimum"):
        charts.plot_plan(pd.DataFrame({"field": ["a"], "interviewed": [1]}), ax=_ax())
