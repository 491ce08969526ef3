"""The follow-ups due and the scheduled interviews as calendar events (a table).

:func:`calendar_events` turns :func:`~infoview_analytics.follow_ups_due` (thank-you
notes, the 3B7 steps, keep in touch) and the interviews ahead into one row per
all-day event; ``io.ics`` writes the rows as an iCalendar file and
:func:`~infoview_analytics.to_calendar` does both. Each event's ``uid`` is a hash of
the person (owner, contact and organisation name keys, and the how-many-th
namesake) and the kind of event, and nothing else: a newer file made from the
updated log carries the same UIDs, so importing it updates events instead of
duplicating them. Descriptions hold what the log says of that person only
(name, organisation, role, the meeting's format and length), never contact
details or notes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from ..core.docs import fill_doc
from ..core.names import name_key
from .docs import DOCS, columns_of
from .followups import follow_ups_due
from .needs import gaps
from .prepared import PreparedLog, prepare
from .tables import TABLES

__all__ = ["calendar_events"]

#: What each kind of event is called (the summary starts with it).
_TITLES = {
    "thank_you": "Send a thank-you note to",
    "follow_up": "Follow up with",
    "contact_second_person": "Ask a second person at",
    "keep_in_touch": "Get back in touch with",
    "interview": "Informational interview with",
}


@fill_doc(DOCS, columns=columns_of("calendar_events"))
def calendar_events(
    log: pd.DataFrame | PreparedLog,
    *,
    as_of: Any = None,
    holidays: Any = None,
    keep_in_touch_days: int = 60,
) -> pd.DataFrame:
    """The follow-ups due and the interviews ahead, one all-day event per row.

    Parameters
    ----------
    %(log)s
    %(as_of)s
    %(holidays)s
    keep_in_touch_days : int, default 60
        As in :func:`~infoview_analytics.follow_ups_due`.

    Returns
    -------
    pandas.DataFrame
        %(columns)s (then ``owner`` when the log has owners). One row per
        row of ``follow_ups_due`` (``kind`` its action, ``day`` its
        ``due_since``), then one per interview on or after ``as_of`` with a
        date (``kind`` "interview", ``day`` the interview day), sorted by day.
        ``uid`` is stable across runs and days (see the module docstring);
        ``description`` starts with the reason.

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({
    ...     "contact": ["Ana", "Dev"], "organization": ["Acme", "Umbrella"],
    ...     "requested_on": pd.to_datetime(["2026-03-02", "2026-03-09"]),
    ...     "interview_on": pd.to_datetime(["2026-03-24", None]),
    ...     "status": ["scheduled", "awaiting"]})
    >>> events = calendar_events(log, as_of="2026-03-20")
    >>> events[["kind", "day", "summary"]]
                        kind        day                                  summary
    0  contact_second_person 2026-03-12          Ask a second person at Umbrella
    1              follow_up 2026-03-18            Follow up with Dev (Umbrella)
    2              interview 2026-03-24  Informational interview with Ana (Acme)
    >>> bool(events["uid"].str.endswith("@infoview-analytics").all())
    True
    """
    p = prepare(log, as_of=as_of, holidays=holidays)
    todo = follow_ups_due(p, keep_in_touch_days=keep_in_touch_days)
    frame = p.frame
    cohort = "owner" in todo.columns
    tasks = pd.DataFrame(
        {
            "kind": todo["action"].astype(object),
            "day": todo["due_since"].to_numpy(dtype="datetime64[ns]"),
            "contact": todo["contact"].astype(object),
            "organization": todo["organization"].astype(object),
            "overdue": todo["overdue"].to_numpy(dtype=bool),
            "description": todo["reason"].astype(object),
            "owner": todo["owner"].astype(object) if cohort else None,
        }
    )
    day = p.as_of.to_datetime64()
    inter = frame["interview_on"].to_numpy(dtype="datetime64[ns]")
    o = p.outcomes
    ahead = (o["scheduled"].to_numpy() | o["interviewed"].to_numpy()) & (inter >= day)
    rows = np.flatnonzero(ahead)
    meetings = pd.DataFrame(
        {
            "kind": pd.Series(["interview"] * len(rows), dtype=object),
            "day": inter[rows],
            "contact": _text(frame["contact"].to_numpy(dtype=object)[rows]),
            "organization": _text(frame["organization"].to_numpy(dtype=object)[rows]),
            "overdue": np.zeros(len(rows), dtype=bool),
            "description": _meeting_texts(frame.iloc[rows]),
            "owner": _text(frame["owner"].to_numpy(dtype=object)[rows]) if cohort else None,
        }
    )
    events = pd.concat([tasks, meetings], ignore_index=True)
    events["summary"] = [
        _summary(k, c, o_)
        for k, c, o_ in zip(events["kind"], events["contact"], events["organization"], strict=True)
    ]
    events["uid"] = _uids(events, cohort)
    events = events.sort_values(["day", "kind", "summary", "uid"], kind="stable")
    columns = list(TABLES["calendar_events"].columns) + (["owner"] if cohort else [])
    out = events[columns].reset_index(drop=True)
    out.attrs["gaps"] = gaps(p, "calendar_events")
    out.attrs["as_of"] = p.as_of
    return out


def _text(values: np.ndarray) -> pd.Series:
    s = pd.Series(values, dtype=object)
    return s.where(s.notna(), pd.NA)


def _summary(kind: str, contact: Any, organization: Any) -> str:
    who = "(no name)" if pd.isna(contact) else str(contact)
    if kind == "contact_second_person":
        return f"{_TITLES[kind]} {'their organisation' if pd.isna(organization) else organization}"
    at = "" if pd.isna(organization) else f" ({organization})"
    return f"{_TITLES[kind]} {who}{at}"


def _meeting_texts(rows: pd.DataFrame) -> list[str]:
    """What the log says of each meeting: with whom, their role, format and length."""
    out = []
    columns = ["contact", "role", "organization", "field", "format", "minutes_planned"]
    records: Iterable[Any] = rows[columns].itertuples(index=False)
    for r in records:
        who = "(no name)" if pd.isna(r.contact) else str(r.contact)
        role = "" if pd.isna(r.role) else f", {r.role}"
        org = "" if pd.isna(r.organization) else f" at {r.organization}"
        how = [] if pd.isna(r.format) else [str(r.format)]
        if pd.notna(r.minutes_planned):
            how.append(f"{int(r.minutes_planned)} minutes")
        details = f" ({', '.join(how)})" if how else ""
        field = "" if pd.isna(r.field) else f" Field: {r.field}."
        out.append(
            f"Informational interview with {who}{role}{org}{details}.{field} Keep to the time "
            "you asked for, ask whom else you should talk to, and send a thank-you note "
            "within 24 hours."
        )
    return out


def _uids(events: pd.DataFrame, cohort: bool) -> list[str]:
    """Stable ids: a hash of owner, contact and organisation keys, kind, and namesake number."""
    parts = pd.DataFrame(
        {
            "owner": name_key(events["owner"].astype(object)) if cohort else "",
            "contact": name_key(events["contact"].astype(object)),
            "organization": name_key(events["organization"].astype(object)),
            "kind": events["kind"],
        }
    ).fillna("")
    text = parts["owner"] + "\x1f" + parts["contact"] + "\x1f" + parts["organization"]
    text = text + "\x1f" + parts["kind"]
    nth = text.groupby(text.to_numpy()).cumcount().to_numpy()
    return [
        hashlib.sha256(f"{t}\x1f{i}".encode()).hexdigest()[:32] + "@infoview-analytics"
        for t, i in zip(text.tolist(), nth.tolist(), strict=True)
    ]
