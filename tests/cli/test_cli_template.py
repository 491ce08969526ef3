"""`infoview template`: where the file goes, and a folder that is not there (in this process;
the first test as a subprocess).

Writing, refusing to overwrite and --force are tested with the template
(tests/test_template.py, ``test_cli_template``, ``test_cli_template_bad_name``).
"""

from __future__ import annotations

import functools

import openpyxl
import pytest
from infoview_process import infoview, infoview_here

run = functools.partial(infoview_here, "template")


def test_writes_where_asked_and_says_so(tmp_path):
    (tmp_path / "logs").mkdir()
    done = infoview("template", "logs/spring.xlsx", cwd=tmp_path)  # as users run it
    assert done.returncode == 0, done.stderr
    assert done.stdout == "Wrote a blank interview log to logs/spring.xlsx\n"
    assert done.stderr == ""
    assert openpyxl.load_workbook(tmp_path / "logs" / "spring.xlsx").sheetnames == ["Log", "About"]


@pytest.mark.parametrize(
    ("out", "reason"),
    [("missing/log.xlsx", "No such file or directory"), ("file.txt/log.xlsx", "Not a directory")],
)
def test_folder_that_cannot_hold_the_file_is_one_line(tmp_path, out, reason):
    (tmp_path / "file.txt").write_text("not a folder")
    done = run(out, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1, done.stderr
    assert done.stderr.startswith("infoview: error: cannot access ")
    assert done.stderr.endswith(f": {reason}. Check the path and your permissions.\n")
    assert not (tmp_path / "missing").exists()
