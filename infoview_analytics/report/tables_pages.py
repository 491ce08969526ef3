"""Tables as PDF pages: the lists an advisor reads (follow-ups due, coverage), split over pages.

A :class:`Section` is a titled table of text cells; :func:`table_pages` flows
sections onto as many A4 landscape pages as they need, wrapping long cells
within their column, repeating the column headers on every page and marking a
section carried over as "(continued)". Text is drawn with ``Figure.text`` at
fixed positions (no layout engine, no ``wrap=True``): the cells are wrapped
once by character count, which is cheap and the same in every output.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..charts import style as _style
from ..charts.labels import column_label, value_label

__all__: list[str] = []

PAGE = (11.69, 8.27)  # A4 landscape, inches
_MARGIN = 0.55
_FONT = 7.5
_LINE = _FONT * 1.45 / 72  # inches per text line
_CHAR = _FONT * 0.52 / 72  # inches per average character (DejaVu Sans)
_TOP = 0.95  # inches taken by the page heading


@dataclass
class Column:
    """One column: the table's column, its header, its share of the width, how to write a cell."""

    name: str
    width: float = 1.0
    header: str = ""
    text: Callable[[Any], str] = str
    numeric: bool = False
    #: As wide as its longest word or cell (numbers, dates, short codes), not wrapped.
    fit: bool = False


@dataclass
class Section:
    """A titled table; ``empty`` is written instead when it has no rows."""

    title: str
    table: pd.DataFrame
    columns: list[Column]
    empty: str = "Nothing to list."
    note: str = ""
    rows: list[list[list[str]]] = field(default_factory=list, init=False)
    header_cells: list[list[str]] = field(default_factory=list, init=False)
    chars: list[int] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        texts = [
            [col.text(v) for v in self.table[col.name]] if len(self.table) else []
            for col in self.columns
        ]
        headers = [c.header or column_label(c.name) for c in self.columns]
        # Short columns (numbers, dates, codes) get the width of their longest word;
        # the others share the rest by their weights and wrap.
        fixed = [
            max([len(w) for w in h.split()] + [len(t) for t in cells]) + 2 if col.fit else None
            for col, h, cells in zip(self.columns, headers, texts, strict=True)
        ]
        room = (PAGE[0] - 2 * _MARGIN) / _CHAR - sum(f or 0 for f in fixed)
        weights = sum(c.width for c, f in zip(self.columns, fixed, strict=True) if f is None)
        self.chars = [
            f if f is not None else max(int(c.width / weights * room), 8)
            for c, f in zip(self.columns, fixed, strict=True)
        ]
        self.header_cells = [
            _wrap(h, n - 1, break_words=False) for h, n in zip(headers, self.chars, strict=True)
        ]
        self.rows = [
            [_wrap(t, n - 2) for t, n in zip(row, self.chars, strict=True)]
            for row in zip(*texts, strict=True)
        ]


def _wrap(text: str, width: int, *, break_words: bool = True) -> list[str]:
    return textwrap.wrap(text, max(width, 3), break_long_words=break_words) or [""]


def number(x: Any) -> str:
    """A count as a whole number; "–" when missing."""
    return "–" if x is None or pd.isna(x) else f"{int(x)}"


def date(x: Any) -> str:
    """A date as 2026-04-17; "–" when missing."""
    return "–" if x is None or pd.isna(x) else pd.Timestamp(x).date().isoformat()


def share(x: Any) -> str:
    """A share 0-1 as a percentage."""
    return "–" if x is None or pd.isna(x) else f"{float(x):.0%}"


def coded(column: str) -> Callable[[Any], str]:
    """A cell writer that puts the codes of ``column`` in plain words."""
    return lambda v: value_label(column, v)


def follow_ups_section(table: pd.DataFrame, title: str) -> Section:
    """The to-do list: who, what step, due since, why, overdue."""
    cols = []
    if "owner" in table.columns:
        cols.append(Column("owner", 1.0))
    cols += [
        Column("contact", 1.3),
        Column("organization", 1.3),
        Column("action", text=coded("action"), fit=True),
        Column("due_since", text=date, fit=True),
        Column("overdue", text=lambda v: "overdue" if v is True or v == 1 else "", fit=True),
        Column("reason", 3.6),
    ]
    return Section(title, table, cols, empty="Nothing due: every follow-up is done.")


def coverage_section(table: pd.DataFrame, title: str) -> Section:
    """Interviews per field against the rule, the perspectives heard, and the note."""
    cols = [Column(c, 1.0) for c in table.columns[: list(table.columns).index("interviewed")]]
    cols += [
        Column("interviewed", text=number, numeric=True, fit=True),
        Column("scheduled", text=number, numeric=True, fit=True),
        Column("pending", text=number, numeric=True, fit=True),
        Column("status", text=coded("coverage"), fit=True),
        Column("to_minimum", text=number, numeric=True, fit=True),
        Column("to_target", text=number, numeric=True, fit=True),
    ]
    cols += [
        Column(c, text=number, numeric=True, fit=True) for c in table.columns if c.startswith("n_")
    ]
    cols.append(Column("note", 2.0, text=lambda v: "" if pd.isna(v) else str(v)))
    return Section(title, table, cols, empty="No fields yet: fill in the field of each person.")


def table_pages(heading: str, sections: Sequence[Section], *, subtitle: str = "") -> list[Any]:
    """The figures (pages) holding ``sections`` one after the other, split where a page is full."""
    pages: list[_Page] = []
    page = _Page(heading, subtitle)
    pages.append(page)
    for section in sections:
        first = max((len(c) for c in section.rows[0]), default=1) if section.rows else 1
        header = max(len(c) for c in section.header_cells)
        if not page.fits(3 + header + first):  # the title, the header and one row together
            page = _Page(heading, subtitle)
            pages.append(page)
        page.section_title(section.title)
        if not section.rows:
            page.line(section.empty, color=_style.MUTED)
            page.gap()
            continue
        page.header(section)
        for row in section.rows:
            lines = max(len(cell) for cell in row)
            if not page.fits(lines):
                page = _Page(heading, subtitle)
                pages.append(page)
                page.section_title(f"{section.title} (continued)")
                page.header(section)
            page.row(section, row)
        if section.note:
            page.line(section.note, color=_style.MUTED)
        page.gap()
    for i, p in enumerate(pages, 1):
        if len(pages) > 1:
            p.fig.text(
                1 - _MARGIN / PAGE[0],
                0.3 / PAGE[1],
                f"page {i} of {len(pages)}",
                ha="right",
                fontsize=7,
                color=_style.MUTED,
            )
    from .pdf import plain_glyphs

    return [plain_glyphs(p.fig) for p in pages]


class _Page:
    """One page being filled from the top; ``y`` in inches from the top edge."""

    def __init__(self, heading: str, subtitle: str) -> None:
        from matplotlib.figure import Figure

        self.fig = Figure(figsize=PAGE)
        self.fig.text(
            _MARGIN / PAGE[0], 1 - 0.45 / PAGE[1], heading, fontsize=14, fontweight="bold"
        )
        if subtitle:
            self.fig.text(
                _MARGIN / PAGE[0], 1 - 0.68 / PAGE[1], subtitle, fontsize=8.5, color=_style.MUTED
            )
        self.y = _TOP

    def fits(self, lines: int) -> bool:
        return self.y + lines * _LINE <= PAGE[1] - _MARGIN

    def _text(self, x_in: float, text: str, **kw: Any) -> None:
        self.fig.text(x_in / PAGE[0], 1 - self.y / PAGE[1], text, va="top", **kw)

    def section_title(self, title: str) -> None:
        self.y += 0.3 * _LINE
        self._text(_MARGIN, title, fontsize=10.5, fontweight="bold")
        self.y += 1.6 * _LINE

    def line(self, text: str, **kw: Any) -> None:
        self._text(_MARGIN, text, fontsize=_FONT + 0.5, **kw)
        self.y += _LINE

    def gap(self) -> None:
        self.y += _LINE

    def _cells(self, section: Section, cells: list[list[str]], **kw: Any) -> None:
        x = _MARGIN
        for col, cell, chars in zip(section.columns, cells, section.chars, strict=True):
            w = chars * _CHAR
            if col.numeric:
                self.fig.text(
                    (x + w - 2 * _CHAR) / PAGE[0],
                    1 - self.y / PAGE[1],
                    "\n".join(cell),
                    va="top",
                    ha="right",
                    fontsize=_FONT,
                    linespacing=1.2,
                    **kw,
                )
            else:
                self._text(x, "\n".join(cell), fontsize=_FONT, linespacing=1.2, **kw)
            x += w

    def header(self, section: Section) -> None:
        from matplotlib.lines import Line2D

        self._cells(section, section.header_cells, fontweight="bold")
        self.y += len(max(section.header_cells, key=len)) * _LINE + 0.04
        y = 1 - self.y / PAGE[1]
        self.fig.add_artist(
            Line2D([_MARGIN / PAGE[0], 1 - _MARGIN / PAGE[0]], [y, y], color="0.4", linewidth=0.6)
        )
        self.y += 0.06

    def row(self, section: Section, row: list[list[str]]) -> None:
        self._cells(section, row)
        self.y += max(len(cell) for cell in row) * _LINE + 0.05
