"""`infoview import-linkedin` on exports written in tmp_path.

One test runs it as a subprocess (as users do), the others in this process.
"""

from __future__ import annotations

import functools
from pathlib import Path

import openpyxl
import pandas as pd
from infoview_process import infoview, infoview_here
from linkedin_export import AS_OF, CONNECTIONS, write_export

from infoview_analytics.io.loader import read_log
from infoview_analytics.io.template import write_log

run = functools.partial(infoview_here, "import-linkedin")


def test_writes_a_log_with_drop_downs(tmp_path: Path) -> None:
    export = write_export(tmp_path, kind="zip")
    done = infoview(  # as users run it
        "import-linkedin", str(export), "--out", "log.xlsx", "--as-of", AS_OF, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert "6 people: 5 asked on LinkedIn, 4 answered, 1 prospects" in done.stdout
    assert "2 conversations with LinkedIn Member or sponsored" in done.stdout
    assert "Connections.csv row 6: holds only a date" in done.stdout
    assert "Wrote 6 people to log.xlsx" in done.stdout
    sheet = openpyxl.load_workbook(tmp_path / "log.xlsx")["Log"]
    assert sheet.data_validations.dataValidation  # the template's drop-downs
    back = read_log(tmp_path / "log.xlsx", as_of=AS_OF).log.set_index("contact")
    assert back.loc["Ana Ruiz", "requested_on"] == pd.Timestamp("2026-04-01")
    assert back.loc["Ana Ruiz", "status"] == "replied"
    assert back.loc["Eve Stone", "status"] == "prospect"


def test_asked_only_since_and_partial_export(tmp_path: Path) -> None:
    export = write_export(tmp_path, files={"Connections.csv": CONNECTIONS})
    done = run(
        str(export),
        "--out",
        "a.xlsx",
        "--as-of",
        AS_OF,
        "--asked-only",
        "--since",
        "2026-01-01",
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert "0 people" in done.stdout
    assert "Missing from the export: Invitations.csv, messages.csv" in done.stdout


def test_merge_never_touches_the_existing_log(tmp_path: Path) -> None:
    mine = tmp_path / "mine.xlsx"
    write_log(
        pd.DataFrame(
            {
                "contact": ["Ana Ruiz", "Zoe Kim"],
                "organization": ["Acme, Inc.", "Hooli"],
                "notes": ["met at the fair", None],
            }
        ),
        mine,
    )
    before = (mine.read_bytes(), mine.stat().st_mtime_ns)
    export = write_export(tmp_path)
    done = run(
        str(export), "--out", "merged.xlsx", "--merge", str(mine), "--as-of", AS_OF, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert (mine.read_bytes(), mine.stat().st_mtime_ns) == before
    assert "5 people added" in done.stdout
    merged = read_log(tmp_path / "merged.xlsx", as_of=AS_OF).log
    assert list(merged["contact"][:2]) == ["Ana Ruiz", "Zoe Kim"]
    assert len(merged) == 7
    ana = merged.set_index("contact").loc["Ana Ruiz"]
    assert ana["notes"] == "met at the fair"  # kept over the invitation message
    assert ana["requested_on"] == pd.Timestamp("2026-04-01")  # filled


def test_refuses_to_overwrite_and_same_file(tmp_path: Path) -> None:
    export = write_export(tmp_path)
    (tmp_path / "log.xlsx").write_bytes(b"mine")
    done = run(str(export), "--out", "log.xlsx", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "infoview: error: log.xlsx exists already. Choose another --out, or pass --force "
        "to replace it."
    ]
    assert (tmp_path / "log.xlsx").read_bytes() == b"mine"
    done = run(str(export), "--out", "log.xlsx", "--merge", "log.xlsx", "--force", cwd=tmp_path)
    assert done.returncode == 2
    assert "--out must name a new file" in done.stderr
    assert (tmp_path / "log.xlsx").read_bytes() == b"mine"
    done = run(str(export), "--out", "log.xlsx", "--force", "--as-of", AS_OF, cwd=tmp_path)
    assert done.returncode == 0, done.stderr


def test_bad_input_is_one_line_exit_2(tmp_path: Path) -> None:
    export = write_export(tmp_path, kind="zip", files={"Profile.csv": "x\n"})
    done = run(str(export), "--out", "log.xlsx", cwd=tmp_path)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "holds none of Connections.csv" in lines[0]
    done = run(str(export), "--out", "log.xlsx", "--since", "soon", cwd=tmp_path)
    assert done.returncode == 2
    assert "The value for `since` must be a date" in done.stderr
    assert not (tmp_path / "log.xlsx").exists()
