"""The report's next-steps page: its chart and tables are written, with pseudonyms only."""

from __future__ import annotations

import pandas as pd
from pypdf import PdfReader

import infoview_analytics as iv


def test_anonymized_report_has_next_steps_with_pseudonyms(anonymized_sample_report):
    log, out = anonymized_sample_report
    assert (out / "charts" / "next_steps.png").stat().st_size > 0
    people = pd.read_csv(out / "tables" / "next_people.csv")
    plan = pd.read_csv(out / "tables" / "plan.csv")
    assert people["contact"].str.fullmatch(r"Contact \d+").all()
    assert plan["field"].tolist() == iv.plan(log, as_of=iv.SAMPLE_AS_OF)["field"].tolist()
    pages = PdfReader(out / "report.pdf").pages
    text = "\n".join(page.extract_text() for page in pages).replace("\x00", "")
    assert "Next steps: how many more people to ask, and whom" in text
    names = set(log["contact"].dropna()) | set(log["referred_by"].dropna())
    written = " ".join(people["reason"]) + text
    assert not [n for n in names if n in written]


def test_cohort_report_lists_each_students_first(tmp_path):
    log = iv.example_log()
    cohort = pd.concat([log.assign(owner="Amy"), log.assign(owner="Bo")], ignore_index=True)
    out = iv.build_report(cohort, tmp_path / "r", as_of=iv.SAMPLE_AS_OF, formats=["csv"])
    people = pd.read_csv(out / "tables" / "next_people.csv")
    assert people["owner"].tolist() == ["Amy", "Bo"]
    assert set(pd.read_csv(out / "tables" / "plan.csv")["owner"]) == {"Amy", "Bo"}
