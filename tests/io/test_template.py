"""The blank template and write_log: layout read back with openpyxl, round trips via read_log."""

from __future__ import annotations

import datetime as dt
import re

import openpyxl
import pandas as pd
import pytest
from cli.infoview_process import infoview_here
from hypothesis import given
from hypothesis import strategies as st
from openpyxl.utils import get_column_letter
from pandas.testing import assert_frame_equal

from infoview_analytics.core import schema
from infoview_analytics.errors import InvalidArgumentError, ReportExistsError
from infoview_analytics.io._safety import FORMULA_PREFIXES, neutralize_formula, neutralize_frame
from infoview_analytics.io.loader import read_log
from infoview_analytics.io.sample import SAMPLE_AS_OF, example_log
from infoview_analytics.io.template import RULES_OF_THUMB, write_log, write_template

LETTER = {col.name: get_column_letter(i) for i, col in enumerate(schema.FIELDS, start=1)}


@pytest.fixture
def template(tmp_path):
    return write_template(tmp_path / "log.xlsx")


def _validations(sheet) -> dict[str, object]:
    """Column letter -> the data validation covering it."""
    out = {}
    for check in sheet.data_validations.dataValidation:
        for cell_range in check.sqref.ranges:
            letter = get_column_letter(cell_range.min_col)
            assert cell_range.min_col == cell_range.max_col
            assert cell_range.min_row == 2
            out[letter] = check
    return out


def test_header_is_the_labels_and_each_maps_back(template):
    sheet = openpyxl.load_workbook(template)["Log"]
    header = [cell.value for cell in sheet[1]]
    assert header == [col.label for col in schema.FIELDS]
    for label, col in zip(header, schema.COLUMNS, strict=True):
        assert schema.HEADER_ALIASES[schema.normalize_header(label)] == col
    assert sheet.max_row == 1  # no styled empty rows that would look like data


@pytest.mark.parametrize("column", schema.CATEGORY_COLUMNS)
def test_each_category_column_has_a_drop_down_of_exactly_its_values(template, column):
    sheet = openpyxl.load_workbook(template)["Log"]
    check = _validations(sheet)[LETTER[column]]
    assert check.type == "list"
    assert check.formula1.strip('"').split(",") == list(schema.CATEGORIES[column])
    assert check.allow_blank
    assert not check.showDropDown  # OOXML: False shows the in-cell arrow
    assert {r.max_row for r in check.sqref.ranges} == {1001}


@pytest.mark.parametrize("column", schema.INTEGER_COLUMNS)
def test_whole_number_columns_are_checked(template, column):
    sheet = openpyxl.load_workbook(template)["Log"]
    check = _validations(sheet)[LETTER[column]]
    assert (check.type, check.operator, check.formula1) == ("whole", "greaterThanOrEqual", "0")


@pytest.mark.parametrize("column", schema.DATE_COLUMNS)
def test_date_columns_have_a_date_format(template, column):
    sheet = openpyxl.load_workbook(template)["Log"]
    assert sheet.column_dimensions[LETTER[column]].number_format == "yyyy-mm-dd"
    assert _validations(sheet)[LETTER[column]].type == "date"


def test_text_columns_have_no_validation(template):
    sheet = openpyxl.load_workbook(template)["Log"]
    letters = set(_validations(sheet))
    assert letters == {LETTER[c] for c in schema.COLUMNS if c not in schema.TEXT_COLUMNS}


def test_frozen_header_widths_and_sheets(template):
    book = openpyxl.load_workbook(template)
    assert book.sheetnames == ["Log", "About"]
    sheet = book["Log"]
    assert sheet.freeze_panes == "B2"
    assert sheet.column_dimensions[LETTER["notes"]].width == 60
    assert all(sheet.column_dimensions[LETTER[c]].width >= 12 for c in schema.COLUMNS)
    assert all(cell.font.bold for cell in sheet[1])


def test_about_sheet_explains_every_column_and_the_rules(template):
    about = openpyxl.load_workbook(template)["About"]
    rows = [[c for c in row if c is not None] for row in about.iter_rows(values_only=True)]
    by_label = {row[0]: row for row in rows if len(row) >= 4}
    for col in schema.FIELDS:
        row = by_label[col.label]
        assert row[1] == col.name
        assert row[3] == col.meaning
        if col.kind == "category":
            listed = [line.split(":")[0] for line in row[4].splitlines()]
            assert listed == list(schema.CATEGORIES[col.name])
    text = "\n".join(str(c) for row in rows for c in row)
    for rule in RULES_OF_THUMB:
        assert rule in text
    for phrase in ("3 to 5 people", "within 24 hours", "3B7", "15 to 30 minutes", "5 to 7"):
        assert phrase in text
    assert "Who else should I talk to?" in text


def test_refuses_to_overwrite(template):
    before = template.read_bytes()
    with pytest.raises(ReportExistsError, match=r"exists already.*overwrite=True"):
        write_template(template)
    with pytest.raises(FileExistsError):
        write_log(pd.DataFrame({"contact": ["Ana"]}), template)
    assert template.read_bytes() == before
    write_log(pd.DataFrame({"contact": ["Ana"]}), template, overwrite=True)
    assert openpyxl.load_workbook(template)["Log"]["A2"].value == "Ana"


def test_atomic_write_leaves_only_the_file(tmp_path):
    write_template(tmp_path / "a.xlsx")
    write_template(tmp_path / "a.xlsx", overwrite=True)
    assert [p.name for p in tmp_path.iterdir()] == ["a.xlsx"]


def test_missing_folder_leaves_nothing(tmp_path):
    with pytest.raises(FileNotFoundError):
        write_template(tmp_path / "no" / "log.xlsx")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["log.csv", "log.xls", "log"])
def test_file_name_must_end_in_xlsx(tmp_path, name):
    with pytest.raises(InvalidArgumentError, match=r"must end in \.xlsx, but '.*' was passed"):
        write_template(tmp_path / name)


def test_write_log_rejects_a_non_dataframe(tmp_path):
    with pytest.raises(InvalidArgumentError, match="as a pandas DataFrame"):
        write_log([{"contact": "Ana"}], tmp_path / "log.xlsx")


def test_filled_template_loads_without_problems(template):
    book = openpyxl.load_workbook(template)
    sheet = book["Log"]
    checks = _validations(sheet)
    allowed = {
        c: checks[LETTER[c]].formula1.strip('"').split(",") for c in schema.CATEGORY_COLUMNS
    }
    rows = [
        {
            "contact": "Ana Ruiz",
            "organization": "Acme",
            "field": "Data analytics",
            "seniority": allowed["seniority"][2],
            "org_type": allowed["org_type"][0],
            "source": allowed["source"][0],
            "channel": allowed["channel"][0],
            "requested_on": dt.date(2026, 3, 2),
            "responded_on": dt.date(2026, 3, 4),
            "status": allowed["status"][4],
            "interview_on": dt.date(2026, 3, 10),
            "format": allowed["format"][2],
            "minutes_planned": 30,
            "minutes_actual": 35,
            "questions_prepared": 6,
            "thanked_on": dt.date(2026, 3, 10),
            "referrals_given": 1,
        },
        {
            "contact": "Ben Ode",
            "organization": "Globex",
            "field": "Data analytics",
            "source": allowed["source"][1],
            "referred_by": "Ana Ruiz",
            "channel": allowed["channel"][1],
            "requested_on": dt.date(2026, 3, 12),
            "status": allowed["status"][1],
        },
        {"contact": "Cleo Vance", "organization": "Initech", "field": "UX research"},
    ]
    for number, row in enumerate(rows, start=2):
        for col, value in row.items():
            sheet[f"{LETTER[col]}{number}"] = value
    book.save(template)

    result = read_log(template, as_of="2026-03-20")
    assert result.problems.empty
    log = result.log
    assert log["contact"].tolist() == ["Ana Ruiz", "Ben Ode", "Cleo Vance"]
    assert log["source_row"].tolist() == [2, 3, 4]
    assert log["status"].astype(str).tolist() == ["interviewed", "awaiting", "prospect"]
    assert log["format"].iloc[0] == "video"
    assert log["interview_on"].iloc[0] == pd.Timestamp("2026-03-10")
    assert log["minutes_actual"].iloc[0] == 35
    assert log["referred_by"].iloc[1] == "Ana Ruiz"


def test_write_log_round_trips_the_sample(tmp_path):
    original = example_log()
    kept = original.copy(deep=True)
    path = write_log(original, tmp_path / "copy.xlsx")
    assert_frame_equal(original, kept)  # the input is not modified
    back = read_log(path, as_of=SAMPLE_AS_OF)
    assert back.problems.empty
    assert_frame_equal(back.log, original)


def test_write_log_layout_dates_and_extra_columns(tmp_path):
    log = pd.DataFrame(
        {
            "Fun fact": ["likes chess", None],
            "contact": ["Ana Ruiz", "Ben Ode"],
            "requested_on": pd.to_datetime(["2026-03-02", None]),
            "minutes_planned": pd.array([30, None], dtype="Int64"),
            "Met at": pd.to_datetime(["2026-01-05 18:30", None]),
            "source_row": [7, 8],
        }
    )
    path = write_log(log, tmp_path / "log.xlsx")
    sheet = openpyxl.load_workbook(path)["Log"]
    header = [cell.value for cell in sheet[1]]
    assert header == [*(c.label for c in schema.FIELDS), "Fun fact", "Met at"]
    date_cell = sheet[f"{LETTER['requested_on']}2"]
    assert date_cell.is_date
    assert date_cell.value == dt.datetime(2026, 3, 2)
    assert date_cell.number_format == "yyyy-mm-dd"
    assert sheet[f"{LETTER['minutes_planned']}2"].value == 30
    assert sheet[f"{LETTER['minutes_planned']}3"].value is None
    extra = sheet.cell(row=2, column=len(schema.FIELDS) + 2)
    assert extra.value == dt.datetime(2026, 1, 5, 18, 30)
    assert extra.number_format == "yyyy-mm-dd hh:mm"
    assert sheet.cell(row=2, column=len(schema.FIELDS) + 1).value == "likes chess"
    assert sheet.max_row == 3
    back = read_log(path, as_of="2026-03-20")
    assert list(back.log.columns[-2:]) == ["Fun fact", "Met at"]
    assert back.log["contact"].tolist() == ["Ana Ruiz", "Ben Ode"]


def test_write_log_neutralises_formulas(tmp_path):
    risky = ['=HYPERLINK("http://x.example")', "+1 555 0100", "-5", "@SUM(A1)", "\tx", "\ry"]
    log = pd.DataFrame(
        {"contact": ["Ana", "Ben", "Cleo", "Dev", "Eve", "Finn"], "notes": risky, "extra": risky}
    )
    path = write_log(log, tmp_path / "log.xlsx")
    sheet = openpyxl.load_workbook(path)["Log"]
    notes = [sheet[f"{LETTER['notes']}{r}"] for r in range(2, 8)]
    # XML reading turns a carriage return into a line feed; the quote is what matters.
    expected = ["'" + v.replace("\r", "\n") for v in risky]
    assert [c.value for c in notes] == expected
    assert all(c.data_type == "s" for c in notes)
    extra = [sheet.cell(row=r, column=len(schema.FIELDS) + 1).value for r in range(2, 8)]
    assert extra == expected
    assert log["notes"].tolist() == risky


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+44 20", "'+44 20"),
        ("-2", "'-2"),
        ("@handle", "'@handle"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Ana = Ben", "Ana = Ben"),
        ("", ""),
        (-3, -3),
        (2.5, 2.5),
        (None, None),
    ],
)
def test_neutralize_formula(value, expected):
    assert neutralize_formula(value) == expected


def test_neutralize_frame_keeps_types_and_input():
    frame = pd.DataFrame(
        {
            "a": ["=x", None, 3, "ok"],
            "b": pd.Series(["-1", "y", None, "@z"], dtype="str"),
            "c": pd.Categorical(["=c", "d", "d", "d"]),
            "d": [1, 2, 3, 4],
        }
    )
    kept = frame.copy(deep=True)
    out = neutralize_frame(frame)
    assert_frame_equal(frame, kept)
    assert out["a"].tolist()[:1] == ["'=x"]
    assert out["a"].iloc[2] == 3
    assert out["b"].tolist()[0] == "'-1"
    assert out["b"].tolist()[3] == "'@z"
    assert list(out["c"].cat.categories) == ["'=c", "d"]
    assert out["d"].tolist() == [1, 2, 3, 4]
    assert [out[c].dtype for c in "abd"] == [frame[c].dtype for c in "abd"]


@given(st.lists(st.one_of(st.text(max_size=8), st.none(), st.integers()), max_size=20))
def test_neutralize_frame_only_prefixes_risky_text(values):
    frame = pd.DataFrame({"v": pd.Series(values, dtype=object)})
    out = neutralize_frame(frame)["v"].tolist()
    for before, after in zip(values, out, strict=True):
        # Control characters an xlsx cannot hold are shown as U+FFFD.
        shown = (
            re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "\ufffd", before)
            if isinstance(before, str)
            else before
        )
        if isinstance(before, str) and shown.startswith(FORMULA_PREFIXES):
            assert after == "'" + shown
        elif isinstance(before, str):
            assert after == shown
        else:
            assert after == before or (before is None and after is None)


def _cli(*args, cwd):
    # In this process: tests/cli/test_cli_template.py runs `infoview template` as a subprocess.
    return infoview_here(*args, cwd=cwd)


def test_cli_template(tmp_path):
    first = _cli("template", "mine.xlsx", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "mine.xlsx" in first.stdout
    assert openpyxl.load_workbook(tmp_path / "mine.xlsx").sheetnames == ["Log", "About"]

    again = _cli("template", "mine.xlsx", cwd=tmp_path)
    assert again.returncode == 2
    assert again.stdout == ""
    assert again.stderr.count("\n") == 1
    assert again.stderr.startswith("infoview: error: mine.xlsx exists already")

    forced = _cli("template", "mine.xlsx", "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr


def test_cli_template_bad_name(tmp_path):
    result = _cli("template", "mine.csv", cwd=tmp_path)
    assert result.returncode == 2
    assert "must end in .xlsx" in result.stderr
    assert not (tmp_path / "mine.csv").exists()


def _merged_width(about, row: int, widths: dict[str, float]) -> float | None:
    for cells in about.merged_cells.ranges:
        if cells.min_row == row and cells.min_col == 1:
            return sum(widths[get_column_letter(c)] for c in range(1, cells.max_col + 1))
    return None


def test_about_sheet_rows_are_tall_enough_for_their_wrapped_text(template):
    about = openpyxl.load_workbook(template)["About"]
    widths = {letter: about.column_dimensions[letter].width for letter in "ABCDE"}
    assert widths == {"A": 24, "B": 20, "C": 14, "D": 50, "E": 60}
    tall = 0
    for row in about.iter_rows():
        number = row[0].row
        merged = _merged_width(about, number, widths)
        needed = 1
        for cell in row:
            if cell.value is None:
                continue
            assert cell.alignment.wrap_text
            width = merged if (merged and cell.column == 1) else widths[cell.column_letter]
            if merged is None:
                # A lone word must fit its column; longer text wraps at spaces.
                assert all(
                    len(w) <= width for line in str(cell.value).splitlines() for w in line.split()
                )
            # Lines a wrapped cell takes, at least: each line's characters over the width.
            lines = sum(
                -(-max(len(line), 1) // int(width)) for line in str(cell.value).split("\n")
            )
            needed = max(needed, lines)
        height = about.row_dimensions[number].height
        assert height is not None
        assert height >= 15 * needed, (number, height, needed)
        tall += needed > 1
    assert tall >= 10  # the allowed-values lists and paragraphs are several lines tall
    # The paragraphs (intro, rules of thumb) span the five columns instead of clipping at A.
    intro = next(r for r in about.iter_rows() if str(r[0].value).startswith("One row per person"))
    assert _merged_width(about, intro[0].row, widths) == sum(widths.values())
    rules = [r[0].row for r in about.iter_rows() if r[0].value in RULES_OF_THUMB]
    assert len(rules) == len(RULES_OF_THUMB)
    assert all(_merged_width(about, n, widths) for n in rules)


@pytest.mark.parametrize("sheet_name", ["Log", "About"])
def test_sheets_print_landscape_one_page_wide(template, sheet_name):
    sheet = openpyxl.load_workbook(template)[sheet_name]
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.page_setup.fitToWidth in (None, 1)  # 1 is the default
    assert sheet.page_setup.fitToHeight == 0  # as many pages tall as it needs
    if sheet_name == "Log":
        assert sheet.print_title_rows == "$1:$1"


def test_validation_messages_read_naturally(template):
    sheet = openpyxl.load_workbook(template)["Log"]
    checks = _validations(sheet)
    for col in schema.FIELDS:
        check = checks.get(LETTER[col.name])
        if check is None:
            continue
        message = check.error
        assert message.startswith(f"{col.label}: ")
        assert message.endswith(".")
        assert "(e.g." not in message
        assert len(message) <= 255  # Excel's limit
        if col.kind == "integer":
            assert re.fullmatch(
                rf"{col.label}: type a whole number, 0 or more, for example \d+ \([a-z]+\)\.",
                message,
            ), message
        elif col.kind == "date":
            assert message == f"{col.label}: type a date, for example 2026-04-17."
        else:
            assert (
                message == f"{col.label}: choose one of {', '.join(schema.CATEGORIES[col.name])}."
            )
    questions = checks[LETTER["questions_prepared"]].error
    assert (
        questions
        == "Questions prepared: type a whole number, 0 or more, for example 6 (questions)."
    )
