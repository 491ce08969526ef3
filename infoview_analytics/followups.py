"""The 3B7 follow-up method: kinds of contacts and the to-do list.

From *The 2-Hour Job Search* (S. Dalton): after asking someone, wait 3
business days, then contact a second person at the same organisation; after 7
business days without a reply, send the first person **one** follow-up.
Contacts who answer within 3 business days are *boosters*, later ones
*obligates*, those who never answer *curmudgeons*.

Decisions (documented in the functions):

* After the one follow-up, nothing more is suggested: when 7 more business
  days pass without a reply the contact is a curmudgeon (see
  :func:`classify_contacts`), and the advice is to move on.
* A follow-up counts when ``followed_up_on`` is after ``requested_on`` and on
  or before ``as_of``.
* A second person has been contacted when another request at the same
  organisation (case-insensitive) is dated on or after this one.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ._common import (
    ANSWER_WINDOW,
    SECOND_CONTACT_AFTER,
    as_of_timestamp,
    business_days,
    canonical,
    check_positive_int,
    outcomes,
)
from ._common import _holiday_array as holiday_array
from .responses import _name_key
from .timing import _answer_times

__all__ = ["classify_contacts", "follow_ups_due"]

_ACTIONS = ("thank_you", "follow_up", "contact_second_person", "keep_in_touch")
_DUE_COLUMNS = [
    "contact",
    "organization",
    "action",
    "reason",
    "due_since",
    "business_days_waiting",
    "overdue",
]


def classify_contacts(
    log: pd.DataFrame, *, as_of: Any = None, holidays: Any = None
) -> pd.DataFrame:
    """Sort each contact into a 3B7 kind: booster, obligate, curmudgeon, pending, not_asked.

    * booster: answered within 3 business days of the request;
    * obligate: answered later;
    * curmudgeon: no answer and out of the 7-business-day window, or given up
      (status no_response);
    * pending: no answer yet, still inside the window (see ``response_rates``);
    * not_asked: no request yet.

    The answer date follows :mod:`infoview_analytics.timing` (``responded_on``,
    else ``interview_on``). An answer without a usable date is an obligate,
    unless the request is at most 3 business days old (then the answer must
    have come within 3: booster).

    Parameters
    ----------
    log : pandas.DataFrame
        The interview log. Not modified.
    as_of : date-like, optional
        The day the log describes (default: today).
    holidays : list of date-like, optional
        Days that are not business days.

    Returns
    -------
    pandas.DataFrame
        One row per log row, in log order: ``contact, organization, kind,
        business_days`` (+ ``source_row`` when the log has it).
        ``business_days`` (Int64): from the request to the answer; for
        unanswered requests to ``as_of`` (to the give-up date for
        no_response); missing when unknown.

    Raises
    ------
    InvalidArgumentError
        For a bad ``as_of`` or ``holidays``.

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({
    ...     "contact": ["Ana", "Ben", "Dev", "Gus"],
    ...     "requested_on": pd.to_datetime(["2026-03-02", "2026-03-02", "2026-03-02", None]),
    ...     "responded_on": pd.to_datetime(["2026-03-05", "2026-03-10", None, None]),
    ...     "status": ["replied", "declined", "awaiting", "prospect"]})
    >>> classify_contacts(log, as_of="2026-03-20")
      contact organization       kind  business_days
    0     Ana         <NA>    booster              3
    1     Ben         <NA>   obligate              6
    2     Dev         <NA>  curmudgeon             14
    3     Gus         <NA>  not_asked           <NA>
    """
    ts = as_of_timestamp(as_of)
    c = canonical(log)
    o = outcomes(c, as_of=ts, holidays=holidays)
    t = _answer_times(c, o, ts, "business_days", holidays)
    asked = t["asked"].to_numpy()
    answered = t["answered"].to_numpy()
    usable = t["usable"].to_numpy()
    time = t["time"].to_numpy(dtype=float, na_value=np.nan)
    waited = business_days(c["requested_on"], ts, holidays).to_numpy()
    quick = np.where(usable, time <= SECOND_CONTACT_AFTER, waited <= SECOND_CONTACT_AFTER)
    kind = np.select(
        [
            ~asked,
            answered & quick,
            answered,
            o["pending"].to_numpy(),
        ],
        ["not_asked", "booster", "obligate", "pending"],
        default="curmudgeon",
    )
    out = pd.DataFrame(
        {
            "contact": _text(c["contact"]),
            "organization": _text(c["organization"]),
            "kind": pd.array(kind, dtype=object),
            "business_days": t["time"].to_numpy(),
        }
    )
    out["business_days"] = out["business_days"].astype("Int64")
    if "source_row" in c.columns:
        out["source_row"] = c["source_row"].to_numpy()
    return out


def follow_ups_due(
    log: pd.DataFrame,
    *,
    as_of: Any = None,
    holidays: Any = None,
    keep_in_touch_days: int = 60,
) -> pd.DataFrame:
    """The to-do list: thank-you notes, 3B7 follow-ups and keep-in-touch messages.

    Actions:

    * ``thank_you``: interviewed (``interview_on`` on or before ``as_of``) and
      not thanked. Due on the interview day (within 24 hours); overdue once
      more than 1 calendar day has passed.
    * ``contact_second_person``: no reply for 3+ business days (not given up)
      and no other request at the same organisation dated on or after this one.
      The reason names a prospect (a not-yet-asked row) at that organisation
      when the log has one. Rows without an organisation get no such action.
    * ``follow_up``: no reply for 7+ business days since the request and no
      follow-up sent yet. After the one follow-up nothing more is suggested:
      3B7 says move on.
    * ``keep_in_touch``: interviewed, and the last contact (latest of
      ``last_contact_on``, ``thanked_on``, ``interview_on``) is
      ``keep_in_touch_days`` or more calendar days ago. Never overdue.

    The 3B7 steps are overdue when more than 1 business day has passed since
    they became due.

    Parameters
    ----------
    log : pandas.DataFrame
        The interview log. Not modified.
    as_of : date-like, optional
        The day the log describes (default: today).
    holidays : list of date-like, optional
        Days that are not business days.
    keep_in_touch_days : int, default 60
        Calendar days without contact after which to get back in touch.

    Returns
    -------
    pandas.DataFrame
        One row per action: ``contact, organization, action, reason, due_since,
        business_days_waiting, overdue``; overdue first, then the longest
        waiting. ``business_days_waiting`` counts from the interview (thank_you),
        the request (3B7 steps) or the last contact (keep_in_touch).

    Raises
    ------
    InvalidArgumentError
        For a bad ``as_of``, ``holidays`` or ``keep_in_touch_days``.

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({
    ...     "contact": ["Ana", "Dev", "Gus"],
    ...     "organization": ["Acme", "Umbrella", "umbrella"],
    ...     "requested_on": pd.to_datetime(["2026-03-02", "2026-03-11", None]),
    ...     "interview_on": pd.to_datetime(["2026-03-18", None, None]),
    ...     "status": ["interviewed", "awaiting", "prospect"]})
    >>> todo = follow_ups_due(log, as_of="2026-03-20")
    >>> todo[["contact", "action", "business_days_waiting", "overdue"]]
      contact                 action  business_days_waiting  overdue
    0     Dev  contact_second_person                      7     True
    1     Ana              thank_you                      2     True
    2     Dev              follow_up                      7    False
    >>> print(todo.loc[0, "reason"])
    No reply from Dev for 7 business days: ask a second person at Umbrella, such as Gus ...
    """
    ts = as_of_timestamp(as_of)
    days_keep = check_positive_int("keep_in_touch_days", keep_in_touch_days, minimum=1)
    c = canonical(log)
    o = outcomes(c, as_of=ts, holidays=holidays)
    hol = holiday_array(holidays)
    contact = _text(c["contact"]).fillna("(no name)")
    org = _text(c["organization"])
    req = c["requested_on"]
    since_request = business_days(req, ts, holidays)
    open_request = (o["asked"] & ~o["responded"] & ~o["gave_up"] & req.notna()).to_numpy()
    # Reasons are built only for the rows that get the action (a cohort has a million rows).
    parts = []

    # Thank-you notes: due the day of the interview, overdue after more than a day.
    inter = c["interview_on"]
    thank = (o["interviewed"] & inter.notna() & (inter <= ts) & c["thanked_on"].isna()).to_numpy()
    parts.append(
        pd.DataFrame(
            {
                "contact": contact[thank],
                "organization": org[thank],
                "action": "thank_you",
                "reason": "Interviewed "
                + contact[thank]
                + " on "
                + _day(inter[thank])
                + ": send a thank-you note (due within 24 hours).",
                "due_since": inter[thank],
                "business_days_waiting": business_days(inter[thank], ts, holidays),
                "overdue": (ts - inter[thank]).dt.days > 1,
            }
        )
    )

    # 3B7, day 3: a second person at the same organisation, unless one was asked since.
    org_key = _name_key(org)
    dated = o["asked"] & req.notna() & org_key.notna()
    later_asks = req.where(dated).groupby(org_key.where(dated)).rank(method="max", ascending=False)
    second_done = (later_asks.reindex(c.index).fillna(0) >= 2).to_numpy()
    waited = since_request.to_numpy()
    second = (
        open_request & (waited >= SECOND_CONTACT_AFTER) & ~second_done & org_key.notna().to_numpy()
    )
    prospect = (~o["asked"] & c["contact"].notna() & org_key.notna()).to_numpy()
    first_prospect = (
        pd.DataFrame({"key": org_key[prospect], "name": contact[prospect]})
        .drop_duplicates("key")
        .set_index("key")["name"]
    )
    named = org_key[second].map(first_prospect).astype(object)
    where = org[second].fillna("")
    due3 = _busday_offset(req[second], SECOND_CONTACT_AFTER, hol)
    parts.append(
        pd.DataFrame(
            {
                "contact": contact[second],
                "organization": org[second],
                "action": "contact_second_person",
                "reason": _no_reply(contact[second], since_request[second])
                + np.where(
                    named.notna(),
                    "ask a second person at "
                    + where
                    + ", such as "
                    + named.fillna("")
                    + " (a prospect in your log).",
                    "find a second person at " + where + ".",
                ),
                "due_since": due3,
                "business_days_waiting": since_request[second],
                "overdue": business_days(due3, ts, holidays) > 1,
            }
        )
    )

    # 3B7, day 7: one follow-up to the first person; after that, move on.
    fu = c["followed_up_on"]
    followed = (fu.notna() & (fu > req) & (fu <= ts)).to_numpy()
    follow = open_request & (waited >= ANSWER_WINDOW) & ~followed
    due7 = _busday_offset(req[follow], ANSWER_WINDOW, hol)
    parts.append(
        pd.DataFrame(
            {
                "contact": contact[follow],
                "organization": org[follow],
                "action": "follow_up",
                "reason": _no_reply(contact[follow], since_request[follow])
                + "send them one follow-up.",
                "due_since": due7,
                "business_days_waiting": since_request[follow],
                "overdue": business_days(due7, ts, holidays) > 1,
            }
        )
    )

    # Keep in touch with the people you interviewed.
    touches = c[["last_contact_on", "thanked_on", "interview_on"]]
    last = touches.where(touches <= ts).max(axis=1)
    quiet = (ts - last).dt.days
    keep = (o["interviewed"] & last.notna() & (quiet >= days_keep)).to_numpy()
    parts.append(
        pd.DataFrame(
            {
                "contact": contact[keep],
                "organization": org[keep],
                "action": "keep_in_touch",
                "reason": "No contact with "
                + contact[keep]
                + " for "
                + _count(quiet[keep])
                + " days (since "
                + _day(last[keep])
                + "): send a short update.",
                "due_since": last[keep] + pd.Timedelta(days=days_keep),
                "business_days_waiting": business_days(last[keep], ts, holidays),
                "overdue": False,
            }
        )
    )

    out = pd.concat(parts, ignore_index=True)
    out = out.astype(
        {
            "contact": object,
            "organization": object,
            "action": object,
            "reason": object,
            "due_since": "datetime64[ns]",
            "business_days_waiting": np.int64,
            "overdue": bool,
        }
    )
    out["_action"] = out["action"].map({a: i for i, a in enumerate(_ACTIONS)})
    out = out.sort_values(
        ["overdue", "business_days_waiting", "due_since", "_action", "contact"],
        ascending=[False, False, True, True, True],
        kind="mergesort",
    )
    return out[_DUE_COLUMNS].reset_index(drop=True)


def _no_reply(contact: pd.Series, waited: pd.Series) -> pd.Series:
    return "No reply from " + contact + " for " + _count(waited) + " business days: "


def _busday_offset(start: pd.Series, days: int, holidays: np.ndarray) -> pd.Series:
    """The date ``days`` business days after ``start`` (weekend starts roll to Monday)."""
    valid = start.notna().to_numpy()
    out = np.full(len(start), np.datetime64("NaT"), dtype="datetime64[D]")
    if valid.any():
        d = start.to_numpy(dtype="datetime64[ns]")[valid].astype("datetime64[D]")
        out[valid] = np.busday_offset(d, days, roll="forward", holidays=holidays)
    return pd.Series(out.astype("datetime64[ns]"), index=start.index)


def _text(s: pd.Series) -> pd.Series:
    """A text column as objects, missing as pandas NA."""
    return s.astype(object).where(s.notna(), pd.NA)


def _day(dates: pd.Series) -> pd.Series:
    return dates.dt.strftime("%Y-%m-%d").fillna("?").astype(object)


def _count(values: pd.Series) -> pd.Series:
    return values.fillna(-1).astype(np.int64).astype(str).astype(object)
