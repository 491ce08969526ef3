"""The follow-ups and interviews as a calendar file: :func:`to_calendar`.

Here because it joins two rooms: the events come from the analyses
(``analysis.agenda``) and the file is written by ``io.ics``, which imports no
analysis.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pandas as pd

from ..analysis.agenda import calendar_events
from ..analysis.prepared import PreparedLog
from ..io.ics import write_ics

__all__ = ["to_calendar"]


def to_calendar(
    log: pd.DataFrame | PreparedLog,
    path: str | os.PathLike[str],
    *,
    as_of: Any = None,
    holidays: Any = None,
    keep_in_touch_days: int = 60,
    force: bool = False,
) -> Path:
    """Write the follow-ups due and the interviews ahead as an iCalendar (.ics) file.

    One all-day event per follow-up of ``follow_ups_due`` (on the day it fell
    due) and per interview on or after ``as_of`` (on its day), each with its
    reason in the description. UIDs are stable (the person and the kind of
    event), so importing a newer file updates the events instead of adding
    them twice. Written atomically; the log is never touched.

    Parameters
    ----------
    log : pandas.DataFrame or PreparedLog
        The interview log. Not modified.
    path : path-like
        The .ics file to write.
    as_of : date-like, optional
        The day the follow-ups are due as of (default: today; for a prepared
        log, its own day).
    holidays : list of date-like, optional
        Days that are not business days.
    keep_in_touch_days : int, default 60
        As in ``follow_ups_due``.
    force : bool
        Replace ``path`` if it exists.

    Returns
    -------
    Path
        ``path``.

    Raises
    ------
    ReportExistsError
        When ``path`` exists and ``force`` is false.

    Examples
    --------
    >>> import tempfile, infoview_analytics as iv
    >>> out = iv.to_calendar(iv.example_log(), f"{tempfile.mkdtemp()}/follow-ups.ics",
    ...                      as_of=iv.SAMPLE_AS_OF)
    >>> out.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    True
    """
    events = calendar_events(
        log, as_of=as_of, holidays=holidays, keep_in_touch_days=keep_in_touch_days
    )
    return write_ics(events, path, as_of=events.attrs["as_of"], overwrite=force)
