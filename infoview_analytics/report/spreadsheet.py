"""The report's ``tables.xlsx``: the tables as a workbook a person opens.

A summary sheet first (the title page's headline figures and a linked list of
the sheets), then the tables an advisor reads first (follow-ups due, coverage,
the response rates) and the rest. Headers and codes are in plain words (the
one mapping, :mod:`infoview_analytics.charts.labels`), shares are shown as
percentages and dates as dates (:mod:`infoview_analytics.io.workbook` does the
formatting, widths, frozen header, filters and print setup). The CSV tables
keep the codes and column names, for programs.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from ..analysis.tables import TABLES
from ..charts import captions as _captions
from ..charts.labels import VALUE_LABELS, column_label, value_label
from ..io.workbook import Sheet, write_workbook

__all__ = ["PERCENT_COLUMNS", "SHEETS", "readable_table", "report_sheets", "write_report_workbook"]

#: Table of the report -> (sheet tab, what the sheet holds), in tab order.
SHEETS: dict[str, tuple[str, str]] = {
    "follow_ups_due": ("Follow-ups due", "What to do next, for whom, and since when (3B7)"),
    "coverage": ("Coverage", "Interviews per field against the minimum of 3 and the target of 5"),
    "overall": ("Response rate", "All requests: asked, answered, rates with 95% intervals"),
    "response_rates_channel": ("Rates by channel", "Response and interview rates per channel"),
    "response_rates_warmth": ("Rates warm vs cold", "Referred or known (warm) against cold"),
    "response_rates_source": ("Rates by source", "Rates per way the person was found"),
    "response_rates_field": ("Rates by field", "Rates per field of interest"),
    "funnel": ("Funnel", "People at each stage, from identified to gave referrals"),
    "activity": ("Activity", "Requests, answers and interviews per period"),
    "time_to_response": ("Time to response", "Share answered by business day (Kaplan–Meier)"),
    "response_time_summary": ("Answer times", "Median answer time; answered within 3 and 7 days"),
    "contacts": ("Contacts", "Each person asked: answered within 3 days, later, or not"),
    "thank_you_timeliness": ("Thank-you notes", "How soon after each interview a note was sent"),
    "meeting_discipline": ("Meetings", "Meetings that overran; questions prepared"),
    "referral_chains": ("Referral chains", "Who introduced whom, and how deep each chain goes"),
    "referral_summary": ("Referrals", "Chains, referrals given, rates of referred requests"),
    "perspectives_seniority": ("Fields by seniority", "Interviews per field and seniority"),
    "perspectives_org_type": (
        "Fields by organisation type",
        "Interviews per field and type of organisation",
    ),
    "cohort_summary": ("Students", "Each student: rates, interviews, fields, overdue follow-ups"),
    "response_rates_owner": ("Rates by student", "Response and interview rates per student"),
}


def _is_share(column: str) -> bool:
    return (
        column.endswith(("_rate", "_share"))
        or column.startswith(("share_", "interview_ci_"))
        or column in ("ci_low", "ci_high", "conversion", "share")
    )


#: Every declared table column that holds a share (0 to 1): shown as a percentage.
PERCENT_COLUMNS: frozenset[str] = frozenset(
    c for table in TABLES.values() for c in table.columns if _is_share(c)
)
# Columns whose values are codes of another family than their own name.
_CODE_FAMILY = {("coverage", "status"): "coverage"}
_CODED = frozenset({*VALUE_LABELS, "stage", "status", "action", "kind"})
_PERSPECTIVES = {"perspectives_seniority": "seniority", "perspectives_org_type": "org_type"}


def readable_table(key: str, table: pd.DataFrame) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """The table with its codes in plain words, and the headers a person reads."""
    out = table.copy()
    for position, column in enumerate(map(str, table.columns)):
        if column not in _CODED:
            continue
        family = _CODE_FAMILY.get((key, column), column)
        values = table.iloc[:, position].astype(object)
        words = [None if pd.isna(v) else value_label(family, v) for v in values]
        out.isetitem(position, np.array(words, dtype=object))
    perspective = _PERSPECTIVES.get(key)
    headers = tuple(
        value_label(perspective, c) if perspective and str(c) != "field" else column_label(str(c))
        for c in table.columns
    )
    return out, headers


def report_sheets(tables: Mapping[str, pd.DataFrame]) -> list[Sheet]:
    """The report's tables as workbook sheets, in tab order (unknown tables last)."""
    order = [k for k in SHEETS if k in tables] + [k for k in tables if k not in SHEETS]
    sheets = []
    for key in order:
        table, headers = readable_table(key, tables[key])
        tab, about = SHEETS.get(key, (key.replace("_", " ").capitalize(), ""))
        percent = frozenset(str(c) for c in table.columns if str(c) in PERCENT_COLUMNS)
        sheets.append(Sheet(tab, table, headers, percent, about))
    return sheets


def write_report_workbook(
    tables: Mapping[str, pd.DataFrame],
    path: str | os.PathLike[str],
    *,
    title: str,
    as_of: pd.Timestamp | None = None,
    headline: Mapping[str, pd.DataFrame] | None = None,
) -> Path:
    """Write the report's tables to the workbook ``path`` (a summary sheet first).

    Parameters
    ----------
    tables : mapping of str to DataFrame
        The report's tables (:func:`~infoview_analytics.report.build.compute_tables`).
    path : path-like
        The xlsx file to write.
    title : str
        The report title (summary heading and document title).
    as_of : Timestamp, optional
        The day the figures are for (said on the summary sheet, and the file's
        creation date).
    headline : mapping of str to DataFrame, optional
        The tables of the summary's headline figures (default: ``tables``; a
        shared report passes its whole-cohort tables, or an empty mapping for none).

    Returns
    -------
    Path

    Examples
    --------
    >>> import tempfile, openpyxl, infoview_analytics as iv
    >>> from infoview_analytics.report.build import compute_tables
    >>> day = pd.Timestamp(iv.SAMPLE_AS_OF)
    >>> t = compute_tables(iv.example_log(), as_of=day)
    >>> p = write_report_workbook(t, f"{tempfile.mkdtemp()}/t.xlsx", title="Report", as_of=day)
    >>> wb = openpyxl.load_workbook(p)
    >>> wb.sheetnames[:3]
    ['Summary', 'Follow-ups due', 'Coverage']
    >>> [c.value for c in wb["Follow-ups due"][1]][:3]
    ['Contact', 'Organisation', 'What to do']
    """
    lines = ["Informational interviews"]
    if as_of is not None:
        lines = [f"Informational interviews · as of {as_of.date().isoformat()}"]
    lines.append("Shares are percentages; each sheet's header has filters; CSV files keep codes.")
    source = tables if headline is None else headline
    figures = _captions.headline(dict(source)) if "overall" in source else []
    return write_workbook(
        report_sheets(tables),
        path,
        title=title,
        lines=lines,
        figures=figures,
        created=as_of.date() if as_of is not None else None,
    )
