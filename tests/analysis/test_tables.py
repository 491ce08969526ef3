"""Every output table has the columns declared once in analysis/tables.py, in that order."""

from __future__ import annotations

import pytest

import infoview_analytics as iv
from infoview_analytics.analysis.tables import TABLES

AS_OF = iv.SAMPLE_AS_OF

#: How each table is asked for in the test: (keyword arguments, the ``by`` columns it gets).
CALLS = {
    "response_rates": ({"by": "channel", "as_of": AS_OF}, ["channel"]),
    "funnel": ({"by": "warmth", "as_of": AS_OF}, ["warmth"]),
    "activity": ({"as_of": AS_OF}, []),
    "time_to_response": ({"by": ["warmth", "channel"], "as_of": AS_OF}, ["warmth", "channel"]),
    "response_time_summary": ({"as_of": AS_OF}, []),
    "classify_contacts": ({"as_of": AS_OF}, []),
    "follow_ups_due": ({"as_of": AS_OF}, []),
    "thank_you_timeliness": ({"by": "field", "as_of": AS_OF}, ["field"]),
    "meeting_discipline": ({"by": "channel"}, ["channel"]),
    "referral_chains": ({"as_of": AS_OF}, []),
    "referral_problems": ({}, []),
    "referral_summary": ({"by": "source", "as_of": AS_OF}, ["source"]),
    "coverage": ({"as_of": AS_OF}, ["field"]),
    "perspective_matrix": ({"as_of": AS_OF}, ["field"]),
    "cohort_summary": ({"as_of": AS_OF}, []),
    "plan": ({"as_of": AS_OF}, ["field"]),
    "next_people": ({"as_of": AS_OF}, []),
    "calendar_events": ({"as_of": AS_OF}, []),
    "themes": ({"as_of": AS_OF}, ["field"]),
    "compare_themes": ({"as_of": AS_OF}, ["field"]),
    "search_notes": ({"query": "portfolio", "as_of": AS_OF}, []),
}

#: Columns a table adds after the declared ones, and when.
EXTRA = {"classify_contacts": ["source_row"]}


def test_every_table_is_declared_and_tested():
    assert set(CALLS) == set(TABLES)


@pytest.mark.parametrize("name", sorted(TABLES))
def test_columns_are_the_declared_ones(name):
    kwargs, by = CALLS[name]
    table = getattr(iv, name)(iv.example_log(), **kwargs)
    declared = TABLES[name]
    columns = list(table.columns)
    assert columns[: len(by)] == by
    rest = columns[len(by) :]
    expected = [*declared.columns, *EXTRA.get(name, [])]
    if name == "perspective_matrix":  # one column per perspective value follows
        assert rest[: len(expected)] == expected
        assert len(rest) > 0
    else:
        assert rest == expected
    assert declared.grouped or not by


@pytest.mark.parametrize("name", sorted(TABLES))
def test_the_docs_list_the_declared_columns(name):
    doc = getattr(iv, name).__doc__
    for column in TABLES[name].columns:
        assert column in doc, (name, column)
