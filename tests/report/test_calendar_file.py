"""iv.to_calendar: the sample's follow-ups and interviews in a file that reads back."""

from __future__ import annotations

from icalendar import Calendar

import infoview_analytics as iv


def test_to_calendar_round_trip(tmp_path):
    log = iv.example_log()
    copy = log.copy()
    path = iv.to_calendar(iv.prepare(log, as_of=iv.SAMPLE_AS_OF), tmp_path / "f.ics")
    events = list(Calendar.from_ical(path.read_bytes()).walk("VEVENT"))
    todo = iv.follow_ups_due(log, as_of=iv.SAMPLE_AS_OF)
    interviews = [e for e in events if str(e["categories"].cats[0]) == "interview"]
    assert len(events) - len(interviews) == len(todo)
    assert {str(e["summary"]) for e in interviews} >= {
        "Informational interview with Noor Haddad (Civicly Lab)"
    }
    assert log.equals(copy)
