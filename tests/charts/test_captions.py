"""Report captions (charts/captions.py): written from the tables, coping with empty ones."""

from __future__ import annotations

import pandas as pd
import pytest

from infoview_analytics.analysis.tables import TABLES
from infoview_analytics.charts import captions

from ._shared import rates_table


def _empty(name: str, *by: str) -> pd.DataFrame:
    """A table with the columns TABLES declares for ``name`` and no rows."""
    return pd.DataFrame(columns=[*by, *TABLES[name].columns])


EMPTY = [
    ("rates", lambda: captions.rates(_empty("response_rates", "channel"), "channel")),
    ("funnel", lambda: captions.funnel(_empty("funnel"))),
    ("timing", lambda: captions.timing(_empty("response_time_summary"))),
    ("activity", lambda: captions.activity(_empty("activity"))),
    ("coverage", lambda: captions.coverage(_empty("coverage", "field"))),
    ("perspectives", lambda: captions.perspectives(pd.DataFrame({"field": []}), "seniority")),
    ("referrals", lambda: captions.referrals(_empty("referral_summary"))),
    ("thanks", lambda: captions.thanks(_empty("thank_you_timeliness"))),
    ("meetings", lambda: captions.meetings(_empty("meeting_discipline"))),
    ("cohort", lambda: captions.cohort(_empty("cohort_summary"))),
]


@pytest.mark.parametrize("caption", [c for _, c in EMPTY], ids=[n for n, _ in EMPTY])
def test_every_caption_copes_with_an_empty_table(caption):
    shows, todo = caption()
    assert shows
    assert todo


def test_headline_of_empty_tables():
    tables = {
        "overall": _empty("response_rates"),
        "coverage": _empty("coverage", "field"),
        "follow_ups_due": _empty("follow_ups_due"),
    }
    labels = [label for label, _, _ in captions.headline(tables)]
    assert labels[0] == "People asked"
    assert ("Response rate", "–", "no decided requests yet") in captions.headline(tables)


def test_rates_caption_names_the_group_with_the_highest_lower_bound():
    shows, todo = captions.rates(rates_table(), "channel")
    # email: 4 of 10 (interval 16.8%-68.7%) beats linkedin: 0 of 10; phone was never asked.
    assert shows.startswith("Best channel: email, 4 of 10 answered (40%, 95% interval 17%–69%)")
    assert todo.startswith("Favour email for new requests; 1 group(s) rest on fewer than 10")
