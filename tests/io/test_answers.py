"""Tests of _answers: yes/no, ticks, status words and free text in date and status columns."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from infoview_analytics.io._answers import read_date_column, read_value

#: (value, language): every one a yes in a date column.
YES = [
    ("Yes", "English"),
    ("yes", "English"),
    ("YES", "English"),
    ("Y", "English"),
    ("y", "English"),
    ("yep", "English"),
    ("TRUE", "English"),
    ("True", "English"),
    ("checked", "English (Notion, Airtable)"),
    ("x", "a tick typed as x"),
    ("X", "a tick typed as X"),
    ("✓", "tick"),
    ("✔", "heavy tick"),
    ("✔️", "tick with emoji variation selector"),
    ("✅", "emoji tick"),
    ("☑", "ballot box with tick"),
    ("Sí", "Spanish"),
    ("si", "Spanish, no accent"),
    ("SÍ", "Spanish, capitals"),
    ("oui", "French"),
    ("Oui", "French"),
    ("ja", "German, Dutch"),
    ("Ja", "German"),
    ("sim", "Portuguese"),
    ("Sim", "Portuguese"),
    ("sì", "Italian"),
    (True, "a real checkbox cell"),
    (np.True_, "numpy boolean"),
]
#: Every one the absence of the event.
NO = [
    ("No", "English"),
    ("no", "English"),
    ("N", "English"),
    ("FALSE", "English"),
    ("unchecked", "Notion"),
    ("not yet", "English"),
    ("n/a", "not applicable"),
    ("N/A", "not applicable"),
    ("-", "a dash"),
    ("—", "an em dash"),
    ("✗", "cross"),
    ("❌", "emoji cross"),
    ("☐", "empty box"),
    ("non", "French"),
    ("pas encore", "French"),
    ("nein", "German"),
    ("noch nicht", "German"),
    ("não", "Portuguese"),
    ("nao", "Portuguese, no accent"),
    ("todavía no", "Spanish"),
    (False, "a real checkbox cell"),
]


@pytest.mark.parametrize(("value", "language"), YES)
@pytest.mark.parametrize(
    "column", ["requested_on", "followed_up_on", "responded_on", "interview_on", "thanked_on"]
)
def test_yes_in_every_date_column(value, language, column):
    answer = read_value(value, column)
    assert answer.yes, (value, language)
    assert answer.exact
    assert answer.known
    assert answer.status is None
    assert not answer.pieces


@pytest.mark.parametrize(("value", "language"), NO)
@pytest.mark.parametrize("column", ["responded_on", "thanked_on", "interview_on"])
def test_no_is_the_absence(value, language, column):
    answer = read_value(value, column)
    assert not answer.yes, (value, language)
    assert answer.known
    assert answer.status is None  # "no" is not a refusal


@pytest.mark.parametrize(
    ("value", "column", "yes", "status"),
    [
        # A status word is a yes where the status implies the event.
        ("Replied", "responded_on", True, None),
        ("Heard back", "responded_on", True, None),
        ("declined", "responded_on", True, "declined"),
        ("Rejected", "responded_on", True, "declined"),
        ("abgelehnt", "responded_on", True, "declined"),
        ("rechazado", "responded_on", True, "declined"),
        ("✅ Met", "responded_on", True, "interviewed"),
        ("✅ Met", "interview_on", True, None),  # "met" is done there: the flag says it
        ("Converted", "responded_on", True, "interviewed"),
        ("Scheduled", "responded_on", True, "scheduled"),
        ("⏳ Waiting", "responded_on", False, None),
        ("Waiting", "requested_on", True, None),
        ("Pending", "responded_on", False, None),
        ("Dead", "responded_on", False, "no_response"),
        ("ghosted", "responded_on", False, "no_response"),
        # "No reply" under Replied? is not yet, not given up.
        ("No reply", "responded_on", False, None),
        ("no reply yet", "responded_on", False, None),
        ("No response", "requested_on", True, None),
        # Words meaning "done" in one column only.
        ("Sent", "thanked_on", True, None),
        ("Sent", "requested_on", True, None),
        ("Sent", "responded_on", False, None),
        ("Bumped", "followed_up_on", True, None),
        ("Done", "interview_on", True, None),
        ("enviado", "thanked_on", True, None),
        ("erledigt", "thanked_on", True, None),
    ],
)
def test_status_and_done_words_in_date_columns(value, column, yes, status):
    answer = read_value(value, column)
    assert (answer.yes, answer.status) == (yes, status)
    assert answer.known


@pytest.mark.parametrize(
    ("value", "column", "yes", "status", "pieces"),
    [
        # The date belongs to the event word before it: the call, not the reply.
        ("yes - call on 4/2", "responded_on", True, None, [("interview_on", "4/2")]),
        ("Yes, coffee chat 3/12", "responded_on", True, None, [("interview_on", "3/12")]),
        ("declined, busy", "responded_on", True, "declined", []),
        ("no - declined, busy", "responded_on", True, "declined", []),
        ("not interested right now", "responded_on", True, "declined", []),
        ("replied 3/4, call 3/10", "responded_on", True, None,
         [("responded_on", "3/4"), ("interview_on", "3/10")]),
        ("yes (2026-03-04)", "thanked_on", True, None, [("thanked_on", "2026-03-04")]),
        ("sent 3/2", "requested_on", True, None, [("requested_on", "3/2")]),
        ("emailed 3 March", "requested_on", True, None, [("requested_on", "3 march")]),
        ("~3/4", "responded_on", True, None, [("responded_on", "3/4")]),
        ("met on 12 March", "responded_on", True, "interviewed", [("interview_on", "12 march")]),
        # A "no" uses no date.
        ("no, chase on 3/14", "responded_on", False, None, []),
        ("not sent", "thanked_on", False, None, []),
        # In the status column.
        ("Bumped 3/9", "status", True, "awaiting", [("followed_up_on", "3/9")]),
        ("Sent 3/2", "status", True, "awaiting", [("requested_on", "3/2")]),
        ("Replied 3/4", "status", True, "replied", [("responded_on", "3/4")]),
        ("call booked for Apr 2", "status", True, "scheduled", [("interview_on", "apr 2")]),
        ("declined, busy", "status", True, "declined", []),
        ("yes - call on 4/2", "status", True, "replied", [("interview_on", "4/2")]),
    ],
)  # fmt: skip
def test_free_text(value, column, yes, status, pieces):
    answer = read_value(value, column)
    assert (answer.yes, answer.status, answer.pieces) == (yes, status, pieces)
    assert answer.known
    assert not answer.exact  # each gets a note in the problems


@pytest.mark.parametrize(
    ("value", "status"),
    [
        ("Yes", "replied"),
        ("✓", "replied"),
        ("TRUE", "replied"),
        (True, "replied"),
        ("Sí", "replied"),
        ("No", None),  # blank: derived from the dates
        ("nein", None),
        (False, None),
        ("no reply yet", "awaiting"),
        ("No reply", "no_response"),  # the schema's synonym: a status column keeps it
        ("⏳ Waiting", "awaiting"),
        ("✅ Met", "interviewed"),
        ("en attente", "awaiting"),
        ("abgesagt", "declined"),
    ],
)
def test_status_column(value, status):
    answer = read_value(value, "status")
    assert answer.status == status
    assert answer.known


@pytest.mark.parametrize("value", ["hello", "see notes", "Ana's", 3.5, "?"])
def test_nothing_understood(value):
    assert not read_value(value, "responded_on").known


def test_single_letters_count_only_as_a_whole_cell():
    assert read_value("S", "thanked_on").yes  # "S/N" forms: sí, sim
    assert not read_value("Ana's", "thanked_on").known  # the "s" of Ana's is no yes


def test_read_date_column_maps_distinct_values_back_to_rows():
    values = pd.Series(["2026-03-02", "Yes", "No", None, "Yes", "declined, busy", "soon", "Mar 3"])
    r = read_date_column(values, "responded_on", dayfirst=None)
    assert r.yes.tolist() == [True, True, False, False, True, True, False, True]
    assert r.bad.tolist() == [False, False, False, False, False, False, True, False]
    assert r.given.tolist() == [True, True, True, False, True, True, True, True]
    assert r.parsed[0] == np.datetime64("2026-03-02")
    assert np.isnat(r.parsed[1:]).all()
    assert r.month_day.tolist() == [0, 0, 0, 0, 0, 0, 0, 303]
    assert r.status.tolist() == [-1, -1, -1, -1, -1, 5, -1, -1]  # declined
    assert r.note is not None
    assert r.note[5].startswith("free text read as yes, declined")
    assert (r.note[[0, 1, 2, 3, 4, 6, 7]] == "").all()


def test_clean_date_column_has_no_answers():
    r = read_date_column(pd.Series(["2026-03-02", None, "3/4/2026"]), "thanked_on", dayfirst=None)
    assert r.yes.tolist() == [True, False, True]
    assert r.status is None
    assert r.note is None
    assert r.month_day is None
    assert not r.dates
