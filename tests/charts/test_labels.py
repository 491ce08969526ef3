"""Plain words for codes (charts/labels.py): every code a reader could meet has its words."""

from __future__ import annotations

import pytest

from infoview_analytics.analysis.tables import TABLES
from infoview_analytics.charts import plot_activity, plot_coverage, plot_funnel
from infoview_analytics.charts.labels import (
    VALUE_LABELS,
    column_label,
    value_label,
    values_labelled,
)
from infoview_analytics.core.schema import CATEGORIES

from ._shared import _ax, activity_table, coverage_table, funnel_table


@pytest.mark.parametrize("column", sorted(CATEGORIES))
def test_every_category_of_the_schema_has_plain_words(column):
    assert set(CATEGORIES[column]) <= set(VALUE_LABELS[column])
    for code in CATEGORIES[column]:
        words = value_label(column, code)
        assert "_" not in words
        assert words[0].isupper()


def test_every_table_column_has_a_header_without_underscores():
    columns = {c for table in TABLES.values() for c in table.columns}
    for column in columns:
        assert "_" not in column_label(column), column


@pytest.mark.parametrize(
    ("column", "value", "expected"),
    [
        ("channel", "in_person", "In person"),
        ("stage", "gave_referrals", "Gave referrals"),
        ("coverage", "below_minimum", "Below the minimum"),
        ("action", "contact_second_person", "Contact a second person"),
        ("status", "no_response", "No response"),
        ("channel", "carrier_pigeon", "carrier pigeon"),  # unknown code: words, as written
        ("field", "data_science", "data_science"),  # the user's own value stays
        ("channel", None, "(none)"),
    ],
)
def test_value_label(column, value, expected):
    assert value_label(column, value) == expected


def test_values_labelled():
    assert values_labelled("warmth", ["cold", "warm"]) == ["Cold", "Warm"]


def _whole(ticks):
    return all(float(t).is_integer() for t in ticks)


def test_count_axes_have_whole_number_ticks():
    small = funnel_table().assign(count=[3, 2, 1, 1, 1])  # would tick at 0.5 by default
    ax = plot_funnel(small, ax=_ax())
    assert _whole(ax.get_yticks())
    ax = plot_coverage(coverage_table().assign(interviewed=[1, 1, 0], pending=0), ax=_ax())
    assert _whole(ax.get_xticks())
    ax = plot_activity(activity_table().assign(asks=[1, 0, 1], cumulative_interviews=[0, 1, 1]))
    assert _whole(ax.get_yticks())
    assert _whole(ax.figure.axes[-1].get_yticks())  # the cumulative line's axis: people too
