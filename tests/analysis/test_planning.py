"""plan(): hand-worked chances and asks, the edges, monotonic properties, dates."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import infoview_analytics as iv
from infoview_analytics import InvalidArgumentError, plan, prepare
from infoview_analytics.analysis.tables import TABLES

AS_OF = "2026-03-20"  # a Friday


def _log(rows: list[tuple]) -> pd.DataFrame:
    """contact, field, source, requested_on, responded_on, interview_on, status."""
    frame = pd.DataFrame(
        rows,
        columns=[
            "contact",
            "field",
            "source",
            "requested_on",
            "responded_on",
            "interview_on",
            "status",
        ],
    )
    for col in ["requested_on", "responded_on", "interview_on"]:
        frame[col] = pd.to_datetime(frame[col])
    return frame


#: Two fields, all cold: data 2 of 3 decided and one open request; design 0 of 1.
SMALL = _log(
    [
        ("Ana", "data", "cold_email", "2026-03-02", None, None, "interviewed"),
        ("Ben", "data", "cold_email", "2026-03-03", None, None, "interviewed"),
        ("Chloe", "data", "cold_email", "2026-03-04", None, None, "declined"),
        ("Dev", "data", "cold_email", "2026-03-18", None, None, "awaiting"),
        ("Eve", "design", "cold_email", "2026-03-05", None, None, "no_response"),
    ]
)


def test_columns_declared_and_attrs():
    res = plan(SMALL, as_of=AS_OF)
    assert list(res.columns) == ["field", *TABLES["plan"].columns]
    assert res.attrs["prior_strength"] == 3.0
    assert res.attrs["probability"] == 0.8
    assert res.attrs["gaps"] == []


def test_chances_by_hand():
    res = plan(SMALL, as_of=AS_OF).set_index("field")
    # data, from the other fields (Eve: 0 of 1): overall (0 + 1) / (1 + 2) = 1/3, cold
    # (0 + 3 * 1/3) / (1 + 3) = 1/4; then data's 2 of 3: (3 * 1/4 + 2) / (3 + 3).
    assert res.loc["data", "interview_chance"] == pytest.approx(2.75 / 6)
    # design, from data's 2 of 3: overall 3/5, cold (2 + 1.8) / 6; then 0 of 1.
    cold = 3.8 / 6
    assert res.loc["design", "interview_chance"] == pytest.approx(3 * cold / 4)
    assert res.loc["data", "decided"] == 3
    assert res.loc["data", "basis"] == "cold"
    # No answer dates: no curve, Dev's open request keeps the field's chance.
    assert res.loc["data", "expected_from_pending"] == pytest.approx(2.75 / 6)
    # One more needed: P = 1 - (3.25/6) * P(Y_1 = 0) = 1 - (3.25/6)^2 = 0.707 < 0.8;
    # with 2 asks: 1 - (3.25/6) * (3.25/6) * (4.25/7) = 0.822.
    assert res.loc["data", "asks_to_minimum"] == 2
    from scipy import stats

    a, b = 3 * cold, 3 * (1 - cold) + 1  # design: 3 needed from new asks alone
    n = res.loc["design", "asks_to_minimum"]
    assert stats.betabinom.sf(2, n, a, b) >= 0.8 > stats.betabinom.sf(2, n - 1, a, b)
    low, high = res.loc["design", ["chance_low", "chance_high"]]
    assert (low, high) == pytest.approx(tuple(stats.beta.ppf([0.025, 0.975], a, b)))


def test_never_zero_or_one_from_two_requests():
    log = _log(
        [
            ("A", "law", "cold_email", "2026-03-02", None, None, "interviewed"),
            ("B", "law", "cold_email", "2026-03-02", None, None, "interviewed"),
            ("C", "art", "cold_email", "2026-03-02", None, None, "declined"),
            ("D", "art", "cold_email", "2026-03-02", None, None, "declined"),
        ]
    )
    res = plan(log, as_of=AS_OF)
    assert ((res["interview_chance"] > 0.05) & (res["interview_chance"] < 0.95)).all()
    assert ((res["chance_low"] > 0) & (res["chance_high"] < 1)).all()
    assert res["asks_to_minimum"].notna().all()


def test_warm_and_cold_apart():
    log = _log(
        [
            ("A", "law", "referral", "2026-03-02", None, None, "interviewed"),
            ("B", "law", "referral", "2026-03-02", None, None, "interviewed"),
            ("C", "law", "cold_email", "2026-03-02", None, None, "declined"),
            ("D", "law", "cold_email", "2026-03-02", None, None, "no_response"),
            ("E", "law", "cold_email", "2026-03-02", None, None, "no_response"),
        ]
    )
    row = plan(log, as_of=AS_OF).iloc[0]
    # One field: no other record, so the prior is 1/2 for both; then 2 of 2 and 0 of 3.
    assert row["chance_warm"] == pytest.approx((1.5 + 2) / (3 + 2))
    assert row["chance_cold"] == pytest.approx((1.5 + 0) / (3 + 3))
    assert row["basis"] == "cold"  # most of the field's requests were cold
    assert row["interview_chance"] == row["chance_cold"]
    assert "a warm introduction" in row["note"]


def test_no_requests_yet():
    log = pd.DataFrame(
        {"contact": ["A", "B"], "field": ["law", "law"], "status": ["prospect"] * 2}
    )
    res = plan(log, as_of=AS_OF)
    row = res.iloc[0]
    assert row["decided"] == 0
    assert row["open_requests"] == 0
    assert row["interview_chance"] == pytest.approx(0.5)  # the Laplace prior, nothing else
    assert row["asks_to_minimum"] > 0
    assert pd.isna(row["minimum_by"])
    assert "not enough data" in row["note"]
    assert any("requests" in g for g in res.attrs["gaps"])


def test_field_already_at_target():
    log = _log(
        [(c, "law", "cold_email", "2026-03-02", None, None, "interviewed") for c in "ABCDE"]
    )
    row = plan(log, as_of=AS_OF).iloc[0]
    assert (row["asks_to_minimum"], row["asks_to_target"]) == (0, 0)
    assert pd.isna(row["minimum_by"])
    assert pd.isna(row["target_by"])
    assert row["note"] == "Target of 5 reached: 5 interviews."


def test_zero_of_n():
    log = _log([(c, "law", "cold_email", "2026-03-02", None, None, "declined") for c in "ABCD"])
    row = plan(log, as_of=AS_OF).iloc[0]
    # No other field: the prior 1/2 with 3 pseudo-requests, then 0 of 4: 1.5 / 7.
    assert row["interview_chance"] == pytest.approx(1.5 / 7)
    assert 0 < row["asks_to_minimum"] <= row["asks_to_target"]


@pytest.mark.parametrize(("low", "high"), [(0.5, 0.8), (0.8, 0.95), (0.6, 0.61)])
def test_higher_probability_never_asks_fewer(low, high):
    log = iv.example_log()
    a = plan(log, as_of=iv.SAMPLE_AS_OF, probability=low)
    b = plan(log, as_of=iv.SAMPLE_AS_OF, probability=high)
    for col in ["asks_to_minimum", "asks_to_target"]:
        assert (b[col].to_numpy() >= a[col].to_numpy()).all()


def test_more_pending_never_asks_more():
    fresh = _log([("New", "data", "cold_email", AS_OF, None, None, "awaiting")])
    before = plan(SMALL, as_of=AS_OF)
    after = plan(pd.concat([SMALL, fresh], ignore_index=True), as_of=AS_OF)
    assert (after["asks_to_target"].to_numpy() <= before["asks_to_target"].to_numpy()).all()
    assert after.loc[0, "open_requests"] == before.loc[0, "open_requests"] + 1


def _timed_log() -> pd.DataFrame:
    """Cold requests answered after 1, 2, 2 and 4 business days, met 3, 3, 5 days later."""
    rows = [
        ("A", "law", "cold_email", "2026-02-02", "2026-02-03", "2026-02-06", "interviewed"),
        ("B", "law", "cold_email", "2026-02-02", "2026-02-04", "2026-02-09", "interviewed"),
        ("C", "law", "cold_email", "2026-02-09", "2026-02-11", "2026-02-18", "interviewed"),
        ("D", "art", "cold_email", "2026-02-09", "2026-02-13", None, "declined"),
        # Open requests: one sent yesterday, one waiting 10 business days.
        ("E", "art", "cold_email", "2026-03-19", None, None, "awaiting"),
        ("F", "law", "cold_email", "2026-03-06", None, None, "awaiting"),
    ]
    return _log(rows)


def test_old_requests_have_less_chance_left():
    res = plan(_timed_log(), as_of=AS_OF).set_index("field")
    # F waited 10 business days, past every answer (at most 4): nothing left.
    assert res.loc["law", "expected_from_pending"] == pytest.approx(0.0)
    # Answers at 1, 2, 2, 4 business days; E censored at 1, F at 10. Kaplan-Meier:
    # S(1) = 5/6, S(2) = 5/6 * 2/4, S(4) = S(2) * 1/2 -> F(1) = 1/6, F_end = 19/24.
    # E keeps p * (F_end - F(1)) / ((1 - F(1)) * F_end) of its chance.
    art = res.loc["art"]
    left = (19 / 24 - 1 / 6) / ((5 / 6) * (19 / 24))
    assert art["expected_from_pending"] == pytest.approx(art["interview_chance"] * left)


def test_expected_date_by_hand():
    res = plan(_timed_log(), as_of=AS_OF).set_index("field")
    # Time to an answer among answers: 1, 2, 2, 4 -> the curve reaches half its final
    # share at 2 business days. Answer to meeting: 3, 3, 5 business days -> 3.
    # Friday 2026-03-20 + 5 business days = Friday 2026-03-27 (law has its minimum).
    assert pd.isna(res.loc["law", "minimum_by"])
    assert res.loc["law", "target_by"] == pd.Timestamp("2026-03-27")
    assert "expected by 2026-03-27" in res.loc["law", "note"]


def test_scheduled_meeting_dates_the_goal():
    log = _log(
        [
            ("A", "law", "cold_email", "2026-03-02", None, "2026-03-10", "interviewed"),
            ("B", "law", "cold_email", "2026-03-02", None, "2026-03-11", "interviewed"),
            ("C", "law", "cold_email", "2026-03-02", None, "2026-03-25", "scheduled"),
        ]
    )
    row = plan(log, as_of=AS_OF).iloc[0]
    assert row["minimum_by"] == pd.Timestamp("2026-03-25")
    assert row["asks_to_minimum"] == 0
    assert "once the 1 scheduled meeting(s) are held" in row["note"]


def test_cohort_prior_per_owner():
    a = SMALL.assign(owner="Amy")
    b = _log([(c, "data", "cold_email", "2026-03-02", None, None, "declined") for c in "PQRS"])
    res = plan(
        pd.concat([a, b.assign(owner="Bo")], ignore_index=True), as_of=AS_OF, by=["owner", "field"]
    )
    alone = plan(SMALL, as_of=AS_OF)
    amy = res[res["owner"] == "Amy"].reset_index(drop=True)
    pd.testing.assert_series_equal(amy["asks_to_target"], alone["asks_to_target"])
    bo = res[res["owner"] == "Bo"].iloc[0]
    assert bo["interview_chance"] < amy.loc[0, "interview_chance"]


def test_prepared_equals_frame_and_input_unchanged():
    copy = SMALL.copy()
    a = plan(SMALL, as_of=AS_OF)
    b = plan(prepare(SMALL, as_of=AS_OF))
    pd.testing.assert_frame_equal(a, b)
    pd.testing.assert_frame_equal(SMALL, copy)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"probability": 1.0}, "`probability` must be a number between 0 and 1"),
        ({"probability": "high"}, "`probability`"),
        ({"minimum": 0}, "`minimum`"),
        ({"target": 2}, "`target`"),
        ({"by": None}, "`by` must name the field column"),
    ],
)
def test_bad_arguments(kwargs, match):
    with pytest.raises(InvalidArgumentError, match=match):
        plan(SMALL, as_of=AS_OF, **kwargs)


def test_sample_is_consistent_with_coverage():
    cov = iv.coverage(iv.example_log(), as_of=iv.SAMPLE_AS_OF)
    res = plan(iv.example_log(), as_of=iv.SAMPLE_AS_OF)
    assert res["field"].tolist() == cov["field"].tolist()
    assert res["interviewed"].tolist() == cov["interviewed"].tolist()
    reached = res["interviewed"] + res["scheduled"] >= 3
    assert (res.loc[reached, "asks_to_minimum"] == 0).all()
    assert np.all((res["interview_chance"] > 0) & (res["interview_chance"] < 1))


def test_more_than_the_search_reads_more_than_1000():
    rows = [
        (f"P{i}", "law", "cold_email", "2026-03-02", None, None, "declined") for i in range(900)
    ]
    row = plan(_log(rows), as_of=AS_OF).iloc[0]
    assert pd.isna(row["asks_to_minimum"])
    assert row["note"].startswith("Ask more than 1000 more people to reach the minimum of 3")
