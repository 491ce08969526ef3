"""build_report: files, PDF pages, tables, anonymization scan, formula safety, atomic writing."""

from __future__ import annotations

import re

import openpyxl
import pandas as pd
import pytest
from PIL import Image
from pypdf import PdfReader

import infoview_analytics as iv
from infoview_analytics import charts
from infoview_analytics.charts.labels import column_label
from infoview_analytics.errors import InvalidArgumentError, ReportExistsError
from infoview_analytics.report.anonymizing import anonymize
from infoview_analytics.report.build import build_report

CHARTS = [
    "response_rates_channel",
    "response_rates_warmth",
    "funnel",
    "time_to_response",
    "activity",
    "coverage",
    "perspectives_seniority",
    "referral_tree",
    "thank_you_timeliness",
    "meeting_discipline",
]
ALL = ("png", "svg", "pdf", "html", "xlsx", "csv")


def personal_log() -> pd.DataFrame:
    """The sample log with contact details, notes and a private column filled in."""
    log = iv.example_log()
    n = len(log)
    log["email"] = [f"person{i}.secret@example.org" for i in range(n)]
    log["phone"] = [f"+44 7700 9{i:05d}" for i in range(n)]
    log["linkedin_url"] = [f"https://www.linkedin.com/in/secret-profile-{i}" for i in range(n)]
    log["notes"] = [f"Confidential note number {i} about the hiring freeze" for i in range(n)]
    log["next_step"] = [f"Private next step {i}: call back" for i in range(n)]
    log["owner"] = "Margarethe Studentova"
    log["Diary"] = [f"diary entry {i} mentions Zebulon Quackenbush" for i in range(n)]
    return log


def secrets(log: pd.DataFrame) -> set[str]:
    cols = [
        "contact",
        "referred_by",
        "email",
        "phone",
        "linkedin_url",
        "notes",
        "next_step",
        "owner",
        "Diary",
    ]
    values = pd.concat([log[c].dropna().astype(str) for c in cols])
    return {v.strip() for v in values if v.strip()}


def _pdf_text(page) -> str:
    # pypdf returns matplotlib's TrueType (Type 42) text as UTF-16 code units with NULs.
    return page.extract_text().replace("\x00", "")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()


def _file_texts(folder):
    """Every text an output file exposes: bytes, metadata, PDF text, workbook cells."""
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        texts = [path.read_bytes().decode("utf-8", errors="ignore")]
        if path.suffix == ".png":
            with Image.open(path) as image:
                texts += [str(v) for v in image.info.values()]
        elif path.suffix == ".pdf":
            reader = PdfReader(path)
            texts += [_pdf_text(page) for page in reader.pages]
            texts += [str(v) for v in (reader.metadata or {}).values()]
        elif path.suffix == ".xlsx":
            wb = openpyxl.load_workbook(path)
            texts += [str(c.value) for ws in wb for row in ws.iter_rows() for c in row]
            props = wb.properties
            texts += [str(props.creator), str(props.lastModifiedBy), str(props.title)]
        yield path, "\n".join(texts)


@pytest.fixture(scope="module")
def anonymized(tmp_path_factory):
    log = personal_log()
    before = log.copy(deep=True)
    out = build_report(
        log,
        tmp_path_factory.mktemp("a") / "report",
        as_of=iv.SAMPLE_AS_OF,
        anonymize=True,
        formats=ALL,
        title="Advisor report",
    )
    pd.testing.assert_frame_equal(log, before)  # the input is never modified
    return log, out


def test_files_exist(anonymized):
    _, out = anonymized
    names = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    for chart in CHARTS:
        assert f"charts/{chart}.png" in names
        assert f"charts/{chart}.svg" in names
    assert {"report.pdf", "report.html", "tables.xlsx", "tables/coverage.csv"} <= names
    assert not any(p.name.startswith(".") for p in out.parent.iterdir())  # no temp left


def test_png_resolution(anonymized):
    _, out = anonymized
    for chart in CHARTS:
        with Image.open(out / "charts" / f"{chart}.png") as image:
            dpi = image.info["dpi"]
        assert dpi[0] == pytest.approx(200, abs=0.5)


def test_pdf_pages_and_metadata(anonymized):
    _, out = anonymized
    reader = PdfReader(out / "report.pdf")
    assert len(reader.pages) == 1 + len(CHARTS)  # title page + one page per chart
    assert reader.metadata.get("/Title") == "Advisor report"
    assert "/Author" not in reader.metadata
    title_page = _pdf_text(reader.pages[0])
    for label in [
        "People asked",
        "Response rate",
        "Interviews",
        "Fields at the minimum",
        "Follow-ups overdue",
    ]:
        assert label in title_page
    rates = iv.response_rates(iv.example_log(), as_of=iv.SAMPLE_AS_OF).iloc[0]
    assert f"n = {int(rates['decided'])} decided" in title_page
    assert "Ask every interviewee" in "".join(_pdf_text(p) for p in reader.pages)


def test_xlsx_sheets_frozen_values_widths(anonymized):
    _, out = anonymized
    wb = openpyxl.load_workbook(out / "tables.xlsx")
    assert wb.sheetnames[0] == "Summary"
    assert {"Coverage", "Funnel", "Response rate", "Referral chains"} <= set(wb.sheetnames)
    for ws in wb.worksheets[1:]:
        assert ws.freeze_panes == "A2"
        assert ws.column_dimensions["A"].width > 0
    for ws in wb:
        assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    coverage = pd.read_csv(out / "tables" / "coverage.csv")
    ws = wb["Coverage"]
    assert [c.value for c in ws[1]] == [column_label(c) for c in coverage.columns]
    assert ws.max_row == len(coverage) + 1


def test_csv_matches_the_analysis(anonymized):
    log, out = anonymized
    funnel = pd.read_csv(out / "tables" / "funnel.csv")
    expected = iv.funnel(anonymize(log), as_of=iv.SAMPLE_AS_OF)
    assert funnel["count"].tolist() == expected["count"].tolist()


def test_anonymized_report_leaks_nothing(anonymized):
    log, out = anonymized
    needles = {_squash(s) for s in secrets(log)}
    assert len(needles) > 200
    checked = 0
    for path, text in _file_texts(out):
        hay = _squash(text)
        leaked = sorted(n for n in needles if n in hay)
        assert not leaked, f"{path.name} contains {leaked[:5]}"
        checked += 1
    assert checked == 2 * len(CHARTS) + 3 + len(list((out / "tables").iterdir()))
    # Pseudonyms are used instead, consistently across outputs.
    pdf_text = "".join(_pdf_text(p) for p in PdfReader(out / "report.pdf").pages)
    assert "Contact 01" in pdf_text
    assert "Contact 01" in (out / "tables" / "referral_chains.csv").read_text()


@pytest.fixture(scope="module")
def named_tables(tmp_path_factory):
    log = iv.example_log()
    log.loc[0, "field"] = '=HYPERLINK("http://evil.example","x")'
    log.loc[1, "organization"] = "@SUM(1+1)"
    log.loc[2, "field"] = "-2+3"
    return build_report(
        log, tmp_path_factory.mktemp("f") / "r", as_of=iv.SAMPLE_AS_OF, formats=["xlsx", "csv"]
    )


def test_formula_neutralised_in_xlsx_and_csv(named_tables):
    out = named_tables
    wb = openpyxl.load_workbook(out / "tables.xlsx")
    fields = [c.value for c in wb["Coverage"]["A"]]
    assert '\'=HYPERLINK("http://evil.example","x")' in fields
    assert "'-2+3" in fields
    risky = re.compile(r"^[=+\-@\t\r]")
    for ws in wb:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f"
                if isinstance(c.value, str):
                    assert not risky.match(c.value), (ws.title, c.coordinate, c.value)
    for path in (out / "tables").glob("*.csv"):
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
        for col in table.columns:
            assert not table[col].str.match(r"^[=+@\t\r]").any(), (path.name, col)
            assert not table[col].str.match(r"^-[^\d]").any(), (path.name, col)
    csv = (out / "tables" / "coverage.csv").read_text()
    assert "'=HYPERLINK" in csv
    assert "'-2+3" in csv
    assert (
        "'@SUM(1+1)" in (out / "tables" / "follow_ups_due.csv").read_text()
        or "'@SUM(1+1)" in (out / "tables" / "contacts.csv").read_text()
    )
    assert sorted(p.name for p in out.iterdir()) == ["tables", "tables.xlsx"]


def test_existing_folder_needs_force(tmp_path):
    out = tmp_path / "r"
    out.mkdir()
    (out / "old.txt").write_text("keep me")
    log = iv.example_log()
    with pytest.raises(ReportExistsError, match=r"exists already.*force=True"):
        build_report(log, out, as_of=iv.SAMPLE_AS_OF, formats=["csv"])
    assert (out / "old.txt").read_text() == "keep me"
    build_report(log, out, as_of=iv.SAMPLE_AS_OF, formats=["csv"], force=True)
    assert not (out / "old.txt").exists()
    assert (out / "tables" / "funnel.csv").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["r"]


def test_failure_leaves_nothing(tmp_path, monkeypatch):
    calls = []

    def broken(*args, **kwargs):
        calls.append(1)
        msg = "drawing failed"
        raise RuntimeError(msg)

    monkeypatch.setattr(charts, "plot_funnel", broken)
    with pytest.raises(RuntimeError, match="drawing failed"):
        build_report(
            iv.example_log(), tmp_path / "r", as_of=iv.SAMPLE_AS_OF, formats=["csv", "png", "pdf"]
        )
    assert calls  # it failed mid-report, after the CSV files and two charts
    assert list(tmp_path.iterdir()) == []


def test_failure_keeps_an_existing_report(tmp_path, monkeypatch):
    out = tmp_path / "r"
    build_report(iv.example_log(), out, as_of=iv.SAMPLE_AS_OF, formats=["csv"])
    monkeypatch.setattr(charts, "plot_activity", lambda *a, **k: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        build_report(iv.example_log(), out, as_of=iv.SAMPLE_AS_OF, formats=["png"], force=True)
    assert sorted(p.name for p in out.iterdir()) == ["tables"]
    assert [p.name for p in tmp_path.iterdir()] == ["r"]


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"formats": ["png", "docx"]}, r"`formats` must be a non-empty list of .*'docx'"),
        ({"formats": []}, r"`formats` must be a non-empty list"),
        ({"as_of": "someday"}, r"`as_of` must be a date"),
    ],
)
def test_bad_arguments(tmp_path, kwargs, match):
    with pytest.raises(InvalidArgumentError, match=match):
        build_report(iv.example_log(), tmp_path / "r", **kwargs)
    assert list(tmp_path.iterdir()) == []


def test_not_a_dataframe(tmp_path):
    with pytest.raises(InvalidArgumentError, match="Expected the log as a pandas DataFrame"):
        build_report("log.xlsx", tmp_path / "r")


def test_cohort_pages(tmp_path):
    one = iv.example_log().assign(owner="Maya")
    two = iv.example_log().iloc[:20].assign(owner="Leo")
    log = pd.concat([one, two], ignore_index=True)
    out = build_report(
        log, tmp_path / "r", as_of=iv.SAMPLE_AS_OF, formats=["pdf", "xlsx"], anonymize=True
    )
    reader = PdfReader(out / "report.pdf")
    # title + 10 charts + cohort overview + one page per student
    assert len(reader.pages) == 1 + len(CHARTS) + 1 + 2
    texts = [_pdf_text(p) for p in reader.pages]
    assert "Response rate per student" in texts[-3]
    assert "Student 1" in texts[-2]
    assert "Student 2" in texts[-1]
    assert "Students" in openpyxl.load_workbook(out / "tables.xlsx").sheetnames
    assert not any("Maya" in t or "Leo" in t for t in texts)
