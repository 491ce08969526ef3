"""The prepared log: the canonical frame and the steps the analyses share, computed once.

A notebook, a report or an advisor's script runs many analyses on one log, and
they all start from the same steps: the outcome of every request, the name
keys of contacts, organisations and fields, the referral forest, the field
groups, the answer times and the follow-up steps. :func:`prepare` returns a
:class:`PreparedLog` that computes each of them on first use and keeps it;
every analysis accepts either a plain DataFrame (prepared on the spot) or a
PreparedLog. There is no global cache: what is computed lives on the object
the caller holds and is freed with it.

A PreparedLog describes the log as it was when prepared (pandas' copy-on-write
keeps it from seeing later edits of the caller's DataFrame); prepare again
after editing the log.

Examples
--------
>>> import infoview_analytics as iv
>>> prepared = iv.prepare(iv.example_log(), as_of=iv.SAMPLE_AS_OF)
>>> iv.prepare(prepared) is prepared
True
>>> rates = iv.response_rates(prepared, by="warmth")
>>> todo = iv.follow_ups_due(prepared)  # shares the outcomes computed for the rates
>>> str(prepared.as_of.date())
'2026-04-17'
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from ..core.args import as_of_timestamp
from ..core.calendar import business_calendar
from ..core.frame import canonical
from ..core.names import name_codes, people_codes
from .forest import Forest, build_forest
from .grouping import Groups, check_by, field_groups, group_rows
from .outcomes import answer_times, outcomes, warmth
from .steps import Steps, follow_up_steps

__all__ = ["PreparedLog", "prepare"]


class _Shared:
    """The steps that do not depend on the day or the holidays (shared by re-dated logs)."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self.frame = frame
        self.codes: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self.field_groups: dict[tuple[Any, ...], tuple[np.ndarray, pd.DataFrame]] = {}
        self.objects: dict[str, np.ndarray] = {}

    @cached_property
    def people(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return _read_only(people_codes(self.frame, texts=self.texts))

    @cached_property
    def forest(self) -> Forest:
        owners = self.name_codes("owner")[0]
        return build_forest(self.frame, people=self.people, owner_codes=owners, texts=self.texts)

    def texts(self, column: str) -> np.ndarray:
        """A column's values as an object array (a copy, read-only), made once.

        With Arrow-backed strings each conversion to Python strings costs ~0.1 s
        per million cells; the analyses that need Python strings share one.
        """
        if column not in self.objects:
            values = np.array(self.frame[column].to_numpy(dtype=object), dtype=object)
            self.objects[column] = _read_only((values,))[0]
        return self.objects[column]

    def name_codes(self, column: str) -> tuple[np.ndarray, np.ndarray]:
        if column not in self.codes:
            self.codes[column] = _read_only(name_codes(self.frame[column]))
        return self.codes[column]


class PreparedLog:
    """A log ready for analysis, as of one day (see :func:`prepare`).

    Attributes
    ----------
    frame : pandas.DataFrame
        The canonical frame: every canonical column present, dates at midnight.
    as_of : pandas.Timestamp
        The day the analyses describe.
    calendar : numpy.busdaycalendar
        Monday to Friday less the holidays given to :func:`prepare`.

    The shared steps (``outcomes``, ``warmth``, ``people``, ``forest``,
    ``steps``, and :meth:`groups`, :meth:`name_codes`, :meth:`field_groups`,
    :meth:`answer_times`) are computed on first use. They are the analyses'
    working parts: read them, never modify them.
    """

    frame: pd.DataFrame
    as_of: pd.Timestamp
    calendar: np.busdaycalendar
    _shared: _Shared
    _holidays: tuple[_dt.date, ...]
    _groups: dict[tuple[str, ...], Groups]
    _times: dict[str, pd.DataFrame]

    def __init__(
        self,
        shared: _Shared,
        *,
        as_of: pd.Timestamp,
        calendar: np.busdaycalendar,
        holidays: tuple[_dt.date, ...],
    ) -> None:
        object.__setattr__(self, "_shared", shared)
        object.__setattr__(self, "frame", shared.frame)
        object.__setattr__(self, "as_of", as_of)
        object.__setattr__(self, "calendar", calendar)
        object.__setattr__(self, "_holidays", holidays)
        object.__setattr__(self, "_groups", {})
        object.__setattr__(self, "_times", {})

    def __setattr__(self, name: str, value: object) -> None:
        msg = f"A PreparedLog cannot be changed (tried to set {name!r}); prepare the log again."
        raise AttributeError(msg)

    def __repr__(self) -> str:
        return f"<PreparedLog: {len(self.frame)} rows as of {self.as_of.date()}>"

    def __len__(self) -> int:
        return len(self.frame)

    # -- as of another day ----------------------------------------------------------
    def at(self, as_of: object = None, *, holidays: Any = None) -> PreparedLog:
        """The same log as of another day and/or with other holidays.

        ``None`` keeps this log's day and holidays. The steps that depend on
        neither (name codes, the referral forest) are shared, not recomputed.
        """
        day = self.as_of if as_of is None else as_of_timestamp(as_of)
        calendar = self.calendar if holidays is None else business_calendar(holidays)
        days = tuple(calendar.holidays.tolist())
        if day == self.as_of and days == self._holidays:
            return self
        return PreparedLog(self._shared, as_of=day, calendar=calendar, holidays=days)

    # -- shared steps ---------------------------------------------------------------
    @cached_property
    def outcomes(self) -> pd.DataFrame:
        """:func:`~infoview_analytics.analysis.outcomes.outcomes` of every row."""
        return outcomes(self.frame, as_of=self.as_of, calendar=self.calendar)

    @cached_property
    def warmth(self) -> pd.Series:
        """'warm' or 'cold' for every row."""
        return warmth(self.frame, referred=self.people[1] >= 0)

    @property
    def people(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Name codes of ``contact`` and ``referred_by`` (numbered together) and the keys."""
        return self._shared.people

    @property
    def forest(self) -> Forest:
        """The referral forest (does not depend on the day)."""
        return self._shared.forest

    @cached_property
    def steps(self) -> Steps:
        """Which rows are due a thank-you, a second person or a follow-up (3B7)."""
        return follow_up_steps(
            self.frame,
            self.outcomes,
            as_of=self.as_of,
            calendar=self.calendar,
            org_codes=self.name_codes("organization")[0],
            owner_codes=self.name_codes("owner")[0],
        )

    def texts(self, column: str) -> np.ndarray:
        """A column's values as a read-only object array (Python strings), made once."""
        return self._shared.texts(column)

    def name_codes(self, column: str) -> tuple[np.ndarray, np.ndarray]:
        """Name-key codes of a column (-1 for missing) and the keys, in order of appearance."""
        return self._shared.name_codes(column)

    def _known_codes(self, column: str) -> tuple[np.ndarray, np.ndarray] | None:
        """The name codes of a text column of the frame (None for derived columns)."""
        return self.name_codes(column) if column in self.frame.columns else None

    def with_derived(self, by: list[str]) -> pd.DataFrame:
        """The frame, plus the derived columns (``warmth``) that ``by`` asks for."""
        if "warmth" in by and "warmth" not in self.frame.columns:
            return self.frame.assign(warmth=self.warmth)
        return self.frame

    def groups(self, by: str | Sequence[str] | None) -> tuple[list[str], Groups]:
        """The checked ``by`` list and the rows numbered by group, groups in output order."""
        cols = check_by(self.frame, by)
        key = tuple(cols)
        if key not in self._groups:
            frame = self.with_derived(cols)
            self._groups[key] = group_rows(frame, cols, codes_of=self._known_codes)
        return cols, self._groups[key]

    def field_groups(
        self, by: list[str], planned: Sequence[str] = ()
    ) -> tuple[np.ndarray, pd.DataFrame]:
        """Group id of every row and the field groups table (see ``coverage``)."""
        key = (tuple(by), tuple(planned))
        cache = self._shared.field_groups
        if key not in cache:
            frame = self.with_derived(by)
            cache[key] = field_groups(frame, by, planned, codes_of=self._known_codes)
        gid, table = cache[key]
        return gid, table.copy()

    def answer_times(self, unit: str = "business_days") -> pd.DataFrame:
        """:func:`~infoview_analytics.analysis.outcomes.answer_times` in ``unit``."""
        if unit not in self._times:
            self._times[unit] = answer_times(
                self.frame, self.outcomes, as_of=self.as_of, calendar=self.calendar, unit=unit
            )
        return self._times[unit]


def prepare(
    log: pd.DataFrame | PreparedLog, *, as_of: Any = None, holidays: Any = None
) -> PreparedLog:
    """Prepare a log for analysis once, so the analyses run on it share their common steps.

    Parameters
    ----------
    log : pandas.DataFrame or PreparedLog
        The interview log (from ``load_log``, or any DataFrame with some
        canonical columns). Not modified. A PreparedLog is returned unchanged
        (or re-dated, when ``as_of`` or ``holidays`` differ from its own).
    as_of : date-like, optional
        The day the analyses describe (default: today; for a PreparedLog, its own day).
    holidays : list of date-like, optional
        Days that are not business days (for a PreparedLog, default: its own).

    Returns
    -------
    PreparedLog

    Raises
    ------
    InvalidArgumentError
        When ``log`` is not a DataFrame, or for a bad ``as_of`` or ``holidays``.

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({"contact": ["Ana"], "requested_on": pd.to_datetime(["2026-03-02"]),
    ...                     "status": ["awaiting"]})
    >>> prepared = prepare(log, as_of="2026-03-20")
    >>> prepared
    <PreparedLog: 1 rows as of 2026-03-20>
    >>> prepare(prepared) is prepared, prepare(prepared, as_of="2026-03-21") is prepared
    (True, False)
    """
    if isinstance(log, PreparedLog):
        return log.at(as_of, holidays=holidays)
    # A shallow copy: pandas' copy-on-write (always on from pandas 3, the lowest version
    # supported) keeps it apart from later edits of ``log``.
    frame = canonical(log)
    calendar = business_calendar(holidays)
    return PreparedLog(
        _Shared(frame),
        as_of=as_of_timestamp(as_of),
        calendar=calendar,
        holidays=tuple(calendar.holidays.tolist()),
    )


def _read_only(arrays: tuple[np.ndarray, ...]) -> Any:
    """The arrays (made by a step, never the user's) marked read-only: no analysis edits them."""
    for a in arrays:
        a.flags.writeable = False
    return arrays
