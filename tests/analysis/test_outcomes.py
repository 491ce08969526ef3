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
