"""Report captions (charts/captions.py): written from the tables, true of them (checked
against the tables and the drawn charts), coping with empty ones."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import infoview_analytics as iv
from infoview_analytics.analysis.tables import TABLES
from infoview_analytics.charts import captions, plot_referral_tree, plot_response_rates
from infoview_analytics.charts.labels import value_label

from ._shared import _ax, rates_table


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
    assert shows.startswith("Best channel: Email, 4 of 10 answered (40%, 95% interval 17% to 69%)")
    # Drawn: email and linkedin (phone was never asked); both rest on 10 decided requests.
    assert todo == "Favour Email for new requests."


# ------------------------------------------------------------------ true of the tables
@pytest.fixture(scope="module")
def sample():
    return iv.prepare(iv.example_log(), as_of=iv.SAMPLE_AS_OF)


@pytest.mark.parametrize("by", ["channel", "warmth", "source", "field"])
def test_rates_caption_counts_the_groups_drawn(sample, by):
    table = iv.response_rates(sample, by=by)
    _, todo = captions.rates(table, by)
    ax = plot_response_rates(table, ax=_ax())
    drawn = [t.get_text() for t in ax.get_yticklabels()]
    # Independently: the drawn groups (their labels on the axis) and their decided counts.
    decided = {value_label(by, g): d for g, d in zip(table[by], table["decided"], strict=True)}
    small = sum(decided[label] < 10 for label in drawn)
    if small == 0:
        assert "fewer than 10" not in todo
    elif small == 1:
        assert "; 1 group rests on fewer than 10 decided requests" in todo
    else:
        assert f"; {small} groups rest on fewer than 10 decided requests" in todo
    assert "(s)" not in todo
    assert "_" not in todo


def test_rates_caption_on_the_sample_channels(sample):
    table = iv.response_rates(sample, by="channel")
    # phone (2 decided) and in person (3) are drawn; "(none)" was never asked: not drawn.
    assert (table.loc[table["asked"] == 0, "channel"].astype(str) == "(none)").all()
    _, todo = captions.rates(table, "channel")
    assert "2 groups rest on fewer than 10" in todo


def test_referral_caption_agrees_with_the_tree_axis(sample):
    summary = iv.referral_summary(sample)
    chains = iv.referral_chains(sample)
    shows, _ = captions.referrals(summary)
    ax = plot_referral_tree(chains, ax=_ax(), max_chains=30)
    deepest = int(max(ax.get_xticks()))
    assert deepest == int(chains["depth"].max())
    longest = int(summary["longest_chain"].iloc[0])
    assert f"the longest has {longest} people ({deepest} introductions" in shows
    assert f"{summary['chains'].iloc[0]} chains" in shows


def test_coverage_caption_counts_fields(sample):
    table = iv.coverage(sample)
    shows, todo = captions.coverage(table)
    met = int((table["status"].astype(str) != "below_minimum").sum())
    assert shows.startswith(f"{met} of {len(table)} fields have at least 3 interviews")
    for field, k in zip(table["field"], table["to_minimum"], strict=True):
        assert (f"{field} (+{k})" in todo) == (k > 0)


def test_meetings_caption_leaves_out_what_was_not_recorded():
    table = pd.DataFrame({c: [0] for c in TABLES["meeting_discipline"].columns}).assign(
        interviews=4, with_questions=4, questions_in_guidance=3
    )
    shows, _ = captions.meetings(table)
    assert shows == "3 of 4 meetings had 5–7 prepared questions."
    assert "0 of 0" not in shows


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([[1, 0], [2, 1]], "1 field rests on a single seniority"),
        ([[1, 0], [2, 0]], "2 fields rest on a single seniority"),
        ([[1, 1], [2, 1]], "each of the 2 fields interviewed in has more than one seniority"),
    ],
)
def test_perspectives_caption_singular_plural(values, expected):
    table = pd.DataFrame(values, columns=["entry", "senior"]).assign(field=["a", "b"])
    table = table[["field", "entry", "senior"]]
    shows, _ = captions.perspectives(table, "seniority")
    assert expected in shows
    assert not re.search(r"\b0 fields?\b", shows)


def test_headline_says_it_cannot_tell_when_the_log_lacks_request_dates():
    log = pd.DataFrame({"contact": ["Ana", "Ben"], "status": ["awaiting", "replied"]})
    tables = {
        "overall": iv.response_rates(log, as_of="2026-03-20"),
        "coverage": iv.coverage(log, as_of="2026-03-20"),
        "follow_ups_due": iv.follow_ups_due(log, as_of="2026-03-20"),
    }
    rows = {label: (value, detail) for label, value, detail in captions.headline(tables)}
    assert rows["Follow-ups overdue"][0] == "–"
    assert "cannot tell" in rows["Follow-ups overdue"][1]
    assert rows["Fields at the minimum"][0] == "–"  # the log has no fields


def test_thanks_caption_counts_undated_thanks():
    table = pd.DataFrame(
        {"interviews": [6], "within_1_day": [2], "within_3_days": [1], "later": [0],
         "not_yet": [1], "thanked_undated": [2]}
    )  # fmt: skip
    shows, _ = captions.thanks(table)
    assert shows == (
        "2 of 6 interviews thanked within a day; 2 thanked on a day not written down; "
        "1 not thanked yet."
    )
