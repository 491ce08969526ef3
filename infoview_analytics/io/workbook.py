"""A formatted workbook a person opens: a summary sheet first, then one sheet per table.

Written with XlsxWriter, which is made for formatted workbooks. Each table
sheet has readable headers (given by the caller), its header row frozen and
an autofilter on it, shares shown as percentages, dates as dates, whole
numbers without decimals, column widths set from the contents, long text
wrapped (with the row heights to show it), and prints landscape, fitted to
the page width, the header repeated on every page. The summary sheet holds
the headline figures and a linked list of the sheets.

Values only: every text cell is written as text (never a formula, a number or
a link guessed from it), and text a spreadsheet would run (``= + - @``, a tab
or a carriage return first) is prefixed with ``'``, as
:mod:`infoview_analytics.io.export` does. The file records the title and a
fixed creation date (the day the figures are for), no author.

This module knows spreadsheets, not analyses: the report passes the tables,
their header labels and which columns are shares.
"""

from __future__ import annotations

import datetime as _dt
import io
import math
import os
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ._safety import spreadsheet_text
from .export import write_bytes_atomically

__all__ = ["Sheet", "write_workbook"]

#: Number formats (Excel codes) of the kinds of cells.
PERCENT_FORMAT = "0.0%"
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
INTEGER_FORMAT = "#,##0"
DECIMAL_FORMAT = "#,##0.0"
#: Widest column (characters); longer text wraps.
MAX_WIDTH = 50
_MIN_WIDTH = 6
_LINE_POINTS = 15.0  # the height of one line of 11-point text
_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


@dataclass(frozen=True)
class Sheet:
    """One table of the workbook.

    Parameters
    ----------
    name : str
        The sheet's tab (cut to 31 characters; ``[]:*?/\\`` become spaces).
    table : DataFrame
        The rows to write (not modified).
    headers : sequence of str
        The header a person reads for each column (default: the column names).
    percent : collection of str
        Columns holding shares (0 to 1) to show as percentages.
    about : str
        One line on the summary sheet saying what the sheet holds.
    """

    name: str
    table: pd.DataFrame
    headers: Sequence[str] = ()
    percent: frozenset[str] = frozenset()
    about: str = ""


def _tab(name: str) -> str:
    return name.translate(_FORBIDDEN).strip()[:31] or "Sheet"


def _kind(series: pd.Series, percent: bool) -> str:
    """How a column is written: percent, date, datetime, integer, decimal, yesno or text."""
    if percent:
        return "percent"
    if pd.api.types.is_datetime64_any_dtype(series):
        stamps = series.dropna()
        if getattr(series.dt, "tz", None) is not None:
            stamps = stamps.dt.tz_localize(None)
        return "date" if (stamps == stamps.dt.normalize()).all() else "datetime"
    if pd.api.types.is_bool_dtype(series) and not pd.api.types.is_object_dtype(series):
        return "yesno"
    if pd.api.types.is_integer_dtype(series):
        return "integer"
    if pd.api.types.is_float_dtype(series):
        numbers = series.dropna().to_numpy(dtype=float)
        numbers = numbers[np.isfinite(numbers)]
        return "integer" if bool(np.all(numbers == np.round(numbers))) else "decimal"
    values = series.dropna().tolist()
    if values and all(isinstance(v, bool | np.bool_) for v in values):
        return "yesno"
    if values and all(isinstance(v, _dt.date) for v in values):  # Timestamps are dates too
        return "date"
    return "text"


def _text(value: Any) -> str:
    if isinstance(value, list | tuple | set | np.ndarray):
        return ", ".join(str(v) for v in value)
    return str(value)


def _missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, list | tuple | set | np.ndarray):
        return False
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _shown(value: Any, kind: str) -> str:
    """The text a spreadsheet shows for a cell (for the column width)."""
    if _missing(value):
        return ""
    if kind == "percent":
        return f"{float(value):.1%}"
    if kind in ("date", "datetime"):
        return "2026-04-17" + (" 00:00" if kind == "datetime" else "")
    if kind == "integer":
        return f"{float(value):,.0f}"
    if kind == "decimal":
        return f"{float(value):,.1f}"
    if kind == "yesno":
        return "Yes" if bool(value) else "No"
    return _text(value)


class _Formats:
    """The cell formats of one workbook, made once."""

    def __init__(self, workbook: Any) -> None:
        base = {"valign": "top"}
        self.header = workbook.add_format(
            {**base, "bold": True, "text_wrap": True, "bg_color": "#DDEBF7", "bottom": 1}
        )
        self.title = workbook.add_format({"bold": True, "font_size": 16})
        self.bold = workbook.add_format({**base, "bold": True})
        self.link = workbook.add_format({**base, "font_color": "#0563C1", "underline": 1})
        self.by_kind = {
            "percent": workbook.add_format({**base, "num_format": PERCENT_FORMAT}),
            "date": workbook.add_format({**base, "num_format": DATE_FORMAT, "align": "left"}),
            "datetime": workbook.add_format(
                {**base, "num_format": DATETIME_FORMAT, "align": "left"}
            ),
            "integer": workbook.add_format({**base, "num_format": INTEGER_FORMAT}),
            "decimal": workbook.add_format({**base, "num_format": DECIMAL_FORMAT}),
            "yesno": workbook.add_format(base),
            "text": workbook.add_format(base),
        }
        self.wrap = workbook.add_format({**base, "text_wrap": True})


def _write_cell(ws: Any, row: int, col: int, value: Any, kind: str, fmt: Any) -> None:
    """One value as a value: a number, a date or text, never a formula."""
    if _missing(value):
        ws.write_blank(row, col, None, fmt)
    elif kind in ("percent", "integer", "decimal"):
        number = float(value)
        if math.isfinite(number):
            ws.write_number(row, col, number, fmt)
        else:
            ws.write_string(row, col, "∞" if number > 0 else "-∞", fmt)
    elif kind in ("date", "datetime"):
        stamp = pd.Timestamp(value)
        if stamp.tzinfo is not None:
            stamp = stamp.tz_localize(None)
        ws.write_datetime(row, col, stamp.to_pydatetime(), fmt)
    elif kind == "yesno":
        ws.write_string(row, col, "Yes" if bool(value) else "No", fmt)
    else:
        ws.write_string(row, col, spreadsheet_text(_text(value)), fmt)


def _lines(text: str, width: int) -> int:
    return max(1, sum(len(textwrap.wrap(part, width) or [""]) for part in text.split("\n")))


def _print_setup(ws: Any, *, repeat_header: bool) -> None:
    ws.set_landscape()
    ws.fit_to_pages(1, 0)  # one page wide, as many pages tall as needed
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)
    if repeat_header:
        ws.repeat_rows(0)


def _write_table(workbook: Any, formats: _Formats, sheet: Sheet, tab: str) -> None:
    ws = workbook.add_worksheet(tab)
    table = sheet.table
    headers = [str(h) for h in sheet.headers] or [str(c) for c in table.columns]
    if len(headers) != len(table.columns):
        msg = (
            f"Sheet {sheet.name!r} needs one header per column ({len(table.columns)}), "
            f"but {len(headers)} were passed."
        )
        raise ValueError(msg)
    if not headers:
        ws.write_string(0, 0, "Nothing to show.", formats.bold)
        _print_setup(ws, repeat_header=False)
        return
    kinds = [_kind(table.iloc[:, i], str(c) in sheet.percent) for i, c in enumerate(table.columns)]
    columns = [table.iloc[:, i].tolist() for i in range(len(headers))]
    widths: list[int] = []
    wraps: list[bool] = []
    for header, kind, values in zip(headers, kinds, columns, strict=True):
        longest = max([len(_shown(v, kind)) for v in values] or [0])
        word = max((len(w) for w in header.split()), default=0)
        width = max(min(max(longest, word, min(len(header), 18)), MAX_WIDTH), _MIN_WIDTH) + 2
        widths.append(width)
        wraps.append(kind == "text" and longest > MAX_WIDTH)
    for col, (header, width, wrap, kind) in enumerate(
        zip(headers, widths, wraps, kinds, strict=True)
    ):
        ws.set_column(col, col, width, formats.wrap if wrap else formats.by_kind[kind])
        ws.write_string(0, col, spreadsheet_text(header), formats.header)
    header_lines = max(_lines(h, w - 2) for h, w in zip(headers, widths, strict=True))
    ws.set_row(0, _LINE_POINTS * header_lines)
    for r, row in enumerate(zip(*columns, strict=True), start=1):
        lines = 1
        for col, value in enumerate(row):
            fmt = formats.wrap if wraps[col] else formats.by_kind[kinds[col]]
            _write_cell(ws, r, col, value, kinds[col], fmt)
            if wraps[col] and not _missing(value):
                lines = max(lines, _lines(_text(value), widths[col] - 2))
        if lines > 1:
            ws.set_row(r, _LINE_POINTS * lines)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, len(table), len(headers) - 1)
    _print_setup(ws, repeat_header=True)


def _write_summary(
    workbook: Any,
    formats: _Formats,
    title: str,
    lines: Sequence[str],
    figures: Sequence[Sequence[str]],
    sheets: Sequence[tuple[str, Sheet]],
) -> None:
    ws = workbook.add_worksheet("Summary")
    ws.write_string(0, 0, spreadsheet_text(title or "Summary"), formats.title)
    ws.set_row(0, 24)
    row = 1
    for line in lines:
        ws.write_string(row, 0, spreadsheet_text(line))
        row += 1
    row += 1
    widths = [14, 10, 30]
    if figures:
        for col, header in enumerate(("Figure", "Value", "Detail")):
            ws.write_string(row, col, header, formats.header)
        row += 1
        for figure in figures:
            for col, text in enumerate(list(figure)[:3]):
                ws.write_string(row, col, spreadsheet_text(str(text)), formats.by_kind["text"])
                widths[col] = max(widths[col], len(str(text)))
            row += 1
        row += 1
    for col, header in enumerate(("Sheet", "What it holds", "Rows")):
        ws.write_string(row, col, header, formats.header)
    row += 1
    for tab, sheet in sheets:
        ws.write_url(row, 0, f"internal:'{tab}'!A1", formats.link, string=tab)
        ws.write_string(row, 1, spreadsheet_text(sheet.about), formats.by_kind["text"])
        ws.write_number(row, 2, len(sheet.table), formats.by_kind["integer"])
        widths[0] = max(widths[0], len(tab))
        widths[1] = max(widths[1], len(sheet.about))
        row += 1
    for col, width in enumerate(widths):
        ws.set_column(col, col, min(width, 70) + 2)
    _print_setup(ws, repeat_header=False)


def write_workbook(
    sheets: Sequence[Sheet],
    path: str | os.PathLike[str],
    *,
    title: str = "",
    lines: Sequence[str] = (),
    figures: Sequence[Sequence[str]] = (),
    created: _dt.date | None = None,
    properties: Mapping[str, str] | None = None,
) -> Path:
    """Write a summary sheet and one formatted sheet per table to the xlsx file ``path``.

    Parameters
    ----------
    sheets : sequence of Sheet
        The tables, in tab order (after the summary).
    path : path-like
        The workbook to write (overwritten).
    title : str
        The summary sheet's heading and the workbook's Title property.
    lines : sequence of str
        Lines under the heading (e.g. the day the figures are for).
    figures : sequence of (label, value, detail)
        The headline figures on the summary sheet.
    created : date, optional
        The creation date recorded in the file (default 1980-01-01: never the
        day it was written, so two runs give the same file).
    properties : mapping, optional
        More document properties (XlsxWriter's names, e.g. ``subject``).

    Returns
    -------
    Path

    Examples
    --------
    >>> import tempfile, pandas as pd, openpyxl
    >>> t = pd.DataFrame({"contact": ["=1+1"], "response_rate": [0.25]})
    >>> p = write_workbook([Sheet("Rates", t, ("Contact", "Response rate"),
    ...                           frozenset({"response_rate"}))], f"{tempfile.mkdtemp()}/t.xlsx")
    >>> wb = openpyxl.load_workbook(p)
    >>> wb.sheetnames
    ['Summary', 'Rates']
    >>> ws = wb["Rates"]
    >>> ws["A1"].value, ws["A2"].value, ws["B2"].number_format, ws.freeze_panes
    ('Contact', "'=1+1", '0.0%', 'A2')
    """
    import xlsxwriter  # type: ignore[import-untyped]  # no type information shipped

    path = Path(path)
    tabs: list[tuple[str, Sheet]] = []
    used: set[str] = {"summary"}
    for sheet in sheets:
        tab, n = _tab(sheet.name), 2
        while tab.casefold() in used:
            suffix = f" ({n})"
            tab, n = _tab(sheet.name)[: 31 - len(suffix)] + suffix, n + 1
        used.add(tab.casefold())
        tabs.append((tab, sheet))
    options = {
        "strings_to_formulas": False,
        "strings_to_urls": False,
        "strings_to_numbers": False,
        "in_memory": True,
    }
    # Built in memory and written atomically: a full disk is an OSError naming ``path``,
    # never a half-written file or a zip closed again (noisily) by the garbage collector.
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, options)
    day = created or _dt.date(1980, 1, 1)
    workbook.set_properties(
        {
            "title": title,
            "created": _dt.datetime(day.year, day.month, day.day, tzinfo=_dt.UTC),
            **(properties or {}),
        }
    )
    try:
        formats = _Formats(workbook)
        _write_summary(workbook, formats, title, lines, figures, tabs)
        for tab, sheet in tabs:
            _write_table(workbook, formats, sheet, tab)
    finally:
        workbook.close()
    write_bytes_atomically(buffer.getvalue(), path, overwrite=True)
    return Path(path)
