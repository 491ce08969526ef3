"""report.spreadsheet: tables.xlsx read back with openpyxl, against the report's tables."""

from __future__ import annotations

import re

import openpyxl
import pandas as pd
import pytest

import infoview_analytics as iv
from infoview_analytics.analysis.tables import TABLES
from infoview_analytics.charts import captions
from infoview_analytics.charts.labels import column_label
from infoview_analytics.report.build import compute_tables
from infoview_analytics.report.spreadsheet import (
    PERCENT_COLUMNS,
    SHEETS,
    write_report_workbook,
)

DAY = pd.Timestamp(iv.SAMPLE_AS_OF)
SNAKE = re.compile(r"^[a-z]+(_[a-z]+)+$")


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    tables = compute_tables(iv.example_log(), as_of=DAY)
    path = tmp_path_factory.mktemp("x") / "tables.xlsx"
    write_report_workbook(tables, path, title="For my advisor", as_of=DAY)
    return tables, openpyxl.load_workbook(path)


def _headers(ws):
    return [c.value for c in ws[1]]


def test_summary_first_with_the_title_pages_figures(book):
    tables, wb = book
    assert wb.sheetnames[:3] == ["Summary", "Follow-ups due", "Coverage"]
    assert len(wb.sheetnames) == 1 + len(tables)
    ws = wb["Summary"]
    assert ws["A1"].value == "For my advisor"
    assert ws["A2"].value == "Informational interviews · as of 2026-04-17"
    rows = [tuple(r) for r in ws.iter_rows(values_only=True)]
    for label, value, detail in captions.headline(tables):
        assert (label, value, detail) in rows
    links = {c.value: c.hyperlink.location for row in ws.iter_rows() for c in row if c.hyperlink}
    assert links["Coverage"] == "'Coverage'!A1"
    assert set(links) == set(wb.sheetnames[1:])
    assert wb.properties.title == "For my advisor"
    assert not wb.properties.creator
    assert wb.properties.created.date() == DAY.date()


def test_readable_headers_and_values(book):
    tables, wb = book
    for key, (tab, _) in SHEETS.items():
        if key not in tables:
            continue
        ws = wb[tab]
        headers = _headers(ws)
        assert not any(SNAKE.match(str(h)) for h in headers), (tab, headers)
        if not key.startswith("perspectives"):
            assert headers == [column_label(c) for c in tables[key].columns]
        assert ws.max_row == len(tables[key]) + 1
    due = wb["Follow-ups due"]
    actions = {r[2] for r in due.iter_rows(min_row=2, values_only=True)}
    assert "Send one follow-up" in actions
    assert not any(SNAKE.match(a) for a in actions)
    assert {r[5] for r in wb["Coverage"].iter_rows(min_row=2, values_only=True)} <= {
        "Below the minimum",
        "Minimum met",
        "Target met",
    }
    assert _headers(wb["Fields by seniority"])[:3] == ["Field", "Student", "Entry level"]
    assert [r[0] for r in wb["Funnel"].iter_rows(min_row=2, values_only=True)][-1] == (
        "Gave referrals"
    )


def test_rates_as_percentages_dates_as_dates(book):
    tables, wb = book
    ws = wb["Rates by channel"]
    headers = _headers(ws)
    rate = ws.cell(2, headers.index("Response rate") + 1)
    assert rate.number_format == "0.0%"
    first = tables["response_rates_channel"].iloc[0]
    assert rate.value == pytest.approx(first["response_rate"])
    assert ws.cell(2, headers.index("Asked") + 1).number_format == "#,##0"
    due = wb["Follow-ups due"]
    since = due.cell(2, _headers(due).index("Due since") + 1)
    assert since.is_date
    assert since.number_format == "yyyy-mm-dd"
    assert since.value == tables["follow_ups_due"]["due_since"].iloc[0].to_pydatetime()
    overdue = {r[6] for r in due.iter_rows(min_row=2, values_only=True)}
    assert overdue == {"Yes", "No"}
    period = wb["Activity"]["A2"]
    assert period.is_date
    assert period.number_format == "yyyy-mm-dd"


def test_every_share_column_is_a_percentage_and_nothing_else(book):
    tables, _ = book
    declared = {c for t in TABLES.values() for c in t.columns}
    shares = {c for c in declared if "rate" in c or "share" in c or c.startswith("ci_")}
    assert shares - {"referrals_per_interview"} <= PERCENT_COLUMNS
    assert "referrals_per_interview" not in PERCENT_COLUMNS
    for table in tables.values():
        for column in set(map(str, table.columns)) & PERCENT_COLUMNS:
            values = pd.to_numeric(table[column], errors="coerce").dropna()
            assert values.between(0, 1).all(), column


def test_print_setup_and_values_only(book):
    _, wb = book
    for ws in wb:
        assert ws.page_setup.orientation == "landscape"
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.page_setup.fitToHeight == 0
        for row in ws.iter_rows():
            assert all(c.data_type != "f" for c in row)
    for ws in wb.worksheets[1:]:
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref.startswith("A1:")
        assert ws.print_title_rows == "$1:$1"
        widths = [ws.column_dimensions[c.column_letter].width for c in ws[1]]
        assert all(6 <= w <= 53 for w in widths), (ws.title, widths)
