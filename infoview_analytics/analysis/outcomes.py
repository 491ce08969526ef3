"""Request outcomes: the one definition of asked, responded, pending ... that every analysis uses.

The rules (also in docs/architecture.md and docs/log-format.md):

* **asked**: a request date on or before ``as_of``, or a status past prospect
  with no request date, or a yes without a date in ``requested``,
  ``responded`` or ``interviewed`` (the flag columns, ``core.values``);
* **responded**: a response date or an interview date on or before ``as_of``,
  or a status that implies an answer (replied, scheduled, interviewed,
  declined, cancelled), or a yes without a date in ``responded`` or
  ``interviewed`` ("Replied? Yes" is an answer);
* **agreed**: scheduled, interviewed or cancelled, or an interview date, or a
  yes without a date in ``interviewed``;
* **pending**: asked, no answer, not given up (no_response), and fewer than
  7 business days since the request or the last follow-up. Pending requests
  are left out of rates: it is too early to count them as unanswered;
* **decided** = asked and not pending: the denominator of a response rate.

Answer times (:func:`answer_times`) follow from them: the clock starts at
``requested_on`` and stops at the answer (``responded_on``, else
``interview_on``), or is censored at ``as_of`` (at the give-up date for
no_response). An answer without a date has no time: it is left out of them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..core.calendar import business_days
from ..core.schema import WARM_SOURCES
from ..core.values import undated_yes

__all__ = [
    "AGREED_STATUSES",
    "ANSWER_WINDOW",
    "ASKED_STATUSES",
    "RESPONDED_STATUSES",
    "SECOND_CONTACT_AFTER",
    "answer_times",
    "outcomes",
    "warmth",
]

#: Business days without a reply after which a request is no longer pending (the "7" of 3B7).
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

_NAT = np.datetime64("NaT", "ns")
_INTERVIEWED = frozenset({"interviewed"})
_SCHEDULED = frozenset({"scheduled"})


def _dates(frame: pd.DataFrame, column: str) -> np.ndarray:
    return frame[column].to_numpy(dtype="datetime64[ns]")


def outcomes(
    frame: pd.DataFrame,
    *,
    as_of: pd.Timestamp,
    calendar: np.busdaycalendar,
    window: int = ANSWER_WINDOW,
) -> pd.DataFrame:
    """One row per log row: what happened to the request, as of ``as_of``.

    ``frame`` is a canonical frame (:func:`~infoview_analytics.core.frame.canonical`).
    Returns boolean columns ``asked, responded, agreed, interviewed,
    scheduled, declined, gave_up, pending, decided``, then ``waiting_since``
    (the request or the last follow-up, whichever is later) and
    ``business_days_waiting`` (from ``waiting_since`` to ``as_of`` for open
    requests, NaN otherwise). The rules are in the module docstring.

    Examples
    --------
    >>> frame = pd.DataFrame({
    ...     "status": ["replied", "awaiting", "awaiting", "prospect"],
    ...     "requested_on": pd.to_datetime(["2026-03-02", "2026-03-02", "2026-03-18", None]),
    ...     "responded_on": pd.NaT, "interview_on": pd.NaT, "followed_up_on": pd.NaT})
    >>> o = outcomes(frame, as_of=pd.Timestamp("2026-03-20"), calendar=np.busdaycalendar())
    >>> o[["asked", "responded", "pending", "decided", "business_days_waiting"]]
       asked  responded  pending  decided  business_days_waiting
    0   True       True    False     True                    NaN
    1   True      False    False     True                   14.0
    2   True      False     True    False                    2.0
    3  False      False    False    False                    NaN
    """
    status = frame["status"]

    def has(names: frozenset[str]) -> np.ndarray:
        return status.isin(list(names)).to_numpy(dtype=bool)

    day = as_of.to_datetime64().astype("datetime64[ns]")
    req = _dates(frame, "requested_on")
    resp = _dates(frame, "responded_on")
    inter = _dates(frame, "interview_on")
    follow = _dates(frame, "followed_up_on")
    # A yes without a date ("Replied? Yes") counts at any as_of: its day is unknown.
    met = undated_yes(frame, "interview_on")
    answered = undated_yes(frame, "responded_on") | met
    # numpy comparisons with NaT are False, so "date <= day" also means "date known".
    # Dates decide what has happened by ``as_of``: an answer or a meeting dated after it
    # has not happened yet, whatever the status says (written, or derived from the dates
    # when the file was loaded as of another day). A status speaks where there is no date.
    asked = (req <= day) | (
        np.isnat(req) & (has(ASKED_STATUSES) | undated_yes(frame, "requested_on") | answered)
    )
    answered_later = (resp > day) & ~(inter <= day)
    responded = asked & (
        (resp <= day) | (inter <= day) | answered | (has(RESPONDED_STATUSES) & ~answered_later)
    )
    no_meeting = has(frozenset({"cancelled", "declined", "no_response"}))
    interviewed = (
        asked & ~no_meeting & ((inter <= day) | (np.isnat(inter) & (has(_INTERVIEWED) | met)))
    )
    scheduled = asked & ~no_meeting & ((inter > day) | (np.isnat(inter) & has(_SCHEDULED)))
    agreed = responded & (has(AGREED_STATUSES) | ~np.isnat(inter) | met)
    gave_up = asked & ~responded & has(frozenset({"no_response"}))
    waiting_since = np.fmax(req, np.where(follow <= day, follow, _NAT))
    open_request = asked & ~responded & ~gave_up
    waited = business_days(np.where(open_request, waiting_since, _NAT), day, calendar)
    pending = open_request & (waited < window)  # NaN compares False
    return pd.DataFrame(
        {
            "asked": asked,
            "responded": responded,
            "agreed": agreed,
            "interviewed": interviewed,
            "scheduled": scheduled,
            "declined": responded & has(frozenset({"declined"})),
            "gave_up": gave_up,
            "pending": pending,
            "decided": asked & ~pending,
            "waiting_since": np.where(asked, waiting_since, _NAT),
            "business_days_waiting": waited,
        },
        index=frame.index,
    )


def warmth(frame: pd.DataFrame, *, referred: np.ndarray) -> pd.Series:
    """'warm' when referred or from a warm source (``schema.WARM_SOURCES``), else 'cold'.

    ``referred`` says which rows name a referrer (a ``referred_by`` with a name
    key). Returns a categorical with categories ``['cold', 'warm']``.

    Examples
    --------
    >>> frame = pd.DataFrame({"source": ["alumni", "cold_email", None]})
    >>> warmth(frame, referred=np.array([False, True, False])).tolist()
    ['warm', 'warm', 'cold']
    """
    warm = referred | frame["source"].isin(list(WARM_SOURCES)).to_numpy(dtype=bool)
    return pd.Series(
        # pandas-stubs: categories may be any list-like, not only an Index
        pd.Categorical.from_codes(warm.astype(np.int8), categories=["cold", "warm"]),  # type: ignore[call-overload]
        index=frame.index,
        name="warmth",
    )


def answer_times(
    frame: pd.DataFrame,
    outcome: pd.DataFrame,
    *,
    as_of: pd.Timestamp,
    calendar: np.busdaycalendar,
    unit: str = "business_days",
) -> pd.DataFrame:
    """Per row: ``asked``, ``answered``, ``time`` (Int64) and ``usable``, for Kaplan–Meier.

    ``time`` runs from ``requested_on`` to the answer (``responded_on``, else
    ``interview_on``, on or before ``as_of``) or, for requests without an
    answer, to the censoring date (``as_of``; for no_response the give-up
    date: ``last_contact_on``, else ``followed_up_on``, never after
    ``as_of``). ``usable`` is False where the time cannot be known (no
    request date, an answer without a usable date, a stop before the start).
    ``unit`` is ``"business_days"`` or ``"days"``; ``outcome`` is
    :func:`outcomes` of the same frame and day.

    Examples
    --------
    >>> frame = pd.DataFrame({
    ...     "status": ["replied", "awaiting"],
    ...     "requested_on": pd.to_datetime(["2026-03-02", "2026-03-02"]),
    ...     "responded_on": pd.to_datetime(["2026-03-04", None]),
    ...     "interview_on": pd.NaT, "followed_up_on": pd.NaT, "last_contact_on": pd.NaT})
    >>> day, cal = pd.Timestamp("2026-03-05"), np.busdaycalendar()
    >>> o = outcomes(frame, as_of=day, calendar=cal)
    >>> answer_times(frame, o, as_of=day, calendar=cal)
       asked  answered  time  usable
    0   True      True     2    True
    1   True     False     3    True
    """
    asked = outcome["asked"].to_numpy()
    answered = outcome["responded"].to_numpy() & asked
    day = as_of.to_datetime64().astype("datetime64[ns]")

    def until_as_of(column: str) -> np.ndarray:
        d = _dates(frame, column)
        return np.where(d <= day, d, _NAT)

    answer_on = until_as_of("responded_on")
    answer_on = np.where(np.isnat(answer_on), until_as_of("interview_on"), answer_on)
    gave_up_on = _dates(frame, "last_contact_on")
    gave_up_on = np.where(np.isnat(gave_up_on), _dates(frame, "followed_up_on"), gave_up_on)
    gave_up_on = np.where(np.isnat(gave_up_on) | (gave_up_on > day), day, gave_up_on)
    censor_on = np.where(outcome["gave_up"].to_numpy(), gave_up_on, day)
    end = np.where(answered, answer_on, censor_on)
    start = _dates(frame, "requested_on")
    if unit == "business_days":
        time = business_days(start, end, calendar)
    else:
        with np.errstate(invalid="ignore"):
            time = ((end - start) / np.timedelta64(1, "D")).astype(float)
        time[np.isnat(start) | np.isnat(end)] = np.nan
    usable = asked & (time >= 0)  # NaN compares False
    return pd.DataFrame(
        {
            "asked": asked,
            "answered": answered,
            "time": pd.arrays.IntegerArray(
                np.where(usable, time, 0).astype(np.int64), ~usable, copy=False
            ),
            "usable": usable,
        },
        index=frame.index,
    )
