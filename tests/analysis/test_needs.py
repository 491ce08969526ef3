"""What each analysis needs: said in ``attrs["gaps"]`` when the log lacks it, never silence."""

from __future__ import annotations

import pandas as pd
import pytest

import infoview_analytics as iv
from infoview_analytics.analysis.needs import NEEDS
from infoview_analytics.analysis.tables import TABLES

AS_OF = "2026-03-20"


def test_every_table_declares_its_needs():
    assert set(NEEDS) == set(TABLES) - {"referral_problems"}


@pytest.mark.parametrize("name", sorted(set(NEEDS) - {"cohort_summary"}))
def test_the_sample_lacks_nothing(name):
    query = {"query": "portfolio"} if name == "search_notes" else {}
    table = getattr(iv, name)(iv.example_log(), **query)
    assert table.attrs["gaps"] == []


def test_a_cohort_summary_of_one_log_without_owners_says_so():
    assert "whose log each row is" in iv.cohort_summary(iv.example_log()).attrs["gaps"][0]
    with pytest.warns(iv.LogProblemsWarning):  # the sample cohort's deliberate problems
        cohort = iv.load_logs("data/cohort", as_of=AS_OF)
    assert iv.cohort_summary(cohort, as_of=AS_OF).attrs["gaps"] == []


def test_no_request_dates_means_the_to_do_list_cannot_be_told():
    log = pd.DataFrame({"contact": ["Ana", "Ben"], "status": ["awaiting", "awaiting"]})
    todo = iv.follow_ups_due(log, as_of=AS_OF)
    assert todo.empty
    assert len(todo.attrs["gaps"]) == 1
    assert "Cannot tell which follow-ups are due" in todo.attrs["gaps"][0]
    assert "`requested_on`" in todo.attrs["gaps"][0]


def test_thank_you_notes_need_interview_dates_only_when_someone_was_interviewed():
    asked = pd.DataFrame(
        {
            "contact": ["Ana"],
            "requested_on": pd.to_datetime(["2026-03-02"]),
            "status": ["awaiting"],
        }
    )
    assert iv.follow_ups_due(asked, as_of=AS_OF).attrs["gaps"] == []
    met = asked.assign(status=["interviewed"])
    gaps = iv.follow_ups_due(met, as_of=AS_OF).attrs["gaps"]
    assert ["thank-you notes" in g for g in gaps] == [True]


@pytest.mark.parametrize(
    ("name", "column", "words"),
    [
        ("coverage", "field", "interviews per field"),
        ("referral_summary", "referred_by", "who introduced whom"),
        ("time_to_response", "responded_on", "when people answered"),
    ],
)
def test_a_missing_column_is_named(name, column, words):
    log = iv.example_log().drop(
        columns=[column, "interview_on"] if column == "responded_on" else [column]
    )
    gaps = getattr(iv, name)(log, as_of=AS_OF).attrs["gaps"]
    assert any(words in g for g in gaps)
