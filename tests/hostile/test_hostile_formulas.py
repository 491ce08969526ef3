"""Class "formulas+terminal": nothing becomes a formula, nothing reaches the terminal raw
(issue 13, section 4)."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from hostile_files import check, digest, run
from linkedin_export import write_export

from infoview_analytics.io.export import write_tables_csv, write_tables_xlsx

AS_OF = ("--as-of", "2026-04-17")
RISKY = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)"]


def _log(path: Path, rows: list[list[str]], header=("Name", "Field", "Seniority", "Org type")):
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


def _no_formula_cells(path: Path) -> int:
    wb = openpyxl.load_workbook(path)
    seen = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                seen += 1
                assert c.data_type != "f", (ws.title, c.coordinate, c.value)
                if isinstance(c.value, str):
                    assert not c.value.startswith(("=", "+", "-", "@")), (ws.title, c.value)
    return seen


def test_category_values_that_became_column_labels_are_neutralised(tmp_path, capsys):
    log = _log(tmp_path / "log.csv", [[f"P{i}", r, r, r] for i, r in enumerate(RISKY)])
    before = digest([log])
    done = run(capsys, "report", log, "--out", tmp_path / "rep", "--format", "csv", "xlsx",
               *AS_OF)  # fmt: skip
    check(done, status=0, inputs=before)
    assert _no_formula_cells(tmp_path / "rep" / "tables.xlsx") > 0
    labels = []
    for table in (tmp_path / "rep" / "tables").glob("*.csv"):
        rows = list(csv.reader(io.StringIO(table.read_text(encoding="utf-8"))))
        for row in rows:
            labels += row
            assert not [c for c in row if c.startswith(("=", "+", "-", "@"))], (table.name, row)
    assert '\'=HYPERLINK("http://x")' in labels  # the field, a value of every table


@pytest.mark.parametrize("label", RISKY)
def test_column_labels_are_neutralised_by_the_writers(tmp_path, label):
    # A crosstab's labels are category values: text of the user's.
    table = pd.DataFrame({label: [1], "field": [label]})
    write_tables_xlsx({"t": table}, tmp_path / "t.xlsx")
    [written] = write_tables_csv({"t": table}, tmp_path)
    _no_formula_cells(tmp_path / "t.xlsx")
    rows = list(csv.reader(io.StringIO(written.read_text(encoding="utf-8"))))
    assert rows == [[f"'{label}", "field"], ["1", f"'{label}"]]


def test_check_csv_output_is_neutralised(tmp_path, capsys):
    log = _log(
        tmp_path / "log.csv", [["=cmd|' /C calc'!A0", "=1+1", "", ""], ["Bo", "@x", "", ""]]
    )
    done = run(capsys, "check", log, "--format", "csv", *AS_OF)
    check(done, status=done.status, inputs=digest([log]))
    cells = [c for row in csv.reader(io.StringIO(done.stdout)) for c in row]
    assert "'=1+1" in cells
    assert "'@x" in cells
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@"))]


def test_import_linkedin_merge_neutralises_the_logs_own_headers(tmp_path, capsys):
    log = _log(tmp_path / "log.csv", [["Ana Ruiz", "x"]], header=("Name", '=HYPERLINK("h")'))
    export = write_export(tmp_path / "li", kind="zip")
    before = digest([log, export])
    done = run(capsys, "import-linkedin", export, "--out", tmp_path / "m.xlsx", "--merge", log,
               *AS_OF)  # fmt: skip
    check(done, status=0, inputs=before)
    headers = [c.value for c in openpyxl.load_workbook(tmp_path / "m.xlsx")["Log"][1]]
    assert '\'=HYPERLINK("h")' in headers
    _no_formula_cells(tmp_path / "m.xlsx")


ESCAPES = ["\x1b[31mred\x1b[0m", "\x1b]0;owned title\x07", "\x1b]8;;http://x\x1b\\link", "\x9b2J"]


@pytest.mark.parametrize("command", [["validate"], ["check", *AS_OF], ["map"]])
def test_escape_sequences_never_reach_the_terminal(tmp_path, capsys, command):
    rows = [[f"Ana{e}", "-", "", ""] for e in ESCAPES] + [["Bo\x07\x08", "x", "", ""]]
    log = _log(tmp_path / "log.csv", rows, header=("Name", "Field\x1b[2J", "Seniority", "Email"))
    done = run(capsys, command[0], log, *command[1:])
    check(done, status=done.status, inputs=digest([log]))
    printed = done.stdout + done.stderr
    assert "\x1b" not in printed
    assert "\x9b" not in printed
    assert "\x07" not in printed
    assert "\x08" not in printed


def test_escape_sequences_in_an_error_message_are_stripped(tmp_path, capsys):
    log = tmp_path / "log\x1b[31m.csv"
    log.write_text("Nothing useful\n")
    done = run(capsys, "validate", log)
    check(done, status=2, inputs=digest([log]), names="log.csv")
    assert "\x1b" not in done.stderr
