"""The one business-day calendar: Monday to Friday less the user's holidays.

Every count of business days in the package goes through :func:`business_days`
on a ``numpy.busdaycalendar`` made by :func:`business_calendar`, so the 3B7
steps, the pending window and the time to response can never disagree.

Counts cover ``[start, end)``: an answer the next working day is 1, the same
day 0, and a start on a weekend counts from the next working day.

Examples
--------
>>> cal = business_calendar(["2026-04-03"])  # Good Friday
>>> start = np.array(["2026-04-01", "2026-04-02", "NaT"], dtype="datetime64[ns]")
>>> business_days(start, np.datetime64("2026-04-07"), cal).tolist()
[3.0, 2.0, nan]
>>> add_business_days(start, 3, cal).astype("datetime64[D]").tolist()
[datetime.date(2026, 4, 7), datetime.date(2026, 4, 8), None]
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..errors import InvalidArgumentError

__all__ = ["add_business_days", "business_calendar", "business_days"]


def business_calendar(holidays: Any = None) -> np.busdaycalendar:
    """A Monday-to-Friday calendar without ``holidays`` (a list of date-likes, or None).

    Raises
    ------
    InvalidArgumentError
        When ``holidays`` is not a list of dates.
    """
    if isinstance(holidays, np.busdaycalendar):
        return holidays
    if holidays is None:
        return np.busdaycalendar()
    try:
        items = [holidays] if isinstance(holidays, str) else list(holidays)
        days = pd.to_datetime(pd.Series(items, dtype=object)).to_numpy().astype("datetime64[D]")
    except (TypeError, ValueError) as exc:
        msg = (
            "The value for `holidays` must be a list of dates such as ['2026-12-25'], "
            f"but {holidays!r} was passed."
        )
        raise InvalidArgumentError(msg) from exc
    if np.isnat(days).any():
        msg = (
            "The value for `holidays` must be a list of dates such as ['2026-12-25'], "
            f"but {holidays!r} (with a missing date) was passed."
        )
        raise InvalidArgumentError(msg)
    return np.busdaycalendar(holidays=days)


def _days(values: Any) -> np.ndarray:
    return np.asarray(values, dtype="datetime64[ns]").astype("datetime64[D]")


def business_days(start: Any, end: Any, calendar: np.busdaycalendar) -> np.ndarray:
    """Business days from ``start`` to ``end`` (arrays or one date), NaN where either is missing.

    Negative when ``end`` is before ``start``.
    """
    s, e = np.broadcast_arrays(_days(start), _days(end))
    out = np.full(s.shape, np.nan)
    known = ~np.isnat(s) & ~np.isnat(e)
    out[known] = np.busday_count(s[known], e[known], busdaycal=calendar)
    return out


def add_business_days(start: Any, days: int, calendar: np.busdaycalendar) -> np.ndarray:
    """The date ``days`` business days after ``start`` (a weekend start rolls to Monday).

    Returns ``datetime64[ns]``, NaT where ``start`` is missing.
    """
    s = _days(start)
    out = np.full(s.shape, np.datetime64("NaT"), dtype="datetime64[D]")
    known = ~np.isnat(s)
    out[known] = np.busday_offset(s[known], days, roll="forward", busdaycal=calendar)
    return out.astype("datetime64[ns]")
