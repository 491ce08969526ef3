"""Response rates, funnel, activity and warmth, against hand-computed values."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import binomtest

from infoview_analytics import InvalidArgumentError
from infoview_analytics.analysis.responses import activity, add_warmth, funnel, response_rates
from infoview_analytics.analysis.stats import wilson
from infoview_analytics.analysis.tables import TABLES

AS_OF = "2026-03-20"  # a Friday

RATE_COLUMNS = list(TABLES["response_rates"].columns)


def test_add_warmth_marks_referred_and_known_people_warm(tiny_log):
    before = tiny_log.copy()
    out = add_warmth(tiny_log)
    # Ana existing_contact, Ben/Chloe referred, Hana alumni: warm; the rest cold.
    assert out["warmth"].tolist() == [
        "warm",
        "warm",
        "warm",
        "cold",
        "cold",
        "cold",
        "cold",
        "warm",
    ]
    assert list(out.columns) == [*tiny_log.columns, "warmth"]
    pd.testing.assert_frame_equal(tiny_log, before)


def test_response_rates_on_tiny_log(tiny_log):
    out = response_rates(tiny_log, as_of=AS_OF)
    assert list(out.columns) == RATE_COLUMNS
    row = out.iloc[0]
    # asked: everyone but Gus; Chloe pending (3 business days); responded: Ana, Ben, Eve,
    # Hana; no_response: Dev (14 business days) and Finn (gave up).
    expected = {
        "asked": 7,
        "pending": 1,
        "decided": 6,
        "responded": 4,
        "agreed": 3,
        "interviewed": 2,
        "declined": 1,
        "no_response": 2,
    }
    assert {k: int(row[k]) for k in expected} == expected
    assert row["response_rate"] == pytest.approx(4 / 6)
    low, high = binomtest(4, 6).proportion_ci(0.95, method="wilson")
    assert (row["ci_low"], row["ci_high"]) == pytest.approx((low, high))
    assert row["interview_rate"] == pytest.approx(2 / 6)


def test_response_rates_by_warmth(tiny_log):
    out = response_rates(tiny_log, by="warmth", as_of=AS_OF)
    assert out["warmth"].tolist() == ["cold", "warm"]
    # cold: Dev, Eve, Finn asked, only Eve answered; warm: Ana, Ben, Hana answered, Chloe pending.
    assert out[["asked", "pending", "decided", "responded"]].to_numpy().tolist() == [
        [3, 0, 3, 1],
        [4, 1, 3, 3],
    ]


def test_response_rates_by_two_columns_sorted_in_category_order(tiny_log):
    out = response_rates(tiny_log, by=["field", "channel"], as_of=AS_OF)
    assert list(out.columns) == ["field", "channel", *RATE_COLUMNS]
    # Gus (data, no channel) is a '(none)' group after the channel categories.
    assert list(zip(out["field"], out["channel"], strict=True)) == [
        ("data", "email"),
        ("data", "linkedin"),
        ("data", "(none)"),
        ("design", "email"),
        ("design", "linkedin"),
        ("policy", "phone"),
    ]
    assert out["asked"].tolist() == [2, 1, 0, 1, 2, 1]
    assert out["responded"].tolist() == [2, 0, 0, 1, 0, 1]


def test_groups_missing_and_written_none_are_one_group_shown_last():
    log = pd.DataFrame(
        {
            "contact": ["Ana", "Ben", "Cy", "Dee", "Eve"],
            "owner": ["zed", None, "(none)", "Amy", "amy"],
            "requested_on": pd.to_datetime(["2026-03-02"] * 5),
            "status": ["replied", "replied", "awaiting", "declined", "replied"],
        }
    )
    out = response_rates(log, by="owner", as_of="2026-03-20")
    # 'Amy' and 'amy' are one owner by the name key, shown as first written; alphabetical,
    # the missing group (and the one written '(none)') last.
    assert out["owner"].tolist() == ["Amy", "zed", "(none)"]
    assert out["asked"].tolist() == [2, 1, 2]
    assert out["responded"].tolist() == [2, 1, 1]
    assert out["owner"].dtype == pd.Series(["x"]).dtype  # typed like a groupby result


def test_response_rates_by_owner_on_two_owner_log(tiny_log):
    other = tiny_log.assign(owner="zoe", status="awaiting", responded_on=pd.NaT)
    other["interview_on"] = pd.NaT
    cohort = pd.concat([tiny_log.assign(owner="Yann"), other], ignore_index=True)
    out = response_rates(cohort, by="owner", as_of=AS_OF)
    assert out["owner"].tolist() == ["Yann", "zoe"]
    assert out["responded"].tolist() == [4, 0]
    # zoe: all awaiting; Gus has no request date but a status past prospect: 8 asked.
    assert out.loc[1, "asked"] == 8
    assert out.loc[1, "pending"] == 1  # Chloe, asked 03-17


@pytest.mark.parametrize(
    ("as_of", "pending"),
    [
        ("2026-03-17", 1),  # Mon 03-09 -> Tue 03-17: 6 business days, still pending
        ("2026-03-18", 0),  # 7 business days: decided, a non-response
    ],
)
def test_pending_window_boundary(as_of, pending):
    log = pd.DataFrame(
        {
            "contact": ["Ana"],
            "requested_on": pd.to_datetime(["2026-03-09"]),
            "status": ["awaiting"],
        }
    )
    out = response_rates(log, as_of=as_of).iloc[0]
    assert (out["pending"], out["decided"], out["no_response"]) == (
        pending,
        1 - pending,
        1 - pending,
    )


def test_follow_up_restarts_the_window():
    log = pd.DataFrame(
        {
            "contact": ["Ana"],
            "requested_on": pd.to_datetime(["2026-03-02"]),
            "followed_up_on": pd.to_datetime(["2026-03-16"]),
            "status": ["awaiting"],
        }
    )
    # Mon 03-16 -> Fri 03-20: 4 business days since the follow-up: pending again.
    assert response_rates(log, as_of=AS_OF).loc[0, "pending"] == 1


@pytest.mark.parametrize(
    ("k", "n", "low", "high"),
    [(0, 20, 0.0, 0.161), (81, 263, 0.2553, 0.3662)],
)
def test_wilson_published_values(k, n, low, high):
    log = pd.DataFrame(
        {
            "contact": [f"p{i}" for i in range(n)],
            "requested_on": pd.Timestamp("2026-01-05"),
            "status": ["replied"] * k + ["no_response"] * (n - k),
        }
    )
    row = response_rates(log, as_of=AS_OF).iloc[0]
    assert (row["ci_low"], row["ci_high"]) == pytest.approx((low, high), abs=5e-4)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 400).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))))
def test_wilson_matches_scipy_and_brackets_rate(kn):
    k, n = kn
    low, high = wilson(k, n)
    ref = binomtest(k, n).proportion_ci(0.95, method="wilson")
    assert (float(low), float(high)) == pytest.approx((ref.low, ref.high), abs=1e-12)
    assert 0 <= low <= k / n <= high <= 1


def test_response_rates_empty_and_unasked():
    empty = pd.DataFrame({"contact": pd.Series([], dtype=object)})
    one = response_rates(empty, as_of=AS_OF)
    assert list(one.columns) == RATE_COLUMNS
    assert one["asked"].tolist() == [0]
    assert np.isnan(one.loc[0, "response_rate"])
    grouped = response_rates(empty, by="channel", as_of=AS_OF)
    assert list(grouped.columns) == ["channel", *RATE_COLUMNS]
    assert grouped.empty
    prospects = pd.DataFrame({"contact": ["Gus"], "status": ["prospect"]})
    assert response_rates(prospects, as_of=AS_OF).loc[0, "decided"] == 0


def test_funnel_by_warmth(tiny_log):
    out = funnel(tiny_log, by="warmth", as_of=AS_OF)
    assert list(out.columns) == ["warmth", "stage", "count", "conversion"]
    warm = out[out["warmth"] == "warm"]
    # Ana, Ben, Chloe, Hana; Hana agreed (scheduled); Ana and Ben interviewed and thanked;
    # both gave referrals (Ana: 2 and named by Ben; Ben: 1 and named by Chloe).
    assert warm["count"].tolist() == [4, 4, 3, 3, 2, 2, 2]
    assert warm["conversion"].iloc[1:].tolist() == pytest.approx([1, 0.75, 1, 2 / 3, 1, 1])
    assert np.isnan(warm["conversion"].iloc[0])
    cold = out[out["warmth"] == "cold"]
    assert cold["count"].tolist() == [4, 3, 1, 0, 0, 0, 0]
    assert np.isnan(cold["conversion"].iloc[4])  # from an empty stage


def test_funnel_counts_people_named_as_referrers():
    log = pd.DataFrame(
        {
            "contact": ["Ana Ruiz", "Ben"],
            "requested_on": pd.to_datetime(["2026-03-02", "2026-03-05"]),
            "status": ["interviewed", "awaiting"],
            "thanked_on": pd.to_datetime(["2026-03-10", None]),
            "referred_by": [None, "  ana   RUIZ "],
        }
    )
    out = funnel(log, as_of=AS_OF).set_index("stage")["count"]
    assert out["gave_referrals"] == 1


def test_funnel_matches_referrers_within_each_student():
    # Two students both met an "Ana Ruiz"; only student B's Ana referred anyone.
    log = pd.DataFrame(
        {
            "owner": ["A", "B", "B"],
            "contact": ["Ana Ruiz", "ana ruiz", "Ben"],
            "requested_on": pd.to_datetime(["2026-03-02", "2026-03-02", "2026-03-05"]),
            "status": ["interviewed", "interviewed", "awaiting"],
            "thanked_on": pd.to_datetime(["2026-03-10", "2026-03-10", None]),
            "referred_by": [None, None, "Ana Ruiz"],
        }
    )
    out = funnel(log, by="owner", as_of=AS_OF).set_index(["owner", "stage"])["count"]
    assert out[("A", "gave_referrals")] == 0
    assert out[("B", "gave_referrals")] == 1


def test_activity_weeks_with_gaps(tiny_log):
    out = activity(tiny_log, as_of=AS_OF)
    assert list(out.columns) == [
        "period",
        "asks",
        "responses",
        "interviews",
        "cumulative_interviews",
    ]
    # Weeks (Mondays): 02-16 (Finn asked Fri 02-20), 02-23 (empty), 03-02, 03-09, 03-16.
    assert out["period"].dt.strftime("%m-%d").tolist() == [
        "02-16",
        "02-23",
        "03-02",
        "03-09",
        "03-16",
    ]
    assert out["asks"].tolist() == [1, 0, 4, 1, 1]
    assert out["responses"].tolist() == [0, 0, 2, 2, 0]
    # Interviews: Ana 03-10, Ben 03-16; Hana's 03-24 is after as_of.
    assert out["interviews"].tolist() == [0, 0, 0, 1, 1]
    assert out["cumulative_interviews"].tolist() == [0, 0, 0, 1, 2]


def test_activity_months_and_empty(tiny_log):
    out = activity(tiny_log, freq="M", as_of=AS_OF)
    assert out["period"].dt.strftime("%Y-%m-%d").tolist() == ["2026-02-01", "2026-03-01"]
    assert out["asks"].tolist() == [1, 6]
    none = activity(pd.DataFrame({"contact": ["Gus"]}), as_of=AS_OF)
    assert none.empty
    assert list(none.columns) == list(out.columns)


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda log: response_rates(log, by="chanel"), "`by` must be .* 'chanel' was passed"),
        (lambda log: response_rates(log, confidence=95), "`confidence` must be"),
        (lambda log: response_rates(log, as_of="soon"), "`as_of` must be a date"),
        (lambda log: response_rates(log, holidays=["xmas"]), "`holidays` must be a list"),
        (lambda log: funnel(log, by=["field", 3]), "`by` must be"),
        (lambda log: activity(log, freq="D"), r"`freq` must be one of \['W', 'M'\]"),
        (lambda log: response_rates([1, 2]), "Expected the log as a pandas DataFrame"),
    ],
)
def test_bad_arguments(tiny_log, call, match):
    with pytest.raises(InvalidArgumentError, match=match):
        call(tiny_log)


def test_inputs_are_not_modified(tiny_log):
    before = tiny_log.copy()
    response_rates(tiny_log, by="warmth", as_of=AS_OF)
    funnel(tiny_log, by="field", as_of=AS_OF)
    activity(tiny_log, as_of=AS_OF)
    pd.testing.assert_frame_equal(tiny_log, before)


def test_a_thank_you_marked_yes_without_a_date_counts_in_the_funnel():
    log = pd.DataFrame(
        {
            "contact": ["Ana", "Ben"],
            "requested_on": pd.to_datetime(["2026-03-02"] * 2),
            "interview_on": pd.to_datetime(["2026-03-10"] * 2),
            "status": ["interviewed"] * 2,
            "thanked_on": pd.NaT,
            "thanked": [True, False],
        }
    )
    stages = funnel(log, as_of=AS_OF).set_index("stage")["count"]
    assert stages["interviewed"] == 2
    assert stages["thanked"] == 1
