"""`infoview check`: exit statuses, formats, messages (in this process), start-up imports.

A subprocess too where the process is the subject: its exit status and start-up imports.
"""

from __future__ import annotations

import functools
import json
from io import StringIO
from pathlib import Path

import pandas as pd
import pytest
from infoview_process import infoview, infoview_here

AS_OF = "2026-03-20"

_run = functools.partial(infoview_here, "check")
_subprocess = functools.partial(infoview, "check")


@pytest.fixture
def log_xlsx(tmp_path: Path) -> Path:
    """A small log as people keep it: their own headers, written and read back as xlsx."""
    rows = [
        ("Ana Ruiz", "Acme", "Data", "2026-03-02", "Completed", "2026-03-10", "2026-03-10"),
        ("Ben Ode", "Globex", "data", "2026-03-03", "Completed", "2026-03-11", None),
        ("Chloe Park", "Initech", "Design", "2026-03-04", "Completed", "2026-03-12", "2026-03-12"),
        ("Dev Shah", "Umbrella", "Design", "2026-03-02", "Sent", None, None),
    ]
    frame = pd.DataFrame(
        rows,
        columns=[
            "Name",
            "Company",
            "Industry",
            "Date Contacted",
            "Status",
            "Meeting Date",
            "Thank-you Sent",
        ],
    )
    for col in ["Date Contacted", "Meeting Date", "Thank-you Sent"]:
        frame[col] = pd.to_datetime(frame[col])
    path = tmp_path / "log.xlsx"
    frame.to_excel(path, index=False)
    return path


def test_fields_below_minimum_exit_1(log_xlsx, tmp_path):
    res = _subprocess(str(log_xlsx), "--as-of", AS_OF, cwd=tmp_path)
    assert res.returncode == 1, res.stderr
    assert "Coverage per field as of 2026-03-20 (minimum 3, target 5 interviews)" in res.stdout
    assert "2 field(s) below the minimum: Data, Design" in res.stdout
    assert "Only 2 interviews: below the minimum of 3" in res.stdout
    # Ben not thanked, Dev unanswered for 14 business days.
    assert "Follow-ups due: 3 (3 overdue)" in res.stdout
    assert "thank_you" in res.stdout
    assert res.stderr == ""


def test_every_field_at_minimum_exit_0(log_xlsx, tmp_path):
    res = _run(str(log_xlsx), "--as-of", AS_OF, "--minimum", "1", "--target", "2", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert "below the minimum" not in res.stdout


def test_json_format(log_xlsx, tmp_path):
    res = _run(str(log_xlsx), "--as-of", AS_OF, "--format", "json", cwd=tmp_path)
    assert res.returncode == 1
    doc = json.loads(res.stdout)
    assert doc["as_of"] == AS_OF
    assert [row["field"] for row in doc["coverage"]] == ["Data", "Design"]
    assert [row["interviewed"] for row in doc["coverage"]] == [2, 1]
    assert doc["coverage"][0]["top_org_share"] == 0.5
    due = {(row["contact"], row["action"]): row for row in doc["follow_ups"]}
    assert due["Ben Ode", "thank_you"]["due_since"] == "2026-03-11"
    assert due["Ben Ode", "thank_you"]["overdue"] is True
    assert due["Dev Shah", "follow_up"]["business_days_waiting"] == 14


def test_csv_format(log_xlsx, tmp_path):
    res = _run(str(log_xlsx), "--as-of", AS_OF, "--format", "csv", cwd=tmp_path)
    assert res.returncode == 1
    coverage_text, follow_text = res.stdout.split("\n\n")
    cov = pd.read_csv(StringIO(coverage_text))
    assert cov["field"].tolist() == ["Data", "Design"]
    assert cov.columns[-1] == "note"
    todo = pd.read_csv(StringIO(follow_text))
    assert set(todo["action"]) == {"thank_you", "follow_up", "contact_second_person"}
    assert "2026-03-11" in todo["due_since"].tolist()


def test_no_field_column_is_an_incomplete_log(tmp_path):
    # Without fields (and without dates) the coverage and the to-do list cannot be told: exit 3.
    path = tmp_path / "nofield.csv"
    path.write_text("Name,Status\nAna,Completed\nBen,Completed\nCy,Completed\n")
    res = _run(str(path), "--as-of", AS_OF, cwd=tmp_path)
    assert res.returncode == 3
    assert "(no field)" in res.stdout
    assert "No field in the log yet" in res.stdout
    assert "Cannot tell the interviews per field" in res.stdout


def test_problems_are_mentioned_not_fatal(tmp_path):
    path = tmp_path / "messy.csv"
    path.write_text(
        "Name,Industry,Date Contacted,Status,Meeting Date,Thank-you Sent\n"
        "Ana,data,sometime in March,Completed,2026-03-09,2026-03-09\n"
        "Ben,data,2026-03-02,Completed,2026-03-10,2026-03-10\n"
        "Cy,data,2026-03-02,Completed,2026-03-11,2026-03-11\n"
    )
    res = _run(str(path), "--as-of", AS_OF, cwd=tmp_path)
    assert res.returncode == 0
    assert "problem(s) in the log" in res.stderr
    assert "infoview validate" in res.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.xlsx"], "infoview: error:"),
        (["garbage.xlsx"], "infoview: error:"),
        (["log.csv", "--format", "yaml"], "invalid choice"),
        (["log.csv", "--minimum", "0"], "`minimum` must be a whole number >= 1"),
        (["log.csv", "--minimum", "4", "--target", "2"], "`target` must be a whole number >= 4"),
        (["log.csv", "--as-of", "soon"], "`as_of` must be a date"),
    ],
)
def test_errors_exit_2_without_traceback(tmp_path, args, message):
    (tmp_path / "garbage.xlsx").write_bytes(b"\x00not a workbook\xff" * 10)
    (tmp_path / "log.csv").write_text("Name,Industry,Status\nAna,data,Completed\n")
    res = _run(*args, cwd=tmp_path)
    assert res.returncode == 2
    assert message in res.stderr
    assert "Traceback" not in res.stderr
    assert res.stdout == ""


def test_starts_without_heavy_imports(log_xlsx, tmp_path):
    res = _subprocess(str(log_xlsx), cwd=tmp_path, python_flags=("-X", "importtime"))
    assert res.returncode == 1, res.stderr[-2000:]  # it ran: both fields are short of 3
    imported = {line.split("|")[-1].strip() for line in res.stderr.splitlines() if "|" in line}
    for heavy in ("matplotlib", "scipy", "networkx"):
        assert heavy not in imported
    assert "pandas" in imported


def test_a_log_without_request_dates_is_incomplete_never_an_all_clear(tmp_path: Path):
    # The columns the to-do list needs were not read: say so, how to map them, exit 3.
    log = tmp_path / "notion.csv"
    log.write_text(
        "Name,Company,Stage,Field\nAna,Acme,⏳ Waiting,data\nBen,Hooli,⏳ Waiting,data\n",
        encoding="utf-8",
    )
    done = _run(str(log), "--as-of", AS_OF, cwd=tmp_path)
    assert done.returncode == 3, done.stderr
    assert "Nothing due" not in done.stdout
    assert "Cannot tell which follow-ups are due" in done.stdout
    assert f"infoview validate {log}" in done.stdout
    as_json = json.loads(_run(str(log), "--as-of", AS_OF, "--format", "json", cwd=tmp_path).stdout)
    assert as_json["follow_ups"] == []
    assert any("request dates" in gap for gap in as_json["gaps"])


def test_a_complete_log_has_no_gaps(log_xlsx: Path, tmp_path: Path):
    done = _run(str(log_xlsx), "--as-of", AS_OF, "--format", "json", cwd=tmp_path)
    assert json.loads(done.stdout)["gaps"] == []
    assert done.returncode in (0, 1)
