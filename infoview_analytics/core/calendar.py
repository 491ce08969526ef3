"""Business days: Monday to Friday less the user's holidays."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..errors import InvalidArgumentError

__all__: list[str] = []


def business_days(
    start: pd.Series, end: pd.Series | pd.Timestamp, holidays: Any = None
) -> pd.Series:
    """Business days (Mon-Fri, less ``holidays``) from ``start`` to ``end``, NaN where missing.

    Counts the days in ``[start, end)``: a reply the next working day is 1, a
    reply on the same day 0. Negative when ``end`` is before ``start``.
    """
    start = pd.to_datetime(start)
    if isinstance(end, pd.Series):
        end = pd.to_datetime(end)
    else:
        end = pd.Series(pd.Timestamp(end), index=start.index)
    valid = start.notna() & end.notna()
    out = np.full(len(start), np.nan)
    if valid.any():
        s = start[valid].to_numpy().astype("datetime64[D]")
        e = end[valid].to_numpy().astype("datetime64[D]")
        hol = holiday_array(holidays)
        out[valid.to_numpy()] = np.busday_count(s, e, holidays=hol)
    return pd.Series(out, index=start.index)


def holiday_key(holidays: Any) -> tuple[Any, ...]:
    """``holidays`` as a hashable tuple of days (a :mod:`._memo` parameter)."""
    return tuple(holiday_array(holidays).tolist())


def holiday_array(holidays: Any) -> np.ndarray:
    if holidays is None:
        return np.array([], dtype="datetime64[D]")
    try:
        return pd.to_datetime(pd.Series(list(holidays))).to_numpy().astype("datetime64[D]")
    except (TypeError, ValueError) as exc:
        msg = (
            "The value for `holidays` must be a list of dates such as ['2026-12-25'], "
            f"but {holidays!r} was passed."
        )
        raise InvalidArgumentError(msg) from exc


def busday_count_where(
    start: np.ndarray, end: np.datetime64, where: np.ndarray, holidays: Any
) -> np.ndarray:
    """Business days from ``start`` to ``end`` where ``where`` and ``start`` is known, else NaN."""
    out = np.full(len(start), np.nan)
    valid = where & ~np.isnat(start)
    if valid.any():
        s = start[valid].astype("datetime64[D]")
        out[valid] = np.busday_count(
            s, end.astype("datetime64[D]"), holidays=holiday_array(holidays)
        )
    return out
