"""Thank-you timeliness and meeting discipline, against hand-computed counts."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from infoview_analytics import InvalidArgumentError
from infoview_analytics.analysis.meetings import meeting_discipline, thank_you_timeliness
from infoview_analytics.analysis.tables import TABLES

AS_OF = "2026-03-20"
THANK_COLUMNS = list(TABLES["thank_you_timeliness"].columns)
DISCIPLINE_COLUMNS = list(TABLES["meeting_discipline"].columns)


def test_thank_you_bins():
    # Interview Tue 03-10; thanked 0, 1, 2, 3, 4 days later, never, after as_of. Then a
    # meeting after as_of and a scheduled one, neither counted.
    thanked = ["03-10", "03-11", "03-12", "03-13", "03-14", None, "03-25", None, None]
    log = pd.DataFrame(
        {
            "contact": list("ABCDEFGHI"),
            "requested_on": pd.Timestamp("2026-03-02"),
            "status": ["interviewed"] * 8 + ["scheduled"],
            "interview_on": pd.to_datetime(["2026-03-10"] * 7 + ["2026-03-23", "2026-03-24"]),
            "thanked_on": pd.to_datetime([f"2026-{d}" if d else None for d in thanked]),
        }
    )
    before = log.copy()
    out = thank_you_timeliness(log, as_of=AS_OF)
    assert list(out.columns) == THANK_COLUMNS
    row = out.iloc[0]
    assert row[THANK_COLUMNS[:6]].tolist() == [7, 2, 2, 1, 2, 0]
    assert row[THANK_COLUMNS[6:]].tolist() == pytest.approx([2 / 7, 2 / 7, 1 / 7, 2 / 7, 0])
    pd.testing.assert_frame_equal(log, before)


def test_undated_thank_you_is_thanked_timing_unknown():
    # A: thanked the next day; B: "Thank-you sent: yes" without a date; C: not thanked.
    log = pd.DataFrame(
        {
            "contact": list("ABC"),
            "requested_on": pd.Timestamp("2026-03-02"),
            "status": ["interviewed"] * 3,
            "interview_on": pd.Timestamp("2026-03-10"),
            "thanked_on": pd.to_datetime(["2026-03-11", None, None]),
            "thanked": [True, True, False],
        }
    )
    row = thank_you_timeliness(log, as_of=AS_OF).iloc[0]
    counts = ["interviews", "within_1_day", "later", "not_yet", "thanked_undated"]
    assert row[counts].tolist() == [3, 1, 0, 1, 1]
    assert row["share_thanked_undated"] == pytest.approx(1 / 3)


def test_thank_you_by_warmth(tiny_log):
    out = thank_you_timeliness(tiny_log, by="warmth", as_of=AS_OF)
    assert list(out.columns) == ["warmth", *THANK_COLUMNS]
    # Warm: Ana thanked the same day, Ben 3 days after (Mon 03-16 -> Thu 03-19). Cold: none.
    assert out["warmth"].tolist() == ["cold", "warm"]
    assert out[THANK_COLUMNS[:5]].to_numpy().tolist() == [[0, 0, 0, 0, 0], [2, 1, 1, 0, 0]]
    assert np.isnan(out.loc[0, "share_not_yet"])


def test_meeting_discipline():
    log = pd.DataFrame(
        {
            "contact": list("ABCDEF"),
            "owner": ["x", "x", "x", "y", "y", "y"],
            "status": ["interviewed"] * 5 + ["scheduled"],
            "minutes_planned": pd.array([20, 30, 15, None, 30, 20], dtype="Int64"),
            "minutes_actual": pd.array([35, 30, 20, 40, 25, 60], dtype="Int64"),
            "questions_prepared": pd.array([4, 5, 7, 8, None, 6], dtype="Int64"),
        }
    )
    before = log.copy()
    out = meeting_discipline(log)
    assert list(out.columns) == DISCIPLINE_COLUMNS
    row = out.iloc[0]
    # Interviewed A-E; minutes for A, B, C, E (D has no plan); A (35>20) and C (20>15) overran.
    # Planned 20, 30, 15, 30 -> median 25; actual 35, 30, 20, 25 -> median 27.5.
    # Questions 4 (too few), 5 and 7 (in the 5-7 guidance), 8 (too many); E none; F not met.
    assert row[DISCIPLINE_COLUMNS].tolist() == pytest.approx(
        [5, 4, 2, 0.5, 25.0, 27.5, 4, 2, 1, 1, 0.5]
    )
    by_owner = meeting_discipline(log, by="owner")
    assert list(by_owner.columns) == ["owner", *DISCIPLINE_COLUMNS]
    assert by_owner["owner"].tolist() == ["x", "y"]
    # y: D (no plan) and E (30 planned, 25 actual): one meeting with minutes, not overrun.
    assert by_owner.loc[
        1, ["with_minutes", "overran", "median_planned", "median_actual"]
    ].tolist() == [
        1,
        0,
        30.0,
        25.0,
    ]
    pd.testing.assert_frame_equal(log, before)


def test_empty_logs():
    empty = pd.DataFrame({"contact": pd.Series([], dtype=object)})
    thank = thank_you_timeliness(empty, as_of=AS_OF)
    assert thank["interviews"].tolist() == [0]
    assert list(thank.columns) == THANK_COLUMNS
    grouped = thank_you_timeliness(empty, by="field", as_of=AS_OF)
    assert grouped.empty
    assert list(grouped.columns) == ["field", *THANK_COLUMNS]
    discipline = meeting_discipline(empty)
    assert list(discipline.columns) == DISCIPLINE_COLUMNS
    assert discipline["interviews"].tolist() == [0]
    assert np.isnan(discipline.loc[0, "median_actual"])
    assert meeting_discipline(empty, by="owner").empty


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda log: thank_you_timeliness(log, by="feild"), "'feild' was passed"),
        (lambda log: thank_you_timeliness(log, as_of="2026-13-45"), "`as_of` must be a date"),
        (lambda log: meeting_discipline(log, by=["owner", None]), "`by` must be"),
    ],
)
def test_bad_arguments(tiny_log, call, match):
    with pytest.raises(InvalidArgumentError, match=match):
        call(tiny_log)
