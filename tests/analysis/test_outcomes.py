"""Request outcomes (asked, responded, pending ...) and warmth."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import infoview_analytics as iv
from infoview_analytics.analysis.outcomes import outcomes
from infoview_analytics.core.calendar import business_calendar
from infoview_analytics.core.frame import canonical

TINY_AS_OF = pd.Timestamp("2026-03-20")  # as in conftest.tiny_log


def test_outcomes_on_tiny_log(tiny_log):
    o = outcomes(canonical(tiny_log), as_of=TINY_AS_OF, calendar=business_calendar())
    by_name = o.set_index(tiny_log["contact"])
    # Hand-computed, see the tiny_log fixture's docstring.
    assert by_name["asked"].sum() == 7  # everyone but Gus
    assert list(by_name.index[by_name["responded"]]) == [
        "Ana Ruiz",
        "Ben Ode",
        "Eve Stone",
        "Hana Ito",
    ]
    assert list(by_name.index[by_name["pending"]]) == ["Chloe Park"]  # 3 business days
    assert by_name.loc["Chloe Park", "business_days_waiting"] == 3
    assert by_name.loc["Dev Shah", "business_days_waiting"] == 14
    assert not by_name.loc["Dev Shah", "pending"]
    assert by_name.loc["Finn Lund", "gave_up"]
    assert np.isnan(by_name.loc["Finn Lund", "business_days_waiting"])
    assert by_name["decided"].sum() == 6
    assert list(by_name.index[by_name["agreed"]]) == ["Ana Ruiz", "Ben Ode", "Hana Ito"]
    assert list(by_name.index[by_name["interviewed"]]) == ["Ana Ruiz", "Ben Ode"]


@pytest.mark.parametrize(("days_ago", "pending"), [(6, True), (7, False)])
def test_pending_window_boundary(days_ago, pending):
    as_of = pd.Timestamp("2026-03-20")  # Friday
    requested = pd.Timestamp(np.busday_offset("2026-03-20", -days_ago, roll="backward"))
    log = pd.DataFrame({"contact": ["X"], "requested_on": [requested], "status": ["awaiting"]})
    o = outcomes(canonical(log), as_of=as_of, calendar=business_calendar())
    assert o.loc[0, "business_days_waiting"] == days_ago
    assert bool(o.loc[0, "pending"]) is pending


def test_follow_up_restarts_the_window():
    log = pd.DataFrame(
        {
            "contact": ["X"],
            "requested_on": [pd.Timestamp("2026-03-02")],
            "followed_up_on": [pd.Timestamp("2026-03-17")],
            "status": ["awaiting"],
        }
    )
    o = outcomes(canonical(log), as_of=pd.Timestamp("2026-03-20"), calendar=business_calendar())
    assert o.loc[0, "waiting_since"] == pd.Timestamp("2026-03-17")
    assert o.loc[0, "pending"]


def test_warmth(tiny_log):
    got = iv.prepare(tiny_log).warmth
    assert list(got) == ["warm", "warm", "warm", "cold", "cold", "cold", "cold", "warm"]


@pytest.mark.parametrize("loaded_as_of", ["2026-03-10", "2026-04-17", "2026-07-01"])
@pytest.mark.parametrize("as_of", ["2026-03-20", "2026-04-17"])
def test_figures_do_not_depend_on_the_day_the_file_was_loaded(loaded_as_of, as_of):
    # The sample read as of three days (so its blank statuses are derived three ways) gives
    # the same figures for a given as_of as reading it as of that very day.
    from infoview_analytics.io.sample import example_log_path

    path = example_log_path()
    want = iv.prepare(iv.read_log(path, as_of=as_of).log, as_of=as_of)
    got = iv.prepare(iv.read_log(path, as_of=loaded_as_of).log, as_of=as_of)
    for name in ("response_rates", "funnel", "coverage", "follow_ups_due", "referral_summary"):
        pd.testing.assert_frame_equal(getattr(iv, name)(got), getattr(iv, name)(want), obj=name)
    pd.testing.assert_frame_equal(
        iv.thank_you_timeliness(got), iv.thank_you_timeliness(want), obj="thanks"
    )


def test_an_answer_or_meeting_after_as_of_has_not_happened_yet():
    log = pd.DataFrame(
        {
            "contact": ["Replied later", "Met later", "Declined later", "Met before"],
            "requested_on": pd.to_datetime(["2026-03-02"] * 4),
            "responded_on": pd.to_datetime(["2026-03-25", None, "2026-03-25", None]),
            "interview_on": pd.to_datetime([None, "2026-03-26", None, "2026-03-12"]),
            # What the user wrote (or what the loader derived as of a later day).
            "status": ["replied", "interviewed", "declined", "scheduled"],
        }
    )
    o = outcomes(canonical(log), as_of=pd.Timestamp("2026-03-20"), calendar=business_calendar())
    assert o["responded"].tolist() == [False, True, False, True]
    assert o["interviewed"].tolist() == [False, False, False, True]
    assert o["scheduled"].tolist() == [False, True, False, False]
    assert o["declined"].tolist() == [False, False, False, False]
    # Every analysis agrees: the rates and coverage count the one interview held.
    rates = iv.response_rates(log, as_of="2026-03-20")
    assert rates.loc[0, "interviewed"] == 1
    assert iv.coverage(log, as_of="2026-03-20").loc[0, "interviewed"] == 1
    assert iv.thank_you_timeliness(log, as_of="2026-03-20").loc[0, "interviews"] == 1


# ---------------------------------------------------------------- a yes without a date
def _flagged(**columns) -> pd.DataFrame:
    frame = pd.DataFrame(columns)
    for col in ("requested_on", "responded_on", "interview_on", "followed_up_on"):
        frame[col] = pd.to_datetime(frame[col]) if col in frame else pd.NaT
    return frame


def test_undated_yes_counts_as_an_answer():
    frame = _flagged(
        status=[None, None, None, None],
        requested_on=["2026-03-02", "2026-03-02", "2026-03-02", None],
        responded=[True, False, False, True],
        interviewed=[False, False, True, False],
    )
    o = outcomes(frame, as_of=TINY_AS_OF, calendar=business_calendar())
    # A "Replied? yes" is an answer, a "Met? yes" an answer and an agreement; both
    # also mean the person was asked (row 3 has no request date).
    assert o["responded"].tolist() == [True, False, True, True]
    assert o["agreed"].tolist() == [False, False, True, False]
    assert o["asked"].tolist() == [True, True, True, True]
    assert o["pending"].tolist() == [False, False, False, False]


def test_undated_yes_counts_at_every_as_of_but_a_date_only_once_past():
    frame = _flagged(
        status=[None, None],
        requested_on=["2026-03-02", "2026-03-02"],
        responded_on=[None, "2026-03-25"],
        responded=[True, True],
    )
    o = outcomes(frame, as_of=TINY_AS_OF, calendar=business_calendar())
    assert o["responded"].tolist() == [True, False]  # the 25th is after as_of


def test_undated_answer_is_left_out_of_answer_times():
    from infoview_analytics.analysis.outcomes import answer_times

    frame = _flagged(
        status=["replied", "replied"],
        requested_on=["2026-03-02", "2026-03-02"],
        responded_on=[None, "2026-03-04"],
        responded=[True, True],
    )
    frame["last_contact_on"] = pd.NaT
    cal = business_calendar()
    o = outcomes(frame, as_of=TINY_AS_OF, calendar=cal)
    t = answer_times(frame, o, as_of=TINY_AS_OF, calendar=cal)
    assert t["usable"].tolist() == [False, True]
    assert t["time"].iloc[1] == 2


def test_replied_yes_no_gives_the_hand_computed_response_rate(tmp_path):
    import datetime as dt

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Name", "Company", "Date Contacted", "Replied?"])
    asked = dt.date(2026, 3, 2)
    replies = [True, "Yes", "Y", "✓", "Sí", "declined, busy", False, "No", "no", None]
    for i, reply in enumerate(replies):
        sheet.append([f"Person {i}", f"Org {i}", asked, reply])
    book.save(tmp_path / "log.xlsx")
    result = iv.read_log(
        tmp_path / "log.xlsx", as_of="2026-04-17", columns={"Replied?": "responded_on"}
    )
    rates = iv.response_rates(result.log, as_of="2026-04-17")
    # Six answers (five yes, one refusal) of ten requests, none pending any more.
    assert rates.loc[0, ["asked", "decided", "responded", "declined"]].tolist() == [10, 10, 6, 1]
    assert rates.loc[0, "response_rate"] == pytest.approx(0.6)
    summary = iv.response_time_summary(result.log, as_of="2026-04-17")
    assert summary.loc[0, "answered"] == 0  # no answer has a date
    assert summary.loc[0, "censored"] == 4  # the four without an answer
