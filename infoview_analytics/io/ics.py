"""Writing calendar events as an iCalendar file (RFC 5545), with the ``icalendar`` library.

The events come as a table (``analysis.agenda.calendar_events`` makes it; io
imports no analysis): one all-day ``VEVENT`` per row, ``DTSTART`` the day
(``VALUE=DATE``) and ``DTEND`` the next day, the row's ``uid``, ``summary`` and
``description``, and ``CATEGORIES`` its kind. Tasks are all-day events rather
than ``VTODO``s because the calendars people use (Google Calendar, Outlook,
Apple Calendar) import events and most ignore tasks; they are marked free
(``TRANSP:TRANSPARENT``), interviews busy. ``DTSTAMP`` is the as-of day
(midnight UTC) and ``SEQUENCE`` the number of days from 2000-01-01 to it, so
the file is the same on every run for one day, and a file made on a later day
supersedes the earlier one event by event (same ``UID``, higher ``SEQUENCE``).
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from .export import write_bytes_atomically

__all__ = ["calendar_bytes", "write_ics"]

PRODID = "-//infoview-analytics//Informational interviews//EN"
_EPOCH = _dt.date(2000, 1, 1)


def calendar_bytes(
    events: pd.DataFrame, *, as_of: pd.Timestamp, name: str = "Informational interviews"
) -> bytes:
    """The iCalendar text of ``events`` (columns ``uid, kind, day, summary, description``).

    Examples
    --------
    >>> events = pd.DataFrame({"uid": ["a@x"], "kind": ["follow_up"],
    ...     "day": pd.to_datetime(["2026-03-18"]), "summary": ["Follow up with Dev"],
    ...     "description": ["No reply from Dev for 7 business days."]})
    >>> text = calendar_bytes(events, as_of=pd.Timestamp("2026-03-20")).decode()
    >>> "DTSTART;VALUE=DATE:20260318" in text, "SEQUENCE:9575" in text
    (True, True)
    """
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    day_of = pd.Timestamp(as_of).date()
    stamp = _dt.datetime(day_of.year, day_of.month, day_of.day, tzinfo=_dt.UTC)
    sequence = (day_of - _EPOCH).days
    rows: Iterable[Any] = events.itertuples(index=False)
    for row in rows:
        if pd.isna(row.day):
            continue  # no day, no event (the table never has one)
        start = pd.Timestamp(row.day).date()
        event = Event()
        event.add("uid", str(row.uid))
        event.add("dtstamp", stamp)
        event.add("sequence", sequence)
        event.add("dtstart", start)
        event.add("dtend", start + _dt.timedelta(days=1))
        event.add("summary", str(row.summary))
        event.add("description", str(row.description))
        event.add("categories", [str(row.kind)])
        event.add("transp", "OPAQUE" if row.kind == "interview" else "TRANSPARENT")
        cal.add_component(event)
    return bytes(cal.to_ical())


def write_ics(
    events: pd.DataFrame,
    path: str | os.PathLike[str],
    *,
    as_of: pd.Timestamp,
    name: str = "Informational interviews",
    overwrite: bool = False,
) -> Path:
    """Write ``events`` as an iCalendar file at ``path``, atomically.

    Raises
    ------
    ReportExistsError
        When ``path`` exists and ``overwrite`` is false.
    """
    return write_bytes_atomically(
        calendar_bytes(events, as_of=as_of, name=name), path, overwrite=overwrite
    )
