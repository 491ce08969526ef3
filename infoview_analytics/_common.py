"""Helpers shared by the analysis modules: arguments, business days, outcomes, intervals.

Private: the public names live in the analysis modules. Everything here is
vectorised (no per-row Python loops) because the analyses must stay linear on
a cohort of a million rows. scipy is imported lazily so that ``infoview check``
starts fast.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ._memo import remembered
from .errors import InvalidArgumentError
from .schema import CATEGORY_COLUMNS, COLUMNS, DATE_COLUMNS, INTEGER_COLUMNS, WARM_SOURCES

__all__: list[str] = []

#: Business days without a reply after which a request is no longer pending
#: (the "7" of 3B7).
ANSWER_WINDOW = 7
#: Business days after which 3B7 says: contact a second person at the employer.
SECOND_CONTACT_AFTER = 3

#: Statuses meaning the person answered (yes or no).
RESPONDED_STATUSES = frozenset({"replied", "scheduled", "interviewed", "declined", "cancelled"})
#: Statuses meaning the person agreed to talk (a meeting was set, even if later cancelled).
AGREED_STATUSES = frozenset({"scheduled", "interviewed", "cancelled"})
#: Statuses meaning a request was sent.
ASKED_STATUSES = frozenset(
    {"awaiting", "replied", "scheduled", "interviewed", "declined", "no_response", "cancelled"}
)

_DAY_NS = 86_400_000_000_000
_SPACE_AFTER_SEPARATOR = re.compile(r"\x00\s")
_SINGLE_STATUSES = (
    frozenset({"interviewed"}),
    frozenset({"scheduled"}),
    frozenset({"declined"}),
    frozenset({"no_response"}),
)

#: The columns :func:`outcomes` reads (with ``as_of``, the window and the holidays).
OUTCOME_INPUTS = ("status", "requested_on", "responded_on", "interview_on", "followed_up_on")

#: Columns that can be used in ``by=`` although they are derived, not stored.
DERIVED_COLUMNS = ("warmth",)


def as_of_timestamp(as_of: object = None, *, name: str = "as_of") -> pd.Timestamp:
    """Turn ``as_of`` (None = today, str, date, datetime, Timestamp) into a midnight Timestamp."""
    if as_of is None:
        return pd.Timestamp(_dt.date.today())
    try:
        # A bare number is not a date (pandas would read it as nanoseconds since 1970).
        ts = pd.NaT if isinstance(as_of, int | float) else pd.Timestamp(as_of)
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


def canonical(log: pd.DataFrame) -> pd.DataFrame:
    """Return a shallow copy of ``log`` with every canonical column present.

    Missing columns are added as all-missing with the right dtype, so analyses
    work on hand-made DataFrames and on logs that lack optional columns. Date
    columns are coerced to datetime64 and normalised to midnight; category
    columns to plain strings. The input is never modified.
    """
    if not isinstance(log, pd.DataFrame):
        msg = (
            "Expected the log as a pandas DataFrame (from load_log), "
            f"but got {type(log).__name__}."
        )
        raise InvalidArgumentError(msg)
    out = log.copy(deep=False)
    n = len(out)
    for col in COLUMNS:
        if col not in out.columns:
            if col in DATE_COLUMNS:
                out[col] = pd.Series(pd.NaT, index=out.index, dtype="datetime64[ns]")
            elif col in INTEGER_COLUMNS:
                out[col] = pd.Series(pd.NA, index=out.index, dtype="Int64")
            else:
                out[col] = pd.Series([None] * n, index=out.index, dtype=object)
    out = out[[*COLUMNS, *(c for c in out.columns if c not in set(COLUMNS))]]
    for col in DATE_COLUMNS:
        s = original = out[col]
        if not pd.api.types.is_datetime64_any_dtype(s):
            s = pd.to_datetime(s, errors="coerce")
        if getattr(s.dt, "tz", None) is not None:
            s = s.dt.tz_convert(None)
        if s.dtype != "datetime64[ns]":
            # pandas 3 reads dates as datetime64[us]: a unit change is a multiply.
            s = s.astype("datetime64[ns]")
        ns = s.to_numpy()
        # Loaded logs are at midnight already: checking is ~10x cheaper than normalising
        # (and a floor division by a constant is cheaper than a remainder).
        ints = ns.view(np.int64)
        if ((ints // _DAY_NS * _DAY_NS != ints) & ~np.isnat(ns)).any():
            s = s.dt.normalize()
        if s is not original:  # a loaded log's dates are already right: no setitem
            out[col] = s
    return out


def check_by(log: pd.DataFrame, by: str | Sequence[str] | None) -> list[str]:
    """Validate ``by`` (None, a column name or a list of them) and return it as a list."""
    if by is None:
        return []
    cols = [by] if isinstance(by, str) else list(by)
    allowed = [c for c in log.columns if isinstance(c, str)] + [
        c for c in DERIVED_COLUMNS if c not in log.columns
    ]
    for col in cols:
        if not isinstance(col, str) or col not in allowed:
            shown = [c for c in (*COLUMNS, *DERIVED_COLUMNS) if c in allowed]
            msg = (
                f"The value for `by` must be a column name or a list of them, one of {shown}, "
                f"but {col!r} was passed."
            )
            raise InvalidArgumentError(msg)
    return cols


def warmth(log: pd.DataFrame) -> pd.Series:
    """'warm' if referred by someone or from a warm source, else 'cold' (schema.WARM_SOURCES)."""
    ref = log["referred_by"]
    referred = ref.notna().to_numpy().copy()
    names = ref.to_numpy(dtype=object)[referred]
    if len(names):
        # Loaded logs have no blank names; one C-level scan of the joined names shows it.
        try:
            joined = "\x00".join(names)
        except TypeError:  # a number among the names
            joined = "\x00".join(str(v) for v in names)
        if _may_have_blank(joined, len(names)):
            referred[referred] = np.asarray([str(v).strip() != "" for v in names], dtype=bool)
    source = log["source"]
    if isinstance(source.dtype, pd.CategoricalDtype):
        table = np.append(
            np.isin(np.asarray(source.cat.categories, dtype=object), list(WARM_SOURCES)), False
        )
        warm_source = table[source.cat.codes.to_numpy()]  # code -1 (missing) -> the last entry
    else:
        warm_source = source.isin(WARM_SOURCES).to_numpy()
    codes = (referred | warm_source).astype(np.int8)
    return pd.Series(
        pd.Categorical.from_codes(codes, categories=["cold", "warm"]),
        index=log.index,
        name="warmth",
    )


def _may_have_blank(joined: str, count: int) -> bool:
    """Whether ``count`` cells joined by NUL may hold a blank one (a cheap, safe test).

    A blank cell is empty or starts with whitespace, so it shows as an empty
    string, a separator at an end, two separators in a row, or whitespace
    after a separator or at the start. False positives only cost a slower check.
    """
    return (
        not joined
        or joined[0].isspace()
        or joined[0] == "\x00"
        or joined[-1] == "\x00"
        or "\x00\x00" in joined
        or _SPACE_AFTER_SEPARATOR.search(joined) is not None
        or joined.count("\x00") != count - 1
    )


def with_groups(log: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Add derived grouping columns (``warmth``) that ``by`` asks for."""
    if "warmth" in by and "warmth" not in log.columns:
        log = log.assign(warmth=warmth(log))
    return log


def group_keys(log: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """The grouping columns as plain objects, missing values shown as '(none)'.

    Categories become strings so that groupby never produces empty category
    combinations and missing values form their own group instead of vanishing.
    """
    keys = {}
    for col in by:
        s = log[col]
        if isinstance(s.dtype, pd.CategoricalDtype):
            s = s.astype(object)
        keys[col] = s.astype(object).where(s.notna(), "(none)")
    return pd.DataFrame(keys, index=log.index)


def value_codes(s: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Integer code of each value (-1 for missing) and the distinct values as objects.

    ``pandas.factorize`` on the values as written, in order of first
    appearance; categoricals by their codes. Remembered for the same values
    (:mod:`._memo`): a cohort's ``owner`` column is coded once for all the
    analyses, not hashed again by each. The arrays returned are read-only.

    Examples
    --------
    >>> codes, values = value_codes(pd.Series(["b", None, "a", "b"]))
    >>> codes.tolist(), values.tolist()
    ([0, -1, 1, 0], ['b', 'a'])
    """
    if isinstance(s.dtype, pd.CategoricalDtype):
        codes = s.cat.codes.to_numpy().astype(np.int64)
        return _freeze_pair(codes, np.asarray(s.cat.categories.astype(object), dtype=object))

    def compute() -> tuple[np.ndarray, np.ndarray]:
        codes, values = pd.factorize(s.to_numpy(dtype=object), use_na_sentinel=True)
        return codes.astype(np.int64), np.asarray(values, dtype=object)

    return remembered("value_codes", [s], compute)


def _freeze_pair(codes: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    codes.flags.writeable = False
    values.flags.writeable = False
    return codes, values


def group_codes(s: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Group number of each value and the group labels; missing values form '(none)'.

    The groups of :func:`group_keys` (a value written '(none)' and a missing
    value are one group), from :func:`value_codes`.

    Examples
    --------
    >>> codes, labels = group_codes(pd.Series(["b", None, "a", "b"]))
    >>> codes.tolist(), labels.tolist()
    ([0, 2, 1, 0], ['b', 'a', '(none)'])
    """
    codes, values = value_codes(s)
    missing = codes < 0
    if not missing.any():
        return codes, values
    codes = codes.copy()
    where = np.flatnonzero(values == "(none)")
    if len(where):
        codes[missing] = where[0]
    else:
        codes[missing] = len(values)
        values = np.append(values, np.array(["(none)"], dtype=object))
    return codes, values


def status_of(log: pd.DataFrame) -> pd.Series:
    """The status column as a Categorical of plain strings (missing as '').

    Comparisons and ``isin`` on a Categorical work on its small set of
    categories, which keeps the analyses fast on a million rows.
    """
    s = log["status"]
    if isinstance(s.dtype, pd.CategoricalDtype):
        cats = [str(c) for c in s.cat.categories]
        codes = s.cat.codes.to_numpy()
        if "" not in cats:
            cats.append("")
        codes = np.where(codes < 0, cats.index(""), codes)
        return pd.Series(
            pd.Categorical.from_codes(codes, categories=cats), index=log.index, name="status"
        )
    plain = s.astype(object).where(s.notna(), "").astype(str)
    return plain.astype("category")


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
        hol = _holiday_array(holidays)
        out[valid.to_numpy()] = np.busday_count(s, e, holidays=hol)
    return pd.Series(out, index=start.index)


def holiday_key(holidays: Any) -> tuple[Any, ...]:
    """``holidays`` as a hashable tuple of days (a :mod:`._memo` parameter)."""
    return tuple(_holiday_array(holidays).tolist())


def _holiday_array(holidays: Any) -> np.ndarray:
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


def outcomes(
    log: pd.DataFrame,
    *,
    as_of: pd.Timestamp,
    window: int = ANSWER_WINDOW,
    holidays: Any = None,
) -> pd.DataFrame:
    """One row per log row: what happened to the request, as of ``as_of``.

    ``log`` must already have gone through :func:`canonical`. Returns boolean
    columns ``asked, responded, agreed, interviewed, scheduled, declined,
    gave_up, pending, decided`` and ``waiting_since`` (the request or the last
    follow-up, whichever is later), ``business_days_waiting`` (business days
    from ``waiting_since`` to ``as_of`` for unanswered requests, NaN otherwise).

    Rules (documented in docs/log-format.md):

    * asked: a request date on or before ``as_of``, or a status past prospect
      with no request date;
    * responded: a response date or an interview date on or before ``as_of``,
      or a status that implies an answer (replied, scheduled, interviewed,
      declined, cancelled);
    * agreed: scheduled, interviewed or cancelled, or an interview date;
    * pending: asked, not responded, not given up, and fewer than ``window``
      business days since ``waiting_since``. Pending requests are left out of
      rates: it is too early to count them as unanswered.

    Remembered for the same status and dates (:mod:`._memo`): a notebook runs
    many analyses on one log.
    """
    hol = holiday_key(holidays)
    parts = remembered(
        "outcomes",
        [log[c] for c in OUTCOME_INPUTS],
        lambda: _outcome_arrays(log, as_of=as_of, window=window, holidays=holidays),
        params=(as_of.value, window, hol),
    )
    return pd.DataFrame(parts, index=log.index)


def _outcome_arrays(
    log: pd.DataFrame, *, as_of: pd.Timestamp, window: int, holidays: Any
) -> dict[str, np.ndarray]:
    status = status_of(log)
    categories = np.asarray(status.cat.categories, dtype=object)
    codes = status.cat.codes.to_numpy()  # never -1: status_of maps missing to ""

    # One gather of a small bit table per row, then a bit test per status set.
    sets = (ASKED_STATUSES, RESPONDED_STATUSES, AGREED_STATUSES, *_SINGLE_STATUSES)
    table = np.zeros(len(categories), dtype=np.uint8)
    for bit, names in enumerate(sets):
        table |= np.isin(categories, list(names)).astype(np.uint8) << bit
    bits = table[codes]

    def has_status(names: Iterable[str]) -> np.ndarray:
        return (bits & (1 << sets.index(names))).astype(bool)

    day = as_of.to_datetime64().astype("datetime64[ns]")
    req = log["requested_on"].to_numpy(dtype="datetime64[ns]")
    resp = log["responded_on"].to_numpy(dtype="datetime64[ns]")
    inter = log["interview_on"].to_numpy(dtype="datetime64[ns]")
    follow = log["followed_up_on"].to_numpy(dtype="datetime64[ns]")
    # numpy comparisons with NaT are False, so "date <= day" also means "date known".
    asked = (req <= day) | (np.isnat(req) & has_status(ASKED_STATUSES))
    responded = asked & ((resp <= day) | (inter <= day) | has_status(RESPONDED_STATUSES))
    agreed = asked & (has_status(AGREED_STATUSES) | ~np.isnat(inter))
    interviewed = asked & has_status(_SINGLE_STATUSES[0])
    scheduled = asked & has_status(_SINGLE_STATUSES[1])
    declined = asked & has_status(_SINGLE_STATUSES[2])
    gave_up = asked & ~responded & has_status(_SINGLE_STATUSES[3])
    waiting_since = np.fmax(req, np.where(follow <= day, follow, np.datetime64("NaT")))
    open_request = asked & ~responded & ~gave_up
    waited = _busday_count(waiting_since, day, open_request, holidays)
    pending = open_request & (waited < window)  # NaN compares False
    return {
        "asked": asked,
        "responded": responded,
        "agreed": agreed,
        "interviewed": interviewed,
        "scheduled": scheduled,
        "declined": declined,
        "gave_up": gave_up,
        "pending": pending,
        "decided": asked & ~pending,
        "waiting_since": np.where(asked, waiting_since, np.datetime64("NaT")),
        "business_days_waiting": waited,
    }


def _busday_count(
    start: np.ndarray, end: np.datetime64, where: np.ndarray, holidays: Any
) -> np.ndarray:
    """Business days from ``start`` to ``end`` where ``where`` and ``start`` is known, else NaN."""
    out = np.full(len(start), np.nan)
    valid = where & ~np.isnat(start)
    if valid.any():
        s = start[valid].astype("datetime64[D]")
        out[valid] = np.busday_count(
            s, end.astype("datetime64[D]"), holidays=_holiday_array(holidays)
        )
    return out


def wilson(k: Any, n: Any, confidence: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval for k successes out of n, vectorised; NaN where n == 0.

    The normal quantile comes from scipy; the result equals
    ``scipy.stats.binomtest(k, n).proportion_ci(confidence, method="wilson")``
    (tested), without a Python call per group.
    """
    from scipy.stats import norm

    k = np.asarray(k, dtype=float)
    n = np.asarray(n, dtype=float)
    z = norm.ppf(0.5 + confidence / 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = k / n
        denom = 1 + z**2 / n
        centre = (p + z**2 / (2 * n)) / denom
        half = z * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / denom
        low = np.clip(centre - half, 0.0, 1.0)
        high = np.clip(centre + half, 0.0, 1.0)
    # Exact bounds at the edges (floating error would give 1e-17 instead of 0).
    low = np.where(k == 0, 0.0, low)
    high = np.where(k == n, 1.0, high)
    low = np.where(n > 0, low, np.nan)
    high = np.where(n > 0, high, np.nan)
    return low, high


def ratio(num: Any, den: Any) -> np.ndarray:
    """num / den as floats, NaN where den is 0."""
    num = np.asarray(num, dtype=float)
    den = np.asarray(den, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(den > 0, num / den, np.nan)


def category_values(column: str) -> tuple[str, ...]:
    """Allowed values of a category column (empty for other columns)."""
    from .schema import CATEGORIES

    return CATEGORIES.get(column, ()) if column in CATEGORY_COLUMNS else ()
