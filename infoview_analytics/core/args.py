"""Argument checks shared by every room: dates, choices, whole numbers, levels."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable

import numpy as np
import pandas as pd

from ..errors import InvalidArgumentError

__all__: list[str] = []


def as_of_timestamp(as_of: object = None, *, name: str = "as_of") -> pd.Timestamp:
    """Turn ``as_of`` (None = today, str, date, datetime, Timestamp) into a midnight Timestamp."""
    if as_of is None:
        return pd.Timestamp(_dt.date.today())
    try:
        # A bare number is not a date (pandas would read it as nanoseconds since 1970).
        # Any other object is tried: pandas' TypeError/ValueError becomes ours below.
        number = isinstance(as_of, int | float | np.integer | np.floating)
        ts = pd.NaT if number else pd.Timestamp(as_of)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        ts = pd.NaT
    if ts is pd.NaT or pd.isna(ts):
        msg = (
            f"The value for `{name}` must be a date such as '2026-04-17', "
            f"but {as_of!r} was passed."
        )
        raise InvalidArgumentError(msg)
    if ts.tzinfo is not None:
        ts = ts.tz_convert(None)
    if not 1678 <= ts.year <= 2261:
        # The log's dates are nanosecond timestamps: a day outside would wrap around.
        msg = (
            f"The value for `{name}` must be a date between 1678 and 2261 such as "
            f"'2026-04-17', but {as_of!r} was passed."
        )
        raise InvalidArgumentError(msg)
    return ts.normalize()


def check_choice(name: str, value: object, allowed: Iterable[object]) -> None:
    """Raise the house-style error when ``value`` is not one of ``allowed``."""
    allowed = list(allowed)
    if value not in allowed:
        msg = f"The value for `{name}` must be one of {allowed}, but {value!r} was passed."
        raise InvalidArgumentError(msg)


def check_positive_int(name: str, value: object, *, minimum: int = 0) -> int:
    """Return ``value`` as int, or raise when it is not a whole number >= minimum."""
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < minimum:
        msg = (
            f"The value for `{name}` must be a whole number >= {minimum}, "
            f"but {value!r} was passed."
        )
        raise InvalidArgumentError(msg)
    return int(value)


def check_confidence(confidence: object) -> float:
    """Return the confidence level, or raise when it is not strictly between 0 and 1."""
    if (
        isinstance(confidence, bool)
        or not isinstance(confidence, int | float)
        or not (0 < float(confidence) < 1)
    ):
        msg = (
            "The value for `confidence` must be a number between 0 and 1 such as 0.95, "
            f"but {confidence!r} was passed."
        )
        raise InvalidArgumentError(msg)
    return float(confidence)
