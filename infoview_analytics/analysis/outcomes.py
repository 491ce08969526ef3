"""Request outcomes: the one definition of asked, responded, pending ... every analysis uses."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from ..core.calendar import busday_count_where, holiday_key
from ..core.memo import remembered
from ..core.schema import WARM_SOURCES

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


_SPACE_AFTER_SEPARATOR = re.compile(r"\x00\s")


_SINGLE_STATUSES = (
    frozenset({"interviewed"}),
    frozenset({"scheduled"}),
    frozenset({"declined"}),
    frozenset({"no_response"}),
)


#: The columns :func:`outcomes` reads (with ``as_of``, the window and the holidays).
OUTCOME_INPUTS = ("status", "requested_on", "responded_on", "interview_on", "followed_up_on")


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
    waited = busday_count_where(waiting_since, day, open_request, holidays)
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
