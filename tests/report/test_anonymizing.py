"""anonymize / pseudonym_map: stable pseudonyms, contact details removed, chains kept."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import infoview_analytics as iv
from infoview_analytics.analysis.referrals import referral_chains
from infoview_analytics.errors import InvalidArgumentError
from infoview_analytics.report.anonymizing import REMOVED_COLUMNS, anonymize, pseudonym_map


def small_log():
    return pd.DataFrame(
        {
            "contact": ["Ana Ruiz", "Ben Ode", "Chloe Park", "Dev Shah"],
            "organization": ["Acme", "Globex", "Acme", None],
            "referred_by": [None, "  ana   RUIZ ", "Ben Ode", "Olga Outside"],
            "email": ["ana@acme.com", "ben@globex.com", None, "dev@x.io"],
            "phone": ["+1 555 0100", None, None, None],
            "linkedin_url": ["https://linkedin.com/in/ana", None, None, None],
            "notes": ["Talked about Acme's data team", None, "=cmd", None],
            "next_step": ["Send Ben a note", None, None, None],
            "owner": ["Maya Student", "Maya Student", "Maya Student", "Maya Student"],
            "role": ["Analyst", "Lead", "Engineer", "Designer"],
            "my private column": ["diary", "x", "y", "z"],
            "source_row": [2, 3, 4, 5],
        }
    )


def test_pseudonyms_in_contact_and_referred_by():
    out = anonymize(small_log())
    assert out["contact"].tolist() == ["Contact 01", "Contact 02", "Contact 03", "Contact 04"]
    # Case/whitespace-insensitive matching; an outside referrer gets the next number.
    assert out["referred_by"].tolist()[1:] == ["Contact 01", "Contact 02", "Contact 05"]
    assert pd.isna(out["referred_by"].iloc[0])
    assert out["owner"].unique().tolist() == ["Student 1"]


def test_contact_details_removed_and_unknown_columns_dropped():
    out = anonymize(small_log())
    for col in REMOVED_COLUMNS:
        assert out[col].isna().all(), col
    assert "my private column" not in out.columns
    assert out["role"].tolist() == small_log()["role"].tolist()
    assert out["organization"].tolist()[:3] == ["Acme", "Globex", "Acme"]
    assert out["source_row"].tolist() == [2, 3, 4, 5]


def test_organizations_optional():
    out = anonymize(small_log(), organizations=True)
    assert out["organization"].tolist()[:3] == [
        "Organization 01",
        "Organization 02",
        "Organization 01",
    ]
    assert pd.isna(out["organization"].iloc[3])


def test_zero_padding_grows_with_the_number_of_people():
    log = pd.DataFrame({"contact": [f"P{i}" for i in range(120)]})
    out = anonymize(log)
    assert out["contact"].iloc[0] == "Contact 001"
    assert out["contact"].iloc[-1] == "Contact 120"


def test_input_not_mutated_and_deterministic():
    log = small_log()
    log.attrs["source"] = "/home/maya/Maya's log.xlsx"
    log.attrs["as_of"] = "2026-04-17"
    before = log.copy(deep=True)
    first = anonymize(log)
    pd.testing.assert_frame_equal(log, before)
    pd.testing.assert_frame_equal(first, anonymize(log))
    assert first.attrs == {"as_of": "2026-04-17"}


def test_pseudonym_map():
    table = pseudonym_map(small_log(), organizations=True)
    assert list(table.columns) == ["kind", "name", "pseudonym"]
    people = table[table["kind"] == "contact"]
    assert dict(zip(people["name"], people["pseudonym"], strict=True)) == {
        "Ana Ruiz": "Contact 01",
        "Ben Ode": "Contact 02",
        "Chloe Park": "Contact 03",
        "Dev Shah": "Contact 04",
        "Olga Outside": "Contact 05",
    }
    assert table.loc[table["kind"] == "owner", "pseudonym"].tolist() == ["Student 1"]
    assert table.loc[table["kind"] == "organization", "pseudonym"].tolist() == [
        "Organization 01",
        "Organization 02",
    ]


@pytest.mark.parametrize(
    "written",
    ["Jose\u0301 A\u0301lvarez", "jose alvarez", "JOSÉ\u00a0ÁLVAREZ", "\ufeffJosé  Álvarez"],
)
def test_spellings_of_a_name_share_a_pseudonym(written):
    log = pd.DataFrame({"contact": ["José Álvarez", "Ben Ode"], "referred_by": [None, written]})
    out = anonymize(log)
    assert out["referred_by"].tolist() == [pd.NA, "Contact 01"]
    assert pseudonym_map(log)["name"].tolist() == ["José Álvarez", "Ben Ode"]


def test_not_a_dataframe():
    with pytest.raises(InvalidArgumentError, match="Expected the log as a pandas DataFrame"):
        anonymize(["Ana"])


def test_sample_log_chains_survive():
    log = iv.example_log()
    out = anonymize(log)
    before = referral_chains(log, as_of=iv.SAMPLE_AS_OF)
    after = referral_chains(out, as_of=iv.SAMPLE_AS_OF)
    assert before["depth"].tolist() == after["depth"].tolist()
    assert before["descendants"].tolist() == after["descendants"].tolist()
    names = set(log["contact"]) | set(log["referred_by"].dropna())
    assert not names & set(after["path"].str.split(" → ").explode())


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(min_value=-1, max_value=30), min_size=1, max_size=30), st.data())
def test_random_forests_keep_their_shape(parents, data):
    # Person i is referred by an earlier person (a forest), or by nobody (-1).
    names = [f"Name {i}" for i in range(len(parents))]
    referred = [
        None
        if p < 0 or p >= i
        else data.draw(st.sampled_from([names[p], names[p].upper(), f" {names[p]} "]))
        for i, p in enumerate(parents)
    ]
    log = pd.DataFrame({"contact": names, "referred_by": referred})
    out = anonymize(log)
    lookup = dict(zip(out["contact"], range(len(out)), strict=True))
    for i, p in enumerate(parents):
        if 0 <= p < i:
            assert lookup[out["referred_by"].iloc[i]] == p
        else:
            assert pd.isna(out["referred_by"].iloc[i])
