"""Meeting charts (charts/meetings.py): thank-you timeliness, meeting discipline."""

from __future__ import annotations

from infoview_analytics import charts

from ._shared import MEETINGS, THANKS, _ax, _bars, _texts


# ------------------------------------------------------------------ meetings
def test_thank_you_timeliness_stacked_shares():
    ax = charts.plot_thank_you_timeliness(THANKS, ax=_ax())
    assert [round(b.get_width()) for b in _bars(ax)] == [40, 20, 0, 40]
    assert _texts(ax) == ["2", "1", "2"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["All (n = 5)"]


def test_meeting_discipline_bars():
    ax = charts.plot_meeting_discipline(MEETINGS, ax=_ax())
    widths = [round(b.get_width()) for b in _bars(ax)]
    assert widths == [60, 40, 25, 50, 25]
    assert _texts(ax) == ["3", "2", "1", "2", "1"]
    assert "median planned 30 min, actual 35 min" in ax.get_xlabel()


def test_thank_you_timeliness_draws_undated_thanks_as_their_own_bin():
    # 6 interviews: 2 within a day, 1 in 2-3 days, 1 not yet, 2 thanked on an unknown day.
    table = THANKS.assign(interviews=[6], not_yet=[1], thanked_undated=[2])
    ax = charts.plot_thank_you_timeliness(table, ax=_ax())
    widths = [round(b.get_width(), 1) for b in _bars(ax)]
    assert widths == [33.3, 16.7, 0.0, 16.7, 33.3]  # the bar adds up to every interview
    assert sum(widths) == 100.0
    assert "thanked, date unknown" in [t.get_text() for t in ax.get_legend().get_texts()]
