"""`infoview plan` and `infoview calendar`: formats, exit statuses, files.

Each command once as a subprocess (as users run it), the other runs in this process.
"""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pandas as pd
import pytest
from icalendar import Calendar
from infoview_process import REPO, infoview, infoview_here

import infoview_analytics as iv

SAMPLE = str(REPO / "data" / "sample_log.xlsx")
AS_OF = "2026-04-17"


def test_plan_table(tmp_path):
    res = infoview("plan", SAMPLE, "--as-of", AS_OF, cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    out = res.stdout
    assert "Plan per field as of 2026-04-17: asks to reach 3 and 5 interviews" in out
    assert "- Customer success: Ask " in out
    assert "prior strength 3 pseudo-requests" in out
    assert "Whom to contact next (10)" in out
    assert res.stderr == ""


def test_plan_json_matches_the_library(tmp_path):
    res = infoview_here(
        "plan", SAMPLE, "--as-of", AS_OF, "--format", "json", "--limit", "4", cwd=tmp_path
    )
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout)
    log = iv.load_log(SAMPLE, as_of=AS_OF)
    want = iv.plan(log, as_of=AS_OF)
    assert [r["asks_to_target"] for r in doc["plan"]] == want["asks_to_target"].tolist()
    assert len(doc["next_people"]) == 4
    assert doc["gaps"] == []
    assert doc["prior_strength"] == 3.0


def test_plan_csv(tmp_path):
    res = infoview_here("plan", SAMPLE, "--as-of", AS_OF, "--format", "csv", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    first, second = res.stdout.split("\n\n")
    assert pd.read_csv(StringIO(first))["field"].iloc[0] == "Customer success"
    assert pd.read_csv(StringIO(second))["rank"].tolist() == list(range(1, 11))


def test_plan_incomplete_log_exits_3(tmp_path):
    path = tmp_path / "log.csv"
    path.write_text("Name,Status\nAna,prospect\n", encoding="utf-8")
    res = infoview_here("plan", str(path), "--as-of", AS_OF, cwd=tmp_path)
    assert res.returncode == 3, res.stderr
    assert "Cannot tell the interviews per field" in res.stdout
    assert str(path) in res.stdout


def test_plan_bad_probability_is_one_line(tmp_path):
    res = infoview_here("plan", SAMPLE, "--probability", "2", cwd=tmp_path)
    assert res.returncode == 2
    assert res.stderr.count("\n") == 1
    assert "`probability`" in res.stderr


def test_calendar_writes_refuses_and_forces(tmp_path):
    out = tmp_path / "follow-ups.ics"
    res = infoview("calendar", SAMPLE, "--out", str(out), "--as-of", AS_OF, cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    events = list(Calendar.from_ical(out.read_bytes()).walk("VEVENT"))
    todo = iv.follow_ups_due(iv.load_log(SAMPLE, as_of=AS_OF), as_of=AS_OF)
    assert f"Wrote {len(events)} events" in res.stdout
    assert f"{len(todo)} follow-ups due as of 2026-04-17" in res.stdout
    again = infoview_here("calendar", SAMPLE, "--out", str(out), "--as-of", AS_OF, cwd=tmp_path)
    assert again.returncode == 2
    assert "exists already" in again.stderr
    assert again.stderr.count("\n") == 1
    forced = infoview_here(
        "calendar", SAMPLE, "--out", str(out), "--as-of", AS_OF, "--force", cwd=tmp_path
    )
    assert forced.returncode == 0, forced.stderr


@pytest.mark.parametrize("force", [False, True])
def test_calendar_never_writes_the_log(tmp_path, force):
    log = tmp_path / "log.csv"
    log.write_text("Name,Date contacted,Status\nAna,2026-03-02,Sent\n", encoding="utf-8")
    before = log.read_bytes()
    args = ["calendar", str(log), "--out", str(log), *(["--force"] if force else [])]
    res = infoview_here(*args, cwd=tmp_path)
    assert res.returncode == 2
    assert "is the log itself" in res.stderr
    assert log.read_bytes() == before
    assert sorted(p.name for p in Path(tmp_path).iterdir()) == ["log.csv"]
