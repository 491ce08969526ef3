"""Response charts (charts/responses.py): response rates, the funnel, activity."""

from __future__ import annotations

import pandas as pd
import pytest

from infoview_analytics import charts
from infoview_analytics.errors import InvalidArgumentError

from ._shared import _ax, _bars, _texts, activity_table, funnel_table, rates_table


# ------------------------------------------------------------------ response rates
def test_response_rates_bars_intervals_and_labels():
    ax = charts.plot_response_rates(rates_table(), ax=_ax(), as_of="2026-04-17")
    bars = _bars(ax)
    # phone: nobody was asked, so there is no rate to draw (the group is left out).
    assert len(bars) == 2
    assert [round(b.get_width(), 6) for b in bars] == [40.0, 0.0]
    assert _texts(ax) == ["4/10 · 2 pending", "0/10"]
    # Error bars: only the two groups with decided requests, 16.8-68.7 and 0-27.8 percent.
    (errbar,) = [c for c in ax.collections if c.get_segments()]
    segments = sorted((round(s[0][0], 2), round(s[1][0], 2)) for s in errbar.get_segments())
    assert segments == [(0.0, 27.75), (16.82, 68.73)]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Email", "LinkedIn"]
    assert ax.get_title(loc="left") == "Response rate by channel"
    assert ax.get_title(loc="right") == "as of 2026-04-17 · n = 22 asked"
    assert "95% Wilson interval" in ax.get_xlabel()


def test_response_rates_group_with_only_pending_requests_is_shown_as_pending():
    table = rates_table()
    table.loc[2, ["asked", "pending"]] = [3, 3]
    ax = charts.plot_response_rates(table, ax=_ax())
    assert _texts(ax) == ["4/10 · 2 pending", "0/10", "0/0 · 3 pending"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Email", "LinkedIn", "Phone"]


def test_response_rates_interview_measure_and_without_groups():
    table = rates_table().drop(columns="channel").iloc[[0]]
    ax = charts.plot_response_rates(table, measure="interview", ax=_ax(), footnote="")
    assert _texts(ax) == ["3/10 · 2 pending"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["All"]
    assert ax.get_title(loc="left") == "Interview rate by all requests"
    assert ax.get_title(loc="right") == ""


def test_response_rates_bad_measure():
    with pytest.raises(InvalidArgumentError, match="`measure` must be one of"):
        charts.plot_response_rates(rates_table(), measure="rate", ax=_ax())


# ------------------------------------------------------------------ funnel
def test_funnel_bars_and_conversion_labels():
    ax = charts.plot_funnel(funnel_table(), ax=_ax(), footnote="x")
    assert [b.get_height() for b in _bars(ax)] == [10, 8, 4, 3, 2]
    assert _texts(ax) == ["10", "8\n80%", "4\n50%", "3\n75%", "2\n67%"]
    assert [t.get_text() for t in ax.get_xticklabels()][:2] == ["Identified", "Asked"]
    assert ax.get_ylabel() == "People"


def test_funnel_by_group_draws_one_bar_per_group_and_stage():
    table = pd.concat([funnel_table().assign(warmth="cold"), funnel_table().assign(warmth="warm")])
    table = table[["warmth", "stage", "count", "conversion"]]
    ax = charts.plot_funnel(table, ax=_ax())
    assert len(_bars(ax)) == 10
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Cold", "Warm"]


# ------------------------------------------------------------------ activity
def test_activity_bars_and_cumulative_line():
    ax = charts.plot_activity(activity_table(), ax=_ax())
    heights = [b.get_height() for b in _bars(ax)]
    assert heights == [4, 2, 3, 1, 2, 1, 0, 1, 2]
    twin = ax.figure.axes[-1]
    assert twin is not ax
    assert list(twin.lines[0].get_ydata()) == [0, 1, 3]
    assert twin.get_ylabel() == "Cumulative interviews (people)"
    assert ax.get_ylabel() == "People per week"
    assert ax.get_title(loc="right") == "n = 9 asked"
