"""Argument checks: as_of dates and confidence levels."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from infoview_analytics.core.args import as_of_timestamp, check_confidence
from infoview_analytics.errors import InvalidArgumentError

TINY_AS_OF = pd.Timestamp("2026-03-20")  # as in conftest.tiny_log


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-04-17", "2026-04-17"),
        (dt.date(2026, 4, 17), "2026-04-17"),
        (dt.datetime(2026, 4, 17, 15, 30), "2026-04-17"),
        (pd.Timestamp("2026-04-17 23:59", tz="UTC"), "2026-04-17"),
    ],
)
def test_as_of_accepts_dates(value, expected):
    assert as_of_timestamp(value) == pd.Timestamp(expected)


def test_as_of_default_is_today():
    assert as_of_timestamp(None) == pd.Timestamp(dt.date.today())


@pytest.mark.parametrize("bad", ["yesterday-ish", "2026-13-45", [1, 2], 12.5, 20260417])
def test_as_of_rejects_non_dates(bad):
    with pytest.raises(InvalidArgumentError, match=r"`as_of` must be a date"):
        as_of_timestamp(bad)


@pytest.mark.parametrize("bad", [0, 1.0, 1, -0.5, True, "0.95"])
def test_check_confidence(bad):
    with pytest.raises(InvalidArgumentError, match="`confidence`"):
        check_confidence(bad)


def test_a_numpy_number_is_not_a_date():
    import numpy as np

    with pytest.raises(InvalidArgumentError, match="`as_of`"):
        as_of_timestamp(np.int64(20260417))
