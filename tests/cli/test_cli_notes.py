"""``infoview notes LOG QUERY``: as users run it (a subprocess), then in this process."""

from __future__ import annotations

import json

import pandas as pd
from infoview_process import infoview, infoview_here

import infoview_analytics as iv


def _log(tmp_path):
    path = tmp_path / "log.csv"
    pd.DataFrame(
        {
            "Name": ["Ana Ruiz", "Ben Ode", "Chloe Park"],
            "Company": ["Acme", "Hooli", "Initech"],
            "Field": ["dentistry", "dentistry", "law"],
            "Notes": ["Dental school debt is huge", "Orthodontics; dental school debt", "Law"],
        }
    ).to_csv(path, index=False)
    return path


def test_table_output_and_exit_codes(tmp_path) -> None:
    path = _log(tmp_path)
    before = path.read_bytes()
    done = infoview("notes", "log.csv", "dental debt", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "2 row(s) of log.csv match 'dental debt'" in done.stdout
    assert "Ana Ruiz" in done.stdout
    assert "Orthodontics; dental school debt" in done.stdout
    assert "Chloe" not in done.stdout
    none = infoview_here("notes", "log.csv", "zebra", cwd=tmp_path)
    assert none.returncode == 1
    assert "No row of log.csv matches 'zebra'." in none.stdout
    assert path.read_bytes() == before


def test_json_and_csv(tmp_path) -> None:
    _log(tmp_path)
    done = infoview_here("notes", "log.csv", '"school debt"', "--format", "json", cwd=tmp_path)
    doc = json.loads(done.stdout)
    # Ben's note is the shorter: BM25 ranks it first.
    rows = {m["contact"]: m["source_row"] for m in doc["matches"]}
    assert list(rows) == ["Ben Ode", "Ana Ruiz"]
    assert rows == {"Ben Ode": 3, "Ana Ruiz": 2}
    assert doc["gaps"] == []
    csv = infoview_here("notes", "log.csv", "orthodontics", "--format", "csv", cwd=tmp_path)
    assert csv.stdout.splitlines()[0].split(",")[:3] == ["score", "contact", "organization"]


def test_bad_query_and_no_notes(tmp_path) -> None:
    _log(tmp_path)
    bad = infoview_here("notes", "log.csv", "!", cwd=tmp_path)
    assert bad.returncode == 2
    assert bad.stderr.count("\n") == 1
    assert "Traceback" not in bad.stderr
    pd.DataFrame({"Name": ["Ana"]}).to_csv(tmp_path / "bare.csv", index=False)
    bare = infoview_here("notes", "bare.csv", "debt", cwd=tmp_path)
    assert bare.returncode == 3
    assert "has no notes" in bare.stdout


def test_sample(tmp_path) -> None:
    sample = str(iv.example_log_path())
    done = infoview_here("notes", sample, "storyline", "--limit", "2", cwd=tmp_path)
    assert done.returncode == 0
    assert "2 row(s)" in done.stdout
