"""core.values (named apart from tests/io/test_values.py): answer words, flag columns."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from infoview_analytics.core import schema, values


def test_every_date_column_has_one_flag():
    assert tuple(values.DATE_FLAGS) == schema.DATE_COLUMNS
    assert len(set(values.FLAG_COLUMNS)) == len(values.FLAG_COLUMNS)
    assert not set(values.FLAG_COLUMNS) & set(schema.COLUMNS)


def test_yes_and_no_never_overlap():
    assert not values.YES & values.NO


@pytest.mark.parametrize(
    ("text", "key"),
    [("✓", "yes"), ("✔️", "yes"), ("❌", "no"), ("—", "-"), ("Sí", "si"), ("✅ Met", "met")],
)
def test_answer_key(text, key):
    assert values.answer_key(text) == key


def test_status_words_name_known_statuses():
    allowed = set(schema.CATEGORIES["status"])
    assert set(values.STATUS_WORDS) <= allowed
    assert set(values.STATUS_EVENTS) == allowed
    assert set(values.STATUS_PROGRESS) == allowed
    assert values.HINTED_STATUSES.issubset(allowed)
    for events in values.STATUS_EVENTS.values():
        assert set(events) <= set(schema.DATE_COLUMNS)


def test_no_is_not_a_declined_status():
    # In a "Replied?" column "No" means no answer yet, not a refusal.
    assert "no" not in schema.VALUE_SYNONYMS["status"]


def test_undated_yes():
    frame = pd.DataFrame(
        {
            "responded_on": pd.to_datetime(["2026-03-02", None, None, None]),
            "responded": [True, True, False, None],
        }
    )
    assert values.undated_yes(frame, "responded_on").tolist() == [False, True, False, False]
    hand_made = frame.drop(columns="responded")
    assert values.undated_yes(hand_made, "responded_on").dtype == np.bool_
    assert not values.undated_yes(hand_made, "responded_on").any()
