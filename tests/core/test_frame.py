"""The canonical frame."""

from __future__ import annotations

import pandas as pd
import pytest

from infoview_analytics.core.frame import canonical
from infoview_analytics.core.schema import COLUMNS
from infoview_analytics.errors import InvalidArgumentError

TINY_AS_OF = pd.Timestamp("2026-03-20")  # as in conftest.tiny_log


def test_canonical_adds_missing_columns_without_touching_input():
    log = pd.DataFrame({"contact": ["Ana"], "requested_on": ["2026-03-02 14:00"]})
    before = log.copy()
    out = canonical(log)
    assert list(out.columns[: len(COLUMNS)]) == list(COLUMNS)
    assert out.loc[0, "requested_on"] == pd.Timestamp("2026-03-02")
    pd.testing.assert_frame_equal(log, before)
    with pytest.raises(InvalidArgumentError, match="pandas DataFrame"):
        canonical([1, 2])


def test_time_zone_aware_dates_keep_their_local_day() -> None:
    # 23:30 in New York on 2 March is 3 March in UTC; the day of the log is 2 March.
    when = pd.to_datetime(["2026-03-02 23:30", "2026-03-03 00:15"]).tz_localize("America/New_York")
    log = pd.DataFrame({"contact": ["Ana", "Ben"], "requested_on": when})
    out = canonical(log)
    assert out["requested_on"].dtype == "datetime64[ns]"
    assert out["requested_on"].tolist() == [pd.Timestamp("2026-03-02"), pd.Timestamp("2026-03-03")]
    assert log["requested_on"].dt.tz is not None  # the input is untouched
