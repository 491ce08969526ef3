"""Class "rows": no row lost, no value silently changed (issue 13, section 2).

Every input row is in the log or in the problems with its spreadsheet row; a
value that cannot be read faithfully is a problem, never a different value.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from hostile_files import cell, check, digest, rows_accounted, run, write_xlsx

from infoview_analytics.io.loader import read_log

AS_OF = "2026-04-17"


def _read(path: Path, **kwargs):
    before = digest([path])
    result = read_log(path, as_of=AS_OF, **kwargs)
    assert digest([path]) == before
    return result


@pytest.mark.parametrize("sep", ["\f", "\u2028", "\u2029", "\x85", "\x1c", "\x1d", "\x1e", "\v"])
def test_title_row_with_a_line_separator_keeps_the_first_row(tmp_path, sep):
    path = tmp_path / "log.csv"
    path.write_text(f"My log{sep}spring\nName,Date Contacted\nAna,2026-03-01\nBo,2026-03-02\n")
    result = _read(path)
    assert result.header_row == 2
    assert result.log["contact"].tolist() == ["Ana", "Bo"]
    assert result.log["source_row"].tolist() == [3, 4]


def test_unterminated_quote_mid_file_is_reported_with_the_rows_it_joined(tmp_path):
    path = tmp_path / "log.csv"
    path.write_text('Name,Notes\nAna,"oops\nBo,hi\nCy,ok\nDi,"fine"\nEd,x\n')
    result = _read(path)
    row = result.problems[result.problems["problem"].str.contains("look like rows")]
    assert row["source_row"].tolist() == [2]
    assert "'Bo,hi'" in row["problem"].iloc[0]
    assert "3 line(s)" in row["problem"].iloc[0]
    assert result.log["contact"].tolist() == ["Ana", "Ed"]


def test_quote_never_closed_is_one_line_naming_the_row(tmp_path, capsys):
    path = tmp_path / "log.csv"
    path.write_text('Name,Notes\nAna,ok\nBo,"never closed\nCy,x\n')
    done = run(capsys, "validate", path)
    check(done, status=2, inputs=digest([path]), names="log.csv", says="row 3 opens a quote")


@pytest.mark.parametrize("text", ["9999-12-31", "1600-01-01", "2263-01-01", "1677-01-01"])
def test_a_date_out_of_range_in_text_is_a_problem_never_wrapped(tmp_path, text):
    path = tmp_path / "log.csv"
    path.write_text(f"Name,Date Contacted\nAna,{text}\nBo,2026-03-01\n")
    result = _read(path)
    assert pd.isna(result.log.loc[0, "requested_on"])
    assert result.log.loc[1, "requested_on"] == pd.Timestamp("2026-03-01")
    assert 2 in result.problems["source_row"].tolist()


@pytest.mark.parametrize("when", [dt.datetime(9999, 12, 31), dt.datetime(1600, 1, 1)])
def test_a_date_cell_out_of_range_is_a_problem_never_wrapped(tmp_path, when):
    path = tmp_path / "log.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Name", "Date Contacted"])
    ws.append(["Ana", when])
    ws.append(["Bo", dt.datetime(2026, 3, 1)])
    wb.save(path)
    result = _read(path)
    assert pd.isna(result.log.loc[0, "requested_on"])
    assert result.problems.loc[result.problems["source_row"] == 2, "column"].tolist() == [
        "requested_on"
    ]


def test_a_stray_cp1252_byte_after_64_kb_is_reported_never_mojibake(tmp_path):
    path = tmp_path / "log.csv"
    body = "Name,Notes\n" + "".join(f"Zoë {i},café\n" for i in range(8000))
    path.write_bytes(body.encode() + b"Ren\xe9,x\n" + "Åsa,ok\n".encode())
    assert path.stat().st_size > 65536
    result = _read(path)
    assert result.log["contact"].iloc[0] == "Zoë 0"
    assert result.log["contact"].iloc[-1] == "Åsa"
    bad = result.problems[result.problems["problem"].str.contains("not UTF-8")]
    assert bad["source_row"].tolist() == [8002]
    rows_accounted(result.log, result.problems, range(2, 8004))


def test_an_old_windows_file_is_read_as_windows_1252(tmp_path):
    path = tmp_path / "log.csv"
    path.write_bytes("Name,Notes\nRené,café\n".encode("cp1252"))
    assert _read(path).log["contact"].tolist() == ["René"]


def test_a_byte_no_codec_decodes_is_one_line_exit_2(tmp_path, capsys):
    path = tmp_path / "log.csv"
    path.write_bytes(b"Name\nAna\nB\x81o\n")
    done = run(capsys, "validate", path)
    check(done, status=2, inputs=digest([path]), names="log.csv", says="line 3")


def test_formula_without_a_cached_value_is_reported(tmp_path):
    path = write_xlsx(
        tmp_path / "log.xlsx",
        '<row r="1">' + cell("A1", "Name") + cell("B1", "Interviews") + "</row>"
        '<row r="2">' + cell("A2", "Ana") + cell("B2", formula="1+1") + "</row>"
        '<row r="3">' + cell("A3", "Bo") + cell("B3", 2, formula="1+1") + "</row>",
    )
    result = _read(path)
    found = result.problems[result.problems["problem"].str.contains("formula not calculated")]
    assert found["source_row"].tolist() == [2]
    assert "Excel or LibreOffice" in found["hint"].iloc[0]


def test_a_1904_workbook_reads_plain_number_dates_with_1904_rules(tmp_path):
    rows = '<row r="1">' + cell("A1", "Name") + cell("B1", "Date Contacted") + "</row>"
    rows += '<row r="2">' + cell("A2", "Ana") + cell("B2", 44000) + "</row>"
    plain = _read(write_xlsx(tmp_path / "a.xlsx", rows)).log["requested_on"].iloc[0]
    mac = _read(write_xlsx(tmp_path / "b.xlsx", rows, date1904=True)).log["requested_on"].iloc[0]
    assert plain == pd.Timestamp("2020-06-18")
    assert mac == pd.Timestamp("2024-06-19")  # 1462 days later, as Excel shows it


def test_a_row_with_more_cells_than_the_header_keeps_them_and_is_reported(tmp_path, capsys):
    path = tmp_path / "log.csv"
    path.write_text(
        "Name,Channel\n" + "".join(f"P{i},email\n" for i in range(100)) + "Zed,email,x,y\n"
    )
    result = _read(path)
    assert len(result.log) == 101
    assert result.log.iloc[-1][["Unnamed 3", "Unnamed 4"]].tolist() == ["x", "y"]
    assert result.problems["source_row"].tolist() == [102]
    done = run(capsys, "validate", path)
    check(done, status=1, inputs=digest([path]), says="right of the last header")


_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=12,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    memos=st.lists(_TEXT, min_size=1, max_size=8),
    title=st.one_of(st.none(), _TEXT),
    delim=st.sampled_from([",", ";", "\t"]),
)
# A title "0<TAB>" splits the head as evenly by tabs as by commas: the comma wins, as
# only it finds the header naming the person.
@example(memos=["\t"], title="0\t", delim=",")
def test_property_csv_every_row_kept_and_every_memo_read_as_written(tmp_path, memos, title, delim):
    buf = io.StringIO(newline="")
    # \r\n as Excel writes: the writer then quotes a cell holding a lone \r too.
    writer = csv.writer(buf, delimiter=delim, lineterminator="\r\n")
    top = 1
    if title is not None and title.strip() and "\n" not in title and "\r" not in title:
        writer.writerow([title])
        top = 2
    writer.writerow(["Name", "Memo"])
    for i, memo in enumerate(memos):
        writer.writerow([f"P{i}", memo])
    path = tmp_path / "log.csv"
    path.write_text(buf.getvalue(), encoding="utf-8", newline="")
    result = read_log(path, as_of=AS_OF, columns={"Memo": "-"})
    assert result.header_row == top
    assert result.log["contact"].tolist() == [f"P{i}" for i in range(len(memos))]
    assert result.log["source_row"].tolist() == [top + 1 + i for i in range(len(memos))]
    read = [None if pd.isna(v) else v for v in result.log["Memo"]]
    assert read == [m if m != "" else None for m in memos]


_CELL = st.one_of(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00"),
        min_size=1,
        max_size=12,
    ).filter(lambda s: not s.startswith("=") and s.strip() == s and s.strip()),
    st.integers(min_value=-(10**9), max_value=10**9),
)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(values=st.lists(_CELL, min_size=1, max_size=6))
def test_property_xlsx_every_cell_value_read_as_written(tmp_path, values):
    path = tmp_path / "log.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Name", "Memo"])
    for i, v in enumerate(values):
        ws.append([f"P{i}", v])
    wb.save(path)
    result = read_log(path, as_of=AS_OF, columns={"Memo": "-"})
    assert result.log["source_row"].tolist() == list(range(2, 2 + len(values)))
    read = result.log["Memo"].tolist()
    assert [str(v) if isinstance(v, str) else int(v) for v in read] == values
