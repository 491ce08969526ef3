"""Response rates, the outreach funnel, activity over time and request warmth.

Every function takes the log first (as returned by ``load_log``, or any
DataFrame with some canonical columns), never modifies it, and returns a tidy
table. Request outcomes follow the one definition in ``docs/architecture.md``
(``_common.outcomes``): a request still inside its 7-business-day answer
window is *pending* and left out of rates.

Groups (``by=``) are sorted in category order for category columns, then
alphabetically; missing values form their own group ``'(none)'``, shown last.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..core.args import check_choice, check_confidence
from ..core.docs import fill_doc
from ..core.values import undated_yes
from .docs import DOCS, columns_of
from .grouping import (
    empty_table,
    tally,
)
from .needs import with_gaps
from .prepared import PreparedLog, prepare
from .stats import ratio, wilson
from .tables import TABLES

__all__ = ["activity", "add_warmth", "funnel", "response_rates"]

#: Funnel stages, each a subset of the one before.
FUNNEL_STAGES = (
    "identified",
    "asked",
    "responded",
    "agreed",
    "interviewed",
    "thanked",
    "gave_referrals",
)


@fill_doc(DOCS)
def add_warmth(log: pd.DataFrame | PreparedLog) -> pd.DataFrame:
    """Return a copy of ``log`` with a ``warmth`` column ('warm' or 'cold').

    A request is warm when ``referred_by`` is filled or ``source`` is one of
    existing_contact, referral, alumni or professor (``schema.WARM_SOURCES``);
    everything else is cold. The input is not modified.

    Parameters
    ----------
    %(log)s

    Returns
    -------
    pandas.DataFrame
        A copy of ``log`` with ``warmth`` as its last column (replaced if present).

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({"contact": ["Ana", "Ben", "Eve"],
    ...                     "source": ["alumni", "cold", "cold"],
    ...                     "referred_by": [None, "Ana", None]})
    >>> add_warmth(log)["warmth"].tolist()
    ['warm', 'warm', 'cold']
    """
    prepared = prepare(log)
    out = (log.frame if isinstance(log, PreparedLog) else log).copy()
    out["warmth"] = prepared.warmth.to_numpy()
    return out


@fill_doc(DOCS, columns=columns_of("response_rates"))
def response_rates(
    log: pd.DataFrame | PreparedLog,
    *,
    by: str | Sequence[str] | None = None,
    as_of: Any = None,
    confidence: float = 0.95,
    holidays: Any = None,
) -> pd.DataFrame:
    """Response and interview rates per group, with Wilson score intervals.

    Pending requests (asked, no answer, fewer than 7 business days since the
    request or the last follow-up) are counted in ``pending`` and left out of
    the denominator ``decided``; they are never counted as non-responses.

    Parameters
    ----------
    %(log)s
    %(by)s
    %(as_of)s
    %(confidence)s
    %(holidays)s

    Returns
    -------
    pandas.DataFrame
        %(columns)s. ``no_response`` = decided minus
        responded (gave up, or silent for 7+ business days). ``response_rate`` =
        responded / decided and ``interview_rate`` = interviewed / decided (NaN
        when nothing is decided). With ``by=None`` there is always one row.

    Raises
    ------
    InvalidArgumentError
        For an unknown ``by`` column, a bad ``as_of``, ``confidence`` or ``holidays``.

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({
    ...     "contact": ["Ana", "Ben", "Dev"],
    ...     "requested_on": pd.to_datetime(["2026-03-02", "2026-03-02", "2026-03-18"]),
    ...     "status": ["replied", "awaiting", "awaiting"]})
    >>> response_rates(log, as_of="2026-03-20")[["asked", "pending", "decided", "responded"]]
       asked  pending  decided  responded
    0      3        1        2          1
    """
    confidence = check_confidence(confidence)
    p = prepare(log, as_of=as_of, holidays=holidays)
    cols, groups = p.groups(by)
    o = p.outcomes
    counted = ["asked", "pending", "decided", "responded", "agreed", "interviewed", "declined"]
    counts = o[counted].assign(no_response=o["decided"] & ~o["responded"])
    table = tally(counts, groups, cols)
    low, high = wilson(table["responded"], table["decided"], confidence)
    ilow, ihigh = wilson(table["interviewed"], table["decided"], confidence)
    table = table.assign(
        response_rate=ratio(table["responded"], table["decided"]),
        ci_low=low,
        ci_high=high,
        interview_rate=ratio(table["interviewed"], table["decided"]),
        interview_ci_low=ilow,
        interview_ci_high=ihigh,
    )
    return with_gaps(table[[*cols, *TABLES["response_rates"].columns]], p, "response_rates")


@fill_doc(DOCS, columns=columns_of("funnel"))
def funnel(
    log: pd.DataFrame | PreparedLog,
    *,
    by: str | Sequence[str] | None = None,
    as_of: Any = None,
) -> pd.DataFrame:
    """People at each stage of the outreach funnel, and the conversion between stages.

    Stages, each a subset of the previous one: identified (every row), asked,
    responded, agreed (a meeting was set), interviewed, thanked (a thank-you
    date on or before ``as_of``), gave_referrals (``referrals_given`` > 0, or
    named as ``referred_by`` by another row, case- and space-insensitively; in a
    cohort, by a row of the same ``owner``).

    Parameters
    ----------
    %(log)s
    %(by)s
    %(as_of)s

    Returns
    -------
    pandas.DataFrame
        %(columns)s: seven rows per group in stage order;
        ``conversion`` is count / the previous stage's count (NaN for the first
        stage and after an empty stage).

    Raises
    ------
    InvalidArgumentError
        For an unknown ``by`` column or a bad ``as_of``.

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({
    ...     "contact": ["Ana", "Ben", "Gus"],
    ...     "requested_on": pd.to_datetime(["2026-03-02", "2026-03-02", None]),
    ...     "status": ["interviewed", "declined", "prospect"],
    ...     "interview_on": pd.to_datetime(["2026-03-10", None, None])})
    >>> funnel(log, as_of="2026-03-20")[["stage", "count", "conversion"]].head(5)
             stage  count  conversion
    0   identified      3         NaN
    1        asked      2    0.666667
    2    responded      2    1.000000
    3       agreed      1    0.500000
    4  interviewed      1    1.000000
    """
    p = prepare(log, as_of=as_of)
    c, ts, o = p.frame, p.as_of, p.outcomes
    cols, groups = p.groups(by)
    # Thanked by as_of, or marked thanked without a date ("Thank you sent: yes").
    thanked = (c["thanked_on"] <= ts).to_numpy() | undated_yes(c, "thanked_on")
    stages = np.ones(len(c), dtype=bool)
    flags = {}
    for stage, flag in zip(
        FUNNEL_STAGES[:-1],
        (stages, o["asked"], o["responded"], o["agreed"], o["interviewed"], thanked),
        strict=True,
    ):
        stages = stages & np.asarray(flag, dtype=bool)
        flags[stage] = stages
    # Gave referrals: a count above 0, or named as someone's referrer. Names are only
    # matched for the thanked rows, the only ones that can reach this stage.
    gave = pd.to_numeric(c["referrals_given"], errors="coerce").fillna(0).to_numpy() > 0
    candidates = stages & ~gave
    gave[candidates] = _named_as_referrer(p, candidates)
    flags["gave_referrals"] = stages & gave
    wide = tally(pd.DataFrame(flags, index=c.index), groups, cols)
    values = wide[list(FUNNEL_STAGES)].to_numpy(dtype=np.int64)
    previous = np.column_stack([np.zeros(len(wide)), values[:, :-1]])
    conversion = ratio(values, previous)
    conversion[:, 0] = np.nan
    n_stages = len(FUNNEL_STAGES)
    out = wide[cols].loc[wide.index.repeat(n_stages)].reset_index(drop=True)
    out["stage"] = np.tile(np.array(FUNNEL_STAGES, dtype=object), len(wide))
    out["count"] = values.ravel()
    out["conversion"] = conversion.ravel()
    return with_gaps(out, p, "funnel")


@fill_doc(DOCS)
def activity(
    log: pd.DataFrame | PreparedLog, *, freq: str = "W", as_of: Any = None
) -> pd.DataFrame:
    """Asks, responses and interviews per week or month, for a timeline.

    Asks are counted at ``requested_on``, responses at ``responded_on`` and
    interviews at ``interview_on`` of interviewed rows, all up to ``as_of``.
    Every period from the first to the last one with an event is present, with
    zeros when nothing happened.

    Parameters
    ----------
    %(log)s
    freq : {"W", "M"}, default "W"
        Weeks starting on Monday, or calendar months.
    as_of : date-like, optional
        The day the log describes (default: today); later dates are ignored.

    Returns
    -------
    pandas.DataFrame
        ``period`` (first day of the week or month), ``asks, responses,
        interviews, cumulative_interviews``. Empty when nothing happened.

    Raises
    ------
    InvalidArgumentError
        For a bad ``freq`` or ``as_of``.

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({
    ...     "contact": ["Ana", "Ben"],
    ...     "requested_on": pd.to_datetime(["2026-03-02", "2026-03-18"]),
    ...     "responded_on": pd.to_datetime(["2026-03-04", None]),
    ...     "interview_on": pd.to_datetime(["2026-03-19", None]),
    ...     "status": ["interviewed", "awaiting"]})
    >>> activity(log, as_of="2026-03-20")
          period  asks  responses  interviews  cumulative_interviews
    0 2026-03-02     1          1           0                      0
    1 2026-03-09     0          0           0                      0
    2 2026-03-16     1          0           1                      1
    """
    check_choice("freq", freq, ["W", "M"])
    p = prepare(log, as_of=as_of)
    c, ts, o = p.frame, p.as_of, p.outcomes
    events = {
        "asks": c["requested_on"],
        "responses": c["responded_on"],
        "interviews": c["interview_on"].where(o["interviewed"].to_numpy()),
    }
    periods = {name: _period_start(d.where(d <= ts), freq) for name, d in events.items()}
    present = pd.concat(list(periods.values()), ignore_index=True).dropna()
    columns = list(TABLES["activity"].columns)
    if present.empty:
        return with_gaps(empty_table(columns, period="datetime64[ns]"), p, "activity")
    step = "W-MON" if freq == "W" else "MS"
    index = pd.date_range(present.min(), present.max(), freq=step).astype("datetime64[ns]")
    out = pd.DataFrame({"period": index})
    for name, period in periods.items():
        counts = period.dropna().astype("datetime64[ns]").value_counts()
        out[name] = counts.reindex(index, fill_value=0).to_numpy(dtype=np.int64)
    out["cumulative_interviews"] = out["interviews"].cumsum()
    return with_gaps(out, p, "activity")


# -- helpers shared by the analysis modules (private) -------------------------------


def _named_as_referrer(p: PreparedLog, rows: np.ndarray) -> np.ndarray:
    """For the selected rows: is the contact named in some row's ``referred_by``?

    Names match by the name key, within the same owner (the referral chains' rule).
    """
    contact_code, ref_code, _ = p.people
    owner = p.name_codes("owner")[0]
    named = pd.MultiIndex.from_arrays([owner[ref_code >= 0], ref_code[ref_code >= 0]])
    mine = pd.MultiIndex.from_arrays([owner[rows], contact_code[rows]])
    return (contact_code[rows] >= 0) & mine.isin(named)


def _period_start(dates: pd.Series, freq: str) -> pd.Series:
    """Monday of the week (freq "W") or first day of the month ("M") of each date."""
    period = "W-SUN" if freq == "W" else "M"  # weeks ending on Sunday start on Monday
    return dates.dt.to_period(period).dt.start_time.astype("datetime64[ns]")
