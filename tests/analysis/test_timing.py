"""Kaplan–Meier time to response, against a hand-worked example and scipy."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from infoview_analytics import InvalidArgumentError
from infoview_analytics.analysis.timing import response_time_summary, time_to_response

CURVE_COLUMNS = ["time", "at_risk", "answered", "share_answered", "ci_low", "ci_high"]
SUMMARY_COLUMNS = [
    "asked",
    "answered",
    "censored",
    "median_time",
    "share_within_3",
    "share_within_7",
]
KM_AS_OF = "2026-03-13"  # a Friday, 9 business days after Monday 03-02


@pytest.fixture
def km_log() -> pd.DataFrame:
    """Eight requests; business days from the request to the answer or censoring.

    A: Mon 03-02 -> same day: answered at 0.
    B, C: Mon 03-02 -> Wed 03-04: answered at 2.
    D: Mon 03-09, no answer by Fri 03-13: censored at 4 (pending).
    E: Mon 03-02 -> Mon 03-09: answered at 5 (the weekend does not count; 7 days).
    F: Mon 03-02, gave up, last contact Fri 03-06: censored at 4.
    G: Mon 03-02 -> Fri 03-13: answered at 9.
    H: Mon 03-02, no answer by Fri 03-13: censored at 9.
    """
    d = pd.to_datetime
    return pd.DataFrame(
        {
            "contact": list("ABCDEFGH"),
            "source": ["referral"] * 4 + ["cold"] * 4,
            "requested_on": d(["2026-03-02"] * 3 + ["2026-03-09"] + ["2026-03-02"] * 4),
            "responded_on": d(
                [
                    "2026-03-02",
                    "2026-03-04",
                    "2026-03-04",
                    None,
                    "2026-03-09",
                    None,
                    "2026-03-13",
                    None,
                ]
            ),
            "status": ["replied"] * 3
            + ["awaiting", "declined", "no_response"]
            + ["replied", "awaiting"],
            "last_contact_on": d([None] * 5 + ["2026-03-06", None, None]),
        }
    )


def test_kaplan_meier_hand_worked(km_log):
    # Product-limit arithmetic, S = share still unanswered, F = 1 - S:
    #   t=0: at risk 8, answered 1: S = 7/8             F = 0.125
    #   t=2: at risk 7, answered 2: S = 7/8 * 5/7 = 5/8  F = 0.375
    #   (D and F censored at 4 leave E, G, H)
    #   t=5: at risk 3, answered 1: S = 5/8 * 2/3 = 5/12 F = 7/12
    #   t=9: at risk 2 (H censored at 9 still counts), answered 1: S = 5/24, F = 19/24
    out = time_to_response(km_log, as_of=KM_AS_OF)
    before = km_log.copy()
    assert list(out.columns) == CURVE_COLUMNS
    assert out["time"].tolist() == [0, 2, 5, 9]
    assert out["at_risk"].tolist() == [8, 7, 3, 2]
    assert out["answered"].tolist() == [1, 2, 1, 1]
    assert out["share_answered"].tolist() == pytest.approx([1 / 8, 3 / 8, 7 / 12, 19 / 24])
    # Greenwood at t=0: var S = S^2 * d / (n (n - d)) = (7/8)^2 / 56; se = 0.116927.
    se = np.sqrt((7 / 8) ** 2 / 56)
    z = stats.norm.ppf(0.975)
    assert out.loc[0, "ci_low"] == 0.0  # 0.125 - 1.96 * se < 0, clipped
    assert out.loc[0, "ci_high"] == pytest.approx(0.125 + z * se)
    pd.testing.assert_frame_equal(km_log, before)


def test_kaplan_meier_matches_scipy_with_calendar_days(km_log):
    out = time_to_response(km_log, as_of=KM_AS_OF, unit="days", confidence=0.9)
    # Calendar days: answered at 0, 2, 2, 7, 11; censored at 4 (D), 4 (F), 11 (H).
    res = stats.ecdf(stats.CensoredData(uncensored=[0, 2, 2, 7, 11], right=[4, 4, 11]))
    band = res.cdf.confidence_interval(confidence_level=0.9)
    events = np.isin(res.cdf.quantiles, [0, 2, 7, 11])
    assert out["time"].tolist() == [0, 2, 7, 11]
    assert out["share_answered"].to_numpy() == pytest.approx(res.cdf.probabilities[events])
    assert out["ci_low"].to_numpy() == pytest.approx(
        np.clip(band.low.probabilities[events], 0, 1), nan_ok=True
    )
    assert out["ci_high"].to_numpy() == pytest.approx(
        np.clip(band.high.probabilities[events], 0, 1), nan_ok=True
    )


def test_summary_hand_worked(km_log):
    extra = pd.DataFrame(
        {
            "contact": ["I"],
            "requested_on": pd.to_datetime(["2026-03-02"]),
            "status": ["replied"],  # answered, but when? left out of the estimate
        }
    )
    log = pd.concat([km_log, extra], ignore_index=True)
    out = response_time_summary(log, as_of=KM_AS_OF)
    assert list(out.columns) == SUMMARY_COLUMNS
    row = out.iloc[0]
    assert (row["asked"], row["answered"], row["censored"]) == (9, 5, 3)
    assert row["median_time"] == 5  # F first reaches 0.5 at t=5 (7/12)
    assert row["share_within_3"] == pytest.approx(3 / 8)
    assert row["share_within_7"] == pytest.approx(7 / 12)


def test_interview_date_stands_in_for_a_missing_response_date():
    log = pd.DataFrame(
        {
            "contact": ["Ana", "Hana"],
            "requested_on": pd.to_datetime(["2026-03-02", "2026-03-09"]),
            "interview_on": pd.to_datetime(["2026-03-05", "2026-03-24"]),
            "status": ["interviewed", "scheduled"],
        }
    )
    out = response_time_summary(log, as_of="2026-03-20").iloc[0]
    # Ana: answered by Thu 03-05 (3 business days). Hana's meeting is after as_of: left out.
    assert (out["asked"], out["answered"], out["censored"]) == (2, 1, 0)
    assert out["median_time"] == 3


def test_summary_by_warmth_and_unknown_beyond_follow_up(km_log):
    out = response_time_summary(km_log, by="warmth", as_of=KM_AS_OF)
    assert out["warmth"].tolist() == ["cold", "warm"]
    cold, warm = out.iloc[0], out.iloc[1]
    # warm: A 0, B 2, C 2 answered, D censored at 4: F = 3/4 from t=2 on; nobody followed to 7.
    assert warm["share_within_3"] == pytest.approx(0.75)
    assert np.isnan(warm["share_within_7"])
    assert warm["median_time"] == 2
    # cold: E 5, G 9 answered, F censored 4, H censored 9. t=5: 3 at risk -> 1/3; t=9: 2 -> 2/3.
    assert cold["share_within_3"] == 0.0
    assert cold["share_within_7"] == pytest.approx(1 / 3)
    assert cold["median_time"] == 9


def test_by_owner_and_two_columns(km_log):
    cohort = pd.concat(
        [km_log.assign(owner="b"), km_log.assign(owner="a").iloc[:3]], ignore_index=True
    )
    out = time_to_response(cohort, by="owner", as_of=KM_AS_OF)
    assert out.groupby("owner", sort=False).size().to_dict() == {"a": 2, "b": 4}
    # Owner a: A at 0, B and C at 2: everyone answered, 100% at t=2 (band undefined there).
    a = out[out["owner"] == "a"]
    assert a["share_answered"].tolist() == pytest.approx([1 / 3, 1.0])
    summary = response_time_summary(cohort, by=["owner", "source"], as_of=KM_AS_OF)
    assert list(summary.columns[:2]) == ["owner", "source"]
    assert summary[["owner", "source"]].to_numpy().tolist() == [
        ["a", "referral"],
        ["b", "referral"],
        ["b", "cold"],
    ]
    assert summary["share_within_7"].iloc[0] == 1.0  # all answered: known beyond t=2


def test_counts_and_estimate_against_scipy_on_random_log(rng):
    n = 400
    start = pd.Timestamp("2026-01-05") + pd.to_timedelta(rng.integers(0, 60, n), unit="D")
    wait = rng.integers(0, 25, n)
    answered = rng.random(n) < 0.6
    log = pd.DataFrame(
        {
            "contact": [f"p{i}" for i in range(n)],
            "owner": rng.choice(["x", "y", "z"], n),
            "requested_on": start,
            "responded_on": (start + pd.to_timedelta(wait, unit="D")).where(answered),
            "status": np.where(answered, "replied", "awaiting"),
        }
    )
    as_of = pd.Timestamp("2026-04-30")
    log.loc[log["responded_on"] > as_of, "responded_on"] = as_of
    out = time_to_response(log, by="owner", as_of=as_of)
    req = log["requested_on"].to_numpy().astype("datetime64[D]")
    end = log["responded_on"].fillna(as_of).to_numpy().astype("datetime64[D]")
    times = np.busday_count(req, end)
    for owner, curve in out.groupby("owner"):
        mine = (log["owner"] == owner).to_numpy()
        t, e = times[mine], answered[mine]
        assert curve["at_risk"].tolist() == [int((t >= x).sum()) for x in curve["time"]]
        assert curve["answered"].tolist() == [int(((t == x) & e).sum()) for x in curve["time"]]
        product = 1 - np.cumprod(1 - curve["answered"] / curve["at_risk"])
        assert curve["share_answered"].to_numpy() == pytest.approx(product.to_numpy())
        res = stats.ecdf(stats.CensoredData(uncensored=t[e], right=t[~e]))
        at = np.searchsorted(res.cdf.quantiles, curve["time"].to_numpy())
        assert curve["share_answered"].to_numpy() == pytest.approx(res.cdf.probabilities[at])
        assert ((curve["ci_low"] >= 0) & (curve["ci_high"] <= 1)).all()


KM_BASE = pd.Timestamp("2026-06-30")


def _censored_log(group: np.ndarray, time: np.ndarray, answered: np.ndarray) -> pd.DataFrame:
    """A log whose calendar-day times to answer (or censoring at KM_BASE) are ``time``."""
    asked_on = np.where(answered, KM_BASE - pd.Timedelta(days=60), KM_BASE)
    asked_on = pd.to_datetime(asked_on) - pd.to_timedelta(np.where(answered, 0, time), unit="D")
    return pd.DataFrame(
        {
            "contact": [f"p{i}" for i in range(len(time))],
            "owner": [f"s{g:03d}" for g in group],
            "requested_on": asked_on,
            "responded_on": (asked_on + pd.to_timedelta(time, unit="D")).where(answered),
            "status": np.where(answered, "replied", "awaiting"),
        }
    )


def _assert_matches_scipy(curve: pd.DataFrame, time: np.ndarray, answered: np.ndarray) -> None:
    """One group's curve against scipy's ecdf and its default (linear) Greenwood band."""
    res = stats.ecdf(stats.CensoredData(uncensored=time[answered], right=time[~answered]))
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # band undefined at 100%: NaN
        band = res.cdf.confidence_interval(confidence_level=0.9)
    events = np.isin(res.cdf.quantiles, time[answered])
    assert curve["time"].tolist() == res.cdf.quantiles[events].tolist()
    for column, expected in [
        ("share_answered", res.cdf.probabilities[events]),
        ("ci_low", band.low.probabilities[events]),
        ("ci_high", band.high.probabilities[events]),
    ]:
        np.testing.assert_allclose(curve[column].to_numpy(), expected, rtol=0, atol=1e-12)


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 69), st.integers(0, 30), st.booleans()),
        min_size=0,
        max_size=150,
    )
)
def test_many_groups_match_scipy_per_group(rows):
    # At least 60 groups, all estimated at once: each must equal scipy on its own rows.
    rows = [(g, (3 * g) % 31, True) for g in range(60)] + rows
    group, time, answered = (np.array(x) for x in zip(*rows, strict=True))
    assert len(set(group.tolist())) >= 60
    log = _censored_log(group, time, answered)
    out = time_to_response(log, by="owner", as_of=KM_BASE, unit="days", confidence=0.9)
    assert out["owner"].tolist() == sorted(out["owner"])  # groups sorted, times in order
    for owner, curve in out.groupby("owner", sort=False):
        mine = (log["owner"] == owner).to_numpy()
        _assert_matches_scipy(curve, time[mine], answered[mine])
    assert out.groupby("owner").ngroups == len(set(group[answered].tolist()))


def test_a_group_estimated_with_others_equals_it_alone(rng):
    # 120 groups estimated together; each group's curve equals the curve of its rows alone.
    n = 3000
    group = rng.integers(0, 120, n)
    time = rng.integers(0, 40, n)
    answered = rng.random(n) < 0.5
    log = _censored_log(group, time, answered)
    many = time_to_response(log, by="owner", as_of=KM_BASE, unit="days")
    assert many["owner"].nunique() > 100
    for owner, curve in many.groupby("owner", sort=False):
        alone = time_to_response(log[log["owner"] == owner], as_of=KM_BASE, unit="days")
        pd.testing.assert_frame_equal(
            curve.drop(columns="owner").reset_index(drop=True),
            alone,
            check_exact=False,
            rtol=0,
            atol=1e-12,
        )
    assert (many["ci_low"].isna() == many["share_answered"].ge(1 - 1e-12)).all()


def test_holidays_shift_business_days():
    log = pd.DataFrame(
        {
            "contact": ["Ana"],
            "requested_on": pd.to_datetime(["2026-12-24"]),  # Thursday
            "responded_on": pd.to_datetime(["2026-12-28"]),  # Monday
            "status": ["replied"],
        }
    )
    assert time_to_response(log, as_of="2027-01-10")["time"].tolist() == [2]
    out = time_to_response(log, as_of="2027-01-10", holidays=["2026-12-25"])
    assert out["time"].tolist() == [1]


def test_empty_and_all_censored():
    empty = pd.DataFrame({"contact": pd.Series([], dtype=object)})
    assert list(time_to_response(empty, as_of=KM_AS_OF).columns) == CURVE_COLUMNS
    assert time_to_response(empty, by="channel", as_of=KM_AS_OF).empty
    summary = response_time_summary(empty, as_of=KM_AS_OF)
    assert list(summary.columns) == SUMMARY_COLUMNS
    assert summary["asked"].tolist() == [0]
    silent = pd.DataFrame(
        {
            "contact": ["Dev"],
            "requested_on": pd.to_datetime(["2026-03-02"]),
            "status": ["awaiting"],
        }
    )
    assert time_to_response(silent, as_of=KM_AS_OF).empty
    row = response_time_summary(silent, as_of=KM_AS_OF).iloc[0]
    assert (row["answered"], row["censored"], row["share_within_7"]) == (0, 1, 0.0)
    assert np.isnan(row["median_time"])


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda log: time_to_response(log, unit="hours"), "`unit` must be one of"),
        (lambda log: time_to_response(log, confidence=1.5), "`confidence` must be"),
        (lambda log: time_to_response(log, by="warmthh"), "'warmthh' was passed"),
        (lambda log: response_time_summary(log, as_of="never"), "`as_of` must be a date"),
        (lambda log: response_time_summary(log, holidays=[object()]), "`holidays` must be"),
    ],
)
def test_bad_arguments(km_log, call, match):
    with pytest.raises(InvalidArgumentError, match=match):
        call(km_log)
