"""cohort_summary: one row per student, hand-counted; intervals against scipy."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy.stats import binomtest

import infoview_analytics as iv
from infoview_analytics import InvalidArgumentError
from infoview_analytics.analysis.cohort import COHORT_COLUMNS, cohort_summary, hide_small_groups

AS_OF = "2026-03-20"  # a Friday


@pytest.fixture
def cohort() -> pd.DataFrame:
    d = pd.to_datetime
    rows = [
        # owner, contact, org, field, requested, responded, status, interview, thanked, last
        ("amy", "A", "Acme", "data", "2026-03-02", "2026-03-04", "interviewed", "2026-03-10",
         "2026-03-10", "2026-04-01"),
        ("amy", "B", "Bolt", "data", "2026-03-02", None, "interviewed", "2026-03-11", None, None),
        ("amy", "C", "Core", "data", "2026-03-03", None, "awaiting", None, None, None),
        ("amy", "D", "Dyn", "law", "2026-03-02", "2026-03-05", "declined", None, None, None),
        ("amy", "E", "Zeta", "law", None, None, "prospect", None, None, None),
        ("bo", "F", "Yak", "data", "2026-03-16", None, "awaiting", None, None, None),
        ("bo", "G", "Wren", None, "2026-02-02", None, "no_response", None, None, None),
        (None, "H", "Halo", "data", "2026-03-18", None, "awaiting", None, None, None),
    ]  # fmt: skip
    cols = ["owner", "contact", "organization", "field", "requested_on", "responded_on",
            "status", "interview_on", "thanked_on", "last_contact_on"]  # fmt: skip
    log = pd.DataFrame(rows, columns=cols)
    for c in ["requested_on", "responded_on", "interview_on", "thanked_on", "last_contact_on"]:
        log[c] = d(log[c])
    return log


def test_hand_counted(cohort):
    s = cohort_summary(cohort, as_of=AS_OF, minimum=2)
    assert s.columns.tolist() == COHORT_COLUMNS
    assert s["owner"].tolist() == ["(none)", "amy", "bo"]
    amy = s.set_index("owner").loc["amy"]
    # asked A-D; C unanswered for 13 business days is decided; A, B, D answered.
    assert amy[["asked", "decided", "responded", "interviews"]].tolist() == [4, 4, 3, 2]
    assert amy["response_rate"] == pytest.approx(0.75)
    # data has 2 interviews (minimum 2), law none.
    assert amy[["fields_at_minimum", "fields_total"]].tolist() == [1, 2]
    # B's thank-you, C's follow-up and C's second person at Core.
    assert amy["follow_ups_overdue"] == 3
    # A's last contact (04-01) is after the as-of date: ignored.
    assert amy["last_activity"] == pd.Timestamp("2026-03-11")
    bo = s.set_index("owner").loc["bo"]
    # F asked 4 business days ago: pending, not decided; G gave up.
    assert bo[["asked", "decided", "responded", "interviews"]].tolist() == [2, 1, 0, 0]
    assert bo[["fields_at_minimum", "fields_total", "follow_ups_overdue"]].tolist() == [0, 1, 0]
    assert bo["last_activity"] == pd.Timestamp("2026-03-16")
    none = s.set_index("owner").loc["(none)"]
    assert none[["asked", "decided"]].tolist() == [1, 0]
    assert np.isnan(none["response_rate"])
    assert np.isnan(none["ci_low"])


def test_intervals_match_scipy(cohort):
    s = cohort_summary(cohort, as_of=AS_OF)
    for _, row in s[s["decided"] > 0].iterrows():
        ci = binomtest(int(row["responded"]), int(row["decided"])).proportion_ci(
            0.95, method="wilson"
        )
        assert row["ci_low"] == pytest.approx(ci.low, abs=1e-12)
        assert row["ci_high"] == pytest.approx(ci.high, abs=1e-12)


def test_minimum_changes_fields_at_minimum(cohort):
    s = cohort_summary(cohort, as_of=AS_OF, minimum=3)
    assert s.set_index("owner").loc["amy", "fields_at_minimum"] == 0


def test_log_without_owner_is_one_student(cohort):
    s = cohort_summary(cohort.drop(columns="owner"), as_of=AS_OF)
    assert s["owner"].tolist() == ["(none)"]
    assert s.loc[0, "asked"] == 7


def test_no_activity_gives_nat():
    log = pd.DataFrame({"owner": ["amy"], "contact": ["A"], "status": ["prospect"]})
    s = cohort_summary(log, as_of=AS_OF)
    assert pd.isna(s.loc[0, "last_activity"])
    assert s.loc[0, ["asked", "fields_total", "follow_ups_overdue"]].tolist() == [0, 0, 0]


def test_input_not_modified(cohort):
    before = cohort.copy(deep=True)
    cohort_summary(cohort, as_of=AS_OF)
    pd.testing.assert_frame_equal(cohort, before)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"minimum": 0}, r"`minimum` must be a whole number >= 1, but 0 was passed"),
        ({"minimum": 2.5}, r"`minimum` must be a whole number >= 1, but 2.5 was passed"),
        ({"as_of": "someday"}, r"`as_of` must be a date"),
    ],
)
def test_bad_arguments(cohort, kwargs, match):
    with pytest.raises(InvalidArgumentError, match=match):
        cohort_summary(cohort, **kwargs)


def test_overdue_count_agrees_with_the_to_do_list():
    # cohort_summary counts overdue steps without building the to-do texts; the counts must
    # be exactly those of follow_ups_due's overdue rows, per owner.
    import warnings
    from pathlib import Path

    import infoview_analytics as iv

    folder = Path(__file__).resolve().parents[2] / "data" / "cohort"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", iv.LogProblemsWarning)
        log = iv.load_logs(folder)
    for as_of in ("2026-03-20", "2026-04-17", "2026-05-29"):
        summary = iv.cohort_summary(log, as_of=as_of).set_index("owner")
        todo = iv.follow_ups_due(log, as_of=as_of)
        expected = todo[todo["overdue"]].groupby("owner").size()
        got = summary["follow_ups_overdue"]
        assert got.sum() == len(todo[todo["overdue"]])
        assert (got[got > 0] == expected.reindex(got[got > 0].index)).all()
        assert expected.sum() > 0


def test_an_owner_typed_two_ways_is_one_student():
    import unicodedata

    nfc = "José Álvarez"
    log = pd.DataFrame(
        {
            "owner": [nfc, unicodedata.normalize("NFD", nfc), " josé  álvarez", "Bo"],
            "contact": ["Ana", "Ben", "Cy", "Dee"],
            "requested_on": pd.to_datetime(["2026-03-02"] * 4),
            "status": ["replied", "declined", "awaiting", "replied"],
        }
    )
    s = cohort_summary(log, as_of="2026-03-20")
    assert s["owner"].tolist() == ["Bo", nfc]
    assert s["asked"].tolist() == [1, 3]


# -- the minimum group size: no shared figure describes fewer than k students ------------


def test_min_group_size_hides_every_per_student_row(cohort):
    full = cohort_summary(cohort, as_of=AS_OF)
    assert full.attrs["hidden"] == []
    shared = cohort_summary(cohort, as_of=AS_OF, min_group_size=2)
    assert shared.empty
    assert list(shared.columns) == COHORT_COLUMNS
    assert shared.attrs["hidden"] == [
        "3 students: each row describes one student, fewer than the minimum group size of 2."
    ]


def _students_log() -> pd.DataFrame:
    # Students s0..s5 each ask two people by email; s5 alone also uses the phone, s0 and
    # s1 alone use LinkedIn; "Law" is s5's field only, "data" everyone's.
    rows = []
    for i in range(6):
        rows += [(f"s{i}", f"P{i}a", "email", "data"), (f"s{i}", f"P{i}b", "email", "data")]
    rows += [("s5", "Q1", "phone", "Law"), ("S5 ", "Q2", "phone", " law")]  # one student
    rows += [("s0", "R1", "linkedin", "data"), ("s1", "R2", "linkedin", "data")]
    log = pd.DataFrame(rows, columns=["owner", "contact", "channel", "field"])
    return log.assign(status="replied", requested_on=pd.Timestamp("2026-03-02"))


@pytest.mark.parametrize(
    ("k", "channels", "hidden"),
    [
        (1, ["email", "linkedin", "phone"], []),
        (2, ["email", "linkedin"], ["1 group by channel: fewer than 2 students."]),
        (3, ["email"], ["2 groups by channel: fewer than 3 students."]),
        (6, ["email"], ["2 groups by channel: fewer than 6 students."]),
        (7, [], ["3 groups by channel: fewer than 7 students."]),
    ],
)
def test_hide_small_groups_counts_students_not_rows(k, channels, hidden):
    log = _students_log()
    rates = iv.response_rates(log, by="channel", as_of=AS_OF)
    shown = hide_small_groups(rates, log, by="channel", min_group_size=k, as_of=AS_OF)
    # The channels used; the documented channels nobody used describe nobody and stay.
    assert [c for c in shown["channel"] if shown.set_index("channel").loc[c, "asked"]] == channels
    assert shown["asked"].eq(0).sum() == rates["asked"].eq(0).sum()
    expected = log.groupby("channel")["owner"].agg(lambda s: s.str.strip().str.lower().nunique())
    assert all(expected.get(c, 0) >= k for c in shown["channel"])
    assert shown.attrs["hidden"] == hidden
    assert len(rates) - len(shown) == (int(hidden[0].split()[0]) if hidden else 0)
    pd.testing.assert_frame_equal(
        shown.reset_index(drop=True),
        rates[rates["channel"].isin(shown["channel"])].reset_index(drop=True),
    )


def test_hide_small_groups_by_field_and_warmth():
    log = _students_log()
    cov = iv.coverage(log, as_of=AS_OF)
    shown = hide_small_groups(cov, log, by="field", min_group_size=5, as_of=AS_OF)
    assert shown["field"].tolist() == ["data"]  # "Law"/" law" is one student's
    warm = iv.response_rates(log, by="warmth", as_of=AS_OF)
    kept = hide_small_groups(warm, log, by="warmth", min_group_size=5, as_of=AS_OF)
    assert kept["warmth"].astype(str).tolist() == ["cold"]  # nobody was referred


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"min_group_size": 0}, "`min_group_size` must be a whole number >= 1"),
        ({"by": "chanel"}, "`by` must be a column name"),
    ],
)
def test_hide_small_groups_bad_arguments(kwargs, match):
    log = _students_log()
    rates = iv.response_rates(log, by="channel", as_of=AS_OF)
    with pytest.raises(InvalidArgumentError, match=match):
        hide_small_groups(rates, log, **{"by": "channel", **kwargs})
