"""calendar_events(): one event per follow-up due and per interview ahead, stable UIDs."""

from __future__ import annotations

import pandas as pd

import infoview_analytics as iv
from infoview_analytics import calendar_events, follow_ups_due
from infoview_analytics.analysis.tables import TABLES


def test_one_event_per_follow_up_and_interview_ahead():
    log = iv.example_log()
    events = calendar_events(log, as_of=iv.SAMPLE_AS_OF)
    assert list(events.columns) == list(TABLES["calendar_events"].columns)
    todo = follow_ups_due(log, as_of=iv.SAMPLE_AS_OF)
    tasks = events[events["kind"] != "interview"]
    got = sorted(tasks[["kind", "contact", "day", "description"]].itertuples(index=False))
    want = sorted(todo[["action", "contact", "due_since", "reason"]].itertuples(index=False))
    assert got == want
    day = pd.Timestamp(iv.SAMPLE_AS_OF)
    ahead = log[(log["interview_on"] >= day) & log["status"].isin(["scheduled", "interviewed"])]
    meetings = events[events["kind"] == "interview"]
    assert sorted(meetings["contact"]) == sorted(ahead["contact"])
    assert events["day"].is_monotonic_increasing
    assert events["uid"].is_unique


def test_uids_stable_across_days_and_runs():
    log = iv.example_log()
    a = calendar_events(log, as_of="2026-04-17")
    b = calendar_events(log, as_of="2026-04-20")
    same = a.merge(b, on=["kind", "contact", "organization"], suffixes=("_a", "_b"))
    assert len(same) > 5
    assert (same["uid_a"] == same["uid_b"]).all()
    pd.testing.assert_frame_equal(a, calendar_events(log, as_of="2026-04-17"))


def test_descriptions_hold_no_contact_details():
    log = iv.example_log()
    text = " ".join(calendar_events(log, as_of=iv.SAMPLE_AS_OF)["description"])
    for column in ["email", "phone", "linkedin_url", "notes"]:
        for value in log[column].dropna():
            assert str(value) not in text


def test_cohort_events_carry_owners_and_differ_per_owner():
    log = iv.example_log()
    cohort = pd.concat([log.assign(owner="Amy"), log.assign(owner="Bo")], ignore_index=True)
    events = calendar_events(cohort, as_of=iv.SAMPLE_AS_OF)
    assert list(events.columns)[-1] == "owner"
    assert events["uid"].is_unique
    assert set(events["owner"]) == {"Amy", "Bo"}


def test_gaps_without_request_dates():
    log = pd.DataFrame({"contact": ["A"], "status": ["awaiting"]})
    events = calendar_events(log, as_of="2026-03-20")
    assert events.empty
    assert "request dates" in events.attrs["gaps"][0]
