"""Coverage of fields and perspectives, against hand-counted logs."""

from __future__ import annotations

import importlib

import numpy as np
import pandas as pd
import pytest
from conftest import TINY_AS_OF

from infoview_analytics import InvalidArgumentError
from infoview_analytics.analysis.fields import coverage, perspective_matrix
from infoview_analytics.analysis.tables import TABLES

AS_OF = "2026-04-17"
COLUMNS = ["field", *TABLES["coverage"].columns]


def _interviews(**columns) -> pd.DataFrame:
    n = len(next(iter(columns.values())))
    return pd.DataFrame(
        {"contact": [f"P{i}" for i in range(n)], "status": "interviewed", **columns}
    )


def test_tiny_log(tiny_log):
    cov = coverage(tiny_log, as_of=TINY_AS_OF)
    assert cov.columns.tolist() == COLUMNS
    assert cov["field"].tolist() == ["data", "design", "policy"]
    # data: Ana, Ben interviewed; Chloe asked 3 business days ago (pending); Gus a prospect.
    assert cov.loc[0, ["interviewed", "scheduled", "asked", "pending"]].tolist() == [2, 0, 3, 1]
    assert cov.loc[0, ["status", "to_minimum", "to_target"]].tolist() == ["below_minimum", 1, 3]
    assert cov.loc[0, ["n_organization", "n_seniority"]].tolist() == [2, 0]
    assert cov.loc[0, "top_org_share"] == pytest.approx(0.5)
    assert cov.loc[0, "note"] == "Only 2 interviews: below the minimum of 3"
    # design: three asked, none interviewed.
    assert cov.loc[1, ["interviewed", "asked", "pending"]].tolist() == [0, 3, 0]
    assert np.isnan(cov.loc[1, "top_org_share"])
    assert cov.loc[1, "note"] == "No interviews yet: 3 needed to reach the minimum"
    # policy: Hana scheduled for after the as-of date.
    assert cov.loc[2, ["interviewed", "scheduled", "asked"]].tolist() == [0, 1, 1]


@pytest.mark.parametrize(
    ("k", "minimum", "target", "status", "to_minimum", "to_target"),
    [
        (0, 3, 5, "below_minimum", 3, 5),
        (2, 3, 5, "below_minimum", 1, 3),
        (3, 3, 5, "minimum_met", 0, 2),
        (5, 3, 5, "target_met", 0, 0),
        (7, 3, 5, "target_met", 0, 0),
        (2, 2, 2, "target_met", 0, 0),
        (1, 1, 4, "minimum_met", 0, 3),
    ],
)
def test_status_and_gaps(k, minimum, target, status, to_minimum, to_target):
    log = pd.DataFrame(
        {
            "contact": [f"P{i}" for i in range(k + 1)],
            "field": "data",
            "status": ["interviewed"] * k + ["awaiting"],
            "requested_on": pd.to_datetime("2026-01-05"),
        }
    )
    cov = coverage(log, minimum=minimum, target=target, as_of=AS_OF)
    row = cov.iloc[0]
    assert row[["interviewed", "status", "to_minimum", "to_target"]].tolist() == [
        k,
        status,
        to_minimum,
        to_target,
    ]


@pytest.mark.parametrize(
    ("organization", "seniority", "note"),
    [
        (
            ["Acme"] * 3,
            ["senior", "mid", None],
            "All 3 interviews are from one organisation (Acme)",
        ),
        (
            ["Acme", "acme ", "ACME"],
            ["mid", "mid", "entry"],
            "All 3 interviews are from one organisation (Acme)",
        ),
        (["Acme", "Hooli", "Acme"], ["senior"] * 3, "All interviews are with senior people"),
        (["Acme", "Hooli", None], ["executive"] * 3, "All interviews are with executives"),
        (["Acme", "Hooli", "Initech"], ["senior", "senior", None], ""),
        (["Acme", None, "Acme"], ["mid", "senior", "mid"], ""),
    ],
)
def test_notes_on_few_voices(organization, seniority, note):
    log = _interviews(field=["data"] * 3, organization=organization, seniority=seniority)
    assert coverage(log, as_of=AS_OF).loc[0, "note"] == note


def test_notes_combine():
    log = _interviews(field=["data"] * 2, organization=["Acme"] * 2, seniority=["student"] * 2)
    assert coverage(log, as_of=AS_OF).loc[0, "note"] == (
        "Only 2 interviews: below the minimum of 3; Both interviews are from one organisation "
        "(Acme); All interviews are with students"
    )
    one = coverage(log.iloc[:1], as_of=AS_OF).loc[0, "note"]
    assert one == "Only 1 interview: below the minimum of 3"


def test_perspective_counts_and_top_share():
    log = _interviews(
        field=["data"] * 4 + ["law"],
        organization=["Acme", "Acme", "Acme", "Hooli", "Firm"],
        role=["analyst", "Analyst", "engineer", None, "lawyer"],
        seniority=["mid", "mid", "senior", "entry", None],
        org_type=["corporate"] * 4 + ["nonprofit"],
        location=["Oslo", "oslo", "Lima", "Lima", None],
    )
    cov = coverage(log, as_of=AS_OF, minimum=1)
    data = cov.iloc[0]
    assert data[
        ["n_organization", "n_role", "n_seniority", "n_org_type", "n_location"]
    ].tolist() == [2, 2, 3, 1, 2]
    assert data["top_org_share"] == pytest.approx(3 / 4)
    law = cov.iloc[1]
    assert law[["n_organization", "n_role", "n_seniority", "n_location"]].tolist() == [1, 1, 0, 0]


def test_only_interviews_count_for_perspectives():
    log = pd.DataFrame(
        {
            "contact": ["A", "B"],
            "field": ["data", "data"],
            "organization": ["Acme", "Hooli"],
            "status": ["interviewed", "declined"],
        }
    )
    cov = coverage(log, as_of=AS_OF)
    assert cov.loc[0, ["interviewed", "n_organization", "top_org_share"]].tolist() == [1, 1, 1.0]


def test_planned_fields_and_no_field_group():
    log = pd.DataFrame(
        {
            "contact": ["A", "B", "C"],
            "field": ["Data Science", None, " data  science"],
            "status": ["interviewed", "interviewed", "awaiting"],
        }
    )
    cov = coverage(log, as_of=AS_OF, fields=["policy", "data science", "Art"])
    assert cov["field"].tolist() == ["Art", "Data Science", "policy", "(no field)"]
    assert cov["interviewed"].tolist() == [0, 1, 0, 1]
    assert cov["asked"].tolist() == [0, 2, 0, 1]
    assert cov.loc[3, "note"].startswith("Rows without a field")


def test_no_field_column_and_no_interviews():
    log = pd.DataFrame({"contact": ["A", "B"], "status": ["awaiting", "prospect"]})
    cov = coverage(log, as_of=AS_OF)
    assert cov["field"].tolist() == ["(no field)"]
    assert cov.loc[0, ["interviewed", "asked"]].tolist() == [0, 1]


def test_empty_log_with_planned_fields():
    cov = coverage(pd.DataFrame({"contact": []}), as_of=AS_OF, fields=["data"])
    assert cov.columns.tolist() == COLUMNS
    assert cov[["field", "interviewed", "status"]].values.tolist() == [
        ["data", 0, "below_minimum"]
    ]


def test_cohort_by_owner_and_field():
    log = pd.DataFrame(
        {
            "owner": ["amy", "amy", "bo", "bo", "bo"],
            "contact": ["A", "B", "A", "C", "D"],
            "field": ["data", "law", "data", "data", "data"],
            "status": ["interviewed"] * 5,
        }
    )
    cov = coverage(log, by=["owner", "field"], as_of=AS_OF, minimum=2, fields=["art"])
    assert cov.columns.tolist()[:3] == ["owner", "field", "interviewed"]
    assert cov[["owner", "field", "interviewed", "status"]].values.tolist() == [
        ["amy", "art", 0, "below_minimum"],
        ["amy", "data", 1, "below_minimum"],
        ["amy", "law", 1, "below_minimum"],
        ["bo", "art", 0, "below_minimum"],
        ["bo", "data", 3, "minimum_met"],
    ]


def test_custom_perspectives():
    log = _interviews(field=["data"] * 2, channel=["email", "phone"])
    cov = coverage(log, as_of=AS_OF, perspectives=["channel"])
    assert "n_channel" in cov.columns
    assert "n_role" not in cov.columns
    assert cov.loc[0, "n_channel"] == 2


def test_input_not_modified(tiny_log):
    before = tiny_log.copy(deep=True)
    coverage(tiny_log, as_of=TINY_AS_OF, fields=["x"])
    perspective_matrix(tiny_log, as_of=TINY_AS_OF)
    pd.testing.assert_frame_equal(tiny_log, before)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"by": None}, r"`by` must name the field column"),
        ({"by": "feild"}, r"`by` must be a column name .* but 'feild' was passed"),
        ({"minimum": 0}, r"`minimum` must be a whole number >= 1, but 0 was passed"),
        ({"minimum": 4, "target": 3}, r"`target` must be a whole number >= 4, but 3 was passed"),
        ({"perspectives": ["rank"]}, r"`perspectives` must be one of \[.*\], but 'rank'"),
        ({"fields": [""]}, r"`fields` must be a list of field names"),
        ({"as_of": "later"}, r"`as_of` must be a date"),
    ],
)
def test_bad_arguments(tiny_log, kwargs, match):
    with pytest.raises(InvalidArgumentError, match=match):
        coverage(tiny_log, **kwargs)


# ------------------------------------------------------------------ perspective_matrix
def test_perspective_matrix_category_order():
    log = _interviews(
        field=["data", "data", "data", "law"],
        seniority=["senior", "student", "Wizard", None],
    )
    m = perspective_matrix(log, as_of=AS_OF)
    assert m.columns.tolist() == [
        "field",
        "student",
        "entry",
        "mid",
        "senior",
        "executive",
        "Wizard",
        "(none)",
    ]
    assert m.iloc[0, 1:].tolist() == [1, 0, 0, 1, 0, 1, 0]
    assert m.iloc[1, 1:].tolist() == [0, 0, 0, 0, 0, 0, 1]
    assert m.attrs["perspective"] == "seniority"


def test_perspective_matrix_counts_interviews_only(tiny_log):
    tiny = tiny_log.assign(location=["Oslo", "Lima", "Oslo", None, None, None, None, "Rome"])
    m = perspective_matrix(tiny, perspective="location", as_of=TINY_AS_OF)
    assert m.columns.tolist() == ["field", "Lima", "Oslo"]
    assert m.values.tolist() == [["data", 1, 1], ["design", 0, 0], ["policy", 0, 0]]


def test_perspective_matrix_cohort():
    log = _interviews(owner=["a", "b", "b"], field=["x", "x", "y"], org_type=["startup"] * 3)
    m = perspective_matrix(log, by=["owner", "field"], perspective="org_type", as_of=AS_OF)
    assert m[["owner", "field", "startup", "corporate"]].values.tolist() == [
        ["a", "x", 1, 0],
        ["b", "x", 1, 0],
        ["b", "y", 1, 0],
    ]


def test_perspective_matrix_bad_perspective(tiny_log):
    with pytest.raises(InvalidArgumentError, match=r"`perspective` must be one of"):
        perspective_matrix(tiny_log, perspective="height")


def test_package_attribute_stays_the_function_after_module_import():
    """No module shares a name with a public function: importing them hides nothing."""

    import infoview_analytics as iv

    importlib.import_module("infoview_analytics.analysis.fields")
    importlib.import_module("infoview_analytics.analysis.cohort")
    assert callable(iv.coverage)
    assert iv.coverage is coverage
    log = pd.DataFrame({"contact": ["A"], "field": ["data"], "status": ["interviewed"]})
    assert iv.coverage(log, as_of=AS_OF).loc[0, "interviewed"] == 1


def test_counts_match_a_plain_pandas_reference():
    # Many groups and values: interviews, distinct organisations and the top organisation's
    # share per (owner, field) equal a groupby on the name keys written out by hand.
    rng = np.random.default_rng(7)
    n = 400
    log = pd.DataFrame(
        {
            "contact": [f"P{i}" for i in range(n)],
            "owner": rng.choice(["s1", "s2", "s3"], n),
            "field": rng.choice(["data", "policy", " Data ", None], n),
            "organization": rng.choice(["Acme", "acme ", "Initech", "Hooli", None], n),
            "seniority": rng.choice(["entry", "mid", "senior", None], n),
            "role": rng.choice(["analyst", "lead"], n),
            "requested_on": pd.Timestamp("2026-03-02"),
            "status": rng.choice(["interviewed", "awaiting", "declined"], n, p=[0.3, 0.4, 0.3]),
        }
    )
    got = coverage(log, by=["owner", "field"], as_of="2026-04-17")

    def key(s: pd.Series) -> pd.Series:
        return s.str.strip().str.casefold()

    done = log[log["status"] == "interviewed"].assign(
        f=lambda d: key(d["field"]).fillna("(no field)"), o=lambda d: key(d["organization"])
    )
    want = done.groupby(["owner", "f"]).agg(
        interviewed=("contact", "size"), n_organization=("o", "nunique")
    )
    top = done.groupby(["owner", "f"])["o"].agg(lambda o: o.value_counts().max())
    want["top_org_share"] = top / want["interviewed"]
    mine = got.assign(f=key(got["field"]).where(got["field"] != "(no field)", "(no field)"))
    mine = mine.set_index(["owner", "f"]).loc[want.index]
    assert mine["interviewed"].tolist() == want["interviewed"].tolist()
    assert mine["n_organization"].tolist() == want["n_organization"].tolist()
    np.testing.assert_allclose(mine["top_org_share"], want["top_org_share"])
    assert (got["interviewed"] > 0).sum() == len(want)


def test_empty_log_gives_an_empty_table():
    out = coverage(pd.DataFrame({"contact": [], "field": []}), as_of="2026-04-17")
    assert len(out) == 0
    assert "note" in out.columns
