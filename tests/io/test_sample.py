"""The sample data: committed files equal the script's output, load cleanly, and exercise
everything the analyses look at (checked independently of the analysis code)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import numpy as np
import openpyxl
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from infoview_analytics.core import schema
from infoview_analytics.errors import LogProblemsWarning
from infoview_analytics.io.loader import load_logs, read_log
from infoview_analytics.io.sample import SAMPLE_AS_OF, example_log, example_log_path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
AS_OF = np.datetime64(SAMPLE_AS_OF, "D")


def _script():
    spec = importlib.util.spec_from_file_location(
        "make_sample_data", ROOT / "scripts" / "make_sample_data.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    out = tmp_path_factory.mktemp("sample")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "make_sample_data.py"),
            "--out",
            str(out / "data"),
            "--package-data",
            str(out / "pkg"),
        ],
        check=True,
        capture_output=True,
        env=env,
    )
    return out


@pytest.fixture(scope="module")
def log() -> pd.DataFrame:
    return example_log()


def _committed_files() -> list[Path]:
    files = sorted(p for p in DATA.rglob("*") if p.suffix in {".csv", ".xlsx"})
    return [p.relative_to(DATA) for p in files]


def test_committed_files_are_what_the_script_writes(generated):
    made = sorted(
        p.relative_to(generated / "data")
        for p in (generated / "data").rglob("*")
        if p.suffix in {".csv", ".xlsx"}
    )
    assert _committed_files() == made
    for rel in made:
        if rel.suffix == ".csv":
            assert (DATA / rel).read_bytes() == (generated / "data" / rel).read_bytes(), rel
        else:
            committed = openpyxl.load_workbook(DATA / rel)
            fresh = openpyxl.load_workbook(generated / "data" / rel)
            assert committed.sheetnames == fresh.sheetnames
            for name in committed.sheetnames:
                a = list(committed[name].iter_rows(values_only=True))
                b = list(fresh[name].iter_rows(values_only=True))
                assert a == b, f"{rel} sheet {name}"
    bundled = ROOT / "infoview_analytics" / "data" / "sample_log.csv"
    assert bundled.read_bytes() == (generated / "pkg" / "sample_log.csv").read_bytes()
    assert bundled.read_bytes() == (DATA / "sample_log.csv").read_bytes()


def test_csv_is_utf8_with_iso_dates():
    text = (DATA / "sample_log.csv").read_text(encoding="utf-8")
    header, *rows = text.splitlines()
    assert header.split(",") == list(schema.COLUMNS)
    dates = re.findall(r"\b\d{4}-\d{2}-\d{2}\b", text)
    assert dates
    assert not re.search(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b", text)
    assert len(rows) == 50


def test_example_log_path_and_as_of():
    assert example_log_path().is_file()
    assert dt.date(2026, 4, 17) == SAMPLE_AS_OF
    assert SAMPLE_AS_OF.weekday() == 4  # a Friday


@pytest.mark.parametrize("name", ["sample_log.csv", "sample_log.xlsx"])
def test_sample_loads_without_problems(name, log):
    result = read_log(DATA / name, as_of=SAMPLE_AS_OF)
    assert result.problems.empty
    assert_frame_equal(result.log, log)


def test_sample_xlsx_has_the_template_layout_and_real_dates():
    sheet = openpyxl.load_workbook(DATA / "sample_log.xlsx")["Log"]
    assert [c.value for c in sheet[1]][: len(schema.FIELDS)] == [c.label for c in schema.FIELDS]
    column = [c.name for c in schema.FIELDS].index("requested_on") + 1
    dated = [sheet.cell(row=r, column=column) for r in range(2, 52)]
    assert all(c.is_date for c in dated if c.value is not None)


def test_size_fields_and_statuses(log):
    assert 40 <= len(log) <= 60
    assert 5 <= log["field"].nunique() <= 7
    assert set(log["status"].astype(str)) == set(schema.CATEGORIES["status"])
    raw = pd.read_csv(DATA / "sample_log.csv", dtype=str)
    blank = raw["status"].isna()
    assert 2 <= blank.sum() <= 6  # a few left blank, derived by the loader
    derived = set(log.loc[blank.to_numpy(), "status"].astype(str))
    assert derived == {"prospect", "awaiting", "interviewed"}


def test_channels_sources_and_warmth(log):
    assert {"email", "linkedin", "phone", "in_person"} <= set(log["channel"].dropna().astype(str))
    warm = log["referred_by"].notna() | log["source"].astype(str).isin(schema.WARM_SOURCES)
    assert 10 <= warm.sum() <= len(log) - 10
    for column in ("seniority", "org_type"):
        assert log[column].nunique() >= 4
    assert log["location"].nunique() >= 4


def _interviews_per_field(log):
    interviewed = log[log["status"] == "interviewed"]
    return interviewed.groupby("field").size().reindex(log["field"].unique(), fill_value=0)


def test_one_or_two_fields_below_three_interviews(log):
    per_field = _interviews_per_field(log)
    assert 1 <= (per_field < 3).sum() <= 2
    assert (per_field >= 5).any()


def test_one_field_rests_on_a_single_organization(log):
    interviewed = log[log["status"] == "interviewed"]
    orgs = interviewed.groupby("field")["organization"].nunique()
    counts = interviewed.groupby("field").size()
    assert ((orgs == 1) & (counts >= 3)).any()


def _key(name: str) -> str:
    return " ".join(str(name).split()).casefold()


def test_referral_chains_reach_depth_three(log):
    graph = nx.DiGraph()
    contacts = {_key(c): c for c in log["contact"]}
    for contact, referrer in zip(log["contact"], log["referred_by"], strict=True):
        graph.add_node(_key(contact))
        if pd.notna(referrer):
            graph.add_edge(_key(referrer), _key(contact))
    assert nx.is_directed_acyclic_graph(graph)
    assert nx.dag_longest_path_length(graph) >= 3
    referrers = set(log["referred_by"].dropna())
    outside = [r for r in referrers if _key(r) not in contacts]
    assert len(outside) == 1  # one referrer is not in the log
    mismatched = [r for r in referrers if _key(r) in contacts and r not in contacts.values()]
    assert len(mismatched) == 1  # written with different case/spacing than the contact
    # referrals_given is at least the number of people in the log each person referred
    made = log["referred_by"].dropna().map(_key).value_counts()
    given = log.set_index(log["contact"].map(_key))["referrals_given"].fillna(0)
    for person, count in made.items():
        if person in given.index:
            assert given[person] >= count


def _business_days(start, end=AS_OF):
    return np.busday_count(np.asarray(start, dtype="datetime64[D]"), end)


def test_pending_and_overdue_requests(log):
    awaiting = log[log["status"] == "awaiting"]
    since = awaiting[["requested_on", "followed_up_on"]].max(axis=1)
    waited = _business_days(since.to_numpy())
    assert (waited < 7).sum() >= 3  # still inside the answer window
    assert (waited >= 7).sum() >= 2  # a follow-up is due
    followed = awaiting["followed_up_on"].notna()
    assert followed.any()
    assert (waited[followed.to_numpy()] < 7).all()  # followed up recently


def test_second_person_candidates(log):
    awaiting = log[log["status"] == "awaiting"]
    waited = pd.Series(_business_days(awaiting["requested_on"].to_numpy()), index=awaiting.index)
    late_orgs = set(awaiting.loc[waited >= 3, "organization"])
    prospects = log[log["status"] == "prospect"]
    assert len(late_orgs & set(prospects["organization"])) >= 3


def test_thank_yous_meetings_and_keep_in_touch(log):
    done = log[log["status"] == "interviewed"]
    lag = (done["thanked_on"] - done["interview_on"]).dt.days
    assert (lag == 0).any()
    assert lag.between(2, 3).any()
    assert (lag > 3).any()
    not_yet = done[done["thanked_on"].isna()]
    yesterday = pd.Timestamp(SAMPLE_AS_OF) - pd.Timedelta(days=1)
    assert (not_yet["interview_on"] == yesterday).sum() == 1
    assert len(not_yet) == 2
    planned, actual = done["minutes_planned"], done["minutes_actual"]
    assert ((actual > planned).fillna(False)).sum() >= 3
    questions = done["questions_prepared"].dropna()
    assert (questions < 5).any()
    assert questions.between(5, 7).any()
    assert (questions > 7).any()
    last = done[["interview_on", "thanked_on", "last_contact_on"]].max(axis=1)
    quiet = (pd.Timestamp(SAMPLE_AS_OF) - last).dt.days >= 60
    assert quiet.sum() == 1
    scheduled = log[log["status"] == "scheduled"]
    assert (scheduled["interview_on"] > pd.Timestamp(SAMPLE_AS_OF)).all()


def test_people_are_fictional(log):
    assert log["email"].dropna().str.fullmatch(r"[a-z.]+@example\.(com|org)").all()
    assert log["phone"].dropna().str.fullmatch(r"\(614\) 555-01\d\d").all()
    assert (
        log["linkedin_url"].dropna().str.fullmatch(r"https://www\.linkedin\.com/in/[a-z-]+").all()
    )
    assert log["contact"].is_unique


def test_cohort_loads_with_only_the_documented_problems():
    files = sorted((DATA / "cohort").iterdir())
    assert 4 <= len(files) <= 6
    script = _script()
    for path in files:
        result = read_log(path, as_of=SAMPLE_AS_OF)
        found = set(zip(result.problems["column"], result.problems["value"], strict=True))
        expected = set(script.MESSY_PROBLEMS) if path.stem == "jonah_whitaker" else set()
        assert found == expected, path.name
    with pytest.warns(LogProblemsWarning, match="2 problems"):
        cohort = load_logs(DATA / "cohort", as_of=SAMPLE_AS_OF)
    assert sorted(cohort["owner"].unique()) == sorted(p.stem for p in files)


def test_messy_log_is_messy():
    result = read_log(DATA / "cohort" / "jonah_whitaker.xlsx", as_of=SAMPLE_AS_OF)
    assert result.log["source_row"].min() == 5  # title rows and a blank row above the header
    assert "Vibe check" in result.log.columns
    assert set(result.log["status"].astype(str)) >= {"interviewed", "awaiting", "no_response"}
