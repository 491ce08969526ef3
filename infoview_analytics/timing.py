"""Time to response: the Kaplan–Meier estimate of the share answered vs time since asking.

People who have not answered yet are *right-censored*, not counted as "never"
and not dropped: a request asked two days ago tells us only that the answer
takes more than two days. The estimate and its confidence band come from
``scipy.stats.ecdf`` on ``scipy.stats.CensoredData`` (Greenwood's formula).

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

import itertools
import warnings
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from ._common import as_of_timestamp, business_days, check_choice, check_confidence
from .responses import _empty, _prepare, _tally

__all__ = ["response_time_summary", "time_to_response"]

_UNITS = ("business_days", "days")
#: Tolerance when comparing the estimate to 0.5 (a product of fractions such as
#: 3/4 * 2/3 lands a hair below 0.5 in floating point).
_EPS = 1e-12


def time_to_response(
    log: pd.DataFrame,
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
    log : pandas.DataFrame
        The interview log. Not modified.
    by : str or list of str, optional
        Column(s) to group by, including ``"warmth"``.
    as_of : date-like, optional
        The day the log describes (default: today). Unanswered requests are
        censored there.
    unit : {"business_days", "days"}, default "business_days"
        Business days (Monday–Friday less ``holidays``; an answer the next
        working day is 1, the same day 0) or calendar days.
    confidence : float, default 0.95
        Level of the pointwise confidence band (Greenwood).
    holidays : list of date-like, optional
        Days that are not business days.

    Returns
    -------
    pandas.DataFrame
        ``[by], time, at_risk, answered, share_answered, ci_low, ci_high``: one
        row per group and time at which someone answered. ``at_risk`` counts
        the requests still open just before ``time`` (censored at ``time``
        included), ``answered`` those answered at ``time``. The band is clipped
        to [0, 1] and NaN where Greenwood's formula is undefined (at 100%).

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
    0     0        3         1        0.333333
    1     2        2         1        0.666667
    """
    confidence = check_confidence(confidence)
    check_choice("unit", unit, _UNITS)
    _, cols, keys, times = _timed(log, by, as_of, unit, holidays)
    return _kaplan_meier(times, keys, cols, confidence)


def response_time_summary(
    log: pd.DataFrame,
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
    log : pandas.DataFrame
        The interview log. Not modified.
    by : str or list of str, optional
        Column(s) to group by, including ``"warmth"``. None: one row.
    as_of : date-like, optional
        The day the log describes (default: today).
    holidays : list of date-like, optional
        Days that are not business days.

    Returns
    -------
    pandas.DataFrame
        ``[by], asked, answered, censored, median_time, share_within_3,
        share_within_7``. ``asked`` counts every request; ``answered`` and
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
    _, cols, keys, times = _timed(log, by, as_of, "business_days", holidays)
    curve = _kaplan_meier(times, keys, cols, 0.95)
    counts = pd.DataFrame(
        {
            "asked": times["asked"],
            "answered": times["usable"] & times["answered"],
            "censored": times["usable"] & ~times["answered"],
        }
    )
    table = _tally(counts, keys, cols)
    # How long the longest request of each group has been followed (NaN: none usable).
    followed_for = times["time"].where(times["usable"]).astype(float)
    if cols:
        maxima = followed_for.groupby([keys[c] for c in cols], sort=False, dropna=False).max()
        maxima = maxima.rename("longest").reset_index()
        longest = table[cols].merge(maxima, on=cols, how="left")["longest"]
    else:
        longest = pd.Series([followed_for.max()])
    longest_time = longest.to_numpy(dtype=float)
    table["median_time"] = np.nan
    table["share_within_3"] = np.nan
    table["share_within_7"] = np.nan
    table = table.astype({"median_time": float, "share_within_3": float, "share_within_7": float})
    if table.empty:
        return table
    group_id = _row_ids(curve, table, cols)
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
    return table


# -- shared with followups.py (private) ------------------------------------------------


def _answer_times(
    c: pd.DataFrame, o: pd.DataFrame, as_of: pd.Timestamp, unit: str, holidays: Any
) -> pd.DataFrame:
    """Per log row: ``asked``, ``answered``, ``time`` (Int64) and ``usable`` (see module doc).

    ``time`` runs from ``requested_on`` to the answer, or for unanswered
    requests to the censoring date; ``usable`` is False where it cannot be
    known (no request date, an answer without a usable date, a negative time).
    """
    asked = o["asked"].to_numpy()
    answered = o["responded"].to_numpy()
    answer_on = c["responded_on"].where(c["responded_on"] <= as_of)
    answer_on = answer_on.fillna(c["interview_on"].where(c["interview_on"] <= as_of))
    gave_up_on = c["last_contact_on"].fillna(c["followed_up_on"]).fillna(as_of)
    censor_on = gave_up_on.where(o["gave_up"].to_numpy(), as_of).clip(upper=as_of)
    end = answer_on.where(answered, censor_on)
    start = c["requested_on"]
    if unit == "business_days":
        time = business_days(start, end, holidays)
    else:
        time = (end - start).dt.days.astype(float)
    usable = asked & time.notna().to_numpy() & (time.fillna(-1).to_numpy() >= 0)
    return pd.DataFrame(
        {
            "asked": asked,
            "answered": answered & asked,
            "time": time.where(usable).astype("Int64"),
            "usable": usable,
        },
        index=c.index,
    )


def _timed(
    log: pd.DataFrame, by: Any, as_of: Any, unit: str, holidays: Any
) -> tuple[pd.DataFrame, list[str], pd.DataFrame, pd.DataFrame]:
    c, cols, keys, o = _prepare(log, by, as_of, holidays)
    times = _answer_times(c, o, as_of_timestamp(as_of), unit, holidays)
    return c, cols, keys, times


def _kaplan_meier(
    times: pd.DataFrame, keys: pd.DataFrame, by: list[str], confidence: float
) -> pd.DataFrame:
    """The product-limit table per group: counts by us, estimate and band by scipy."""
    columns = [*by, "time", "at_risk", "answered", "share_answered", "ci_low", "ci_high"]
    usable = times["usable"].to_numpy()
    if not usable.any():
        return _empty(
            columns,
            **dict.fromkeys(by, "object"),
            share_answered="float64",
            ci_low="float64",
            ci_high="float64",
        )
    t = times["time"].to_numpy(dtype=np.int64, na_value=-1)[usable]
    event = times["answered"].to_numpy()[usable]
    if by:
        gkeys = keys.loc[usable, by].reset_index(drop=True)
        code = gkeys.groupby(by, sort=False, dropna=False).ngroup().to_numpy()
    else:
        gkeys = pd.DataFrame(index=range(len(t)))
        code = np.zeros(len(t), dtype=np.int64)
    # Counts at each distinct (group, time): everyone still open at time t is at risk.
    order = np.lexsort((t, code))
    t, event, code = t[order], event[order], code[order]
    frame = pd.DataFrame({"code": code, "time": t, "n": 1, "answered": event.astype(np.int64)})
    counts = frame.groupby(["code", "time"], sort=True).sum().reset_index()
    total = counts.groupby("code")["n"].transform("sum")
    counts["at_risk"] = total - counts.groupby("code")["n"].cumsum() + counts["n"]
    counts = counts[counts["answered"] > 0].reset_index(drop=True)
    low, high, share = _scipy_estimate(t, event, code, counts, confidence)
    out = pd.DataFrame(
        {
            "time": counts["time"].to_numpy(dtype=np.int64),
            "at_risk": counts["at_risk"].to_numpy(dtype=np.int64),
            "answered": counts["answered"].to_numpy(dtype=np.int64),
            "share_answered": share,
            "ci_low": low,
            "ci_high": high,
        }
    )
    if not by:
        return out
    first_row = pd.Series(np.arange(len(code))).groupby(code).first()
    labels = gkeys.iloc[order].reset_index(drop=True).iloc[first_row.to_numpy()]
    labels.index = first_row.index
    out = pd.concat([labels.loc[counts["code"].to_numpy()].reset_index(drop=True), out], axis=1)
    from .responses import _sort_groups

    # Sort groups, keeping each group's times in order (stable sort on the group only).
    ranked = _sort_groups(out[by].drop_duplicates().reset_index(drop=True), by)
    ranked["_rank"] = np.arange(len(ranked))
    out = out.merge(ranked, on=by, how="left", sort=False)
    out = out.sort_values(["_rank", "time"], kind="mergesort").drop(columns="_rank")
    return out[columns].reset_index(drop=True)


def _scipy_estimate(
    t: np.ndarray, event: np.ndarray, code: np.ndarray, counts: pd.DataFrame, confidence: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """scipy's Kaplan–Meier estimate and band at each counted event time, group by group."""
    from scipy import stats

    share = np.empty(len(counts))
    low = np.empty(len(counts))
    high = np.empty(len(counts))
    starts = np.flatnonzero(np.r_[True, code[1:] != code[:-1]])
    bounds = np.r_[starts, len(code)]
    out_code = counts["code"].to_numpy()
    out_bounds = np.searchsorted(out_code, code[starts], side="left")
    out_ends = np.searchsorted(out_code, code[starts], side="right")
    with warnings.catch_warnings():
        # Greenwood's band is undefined where the estimate reaches 100%: NaN is expected.
        warnings.simplefilter("ignore", RuntimeWarning)
        for g, (a, b) in enumerate(itertools.pairwise(bounds)):
            lo, hi = out_bounds[g], out_ends[g]
            if lo == hi:
                continue  # nobody answered in this group: no rows
            tg, eg = t[a:b].astype(float), event[a:b]
            res = stats.ecdf(stats.CensoredData(uncensored=tg[eg], right=tg[~eg]))
            band = res.cdf.confidence_interval(confidence_level=confidence)
            keep = np.isin(res.cdf.quantiles, counts["time"].to_numpy()[lo:hi])
            share[lo:hi] = res.cdf.probabilities[keep]
            low[lo:hi] = band.low.probabilities[keep]
            high[lo:hi] = band.high.probabilities[keep]
    return np.clip(low, 0.0, 1.0), np.clip(high, 0.0, 1.0), share


def _row_ids(curve: pd.DataFrame, table: pd.DataFrame, by: list[str]) -> np.ndarray:
    """For each row of ``curve``, the position of its group in ``table``."""
    if not by:
        return np.zeros(len(curve), dtype=np.int64)
    position = table[by].assign(_pos=np.arange(len(table)))
    return curve[by].merge(position, on=by, how="left")["_pos"].to_numpy(dtype=np.int64)
