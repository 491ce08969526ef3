"""Shared analysis helpers: as_of, by=, business days, request outcomes, Wilson intervals."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy.stats import binomtest

import infoview_analytics as iv
from infoview_analytics.analysis.grouping import check_by
from infoview_analytics.analysis.outcomes import outcomes
from infoview_analytics.analysis.stats import wilson
from infoview_analytics.core.args import as_of_timestamp, check_confidence
from infoview_analytics.core.calendar import add_business_days, business_calendar, business_days
from infoview_analytics.core.frame import canonical
from infoview_analytics.core.schema import COLUMNS
from infoview_analytics.errors import InvalidArgumentError

TINY_AS_OF = pd.Timestamp("2026-03-20")  # as in conftest.tiny_log


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-04-17", "2026-04-17"),
        (dt.date(2026, 4, 17), "2026-04-17"),
        (dt.datetime(2026, 4, 17, 15, 30), "2026-04-17"),
        (pd.Timestamp("2026-04-17 23:59", tz="UTC"), "2026-04-17"),
    ],
)
def test_as_of_accepts_dates(value, expected):
    assert as_of_timestamp(value) == pd.Timestamp(expected)


def test_as_of_default_is_today():
    assert as_of_timestamp(None) == pd.Timestamp(dt.date.today())


@pytest.mark.parametrize("bad", ["yesterday-ish", "2026-13-45", [1, 2], 12.5, 20260417])
def test_as_of_rejects_non_dates(bad):
    with pytest.raises(InvalidArgumentError, match=r"`as_of` must be a date"):
        as_of_timestamp(bad)


def test_check_by_names_allowed_values(tiny_log):
    assert check_by(tiny_log, None) == []
    assert check_by(tiny_log, "channel") == ["channel"]
    assert check_by(tiny_log, ["field", "warmth"]) == ["field", "warmth"]
    with pytest.raises(InvalidArgumentError, match=r"`by`.*'channel'.*but 'chanel' was passed"):
        check_by(tiny_log, "chanel")


@pytest.mark.parametrize("bad", [0, 1.0, 1, -0.5, True, "0.95"])
def test_check_confidence(bad):
    with pytest.raises(InvalidArgumentError, match="`confidence`"):
        check_confidence(bad)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2026-03-02", "2026-03-04", 2),  # Mon -> Wed
        ("2026-03-06", "2026-03-09", 1),  # Fri -> Mon: the weekend does not count
        ("2026-03-07", "2026-03-09", 0),  # Sat -> Mon
        ("2026-03-02", "2026-03-02", 0),  # same day
        ("2026-03-02", "2026-03-16", 10),  # two weeks
        ("2026-03-04", "2026-03-02", -2),  # end before start
    ],
)
def test_business_days_skip_weekends(start, end, expected):
    got = business_days(np.array([start], dtype="datetime64[ns]"), end, business_calendar())
    assert got[0] == expected


def test_business_days_holidays_and_missing():
    start = pd.Series([pd.Timestamp("2026-12-24"), pd.NaT])
    got = business_days(start, pd.Timestamp("2026-12-28"), business_calendar(["2026-12-25"]))
    # Thu 24 (counted), Fri 25 holiday, weekend: 1 business day.
    assert got[0] == 1
    assert np.isnan(got[1])
    with pytest.raises(InvalidArgumentError, match="`holidays`"):
        business_calendar(["not a date"])
    with pytest.raises(InvalidArgumentError, match="`holidays`"):
        business_calendar(["2026-12-25", None])


def test_adding_business_days_skips_weekends_and_holidays():
    start = np.array(["2026-12-23", "2026-12-26", "NaT"], dtype="datetime64[ns]")
    got = add_business_days(start, 3, business_calendar(["2026-12-25"]))
    # Wed 23 + 3: Thu 24, (Fri 25 holiday), Mon 28, Tue 29; Sat 26 rolls to Mon 28, + 3: Thu 31.
    assert got.astype("datetime64[D]").astype(str).tolist() == ["2026-12-29", "2026-12-31", "NaT"]


def test_canonical_adds_missing_columns_without_touching_input():
    log = pd.DataFrame({"contact": ["Ana"], "requested_on": ["2026-03-02 14:00"]})
    before = log.copy()
    out = canonical(log)
    assert list(out.columns[: len(COLUMNS)]) == list(COLUMNS)
    assert out.loc[0, "requested_on"] == pd.Timestamp("2026-03-02")
    pd.testing.assert_frame_equal(log, before)
    with pytest.raises(InvalidArgumentError, match="pandas DataFrame"):
        canonical([1, 2])


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


@pytest.mark.parametrize(
    ("k", "n", "low", "high"),
    [
        (0, 20, 0.0, 0.1611),
        (81, 263, 0.2553, 0.3662),
        (20, 20, 0.8389, 1.0),
        (1, 2, 0.0945, 0.9055),
    ],
)
def test_wilson_published_values(k, n, low, high):
    lo, hi = wilson([k], [n])
    assert lo[0] == pytest.approx(low, abs=5e-5)
    assert hi[0] == pytest.approx(high, abs=5e-5)


def test_wilson_undefined_without_data():
    lo, hi = wilson([0], [0])
    assert np.isnan(lo[0])
    assert np.isnan(hi[0])


@given(
    st.integers(min_value=1, max_value=500).flatmap(
        lambda n: st.tuples(st.integers(min_value=0, max_value=n), st.just(n))
    ),
    st.sampled_from([0.8, 0.9, 0.95, 0.99]),
)
def test_wilson_matches_scipy_and_brackets_rate(kn, confidence):
    k, n = kn
    lo, hi = wilson([k], [n], confidence)
    ref = binomtest(k, n).proportion_ci(confidence_level=confidence, method="wilson")
    assert lo[0] == pytest.approx(ref.low, abs=1e-9)
    assert hi[0] == pytest.approx(ref.high, abs=1e-9)
    assert 0 <= lo[0] <= k / n <= hi[0] <= 1


def test_warmth(tiny_log):
    got = iv.prepare(tiny_log).warmth
    assert list(got) == ["warm", "warm", "warm", "cold", "cold", "cold", "cold", "warm"]
