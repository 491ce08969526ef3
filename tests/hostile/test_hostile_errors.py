"""Class "errors": every failure is one line naming the file, exit 2 (issue 13, section 6)."""

from __future__ import annotations

import resource
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from cli.infoview_process import REPO
from hostile_files import cell, check, digest, rows_accounted, run, write_xlsx
from linkedin_export import MESSAGES_HEADER, write_export

from infoview_analytics.io.loader import read_log

AS_OF = ("--as-of", "2026-04-17")
HEAD = '<row r="1">' + cell("A1", "Name") + cell("B1", "Notes") + "</row>"
HEAD += '<row r="2">' + cell("A2", "Ana") + cell("B2", "x") + "</row>"


@pytest.mark.parametrize(
    ("row", "says"),
    [
        ('<row r="3"><c r="A3" t="inlineStr"><is><t>open</is></c></row>', "not valid XML"),
        ('<row r="3"><c r="A3" t="b"><v>maybe</v></c></row>', "boolean"),
        ('<row r="3"><c r="A3" t="s"><v>99</v></c></row>', "shared strings"),
        ('<row r="3"><c r="A3" t="s"><v>-1</v></c></row>', "shared strings"),
    ],
)
def test_damaged_workbook_xml_is_one_line(tmp_path, capsys, row, says):
    path = write_xlsx(tmp_path / "log.xlsx", HEAD + row)
    check(run(capsys, "validate", path), status=2, inputs=digest([path]), names="log.xlsx",
          says=says)  # fmt: skip


def test_a_deflate_error_is_one_line(tmp_path, capsys):
    path = write_xlsx(tmp_path / "log.xlsx", HEAD * 20)
    data = bytearray(path.read_bytes())
    at = data.find(b"xl/worksheets/sheet1.xml") + 60
    data[at : at + 30] = bytes(b ^ 0x55 for b in data[at : at + 30])
    path.write_bytes(bytes(data))
    check(run(capsys, "validate", path), status=2, inputs=digest([path]), names="log.xlsx")


def test_a_doctype_in_a_sheet_is_refused(tmp_path, capsys):
    sheet = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaa">]><worksheet xmlns='
        '"http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>'
    )
    path = write_xlsx(tmp_path / "log.xlsx", "", sheet_xml=sheet)
    check(run(capsys, "validate", path), status=2, inputs=digest([path]), names="log.xlsx",
          says="DOCTYPE")  # fmt: skip


def test_a_truncated_workbook_is_one_line(tmp_path, capsys):
    path = write_xlsx(tmp_path / "log.xlsx", HEAD)
    path.write_bytes(path.read_bytes()[:300])
    check(run(capsys, "validate", path), status=2, inputs=digest([path]), names="log.xlsx")


def test_a_200_kb_field_in_a_csv_log_is_read(tmp_path):
    path = tmp_path / "log.csv"
    path.write_text('"' + "t" * 200_000 + '"\nName,Notes\nAna,"' + "n" * 200_000 + '"\n')
    result = read_log(path, as_of="2026-04-17")
    assert result.log["notes"].str.len().tolist() == [200_000]


def test_a_linkedin_preamble_with_a_200_kb_field_is_read(tmp_path, capsys):
    connections = (
        'Notes:\n"' + "p" * 200_000 + '"\n\nFirst Name,Last Name,URL,Email Address,Company,'
        "Position,Connected On\nAna,Ruiz,,,Acme,Analyst,30 May 2024\n"
    )
    export = write_export(tmp_path, kind="zip", files={"Connections.csv": connections})
    done = run(capsys, "import-linkedin", export, "--out", tmp_path / "o.xlsx", *AS_OF)
    check(done, status=0, inputs=digest([export]), says="Wrote 1 people")


def test_a_nul_and_an_escape_in_names_do_not_crash_the_report(tmp_path, capsys):
    rows = '<row r="1">' + cell("A1", "Name") + cell("B1", "Field") + cell("C1", "Organization")
    rows += cell("D1", "Status") + "</row>"
    rows += '<row r="2">' + cell("A2", "Ana_x0000_Ruiz") + cell("B2", "Data_x0001_")
    rows += cell("C2", "Ac_x001B_me") + cell("D2", "Completed") + "</row>"
    rows += '<row r="3">' + cell("A3", "Bo") + cell("B3", "Data") + "</row>"
    path = write_xlsx(tmp_path / "log.xlsx", rows)
    result = read_log(path, as_of="2026-04-17")
    assert result.log["contact"].tolist() == ["Ana\x00Ruiz", "Bo"]  # read as written
    done = run(capsys, "report", path, "--out", tmp_path / "rep", "--format", "xlsx", "csv",
               *AS_OF)  # fmt: skip
    check(done, status=0, inputs=digest([path]))
    import openpyxl

    cells = [
        c.value
        for ws in openpyxl.load_workbook(tmp_path / "rep" / "tables.xlsx").worksheets
        for row in ws.iter_rows()
        for c in row
    ]
    assert "Ana\ufffdRuiz" in cells


@pytest.mark.parametrize("command", [["validate"], ["check"], ["report", "--out", "rep"]])
@pytest.mark.parametrize("day", ["3000-01-01", "1000-01-01", "9999-12-31"])
def test_as_of_out_of_range_is_one_line(tmp_path, capsys, command, day):
    path = tmp_path / "log.csv"
    path.write_text("Name,Date Contacted\nAna,2026-03-01\n")
    done = run(capsys, command[0], path, *command[1:], "--as-of", day)
    check(done, status=2, inputs=digest([path]), says="between 1678 and 2261")


def test_a_nested_export_zip_says_to_unzip_the_outer_one(tmp_path, capsys):
    inner = write_export(tmp_path / "in", kind="zip")
    outer = tmp_path / "download.zip"
    with zipfile.ZipFile(outer, "w") as zf:
        zf.write(inner, "Basic_LinkedInDataExport.zip")
    done = run(capsys, "import-linkedin", outer, "--out", tmp_path / "o.xlsx")
    check(done, status=2, inputs=digest([outer]), names="download.zip", says="Unzip download.zip")


def test_a_messages_only_export_says_who_could_not_be_told(tmp_path, capsys):
    messages = MESSAGES_HEADER + "".join(
        f"c1,,{a},https://www.linkedin.com/in/{a.lower()},{b},https://www.linkedin.com/in/"
        f"{b.lower()},2026-04-0{d} 10:00:00 UTC,,hi,INBOX,,No\n"
        for a, b, d in (("Ann", "Bob", 3), ("Bob", "Ann", 4))
    )
    export = write_export(tmp_path, kind="zip", files={"messages.csv": messages})
    done = run(capsys, "import-linkedin", export, "--out", tmp_path / "o.xlsx", *AS_OF)
    check(done, status=0, inputs=digest([export]), says="cannot tell which participant is you")


def test_a_row_with_more_cells_than_the_header_in_a_workbook_is_kept(tmp_path):
    rows = HEAD + '<row r="3">' + cell("A3", "Bo") + cell("B3", "y") + cell("C3", "extra")
    path = write_xlsx(tmp_path / "log.xlsx", rows + "</row>")
    result = read_log(path, as_of="2026-04-17")
    assert result.log["contact"].tolist() == ["Ana", "Bo"]
    assert result.problems["source_row"].tolist() == [3]
    rows_accounted(result.log, result.problems, [2, 3])


def _limited(size: int) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "names", "size"),
    [
        (
            ["report", "{log}", "--out", "rep", "--format", "xlsx", *AS_OF],
            "rep/tables.xlsx",
            20000,
        ),
        (["report", "{log}", "--out", "rep", "--format", "pdf", *AS_OF], "rep", 20000),
        (["template", "t.xlsx"], "t.xlsx", 5000),
    ],
)
def test_a_full_disk_is_one_line_naming_the_file(tmp_path, args, names, size):
    log = REPO / "data" / "sample_log.xlsx"
    before = digest([log])
    done = subprocess.run(
        [sys.executable, "-m", "infoview_analytics", *(a.format(log=log) for a in args)],
        capture_output=True, text=True, cwd=tmp_path, preexec_fn=lambda: _limited(size),
        env={"PYTHONPATH": str(REPO), "MPLBACKEND": "Agg", "PATH": "/usr/bin:/bin",
             "PYTHONDONTWRITEBYTECODE": "1"},  # no .pyc cut short by the limit
        timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1, done.stderr  # no "Exception ignored" noise
    assert names in done.stderr
    assert "Free some disk space" in done.stderr
    assert digest([log]) == before
    assert [p.name for p in tmp_path.iterdir()] == []  # nothing half-written left


def test_stdout_on_a_full_disk_is_one_line():
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "infoview_analytics", "validate",
             str(REPO / "data" / "sample_log.xlsx")],
            stdout=full, stderr=subprocess.PIPE, text=True, timeout=300, check=False,
            env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
        )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.splitlines() == [done.stderr.strip()]
    assert "standard output" in done.stderr
