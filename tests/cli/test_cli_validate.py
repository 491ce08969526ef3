"""`infoview validate` as a subprocess: --dayfirst, --sheet by name.

The exit statuses and the unreadable-file messages are tested with the loader
(tests/test_loader.py, ``test_cli_validate_exit_codes``, ``test_cli_sheet_by_index``).
"""

from __future__ import annotations

import functools

import openpyxl
import pytest
from infoview_process import infoview

AS_OF = "2026-06-01"


run = functools.partial(infoview, "validate")


@pytest.mark.parametrize(
    ("flag", "status", "expected"),
    [
        # 13/03 can only be day first, so by default the whole column is read day first.
        ([], 0, "No problems found."),
        (["--dayfirst"], 0, "No problems found."),
        (["--no-dayfirst"], 1, "'13/03/2026': day and month in the other order"),
    ],
)
def test_dayfirst_decides_ambiguous_dates(tmp_path, flag, status, expected):
    (tmp_path / "log.csv").write_text("Name,Date Contacted\nAna,13/03/2026\nBen,04/05/2026\n")
    done = run("log.csv", "--as-of", AS_OF, *flag, cwd=tmp_path)
    assert done.returncode == status, done.stderr
    assert expected in done.stdout
    assert done.stderr == ""


def test_sheet_by_name(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Autumn"
    book.active.append(["Name"])
    book.active.append(["Ana"])
    spring = book.create_sheet("Spring")
    for row in (["Name"], ["Bo"], ["Cy"]):
        spring.append(row)
    book.save(tmp_path / "log.xlsx")

    done = run("log.xlsx", "--sheet", "Spring", "--as-of", AS_OF, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Sheet:       Spring" in done.stdout
    assert "Rows loaded: 2" in done.stdout
