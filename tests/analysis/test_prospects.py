"""next_people(): the candidates, their points, the sentences, deterministic order."""

from __future__ import annotations

import pandas as pd
import pytest

import infoview_analytics as iv
from infoview_analytics import InvalidArgumentError, next_people
from infoview_analytics.analysis.tables import TABLES

AS_OF = "2026-03-20"  # a Friday


def _log(rows: list[tuple]) -> pd.DataFrame:
    """contact, organization, field, seniority, referred_by, source, requested_on, status."""
    frame = pd.DataFrame(
        rows,
        columns=[
            "contact",
            "organization",
            "field",
            "seniority",
            "referred_by",
            "source",
            "requested_on",
            "status",
        ],
    )
    frame["requested_on"] = pd.to_datetime(frame["requested_on"])
    return frame


LOG = _log(
    [
        ("Ana", "Acme", "data", "senior", None, "cold_email", "2026-03-02", "interviewed"),
        ("Ben", "Hooli", "data", "mid", "Ana", None, "2026-03-04", "interviewed"),
        ("Cy", "Initech", "data", "entry", "Ben", None, None, "prospect"),
        ("Dee", "Acme", "data", "senior", None, "cold_email", None, "prospect"),
        # 3B7: Eli has not answered for 4 business days; Fay is a prospect at Umbrella.
        ("Eli", "Umbrella", "law", "mid", None, "cold_email", "2026-03-16", "awaiting"),
        ("Fay", "Umbrella", "law", "mid", None, "cold_email", None, "prospect"),
        # 9 business days without an answer: one follow-up.
        ("Gus", "Globex", "law", "mid", None, "cold_email", "2026-03-09", "awaiting"),
    ]
)


def test_columns_and_points_by_hand():
    res = next_people(LOG, as_of=AS_OF)
    assert list(res.columns) == list(TABLES["next_people"].columns)
    by = res.set_index("contact")
    # law: 0 interviews -> gap 3 * 3 + 2 = 11; Fay: + second person 2, new organisation 1,
    # new seniority 1 (law has no interviews yet) = 15.
    assert by.loc["Fay", "action"] == "ask_second_person"
    assert by.loc["Fay", "score"] == 15
    # Gus: a follow-up in law, cold: 11 + new organisation 1 + new seniority 1.
    assert (by.loc["Gus", "action"], by.loc["Gus", "score"]) == ("follow_up", 13)
    # data: 2 interviews -> gap 3 * 1 + 2 = 5. Cy: warm (referred by Ben) 2, new org,
    # new seniority: 9. Dee: Acme and senior are known already: 5.
    assert (by.loc["Cy", "score"], by.loc["Dee", "score"]) == (9, 5)
    assert by.loc["Cy", "warm"]
    assert by.loc["Cy", "new_organization"]
    assert not by.loc["Dee", "new_organization"]
    assert not by.loc["Dee", "new_seniority"]
    # Ana introduced Ben, who met you: her own field still needs voices, so data:
    # 5 + warm 2 + record 1.
    assert (by.loc["Ana", "action"], by.loc["Ana", "field"]) == ("ask_for_introduction", "data")
    assert by.loc["Ana", "score"] == 8
    assert res["rank"].tolist() == list(range(1, len(res) + 1))
    assert res["score"].is_monotonic_decreasing


def test_sentences():
    by = next_people(LOG, as_of=AS_OF).set_index("contact")["reason"]
    assert by["Fay"] == (
        "No reply from Eli at Umbrella for 4 business days (3B7): ask Fay, a second person "
        "there; law needs 3 more interviews for the minimum of 3."
    )
    assert by["Gus"] == (
        "No reply from Gus for 9 business days: send them one follow-up; law needs 3 more "
        "interviews for the minimum of 3."
    )
    assert by["Ana"] == (
        "data needs 1 more interview for the minimum of 3; Ana introduced you to 1 person who "
        "met you: ask whom else they know in data."
    )
    assert "Cy at Initech is a warm lead (introduced by Ben)" in by["Cy"]


def test_connector_whose_referrals_both_met_you():
    log = _log(
        [
            ("Kim", "Acme", "policy", "senior", None, "cold_email", "2026-03-02", "interviewed"),
            ("Lu", "Hooli", "policy", "mid", "Kim", None, "2026-03-03", "interviewed"),
            ("Mo", "Initech", "policy", "mid", "Kim", None, "2026-03-03", "interviewed"),
        ]
    )
    row = next_people(log, as_of=AS_OF).set_index("contact").loc["Kim"]
    assert "Kim introduced you to 2 people who both met you" in row["reason"]
    # policy has its 3: 2 more to the target (2 points) + warm 2 + record 2 (at most 2).
    assert row["score"] == 6


def test_connector_sent_to_the_neediest_field_when_theirs_is_full():
    rows = [
        (
            c,
            "Acme",
            "policy",
            "mid",
            "Kim" if c != "Kim" else None,
            "cold_email",
            "2026-03-02",
            "interviewed",
        )
        for c in ["Kim", "Lu", "Mo", "Ny", "Ol"]
    ]
    rows.append(("Pat", "Hooli", "art", "mid", None, "cold_email", None, "prospect"))
    row = next_people(_log(rows), as_of=AS_OF).set_index("contact").loc["Kim"]
    assert row["field"] == "art"
    assert row["reason"].startswith("art needs 3 more interviews for the minimum of 3; Kim")


def test_order_does_not_depend_on_row_order():
    a = next_people(LOG, as_of=AS_OF)
    b = next_people(LOG.iloc[::-1].reset_index(drop=True), as_of=AS_OF)
    cols = ["rank", "action", "contact", "field", "score"]
    pd.testing.assert_frame_equal(a[cols], b[cols])


def test_limit_and_cohort_per_owner():
    cohort = pd.concat([LOG.assign(owner="Amy"), LOG.assign(owner="Bo")], ignore_index=True)
    res = next_people(cohort, as_of=AS_OF, limit=3)
    assert res["owner"].value_counts().to_dict() == {"Amy": 3, "Bo": 3}
    assert res.groupby("owner")["rank"].apply(list).tolist() == [[1, 2, 3], [1, 2, 3]]
    alone = next_people(LOG, as_of=AS_OF, limit=3)
    amy = res[res["owner"] == "Amy"].drop(columns="owner").reset_index(drop=True)
    pd.testing.assert_frame_equal(amy.drop(columns="source_row"), alone.drop(columns="source_row"))


def test_no_field_is_a_gap():
    log = pd.DataFrame({"contact": ["A"], "status": ["prospect"]})
    res = next_people(log, as_of=AS_OF)
    assert res.attrs["gaps"]
    assert "fields" in res.attrs["gaps"][0]
    assert res.loc[0, "reason"].startswith("No field yet")


def test_bad_limit():
    with pytest.raises(InvalidArgumentError, match="`limit` must be a whole number >= 1"):
        next_people(LOG, as_of=AS_OF, limit=0)


def test_sample_top_rows_are_explained():
    res = next_people(iv.example_log(), as_of=iv.SAMPLE_AS_OF)
    assert len(res) == 10
    assert res["reason"].str.len().gt(40).all()
    assert res["source_row"].notna().sum() >= 8
