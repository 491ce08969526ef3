"""Tests of merge_logs: match by URL then name + organisation, fill only empty cells."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from infoview_analytics import InvalidArgumentError, merge_logs
from infoview_analytics.core.schema import COLUMNS
from infoview_analytics.io.merge import MergeResult

D = pd.Timestamp


def _existing() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "contact": ["Ana Ruiz", "Ben Ode", "Chloé Park", "Dev Shah"],
            "organization": ["Acme", "Globex", None, "Umbrella"],
            "role": [None, "Engineer", None, None],
            "linkedin_url": [None, "https://www.linkedin.com/in/ben-ode", None, None],
            "requested_on": pd.to_datetime(["2026-03-01", None, None, None]),
            "status": pd.Categorical(["awaiting", "prospect", "prospect", "prospect"]),
            "notes": ["met at the fair", None, None, None],
            "my column": [1, 2, 3, 4],
            "source_row": [2, 3, 4, 5],
        }
    )


def _incoming() -> pd.DataFrame:
    return pd.DataFrame(
        {
            # name + org (case, accents, spacing ignored)
            "contact": ["ana  RUIZ", "Benjamin Ode", "Chloe Park", "Dev Shah", "Finn Lund"],
            "organization": ["ACME", "Globex Corp", None, "Hooli", "Vandelay"],
            "role": ["Analyst", "Staff Engineer", "Designer", "Manager", None],
            # Ben matched by URL although his name differs
            "linkedin_url": [
                "https://www.linkedin.com/in/ana-ruiz",
                "http://linkedin.com/in/Ben-Ode/",
                None,
                None,
                "https://www.linkedin.com/in/finn-lund",
            ],
            "requested_on": pd.to_datetime(
                ["2026-02-01", "2026-03-05", None, "2026-03-09", "2026-03-10"]
            ),
            "status": pd.Categorical(["replied", "awaiting", "prospect", "awaiting", "awaiting"]),
            "notes": ["Hi Ana", None, None, None, "Hello Finn"],
            "connected_on": pd.to_datetime(["2026-02-02", None, "2020-01-01", None, None]),
            "source_row": [7, 8, 9, 10, 11],
        }
    )


def test_fills_only_empty_cells_and_adds_new_people() -> None:
    result = merge_logs(_existing(), _incoming())
    log = result.log.set_index("contact")
    # Ana: role and URL filled; request date, status and notes kept.
    assert log.loc["Ana Ruiz", "role"] == "Analyst"
    assert log.loc["Ana Ruiz", "linkedin_url"] == "https://www.linkedin.com/in/ana-ruiz"
    assert log.loc["Ana Ruiz", "requested_on"] == D("2026-03-01")
    assert (log.loc["Ana Ruiz", "status"], log.loc["Ana Ruiz", "notes"]) == (
        "awaiting",
        "met at the fair",
    )
    # Ben matched by URL: role kept, request date filled.
    assert log.loc["Ben Ode", "role"] == "Engineer"
    assert log.loc["Ben Ode", "requested_on"] == D("2026-03-05")
    # Chloé: both without organisation, same name after accents are removed.
    assert log.loc["Chloé Park", "role"] == "Designer"
    # Dev at Umbrella vs Dev at Hooli: different people -> added; Finn added.
    assert list(result.log["contact"]) == [
        "Ana Ruiz",
        "Ben Ode",
        "Chloé Park",
        "Dev Shah",
        "Dev Shah",
        "Finn Lund",
    ]
    assert result.log["source_row"].tolist()[:4] == [2, 3, 4, 5]
    assert result.log["source_row"].iloc[4:].isna().all()
    assert list(result.log.columns) == [*COLUMNS, "my column", "source_row", "connected_on"]
    assert result.log["connected_on"].dtype == "datetime64[ns]"
    assert result.log["my column"].iloc[:4].tolist() == [1, 2, 3, 4]


def test_changes_table() -> None:
    result = merge_logs(_existing(), _incoming())
    assert isinstance(result, MergeResult)
    got = sorted(
        (c, a, col if isinstance(col, str) else "", v if isinstance(v, str) else "")
        for c, a, col, v in result.changes[["contact", "action", "column", "value"]].values
    )
    expected = sorted(
        [
            ("Ana Ruiz", "filled", "role", "Analyst"),
            ("Ana Ruiz", "filled", "linkedin_url", "https://www.linkedin.com/in/ana-ruiz"),
            ("Ana Ruiz", "filled", "connected_on", "2026-02-02"),
            ("Ben Ode", "filled", "requested_on", "2026-03-05"),
            ("Chloé Park", "filled", "role", "Designer"),
            ("Chloé Park", "filled", "connected_on", "2020-01-01"),
            ("Dev Shah", "added", "", ""),
            ("Finn Lund", "added", "", ""),
        ]
    )
    assert got == expected
    assert (result.added, result.filled) == (2, 6)
    assert list(result.changes.columns) == [
        "contact",
        "organization",
        "action",
        "column",
        "value",
        "source_row",
    ]
    ana_role = result.changes[
        (result.changes["contact"] == "Ana Ruiz") & (result.changes["column"] == "role")
    ]
    assert ana_role["source_row"].tolist() == [7]


def test_different_urls_never_match_by_name() -> None:
    existing = pd.DataFrame(
        {
            "contact": ["Ana Ruiz"],
            "organization": ["Acme"],
            "linkedin_url": ["https://linkedin.com/in/ana-1"],
        }
    )
    incoming = pd.DataFrame(
        {
            "contact": ["Ana Ruiz"],
            "organization": ["Acme"],
            "linkedin_url": ["https://linkedin.com/in/ana-2"],
            "role": ["CEO"],
        }
    )
    result = merge_logs(existing, incoming)
    assert len(result.log) == 2
    assert result.added == 1
    assert result.filled == 0


@pytest.mark.parametrize(
    "written",
    [
        "Chloe\u0301 Park",  # NFD, as pasted on macOS
        "CHLOÉ\u00a0PARK",  # no-break space
        "\ufeffchloe  park",  # byte-order mark, no accent, two spaces
        "Chlo\u00e9\u200b Park",  # zero-width space
    ],
)
def test_names_match_by_the_one_name_key(written: str) -> None:
    existing = pd.DataFrame({"contact": ["Chloé Park"], "organization": ["Société Générale"]})
    incoming = pd.DataFrame(
        {
            "contact": [written],
            "organization": ["Socie\u0301te\u0301 Ge\u0301ne\u0301rale"],
            "role": ["Designer"],
        }
    )
    result = merge_logs(existing, incoming)
    assert result.added == 0
    assert result.log["contact"].tolist() == ["Chloé Park"]
    assert result.log["role"].tolist() == ["Designer"]


def test_inputs_not_modified() -> None:
    existing, incoming = _existing(), _incoming()
    merge_logs(existing, incoming)
    pd.testing.assert_frame_equal(existing, _existing())
    pd.testing.assert_frame_equal(incoming, _incoming())


def test_categories_stay_canonical() -> None:
    log = merge_logs(_existing(), _incoming()).log
    assert log["status"].cat.categories[0] == "prospect"
    assert log["status"].tolist()[-1] == "awaiting"


@pytest.mark.parametrize("bad", [None, [1, 2], pd.DataFrame({"name": ["x"]})])
def test_bad_input(bad) -> None:
    with pytest.raises(InvalidArgumentError, match=r"The value for `existing` must be a log"):
        merge_logs(bad, _incoming())
    with pytest.raises(InvalidArgumentError, match=r"The value for `incoming` must be a log"):
        merge_logs(_existing(), bad)


names = st.sampled_from(["Ana Ruiz", "ana ruiz", "Ben Ode", "Chloé Park", "Chloe Park", "Dev"])
orgs = st.sampled_from([None, "Acme", "ACME", "Globex"])
urls = st.sampled_from(
    [
        None,
        "https://linkedin.com/in/a",
        "http://www.linkedin.com/in/A/",
        "https://linkedin.com/in/b",
    ]
)
texts = st.sampled_from([None, "x", "y"])
dates = st.sampled_from([None, "2026-03-01", "2026-03-05"])
rows = st.tuples(names, orgs, urls, texts, dates)


def _frame(data: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "contact": [r[0] for r in data],
            "organization": [r[1] for r in data],
            "linkedin_url": [r[2] for r in data],
            "role": [r[3] for r in data],
            "requested_on": pd.to_datetime([r[4] for r in data]),
        }
    )


@settings(max_examples=60, deadline=None)
@given(st.lists(rows, min_size=0, max_size=6), st.lists(rows, min_size=0, max_size=6))
def test_every_existing_value_survives(existing_rows, incoming_rows) -> None:
    existing, incoming = _frame(existing_rows), _frame(incoming_rows)
    result = merge_logs(existing, incoming)
    merged = result.log.iloc[: len(existing)]
    for col in existing.columns:
        have = existing[col].notna().to_numpy()
        before = existing[col][have].astype(object).tolist()
        after = merged[col][have].astype(object).tolist()
        assert before == after
    # Every incoming person is either added or matched; changes account for the growth.
    assert len(result.log) == len(existing) + result.added
    assert result.added <= len(incoming)


def test_flag_columns_are_kept_and_filled(tmp_path) -> None:
    # A loaded log has a flag beside each date column; "Thank-you sent: yes" is a flag
    # without a date. Merging must keep the flags (not leave them missing) and fill a
    # False from an incoming yes, like an empty cell.
    from infoview_analytics import read_log, thank_you_timeliness
    from infoview_analytics.core.values import FLAG_COLUMNS

    path = tmp_path / "log.csv"
    path.write_text(
        "Name,Company,Date contacted,Meeting date,Thank you sent\n"
        "Ana Ruiz,Acme,2026-03-02,2026-03-10,Yes\n"
        "Ben Ode,Globex,2026-03-03,2026-03-11,\n",
        encoding="utf-8",
    )
    mine = read_log(path, as_of="2026-04-17").log
    theirs = pd.DataFrame(
        {
            "contact": ["Ben Ode", "Finn Lund"],
            "organization": ["Globex", "Vandelay"],
            "thanked": [True, False],
            "requested_on": pd.to_datetime([None, "2026-03-10"]),
        }
    )
    merged = merge_logs(mine, theirs)
    log = merged.log
    for flag in FLAG_COLUMNS:
        assert log[flag].dtype == bool, flag
    # Ana: said yes (no date); Ben: filled from the incoming yes; Finn: added, asked.
    assert log["thanked"].tolist() == [True, True, False]
    assert log["requested"].tolist() == [True, True, True]
    assert log["thanked_on"].isna().all()
    filled = merged.changes[merged.changes["column"] == "thanked"]
    assert filled[["contact", "value"]].values.tolist() == [["Ben Ode", "yes"]]
    # Both interviews count as thanked (timing unknown), not as missing notes.
    table = thank_you_timeliness(log, as_of="2026-04-17")
    assert int(table["not_yet"].iloc[0]) == 0
