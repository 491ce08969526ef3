"""`infoview validate` (in this process; one test as a subprocess): --dayfirst, --sheet by name.

The exit statuses and the unreadable-file messages are tested with the loader
(tests/test_loader.py, ``test_cli_validate_exit_codes``, ``test_cli_sheet_by_index``).
"""

from __future__ import annotations

import functools

import openpyxl
import pytest
from infoview_process import infoview, infoview_here

AS_OF = "2026-06-01"


run = functools.partial(infoview_here, "validate")


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


# ---------------------------------------------------------------- headers and --map
LOG = (
    "Name,Orgnaization,Emailed,Thanks?,Who sent me,Salary,Connected On\n"
    "Ana Ruiz,Acme,2026-03-02,Yes,,1,2026-01-02\n"
    "Ben Ode,Globex,2026-03-03,No,Ana Ruiz,2,2026-01-03\n"
    "Cy Park,Hooli,2026-03-04,Yes,Ana Ruiz,3,2026-01-04\n"
)


def test_every_header_with_its_column_and_why(tmp_path):
    (tmp_path / "log.csv").write_text(LOG, encoding="utf-8")
    done = infoview("validate", "log.csv", "--as-of", AS_OF, cwd=tmp_path)  # as users run it
    assert done.returncode in (0, 1), done.stderr
    out = done.stdout
    assert "Columns (header -> column, and why):" in out
    assert "  Orgnaization -> organization  fuzzy: close to 'organization' (92)" in out
    assert "  Emailed      -> requested_on  alias" in out
    assert "-> thanked_on    content: 100% of 3 values are yes/no answers" in out
    assert "-> referred_by   content: 100% of 2 values are names of people in the contact" in out
    assert (
        "  Salary       -> Salary        kept (unknown): 100% of 3 values are numbers; closest:"
        in out
    )
    assert "Connected On  kept (unknown): LinkedIn's date you connected" in out
    assert 'map it once with --map "Salary=COLUMN"' in out
    assert 'infoview map log.csv "Salary=COLUMN"' in out


def test_map_option_fixes_a_reading(tmp_path):
    (tmp_path / "log.csv").write_text(LOG, encoding="utf-8")
    done = run(
        "log.csv", "--as-of", AS_OF, "--map", "Salary=-", "--map", "connected on=requested_on",
        "--map", "Emailed=followed_up_on", cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode in (0, 1), done.stderr
    assert "  Connected On -> requested_on    override" in done.stdout
    assert "  Emailed      -> followed_up_on  override" in done.stdout
    assert "  Salary       -> Salary          kept (override)" in done.stdout
    assert not (tmp_path / "log.csv.infoview.toml").exists()


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ("Salary=pay", "but 'Salary' is mapped to 'pay'"),
        ("Salery=notes", "log.csv has no header 'Salery' to map (did you mean 'Salary'?)"),
        ("Salary", 'argument --map: expected "Their header=column"'),
        ("=notes", 'argument --map: expected "Their header=column"'),
    ],
)
def test_bad_map_is_one_line_exit_2(tmp_path, mapping, message):
    (tmp_path / "log.csv").write_text(LOG, encoding="utf-8")
    done = run("log.csv", "--map", mapping, cwd=tmp_path)
    assert done.returncode == 2
    assert message in done.stderr
    assert done.stderr.count("\n") == 1, done.stderr
    assert "Traceback" not in done.stderr
