"""anonymize / pseudonym_map: stable pseudonyms, contact details removed, chains kept."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import infoview_analytics as iv
from infoview_analytics.analysis.referrals import referral_chains
from infoview_analytics.core.schema import CATEGORIES
from infoview_analytics.errors import InvalidArgumentError
from infoview_analytics.report.anonymizing import (
    REMOVED_COLUMNS,
    anonymize,
    check_title,
    pseudonym_map,
)


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
    assert out["source_row"].tolist() == [2, 3, 4, 5]


def test_organizations_are_pseudonyms_unless_kept():
    out = anonymize(small_log())
    assert out["organization"].tolist()[:3] == [
        "Organization 01",
        "Organization 02",
        "Organization 01",
    ]
    assert pd.isna(out["organization"].iloc[3])
    kept = anonymize(small_log(), keep_organizations=True)
    assert kept["organization"].tolist()[:3] == ["Acme", "Globex", "Acme"]
    assert kept["contact"].tolist()[0] == "Contact 01"  # only organisations are kept


def test_roles_and_locations_become_pseudonyms():
    log = small_log().assign(
        role=["Assistant to Ana Ruiz", "Lead", "lead ", None],
        location=["12 Quince Lane", "Oslo", "Lima", "oslo"],
    )
    out = anonymize(log)
    assert out["role"].tolist() == ["Role 01", "Role 02", "Role 02", pd.NA]
    assert out["location"].tolist() == ["Location 01", "Location 02", "Location 03", "Location 02"]


def test_known_fields_kept_others_become_pseudonyms():
    log = small_log().assign(
        field=["Data analytics", "Dr Okafor's lab", " LAW ", "dr okafor's  LAB"]
    )
    out = anonymize(log)
    assert out["field"].tolist() == ["Data analytics", "Field 01", "LAW", "Field 01"]
    table = pseudonym_map(log)
    assert table[table["kind"] == "field"][["name", "pseudonym"]].values.tolist() == [
        ["Dr Okafor's lab", "Field 01"]
    ]


@pytest.mark.parametrize(
    ("column", "odd", "shown"),
    [
        ("channel", "WhatsApp +44 7700 900123", "other"),
        ("source", "intro from Olga Outside", "other"),
        ("org_type", "Ana's family firm", "other"),
        ("format", "Zoom with Ben", "other"),
        ("seniority", "VP, reports to Ana", None),  # no "other": left out
        ("status", "ghosted by Ben", None),
    ],
)
def test_undocumented_category_values_never_shown(column, odd, shown):
    allowed = CATEGORIES[column]
    values = [allowed[0], odd, None, allowed[-1]]
    log = small_log().assign(**{column: pd.Categorical(values, categories=[*allowed, odd])})
    out = anonymize(log)
    assert list(out[column].cat.categories) == list(allowed)  # no user text, not even unused
    expected = [allowed[0], shown, None, allowed[-1]]
    assert [None if pd.isna(v) else v for v in out[column]] == expected
    table = pseudonym_map(log)
    assert table[table["kind"] == column][["name", "pseudonym"]].values.tolist() == [
        [odd, shown or "(left out)"]
    ]


def test_figures_survive_anonymizing():
    log = iv.example_log()
    log["channel"] = log["channel"].cat.add_categories(["WhatsApp +44 7700 900123"])
    log.loc[3, "channel"] = "WhatsApp +44 7700 900123"
    before = iv.response_rates(log, as_of=iv.SAMPLE_AS_OF)
    after = iv.response_rates(anonymize(log), as_of=iv.SAMPLE_AS_OF)
    pd.testing.assert_frame_equal(before, after)
    for table in (iv.coverage, iv.funnel):
        pd.testing.assert_frame_equal(
            table(log, as_of=iv.SAMPLE_AS_OF).drop(columns=["note", "field"], errors="ignore"),
            table(anonymize(log), as_of=iv.SAMPLE_AS_OF).drop(
                columns=["note", "field"], errors="ignore"
            ),
        )


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
    table = pseudonym_map(small_log())
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
    assert "organization" not in set(pseudonym_map(small_log(), keep_organizations=True)["kind"])
    assert table.loc[table["kind"] == "role", "pseudonym"].tolist()[0] == "Role 01"


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
    assert set(out["field"]) == set(log["field"])  # the sample's fields are all broad fields
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


@pytest.mark.parametrize(
    "title",
    ["Maya Student's log", "maya  STUDENT", "Notes on Globex", "for ana@acme.com", "ÁNA RUIZ"],
)
def test_title_naming_someone_is_refused(title):
    with pytest.raises(InvalidArgumentError, match="title names someone or something"):
        check_title(title, small_log())


@pytest.mark.parametrize("title", ["Report for my advisor", "Anal­ysis", "Globexcellent"])
def test_title_without_names_is_fine(title):
    check_title(title, small_log())  # whole words only: "Globexcellent" is not Globex


def test_title_may_name_kept_organizations():
    check_title("Notes on Globex", small_log(), keep_organizations=True)
