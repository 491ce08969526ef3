"""by= checks and groups."""

from __future__ import annotations

import pandas as pd
import pytest

from infoview_analytics.analysis.grouping import check_by
from infoview_analytics.errors import InvalidArgumentError

TINY_AS_OF = pd.Timestamp("2026-03-20")  # as in conftest.tiny_log


def test_check_by_names_allowed_values(tiny_log):
    assert check_by(tiny_log, None) == []
    assert check_by(tiny_log, "channel") == ["channel"]
    assert check_by(tiny_log, ["field", "warmth"]) == ["field", "warmth"]
    with pytest.raises(InvalidArgumentError, match=r"`by`.*'channel'.*but 'chanel' was passed"):
        check_by(tiny_log, "chanel")
