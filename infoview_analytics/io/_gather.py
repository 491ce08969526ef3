"""Gathering the answers of a log's date and status columns, and completing the log with them.

Private to the loader's room (``_assemble`` uses :class:`Answers`): the
reading of each value is :mod:`._answers`; here the columns meet. Dates
written without a year get their year from the log's other dates
(:func:`._dates.infer_years`), dates found in free text go to the column they
belong to, the status cells that are no status word are read, and the flag
columns and the status hints are made. Every step works on whole columns.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from ..core.schema import CATEGORIES, DATE_COLUMNS
from ..core.values import DATE_FLAGS, FOLLOWED_UP_STATUSES, STATUS_PROGRESS, answer_key
from ._answers import (
    _STATUS_CODE,
    DEFAULT_ORDER,
    NOTE_HINT,
    ORDER_HINT,
    STATUS,
    DateCells,
    Reading,
    read_date_column,
    read_status_answers,
)
from ._dates import Order, infer_years

__all__: list[str] = []

Report = Callable[[np.ndarray, str, pd.Series, "np.ndarray | str", str], None]


class Answers:
    """The answers of a log's date and status columns, gathered column by column.

    :meth:`finish` then gives yearless dates their year, hands the dates that
    free text gives other columns to them, reads the status cells that are no
    status word, and returns the flag columns and the status hints.
    """

    def __init__(self, n: int, as_of: pd.Timestamp, report: Report) -> None:
        self.n = n
        self.as_of = as_of
        self.report = report
        # Only what finish needs is kept (a million-row column's dates are in ``data``):
        self.said: dict[str, np.ndarray] = {}  # rows with a yes but no date
        self.orders: dict[str, Order] = {}  # each date column's day/month order
        self.log_order = DEFAULT_ORDER  # for the columns whose dates do not decide
        self.hints: list[np.ndarray] = []  # status codes the words said
        self.month_days: dict[str, np.ndarray] = {}  # dates without a year
        self.text_dates: list[tuple[str, str, np.ndarray, np.ndarray]] = []
        self.raw: dict[str, pd.Series] = {}  # the cells of columns with later reports
        self.status_raw: pd.Series | None = None

    def date_column(
        self, column: str, values: pd.Series, cells: DateCells, dayfirst: bool | None
    ) -> Reading:
        """Read a date column, report what is not a date, and keep what :meth:`finish` needs."""
        r = read_date_column(cells, column, dayfirst=dayfirst, log=self.log_order)
        self._keep(column, r, values)
        self.report(r.bad, column, values, "not a date", _NOT_A_DATE)
        if r.ambiguous is not None:
            self.report(r.ambiguous != "", column, values, r.ambiguous, ORDER_HINT)
        if r.note is not None:
            self.report(r.note != "", column, values, r.note, NOTE_HINT)
        if r.conflict.any():
            order = "day/month" if r.dayfirst else "month/day"
            self.report(
                r.conflict,
                column,
                values,
                f"day and month in the other order than the rest of the column ({order})",
                "check the date; write dates the same way throughout, e.g. 2026-03-02",
            )
        return r

    def _keep(self, column: str, r: Reading, values: pd.Series) -> None:
        if column != STATUS:
            undated = r.yes & np.isnat(r.parsed)
            if undated.any():
                self.said[column] = undated
            if r.order is not None:
                self.orders[column] = r.order
            if r.status is not None:
                self.hints.append(r.status)
        if r.month_day is not None:
            self.month_days[column] = r.month_day
        self.text_dates += [(column, t, d, m) for t, (d, m) in r.dates.items()]
        if r.month_day is not None or r.dates:
            self.raw[column] = values

    def status_follow_ups(self, values: pd.Series) -> None:
        """Statuses saying a follow-up went out ("Bumped"): the follow-up is done, undated.

        Looked up per distinct value (a million rows hold a handful of statuses).
        """
        codes, uniques = pd.factorize(values, use_na_sentinel=True)  # ~5x faster than object
        if not len(uniques):
            return
        words = {answer_key(w) for w in FOLLOWED_UP_STATUSES}
        hit = np.array([answer_key(u) in words for u in uniques], dtype=bool)
        if not hit.any():
            return
        rows = (codes >= 0) & hit[np.maximum(codes, 0)]
        column = "followed_up_on"
        self.said[column] = self.said.get(column, np.zeros(self.n, dtype=bool)) | rows

    def status_cells(self, values: pd.Series) -> None:
        """Status cells that are no status word (others missing), read in :meth:`finish`."""
        self.status_raw = values

    def finish(
        self, data: dict[str, pd.Series]
    ) -> tuple[dict[str, np.ndarray], np.ndarray | None]:
        """Complete ``data`` in place; return the flag columns and the status hints."""
        if self.status_raw is not None:
            self._status(data)
        incoming = self.text_dates
        self._years(data, incoming)
        for source, target, dates, _ in incoming:
            self._hand_over(data, source, target, dates)
        flags = {}
        for column, flag in DATE_FLAGS.items():
            dated = data[column].notna().to_numpy()
            flags[flag] = dated | self.said[column] if column in self.said else dated
        hints = None
        for codes in self.hints:
            hints = codes if hints is None else _further(hints, codes)
        return flags, hints

    def _status(self, data: dict[str, pd.Series]) -> None:
        """Yes/no and free text in the status column: "Yes" is replied, "No" blank."""
        raw = self.status_raw
        assert raw is not None
        r = read_status_answers(raw, dayfirst=self.orders, log=self.log_order)
        codes = r.status if r.status is not None else np.full(len(raw), -1)
        self._keep(STATUS, r, raw)
        self.raw[STATUS] = raw
        status = data[STATUS]
        read = r.given & ~r.bad
        written = status.astype(object).to_numpy(copy=True)
        names = np.array([*CATEGORIES[STATUS], None], dtype=object)  # code -1: blank
        written[read] = names[codes[read]]
        allowed = list(CATEGORIES[STATUS])
        left = set(written[r.bad])
        others = [c for c in status.cat.categories[len(allowed) :] if c in left]
        data[STATUS] = pd.Series(
            pd.Categorical(written, categories=pd.Index(allowed + others, dtype=object)),
            index=status.index,
            name=STATUS,
        )
        shown = ", ".join(allowed)
        self.report(r.bad, STATUS, raw, "not a known status value", f"use one of: {shown}")
        if r.note is not None:
            self.report(r.note != "", STATUS, raw, r.note, NOTE_HINT)

    def _years(
        self, data: dict[str, pd.Series], incoming: list[tuple[str, str, np.ndarray, np.ndarray]]
    ) -> None:
        """Dates written without a year get the year the log makes clear; each is reported."""
        yearless = self.month_days
        if not yearless and not any(md.any() for *_, md in incoming):
            return
        refs = [data[c].dropna().unique() for c in DATE_COLUMNS]
        refs += [np.unique(d[~np.isnat(d)]) for _, _, d, _ in incoming]
        reference = np.concatenate([np.asarray(r, dtype="datetime64[D]") for r in refs])
        day = self.as_of.to_datetime64()

        def dated(md: np.ndarray, target: str) -> np.ndarray:
            return infer_years(md, reference, as_of=day, ahead=target == "interview_on")

        for column, md in yearless.items():
            got = dated(md, column)
            fill = (md > 0) & data[column].isna().to_numpy()
            data[column] = data[column].where(~fill, pd.Series(got, index=data[column].index))
            self._inferred(fill, column, got)
        for i, (source, target, dates, md) in enumerate(incoming):
            if md.any():
                got = dated(md, target)
                fill = (md > 0) & np.isnat(dates)
                incoming[i] = (source, target, np.where(fill, got, dates), md)
                self._inferred(fill, source, got)

    def _inferred(self, rows: np.ndarray, column: str, got: np.ndarray) -> None:
        if rows.any():
            text = pd.Series(got).dt.strftime("%Y-%m-%d").to_numpy(dtype=object)
            problem = np.where(rows, "date without a year, read as " + text.astype(str), "")
            self.report(rows, column, self.raw[column], problem, _YEARLESS.format(self.as_of))

    def _hand_over(
        self, data: dict[str, pd.Series], source: str, target: str, dates: np.ndarray
    ) -> None:
        """Dates from ``source``'s text fill ``target`` where it is blank; differences reported."""
        given = ~np.isnat(dates)
        if not given.any():
            return
        current = data[target].to_numpy(dtype="datetime64[ns]")
        fill = given & np.isnat(current)
        if fill.any():
            data[target] = pd.Series(np.where(fill, dates, current), index=data[target].index)
        differ = given & ~np.isnat(current) & (current != dates)
        if differ.any():
            theirs = pd.Series(current).dt.strftime("%Y-%m-%d").to_numpy(dtype=object).astype(str)
            ours = pd.Series(dates).dt.strftime("%Y-%m-%d").to_numpy(dtype=object).astype(str)
            problem = np.char.add(
                np.char.add(f"the text gives {target} ", ours),
                np.char.add(f", but {target} says ", theirs),
            ).astype(object)
            self.report(differ, source, self.raw[source], problem, f"{target} is kept; check both")


_NOT_A_DATE = "write a date such as 2026-03-02, or yes/no"
_YEARLESS = (
    "the year is the one that puts the date closest to the log's other dates, not after "
    "{:%Y-%m-%d} (an interview may lie ahead); write the year to be sure"
)


def _further(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Per row the status further along (``values.STATUS_PROGRESS``); -1 is none."""
    rank = np.full(len(_STATUS_CODE) + 1, -1)
    for i, name in enumerate(STATUS_PROGRESS):
        rank[_STATUS_CODE[name]] = i
    return np.where(rank[b] > rank[a], b, a)
