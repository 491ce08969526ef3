"""The report as one web page, ``report.html``: to forward as a link and read on a phone.

One self-contained file: the headline figures of the title page, the lists an
advisor acts on (follow-ups due, coverage, the students of a cohort) and every
chart as inline SVG, each with its title, a text alternative and the same
two-line caption as the PDF, followed by the table it was drawn from. Tables
are real HTML tables with plain-word headers and values (the workbook's, from
:func:`~infoview_analytics.report.spreadsheet.readable_table`). The page needs
no script, loads nothing from elsewhere (no fonts, images or styles from a
server: system fonts, CSS in the file), adapts to a phone's width (wide tables
scroll inside their box), and escapes every text the user wrote.
"""

from __future__ import annotations

import html
import io
import os
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from ..charts import captions as _captions
from .spreadsheet import PERCENT_COLUMNS, SHEETS, readable_table

__all__ = ["HtmlChart", "svg_markup", "write_html"]

#: Chart name -> its title (a chart may bring its own).
TITLES: dict[str, str] = {
    "response_rates_channel": "Response rate by channel",
    "response_rates_warmth": "Response rate, warm vs cold",
    "funnel": "Funnel",
    "time_to_response": "Time to response",
    "activity": "Activity",
    "coverage": "Interviews per field",
    "perspectives_seniority": "Interviews per field and seniority",
    "referral_tree": "Referral chains",
    "thank_you_timeliness": "Thank-you notes",
    "meeting_discipline": "Meeting discipline",
    "cohort_overview": "Response rate per student",
}
_SVG_META: dict[str, Any] = {"Creator": None, "Date": None, "Format": None, "Type": None}
_ID = re.compile(r'(\bid="|href="#|url\(#)([^")]+)')

_CSS = """
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --accent: #0072B2;
  --soft: #f6f8fa; font-family: system-ui, -apple-system, "Segoe UI", Roboto,
  "DejaVu Sans", Arial, sans-serif; color: var(--ink); background: #fff; line-height: 1.45; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 64rem; padding: 1rem; overflow-wrap: break-word; }
h1 { font-size: 1.6rem; margin: 0.5rem 0 0.25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 0.5rem; border-bottom: 1px solid var(--line); }
.sub, .note { color: var(--muted); }
.figures { display: grid; gap: 0.75rem; margin: 1rem 0; padding: 0;
  grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); }
.figures div { background: var(--soft); border-radius: 0.5rem; padding: 0.75rem; }
.figures dt { font-weight: 600; }
.figures .value { font-size: 1.8rem; font-weight: 700; color: var(--accent); margin: 0; }
.figures .detail { margin: 0; color: var(--muted); font-size: 0.9rem; }
nav ol { padding-left: 1.25rem; columns: 2 14rem; }
figure { margin: 0; }
figure svg { display: block; width: 100%; height: auto; max-width: 100%; }
figcaption p { margin: 0.4rem 0; }
figcaption .todo { font-weight: 600; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; font-size: 0.9rem; margin: 0.5rem 0; min-width: 100%; }
caption { text-align: left; color: var(--muted); padding-bottom: 0.25rem; }
th, td { border-bottom: 1px solid var(--line); padding: 0.3rem 0.5rem; vertical-align: top;
  text-align: left; overflow-wrap: normal; min-width: 5.5rem; }
th { background: var(--soft); }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap;
  min-width: 3rem; }
td.day { white-space: nowrap; }
@media (max-width: 40rem) {
  table.cards thead { position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip-path: inset(50%); }
  table.cards, table.cards caption, table.cards tbody, table.cards tr, table.cards td {
    display: block; }
  table.cards tr { border: 1px solid var(--line); border-radius: 0.5rem;
    margin-bottom: 0.75rem; padding: 0.25rem 0.5rem; }
  table.cards td { display: grid; grid-template-columns: minmax(6rem, 40%) 1fr; gap: 0.5rem;
    border: 0; text-align: left; white-space: normal; min-width: 0; }
  table.cards td::before { content: attr(data-label); font-weight: 600; color: var(--muted); }
  table.cards td:empty { display: none; }
}
details { margin: 0.5rem 0 1rem; }
summary { cursor: pointer; color: var(--accent); }
footer { margin-top: 3rem; color: var(--muted); font-size: 0.85rem; }
@media print { details { display: block; } .scroll { overflow: visible; } }
"""


@dataclass(frozen=True)
class HtmlChart:
    """One chart of the page: its name, caption (as in the PDF), SVG and the table drawn."""

    name: str
    caption: tuple[str, str]
    svg: str
    table: pd.DataFrame
    title: str = ""


def svg_markup(fig: Any, written: Path | None = None) -> str:
    """The figure as SVG text: the file ``written`` when it exists (drawn once), else
    rendered now (with the same metadata as the report's SVG files)."""
    if written is not None and written.is_file():
        return written.read_text(encoding="utf-8")
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata=_SVG_META)
    return buffer.getvalue()


def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _inline_svg(svg: str, prefix: str, title: str, alt: str) -> str:
    """The SVG element alone: ids made unique on the page, sized by CSS, titled, described."""
    start = svg.find("<svg")
    body = svg[start:] if start >= 0 else svg
    body = _ID.sub(lambda m: f"{m.group(1)}{prefix}-{m.group(2)}", body)
    head_end = body.find(">") + 1
    head = re.sub(r'\s(width|height)="[^"]*"', "", body[:head_end])
    label = (
        f' role="img" aria-labelledby="{prefix}-title {prefix}-desc">'
        f'<title id="{prefix}-title">{_e(title)}</title>'
        f'<desc id="{prefix}-desc">{_e(alt)}</desc>'
    )
    return head[:-1] + label + body[head_end:].strip()


def _cell(value: Any, column: str) -> tuple[str, str]:
    """(text, CSS class: "num", "day" or "") of one table cell."""
    if isinstance(value, list | tuple | set):
        return ", ".join(map(str, value)), ""
    if value is None or (not isinstance(value, str) and bool(pd.isna(value))):
        return "", ""
    if isinstance(value, bool):
        return ("Yes" if value else "No"), ""
    if isinstance(value, pd.Timestamp):
        day = value.date().isoformat() if value == value.normalize() else str(value)
        return day, "day"
    if isinstance(value, int | float):
        if column in PERCENT_COLUMNS:
            return f"{float(value):.0%}", "num"
        number = float(value)
        return (f"{number:,.0f}" if number.is_integer() else f"{number:,.1f}"), "num"
    return str(value), ""


def _table(key: str, table: pd.DataFrame, caption: str = "", *, cards: bool = False) -> str:
    """A table as HTML, with plain-word headers and values (``cards``: one card a row on
    a phone, each value beside its header)."""
    readable, headers = readable_table(key, table)
    names = [str(c) for c in table.columns]
    rows = []
    for record in readable.itertuples(index=False, name=None):
        cells = []
        for value, name, header in zip(record, names, headers, strict=True):
            text, kind = _cell(value.item() if hasattr(value, "item") else value, name)
            css = f' class="{kind}"' if kind else ""
            cells.append(f'<td{css} data-label="{_e(header)}">{_e(text)}</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h in headers)
    cap = f"<caption>{_e(caption)}</caption>" if caption else ""
    css = ' class="cards"' if cards else ""
    return (
        f'<div class="scroll"><table{css}>{cap}<thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _list_section(anchor: str, heading: str, key: str, table: pd.DataFrame, empty: str) -> str:
    gaps = table.attrs.get("gaps") or []
    if gaps:
        body = "".join(f'<p class="note">{_e(g)}</p>' for g in gaps)
    elif table.empty:
        body = f'<p class="note">{_e(empty)}</p>'
    else:
        body = _table(key, table, SHEETS.get(key, ("", ""))[1], cards=True)
    return f'<section id="{anchor}"><h2>{_e(heading)}</h2>{body}</section>'


#: The columns a list shows (the charts' tables show every column).
_LIST_COLUMNS = {
    "coverage": (
        "owner",
        "field",
        "interviewed",
        "scheduled",
        "asked",
        "pending",
        "status",
        "to_minimum",
        "to_target",
        "note",
    ),
}


def _list_columns(key: str, table: pd.DataFrame) -> pd.DataFrame:
    wanted = _LIST_COLUMNS.get(key)
    if wanted is None:
        return table
    kept = table[[c for c in table.columns if c in wanted]]
    kept.attrs = table.attrs
    return kept


def _follow_ups_heading(due: pd.DataFrame) -> str:
    if due.empty or "overdue" not in due.columns:
        return "Follow-ups due"
    overdue = int(due["overdue"].fillna(False).astype(bool).sum())
    return f"Follow-ups due: {overdue} overdue of {len(due)}"


def _chart_section(i: int, chart: HtmlChart) -> str:
    prefix = f"chart{i}"
    title = chart.title or TITLES.get(chart.name, chart.name.replace("_", " ").capitalize())
    svg = _inline_svg(chart.svg, prefix, title, chart.caption[0])
    shows, todo = chart.caption
    numbers = (
        f"<details><summary>The numbers behind this chart</summary>"
        f"{_table(chart.name, chart.table)}</details>"
        if len(chart.table.columns)
        else ""
    )
    return (
        f'<section id="{_e(chart.name)}" aria-labelledby="{prefix}-h">'
        f'<h2 id="{prefix}-h">{_e(title)}</h2><figure>{svg}'
        f'<figcaption><p class="shows">{_e(shows)}</p>'
        f'<p class="todo">→ {_e(todo)}</p></figcaption></figure>{numbers}</section>'
    )


def render_html(
    tables: Mapping[str, pd.DataFrame],
    charts: Sequence[HtmlChart],
    *,
    title: str,
    as_of: pd.Timestamp,
    hidden: Collection[str] = (),
) -> str:
    """The page as text (see :func:`write_html`)."""
    figures = "".join(
        f'<div><dt>{_e(label)}</dt><dd class="value">{_e(value)}</dd>'
        f'<dd class="detail">{_e(detail)}</dd></div>'
        for label, value, detail in _captions.headline(dict(tables))
    )
    lists = [
        (
            "follow-ups",
            _follow_ups_heading(tables["follow_ups_due"]),
            "follow_ups_due",
            "Nothing is due: no follow-ups, thank-you notes or second contacts to send.",
        ),
        ("coverage-list", "Coverage per field", "coverage", "No fields in the log yet."),
    ]
    if "cohort_summary" in tables:
        lists.append(("students", "Students", "cohort_summary", "No students."))
    # A shared report's hidden tables have no list (an empty one would say "nothing due").
    lists = [item for item in lists if item[2] not in hidden]
    sections = [
        _list_section(anchor, heading, key, _list_columns(key, tables[key]), empty)
        for anchor, heading, key, empty in lists
    ]
    sections += [_chart_section(i, chart) for i, chart in enumerate(charts, start=1)]
    contents = [(a, h) for a, h, _, _ in lists] + [
        (c.name, c.title or TITLES.get(c.name, c.name)) for c in charts
    ]
    nav = "".join(f'<li><a href="#{_e(a)}">{_e(h)}</a></li>' for a, h in contents)
    day = as_of.date().isoformat()
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light">\n'
        # Nothing may be loaded from elsewhere, nor any script run.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">\n"
        f"<title>{_e(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f'<header><h1>{_e(title)}</h1><p class="sub">Informational interviews · as of '
        f"{day}</p></header>\n<main>\n"
        f'<section aria-labelledby="glance"><h2 id="glance">At a glance</h2>'
        f'<dl class="figures">{figures}</dl></section>\n'
        f'<nav aria-label="Contents"><h2>Contents</h2><ol>{nav}</ol></nav>\n'
        + "\n".join(sections)
        + "\n</main>\n<footer><p>Rates come with their 95% Wilson interval and the number "
        "of decided requests (answered, or 7 business days old). Charts use the "
        "Okabe–Ito colours, safe for colour-blind readers.</p></footer>\n</body>\n</html>\n"
    )


def write_html(
    path: str | os.PathLike[str],
    tables: Mapping[str, pd.DataFrame],
    charts: Sequence[HtmlChart],
    *,
    title: str,
    as_of: pd.Timestamp,
    hidden: Collection[str] = (),
) -> Path:
    """Write the report as one self-contained web page.

    Parameters
    ----------
    path : path-like
        The ``.html`` file to write (UTF-8).
    tables : mapping of str to DataFrame
        The report's tables (:func:`~infoview_analytics.report.build.compute_tables`).
    charts : sequence of HtmlChart
        The charts in page order, with the captions the PDF shows.
    title : str
        The report title.
    as_of : Timestamp
        The day the figures are for.
    hidden : collection of str
        Tables a shared report hides: their lists are left out.

    Returns
    -------
    Path

    Examples
    --------
    >>> import tempfile, infoview_analytics as iv
    >>> from infoview_analytics.report.build import compute_tables
    >>> day = pd.Timestamp(iv.SAMPLE_AS_OF)
    >>> t = compute_tables(iv.example_log(), as_of=day)
    >>> p = write_html(f"{tempfile.mkdtemp()}/r.html", t, [], title="<Mine>", as_of=day)
    >>> text = p.read_text(encoding="utf-8")
    >>> "<title>&lt;Mine&gt;</title>" in text, "<script" in text
    (True, False)
    """
    out = Path(path)
    out.write_text(
        render_html(tables, charts, title=title, as_of=as_of, hidden=hidden), encoding="utf-8"
    )
    return out
