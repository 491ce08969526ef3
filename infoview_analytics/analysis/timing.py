"""Time to response: the Kaplan–Meier estimate of the share answered vs time since asking.

People who have not answered yet are *right-censored*, not counted as "never"
and not dropped: a request asked two days ago tells us only that the answer
takes more than two days. The estimate and its confidence band (Greenwood's
formula) come from :func:`~infoview_analytics.analysis.stats.kaplan_meier`,
which computes them for all groups at once (a cohort ``by="owner"`` has
thousands) and is tested equal to ``scipy.stats.ecdf`` on
``scipy.stats.CensoredData`` group by group.

Which time counts (documented in ``docs/architecture.md``):

* the clock starts at ``requested_on``; asked rows without it are left out;
* answered requests stop the clock at ``responded_on``; when that is missing
  (or after ``as_of``), at ``interview_on`` if that is on or before ``as_of``
  (the answer came no later than the meeting). An answer with neither date is
  left out of the estimate but still counted in ``asked`` by
  :func:`response_time_summary` (so ``asked - answered - censored`` rows were
  left out). A stop before the start (a typo) is left out the same way;
* unanswered requests are censored at ``as_of``; those given up (status
  no_response) at the give-up date: ``last_contact_on``, else
  ``followed_up_on``, else ``as_of`` (never later than ``as_of``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..core.args import check_choice, check_confidence
from ..core.docs import fill_doc
from .docs import DOCS, columns_of
from .grouping import Groups, tally
from .needs import with_gaps
from .prepared import PreparedLog, prepare
from .stats import kaplan_meier

__all__ = ["response_time_summary", "time_to_response"]

_UNITS = ("business_days", "days")
#: Tolerance when comparing the estimate to 0.5 (a product of fractions such as
#: 3/4 * 2/3 lands a hair below 0.5 in floating point).
_EPS = 1e-12


@fill_doc(DOCS, columns=columns_of("time_to_response"))
def time_to_response(
    log: pd.DataFrame | PreparedLog,
    *,
    by: str | Sequence[str] | None = None,
    as_of: Any = None,
    unit: str = "business_days",
    confidence: float = 0.95,
    holidays: Any = None,
) -> pd.DataFrame:
    """Kaplan–Meier estimate of the share of requests answered vs time since asking.

    Parameters
    ----------
    %(log)s
    %(by)s
    as_of : date-like, optional
        The day the log describes (default: today). Unanswered requests are
        censored there.
    unit : {"business_days", "days"}, default "business_days"
        Business days (Monday–Friday less ``holidays``; an answer the next
        working day is 1, the same day 0) or calendar days.
    %(confidence)s
    %(holidays)s

    Returns
    -------
    pandas.DataFrame
        %(columns)s: one
        row per group and time at which someone answered. ``at_risk`` counts
        the requests still open just before ``time`` (censored at ``time``
        included), ``answered`` those answered at ``time``. The band is clipped
        to [0, 1] and NaN where Greenwood's formula is undefined (at 100%).

    Notes
    -----
    The product-limit estimate and Greenwood variance
    ``S(t)^2 * sum d / (n (n - d))`` of ``scipy.stats.ecdf`` on
    ``scipy.stats.CensoredData``, computed for all groups at once (tested
    equal to scipy group by group).

    Raises
    ------
    InvalidArgumentError
        For a bad ``by``, ``as_of``, ``unit``, ``confidence`` or ``holidays``.

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({
    ...     "contact": ["Ana", "Ben", "Dev", "Eve"],
    ...     "requested_on": pd.to_datetime(["2026-03-02"] * 4),
    ...     "responded_on": pd.to_datetime(["2026-03-02", "2026-03-04", None, "2026-03-09"]),
    ...     "status": ["replied", "replied", "awaiting", "declined"]})
    >>> curve = time_to_response(log, as_of="2026-03-05")
    >>> curve[["time", "at_risk", "answered", "share_answered"]]
       time  at_risk  answered  share_answered
    0     0        4         1            0.25
    1     2        3         1            0.50
    """
    confidence = check_confidence(confidence)
    check_choice("unit", unit, _UNITS)
    p, cols, groups, times = _timed(log, by, as_of, unit, holidays)
    return with_gaps(_kaplan_meier(times, groups, cols, confidence), p, "time_to_response")


@fill_doc(DOCS, columns=columns_of("response_time_summary"))
def response_time_summary(
    log: pd.DataFrame | PreparedLog,
    *,
    by: str | Sequence[str] | None = None,
    as_of: Any = None,
    holidays: Any = None,
) -> pd.DataFrame:
    """Median time to response and the share answered within 3 and 7 business days.

    All three figures come from the Kaplan–Meier estimate of
    :func:`time_to_response` in business days, so requests still waiting are
    counted for as long as they have waited.

    Parameters
    ----------
    %(log)s
    %(by)s
    %(as_of)s
    %(holidays)s

    Returns
    -------
    pandas.DataFrame
        %(columns)s. ``asked`` counts every request; ``answered`` and
        ``censored`` those in the estimate (the rest had no usable dates).
        ``median_time``: the first time the share answered reaches 0.5 (NaN if
        it never does). ``share_within_t``: the estimate at ``t`` business days,
        NaN when no request in the group has been followed that long (unless
        all have been answered).

    Raises
    ------
    InvalidArgumentError
        For a bad ``by``, ``as_of`` or ``holidays``.

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({
    ...     "contact": ["Ana", "Ben", "Dev", "Eve"],
    ...     "requested_on": pd.to_datetime(["2026-03-02"] * 4),
    ...     "responded_on": pd.to_datetime(["2026-03-02", "2026-03-04", None, "2026-03-13"]),
    ...     "status": ["replied", "replied", "no_response", "declined"],
    ...     "last_contact_on": pd.to_datetime([None, None, "2026-03-11", None])})
    >>> response_time_summary(log, as_of="2026-03-20").round(3)
       asked  answered  censored  median_time  share_within_3  share_within_7
    0      4         3         1          2.0             0.5             0.5
    """
    p, cols, groups, times = _timed(log, by, as_of, "business_days", holidays)
    curve, group_id = _curve(times, groups, 0.95)
    counts = pd.DataFrame(
        {
            "asked": times["asked"],
            "answered": times["usable"] & times["answered"],
            "censored": times["usable"] & ~times["answered"],
        }
    )
    table = tally(counts, groups, cols)
    # How long the longest request of each group has been followed (NaN: none usable).
    followed_for = times["time"].where(times["usable"]).astype(float)
    longest = followed_for.groupby(groups.codes).max().reindex(range(len(table)))
    longest_time = longest.to_numpy(dtype=float)
    table["median_time"] = np.nan
    table["share_within_3"] = np.nan
    table["share_within_7"] = np.nan
    table = table.astype({"median_time": float, "share_within_3": float, "share_within_7": float})
    if table.empty:
        return with_gaps(table, p, "response_time_summary")
    share = curve["share_answered"].to_numpy()
    t = curve["time"].to_numpy()
    n = len(table)
    reached = share >= 0.5 - _EPS
    median = np.full(n, np.nan)
    first = pd.Series(t[reached]).groupby(group_id[reached]).min()
    median[first.index.to_numpy()] = first.to_numpy()
    table["median_time"] = median
    final = np.zeros(n)
    last = pd.Series(share).groupby(group_id).last()
    final[last.index.to_numpy()] = last.to_numpy()
    followed = ~np.isnan(longest_time)
    for days in (3, 7):
        within = np.zeros(n)
        upto = t <= days
        got = pd.Series(share[upto]).groupby(group_id[upto]).last()
        within[got.index.to_numpy()] = got.to_numpy()
        known = followed & ((longest_time >= days) | (final >= 1 - _EPS))
        table[f"share_within_{days}"] = np.where(known, within, np.nan)
    return with_gaps(table, p, "response_time_summary")


# -- helpers (private) -------------------------------------------------------------


def _timed(
    log: pd.DataFrame | PreparedLog, by: Any, as_of: Any, unit: str, holidays: Any
) -> tuple[PreparedLog, list[str], Groups, pd.DataFrame]:
    p = prepare(log, as_of=as_of, holidays=holidays)
    cols, groups = p.groups(by)
    return p, cols, groups, p.answer_times(unit)


def _curve(
    times: pd.DataFrame, groups: Groups, confidence: float
) -> tuple[pd.DataFrame, np.ndarray]:
    """The Kaplan–Meier table of the usable times, and each row's group number."""
    usable = times["usable"].to_numpy()
    return kaplan_meier(
        times["time"].to_numpy(dtype=np.int64, na_value=-1)[usable],
        times["answered"].to_numpy()[usable],
        groups.codes[usable],
        confidence=confidence,
    )


def _kaplan_meier(
    times: pd.DataFrame, groups: Groups, by: list[str], confidence: float
) -> pd.DataFrame:
    """The product-limit table: ``[by], time, at_risk, answered, share_answered, ci_low,
    ci_high``, groups in output order and times in order."""
    curve, group_id = _curve(times, groups, confidence)
    if not by:
        return curve
    labels = groups.labels.iloc[group_id].reset_index(drop=True)
    return pd.concat([labels, curve], axis=1)
