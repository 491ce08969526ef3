"""The business-day calendar: weekends, holidays, missing dates."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from infoview_analytics.core.calendar import add_business_days, business_calendar, business_days
from infoview_analytics.errors import InvalidArgumentError

TINY_AS_OF = pd.Timestamp("2026-03-20")  # as in conftest.tiny_log


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
