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

from types import SimpleNamespace
from typing import Any

import numpy as np
import pandas as pd

from ..core.args import as_of_timestamp, check_positive_int
from ..core.calendar import business_days, holiday_array, holiday_key
from ..core.frame import canonical
from ..core.memo import remembered
from ..core.names import name_codes
from .grouping import value_codes
from .outcomes import ANSWER_WINDOW, OUTCOME_INPUTS, SECOND_CONTACT_AFTER, outcomes
from .timing import _answer_times

__all__ = ["classify_contacts", "follow_ups_due"]

_ACTIONS = ("thank_you", "follow_up", "contact_second_person", "keep_in_touch")
_DUE_DTYPES = {
    "due_since": np.dtype("datetime64[ns]"),
    "business_days_waiting": np.dtype(np.int64),
    "overdue": np.dtype(bool),
}
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

    The answer date follows :mod:`infoview_analytics.analysis.timing` (``responded_on``,
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
    kinds = np.array(["not_asked", "booster", "obligate", "pending", "curmudgeon"], dtype=object)
    kind = np.select(
        [~asked, answered & quick, answered, o["pending"].to_numpy()], [0, 1, 2, 3], default=4
    )
    out = pd.DataFrame(
        {
            "contact": _text(c["contact"]),
            "organization": _text(c["organization"]),
            "kind": pd.Series(kinds[kind], dtype=object, copy=False),
            "business_days": t["time"].array,
        }
    )
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
        waiting, the earliest due, by action (thank-you, follow-up, second
        person, keep in touch) and by contact. ``business_days_waiting``
        counts from the interview (thank_you), the request (3B7 steps) or the
        last contact (keep_in_touch).

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
    st = _steps(c, o, ts, holidays)
    interviewed, req, since_request, cohort = st.interviewed, st.req, st.since_request, st.cohort
    # Text is converted and reasons built only for the rows that get an action (a cohort
    # has a million rows, a few hundred thousand actions).
    parts = []

    # Thank-you notes: due the day of the interview, overdue after more than a day.
    inter, thank = c["interview_on"], st.thank
    who = _names(c, thank)
    parts.append(
        _part(
            {
                "_row": np.flatnonzero(thank),
                "contact": who,
                "organization": _text(c["organization"][thank]),
                "action": "thank_you",
                "reason": [
                    f"Interviewed {w} on {d}: send a thank-you note (due within 24 hours)."
                    for w, d in zip(who, _days(inter[thank]), strict=True)
                ],
                "due_since": inter[thank],
                "business_days_waiting": business_days(inter[thank], ts, holidays),
                "overdue": (ts - inter[thank]).dt.days > 1,
            }
        )
    )

    # 3B7, day 3: a second person at the same organisation, unless one was asked since.
    org_code, has_org, asked, second = st.org_code, st.has_org, st.asked, st.second
    # The first prospect (not yet asked) in log order at each organisation, by row number.
    prospect = np.flatnonzero(~asked & c["contact"].notna().to_numpy() & has_org)
    orgs_with_prospect, first = np.unique(org_code[prospect], return_index=True)
    prospect_row = np.full(int(org_code.max(initial=-1)) + 1, -1, dtype=np.int64)
    prospect_row[orgs_with_prospect] = prospect[first]
    row = prospect_row[org_code[second]]
    named = np.where(row >= 0, c["contact"].to_numpy(dtype=object)[np.maximum(row, 0)], None)
    who = _names(c, second)
    where = _text(c["organization"][second])
    due3 = _busday_offset(req[second], SECOND_CONTACT_AFTER, hol)
    parts.append(
        _part(
            {
                "_row": np.flatnonzero(second),
                "contact": who,
                "organization": where,
                "action": "contact_second_person",
                "reason": [
                    f"No reply from {w} for {d} business days: "
                    + (
                        f"find a second person at {org}."
                        if p is None
                        else f"ask a second person at {org}, such as {p} (a prospect in your log)."
                    )
                    for w, d, org, p in zip(
                        who, _ints(since_request[second]), where.fillna(""), named, strict=True
                    )
                ],
                "due_since": due3,
                "business_days_waiting": since_request[second],
                "overdue": business_days(due3, ts, holidays) > 1,
            }
        )
    )

    # 3B7, day 7: one follow-up to the first person; after that, move on.
    follow = st.follow
    who = _names(c, follow)
    due7 = _busday_offset(req[follow], ANSWER_WINDOW, hol)
    parts.append(
        _part(
            {
                "_row": np.flatnonzero(follow),
                "contact": who,
                "organization": _text(c["organization"][follow]),
                "action": "follow_up",
                "reason": [
                    f"No reply from {w} for {d} business days: send them one follow-up."
                    for w, d in zip(who, _ints(since_request[follow]), strict=True)
                ],
                "due_since": due7,
                "business_days_waiting": since_request[follow],
                "overdue": business_days(due7, ts, holidays) > 1,
            }
        )
    )

    # Keep in touch with the people you interviewed: the latest contact on or before as_of.
    last = None
    for col in ("last_contact_on", "thanked_on", "interview_on"):
        day = c[col].to_numpy(dtype="datetime64[ns]")
        day = np.where(day <= ts.to_datetime64(), day, np.datetime64("NaT"))
        last = day if last is None else np.fmax(last, day)
    last = pd.Series(last, index=c.index)
    quiet = (ts - last).dt.days
    keep = interviewed & (last.notna() & (quiet >= days_keep)).to_numpy()
    who = _names(c, keep)
    parts.append(
        _part(
            {
                "_row": np.flatnonzero(keep),
                "contact": who,
                "organization": _text(c["organization"][keep]),
                "action": "keep_in_touch",
                "reason": [
                    f"No contact with {w} for {q} days (since {d}): send a short update."
                    for w, q, d in zip(who, _ints(quiet[keep]), _days(last[keep]), strict=True)
                ],
                "due_since": last[keep] + pd.Timedelta(days=days_keep),
                "business_days_waiting": business_days(last[keep], ts, holidays),
                "overdue": False,
            }
        )
    )

    # Plain arrays joined, sorted and put in a frame once (no frames per part, no
    # string-dtype inference on half a million texts).
    joined = {k: np.concatenate([part[k] for part in parts]) for k in parts[0]}
    order = _urgency_order(joined)
    columns = list(_DUE_COLUMNS)
    if cohort:
        joined["owner"] = c["owner"].to_numpy(dtype=object)[joined["_row"]]
        columns.append("owner")
    return pd.DataFrame(
        {
            k: pd.Series(joined[k][order], dtype=_DUE_DTYPES.get(k, object), copy=False)
            for k in columns
        }
    )


def _part(columns: dict[str, Any]) -> dict[str, np.ndarray]:
    """One kind of action as plain arrays of the to-do list's dtypes."""
    n = len(columns["_row"])
    out = {}
    for name, values in columns.items():
        dtype = _DUE_DTYPES.get(name, object) if name != "_row" else np.int64
        if isinstance(values, str | bool):
            out[name] = np.full(n, values, dtype=dtype)
        elif isinstance(values, pd.Series):
            out[name] = values.to_numpy(dtype=dtype)
        else:
            out[name] = np.asarray(values, dtype=dtype)
    return out


#: The columns the to-do steps depend on (with ``as_of`` and the holidays).
_STEP_INPUTS = (*OUTCOME_INPUTS, "thanked_on", "organization", "owner")


def _steps(c: pd.DataFrame, o: pd.DataFrame, ts: pd.Timestamp, holidays: Any) -> SimpleNamespace:
    """Which rows get a thank-you, second-person or follow-up step (masks, no text).

    Shared by :func:`follow_ups_due` and :func:`_overdue_per_row`, so the cohort
    summary counts overdue steps without building a million reason texts; and
    remembered (:mod:`._memo`), so the two share one computation. ``o`` must be
    ``outcomes(c, as_of=ts, holidays=holidays)``.
    """
    parts = remembered(
        "follow_up_steps",
        [c[col] for col in _STEP_INPUTS],
        lambda: _step_masks(c, o, ts, holidays),
        params=(ts.value, holiday_key(holidays)),
    )
    return SimpleNamespace(
        **parts,
        req=c["requested_on"],
        since_request=pd.Series(parts["waited"], index=c.index),
    )


def _step_masks(
    c: pd.DataFrame, o: pd.DataFrame, ts: pd.Timestamp, holidays: Any
) -> dict[str, Any]:
    """The arrays of :func:`_steps`, computed."""
    asked = o["asked"].to_numpy()
    interviewed = o["interviewed"].to_numpy()
    req = c["requested_on"]
    open_request = (o["asked"] & ~o["responded"] & ~o["gave_up"] & req.notna()).to_numpy()
    # Business days since the request, counted only where a 3B7 step can apply.
    since_request = business_days(req.where(open_request), ts, holidays)
    waited = since_request.to_numpy()
    inter = c["interview_on"]
    thank = interviewed & (inter.notna() & (inter <= ts) & c["thanked_on"].isna()).to_numpy()
    org_code, _ = name_codes(c["organization"])
    has_org = org_code >= 0
    cohort = bool(c["owner"].notna().any())
    if cohort:
        # In a cohort each student has their own network: Acme for one student is not
        # the same lead as Acme for another, so organisations are matched per owner.
        owner_code = value_codes(c["owner"])[0] + 1  # missing (-1) is a group of its own
        combined = owner_code * (int(org_code.max(initial=0)) + 1) + org_code
        org_code = np.full(len(org_code), -1, dtype=np.int64)
        org_code[has_org] = pd.factorize(combined[has_org])[0]
    second_done = _asked_again(org_code, req, asked & req.notna().to_numpy() & has_org)
    second = open_request & (waited >= SECOND_CONTACT_AFTER) & ~second_done & has_org
    fu = c["followed_up_on"]
    followed = (fu.notna() & (fu > req) & (fu <= ts)).to_numpy()
    follow = open_request & (waited >= ANSWER_WINDOW) & ~followed
    return {
        "asked": asked,
        "interviewed": interviewed,
        "waited": waited,
        "thank": thank,
        "org_code": org_code,
        "has_org": has_org,
        "second": second,
        "follow": follow,
        "cohort": cohort,
    }


def _overdue_per_row(
    c: pd.DataFrame, o: pd.DataFrame, ts: pd.Timestamp, holidays: Any = None
) -> np.ndarray:
    """Number of overdue to-do actions of each log row (what :func:`follow_ups_due` marks overdue).

    Private helper of the cohort summary: same rules, no reason texts. ``c`` is
    the canonical log and ``o`` its outcomes as of ``ts`` (the summary has them).
    """
    hol = holiday_array(holidays)
    st = _steps(c, o, ts, holidays)
    req = c["requested_on"]
    count = np.zeros(len(c), dtype=np.int64)
    inter = c["interview_on"]
    count[st.thank] += ((ts - inter[st.thank]).dt.days > 1).to_numpy()
    for mask, days in ((st.second, SECOND_CONTACT_AFTER), (st.follow, ANSWER_WINDOW)):
        due = _busday_offset(req[mask], days, hol)
        count[mask] += (business_days(due, ts, holidays) > 1).to_numpy()
    return count


def _asked_again(org: np.ndarray, requested: pd.Series, dated: np.ndarray) -> np.ndarray:
    """True for the ``dated`` rows with another dated row at the same ``org`` on or after them.

    That is: a request before the organisation's latest one, or one of two or
    more requests on that latest day.
    """
    out = np.zeros(len(org), dtype=bool)
    if not dated.any():
        return out
    group = org[dated]
    day = requested.to_numpy(dtype="datetime64[ns]")[dated].astype(np.int64)
    n_groups = group.max() + 1
    latest_of = np.full(n_groups, np.iinfo(np.int64).min)
    np.maximum.at(latest_of, group, day)
    latest = latest_of[group]
    on_latest = np.bincount(group[day == latest], minlength=n_groups)[group]
    out[dated] = (day < latest) | (on_latest >= 2)
    return out


def _urgency_order(todo: dict[str, np.ndarray]) -> np.ndarray:
    """Row order: overdue first, longest waiting, earliest due, action order, contact."""
    contact = todo["contact"]
    # Rank by a stable sort of the contacts: equal names keep their order, which is
    # what the final stable sort would give them anyway. The names are text here
    # (the reasons were built from them).
    try:
        # numpy's variable-width strings sort in C, in Python's (code point) order.
        by_name = np.argsort(np.array(contact, dtype=np.dtypes.StringDType()), kind="stable")
    except UnicodeEncodeError:
        # A lone surrogate (not valid UTF-8): compare the Python strings.
        by_name = np.argsort(contact, kind="stable")
    name_rank = np.empty(len(contact), dtype=np.int64)
    name_rank[by_name] = np.arange(len(contact))
    action = np.zeros(len(contact), dtype=np.int64)
    for code, name in enumerate(_ACTIONS):
        action[todo["action"] == name] = code
    due = todo["due_since"]
    due = np.where(np.isnat(due), np.iinfo(np.int64).max, due.astype(np.int64))
    # np.lexsort is stable and sorts by the last key first.
    return np.lexsort((name_rank, action, due, -todo["business_days_waiting"], ~todo["overdue"]))


def _busday_offset(start: pd.Series, days: int, holidays: np.ndarray) -> pd.Series:
    """The date ``days`` business days after ``start`` (weekend starts roll to Monday)."""
    valid = start.notna().to_numpy()
    out = np.full(len(start), np.datetime64("NaT"), dtype="datetime64[D]")
    if valid.any():
        d = start.to_numpy(dtype="datetime64[ns]")[valid].astype("datetime64[D]")
        out[valid] = np.busday_offset(d, days, roll="forward", holidays=holidays)
    return pd.Series(out.astype("datetime64[ns]"), index=start.index)


def _names(c: pd.DataFrame, rows: np.ndarray) -> list[str]:
    """The contact of the selected rows as Python strings, '(no name)' when missing."""
    names = c["contact"][rows]
    return names.astype(object).where(names.notna(), "(no name)").tolist()


def _text(s: pd.Series) -> pd.Series:
    """A text column as objects, missing as pandas NA."""
    return s.astype(object).where(s.notna(), pd.NA)


def _days(dates: pd.Series) -> list[str]:
    """Dates as 'YYYY-MM-DD' strings ('?' when missing), formatted in C."""
    # A log has a few hundred distinct days: format each once.
    codes, days = pd.factorize(dates.to_numpy(dtype="datetime64[D]"))
    text = np.datetime_as_string(np.asarray(days, dtype="datetime64[D]"), unit="D").tolist()
    return np.asarray([*text, "?"], dtype=object)[codes].tolist()


def _ints(values: pd.Series) -> list[int]:
    return values.fillna(-1).astype(np.int64).tolist()
