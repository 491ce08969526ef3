"""io.workbook: formats, widths, frozen header, filters, print setup, values only (openpyxl)."""

from __future__ import annotations

import datetime as dt
import zipfile

import numpy as np
import openpyxl
import pandas as pd
import pytest

from infoview_analytics.io.workbook import (
    DATE_FORMAT,
    INTEGER_FORMAT,
    PERCENT_FORMAT,
    Sheet,
    write_workbook,
)

LONG = "A reason long enough to be wrapped over several lines of its column, " * 3


def _table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "contact": ['=HYPERLINK("http://x")', "Ana Ruiz", None],
            "response_rate": [0.7004420607907267, 1.0, np.nan],
            "due_since": pd.to_datetime(["2026-04-02", "2026-04-10", None]),
            "asked": [4, 10, 0],
            "median_time": [2.5, 3.0, np.nan],
            "overdue": [True, False, True],
            "reason": [LONG, "short", "@SUM(1)"],
            "top": [["Ana", "Ben"], [], ["Eve"]],
        }
    )


HEADERS = (
    "Contact",
    "Response rate",
    "Due since",
    "Asked",
    "Median time",
    "Overdue",
    "Why",
    "Top connectors",
)


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    path = tmp_path_factory.mktemp("wb") / "t.xlsx"
    sheets = [
        Sheet("Follow-ups: due?", _table(), HEADERS, frozenset({"response_rate"}), "To do"),
        Sheet("Empty", pd.DataFrame({"a": pd.Series([], dtype=float)}), ("A column",)),
    ]
    write_workbook(
        sheets,
        path,
        title="My report",
        lines=["as of 2026-04-17"],
        figures=[("Response rate", "70%", "95% interval 55%–82%")],
        created=dt.date(2026, 4, 17),
    )
    return path, openpyxl.load_workbook(path)


def test_summary_first_with_figures_and_links(book):
    _, wb = book
    assert wb.sheetnames == ["Summary", "Follow-ups  due", "Empty"]  # ':' and '?' replaced
    ws = wb["Summary"]
    cells = [c for row in ws.iter_rows() for c in row if c.value is not None]
    values = [c.value for c in cells]
    assert values[:2] == ["My report", "as of 2026-04-17"]
    assert values[5:8] == ["Response rate", "70%", "95% interval 55%–82%"]
    link = next(c for c in cells if c.value == "Follow-ups  due")
    assert link.hyperlink.location == "'Follow-ups  due'!A1"
    rows = next(c for c in cells if c.value == "To do").offset(column=1)
    assert rows.value == 3


def test_headers_formats_and_values(book):
    _, wb = book
    ws = wb["Follow-ups  due"]
    assert [c.value for c in ws[1]] == list(HEADERS)
    assert all(c.font.b for c in ws[1])
    assert ws["A2"].value == '\'=HYPERLINK("http://x")'  # shown as the text it was
    assert ws["G4"].value == "'@SUM(1)"
    assert ws["B2"].value == pytest.approx(0.7004420607907267)  # the value, shown as 70.0%
    assert ws["B2"].number_format == PERCENT_FORMAT
    assert ws["B4"].value is None
    assert ws["C2"].value == dt.datetime(2026, 4, 2)
    assert ws["C2"].number_format == DATE_FORMAT
    assert ws["C2"].is_date
    assert ws["D3"].value == 10
    assert ws["D3"].number_format == INTEGER_FORMAT
    assert ws["E2"].number_format == "#,##0.0"
    assert [ws[f"F{r}"].value for r in (2, 3, 4)] == ["Yes", "No", "Yes"]
    assert ws["H2"].value == "Ana, Ben"
    assert ws["H3"].value is None or ws["H3"].value == ""


def test_no_formulas_anywhere(book):
    path, wb = book
    for ws in wb:
        for row in ws.iter_rows():
            assert all(c.data_type != "f" for c in row)
    with zipfile.ZipFile(path) as z:
        xml = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/"))
    assert "<f>" not in xml
    assert "<f " not in xml


def test_frozen_filtered_printed_landscape_fit_to_width(book):
    _, wb = book
    for name in ("Follow-ups  due", "Empty"):
        ws = wb[name]
        assert ws.freeze_panes == "A2"
        assert ws.print_title_rows == "$1:$1"  # the header on every printed page
    assert wb["Follow-ups  due"].auto_filter.ref == "A1:H4"
    assert wb["Empty"].auto_filter.ref == "A1"
    for ws in wb:
        assert ws.page_setup.orientation == "landscape"
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.page_setup.fitToHeight == 0  # as many pages tall as needed
        assert ws.page_setup.fitToWidth in (None, 1)  # 1 is the default: one page wide


def test_widths_and_wrapped_rows(book):
    _, wb = book
    ws = wb["Follow-ups  due"]
    widths = {c: ws.column_dimensions[c].width for c in "ABCDEFGH"}
    assert widths["A"] >= len('=HYPERLINK("http://x")')  # the longest value fits
    assert widths["C"] >= len("2026-04-02")
    assert 6 <= widths["D"] <= 20
    assert widths["G"] <= 53  # long text wraps instead of a very wide column
    assert ws["G2"].alignment.wrap_text
    # The row of the long reason is as tall as its wrapped lines (15 points a line).
    lines = -(-len(LONG) // 48)
    assert ws.row_dimensions[2].height >= 15 * (lines - 1)
    assert ws.row_dimensions[3].height in (None, 15)


def test_properties_title_and_fixed_date(book):
    _path, wb = book
    assert wb.properties.title == "My report"
    assert not wb.properties.creator
    assert wb.properties.created == dt.datetime(2026, 4, 17)


def test_header_count_must_match(tmp_path):
    with pytest.raises(ValueError, match="needs one header per column"):
        write_workbook([Sheet("t", pd.DataFrame({"a": [1]}), ("A", "B"))], tmp_path / "t.xlsx")


def test_sheet_names_made_unique(tmp_path):
    t = pd.DataFrame({"a": [1]})
    path = write_workbook(
        [Sheet("Rates", t), Sheet("rates", t), Sheet("Summary", t)], tmp_path / "t.xlsx"
    )
    assert openpyxl.load_workbook(path).sheetnames == [
        "Summary",
        "Rates",
        "rates (2)",
        "Summary (2)",
    ]
