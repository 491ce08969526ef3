"""Tests of the loader on a corpus of messy files built here, in tmp_path."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import warnings
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from cli.infoview_process import infoview_here
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import infoview_analytics as iv
from infoview_analytics.core import schema
from infoview_analytics.core.values import FLAG_COLUMNS
from infoview_analytics.errors import InvalidArgumentError, LogFormatError, LogProblemsWarning
from infoview_analytics.io.loader import LoadResult, load_log, load_logs, read_log

AS_OF = "2026-04-17"
ROOT = Path(__file__).resolve().parents[2]


def write_text(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def write_xlsx(path: Path, sheets: dict[str, list[list[object]]], hidden=()) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        if name in hidden:
            sheet.sheet_state = "hidden"
    book.save(path)
    return path


def problems_of(result: LoadResult) -> list[tuple[int, str, str]]:
    p = result.problems
    return list(zip(p["source_row"].tolist(), p["column"], p["problem"], strict=True))


# ---------------------------------------------------------------- the canonical shape
def test_canonical_columns_dtypes_and_order(tmp_path: Path) -> None:
    path = write_text(
        tmp_path / "log.csv",
        "Name,Mystery,Method,Date Contacted,Minutes Planned,Company\n"
        "Ana,m1,email,2026-03-02,30,Acme\n",
    )
    log = read_log(path, as_of=AS_OF).log
    assert list(log.columns) == [*schema.COLUMNS, "source_row", *FLAG_COLUMNS, "Mystery"]
    assert isinstance(log.index, pd.RangeIndex)
    for col in schema.DATE_COLUMNS:
        assert log[col].dtype == "datetime64[ns]", col
    for col in schema.INTEGER_COLUMNS:
        assert log[col].dtype == "Int64", col
    for col in schema.CATEGORY_COLUMNS:
        assert isinstance(log[col].dtype, pd.CategoricalDtype), col
        assert list(log[col].cat.categories) == list(schema.CATEGORIES[col]), col
    for col in schema.TEXT_COLUMNS:
        assert pd.api.types.is_string_dtype(log[col]), col
    assert log["source_row"].dtype == "int64"
    assert log["status"].notna().all()
    assert log.loc[0, "Mystery"] == "m1"


# ---------------------------------------------------------------- encodings and delimiters
@pytest.mark.parametrize(
    ("encoding", "sep", "suffix"),
    [
        ("utf-8", ",", ".csv"),
        ("utf-8-sig", ",", ".csv"),
        ("cp1252", ",", ".csv"),
        ("utf-16", "\t", ".txt"),  # Excel's "Unicode text": UTF-16 with BOM, tabs
        ("utf-8", "\t", ".tsv"),
        ("utf-8", ";", ".csv"),
    ],
)
def test_encodings_and_delimiters(tmp_path: Path, encoding: str, sep: str, suffix: str) -> None:
    rows = [["Name", "Company", "Notes"], ["Renée Dupré", "Café Crème", "très bien"]]
    text = "\r\n".join(sep.join(r) for r in rows) + "\r\n"
    path = write_text(tmp_path / f"log{suffix}", text, encoding)
    result = read_log(path, as_of=AS_OF)
    assert result.log[["contact", "organization", "notes"]].iloc[0].tolist() == rows[1]
    assert result.problems.empty


def test_cp1252_detected_after_the_sniffed_start(tmp_path: Path) -> None:
    # The first 64 KiB are plain ASCII; the é comes later.
    filler = "".join(f"Person {i},Acme\n" for i in range(6000))
    path = write_text(tmp_path / "log.csv", "Name,Company\n" + filler + "Renée,Acme\n", "cp1252")
    log = read_log(path, as_of=AS_OF).log
    assert log["contact"].iloc[-1] == "Renée"
    assert len(log) == 6001


def test_semicolon_file_with_decimal_commas_and_quoted_delimiters(tmp_path: Path) -> None:
    path = write_text(
        tmp_path / "log.csv",
        'Name;Minutes Actual;Notes\n"Ruiz, Ana";30,0;"said: a;b"\nBo;2,5;\n',
    )
    result = read_log(path, as_of=AS_OF)
    assert result.log["contact"].tolist() == ["Ruiz, Ana", "Bo"]
    assert result.log["notes"].iloc[0] == "said: a;b"
    assert result.log["minutes_actual"].tolist() == [30, pd.NA]
    assert problems_of(result) == [(3, "minutes_actual", "not a whole number")]


# ---------------------------------------------------------------- header row, blank rows
def test_title_rows_above_the_header_and_blank_rows(tmp_path: Path) -> None:
    path = write_text(
        tmp_path / "log.csv",
        "My informational interviews\n"
        "Fill one row per person\n"
        "\n"
        "Name,Company\n"  # row 4
        "Ana,Acme\n"  # row 5
        ",\n"  # row 6: blank
        "\n"  # row 7: blank
        "   ,  \n"  # row 8: only spaces
        "Bo,Globex\n",  # row 9
    )
    result = read_log(path, as_of=AS_OF)
    assert result.header_row == 4
    assert result.log["source_row"].tolist() == [5, 9]
    assert result.blank_rows == 3
    assert result.rows_read == 2


def test_header_row_in_xlsx_counts_title_rows(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "log.xlsx",
        {"Log": [["Tracker"], [], ["Contact Name", "Employer"], ["Ana", "Acme"], [], ["Bo", "X"]]},
    )
    result = read_log(path, as_of=AS_OF)
    assert (result.sheet, result.header_row) == ("Log", 3)
    assert result.log["source_row"].tolist() == [4, 6]
    assert result.blank_rows == 1


def test_header_may_start_in_a_later_column(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "log.xlsx", {"Log": [[None, "Name", "Company"], [None, "Ana", "A"]]}
    )
    log = read_log(path, as_of=AS_OF).log
    assert log[["contact", "organization"]].iloc[0].tolist() == ["Ana", "A"]


# ---------------------------------------------------------------- header matching
@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("Name", "contact"),
        ("Contact Name", "contact"),
        ("Company Name", "organization"),
        ("  company name: ", "organization"),
        ("Position", "role"),
        ("Role / Title", "role"),
        ("Title/Position", "role"),
        ("Interest Area", "field"),
        ("Mutual Connection", "referred_by"),
        ("Introduced by", "referred_by"),
        ("Connected By", "referred_by"),
        ("Date Contacted", "requested_on"),
        ("Coffee Chat Date", "interview_on"),
        ("Thank-you Sent", "thanked_on"),
        ("E-mail", "email"),
        ("# Questions", "questions_prepared"),
        ("Email / Phone", "email"),  # parts naming two columns: the first part
    ],
)
def test_header_aliases(tmp_path: Path, header: str, column: str) -> None:
    first = "Who" if column != "contact" else "Notes"
    path = write_text(tmp_path / "log.csv", f'{first},"{header}"\nAna,x\n')
    result = read_log(path, as_of=AS_OF)
    row = result.mapping[result.mapping["header"] == header.strip()]
    assert row["column"].tolist() == [column]


def test_first_and_last_name_become_contact(tmp_path: Path) -> None:
    path = write_text(tmp_path / "log.csv", "First Name,Last Name,Company\nAna,Ruiz,A\nBo,,B\n")
    result = read_log(path, as_of=AS_OF)
    assert result.log["contact"].tolist() == ["Ana Ruiz", "Bo"]
    assert result.mapping["how"].tolist()[:2] == ["first + last name"] * 2


def test_first_and_last_name_kept_when_there_is_a_contact_column(tmp_path: Path) -> None:
    path = write_text(tmp_path / "log.csv", "Name,First Name,Last Name\nAna Ruiz,Ana,Ruiz\n")
    log = read_log(path, as_of=AS_OF).log
    assert log["contact"].tolist() == ["Ana Ruiz"]
    assert log["First Name"].tolist() == ["Ana"]


def test_duplicate_headers_first_used_second_kept_and_reported(tmp_path: Path) -> None:
    path = write_text(tmp_path / "log.csv", "Name,Company,Company,Notes\nAna,Acme,Old Co,n\n")
    result = read_log(path, as_of=AS_OF)
    assert result.log["organization"].tolist() == ["Acme"]
    assert result.log["Company (2)"].tolist() == ["Old Co"]
    assert problems_of(result) == [
        (1, "Company", "duplicate header: 'Company' is already read as organization")
    ]


def test_columns_override(tmp_path: Path) -> None:
    # "Kanal" is German for channel now; "Stimmung" (mood) is no column at all.
    path = write_text(tmp_path / "log.csv", "Who I met,Firma,Stimmung\nAna,Acme,gut\n")
    result = read_log(path, columns={"Who I met": "contact", "firma": "organization"})
    assert result.log[["contact", "organization"]].iloc[0].tolist() == ["Ana", "Acme"]
    assert result.log["Stimmung"].tolist() == ["gut"]
    assert result.mapping["how"].tolist() == ["override", "override", "kept (unknown)"]


def test_columns_override_bad_target(tmp_path: Path) -> None:
    path = write_text(tmp_path / "log.csv", "Name\nAna\n")
    with pytest.raises(InvalidArgumentError, match=r"must map headers to one of \['contact'"):
        read_log(path, columns={"Name": "person"})
    with pytest.raises(InvalidArgumentError, match="must be a dict"):
        read_log(path, columns=["Name"])


def test_unknown_columns_kept_unchanged_after_source_row(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "log.xlsx", {"Log": [["Name", "Rating", "Mood"], ["Ana", 4.5, "  happy "]]}
    )
    log = read_log(path, as_of=AS_OF).log
    assert list(log.columns[-9:]) == ["source_row", *FLAG_COLUMNS, "Rating", "Mood"]
    assert log["Rating"].tolist() == [4.5]
    assert log["Mood"].tolist() == ["  happy "]


# ---------------------------------------------------------------- dates in files
def test_each_date_format_in_a_csv(tmp_path: Path) -> None:
    path = write_text(
        tmp_path / "log.csv",
        "Name,Date Contacted,Response Date,Meeting Date,Thank-you Sent,Follow-Up Date,"
        "Last Contact\n"
        'Ana,2026-03-02,13/03/2026,"4/16/26, 2:12 PM",2026-04-06 16:35:35 UTC,30 May 2024,46083\n'
        'Bo,2026-03-03,02/03/2026,"4/1/26, 9:00 AM",2026-04-07 10:00:00 UTC,1 Jun 2024,46084\n',
    )
    result = read_log(path, as_of=AS_OF)
    got = result.log[
        [
            "requested_on",
            "responded_on",
            "interview_on",
            "thanked_on",
            "followed_up_on",
            "last_contact_on",
        ]
    ]
    expected = [
        ["2026-03-02", "2026-03-13", "2026-04-16", "2026-04-06", "2024-05-30", "2026-03-02"],
        ["2026-03-03", "2026-03-02", "2026-04-01", "2026-04-07", "2024-06-01", "2026-03-03"],
    ]
    want = (
        pd.DataFrame(expected, columns=got.columns).apply(pd.to_datetime).astype("datetime64[ns]")
    )
    pd.testing.assert_frame_equal(got, want)
    # 30 May 2024 follow-up is before the request: reported.
    assert (2, "followed_up_on", "follow-up date before the request date") in problems_of(result)


def test_unparseable_date_is_nat_and_reported_with_its_text(tmp_path: Path) -> None:
    path = write_text(
        tmp_path / "log.csv", "Name,Date Contacted\nAna,next Tuesday\nBo,2026-03-02\n"
    )
    result = read_log(path, as_of=AS_OF)
    assert pd.isna(result.log["requested_on"].iloc[0])
    row = result.problems.iloc[0]
    assert (row["source_row"], row["column"], row["value"], row["problem"]) == (
        2,
        "requested_on",
        "next Tuesday",
        "not a date",
    )


def test_dayfirst_option_and_conflict_report(tmp_path: Path) -> None:
    path = write_text(tmp_path / "log.csv", "Name,Date Contacted\nAna,02/03/2026\nBo,04/05/2026\n")
    assert read_log(path, as_of=AS_OF).log["requested_on"].iloc[0] == pd.Timestamp("2026-02-03")
    log = read_log(path, as_of=AS_OF, dayfirst=True).log
    assert log["requested_on"].iloc[0] == pd.Timestamp("2026-03-02")
    path = write_text(
        tmp_path / "mixed.csv",
        "Name,Date Contacted\nAna,13/03/2026\nBo,14/03/2026\nCy,03/15/2026\n",
    )
    result = read_log(path, as_of=AS_OF)
    assert result.log["requested_on"].iloc[2] == pd.Timestamp("2026-03-15")
    assert [(r, c) for r, c, _ in problems_of(result)] == [(4, "requested_on")]
    assert "other order" in result.problems["problem"].iloc[0]


def test_xlsx_real_date_cells_and_serial_numbers(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "log.xlsx",
        {
            "Log": [
                ["Name", "Date Contacted", "Meeting Date", "Thank-you Sent"],
                ["Ana", dt.datetime(2026, 3, 2, 14, 30), dt.date(2026, 3, 10), 46092],
                ["Bo", "03/04/2026", "2026-03-20", "13/03/2026"],
            ]
        },
    )
    log = read_log(path, as_of=AS_OF).log
    # 03/04/2026 cannot say its order; the thank-you column's 13/03/2026 says day first.
    assert log["requested_on"].tolist() == [pd.Timestamp("2026-03-02"), pd.Timestamp("2026-04-03")]
    assert log["interview_on"].tolist() == [pd.Timestamp("2026-03-10"), pd.Timestamp("2026-03-20")]
    assert log["thanked_on"].tolist() == [pd.Timestamp("2026-03-11"), pd.Timestamp("2026-03-13")]


# ---------------------------------------------------------------- values
@pytest.mark.parametrize(
    ("column", "header", "written", "expected"),
    [
        ("channel", "Method", "LinkedIn msg", "linkedin"),
        ("channel", "Method", "LI", "linkedin"),
        ("channel", "Method", " linkedin ", "linkedin"),
        ("channel", "Method", "e-mail", "email"),
        ("channel", "Method", "Phone call", "phone"),
        ("channel", "Method", "call", "phone"),
        ("channel", "Method", "coffee", "in_person"),
        ("format", "Format", "Coffee Chat", "coffee"),
        ("format", "Format", "Zoom", "video"),
        ("source", "How Found", "Mutual connection", "referral"),
        ("source", "How Found", "Alumni list", "alumni"),
        ("status", "Status", "Completed", "interviewed"),
        ("status", "Status", "Ghosted", "no_response"),
        ("status", "Status", "Outreach Sent", "awaiting"),
        ("seniority", "Level", "VP", "executive"),
        ("org_type", "Org Type", "Non-profit", "nonprofit"),
    ],
)
def test_category_synonyms(
    tmp_path: Path, column: str, header: str, written: str, expected: str
) -> None:
    path = write_text(tmp_path / "log.csv", f"Name,{header}\nAna,{written}\n")
    result = read_log(path, as_of=AS_OF)
    assert result.log[column].tolist() == [expected]


def test_coffee_channel_fills_a_blank_format(tmp_path: Path) -> None:
    path = write_text(tmp_path / "log.csv", "Name,Method,Format\nAna,coffee,\nBo,coffee,Zoom\n")
    log = read_log(path, as_of=AS_OF).log
    assert log["channel"].tolist() == ["in_person", "in_person"]
    assert log["format"].tolist() == ["coffee", "video"]


def test_unknown_category_value_kept_and_reported(tmp_path: Path) -> None:
    path = write_text(tmp_path / "log.csv", "Name,Method\nAna,Carrier pigeon\nBo,email\n")
    result = read_log(path, as_of=AS_OF)
    channel = result.log["channel"]
    assert channel.tolist() == ["Carrier pigeon", "email"]
    assert list(channel.cat.categories) == [*schema.CATEGORIES["channel"], "Carrier pigeon"]
    assert problems_of(result) == [(2, "channel", "not a known channel value")]
    assert result.problems["value"].tolist() == ["Carrier pigeon"]


@pytest.mark.parametrize(
    ("column", "header", "written", "expected", "bad"),
    [
        ("minutes_planned", "Minutes Planned", "30", 30, False),
        ("minutes_planned", "Minutes Planned", "30 min", 30, False),
        ("minutes_planned", "Minutes Planned", "30.0", 30, False),
        ("minutes_planned", "Minutes Planned", "1h", 60, False),
        ("minutes_actual", "Minutes Actual", "1.5 hours", 90, False),
        ("questions_prepared", "Questions Prepared", "7", 7, False),
        ("questions_prepared", "Questions Prepared", "7 min", None, True),
        ("referrals_given", "Referrals Given", "two", None, True),
        ("referrals_given", "Referrals Given", "-1", None, True),
        ("minutes_actual", "Minutes Actual", "22.5", None, True),
    ],
)
def test_whole_numbers(
    tmp_path: Path, column: str, header: str, written: str, expected: int | None, bad: bool
) -> None:
    path = write_text(tmp_path / "log.csv", f"Name,{header}\nAna,{written}\n")
    result = read_log(path, as_of=AS_OF)
    value = result.log[column].iloc[0]
    assert pd.isna(value) if expected is None else value == expected
    assert problems_of(result) == ([(2, column, "not a whole number")] if bad else [])


def test_names_whitespace_stripped_notes_keep_line_breaks(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "log.xlsx",
        {"Log": [["Name", "Referred By", "Notes"], ["  Ana \t  Ruiz ", " Bo  Ode", " a\n\nb  "]]},
    )
    log = read_log(path, as_of=AS_OF).log
    assert log[["contact", "referred_by", "notes"]].iloc[0].tolist() == [
        "Ana Ruiz",
        "Bo Ode",
        "a\n\nb",
    ]


def test_numbers_in_text_columns_read_as_written(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "log.xlsx", {"Log": [["Name", "Phone"], [1234, 5551234]]})
    log = read_log(path, as_of=AS_OF).log
    assert log[["contact", "phone"]].iloc[0].tolist() == ["1234", "5551234"]


# ---------------------------------------------------------------- status
@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        (("2026-03-02", "2026-03-04", "2026-04-10"), "interviewed"),
        (("2026-03-02", "2026-03-04", "2026-04-17"), "interviewed"),  # on as_of
        (("2026-03-02", "2026-03-04", "2026-04-18"), "scheduled"),
        (("2026-03-02", "2026-03-04", ""), "replied"),
        (("2026-03-02", "", ""), "awaiting"),
        (("", "", ""), "prospect"),
    ],
)
def test_blank_status_derived_from_dates(
    tmp_path: Path, dates: tuple[str, str, str], expected: str
) -> None:
    path = write_text(
        tmp_path / "log.csv",
        "Name,Date Contacted,Response Date,Meeting Date,Status\nAna," + ",".join(dates) + ",\n",
    )
    result = read_log(path, as_of=AS_OF)
    assert result.log["status"].tolist() == [expected]
    assert result.problems.empty


def test_written_status_wins_and_contradictions_reported(tmp_path: Path) -> None:
    path = write_text(
        tmp_path / "log.csv",
        "Name,Date Contacted,Response Date,Meeting Date,Thank-you Sent,Status\n"
        "Ana,2026-03-10,2026-03-01,2026-03-05,2026-03-04,declined\n"  # 3 date contradictions
        "Bo,2026-03-10,,2026-05-01,,interviewed\n"  # future interview
        "Cy,2026-03-10,,,,prospect\n"  # prospect with a request date
        "Di,,,2026-03-10,,interviewed\n",  # fine
    )
    result = read_log(path, as_of=AS_OF)
    assert result.log["status"].tolist() == ["declined", "interviewed", "prospect", "interviewed"]
    assert problems_of(result) == [
        (2, "responded_on", "response date before the request date"),
        (2, "interview_on", "interview date before the request date"),
        (2, "thanked_on", "thank-you date before the interview date"),
        (3, "status", "says interviewed but the interview date is after 2026-04-17"),
        (4, "status", "says prospect but a request date is filled"),
    ]


def test_scheduled_with_a_past_interview_date_is_reported_not_changed(tmp_path: Path) -> None:
    path = write_text(
        tmp_path / "log.csv",
        "Name,Date Contacted,Meeting Date,Status\n"
        "Ana,2026-03-10,2026-04-01,Scheduled\n"  # the meeting day has passed
        "Bo,2026-03-10,2026-04-17,Scheduled\n"  # today: not passed yet
        "Cy,2026-03-10,2026-04-22,Scheduled\n"  # ahead
        "Di,2026-03-10,2026-04-01,\n",  # derived: interviewed, nothing to say
    )
    result = read_log(path, as_of=AS_OF)
    assert result.log["status"].tolist() == ["scheduled", "scheduled", "scheduled", "interviewed"]
    assert problems_of(result) == [
        (2, "status", "says scheduled but the interview date has passed (before 2026-04-17)")
    ]
    assert "set the status to interviewed" in result.problems["hint"].iloc[0]


def test_as_of_default_is_today(tmp_path: Path) -> None:
    path = write_text(tmp_path / "log.csv", "Name\nAna\n")
    assert read_log(path).as_of == pd.Timestamp(dt.date.today())


# ---------------------------------------------------------------- nothing lost
def test_row_without_contact_kept_and_reported(tmp_path: Path) -> None:
    path = write_text(tmp_path / "log.csv", "Name,Company\nAna,A\n,Globex\n")
    result = read_log(path, as_of=AS_OF)
    assert result.log["organization"].tolist() == ["A", "Globex"]
    assert problems_of(result) == [(3, "contact", "no contact name in a row with data")]


def test_duplicate_people_reported_not_merged(tmp_path: Path) -> None:
    path = write_text(
        tmp_path / "log.csv",
        "Name,Company\nAna Ruiz,Acme\nBo,Acme\nana  RUIZ,acme\nAna Ruiz,Globex\n",
    )
    result = read_log(path, as_of=AS_OF)
    assert len(result.log) == 4
    assert problems_of(result) == [(4, "contact", "same person and organization as row 2")]


@pytest.mark.parametrize(
    ("again", "organization"),
    [
        ("Jose\u0301 A\u0301lvarez", "Cafe\u0301 Nu"),  # NFD, as pasted on macOS
        ("jose alvarez", "CAFE NU"),  # accents left out
        ("JOSÉ\u00a0ÁLVAREZ", "Café\u200b Nu"),  # no-break space, zero-width space
    ],
)
def test_duplicate_people_matched_by_the_name_key(tmp_path: Path, again, organization) -> None:
    path = write_text(
        tmp_path / "log.csv", f"Name,Company\nJosé Álvarez,Café Nu\n{again},{organization}\n"
    )
    result = read_log(path, as_of=AS_OF)
    assert len(result.log) == 2
    assert problems_of(result) == [(3, "contact", "same person and organization as row 2")]


def test_input_file_never_modified(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "log.xlsx", {"Log": [["Name", "Method"], ["  Ana", "LI"]]})
    csv = write_text(tmp_path / "log.csv", "Name,Method\n  Ana ,LI\n")
    for p in (path, csv):
        os.utime(p, (1_700_000_000, 1_700_000_000))
        before = (p.read_bytes(), p.stat().st_mtime_ns)
        read_log(p, as_of=AS_OF)
        assert (p.read_bytes(), p.stat().st_mtime_ns) == before


# ---------------------------------------------------------------- workbooks
def test_hidden_first_sheet_skipped(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "log.xlsx",
        {"Lists": [["Name"], ["not a person"]], "Log": [["Name"], ["Ana"]]},
        hidden={"Lists"},
    )
    result = read_log(path, as_of=AS_OF)
    assert (result.sheet, result.log["contact"].tolist()) == ("Log", ["Ana"])


def test_first_sheet_with_a_header_used_and_sheet_option(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "log.xlsx",
        {
            "About": [["How to use this file"]],
            "Log": [["Name"], ["Ana"]],
            "Old": [["Name"], ["Bo"]],
        },
    )
    assert read_log(path, as_of=AS_OF).sheet == "Log"
    assert read_log(path, sheet="Old").log["contact"].tolist() == ["Bo"]
    assert read_log(path, sheet=2).log["contact"].tolist() == ["Bo"]
    with pytest.raises(
        LogFormatError, match=r"has no sheet 'Nope'; its sheets are \['About', 'Log', 'Old'\]"
    ):
        read_log(path, sheet="Nope")


def test_xls_written_by_xlwt(tmp_path: Path) -> None:
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook()
    sheet = book.add_sheet("Log")
    for r, row in enumerate(
        [["Name", "Date Contacted", "Minutes Planned"], ["Ana", "2026-03-02", 30]]
    ):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    path = tmp_path / "log.xls"
    book.save(str(path))
    log = read_log(path, as_of=AS_OF).log
    assert log[["contact", "requested_on", "minutes_planned"]].iloc[0].tolist() == [
        "Ana",
        pd.Timestamp("2026-03-02"),
        30,
    ]


def test_ods(tmp_path: Path) -> None:
    pytest.importorskip("odf")
    path = tmp_path / "log.ods"
    pd.DataFrame({"Name": ["Ana"], "Method": ["LI"]}).to_excel(path, index=False, engine="odf")
    log = read_log(path, as_of=AS_OF).log
    assert log[["contact", "channel"]].iloc[0].tolist() == ["Ana", "linkedin"]


# ---------------------------------------------------------------- fatal input
def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(LogFormatError, match=r"No file at .*nope\.xlsx .*Check the name"):
        read_log(tmp_path / "nope.xlsx")


def test_folder(tmp_path: Path) -> None:
    with pytest.raises(LogFormatError, match=r"is a folder, not a log file.*load_logs"):
        read_log(tmp_path)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "log.xlsx",
            b"\x89PNG\r\n\x1a\n" + bytes(100),
            r"log\.xlsx is a PNG image, not a spreadsheet",
        ),
        ("log.csv", b"%PDF-1.7\n" + bytes(100), r"log\.csv is a PDF document"),
        ("log.csv", bytes(range(256)) * 4, r"log\.csv is a binary file"),
        ("log.xlsx", b"Name,Company\nAna,A\n", r"has the extension \.xlsx but is not an Excel"),
        ("log.xlsx", b"PK\x03\x04" + bytes(200), r"log\.xlsx could not be read as a workbook"),
        (
            "log.xlsx",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
            r"password-protected \(encrypted\) workbook.*remove the password",
        ),
        ("log.csv", b"", r"log\.csv is empty \(0 bytes\)"),
        ("log.csv", b"\n\n  \n", r"log\.csv is empty: no rows at all"),
    ],
)
def test_not_a_log(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(LogFormatError, match=message):
        read_log(path)


def test_no_header_with_a_name_column(tmp_path: Path) -> None:
    path = write_text(tmp_path / "log.csv", "Person I met,Company,Method\nAna,A,email\n")
    with pytest.raises(
        LogFormatError,
        match=r"no header with a name column.*Headers seen: \['Person I met', 'Company', "
        r"'Method'\].*columns=\{'Person I met': 'contact'\}",
    ):
        read_log(path)
    # The advice works.
    assert read_log(path, columns={"Person I met": "contact"}).log["contact"].tolist() == ["Ana"]


def test_no_known_header_at_all_in_a_workbook(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "log.xlsx", {"S1": [["a", "b"], [1, 2]], "S2": [["c"]]})
    with pytest.raises(LogFormatError, match=r"Headers seen: \['a', 'b'\]\. Sheets searched"):
        read_log(path)


def test_nothing_but_a_header(tmp_path: Path) -> None:
    path = write_text(tmp_path / "log.csv", "Name,Company\n,\n\n")
    with pytest.raises(LogFormatError, match=r"has a header on row 1 but no rows below it"):
        read_log(path)


def test_bad_path_argument() -> None:
    with pytest.raises(InvalidArgumentError, match="must be a file path"):
        read_log(42)


# ---------------------------------------------------------------- load_log and its warning
def test_load_log_warns_once_with_a_summary(tmp_path: Path) -> None:
    path = write_text(
        tmp_path / "log.csv", "Name,Method,Date Contacted\nAna,pigeon,soon\nBo,owl,later\nCy,a,b\n"
    )
    with pytest.warns(LogProblemsWarning) as record:
        log = load_log(path, as_of=AS_OF)
    assert len(record) == 1
    text = str(record[0].message)
    assert text.startswith("6 problems in log.csv: row 2: channel not a known channel value")
    assert "; and 1 more. Call read_log(...).problems to see them all." in text
    assert len(log) == 3


def test_load_log_clean_file_no_warning(tmp_path: Path) -> None:
    path = write_text(tmp_path / "log.csv", "Name\nAna\n")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        log = load_log(path, as_of=AS_OF)
    assert log["contact"].tolist() == ["Ana"]


def test_public_names_exported() -> None:
    assert iv.read_log is read_log
    assert iv.load_log is load_log
    assert iv.load_logs is load_logs
    assert iv.LoadResult is LoadResult


# ---------------------------------------------------------------- load_logs
def test_load_logs_folder_and_owner_rules(tmp_path: Path) -> None:
    write_text(tmp_path / "bea.csv", "Name,Method\nAna,LI\n")
    write_text(tmp_path / "cy.csv", "Name,Owner,Method\nBo,Cy Lee,pigeon\nDi,,email\n")
    write_xlsx(tmp_path / "al.xlsx", {"Log": [["Contact", "Status"], ["Ed", "Completed"]]})
    write_text(tmp_path / "~$al.xlsx", "lock")
    write_text(tmp_path / ".hidden.csv", "Name\nX\n")
    write_text(tmp_path / "readme.md", "not a log")
    with pytest.warns(LogProblemsWarning, match=r"1 problem in 3 logs: cy\.csv row 2: channel"):
        log = load_logs(tmp_path, as_of=AS_OF)
    assert log["contact"].tolist() == ["Ed", "Ana", "Bo", "Di"]
    assert log["owner"].tolist() == ["al", "bea", "Cy Lee", "cy"]
    assert log["source_file"].tolist() == ["al.xlsx", "bea.csv", "cy.csv", "cy.csv"]
    assert log["source_row"].tolist() == [2, 2, 2, 3]
    cols = list(log.columns)
    assert cols[: len(schema.COLUMNS) + 2] == [*schema.COLUMNS, "source_row", "source_file"]
    assert list(log["channel"].cat.categories) == [*schema.CATEGORIES["channel"], "pigeon"]
    assert log["status"].tolist() == ["interviewed", "prospect", "prospect", "prospect"]


def test_load_logs_list_and_owner_mapping(tmp_path: Path) -> None:
    a = write_text(tmp_path / "a.csv", "Name\nAna\n")
    b = write_text(tmp_path / "b.csv", "Name\nBo\n")
    log = load_logs([b, a], owner={"b.csv": "Bea", "a": "Al"}, as_of=AS_OF)
    assert log[["contact", "owner"]].to_numpy().tolist() == [["Bo", "Bea"], ["Ana", "Al"]]


def test_load_logs_errors(tmp_path: Path) -> None:
    with pytest.raises(LogFormatError, match=r"No logs in the folder"):
        load_logs(tmp_path)
    with pytest.raises(InvalidArgumentError, match=r"must be a folder or a non-empty list"):
        load_logs([])


# ---------------------------------------------------------------- summary
def test_summary_lists_mapping_and_caps_problems(tmp_path: Path) -> None:
    rows = "".join(f"P{i},pigeon\n" for i in range(45))
    path = write_text(tmp_path / "log.csv", "Title\nName,Method,Shoe Size\n" + rows)
    text = read_log(path, as_of=AS_OF).summary()
    assert "Header row:  2" in text
    assert "Rows loaded: 45" in text
    assert "  Method    -> channel    alias" in text
    assert "  Shoe Size -> Shoe Size  kept (unknown)" in text
    assert "Problems (45):" in text
    assert "   row 3  channel  'pigeon': not a known channel value; use one of: email," in text
    assert text.rstrip().endswith("... and 5 more (read_log(path).problems lists them all).")


# ---------------------------------------------------------------- the CLI
def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    # In this process: tests/cli/test_cli_validate.py runs `infoview validate` as a subprocess.
    return infoview_here("validate", *args, cwd=cwd)


def test_cli_validate_exit_codes(tmp_path: Path) -> None:
    write_text(tmp_path / "good.csv", "Name,Date Contacted\nAna,02/03/2026\n")
    write_text(tmp_path / "bad.csv", "Name,Method\nAna,pigeon\n")
    (tmp_path / "fake.xlsx").write_bytes(b"%PDF-1.4" + bytes(10))

    good = _cli("good.csv", "--as-of", AS_OF, "--dayfirst", cwd=tmp_path)
    assert good.returncode == 0, good.stderr
    assert "No problems found." in good.stdout
    assert "  Date Contacted -> requested_on  alias" in good.stdout

    bad = _cli("bad.csv", "--as-of", AS_OF, cwd=tmp_path)
    assert bad.returncode == 1
    assert "Problems (1):" in bad.stdout

    for args in (["fake.xlsx"], ["missing.csv"], ["good.csv", "--as-of", "soon"]):
        out = _cli(*args, cwd=tmp_path)
        assert out.returncode == 2, args
        assert out.stderr.count("\n") == 1, out.stderr
        assert out.stderr.startswith("infoview: error: ")
        assert "Traceback" not in out.stderr


def test_cli_sheet_by_index(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "log.xlsx", {"A": [["Name"], ["Ana"]], "B": [["Name"], ["Bo"]]})
    out = _cli("log.xlsx", "--sheet", "1", "--as-of", AS_OF, cwd=tmp_path)
    assert out.returncode == 0
    assert "Sheet:       B" in out.stdout


# ---------------------------------------------------------------- properties
_words = st.text(
    alphabet=st.characters(
        codec="utf-8", categories=["L", "N", "P", "S"], exclude_characters="\x00"
    ),
    min_size=1,
    max_size=8,
)
# openpyxl writes a text starting with "=" as a formula (no cached value): not a text cell.
_names = st.lists(_words, min_size=1, max_size=3).map(" ".join).filter(lambda s: s[0] != "=")
_rows = st.lists(
    st.tuples(
        _names,
        st.one_of(st.none(), _names),
        st.one_of(st.none(), st.sampled_from(schema.CATEGORIES["channel"])),
        st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31))),
        st.one_of(st.none(), st.integers(0, 500)),
    ),
    min_size=1,
    max_size=12,
)


def _check_roundtrip(log: pd.DataFrame, rows: list[tuple]) -> None:
    assert len(log) == len(rows)
    assert log["source_row"].tolist() == list(range(2, 2 + len(rows)))
    for i, col in enumerate(["contact", "organization", "channel"]):
        got = [None if pd.isna(v) else v for v in log[col].astype(object)]
        assert got == [r[i] for r in rows], col
    dates = [pd.Timestamp(r[3]) if r[3] else pd.NaT for r in rows]
    assert log["requested_on"].tolist() == dates
    got = [None if pd.isna(v) else int(v) for v in log["minutes_planned"]]
    assert got == [r[4] for r in rows]


_HEADER = ["Name", "Company", "Method", "Date Contacted", "Minutes Planned"]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=_rows)
def test_property_csv_roundtrip(tmp_path: Path, rows: list[tuple]) -> None:
    frame = pd.DataFrame(rows, columns=_HEADER)
    frame["Date Contacted"] = [d.isoformat() if d else None for d in frame["Date Contacted"]]
    frame["Minutes Planned"] = frame["Minutes Planned"].astype("Int64")
    path = tmp_path / "prop.csv"
    frame.to_csv(path, index=False, encoding="utf-8")
    _check_roundtrip(read_log(path, as_of=AS_OF).log, rows)


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=_rows)
def test_property_xlsx_roundtrip(tmp_path: Path, rows: list[tuple]) -> None:
    path = write_xlsx(tmp_path / "prop.xlsx", {"Log": [_HEADER, *[list(r) for r in rows]]})
    _check_roundtrip(read_log(path, as_of=AS_OF).log, rows)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(blank_at=st.lists(st.integers(0, 8), max_size=5), n=st.integers(1, 8))
def test_property_loading_never_loses_a_row(tmp_path: Path, blank_at: list[int], n: int) -> None:
    lines = [f"P{i},Org" for i in range(n)]
    for pos in sorted(blank_at, reverse=True):
        lines.insert(min(pos, len(lines)), ",")
    path = write_text(tmp_path / "rows.csv", "Name,Company\n" + "\n".join(lines) + "\n")
    result = read_log(path, as_of=AS_OF)
    assert result.rows_read + result.blank_rows == len(lines)
    assert result.log["contact"].tolist() == [f"P{i}" for i in range(n)]
    expected_rows = [i + 2 for i, line in enumerate(lines) if line != ","]
    assert result.log["source_row"].tolist() == expected_rows


def test_sample_log_loads_clean() -> None:
    sample = ROOT / "data" / "sample_log.xlsx"
    if not sample.exists():
        pytest.skip("the sample log is made by scripts/ (not there yet)")
    result = read_log(sample, as_of="2026-04-17")
    assert result.problems.empty, result.summary()
    assert np.all(result.log["contact"].notna())


# ---------------------------------------------------------------- values as people write them
def test_xlsx_checkboxes_answers_and_yearless_dates(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "log.xlsx",
        {
            "Log": [
                ["My tracker"],  # a title row: spreadsheet rows below are one further down
                ["Name", "Date Contacted", "Replied?", "Meeting Date", "Thank You Sent", "Status"],
                ["Ana", dt.date(2026, 3, 2), True, dt.date(2026, 3, 10), True, None],
                ["Bo", dt.date(2026, 3, 2), False, None, None, None],
                ["Cy", "Mar 3", "Yes", "Apr 24", False, True],
                ["Di", dt.datetime(2026, 3, 4, 23, 30), "declined, busy", None, None, False],
            ]
        },
    )
    result = read_log(path, as_of=AS_OF, columns={"Replied?": "responded_on"})
    log = result.log
    assert log["responded"].tolist() == [True, False, True, True]
    assert log["thanked"].tolist() == [True, False, False, False]
    assert log["interviewed"].tolist() == [True, False, True, False]
    assert log["requested_on"].tolist() == [
        pd.Timestamp("2026-03-02"),
        pd.Timestamp("2026-03-02"),
        pd.Timestamp("2026-03-03"),
        pd.Timestamp("2026-03-04"),
    ]
    assert log["interview_on"].iloc[2] == pd.Timestamp("2026-04-24")
    # Cy's status cell is a real TRUE checkbox: replied, though the meeting is set.
    assert log["status"].astype(str).tolist() == ["interviewed", "awaiting", "replied", "declined"]
    for col in ("responded_on", "thanked_on"):
        assert log[col].dtype == "datetime64[ns]"
    assert problems_of(result) == [
        (5, "requested_on", "date without a year, read as 2026-03-03"),
        (5, "interview_on", "date without a year, read as 2026-04-24"),
        (6, "responded_on", "free text read as yes, declined"),
    ]


def test_csv_iso_times_with_zones_keep_the_local_day(tmp_path: Path) -> None:
    path = write_text(
        tmp_path / "log.csv",
        "Name,Date Contacted,Response Date\n"
        "Ana,2026-03-17T23:30:00-05:00,2026-03-18T00:15:00+01:00\n"
        "Bo,2026-03-17T23:30:00Z,2026-03-19 08:00:00 UTC\n",
    )
    log = read_log(path, as_of=AS_OF).log
    assert log["requested_on"].tolist() == [pd.Timestamp("2026-03-17")] * 2
    assert log["responded_on"].tolist() == [pd.Timestamp("2026-03-18"), pd.Timestamp("2026-03-19")]


def test_german_dates_decided_per_column(tmp_path: Path) -> None:
    path = write_text(
        tmp_path / "log.csv",
        "Name;Date Contacted;Response Date\nAna;17.03.2026;03.04.2026\nBo;02.03.2026;17.3.26\n",
    )
    log = read_log(path, as_of=AS_OF).log
    assert log["requested_on"].tolist() == [pd.Timestamp("2026-03-17"), pd.Timestamp("2026-03-02")]
    assert log["responded_on"].tolist() == [pd.Timestamp("2026-04-03"), pd.Timestamp("2026-03-17")]


def test_write_log_keeps_an_undated_yes(tmp_path: Path) -> None:
    path = write_text(
        tmp_path / "log.csv",
        "Name,Date Contacted,Thank You Sent\nAna,2026-03-02,Yes\nBo,2026-03-02,2026-03-04\n",
    )
    log = read_log(path, as_of=AS_OF).log
    back = read_log(iv.write_log(log, tmp_path / "copy.xlsx"), as_of=AS_OF)
    assert back.problems.empty
    assert back.log["thanked"].tolist() == [True, True]
    assert back.log["thanked_on"].iloc[1] == pd.Timestamp("2026-03-04")
    assert not set(back.log.columns) - set(log.columns)  # no flag written as a column


def test_absent_columns_are_all_missing_with_their_dtypes_and_independent(
    tmp_path: Path,
) -> None:
    # Absent text columns share one all-missing array; changing one must not reach others.
    path = write_text(tmp_path / "log.csv", "Name,Date contacted\nAna Ruiz,2026-03-02\nBen Ode,\n")
    log = load_log(path, as_of=AS_OF)
    assert log["phone"].isna().all()
    assert log["email"].isna().all()
    assert str(log["phone"].dtype) == str(log["contact"].dtype)  # the str dtype
    assert log["minutes_actual"].dtype == "Int64"
    assert log["minutes_actual"].isna().all()
    assert log["thanked_on"].dtype == "datetime64[ns]"
    assert log["thanked_on"].isna().all()
    assert isinstance(log["format"].dtype, pd.CategoricalDtype)
    assert (log["format"].cat.codes == -1).all()
    assert list(log["format"].cat.categories) == list(schema.CATEGORIES["format"])
    changed = log.copy()
    changed.loc[0, "phone"] = "+1 555 0100"
    assert changed["email"].isna().all()
    assert log["phone"].isna().all()
    assert changed.loc[0, "phone"] == "+1 555 0100"


def test_a_row_with_data_only_in_an_unknown_column_is_kept(tmp_path: Path) -> None:
    text = "Name,Shoe size,Pet\nAna Ruiz,,\n,41,\n,  ,\n, ,cat\n"
    result = read_log(write_text(tmp_path / "log.csv", text), as_of=AS_OF)
    assert result.blank_rows == 1  # only the row of spaces
    assert result.log["source_row"].tolist() == [2, 3, 5]
    assert result.log["Shoe size"].tolist()[1] == "41"  # passed through as written
    assert result.log["Pet"].tolist()[2] == "cat"
