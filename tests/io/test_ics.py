"""The .ics writer: read back with icalendar, every event checked against follow_ups_due."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from icalendar import Calendar

import infoview_analytics as iv
from infoview_analytics import ReportExistsError, calendar_events, follow_ups_due
from infoview_analytics.io.ics import write_ics


def _read(path) -> list:
    cal = Calendar.from_ical(path.read_bytes())
    assert str(cal["version"]) == "2.0"
    return list(cal.walk("VEVENT"))


def test_written_file_matches_the_follow_ups(tmp_path):
    log = iv.example_log()
    events = calendar_events(log, as_of=iv.SAMPLE_AS_OF)
    path = write_ics(events, tmp_path / "f.ics", as_of=pd.Timestamp(iv.SAMPLE_AS_OF))
    parsed = _read(path)
    assert len(parsed) == len(events)
    todo = follow_ups_due(log, as_of=iv.SAMPLE_AS_OF)
    expected = {
        (row.action, row.reason, row.due_since.date()) for row in todo.itertuples(index=False)
    }
    seen = set()
    for ev in parsed:
        start = ev.decoded("dtstart")
        assert isinstance(start, dt.date)
        assert not isinstance(start, dt.datetime)
        assert ev.decoded("dtend") == start + dt.timedelta(days=1)
        kind = str(ev["categories"].cats[0])
        if kind != "interview":
            seen.add((kind, str(ev["description"]), start))
            assert str(ev["transp"]) == "TRANSPARENT"
        else:
            assert str(ev["transp"]) == "OPAQUE"
        assert ev.decoded("dtstamp") == dt.datetime(2026, 4, 17, tzinfo=dt.UTC)
    assert seen == expected
    assert {str(ev["uid"]) for ev in parsed} == set(events["uid"])


def test_a_later_day_supersedes_event_by_event(tmp_path):
    log = iv.example_log()
    first = _read(
        write_ics(
            calendar_events(log, as_of="2026-04-17"),
            tmp_path / "a.ics",
            as_of=pd.Timestamp("2026-04-17"),
        )
    )
    later = _read(
        write_ics(
            calendar_events(log, as_of="2026-04-20"),
            tmp_path / "b.ics",
            as_of=pd.Timestamp("2026-04-20"),
        )
    )
    seq = {str(e["uid"]): int(e["sequence"]) for e in first}
    common = [e for e in later if str(e["uid"]) in seq]
    assert common
    assert all(int(e["sequence"]) > seq[str(e["uid"])] for e in common)


def test_refuses_an_existing_file_and_leaves_no_temporary(tmp_path):
    events = calendar_events(iv.example_log(), as_of=iv.SAMPLE_AS_OF)
    target = tmp_path / "f.ics"
    target.write_text("mine", encoding="utf-8")
    with pytest.raises(ReportExistsError, match="exists already"):
        write_ics(events, target, as_of=pd.Timestamp(iv.SAMPLE_AS_OF))
    assert target.read_text(encoding="utf-8") == "mine"
    write_ics(events, target, as_of=pd.Timestamp(iv.SAMPLE_AS_OF), overwrite=True)
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.ics"]


def test_same_day_same_bytes(tmp_path):
    events = calendar_events(iv.example_log(), as_of=iv.SAMPLE_AS_OF)
    day = pd.Timestamp(iv.SAMPLE_AS_OF)
    a = write_ics(events, tmp_path / "a.ics", as_of=day).read_bytes()
    b = write_ics(events, tmp_path / "b.ics", as_of=day).read_bytes()
    assert a == b
