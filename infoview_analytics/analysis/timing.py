"""Time to response: the Kaplan–Meier estimate of the share answered vs time since asking.

People who have not answered yet are *right-censored*, not counted as "never"
and not dropped: a request asked two days ago tells us only that the answer
takes more than two days. The estimate and its confidence band come from
``scipy.stats.ecdf`` on ``scipy.stats.CensoredData`` (Greenwood's formula) for
up to 50 groups. With more groups (a cohort ``by="owner"`` has thousands) the
same product-limit estimate and Greenwood band are computed for all groups at
once with cumulative products and sums over the (group, time) counts: one
scipy call per group would take ~1 ms each. Both agree with scipy to 1e-12
(tested per group on random data).

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

from ..core.args import as_of_timestamp, check_choice, check_confidence
from ..core.calendar import holiday_array, holiday_key
from ..core.memo import remembered
from .grouping import Groups, empty_table, tally
from .outcomes import OUTCOME_INPUTS
from .responses import _prepare

__all__ = ["response_time_summary", "time_to_response"]

_UNITS = ("business_days", "days")
#: Tolerance when comparing the estimate to 0.5 (a product of fractions such as
#: 3/4 * 2/3 lands a hair below 0.5 in floating point).
_EPS = 1e-12
#: Up to this many groups the estimate comes from ``scipy.stats.ecdf`` (one call
#: per group, ~1 ms each); beyond, from the vectorised :func:`_product_limit`.
_SCIPY_MAX_GROUPS = 50


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
        Level of the pointwise confidence band (Greenwood's formula, the
        "linear" band of ``scipy.stats.ecdf(...).cdf.confidence_interval``).
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

    Notes
    -----
    With at most 50 groups the estimate is ``scipy.stats.ecdf`` on
    ``scipy.stats.CensoredData`` for each group. With more, it is the same
    arithmetic vectorised over all groups (product-limit estimate, Greenwood
    variance ``S(t)^2 * sum d / (n (n - d))``), which keeps ``by="owner"``
    on a cohort linear in the number of rows; the two agree to 1e-12.

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
    _, cols, groups, times = _timed(log, by, as_of, unit, holidays)
    return _kaplan_meier(times, groups, cols, confidence)


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
    _, cols, groups, times = _timed(log, by, as_of, "business_days", holidays)
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
        return table
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
    Remembered (:mod:`._memo`): the curves, the summary and the contact kinds
    share it. ``o`` must be ``outcomes(c, as_of=as_of, holidays=holidays)``.
    """
    parts = remembered(
        "answer_times",
        [c[col] for col in _TIME_INPUTS],
        lambda: _answer_arrays(c, o, as_of, unit, holidays),
        params=(as_of.value, unit, holiday_key(holidays)),
    )
    return pd.DataFrame(
        {
            "asked": parts["asked"],
            "answered": parts["answered"],
            "time": pd.arrays.IntegerArray(parts["time"], ~parts["usable"], copy=True),
            "usable": parts["usable"],
        },
        index=c.index,
    )


#: The columns answer times depend on (with as_of, the unit and the holidays).
_TIME_INPUTS = (*OUTCOME_INPUTS, "last_contact_on")


def _answer_arrays(
    c: pd.DataFrame, o: pd.DataFrame, as_of: pd.Timestamp, unit: str, holidays: Any
) -> dict[str, np.ndarray]:
    """The arrays of :func:`_answer_times`, computed."""
    asked = o["asked"].to_numpy()
    answered = o["responded"].to_numpy()
    day = as_of.to_datetime64().astype("datetime64[ns]")
    nat = np.datetime64("NaT", "ns")

    def known(col: str) -> np.ndarray:
        """The column's dates on or before as_of (NaT otherwise)."""
        d = c[col].to_numpy(dtype="datetime64[ns]")
        return np.where(d <= day, d, nat)

    def first_known(*arrays: np.ndarray) -> np.ndarray:
        out = arrays[0]
        for a in arrays[1:]:
            out = np.where(np.isnat(out), a, out)
        return out

    answer_on = first_known(known("responded_on"), known("interview_on"))
    gave_up_on = first_known(
        c["last_contact_on"].to_numpy(dtype="datetime64[ns]"),
        c["followed_up_on"].to_numpy(dtype="datetime64[ns]"),
    )
    gave_up_on = np.where(np.isnat(gave_up_on) | (gave_up_on > day), day, gave_up_on)
    censor_on = np.where(o["gave_up"].to_numpy(), gave_up_on, day)
    end = np.where(answered, answer_on, censor_on)
    start = c["requested_on"].to_numpy(dtype="datetime64[ns]")
    valid = ~np.isnat(start) & ~np.isnat(end)
    time = np.full(len(c), np.nan)
    if unit == "business_days":
        time[valid] = np.busday_count(
            start[valid].astype("datetime64[D]"),
            end[valid].astype("datetime64[D]"),
            holidays=holiday_array(holidays),
        )
    else:
        time[valid] = (end[valid] - start[valid]) // np.timedelta64(1, "D")
    usable = asked & valid & (time >= 0)
    return {
        "asked": asked,
        "answered": answered & asked,
        "time": np.where(usable, time, 0).astype(np.int64),
        "usable": usable,
    }


def _timed(
    log: pd.DataFrame, by: Any, as_of: Any, unit: str, holidays: Any
) -> tuple[pd.DataFrame, list[str], Groups, pd.DataFrame]:
    c, cols, groups, o = _prepare(log, by, as_of, holidays)
    times = _answer_times(c, o, as_of_timestamp(as_of), unit, holidays)
    return c, cols, groups, times


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


def _curve(
    times: pd.DataFrame, groups: Groups, confidence: float
) -> tuple[pd.DataFrame, np.ndarray]:
    """The product-limit table without the group columns, and each row's group number.

    Rows are in group order (the groups' output order), then time. Counts
    (at risk, answered) come from one sort of (group, time). The estimate and
    its band come from ``scipy.stats.ecdf`` when at most ``_SCIPY_MAX_GROUPS``
    groups have usable times, else from :func:`_product_limit`.
    """
    columns = ["time", "at_risk", "answered", "share_answered", "ci_low", "ci_high"]
    usable = times["usable"].to_numpy()
    if not usable.any():
        empty = empty_table(columns, share_answered="float64", ci_low="float64", ci_high="float64")
        return empty, np.zeros(0, dtype=np.int64)
    t = times["time"].to_numpy(dtype=np.int64, na_value=-1)[usable]
    event = times["answered"].to_numpy()[usable]
    code = groups.codes[usable]
    # One sort by (group, time); each run of equal (group, time) is one distinct time.
    order = np.lexsort((t, code))
    t, event, code = t[order], event[order], code[order]
    first = np.flatnonzero(np.r_[True, (code[1:] != code[:-1]) | (t[1:] != t[:-1])])
    answered = np.add.reduceat(event.astype(np.int64), first)
    run_code = code[first]
    # At risk at a time: the group's requests with that time or later (censored included).
    at_risk = np.searchsorted(code, run_code, side="right") - first
    keep = answered > 0
    counts = pd.DataFrame(
        {
            "code": run_code[keep],
            "time": t[first][keep],
            "at_risk": at_risk[keep].astype(np.int64),
            "answered": answered[keep],
        }
    )
    n_groups = 1 + int(np.count_nonzero(code[1:] != code[:-1]))
    if n_groups <= _SCIPY_MAX_GROUPS:
        share, low, high = _scipy_estimate(t, event, code, counts, confidence)
    else:
        share, low, high = _product_limit(counts, confidence)
    out = pd.DataFrame(
        {
            "time": counts["time"].to_numpy(),
            "at_risk": counts["at_risk"].to_numpy(),
            "answered": counts["answered"].to_numpy(),
            "share_answered": share,
            "ci_low": np.clip(low, 0.0, 1.0),
            "ci_high": np.clip(high, 0.0, 1.0),
        }
    )
    return out, counts["code"].to_numpy()


def _scipy_estimate(
    t: np.ndarray, event: np.ndarray, code: np.ndarray, counts: pd.DataFrame, confidence: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """scipy's estimate and band (unclipped) at each row of ``counts``, group by group.

    ``t``, ``event`` and ``code`` are sorted by group; ``counts`` has the
    distinct answer times of each group, groups in the same order.
    """
    from scipy import stats

    share = np.empty(len(counts))
    low = np.empty(len(counts))
    high = np.empty(len(counts))
    starts = np.flatnonzero(np.r_[True, code[1:] != code[:-1]])
    bounds = np.r_[starts, len(code)]
    out_code = counts["code"].to_numpy()
    out_time = counts["time"].to_numpy()
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
            keep = np.isin(res.cdf.quantiles, out_time[lo:hi])
            share[lo:hi] = res.cdf.probabilities[keep]
            low[lo:hi] = band.low.probabilities[keep]
            high[lo:hi] = band.high.probabilities[keep]
    return share, low, high


def _product_limit(
    counts: pd.DataFrame, confidence: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The Kaplan–Meier estimate and Greenwood's band for all groups at once.

    The same arithmetic as ``scipy.stats.ecdf(CensoredData(...)).cdf`` and its
    ``confidence_interval(method="linear")``, with the products and sums
    running within each group (``counts`` sorted by group, then time)::

        S(t) = prod_{t_i <= t} (n_i - d_i) / n_i,      F(t) = 1 - S(t)
        Var  = S(t)^2 * sum_{t_i <= t} d_i / (n_i (n_i - d_i))
        band = F(t) -/+ z * sqrt(Var)

    Times where nobody answered are left out: their factor is exactly 1 and
    their Greenwood term exactly 0, so they change nothing. Returns the
    estimate and the band, unclipped (NaN where the estimate reaches 100%).
    """
    from scipy import special

    code = counts["code"].to_numpy()
    n = counts["at_risk"].to_numpy(dtype=np.int64)
    d = counts["answered"].to_numpy(dtype=np.int64)
    survival = pd.Series((n - d) / n).groupby(code, sort=False).cumprod().to_numpy()
    share = 1 - survival
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = pd.Series(d / (n * (n - d))).groupby(code, sort=False).cumsum().to_numpy()
        # scipy derives S from F (1 - F), not from the product: same here, to the bit.
        var = (1 - share) ** 2 * terms
    half = special.ndtri(1 / 2 + confidence / 2) * np.sqrt(var)
    return share, share - half, share + half
